#!/usr/bin/env bash
# Runs every test: the model's unit and scenario tests, the lesson proofs, the page's native unit tests,
# the release build of the page,
# the browser tests (wasm-bindgen-test in headless Chromium) and the end-to-end test, then prints the size
# budget. Installs what is missing first (scripts/tools.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/tools.sh --browser

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "model: unit and scenario tests (native)"
cargo test -p ecs-sim --release

step "lessons: every start meets no goal, every solution meets all"
cargo run -q -p ecs-sim --release -- check-lessons

step "page: unit tests (native: scene vs view, animation queue, reducer, terminal text, markdown)"
cargo test -p ecs-sandbox --release --lib
cargo test -p ecs-sandbox --release --doc

step "page: release build (trunk, offline)"
trunk build --release --offline=true

step "page: browser tests (wasm-bindgen-test, headless Chromium)"
cargo test -p ecs-sandbox --target wasm32-unknown-unknown

step "page: end-to-end (the built dist/ in Chromium via chromedriver)"
cargo test -p ecs-sandbox --release --test e2e -- --nocapture
# The editor: a pasted task definition underlined and explained, its fix, a 10-container keystroke in a frame.
cargo test -p ecs-sandbox --release --test e2e_editor -- --nocapture
# The cluster view: lessons 2-4 solved in the page, "why this instance?" for a binpack placement and a failure, Fargate ENIs.
cargo test -p ecs-sandbox --release --test e2e_cluster -- --nocapture
# Images and roles: lessons 5-7 solved in the page, the registry tab, role cards, lesson 7's failed pull played step by step.
cargo test -p ecs-sandbox --release --test e2e_registry -- --nocapture
# Traffic: lesson 8 solved in the page, the ALB's targets healthy on distinct host ports, requests stepped to their tasks.
cargo test -p ecs-sandbox --release --test e2e_traffic -- --nocapture
# Scaling: lesson 8 under `sandbox load`, the Scaling panel's tasks, CPU and instances charts, their table views.
cargo test -p ecs-sandbox --release --test e2e_scaling -- --nocapture
# Scaling lessons: 11 typed (the charts during its scale-out), 12 typed (tasks waiting for capacity, then placed), 13 solved.
cargo test -p ecs-sandbox --release --test e2e_scaling_lessons -- --nocapture

step "size budget"
scripts/size.sh
