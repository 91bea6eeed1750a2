//! A task's chip in the cluster drawing: `family:revision`, its group or short id and its status colour; a
//! second line with its host ports or its ENI (and `FARGATE_SPOT` for a Spot task); a third with its roles.
//! It is a button (Tab, then Enter or Space) that opens "why this instance?"; a chip placed by the step on
//! screen flies in from the scheduler badge.

use super::cluster_view::ClusterViewProps;
use super::placement_panel::PlacementSubject;
use crate::scene::animation::short_id;
use crate::scene::layout::ChipBox;
use yew::prelude::*;

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

/// Where the short id starts after a `family:revision` label of 10.5 px bold text.
fn id_x(label: &str) -> i32 {
    let chars = i32::try_from(label.chars().count()).unwrap_or(20);
    8 + chars * 63 / 10 + 8
}

/// What a chip needs from the drawing it is in.
pub(super) struct ChipContext<'a> {
    pub(super) props: &'a ClusterViewProps,
    pub(super) region: &'a str,
    pub(super) cluster: &'a str,
}

/// The chip's last line: `exec appExecutionRole · task appTaskRole`, the role that stopped the task in red.
fn chip_roles(c: &ChipBox, cx: &ChipContext<'_>) -> Html {
    let Some(r) = &c.roles else { return Html::default() };
    let failed = c.task.start_failure.as_ref().and_then(|f| f.role_name().map(str::to_string));
    let chosen = cx.props.selected_role.as_deref();
    let (exec_shown, task_shown) = r.shown(c.rect.w);
    let part = |key: &str, name: &str, shown: &str, first: bool| {
        let class = classes!(
            "role-ref",
            (failed.as_deref() == Some(name)).then_some("failed"),
            (chosen == Some(name)).then_some("chosen")
        );
        html! {
            <>
                <tspan class="role-key">{ if first { format!("{key} ") } else { format!(" · {key} ") } }</tspan>
                <tspan {class}>{ shown.to_string() }</tspan>
            </>
        }
    };
    html! {
        <text class="chip-roles" x="8" y={c.roles_y().to_string()}>
            if let (Some(e), Some(shown)) = (&r.execution, &exec_shown) { { part("exec", e, shown, true) } }
            if let (Some(t), Some(shown)) = (&r.task, &task_shown) { { part("task", t, shown, r.execution.is_none()) } }
        </text>
    }
}

/// A task's chip at its place less `(ox, oy)` (the card it is drawn in, or the drawing for a lane).
pub(super) fn chip(c: &ChipBox, ox: i32, oy: i32, cx: &ChipContext<'_>) -> Html {
    let props = cx.props;
    let t = &c.task;
    let arriving = props.current == Some(t.placed_seq);
    let focused = props.focus.as_deref() == Some(t.id.as_str()) && !arriving;
    let selected = matches!(&props.selected, Some(PlacementSubject::Task { task_id, .. }) if *task_id == t.id);
    let (x, y) = (c.rect.x - ox, c.rect.y - oy);
    let fargate = t.is_fargate();
    let mut label = match &t.awaiting_capacity {
        Some(p) => format!("Task {} of {}, {}, waiting for capacity from {p}", short_id(&t.id), t.label(), t.last_status),
        None => format!("Task {} of {} in {}, {}", short_id(&t.id), t.label(), t.availability_zone, t.last_status),
    };
    if let Some(g) = &c.group {
        label.push_str(&format!(", group {g}"));
    }
    if !c.ports.is_empty() {
        label.push_str(&format!(", host ports {}", c.ports.join(" ")));
    }
    if let Some(e) = &c.eni {
        label.push_str(&format!(", ENI {} with address {} in {}", e.id, e.private_ip, e.subnet_id));
    }
    if c.spot {
        label.push_str(", on Fargate Spot");
    }
    if let Some(r) = &c.roles {
        if let Some(e) = &r.execution {
            label.push_str(&format!(", execution role {e}"));
        }
        if let Some(t) = &r.task {
            label.push_str(&format!(", task role {t}"));
        }
    }
    if let Some(f) = &t.start_failure {
        label.push_str(&format!(", could not start: {}", f.headline()));
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
    let failing_now = t.start_failure.as_ref().is_some_and(|f| props.current == Some(f.seq));
    let uses_role = props.selected_role.as_deref().is_some_and(|r| c.roles.as_ref().is_some_and(|roles| roles.names().any(|n| n == r)));
    let focused = focused && !failing_now;
    html! {
        <g key={t.id.clone()} class="chip-slot" style={format!("transform: translate({x}px, {y}px)")}>
            <g class={classes!("task-chip", status_class(&t.last_status), fargate.then_some("eni-chip"), c.spot.then_some("spot"),
                    arriving.then_some("arriving"), focused.then_some("focus"), selected.then_some("selected"),
                    t.start_failure.is_some().then_some("start-failed"), failing_now.then_some("failing-now"),
                    uses_role.then_some("uses-role"))}
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
                { chip_roles(c, cx) }
            </g>
        </g>
    }
}
