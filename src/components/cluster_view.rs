//! The cluster drawing: one SVG per cluster, inside it a column for every Availability Zone of its Region,
//! in each column the container instances as cards (flags such as DRAINING or a disconnected agent, CPU and
//! memory bars of registered vs used, host ports reserved and in use) with a chip per task (family:revision,
//! status colour, host ports), and a Fargate lane of ENI chips (private address, subnet). Above a cluster,
//! its recent placement failures with the reasons ECS gave and a "Why?" button.
//!
//! It draws the scene as of the animation step on screen: a chip placed by that step flies from the
//! cluster's ECS scheduler badge into its instance, and what the step changed pulses. Bars and card
//! positions glide by CSS transitions lasting the step's duration. Chips are buttons (Tab, then Enter or
//! Space): choosing one opens the "why this instance?" panel for its placement.

use super::placement_panel::PlacementSubject;
use crate::scene::Scene;
use crate::scene::animation::short_id;
use crate::scene::details::Details;
use crate::scene::layout::{
    self, BAR_ROW, CARD_W, CLUSTER_HEADER, CardBox, ChipBox, ClusterBox, LANE_HEADER, LaneBox, PAD, ZoneBox,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ClusterViewProps {
    pub scene: Rc<Scene>,
    /// What the events do not say (zones, host ports, ENIs), from the model after the last command.
    #[prop_or_default]
    pub details: Rc<Details>,
    /// The log position of the step on screen, if one is.
    #[prop_or_default]
    pub current: Option<u64>,
    /// What that step changes (task id, container instance id or cluster name), to highlight.
    #[prop_or_default]
    pub focus: Option<AttrValue>,
    /// How long the step stays on screen at the chosen speed (CSS transitions last this long).
    #[prop_or_default]
    pub step_ms: u32,
    /// The placement the panel explains, to mark its chip.
    #[prop_or_default]
    pub selected: Option<PlacementSubject>,
    /// A chip or a "Why?" button was chosen.
    #[prop_or_default]
    pub on_select: Callback<PlacementSubject>,
}

const BAR_X: i32 = 50;
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

/// Where the short id starts after a `family:revision` label of 10.5 px bold text.
fn id_x(label: &str) -> i32 {
    let chars = i32::try_from(label.chars().count()).unwrap_or(20);
    8 + chars * 63 / 10 + 8
}

struct ChipContext<'a> {
    props: &'a ClusterViewProps,
    region: &'a str,
    cluster: &'a str,
}

fn chip(c: &ChipBox, ox: i32, oy: i32, cx: &ChipContext<'_>) -> Html {
    let props = cx.props;
    let t = &c.task;
    let arriving = props.current == Some(t.placed_seq);
    let focused = props.focus.as_deref() == Some(t.id.as_str()) && !arriving;
    let selected = matches!(&props.selected, Some(PlacementSubject::Task { task_id, .. }) if *task_id == t.id);
    let (x, y) = (c.rect.x - ox, c.rect.y - oy);
    let fargate = t.container_instance_id.is_none();
    let mut label = format!("Task {} of {} in {}, {}", short_id(&t.id), t.label(), t.availability_zone, t.last_status);
    if let Some(g) = &c.group {
        label.push_str(&format!(", group {g}"));
    }
    if !c.ports.is_empty() {
        label.push_str(&format!(", host ports {}", c.ports.join(" ")));
    }
    if let Some(e) = &c.eni {
        label.push_str(&format!(", ENI {} with address {} in {}", e.id, e.private_ip, e.subnet_id));
    }
    label.push_str(". Press Enter to see why it was placed here.");
    let subject = PlacementSubject::Task { region: cx.region.into(), cluster: cx.cluster.into(), task_id: t.id.clone() };
    let onclick = {
        let (cb, subject) = (props.on_select.clone(), subject.clone());
        Callback::from(move |_: MouseEvent| cb.emit(subject.clone()))
    };
    let onkeydown = {
        let cb = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                cb.emit(subject.clone());
            }
        })
    };
    let name = t.label();
    html! {
        <g key={t.id.clone()} class="chip-slot" style={format!("transform: translate({x}px, {y}px)")}>
            <g class={classes!("task-chip", status_class(&t.last_status), fargate.then_some("eni-chip"),
                    arriving.then_some("arriving"), focused.then_some("focus"), selected.then_some("selected"))}
                style={format!("--dx: {}px; --dy: {}px", c.from_dx, c.from_dy)}
                data-task={t.id.clone()} data-status={t.last_status.clone()} tabindex="0" role="button"
                aria-pressed={selected.to_string()} aria-label={label.clone()} {onclick} {onkeydown}>
                <title>{ label }</title>
                <rect width={c.rect.w.to_string()} height={c.rect.h.to_string()} rx="4" />
                <text class="chip-name" x="8" y="14">{ name.clone() }</text>
                if let Some(g) = &c.group {
                    <text class="chip-group" x={id_x(&name).to_string()} y="14">{ g.clone() }</text>
                } else {
                    <text class="chip-id" x={id_x(&name).to_string()} y="14">{ short_id(&t.id).to_string() }</text>
                }
                <text class="chip-status" x={(c.rect.w - 8).to_string()} y="14" text-anchor="end">{ t.last_status.clone() }</text>
                if let Some(detail) = &c.detail {
                    <text class="chip-detail" x="8" y="27">{ detail.clone() }</text>
                }
            </g>
        </g>
    }
}

