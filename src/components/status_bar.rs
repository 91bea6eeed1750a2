//! The status bar: the virtual clock (it moves only when a command waits), buttons that type `sleep 10` and
//! `sleep 60` into the terminal, the goal count, and whether the work is saved.

use crate::hooks::use_sandbox;
use yew::prelude::*;

#[component]
pub fn StatusBar() -> Html {
    let sandbox = use_sandbox();
    let wait = |line: &'static str| {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| sandbox.type_and_run(line))
    };
    let met = sandbox.goals.iter().filter(|g| g.met).count();
    let saved = match (&sandbox.storage_problem, sandbox.storage_key()) {
        (Some(problem), _) => html! { <span class="save-state problem" role="alert">{ problem.clone() }</span> },
        (None, Some(_)) => html! { <span class="save-state">{ "Saved in this browser" }</span> },
        (None, None) => html! { <span class="save-state">{ "Not saved" }</span> },
    };
    html! {
        <footer class="status-bar">
            <span class="clock" title="Virtual time. It moves only when a command waits: sleep, or aws … wait.">
                <span class="clock-label">{ "Virtual time " }</span>
                <time class="clock-value" data-testid="clock">{ sandbox.view.clock.clone() }</time>
            </span>
            <button class="wait-10s" onclick={wait("sleep 10")} title="Types and runs `sleep 10` in the terminal">{ "+10 s" }</button>
            <button class="wait-1m" onclick={wait("sleep 60")} title="Types and runs `sleep 60` in the terminal">{ "+1 min" }</button>
            <span class="goals-summary">{ format!("{met}/{} goals", sandbox.goals.len()) }</span>
            <span class="spacer" />
            { saved }
        </footer>
    }
}
