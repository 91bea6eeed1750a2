//! The browser benchmarks behind the `#/bench` route (issues 3 and 4 ask for figures "natively and in the
//! browser"): the same workloads as the native `cargo bench -p ecs-sim` — placement at ECS's quota scale
//! ([`ecs_sim::placement::bench`]) and the task-definition validator on a typical and a ~64 KiB document
//! ([`ecs_sim::validate::bench`]) — timed with the caller's clock (`performance.now()` in the page). They
//! print figures and assert nothing about time.
//!
//! [`BenchRun`] works in steps (a few RunTask calls, or one document) so the page can draw its progress
//! between them; only the work inside a step is timed.

use ecs_sim::placement::bench::{TASKS_PER_CALL, Workload};
use ecs_sim::validate::bench::{Document, documents, probe_offset};
use ecs_sim::validate::{completions, hover, validate};
use std::hint::black_box;

/// The placement figures, as `sim/benches/placement.rs` prints them.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementFigures {
    pub instances: usize,
    pub calls: usize,
    pub placed: usize,
    pub total_ms: f64,
    pub worst_ms: f64,
}

impl PlacementFigures {
    pub fn mean_ms(&self) -> f64 {
        if self.calls == 0 { 0.0 } else { self.total_ms / self.calls as f64 }
    }
    /// The line the native benchmark prints, word for word.
    pub fn line(&self) -> String {
        format!(
            "placement: {} instances, {} RunTask calls x {TASKS_PER_CALL} tasks (binpack memory + memberOf): \
             {} placed in {:.2} s total, {:.2} ms per call on average, {:.2} ms worst",
            self.instances,
            self.calls,
            self.placed,
            self.total_ms / 1000.0,
            self.mean_ms(),
            self.worst_ms
        )
    }
}

/// One document's validator figures, as `sim/benches/validate.rs` prints them.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidateFigures {
    pub label: String,
    pub bytes: usize,
    pub findings: usize,
    pub runs: u32,
    pub mean_ms: f64,
    pub best_ms: f64,
    pub hover_ms: f64,
    pub completions_ms: f64,
}

impl ValidateFigures {
    /// The line the native benchmark prints, in its format.
    pub fn line(&self) -> String {
        format!(
            "{:<34} {:>7} B  {:>3} findings  validate mean {:>8.3} ms  best {:>8.3} ms  ({} runs)  hover {:>7.3} ms  completions {:>7.3} ms",
            self.label, self.bytes, self.findings, self.mean_ms, self.best_ms, self.runs, self.hover_ms, self.completions_ms
        )
    }
}

/// Runs `f` for about `budget_ms` (at least 5 runs, after one warm-up): (runs, mean, best), as the native
/// benchmark's `time` does.
pub fn time(now: &mut dyn FnMut() -> f64, budget_ms: f64, mut f: impl FnMut()) -> (u32, f64, f64) {
    f();
    let (mut runs, mut best, start) = (0u32, f64::MAX, now());
    while now() - start < budget_ms || runs < 5 {
        let t = now();
        f();
        best = best.min(now() - t);
        runs += 1;
    }
    (runs, (now() - start) / f64::from(runs), best)
}

/// Where a run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Building the cluster (not timed).
    Setup,
    Placement,
    Validate,
    Done,
}

/// The benchmarks, run a step at a time.
pub struct BenchRun {
    instances: usize,
    calls: usize,
    calls_per_step: usize,
    budget_ms: f64,
    workload: Option<Workload>,
    calls_done: usize,
    total_ms: f64,
    worst_ms: f64,
    docs: Vec<Document>,
    next_doc: usize,
    pub placement: Option<PlacementFigures>,
    pub validate: Vec<ValidateFigures>,
    pub phase: Phase,
}

impl BenchRun {
    /// A run of `calls` RunTask calls on `instances` instances (`calls_per_step` per step), and of the
    /// validator for about `budget_ms` per document.
    pub fn new(instances: usize, calls: usize, calls_per_step: usize, budget_ms: f64) -> BenchRun {
        BenchRun {
            instances,
            calls,
            calls_per_step: calls_per_step.max(1),
            budget_ms,
            workload: None,
            calls_done: 0,
            total_ms: 0.0,
            worst_ms: 0.0,
            docs: Vec::new(),
            next_doc: 0,
            placement: None,
            validate: Vec::new(),
            phase: Phase::Setup,
        }
    }

