//! Tasks that were placed but could not start, listed above their cluster (beside its placement failures),
//! newest first: which role lacked which action (`appExecutionRole cannot ecr:BatchGetImage`), or the stage
//! and the reason when the cause was not a permission, then the start of AWS's stoppedReason; "Full reason"
//! expands to the whole text and what would fix it. "Show task" chooses the task's chip. Once a task of the
//! same family runs, its failures are dimmed as resolved.

use super::placement_panel::PlacementSubject;
use crate::scene::animation::short_id;
use crate::scene::start_failure::StartFailure;
use std::rc::Rc;
use yew::prelude::*;

/// Characters of the stoppedReason shown before "Full reason".
const REASON_PREVIEW: usize = 110;

/// A failure and what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartFailureEntry {
    pub failure: StartFailure,
    pub fix: Option<String>,
}

#[derive(Properties, PartialEq, Clone)]
pub struct StartFailureListProps {
    pub region: AttrValue,
    pub cluster: AttrValue,
    /// Oldest first.
    pub entries: Rc<Vec<StartFailureEntry>>,
    /// The log position of the step on screen: its failure is highlighted as it arrives.
    #[prop_or_default]
    pub current: Option<u64>,
    #[prop_or_default]
    pub on_select: Callback<PlacementSubject>,
}

#[component]
pub fn StartFailureList(props: &StartFailureListProps) -> Html {
    let entries = &props.entries;
    if entries.is_empty() {
        return Html::default();
    }
    let newest = entries.len() - 1;
    let any_open = entries.iter().any(|e| !e.failure.resolved);
    // Unresolved failures; once every one is resolved, only the newest stays (dimmed).
    let shown = |i: usize, e: &StartFailureEntry| !e.failure.resolved || (i == newest && !any_open);
    html! {
        <ul class="start-failures" aria-label={format!("Tasks that could not start in {}", props.cluster)}>
            { for entries.iter().enumerate().rev().filter(|(i, e)| shown(*i, e)).map(|(i, e)| {
                let f = &e.failure;
                let subject = PlacementSubject::Task { region: props.region.to_string(), cluster: props.cluster.to_string(), task_id: f.task_id.clone() };
                let onclick = {
                    let cb = props.on_select.clone();
                    Callback::from(move |_: MouseEvent| cb.emit(subject.clone()))
                };
                let arriving = props.current == Some(f.seq);
                html! {
                    <li key={f.seq.to_string()} class={classes!("start-failure", (i != newest).then_some("older"),
                            f.resolved.then_some("resolved"), arriving.then_some("arriving"))}
                        data-failed-task={f.task_id.clone()} data-stage={f.stage.clone()}
                        data-role={f.role_name().unwrap_or_default().to_string()} data-action={f.missing_action.clone().unwrap_or_default()}
                        role={(i == newest && !f.resolved).then_some("status")}>
                        <span class="failure-mark" aria-hidden="true">{ "✗" }</span>
                        <div class="failure-text">
                            <span class="failure-at">{ f.at.clone() }</span>
                            { " task " }<strong>{ f.task_label() }</strong>{ " " }<code class="failure-task">{ short_id(&f.task_id).to_string() }</code>
                            { " could not start: " }
                            <strong class="failure-cause" data-testid="start-failure-cause">{ f.headline() }</strong>
                            <span class="failure-stopped">{ format!(" — the task stopped: {}", f.short_reason(REASON_PREVIEW)) }</span>
                            if f.resolved {
                                <span class="failure-resolved">{ format!(" (a {} task has run since)", f.task_label()) }</span>
                            }
                            <details class="failure-details">
                                <summary>{ "Full reason" }</summary>
                                <p class="failure-full" data-testid="start-failure-reason">
                                    <span class="failure-stage">{ format!("Stage: {}. stoppedReason: ", f.stage) }</span>
                                    <code>{ f.reason.clone() }</code>
                                </p>
                                if let Some(fix) = &e.fix {
                                    <p class="failure-fix">{ fix.clone() }</p>
                                }
                            </details>
                        </div>
                        <button class="show-task" {onclick} aria-label={format!("Show task {} in the drawing", short_id(&f.task_id))}>{ "Show task" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
