//! The cluster drawing (SVG): each cluster a frame, inside it a column per Availability Zone, in each column
//! the container instances as cards with CPU and memory bars (registered vs used) and a chip per task,
//! coloured by status. It draws the scene as of the animation step on screen: a chip placed by that step
//! flies from the cluster's ECS scheduler badge into its instance, and what the step changed pulses. Bars
//! and card positions glide by CSS transitions lasting the step's duration.

use crate::scene::Scene;
use crate::scene::animation::short_id;
use crate::scene::layout::{self, BAR_ROW, CARD_HEADER, CARD_W, CLUSTER_HEADER, CardBox, ChipBox, ClusterBox, PAD, ZoneBox};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ClusterViewProps {
    pub scene: Rc<Scene>,
    /// The log position of the step on screen, if one is.
    #[prop_or_default]
    pub current: Option<u64>,
    /// What that step changes (task id, container instance id or cluster name), to highlight.
    #[prop_or_default]
    pub focus: Option<AttrValue>,
    /// How long the step stays on screen at the chosen speed (CSS transitions last this long).
    #[prop_or_default]
    pub step_ms: u32,
}

const BAR_X: i32 = 44;
const BAR_W: i32 = CARD_W - BAR_X - 104;

fn status_class(status: &str) -> &'static str {
    match status {
        "PROVISIONING" => "st-provisioning",
        "PENDING" => "st-pending",
        "ACTIVATING" => "st-activating",
        "RUNNING" => "st-running",
        "DEACTIVATING" | "STOPPING" | "DEPROVISIONING" => "st-stopping",
        "STOPPED" => "st-stopped",
        _ => "st-other",
    }
}

fn bar(label: &str, y: i32, used: u32, registered: u32, fraction: f64, unit: &str, class: &str) -> Html {
    let width = (fraction * f64::from(BAR_W)).round();
    html! {
        <g class={classes!("bar", class.to_string())}>
            <text class="bar-label" x="10" y={(y + 12).to_string()}>{ label.to_string() }</text>
            <rect class="bar-bg" x={BAR_X.to_string()} y={(y + 3).to_string()} width={BAR_W.to_string()} height="10" rx="2" />
            <rect class="bar-used" x={BAR_X.to_string()} y={(y + 3).to_string()} height="10" rx="2" style={format!("width: {width}px")} />
            <text class="bar-value" x={(CARD_W - 10).to_string()} y={(y + 12).to_string()} text-anchor="end">
                { format!("{used} / {registered}{unit}") }
            </text>
        </g>
    }
}

fn chip(c: &ChipBox, ox: i32, oy: i32, props: &ClusterViewProps) -> Html {
    let t = &c.task;
    let arriving = props.current == Some(t.placed_seq);
    let focused = props.focus.as_deref() == Some(t.id.as_str()) && !arriving;
    let (x, y) = (c.rect.x - ox, c.rect.y - oy);
    let label = format!("Task {} of {} in {}: {}", t.id, t.label(), t.availability_zone, t.last_status);
    html! {
        <g key={t.id.clone()} class="chip-slot" style={format!("transform: translate({x}px, {y}px)")}>
            <g class={classes!("task-chip", status_class(&t.last_status), arriving.then_some("arriving"), focused.then_some("focus"))}
                style={format!("--dx: {}px; --dy: {}px", c.from_dx, c.from_dy)}
                data-task={t.id.clone()} data-status={t.last_status.clone()} role="img" aria-label={label.clone()}>
                <title>{ label }</title>
                <rect width={c.rect.w.to_string()} height={c.rect.h.to_string()} rx="4" />
                <text class="chip-name" x="8" y="14">{ t.label() }</text>
                <text class="chip-id" x="62" y="14">{ short_id(&t.id).to_string() }</text>
                <text class="chip-status" x={(c.rect.w - 8).to_string()} y="14" text-anchor="end">{ t.last_status.clone() }</text>
            </g>
        </g>
    }
}

fn card(card: &CardBox, props: &ClusterViewProps) -> Html {
    let ci = &card.instance;
    let focused = props.focus.as_deref() == Some(ci.id.as_str());
    let (x, y) = (card.rect.x, card.rect.y);
    let tasks = card.chips.len();
    let label = format!(
        "Container instance {} ({}, {}), {}: CPU {} of {} units used, memory {} of {} MiB used, {} task{}",
        ci.ec2_instance_id,
        ci.instance_type,
        ci.availability_zone,
        if ci.active { "active" } else { "inactive" },
        ci.cpu.used,
        ci.cpu.registered,
        ci.memory.used,
        ci.memory.registered,
        tasks,
        if tasks == 1 { "" } else { "s" }
    );
    html! {
        <g key={ci.id.clone()} class={classes!("instance", (!ci.active).then_some("inactive"), focused.then_some("focus"))}
            style={format!("transform: translate({x}px, {y}px)")} data-container-instance={ci.id.clone()}
            data-instance={ci.ec2_instance_id.clone()} role="group" aria-label={label}>
            <rect class="card" width={card.rect.w.to_string()} height={card.rect.h.to_string()} rx="6" />
            <text class="card-title" x="10" y="17">{ ci.instance_type.clone() }</text>
            <text class="card-id" x="74" y="17">{ ci.ec2_instance_id.clone() }</text>
            if !ci.active {
                <text class="card-flag" x={(CARD_W - 10).to_string()} y="17" text-anchor="end">{ "INACTIVE" }</text>
            }
            { bar("CPU", CARD_HEADER, ci.cpu.used, ci.cpu.registered, ci.cpu.fraction(), "", "cpu") }
            { bar("MEM", CARD_HEADER + BAR_ROW, ci.memory.used, ci.memory.registered, ci.memory.fraction(), " MiB", "mem") }
            <g class="chips">
                { for card.chips.iter().map(|c| chip(c, x, y, props)) }
            </g>
        </g>
    }
}

