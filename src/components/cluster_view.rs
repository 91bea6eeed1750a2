//! The cluster drawing: one SVG per cluster, inside it a column for every Availability Zone of its Region,
//! in each column the container instances as cards (flags such as DRAINING or a disconnected agent, CPU and
//! memory bars of registered vs used, host ports reserved and in use) with a chip per task (family:revision,
//! status colour, host ports; drawn by [`super::task_chip`]), and a Fargate lane of ENI chips (private address,
//! subnet); tasks waiting in PROVISIONING for a capacity provider's instances in a last column. Above a cluster,
//! its recent placement failures with the reasons ECS gave and a "Why?" button, and the tasks that could not
//! start with the role and permission that stopped them; under it, the roles its tasks and instances use.
//! Each chip names its task's execution and task roles, each card its instance role.
//!
//! It draws the scene as of the animation step on screen: a chip placed by that step flies from the
//! cluster's ECS scheduler badge into its instance, and what the step changed pulses. Bars and card
//! positions glide by CSS transitions lasting the step's duration. Chips are buttons (Tab, then Enter or
//! Space): choosing one opens the "why this instance?" panel for its placement. When a task fails to start,
//! an image arrow from the registry badge breaks on its way to the chip, which shakes and turns red.

use super::placement_panel::PlacementSubject;
use super::role_cards::RoleCards;
use super::start_failures::{StartFailureEntry, StartFailureList};
use super::task_chip::{ChipContext, chip};
use crate::scene::Scene;
use crate::scene::details::Details;
use crate::scene::layout::{
    self, BAR_ROW, CARD_W, CLUSTER_HEADER, CardBox, ClusterBox, LANE_HEADER, LaneBox, PAD, PORT_ROW, ZoneBox,
};
use crate::scene::roles::{self, RoleCard};
use ecs_sim::view::iam::RoleView;
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
    /// The account's roles, as the model's view has them (for the role cards).
    #[prop_or_default]
    pub roles: Rc<Vec<RoleView>>,
    /// The role whose tasks and instances are outlined.
    #[prop_or_default]
    pub selected_role: Option<AttrValue>,
    /// A role card's button was pressed.
    #[prop_or_default]
    pub on_select_role: Callback<Option<String>>,
}

const BAR_X: i32 = 50;
const BAR_W: i32 = CARD_W - BAR_X - 104;

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
    let label = match &card.instance_role {
        Some(r) => format!("{label}, instance role {r}"),
        None => label,
    };
    let draining = card.flags.contains(&layout::Flag::Draining);
    let disconnected = card.flags.contains(&layout::Flag::AgentDisconnected);
    let ports_y = card.bars_top + 2 * BAR_ROW;
    let role_y = ports_y + PORT_ROW;
    let uses_role = props.selected_role.is_some() && props.selected_role.as_deref() == card.instance_role.as_deref();
    html! {
        <g key={ci.id.clone()} class={classes!("instance", (!ci.active).then_some("inactive"), draining.then_some("draining"),
                disconnected.then_some("disconnected"), focused.then_some("focus"), uses_role.then_some("uses-role"))}
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
            if let Some(r) = &card.instance_role {
                <g class="instance-role" data-role={r.clone()}>
                    <title>{ format!("The role in this instance's instance profile: the ECS agent's credentials, and image pulls for tasks without an execution role") }</title>
                    <text class="bar-label" x="10" y={(role_y + 11).to_string()}>{ "ROLE" }</text>
                    <text class={classes!("role-ref", uses_role.then_some("chosen"))} x={BAR_X.to_string()} y={(role_y + 11).to_string()}>{ r.clone() }</text>
                </g>
            }
            <g class="chips">
                { for card.chips.iter().map(|c| chip(c, x, y, cx)) }
            </g>
        </g>
    }
}

