//! Timing of the task-definition validator (not a test): `cargo bench -p ecs-sim --bench validate`.
//! Prints, for a typical definition (1 container), a 10-container one and one just under the
//! 64 KiB limit, the time of `validate` (parse, schema, rules, report), of `hover` and of
//! `completions`: the work the editor does on a keystroke. The page calls `validate` debounced
//! on every edit; it must stay well under a 16 ms frame in the browser. The documents are
//! `ecs_sim::validate::bench`, which the page's `#/bench` route times in the browser too.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ecs_sim::validate::bench::{documents, probe_offset};
use ecs_sim::validate::{completions, hover, validate};

/// Runs `f` for about `budget`, returns (runs, mean, best).
fn time(budget: Duration, mut f: impl FnMut()) -> (u32, Duration, Duration) {
    f();
    let (mut runs, mut best, start) = (0u32, Duration::MAX, Instant::now());
    while start.elapsed() < budget || runs < 5 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    (runs, start.elapsed() / runs, best)
}

fn row(label: &str, text: &str) {
    let budget = Duration::from_millis(700);
    let (runs, mean, best) = time(budget, || {
        black_box(validate(black_box(text)));
    });
    let report = validate(text);
    let offset = probe_offset(text);
    let (_, hover_mean, _) = time(budget / 3, || {
        black_box(hover(black_box(text), offset));
    });
    let (_, completion_mean, _) = time(budget / 3, || {
        black_box(completions(black_box(text), offset));
    });
    println!(
        "{label:<34} {:>7} B  {:>3} findings  validate mean {:>8.3} ms  best {:>8.3} ms  ({runs} runs)  hover {:>7.3} ms  completions {:>7.3} ms",
        text.len(),
        report.findings.len(),
        mean.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3,
        hover_mean.as_secs_f64() * 1e3,
        completion_mean.as_secs_f64() * 1e3,
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let docs = documents();
    for d in &docs {
        row(d.label, &d.text);
    }
    if std::env::var_os("SHOW_FINDINGS").is_some()
        && let Some(big) = docs.get(2) {
            print!("{}", validate(&big.text).render_lines("64k.json"));
        }
}