fn zone(z: &ZoneBox, props: &ClusterViewProps) -> Html {
    html! {
        <g key={z.name.clone()} class="zone" data-zone={z.name.clone()}>
            <rect class="zone-bg" x={z.rect.x.to_string()} y={z.rect.y.to_string()} width={z.rect.w.to_string()}
                height={z.rect.h.to_string()} />
            <text class="zone-title" x={(z.rect.x + PAD).to_string()} y={(z.rect.y + 15).to_string()}>{ z.name.clone() }</text>
            <g class="cards">
                { for z.cards.iter().map(|c| card(c, props)) }
            </g>
            <g class="loose-chips">
                { for z.loose_chips.iter().map(|c| chip(c, 0, 0, props)) }
            </g>
        </g>
    }
}

fn cluster(c: &ClusterBox, props: &ClusterViewProps) -> Html {
    let r = &c.rect;
    let focused = props.focus.as_deref() == Some(c.name.as_str());
    let instances: usize = c.zones.iter().map(|z| z.cards.len()).sum();
    let title = format!(
        "{} · {} · {} instance{}{}",
        c.name,
        c.region,
        instances,
        if instances == 1 { "" } else { "s" },
        if c.active { "" } else { " · deleted" }
    );
    let body_bottom = r.y + r.h - PAD;
    let failures_top = body_bottom - i32::try_from(c.failures.len()).unwrap_or(0) * layout::FAILURE_LINE;
    html! {
        <g key={format!("{}/{}", c.region, c.name)} class={classes!("cluster", (!c.active).then_some("inactive"), focused.then_some("focus"))}
            data-cluster={c.name.clone()} role="group" aria-label={format!("Cluster {title}")}>
            <rect class="cluster-frame" x={r.x.to_string()} y={r.y.to_string()} width={r.w.to_string()} height={r.h.to_string()} rx="8" />
            <text class="cluster-title" x="12" y={(r.y + 22).to_string()}>
                <tspan class="cluster-kind">{ "CLUSTER " }</tspan>{ title }
            </text>
            <g class="scheduler" style={format!("transform: translate({}px, {}px)", c.origin.0, c.origin.1)}>
                <title>{ "The ECS scheduler: it places each task on a container instance with enough free CPU and memory" }</title>
                <circle r="11" />
                <text y="3" text-anchor="middle">{ "ECS" }</text>
            </g>
            if c.zones.is_empty() {
                <text class="empty-note" x="14" y={(r.y + CLUSTER_HEADER + 16).to_string()}>
                    { "No container instances yet. An EC2 instance joins this cluster when its" }
                </text>
                <text class="empty-note" x="14" y={(r.y + CLUSTER_HEADER + 32).to_string()}>
                    { format!("agent has credentials and its user data sets ECS_CLUSTER={}.", c.name) }
                </text>
            }
            { for c.zones.iter().map(|z| zone(z, props)) }
            { for c.failures.iter().enumerate().map(|(i, f)| html! {
                <text class="failure" x="14" y={(failures_top + 12 + i32::try_from(i).unwrap_or(0) * layout::FAILURE_LINE).to_string()}>
                    { format!("✗ {f}") }
                </text>
            }) }
        </g>
    }
}

#[component]
pub fn ClusterView(props: &ClusterViewProps) -> Html {
    let l = use_memo(props.scene.clone(), |scene| layout::layout(scene));
    if l.clusters.is_empty() {
        return html! {
            <div class="cluster-empty">
                <p>{ "No clusters yet." }</p>
                <p>{ "Create one in the terminal: " }<code>{ "aws ecs create-cluster --cluster-name demo" }</code></p>
            </div>
        };
    }
    let (w, h) = (l.width.max(320), l.height.max(40));
    let tasks: usize = props.scene.clusters.iter().map(|c| c.tasks.len()).sum();
    let label = format!(
        "Clusters: {}. {} container instance(s), {} task(s).",
        props.scene.clusters.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", "),
        props.scene.clusters.iter().map(|c| c.container_instances.len()).sum::<usize>(),
        tasks
    );
    html! {
        <svg class="cluster-svg" viewBox={format!("0 0 {w} {h}")} width={w.to_string()} height={h.to_string()}
            role="group" aria-label={label} style={format!("--step-ms: {}ms", props.step_ms.max(1))}>
            { for l.clusters.iter().map(|c| cluster(c, props)) }
        </svg>
    }
}