fn lane(l: &LaneBox, cx: &ChipContext<'_>) -> Html {
    let (class, title, label) = if l.is_awaiting() {
        let providers = l.awaiting.join(", ");
        ("awaiting-lane", format!("PROVISIONING · {providers}"), format!("Tasks waiting for capacity from {providers}: {}", l.chips.len()))
    } else {
        let title = match &l.subnet {
            Some(s) => format!("FARGATE · {s}"),
            None => "FARGATE".to_string(),
        };
        ("fargate-lane", title, format!("Fargate tasks in this zone: {}", l.chips.len()))
    };
    html! {
        <g class={class} role="group" aria-label={label}>
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
            <text class="zone-title" x={(z.rect.x + PAD).to_string()} y={(z.rect.y + 15).to_string()}>
                { if z.is_awaiting() { "waiting for capacity".to_string() } else { z.name.clone() } }
            </text>
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

/// During the step that saw a task fail to start: a badge of what it needed (ECR for the image, LOGS,
/// SECRETS), an arrow from it that breaks with the missing action written at the break, and a red dashed
/// stub to the chip. Decorative: the failure entry above the cluster says the same in words.
fn pull_failure(c: &ClusterBox, props: &ClusterViewProps) -> Html {
    let Some(b) = c.chips().find(|b| b.task.start_failure.as_ref().is_some_and(|f| props.current == Some(f.seq))) else {
        return Html::default();
    };
    let Some(f) = &b.task.start_failure else { return Html::default() };
    let source = match f.stage.as_str() {
        "logging" => "LOGS",
        "secrets" => "SECRETS",
        _ => "ECR",
    };
    let half = 8 + 4 * i32::try_from(source.len()).unwrap_or(3);
    let (bx, by) = (c.origin.0 - 28 - half, c.origin.1);
    let (tx, ty) = (b.rect.x + b.rect.w / 2, b.rect.y);
    let (mx, my) = (bx + (tx - bx) * 62 / 100, by + 9 + (ty - by - 9) * 62 / 100);
    let label = match &f.missing_action {
        Some(a) => format!("✗ {a}"),
        None => format!("✗ {}", f.stage),
    };
    // The label sits in a box beside the break, so it stays legible over lanes and chips; it flips to the
    // break's left when it would leave the drawing.
    let label_w = 10 + i32::try_from(label.chars().count()).unwrap_or(20) * 66 / 10;
    let right = mx + 12 + label_w > c.rect.w - 4;
    let box_x = if right { mx - 12 - label_w } else { mx + 12 };
    html! {
        <g class="pull-failure" data-failing-task={b.task.id.clone()} aria-hidden="true">
            <line class="pull-arrow" x1={bx.to_string()} y1={(by + 9).to_string()} x2={mx.to_string()} y2={my.to_string()} pathLength="100" />
            <line class="pull-rest" x1={mx.to_string()} y1={my.to_string()} x2={tx.to_string()} y2={ty.to_string()} />
            <g class="source-badge" style={format!("transform: translate({bx}px, {by}px)")}>
                <rect x={(-half).to_string()} y="-9" width={(2 * half).to_string()} height="18" rx="4" />
                <text y="4" text-anchor="middle">{ source }</text>
            </g>
            <g class="pull-break" style={format!("transform: translate({mx}px, {my}px)")}>
                <circle r="8" />
                <text y="4" text-anchor="middle">{ "✗" }</text>
            </g>
            <g class="pull-label">
                <rect x={box_x.to_string()} y={(my - 9).to_string()} width={label_w.to_string()} height="18" rx="4" />
                <text x={(box_x + 5).to_string()} y={(my + 4).to_string()}>{ label }</text>
            </g>
        </g>
    }
}

/// The cluster's start failures, each with what would fix it.
fn start_failure_entries(c: &ClusterBox, scene: &Scene, details: &Details) -> Rc<Vec<StartFailureEntry>> {
    let node = scene.clusters.iter().find(|n| n.region == c.region && n.name == c.name);
    Rc::new(
        c.start_failures
            .iter()
            .map(|f| {
                let role_use = match (node, &f.role_arn) {
                    (Some(n), Some(arn)) => roles::use_of(arn, &f.task_id, n, details),
                    _ => None,
                };
                StartFailureEntry { failure: f.clone(), fix: f.fix(role_use) }
            })
            .collect(),
    )
}

fn cluster(c: &ClusterBox, props: &ClusterViewProps, role_cards: Rc<Vec<RoleCard>>) -> Html {
    let r = &c.rect;
    let focused = props.focus.as_deref() == Some(c.name.as_str());
    let instances: usize = c.cards().count();
    let mut title = format!("{} · {} · {} instance{}", c.name, c.region, instances, if instances == 1 { "" } else { "s" });
    if c.fargate_tasks > 0 {
        title.push_str(&format!(" · {} Fargate task{}", c.fargate_tasks, if c.fargate_tasks == 1 { "" } else { "s" }));
    }
    if c.awaiting_tasks > 0 {
        title.push_str(&format!(" · {} waiting for capacity", c.awaiting_tasks));
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
            <StartFailureList region={c.region.clone()} cluster={c.name.clone()} current={props.current}
                entries={start_failure_entries(c, &props.scene, &props.details)} on_select={props.on_select.clone()} />
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
                { pull_failure(c, props) }
            </svg>
            <RoleCards cards={role_cards} title={AttrValue::from(format!("Roles used in {}", c.name))}
                selected_task={props.selected.as_ref().and_then(|s| s.task_id()).map(|t| AttrValue::from(t.to_string()))}
                selected_role={props.selected_role.clone()} on_select_role={props.on_select_role.clone()} />
        </section>
    }
}

#[component]
pub fn ClusterView(props: &ClusterViewProps) -> Html {
    let l = use_memo((props.scene.clone(), props.details.clone()), |(scene, details)| layout::layout(scene, details));
    let cards = use_memo((props.scene.clone(), props.details.clone(), props.roles.clone()), |(scene, details, roles)| {
        let per_cluster: Vec<Rc<Vec<RoleCard>>> =
            scene.clusters.iter().map(|c| Rc::new(roles::cluster_roles(c, details, roles))).collect();
        let used: Vec<&str> = per_cluster.iter().flat_map(|cards| cards.iter().map(|c| c.name.as_str())).collect();
        let unused = Rc::new(roles::unused_roles(used, roles));
        (per_cluster, unused)
    });
    if l.clusters.is_empty() {
        return html! {
            <div class="cluster-empty">
                <p>{ "No clusters yet." }</p>
                <p>{ "Create one in the terminal: " }<code>{ "aws ecs create-cluster --cluster-name demo" }</code></p>
            </div>
        };
    }
    let (per_cluster, unused) = &*cards;
    html! {
        <div class="cluster-view">
            { for l.clusters.iter().enumerate().map(|(i, c)| cluster(c, props, per_cluster.get(i).cloned().unwrap_or_default())) }
            if !unused.is_empty() {
                <details class="other-roles">
                    <summary>{ format!("Other roles in the account ({})", unused.len()) }</summary>
                    <RoleCards cards={unused.clone()} title="Roles no task or instance uses"
                        selected_role={props.selected_role.clone()} on_select_role={props.on_select_role.clone()} />
                </details>
            }
        </div>
    }
}
