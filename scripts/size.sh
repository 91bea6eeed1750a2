#!/usr/bin/env bash
# Prints what a first visit downloads from dist/ (wasm + js + css), raw and gzipped (-9): the size budget
# the README reports. Run after `trunk build --release`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/dist"
total_raw=0; total_gz=0
printf '%-40s %12s %12s\n' file raw gzip
for f in $(ls *.wasm *.js *.css 2>/dev/null); do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-40s %12d %12d\n' "$f" "$raw" "$gz"
done
printf '%-40s %12d %12d\n' "first visit (wasm + js + css)" "$total_raw" "$total_gz"