fn card(card: &CardBox, cx: &ChipContext<'_>) -> Html {
    let props = cx.props;
    let ci = &card.instance;
    let focused = props.focus.as_deref() == Some(ci.id.as_str());
    let (x, y) = (card.rect.x, card.rect.y);
    let tasks = card.chips.len();
    let flags: Vec<&str> = card.flags.iter().map(|f| f.label()).collect();
    let (lo, hi) = card.ports.dynamic_range;
    let label = format!(
        "Container instance {} ({}, {}){}: CPU {} of {} units used, memory {} of {} MiB used, host ports {} (dynamic range {lo}-{hi}), {} task{}",
        ci.ec2_instance_id,
        ci.instance_type,
        ci.availability_zone,
        if flags.is_empty() { String::new() } else { format!(", {}", flags.join(", ")) },
        ci.cpu.used,
        ci.cpu.registered,
        ci.memory.used,
        ci.memory.registered,
        card.ports.summary(),
        tasks,
        if tasks == 1 { "" } else { "s" }
    );
    let draining = card.flags.contains(&layout::Flag::Draining);
    let disconnected = card.flags.contains(&layout::Flag::AgentDisconnected);
    let ports_y = card.bars_top + 2 * BAR_ROW;
    html! {
        <g key={ci.id.clone()} class={classes!("instance", (!ci.active).then_some("inactive"), draining.then_some("draining"),
                disconnected.then_some("disconnected"), focused.then_some("focus"))}
            style={format!("transform: translate({x}px, {y}px)")} data-container-instance={ci.id.clone()}
            data-instance={ci.ec2_instance_id.clone()} data-status={ci.status.clone()} data-agent-connected={ci.agent_connected.to_string()}
            role="group" aria-label={label}>
            <rect class="card" width={card.rect.w.to_string()} height={card.rect.h.to_string()} rx="6" />
            <text class="card-title" x="10" y="16">{ ci.instance_type.clone() }</text>
            <text class="card-id" x={(CARD_W - 10).to_string()} y="16" text-anchor="end">{ ci.ec2_instance_id.clone() }</text>
            if !card.flags.is_empty() {
                <text class="card-flags" x="10" y={(layout::CARD_HEADER + 10).to_string()}>
                    { for card.flags.iter().enumerate().map(|(i, f)| html! {
                        <tspan class={f.class()}>{ if i == 0 { f.label().to_string() } else { format!("  ·  {}", f.label()) } }</tspan>
                    }) }
                </text>
            }
            { bar("CPU", card.bars_top, ci.cpu.used, ci.cpu.registered, ci.cpu.fraction(), "", "cpu") }
            { bar("MEM", card.bars_top + BAR_ROW, ci.memory.used, ci.memory.registered, ci.memory.fraction(), " MiB", "mem") }
            <g class="ports">
                <title>{ format!("Host ports: {} by the ECS agent, {} by tasks; dynamic host ports come from {lo}-{hi}", card.ports.reserved, card.ports.by_tasks) }</title>
                <text class="bar-label" x="10" y={(ports_y + 11).to_string()}>{ "PORTS" }</text>
                <text class="ports-use" x={BAR_X.to_string()} y={(ports_y + 11).to_string()}>{ card.ports.summary() }</text>
                <text class="ports-range" x={(CARD_W - 10).to_string()} y={(ports_y + 11).to_string()} text-anchor="end">{ format!("{lo}–{hi}") }</text>
            </g>
            <g class="chips">
                { for card.chips.iter().map(|c| chip(c, x, y, cx)) }
            </g>
        </g>
    }
}

