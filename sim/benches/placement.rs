//! Placement at ECS's quota scale (issue 4): 5,000 container instances, 500 RunTask calls of 10 tasks each
//! with `binpack(memory)` and a `memberOf` constraint. Each call snapshots the cluster (one pass over its
//! tasks), places, and records the tasks, as RunTask does. Prints figures; asserts nothing about time.
//! The workload is `ecs_sim::placement::bench`, which the page's `#/bench` route times in the browser too.
//!
//! Run: `cargo bench -p ecs-sim --bench placement` (or `scripts/bench.sh` for these and the browser's).

use ecs_sim::placement::bench::{CALLS, INSTANCES, TASKS_PER_CALL, Workload};
use std::time::Instant;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let mut w = Workload::default();
    let start = Instant::now();
    let mut worst = std::time::Duration::ZERO;
    for _ in 0..CALLS {
        let t0 = Instant::now();
        w.call();
        worst = worst.max(t0.elapsed());
    }
    let total = start.elapsed();
    println!(
        "placement: {INSTANCES} instances, {CALLS} RunTask calls x {TASKS_PER_CALL} tasks (binpack memory + memberOf): \
         {} placed in {:.2} s total, {:.2} ms per call on average, {:.2} ms worst",
        w.placed,
        total.as_secs_f64(),
        total.as_secs_f64() * 1000.0 / CALLS as f64,
        worst.as_secs_f64() * 1000.0
    );
}
