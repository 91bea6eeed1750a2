//! The load-balancing panel (issue 6), under the cluster view: each load balancer (name, DNS name, state),
//! its listeners (protocol:port), each listener's rules in the order they are tried (priority and conditions,
//! the default last), the target group a rule forwards to, and its targets as `host:port`, coloured by health
//! with the health in words beside the colour (and the reason code, for the title and screen readers).
//! Pointing at a target (or focusing it) outlines the task chip that serves it. During a request's step a
//! dot travels load balancer → listener → rule → target group → target, and the target shows the status.

use crate::scene::animation::short_id;
use crate::scene::lb_shown::{LoadBalancerShown, RuleShown, TargetGroupShown, TargetShown};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct LoadBalancingViewProps {
    pub load_balancers: Rc<Vec<LoadBalancerShown>>,
    /// The status code of the request being played, if a request is.
    #[prop_or_default]
    pub status: Option<u16>,
    /// How long the step on screen lasts at the chosen speed (the dot's journey lasts this long).
    #[prop_or_default]
    pub step_ms: u32,
    /// A target was pointed at (`Some(task id)`) or left (`None`).
    pub on_hover_task: Callback<Option<String>>,
}

/// The hops of a request's journey, in order: the dot reaches hop `i` after `i` fifths of the step.
const HOPS: u32 = 5;

fn dot(hop: u32, step_ms: u32) -> Html {
    let each = step_ms / HOPS;
    html! {
        <span class="request-dot" aria-hidden="true"
            style={format!("animation-delay: {}ms; animation-duration: {}ms", hop * each, each.max(1) * 2)}></span>
    }
}

fn target(t: &TargetShown, props: &LoadBalancingViewProps) -> Html {
    let (enter, leave) = {
        let (on, task) = (props.on_hover_task.clone(), t.task_id.clone());
        (on.reform(move |_: MouseEvent| task.clone()), props.on_hover_task.reform(|_: MouseEvent| None))
    };
    let (focus, blur) = {
        let (on, task) = (props.on_hover_task.clone(), t.task_id.clone());
        (on.reform(move |_: FocusEvent| task.clone()), props.on_hover_task.reform(|_: FocusEvent| None))
    };
    let task = t.task_id.as_deref().map(|id| format!(", task {}", short_id(id))).unwrap_or_default();
    let label = format!("target {}: {}{task}", t.address, t.health);
    html! {
        <li class={classes!("lb-target", format!("health-{}", t.state), t.on_route.then_some("on-route"))}
            data-target={t.address.clone()} data-state={t.state.clone()} data-task={t.task_id.clone()}
            tabindex="0" title={t.health.clone()} aria-label={label}
            onmouseenter={enter} onmouseleave={leave} onfocus={focus} onblur={blur}>
            if t.on_route { { dot(4, props.step_ms) } }
            <code class="lb-address">{ t.address.clone() }</code>
            <span class="lb-health">{ t.state.clone() }</span>
            if let Some(id) = &t.task_id { <span class="lb-task">{ format!("task {}", short_id(id)) }</span> }
            if t.on_route && let Some(s) = props.status {
                <span class={classes!("lb-status", (s >= 400).then_some("error"))} data-status={s.to_string()}>{ s.to_string() }</span>
            }
        </li>
    }
}

fn group(g: &TargetGroupShown, props: &LoadBalancingViewProps) -> Html {
    html! {
        <div class={classes!("lb-group", g.on_route.then_some("on-route"))} data-target-group={g.name.clone()}>
            if g.on_route { { dot(3, props.step_ms) } }
            <div class="lb-group-name">{ "target group " }<strong>{ g.name.clone() }</strong>
                if !g.target_type.is_empty() { <span class="lb-muted">{ format!(" ({})", g.target_type) }</span> }</div>
            if g.targets.is_empty() {
                <p class="lb-muted">{ "no targets registered" }</p>
            } else {
                <ul class="lb-targets" aria-label={format!("Targets of {}", g.name)}>
                    { for g.targets.iter().map(|t| target(t, props)) }
                </ul>
            }
        </div>
    }
}

fn rule(r: &RuleShown, props: &LoadBalancingViewProps) -> Html {
    html! {
        <li class={classes!("lb-rule", r.on_route.then_some("on-route"))}>
            <div class="lb-rule-box">
                if r.on_route { { dot(2, props.step_ms) } }
                <span class="lb-rule-label">{ r.label.clone() }</span>
                <code class="lb-conditions">{ r.conditions.clone() }</code>
            </div>
            <span class="lb-arrow" aria-hidden="true">{ "→" }</span>
            { match &r.target_group {
                Some(g) => group(g, props),
                None => html! { <div class="lb-group lb-muted">{ r.action.clone() }</div> },
            } }
        </li>
    }
}

fn load_balancer(lb: &LoadBalancerShown, props: &LoadBalancingViewProps) -> Html {
    html! {
        <article class={classes!("lb", lb.on_route.then_some("on-route"))} data-lb={lb.name.clone()}
            aria-label={format!("{} load balancer {}, {}", lb.lb_type, lb.name, lb.state)}>
            <header class="lb-head">
                if lb.on_route { { dot(0, props.step_ms) } }
                <strong class="lb-name">{ lb.name.clone() }</strong>
                <span class={classes!("lb-state", format!("lb-{}", lb.state))}>{ lb.state.clone() }</span>
                <code class="lb-dns">{ lb.dns_name.clone() }</code>
            </header>
            if lb.listeners.is_empty() {
                <p class="lb-muted">{ "no listeners" }</p>
            }
            { for lb.listeners.iter().map(|l| html! {
                <section class={classes!("lb-listener", l.on_route.then_some("on-route"))} data-port={l.port.to_string()}
                    aria-label={format!("Listener {}:{}", l.protocol, l.port)}>
                    <div class="lb-listener-name">
                        if l.on_route { { dot(1, props.step_ms) } }
                        { format!("listener {}:{}", l.protocol, l.port) }
                    </div>
                    <ol class="lb-rules" aria-label="Rules, in the order they are tried">
                        { for l.rules.iter().map(|r| rule(r, props)) }
                    </ol>
                </section>
            }) }
        </article>
    }
}

#[component]
pub fn LoadBalancingView(props: &LoadBalancingViewProps) -> Html {
    if props.load_balancers.is_empty() {
        return html! {};
    }
    html! {
        <section class="lb-panel" data-testid="load-balancing" aria-label="Load balancers">
            <h3 class="traffic-title">{ "Load balancers" }</h3>
            { for props.load_balancers.iter().map(|lb| load_balancer(lb, props)) }
        </section>
    }
}