    /// The run the page does: the native benchmarks' sizes.
    pub fn full() -> BenchRun {
        use ecs_sim::placement::bench::{CALLS, INSTANCES};
        BenchRun::new(INSTANCES, CALLS, crate::tuning::BENCH_CALLS_PER_STEP, crate::tuning::BENCH_VALIDATE_BUDGET_MS)
    }

    /// Does the next step; returns whether there is more to do.
    pub fn step(&mut self, now: &mut dyn FnMut() -> f64) -> bool {
        match self.phase {
            Phase::Setup => {
                self.workload = Some(Workload::with_instances(self.instances));
                self.docs = documents();
                self.phase = Phase::Placement;
            }
            Phase::Placement => {
                let Some(w) = self.workload.as_mut() else {
                    self.phase = Phase::Validate;
                    return true;
                };
                let end = (self.calls_done + self.calls_per_step).min(self.calls);
                while self.calls_done < end {
                    let t0 = now();
                    w.call();
                    let dt = now() - t0;
                    self.total_ms += dt;
                    self.worst_ms = self.worst_ms.max(dt);
                    self.calls_done += 1;
                }
                self.placement = Some(PlacementFigures {
                    instances: self.instances,
                    calls: self.calls_done,
                    placed: w.placed,
                    total_ms: self.total_ms,
                    worst_ms: self.worst_ms,
                });
                if self.calls_done >= self.calls {
                    self.workload = None;
                    self.phase = Phase::Validate;
                }
            }
            Phase::Validate => {
                let Some(doc) = self.docs.get(self.next_doc) else {
                    self.phase = Phase::Done;
                    return false;
                };
                let text = doc.text.as_str();
                let budget = self.budget_ms;
                let (runs, mean, best) = time(now, budget, || {
                    black_box(validate(black_box(text)));
                });
                let offset = probe_offset(text);
                let (_, hover_ms, _) = time(now, budget / 3.0, || {
                    black_box(hover(black_box(text), offset));
                });
                let (_, completions_ms, _) = time(now, budget / 3.0, || {
                    black_box(completions(black_box(text), offset));
                });
                self.validate.push(ValidateFigures {
                    label: doc.label.to_string(),
                    bytes: text.len(),
                    findings: validate(text).findings.len(),
                    runs,
                    mean_ms: mean,
                    best_ms: best,
                    hover_ms,
                    completions_ms,
                });
                self.next_doc += 1;
                if self.next_doc >= self.docs.len() {
                    self.phase = Phase::Done;
                }
            }
            Phase::Done => {}
        }
        self.phase != Phase::Done
    }

    /// What is being done, for the page.
    pub fn progress(&self) -> String {
        match self.phase {
            Phase::Setup => format!("Building a cluster of {} container instances…", self.instances),
            Phase::Placement => format!("Placing: {} of {} RunTask calls…", self.calls_done, self.calls),
            Phase::Validate => format!("Validating document {} of {}…", self.next_doc + 1, self.docs.len()),
            Phase::Done => "Done.".into(),
        }
    }

    /// Every figure so far, one line each, as the native benchmarks print them.
    pub fn lines(&self) -> Vec<String> {
        self.placement.iter().map(PlacementFigures::line).chain(self.validate.iter().map(ValidateFigures::line)).collect()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_small_run_gives_every_figure_in_the_native_format() {
        // A fake clock that moves 1 ms each reading, so the figures are exact.
        let mut t = 0.0;
        let mut now = move || {
            t += 1.0;
            t
        };
        let mut run = BenchRun::new(40, 3, 2, 10.0);
        let mut steps = 0;
        while run.step(&mut now) {
            steps += 1;
            assert!(steps < 100);
        }
        assert_eq!(run.phase, Phase::Done);
        let p = run.placement.clone().unwrap();
        assert_eq!((p.instances, p.calls, p.placed), (40, 3, 30));
        assert_eq!(p.total_ms, 3.0, "one tick per call");
        assert!(p.line().starts_with("placement: 40 instances, 3 RunTask calls x 10 tasks (binpack memory + memberOf): 30 placed in 0.00 s total, 1.00 ms per call"), "{}", p.line());
        assert_eq!(run.validate.len(), 4);
        assert_eq!(run.validate[0].label, "typical (fargate-web template)");
        assert!(run.validate[2].bytes > 60 * 1024);
        assert!(run.validate.iter().all(|v| v.runs >= 5 && v.best_ms == 1.0));
        assert_eq!(run.lines().len(), 5);
        assert!(run.lines()[1].contains("validate mean"));
    }
}
