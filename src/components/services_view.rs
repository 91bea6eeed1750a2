//! The services panel (issue 6), under the cluster view: one card per ECS service with its desired, running
//! and pending counts, its deployments side by side (PRIMARY first, then the ACTIVE ones still draining: task
//! definition, counts, rollout state and the tasks of each), and its newest events in ECS's own sentences,
//! so a rolling deployment shows old and new tasks side by side. Pointing at a task outlines its chip.

use crate::scene::animation::short_id;
use ecs_sim::view::services::{DeploymentView, ServiceView};
use std::rc::Rc;
use yew::prelude::*;

/// How many of a service's newest events the card shows.
pub const EVENTS_SHOWN: usize = 3;

#[derive(Properties, PartialEq, Clone)]
pub struct ServicesViewProps {
    /// `(cluster, service)` for every service of every cluster.
    pub services: Rc<Vec<(String, ServiceView)>>,
    /// A task was pointed at (`Some(task id)`) or left (`None`).
    pub on_hover_task: Callback<Option<String>>,
}

fn deployment(d: &DeploymentView, on_hover: &Callback<Option<String>>) -> Html {
    html! {
        <div class={classes!("svc-deployment", format!("dep-{}", d.status.to_lowercase()))} data-deployment={d.status.clone()}
            aria-label={format!("{} deployment of {}: {} running of {} desired, {} pending, rollout {}",
                d.status, d.task_definition, d.running_count, d.desired_count, d.pending_count, d.rollout_state)}>
            <div class="svc-dep-head"><strong>{ d.status.clone() }</strong>{ " " }<code>{ d.task_definition.clone() }</code></div>
            <div class="svc-counts">{ format!("{} running / {} desired · {} pending", d.running_count, d.desired_count, d.pending_count) }</div>
            <div class={classes!("svc-rollout", format!("rollout-{}", d.rollout_state.to_lowercase()))}>{ d.rollout_state.clone() }</div>
            <ul class="svc-tasks" aria-label="Its tasks">
                { for d.task_ids.iter().map(|id| {
                    let (enter, leave) = (on_hover.reform({ let id = id.clone(); move |_: MouseEvent| Some(id.clone()) }), on_hover.reform(|_: MouseEvent| None));
                    let (focus, blur) = (on_hover.reform({ let id = id.clone(); move |_: FocusEvent| Some(id.clone()) }), on_hover.reform(|_: FocusEvent| None));
                    html! {
                        <li class="svc-task" data-task={id.clone()} tabindex="0" aria-label={format!("task {}", short_id(id))}
                            onmouseenter={enter} onmouseleave={leave} onfocus={focus} onblur={blur}>{ short_id(id) }</li>
                    }
                }) }
            </ul>
        </div>
    }
}

#[component]
pub fn ServicesView(props: &ServicesViewProps) -> Html {
    if props.services.is_empty() {
        return html! {};
    }
    html! {
        <section class="svc-panel" data-testid="services" aria-label="Services">
            <h3 class="traffic-title">{ "Services" }</h3>
            { for props.services.iter().map(|(cluster, s)| html! {
                <article class="svc-card" data-service={s.name.clone()}
                    aria-label={format!("Service {} in cluster {cluster}: {} desired, {} running, {} pending", s.name, s.desired_count, s.running_count, s.pending_count)}>
                    <header class="svc-head">
                        <strong>{ s.name.clone() }</strong>
                        <span class="lb-muted">{ format!(" cluster {cluster} · {} · {}", s.status, s.task_definition) }</span>
                        <span class="svc-total">{ format!("desired {} · running {} · pending {}", s.desired_count, s.running_count, s.pending_count) }</span>
                    </header>
                    <div class="svc-deployments">
                        { for s.deployments.iter().map(|d| deployment(d, &props.on_hover_task)) }
                    </div>
                    if !s.events.is_empty() {
                        <ul class="svc-events" aria-label="Newest events">
                            { for s.events.iter().take(EVENTS_SHOWN).map(|e| html! { <li>{ e.clone() }</li> }) }
                        </ul>
                    }
                </article>
            }) }
        </section>
    }
}
