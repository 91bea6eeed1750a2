//! The `#/bench` page: runs the browser benchmarks ([`crate::bench`]) in this tab as soon as it opens, a
//! step at a time with a redraw between steps, timed with `performance.now()`, and shows the figures in two
//! tables and as the lines the native benchmarks print (`scripts/bench.sh` reads those). Figures, never
//! pass or fail.

use crate::bench::{BenchRun, Phase};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Milliseconds from the page's clock (`performance.now()`; natively, since the first call).
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        static START: OnceLock<std::time::Instant> = OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

fn user_agent() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // `navigator.userAgent`, read without web-sys's Navigator binding.
        let window: wasm_bindgen::JsValue = gloo::utils::window().into();
        js_sys::Reflect::get(&window, &"navigator".into())
            .and_then(|n| js_sys::Reflect::get(&n, &"userAgent".into()))
            .ok()
            .and_then(|u| u.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

#[component]
pub fn BenchPage() -> Html {
    let run = use_mut_ref(BenchRun::full);
    // Bumped after each step: the effect below schedules the next one, after the page has redrawn.
    let steps = use_state(|| 0u64);
    {
        let run = run.clone();
        let steps = steps.clone();
        use_effect_with(*steps, move |n| {
            let n = *n;
            let pending = run.borrow().phase != Phase::Done;
            let timer = pending.then(|| {
                Timeout::new(0, move || {
                    run.borrow_mut().step(&mut now_ms);
                    steps.set(n + 1);
                })
            });
            move || drop(timer)
        });
    }
    let restart = {
        let run = run.clone();
        let steps = steps.clone();
        Callback::from(move |_: MouseEvent| {
            *run.borrow_mut() = BenchRun::full();
            steps.set(*steps + 1);
        })
    };
    let r = run.borrow();
    let done = r.phase == Phase::Done;
    html! {
        <main class="bench-page" data-done={done.to_string()}>
            <h1>{ "ECS Sandbox: browser benchmarks" }</h1>
            <p>
                { "The same work as " }<code>{ "cargo bench -p ecs-sim" }</code>
                { ", in this tab's WebAssembly, timed with " }<code>{ "performance.now()" }</code>
                { ". Figures, not tests. " }<a href="#/">{ "Back to the sandbox" }</a>
            </p>
            <p class="bench-progress" aria-live="polite">{ r.progress() }
                if done { { " " }<button onclick={restart}>{ "Run again" }</button> }
            </p>
            <h2>{ "Placement at ECS's quota scale" }</h2>
            <table class="bench-table" data-testid="bench-placement">
                <thead><tr>
                    <th scope="col">{ "Instances" }</th><th scope="col">{ "RunTask calls" }</th><th scope="col">{ "Tasks placed" }</th>
                    <th scope="col">{ "Total" }</th><th scope="col">{ "Mean per call" }</th><th scope="col">{ "Worst call" }</th>
                </tr></thead>
                <tbody>
                    if let Some(p) = &r.placement {
                        <tr>
                            <td>{ p.instances }</td><td>{ format!("{} × 10 tasks", p.calls) }</td><td>{ p.placed }</td>
                            <td>{ format!("{:.2} s", p.total_ms / 1000.0) }</td><td>{ format!("{:.2} ms", p.mean_ms()) }</td>
                            <td>{ format!("{:.2} ms", p.worst_ms) }</td>
                        </tr>
                    }
                </tbody>
            </table>
            <p class="bench-note">{ "binpack(memory) and memberOf(attribute:stack == prod); each call snapshots the cluster, places 10 tasks and records them." }</p>
            <h2>{ "Task-definition validation" }</h2>
            <table class="bench-table" data-testid="bench-validate">
                <thead><tr>
                    <th scope="col">{ "Document" }</th><th scope="col">{ "Bytes" }</th><th scope="col">{ "Findings" }</th>
                    <th scope="col">{ "validate mean" }</th><th scope="col">{ "best" }</th><th scope="col">{ "runs" }</th>
                    <th scope="col">{ "hover" }</th><th scope="col">{ "completions" }</th>
                </tr></thead>
                <tbody>
                    { for r.validate.iter().map(|v| html! {
                        <tr>
                            <th scope="row">{ v.label.clone() }</th><td>{ v.bytes }</td><td>{ v.findings }</td>
                            <td>{ format!("{:.3} ms", v.mean_ms) }</td><td>{ format!("{:.3} ms", v.best_ms) }</td><td>{ v.runs }</td>
                            <td>{ format!("{:.3} ms", v.hover_ms) }</td><td>{ format!("{:.3} ms", v.completions_ms) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="bench-note">{ "A page that is not cross-origin isolated gets performance.now() in steps of 0.1 ms, so a best run under that reads 0.000 ms; the means are over many runs." }</p>
            <h2>{ "As the native benchmarks print them" }</h2>
            <pre class="bench-text" data-testid="bench-text">{ r.lines().join("\n") }</pre>
            <p class="bench-note">{ user_agent() }</p>
        </main>
    }
}
