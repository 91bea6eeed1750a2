//! "Why this instance?": the side panel beside the cluster drawing that explains one placement — of a task
//! chosen in the drawing, or the cluster's last failed RunTask. It shows what the task needed, the
//! constraints and strategies, a sentence saying what was decided (or which requirement bound), a table of
//! every instance (checks passed or the first failed, each strategy's value and whether it kept the
//! instance, the result), then each instance's checks with their details. The same as
//! `sandbox explain-placement TASK` prints in the terminal. For a task, also the roles it runs with and,
//! once it stopped, its stop code and stoppedReason.
//!
//! Keyboard and screen readers: the panel is a labelled region; its heading takes the focus when it opens;
//! Escape or the close button closes it; marks (✓ ✗ ★) have text equivalents.

use crate::scene::why::{self, short};
use ecs_sim::placement::{Explanation, InstanceVerdict};
use std::rc::Rc;
use yew::prelude::*;

/// The placement the panel explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementSubject {
    /// A task's placement.
    Task { region: String, cluster: String, task_id: String },
    /// The cluster's last RunTask that could not place a task.
    LastFailure { region: String, cluster: String },
}

impl PlacementSubject {
    pub fn region(&self) -> &str {
        match self {
            PlacementSubject::Task { region, .. } | PlacementSubject::LastFailure { region, .. } => region,
        }
    }
    pub fn cluster(&self) -> &str {
        match self {
            PlacementSubject::Task { cluster, .. } | PlacementSubject::LastFailure { cluster, .. } => cluster,
        }
    }
    pub fn task_id(&self) -> Option<&str> {
        match self {
            PlacementSubject::Task { task_id, .. } => Some(task_id),
            PlacementSubject::LastFailure { .. } => None,
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct PlacementPanelProps {
    pub subject: PlacementSubject,
    /// The model's explanation; `None` when it has none (the task is gone, or its record was dropped).
    pub explanation: Option<Rc<Explanation>>,
    /// What is explained, in words (`Task worker:1 3f7e0248 · group batch · RUNNING`).
    pub caption: AttrValue,
    pub on_close: Callback<()>,
    /// A stopped task's stoppedReason and stopCode (`TaskFailedToStart`, `EssentialContainerExited`, …).
    #[prop_or_default]
    pub stopped_reason: Option<AttrValue>,
    #[prop_or_default]
    pub stop_code: Option<AttrValue>,
    /// The task's roles: (`execution role`, name), (`task role`, name).
    #[prop_or_default]
    pub roles: Vec<(AttrValue, AttrValue)>,
}

fn mark(passed: bool) -> Html {
    html! {
        <>
            <span class={classes!("why-mark", if passed { "pass" } else { "fail" })} aria-hidden="true">{ if passed { "✓" } else { "✗" } }</span>
            <span class="sr-only">{ if passed { "passed: " } else { "failed: " } }</span>
        </>
    }
}

/// The result: chosen, rejected (and the reason RunTask gives), ranked lower by a strategy, or tied but not
/// picked. The short form goes in the table, the long one under each instance.
fn result(v: &InstanceVerdict, strategies: &[String]) -> (&'static str, &'static str, String) {
    if v.chosen {
        ("chosen", "★ chosen", "★ chosen".into())
    } else if let Some(r) = &v.rejected {
        ("rejected", "rejected", format!("rejected: {r}"))
    } else if let Some(i) = v.ranking.iter().position(|r| !r.kept) {
        ("lower", "ranked lower", format!("ranked lower by {}", strategies.get(i).map_or("a strategy", String::as_str)))
    } else {
        ("tied", "tied", "tied, not picked (the tie was broken at random)".into())
    }
}

fn row(v: &InstanceVerdict, e: &Explanation) -> Html {
    let (class, text, _) = result(v, &e.strategies);
    let failed = v.checks.iter().find(|c| !c.passed);
    let passed = v.checks.iter().filter(|c| c.passed).count();
    html! {
        <tr class={classes!("placement-row", class)} data-verdict={v.container_instance_id.clone()} data-result={class}>
            <th scope="row">
                <code class="ci-id">{ short(&v.container_instance_id).to_string() }</code>
                <span class="ec2-id">{ v.ec2_instance_id.clone() }</span>
                <span class="zone-name">{ v.availability_zone.clone() }</span>
            </th>
            <td class="why-checks-cell">
                if let Some(c) = failed {
                    { mark(false) }<span class="why-check-name">{ c.name.clone() }</span>
                } else {
                    { mark(true) }{ format!("all {passed}") }
                }
            </td>
            { for e.strategies.iter().enumerate().map(|(i, s)| match v.ranking.get(i).filter(|r| &r.strategy == s) {
                Some(r) => html! {
                    <td class={classes!("rank-cell", if r.kept { "kept" } else { "dropped" })}>
                        <span class="rank-value">{ r.value.clone() }</span>
                        <span class="rank-verdict">{ if r.kept { "kept" } else { "ranked lower" } }</span>
                    </td>
                },
                None => html! { <td class="rank-cell none"><span aria-hidden="true">{ "—" }</span><span class="sr-only">{ "not ranked" }</span></td> },
            }) }
            <td class="result-cell">{ text }</td>
        </tr>
    }
}

fn instance_details(v: &InstanceVerdict, e: &Explanation) -> Html {
    let (class, _, text) = result(v, &e.strategies);
    html! {
        <li class={classes!("instance-detail", class)} data-instance-detail={v.container_instance_id.clone()}>
            <h5>
                <code>{ short(&v.container_instance_id).to_string() }</code>
                { format!(" {} · {} — ", v.ec2_instance_id, v.availability_zone) }
                <span class="result-text">{ text }</span>
            </h5>
            <ul class="why-checks" aria-label="Checks">
                { for v.checks.iter().map(|c| html! {
                    <li class={classes!("why-check", if c.passed { "pass" } else { "fail" })}>
                        { mark(c.passed) }<span class="why-check-name">{ c.name.clone() }</span>{ format!(": {}", c.detail) }
                    </li>
                }) }
            </ul>
            if !v.ranking.is_empty() {
                <ul class="why-ranks" aria-label="Ranking">
                    { for v.ranking.iter().map(|r| html! {
                        <li class={if r.kept { "kept" } else { "dropped" }}>
                            <span class="why-check-name">{ r.strategy.clone() }</span>
                            { format!(": {} — {}", r.value, if r.kept { "kept" } else { "ranked lower" }) }
                        </li>
                    }) }
                </ul>
            }
        </li>
    }
}

#[component]
pub fn PlacementPanel(props: &PlacementPanelProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.subject.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let onkeydown = {
        let cb = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                cb.emit(());
            }
        })
    };
    let failure = matches!(props.subject, PlacementSubject::LastFailure { .. });
    let title = if failure { "Why was it not placed?" } else { "Why this instance?" };
    let body = match &props.explanation {
        None => html! {
            <p class="why-none">
                { "The sandbox has no placement record for this: the task may be gone, or its RunTask call is one of the oldest and its record was dropped." }
            </p>
        },
        Some(e) => {
            let s = why::summarize(e);
            let constraints = if e.constraints.is_empty() { "none".to_string() } else { e.constraints.join(", ") };
            let strategies = if e.strategies.is_empty() { "none".to_string() } else { e.strategies.join(" then ") };
            html! {
                <>
                    <dl class="why-request">
                        <dt>{ "Needs" }</dt><dd>{ e.needs.clone() }</dd>
                        <dt>{ "Group" }</dt><dd>{ e.group.clone() }</dd>
                        <dt>{ "Constraints" }</dt><dd>{ constraints }</dd>
                        <dt>{ "Strategies" }</dt><dd>{ strategies }</dd>
                    </dl>
                    <p class={classes!("why-headline", if s.placed { "ok" } else { "bad" })} data-testid="panel-headline">{ s.headline.clone() }</p>
                    <ol class="why-steps">
                        { for s.steps.iter().map(|t| html! { <li>{ t.clone() }</li> }) }
                    </ol>
                    if !e.instances.is_empty() {
                        <h4>{ format!("Every instance ({})", e.instances.len()) }</h4>
                        <div class="verdict-scroll">
                            <table class="verdict-table">
                                <caption class="sr-only">{ "Each container instance: its checks, how each placement strategy ranked it, and the result" }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{ "Instance" }</th>
                                        <th scope="col">{ "Checks" }</th>
                                        { for e.strategies.iter().map(|s| html! { <th scope="col">{ s.clone() }</th> }) }
                                        <th scope="col">{ "Result" }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for e.instances.iter().map(|v| row(v, e)) }
                                </tbody>
                            </table>
                        </div>
                        <h4>{ "Checks, instance by instance" }</h4>
                        <ul class="instance-details">
                            { for e.instances.iter().map(|v| instance_details(v, e)) }
                        </ul>
                    }
                </>
            }
        }
    };
    html! {
        <aside class={classes!("placement-panel", failure.then_some("for-failure"))} role="region"
            aria-labelledby="placement-panel-title" data-testid="placement-panel" {onkeydown}>
            <div class="why-head">
                <h3 id="placement-panel-title" tabindex="-1" ref={heading}>{ title }</h3>
                <button class="why-close" onclick={close} aria-label="Close the placement explanation" title="Close (Esc)">{ "×" }</button>
            </div>
            <p class="why-caption">{ props.caption.clone() }</p>
            if let Some(reason) = &props.stopped_reason {
                <div class="task-stopped" data-testid="stopped-reason">
                    <strong>{ match &props.stop_code { Some(c) => format!("Stopped ({c}): "), None => "Stopped: ".to_string() } }</strong>
                    <code>{ reason.clone() }</code>
                </div>
            }
            if !props.roles.is_empty() {
                <p class="task-roles">
                    { "Roles: " }
                    { for props.roles.iter().enumerate().map(|(i, (k, name))| html! {
                        <>{ if i == 0 { format!("{k} ") } else { format!(" · {k} ") } }<code>{ name.clone() }</code></>
                    }) }
                </p>
            }
            { body }
            <p class="why-cli">{ "In the terminal: " }<code>{
                match props.subject.task_id() {
                    Some(id) => format!("sandbox explain-placement {id} --cluster {}", props.subject.cluster()),
                    None => format!("sandbox explain-placement --last-failure --cluster {}", props.subject.cluster()),
                }
            }</code></p>
        </aside>
    }
}