fn lane(l: &LaneBox, cx: &ChipContext<'_>) -> Html {
    let title = match &l.subnet {
        Some(s) => format!("FARGATE · {s}"),
        None => "FARGATE".to_string(),
    };
    html! {
        <g class="fargate-lane" role="group" aria-label={format!("Fargate tasks in this zone: {}", l.chips.len())}>
            <rect class="lane-bg" x={l.rect.x.to_string()} y={l.rect.y.to_string()} width={l.rect.w.to_string()}
                height={l.rect.h.to_string()} rx="6" />
            <text class="lane-title" x={(l.rect.x + 8).to_string()} y={(l.rect.y + 14).to_string()}>{ title }</text>
            if l.chips.is_empty() {
                <text class="empty-zone" x={(l.rect.x + 8).to_string()} y={(l.rect.y + LANE_HEADER + 8).to_string()}>{ "no Fargate tasks" }</text>
            }
            { for l.chips.iter().map(|c| chip(c, 0, 0, cx)) }
        </g>
    }
}

fn zone(z: &ZoneBox, cx: &ChipContext<'_>) -> Html {
    html! {
        <g key={z.name.clone()} class="zone" data-zone={z.name.clone()} data-instances={z.cards.len().to_string()}>
            <rect class="zone-bg" x={z.rect.x.to_string()} y={z.rect.y.to_string()} width={z.rect.w.to_string()}
                height={z.rect.h.to_string()} />
            <text class="zone-title" x={(z.rect.x + PAD).to_string()} y={(z.rect.y + 15).to_string()}>{ z.name.clone() }</text>
            if let Some(ny) = z.empty_note_y {
                <text class="empty-zone" x={(z.rect.x + PAD + 4).to_string()} y={ny.to_string()}>{ "no container instances" }</text>
            }
            <g class="cards">
                { for z.cards.iter().map(|c| card(c, cx)) }
            </g>
            if let Some(l) = &z.lane {
                { lane(l, cx) }
            }
        </g>
    }
}

fn failures(c: &ClusterBox, props: &ClusterViewProps) -> Html {
    if c.failures.is_empty() {
        return Html::default();
    }
    let newest = c.failures.len() - 1;
    let alert = c.failures.last().is_some_and(|f| !f.resolved);
    // Failures not yet resolved; once every one is, only the newest (dimmed) stays, to keep its "Why?".
    let shown = |i: usize, f: &crate::scene::PlacementFailure| !f.resolved || (i == newest && !c.failures.iter().any(|f| !f.resolved));
    let subject = PlacementSubject::LastFailure { region: c.region.clone(), cluster: c.name.clone() };
    let selected = props.selected.as_ref() == Some(&subject);
    let onclick = {
        let cb = props.on_select.clone();
        Callback::from(move |_: MouseEvent| cb.emit(subject.clone()))
    };
    html! {
        <ul class="placement-failures" aria-label={format!("Placement failures in {}", c.name)}>
            { for c.failures.iter().enumerate().rev().filter(|(i, f)| shown(*i, f)).map(|(i, f)| html! {
                <li key={f.seq.to_string()} class={classes!("placement-failure", (i != newest).then_some("older"), f.resolved.then_some("resolved"))}
                    data-family={f.family.clone()} role={(i == newest && alert).then_some("status")}>
                    <span class="failure-mark" aria-hidden="true">{ "✗" }</span>
                    <span class="failure-text">
                        <span class="failure-at">{ f.at.clone() }</span>
                        { format!(" run-task {} could not be placed in {}: ", f.family, c.name) }
                        <span class="failure-reason">{ f.summary() }</span>
                        if f.resolved {
                            <span class="failure-resolved">{ format!(" (a {} task has been placed since)", f.family) }</span>
                        }
                    </span>
                    if i == newest {
                        <button class={classes!("why-button", selected.then_some("active"))} onclick={onclick.clone()}
                            aria-label={format!("Why could the {} task not be placed? Show every instance's checks", f.family)}>
                            { "Why?" }
                        </button>
                    }
                </li>
            }) }
        </ul>
    }
}

