//! Hints, revealed one at a time.

use super::{Icon, IconKind};
use crate::hooks::use_sandbox;
use yew::prelude::*;

#[component]
pub fn Hints() -> Html {
    let sandbox = use_sandbox();
    let hints = &sandbox.lesson.hints;
    if hints.is_empty() {
        return Html::default();
    }
    let shown = sandbox.hints_shown.min(hints.len());
    let left = hints.len() - shown;
    let onclick = {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| sandbox.reveal_hint())
    };
    let goal_title = |id: &Option<String>| {
        id.as_ref().and_then(|id| sandbox.lesson.goals.iter().find(|g| &g.id == id)).map(|g| g.title.clone())
    };
    html! {
        <div class="hints">
            if shown > 0 {
                <ol class="hint-list" aria-label="Hints">
                    { for hints[..shown].iter().map(|h| html! {
                        <li class="hint">
                            if let Some(title) = goal_title(&h.goal) {
                                <span class="hint-goal">{ title }{ ": " }</span>
                            }
                            <super::MarkdownView text={AttrValue::from(h.text.clone())} inline={true} />
                        </li>
                    }) }
                </ol>
            }
            <button class="hint-button" {onclick} disabled={left == 0}>
                <Icon kind={IconKind::Hint} />
                { if left == 0 { " No more hints".to_string() } else { format!(" Show a hint ({left} left)") } }
            </button>
        </div>
    }
}
