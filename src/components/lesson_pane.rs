//! The lesson pane: the goal checklist (ticking live), the lesson's buttons (hint, show solution, reset),
//! the hints shown so far, and the lesson text.

use super::{GoalChecklist, Hints, Icon, IconKind, MarkdownView};
use crate::hooks::use_sandbox;
use yew::prelude::*;

#[component]
pub fn LessonPane() -> Html {
    let sandbox = use_sandbox();
    let typing = sandbox.typist.is_some();
    let on_solution = {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| if sandbox.typist.is_some() { sandbox.stop_typing() } else { sandbox.replay_solution() })
    };
    let on_reset = {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| sandbox.reset_lesson())
    };
    let text = AttrValue::from(sandbox.lesson.text.clone());
    html! {
        <section class="pane lesson-pane" aria-label="Lesson">
            <div class="lesson-top">
                <GoalChecklist goals={sandbox.goals.clone()} />
                <div class="lesson-actions">
                    <button class="solution" onclick={on_solution}
                        title="Start the lesson over and type its solution into the terminal, one command at a time">
                        if typing { <Icon kind={IconKind::Stop} />{ " Stop typing" } } else { <Icon kind={IconKind::Play} />{ " Show solution" } }
                    </button>
                    <button class="reset" onclick={on_reset} title="Start the lesson over: a fresh account and the lesson's files">
                        <Icon kind={IconKind::Reset} />{ " Reset" }
                    </button>
                </div>
                <Hints />
            </div>
            <MarkdownView {text} />
        </section>
    }
}
