#!/usr/bin/env bash
# Builds the app and serves it at http://127.0.0.1:8080 (rebuilding on change). Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/tools.sh
exec trunk serve --release --offline=true "$@"
