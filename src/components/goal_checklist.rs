//! The lesson's goals as a checklist of named criteria; each row ticks as soon as the model meets it.

use ecs_sim::lesson::GoalStatus;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct GoalChecklistProps {
    pub goals: Rc<Vec<GoalStatus>>,
}

#[component]
pub fn GoalChecklist(props: &GoalChecklistProps) -> Html {
    let met = props.goals.iter().filter(|g| g.met).count();
    let total = props.goals.len();
    let done = total > 0 && met == total;
    html! {
        <div class={classes!("goals-box", done.then_some("done"))}>
            <h2 class="goals-title">
                { "Goals " }<span class="goals-count" aria-live="polite">{ format!("{met} of {total}") }</span>
            </h2>
            <ul class="goals" aria-label="Lesson goals">
                { for props.goals.iter().map(|g| html! {
                    <li class={classes!("goal", g.met.then_some("met"))} data-goal={g.id.clone()}>
                        <span class="check" aria-hidden="true">{ if g.met { "✓" } else { "○" } }</span>
                        <span class="goal-title">{ g.title.clone() }</span>
                        <span class="sr-only">{ if g.met { " (done)" } else { " (not yet)" } }</span>
                    </li>
                }) }
            </ul>
            if done {
                <p class="lesson-done" role="status">{ "Every goal is met. Well done!" }</p>
            }
        </div>
    }
}