fn cluster(c: &ClusterBox, props: &ClusterViewProps) -> Html {
    let r = &c.rect;
    let focused = props.focus.as_deref() == Some(c.name.as_str());
    let instances: usize = c.cards().count();
    let mut title = format!("{} · {} · {} instance{}", c.name, c.region, instances, if instances == 1 { "" } else { "s" });
    if c.fargate_tasks > 0 {
        title.push_str(&format!(" · {} Fargate task{}", c.fargate_tasks, if c.fargate_tasks == 1 { "" } else { "s" }));
    }
    if !c.active {
        title.push_str(" · deleted");
    }
    let cx = ChipContext { props, region: &c.region, cluster: &c.name };
    let (w, h) = (r.w.max(320), r.h.max(40));
    html! {
        <section key={format!("{}/{}", c.region, c.name)} class={classes!("cluster-block", (!c.active).then_some("inactive"))}
            data-cluster={c.name.clone()} aria-label={format!("Cluster {title}")}>
            { failures(c, props) }
            <svg class={classes!("cluster-svg", "cluster", (!c.active).then_some("inactive"), focused.then_some("focus"))}
                viewBox={format!("0 0 {w} {h}")} width={w.to_string()} height={h.to_string()} role="group"
                aria-label={format!("Cluster {title}, by Availability Zone")} style={format!("--step-ms: {}ms", props.step_ms.max(1))}>
                <rect class="cluster-frame" x="1" y="1" width={(w - 2).to_string()} height={(h - 2).to_string()} rx="8" />
                <text class="cluster-title" x="12" y="22">
                    <tspan class="cluster-kind">{ "CLUSTER " }</tspan>{ title.clone() }
                </text>
                <g class="scheduler" style={format!("transform: translate({}px, {}px)", c.origin.0, c.origin.1)}>
                    <title>{ "The ECS scheduler: it places each task on a container instance that meets the task's requirements and constraints, ranked by the placement strategies" }</title>
                    <circle r="11" />
                    <text y="3" text-anchor="middle">{ "ECS" }</text>
                </g>
                if c.no_instances {
                    <text class="empty-note" x="14" y={(CLUSTER_HEADER + 12).to_string()}>
                        { "No container instances yet. An EC2 instance joins this cluster when its" }
                    </text>
                    <text class="empty-note" x="14" y={(CLUSTER_HEADER + 28).to_string()}>
                        { format!("agent has credentials and its user data sets ECS_CLUSTER={}.", c.name) }
                    </text>
                }
                { for c.zones.iter().map(|z| zone(z, &cx)) }
            </svg>
        </section>
    }
}

#[component]
pub fn ClusterView(props: &ClusterViewProps) -> Html {
    let l = use_memo((props.scene.clone(), props.details.clone()), |(scene, details)| layout::layout(scene, details));
    if l.clusters.is_empty() {
        return html! {
            <div class="cluster-empty">
                <p>{ "No clusters yet." }</p>
                <p>{ "Create one in the terminal: " }<code>{ "aws ecs create-cluster --cluster-name demo" }</code></p>
            </div>
        };
    }
    html! {
        <div class="cluster-view">
            { for l.clusters.iter().map(|c| cluster(c, props)) }
        </div>
    }
}
