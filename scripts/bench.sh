#!/usr/bin/env bash
# Prints the benchmark figures, natively and in the browser (issues 3 and 4). Figures, never pass or fail;
# not part of scripts/test.sh.
#   1. native: `cargo bench -p ecs-sim` (placement at ECS's quota scale, the task-definition validator);
#   2. browser: the same work in the page's WebAssembly — builds dist/ if it is missing or older than the
#      sources, serves it, opens `#/bench` in headless Chromium and prints what the page shows
#      (tests/browser_bench.rs, an #[ignore]d test run with --ignored --nocapture).
# Installs what is missing first (scripts/tools.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/tools.sh --browser

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native: cargo bench -p ecs-sim"
cargo bench -q -p ecs-sim 2>&1 | grep -Ev '^(running [0-9]+ tests?|test result:|i+( [0-9]+/[0-9]+)?|)$'

DIST="${ECS_SANDBOX_DIST:-$ROOT/dist}"
if [ ! -f "$DIST/index.html" ] || [ -n "$(find src sim/src lessons static index.html Cargo.toml -newer "$DIST/index.html" -print -quit)" ]; then
  step "page: release build into $DIST (trunk, offline)"
  trunk build --release --offline=true --dist "$DIST"
fi

step "browser: #/bench in headless Chromium"
ECS_SANDBOX_DIST="$DIST" cargo test -q -p ecs-sandbox --release --test browser_bench -- --ignored --nocapture 2>&1 \
  | grep -Ev '^(running [0-9]+ tests?|test result:|\.|)$'
