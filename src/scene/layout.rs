//! Where each thing of a [`Scene`] goes in the cluster view's SVG: clusters stacked top to bottom, inside
//! each a column for every Availability Zone of its Region (empty zones too, so a spread over zones shows),
//! in each column the container instances as cards (flags such as DRAINING, CPU and memory bars, port use,
//! the instance role, then one chip per task with its host ports and the roles it runs with), and, when the
//! cluster runs Fargate tasks, a Fargate lane under the cards with one ENI chip per task (its private
//! address and subnet). Coordinates are SVG user
//! units; the view scales each cluster's drawing to its pane. Pure, so the geometry is tested natively.
//!
//! Words: a *chip* is a task; a *card* is a container instance; a *lane* holds a zone's Fargate tasks.

use super::details::{Details, Eni};
use super::{ClusterNode, ContainerInstanceNode, PlacementFailure, Scene, TaskNode};

/// Drawing sizes, in SVG user units.
pub const PAD: i32 = 12;
pub const CLUSTER_HEADER: i32 = 34;
/// The note under the header of a cluster without container instances.
pub const CLUSTER_NOTE: i32 = 38;
pub const ZONE_HEADER: i32 = 22;
pub const CARD_W: i32 = 244;
pub const CARD_HEADER: i32 = 24;
/// A row under the card's header for its flags (DRAINING, agent disconnected, INACTIVE), when it has any.
pub const FLAG_ROW: i32 = 15;
pub const BAR_ROW: i32 = 18;
pub const PORT_ROW: i32 = 16;
/// The card's row naming the role in the instance profile, when it has one.
pub const ROLE_ROW: i32 = 16;
/// A chip of one line (a task without host ports, ENI or roles), of two (the second lists the ports or the
/// ENI) and of three (the last names the task's roles).
pub const CHIP_H: i32 = 20;
pub const CHIP_H2: i32 = 32;
pub const CHIP_H3: i32 = 44;
/// From one line of a chip to the next.
pub const CHIP_LINE: i32 = 13;
pub const CHIP_GAP: i32 = 4;
pub const CARD_GAP: i32 = 10;
pub const LANE_HEADER: i32 = 20;
/// The "no instances" line of an empty zone.
pub const EMPTY_ZONE: i32 = 24;
pub const COLUMN_W: i32 = CARD_W + 2 * PAD;
/// The width of a cluster whose Region's zones are unknown and that has nothing in a zone.
pub const EMPTY_CLUSTER_W: i32 = 2 * COLUMN_W;
pub const EMPTY_CLUSTER_BODY: i32 = 8;
pub const CLUSTER_GAP: i32 = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChipBox {
    pub rect: Rect,
    pub task: TaskNode,
    /// Offset from the chip's place to the cluster's scheduler badge, where a newly placed chip starts.
    pub from_dx: i32,
    pub from_dy: i32,
    /// Host ports as `:32768→80`, in binding order.
    pub ports: Vec<String>,
    /// The task's ENI (awsvpc), if any.
    pub eni: Option<Eni>,
    /// The chip's second line (its host ports, or its ENI's address and subnet), if it has one.
    pub detail: Option<String>,
    /// The task group, when it is not the family's default (`family:NAME`): `batch`, `service:web`.
    pub group: Option<String>,
    /// The roles it runs with, by name, when it has any.
    pub roles: Option<ChipRoles>,
    /// It runs on `FARGATE_SPOT`: AWS may take it back with a two-minute warning (ecs-facts §3.5).
    pub spot: bool,
}

/// A task's roles, by name (the last part of the ARN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChipRoles {
    pub execution: Option<String>,
    pub task: Option<String>,
}

impl ChipRoles {
    /// The task's roles, if it has any.
    pub fn of(execution: Option<&str>, task: Option<&str>) -> Option<ChipRoles> {
        let name = |arn: &str| super::start_failure::role_name(arn).to_string();
        (execution.is_some() || task.is_some()).then(|| ChipRoles { execution: execution.map(name), task: task.map(name) })
    }
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.execution.iter().chain(&self.task).map(String::as_str)
    }

    /// The names as a chip of width `chip_w` can show them on its roles line (`exec A · task B`): each cut
    /// with `…` so that the line fits, a short name leaving its unused room to the other. The chip's label
    /// and tooltip carry the whole names.
    ///
    /// ```
    /// use ecs_sandbox::scene::layout::ChipRoles;
    /// let r = ChipRoles { execution: Some("readerExecutionRole".into()), task: Some("readerTaskRole".into()) };
    /// assert_eq!(r.shown(228), (Some("readerExecut…".into()), Some("readerTaskRole".into())));
    /// let r = ChipRoles { execution: Some("ecsTaskExecutionRole".into()), task: None };
    /// assert_eq!(r.shown(228), (Some("ecsTaskExecutionRole".into()), None));
    /// let r = ChipRoles { execution: Some("appExecutionRole".into()), task: Some("appTaskRole".into()) };
    /// assert_eq!(r.shown(228), (Some("appExecutionRole".into()), Some("appTaskRole".into())));
    /// let r = ChipRoles { execution: Some("shopExecutionRole".into()), task: Some("shopTaskRole".into()) };
    /// assert_eq!(r.shown(228), (Some("shopExecutionR…".into()), Some("shopTaskRole".into())));
    /// ```
    pub fn shown(&self, chip_w: i32) -> (Option<String>, Option<String>) {
        let keys: i32 = if self.execution.is_some() && self.task.is_some() { 13 } else { 5 }; // `exec ` and ` · task `
        let budget = usize::try_from(((chip_w - CHIP_TEXT_MARGIN) * 10 - keys * KEY_CHAR_W10) / ROLE_NAME_CHAR_W10).unwrap_or(0);
        let (e, t) = (self.execution.as_deref(), self.task.as_deref());
        let len = |n: Option<&str>| n.map_or(0, |n| n.chars().count());
        let (e_max, t_max) = match (e, t) {
            (Some(_), Some(_)) => {
                let half = budget / 2;
                if len(e) <= half {
                    (half, budget - len(e))
                } else if len(t) <= budget - half {
                    (budget - len(t), budget - half)
                } else {
                    (half, budget - half)
                }
            }
            _ => (budget, budget),
        };
        (e.map(|n| cut(n, e_max)), t.map(|n| cut(n, t_max)))
    }
}

/// Left and right margins of a chip's text, in pixels.
const CHIP_TEXT_MARGIN: i32 = 16;
/// The width of a character of a role name on a chip (bold, 9 px), in tenths of a pixel (measured: about
/// 5.3 px in DejaVu Sans Bold, Chromium's default on Debian, with a little to spare)…
const ROLE_NAME_CHAR_W10: i32 = 54;
/// …and of the `exec` / `task` keys (regular).
const KEY_CHAR_W10: i32 = 48;

/// The first `max` characters of `name`, the last one `…` when cut.
fn cut(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let keep: String = name.chars().take(max.saturating_sub(1)).collect();
    format!("{keep}…")
}

impl ChipBox {
    /// The baseline of the chip's line naming its roles (the last line).
    pub fn roles_y(&self) -> i32 {
        14 + CHIP_LINE * (1 + i32::from(self.detail.is_some()))
    }
}

/// Why a container instance takes no new tasks, or how it differs from a healthy one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Deregistered (ECS lists it as INACTIVE).
    Inactive,
    /// Set DRAINING: no new tasks are placed on it.
    Draining,
    /// Its ECS agent is disconnected: placement skips it (`AGENT`).
    AgentDisconnected,
}

impl Flag {
    pub fn label(self) -> &'static str {
        match self {
            Flag::Inactive => "INACTIVE",
            Flag::Draining => "DRAINING",
            Flag::AgentDisconnected => "⚠ agent disconnected",
        }
    }
    pub fn class(self) -> &'static str {
        match self {
            Flag::Inactive => "flag-inactive",
            Flag::Draining => "flag-draining",
            Flag::AgentDisconnected => "flag-agent",
        }
    }
}

/// Host ports on a container instance: the agent's reserved ones and those its tasks hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PortUse {
    pub reserved: usize,
    pub by_tasks: usize,
    pub dynamic_range: (u16, u16),
}

impl PortUse {
    /// `5 reserved · 1 in use`.
    pub fn summary(&self) -> String {
        format!("{} reserved · {} in use", self.reserved, self.by_tasks)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardBox {
    pub rect: Rect,
    pub instance: ContainerInstanceNode,
    pub flags: Vec<Flag>,
    pub ports: PortUse,
    /// Where the bars start, relative to the card's top (under the header and any flags).
    pub bars_top: i32,
    /// The role in the instance profile, drawn on its own row under the ports.
    pub instance_role: Option<String>,
    pub chips: Vec<ChipBox>,
}

/// A zone's Fargate tasks (drawn when the cluster has any), or the tasks waiting in PROVISIONING for an
/// Auto Scaling group capacity provider (drawn in a column of their own, after the zones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaneBox {
    pub rect: Rect,
    /// The subnet its ENIs are in, when they share one.
    pub subnet: Option<String>,
    /// The capacity providers its tasks wait for, in order of first task: empty for a Fargate lane.
    pub awaiting: Vec<String>,
    pub chips: Vec<ChipBox>,
}

impl LaneBox {
    /// Whether it holds tasks waiting for capacity rather than Fargate tasks.
    pub fn is_awaiting(&self) -> bool {
        !self.awaiting.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneBox {
    pub rect: Rect,
    pub name: String,
    pub cards: Vec<CardBox>,
    /// Where "no instances" is written, when the zone has no container instance.
    pub empty_note_y: Option<i32>,
    pub lane: Option<LaneBox>,
}

impl ZoneBox {
    /// The column of tasks waiting for capacity (no zone yet), drawn after the zones.
    pub fn is_awaiting(&self) -> bool {
        self.name.is_empty() && self.lane.as_ref().is_some_and(LaneBox::is_awaiting)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterBox {
    pub rect: Rect,
    pub region: String,
    pub name: String,
    pub active: bool,
    /// The scheduler badge's centre: where placed chips come from.
    pub origin: (i32, i32),
    pub zones: Vec<ZoneBox>,
    /// Whether it has no container instance and no task (the view explains how an instance joins).
    pub no_instances: bool,
    /// Recent placement failures, oldest first (drawn beside the SVG, not in it).
    pub failures: Vec<PlacementFailure>,
    /// Recent tasks that could not start, oldest first (drawn beside the SVG, not in it).
    pub start_failures: Vec<super::start_failure::StartFailure>,
    pub tasks: usize,
    pub fargate_tasks: usize,
    /// Tasks still waiting in PROVISIONING for a capacity provider's instances (not stopped).
    pub awaiting_tasks: usize,
}

impl ClusterBox {
    pub fn cards(&self) -> impl Iterator<Item = &CardBox> {
        self.zones.iter().flat_map(|z| &z.cards)
    }
    /// Every chip: on instances, then in Fargate lanes.
    pub fn chips(&self) -> impl Iterator<Item = &ChipBox> {
        self.cards().flat_map(|c| &c.chips).chain(self.zones.iter().filter_map(|z| z.lane.as_ref()).flat_map(|l| &l.chips))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SceneLayout {
    pub width: i32,
    pub height: i32,
    pub clusters: Vec<ClusterBox>,
}

/// The first characters of a subnet id, enough to tell the default subnets apart (`subnet-012c722a…`).
fn short_subnet(id: &str) -> String {
    match id.char_indices().nth(15) {
        Some((i, _)) => format!("{}…", &id[..i]),
        None => id.to_string(),
    }
}

fn chip(x: i32, y: i32, task: &TaskNode, details: &Details, origin: (i32, i32)) -> ChipBox {
    let d = details.task(&task.id);
    let ports: Vec<String> = d.map(|d| d.host_ports.iter().map(|p| p.label()).collect()).unwrap_or_default();
    let eni = d.and_then(|d| d.eni.clone());
    let spot = d.is_some_and(|d| d.capacity_provider.as_deref() == Some("FARGATE_SPOT"));
    let detail = match &eni {
        // A Spot task says so; its lane's title names the zone's subnet.
        Some(e) if spot => Some(format!("FARGATE_SPOT · ENI {}", e.private_ip)),
        Some(e) => Some(format!("ENI {} · {}", e.private_ip, short_subnet(&e.subnet_id))),
        None if !ports.is_empty() => Some(ports.join("  ")),
        None => None,
    };
    let group = d.map(|d| d.group.clone()).filter(|g| *g != format!("family:{}", task.family) && !g.is_empty());
    let roles = d.and_then(|d| ChipRoles::of(d.execution_role.as_deref(), d.task_role.as_deref()));
    let h = match (detail.is_some(), roles.is_some()) {
        (false, false) => CHIP_H,
        (true, true) => CHIP_H3,
        _ => CHIP_H2,
    };
    let (w, rect) = (CARD_W - 16, Rect { x, y, w: CARD_W - 16, h });
    ChipBox { from_dx: origin.0 - (x + w / 2), from_dy: origin.1 - (y + h / 2), rect, task: task.clone(), ports, eni, detail, group, roles, spot }
}

fn flags(ci: &ContainerInstanceNode) -> Vec<Flag> {
    let mut f = Vec::new();
    if !ci.active {
        f.push(Flag::Inactive);
    } else {
        if ci.status == "DRAINING" {
            f.push(Flag::Draining);
        }
        if !ci.agent_connected {
            f.push(Flag::AgentDisconnected);
        }
    }
    f
}

fn card(c: &ClusterNode, ci: &ContainerInstanceNode, x: i32, y: i32, details: &Details, origin: (i32, i32)) -> CardBox {
    let flags = flags(ci);
    let bars_top = CARD_HEADER + if flags.is_empty() { 0 } else { FLAG_ROW };
    let info = details.instances.get(&ci.id).cloned().unwrap_or_default();
    let role_row = if info.instance_role.is_some() { ROLE_ROW } else { 0 };
    let mut cy = y + bars_top + 2 * BAR_ROW + PORT_ROW + role_row + 6;
    let mut chips = Vec::new();
    let mut by_tasks = 0;
    for t in c.tasks_on(&ci.id) {
        let b = chip(x + 8, cy, t, details, origin);
        if t.holds_resources() {
            by_tasks += b.ports.len();
        }
        cy += b.rect.h + CHIP_GAP;
        chips.push(b);
    }
    let ports = PortUse { reserved: info.reserved_ports, by_tasks, dynamic_range: info.dynamic_range };
    let h = cy - y + 2;
    CardBox { rect: Rect { x, y, w: CARD_W, h }, instance: ci.clone(), flags, ports, bars_top, instance_role: info.instance_role, chips }
}

/// The zones to draw a cluster in: its Region's, then any others its instances or tasks are in.
fn zones_of(c: &ClusterNode, details: &Details) -> Vec<String> {
    let mut zones: Vec<String> = details.zones_of(&c.region).to_vec();
    for z in c.zones() {
        if !zones.contains(&z) {
            zones.push(z);
        }
    }
    zones
}

fn layout_cluster(c: &ClusterNode, details: &Details, y: i32) -> ClusterBox {
    let zones = zones_of(c, details);
    let waiting: Vec<&TaskNode> = c.tasks.iter().filter(|t| t.container_instance_id.is_none() && t.awaiting_capacity.is_some()).collect();
    let columns = zones.len() + usize::from(!waiting.is_empty());
    let width = if columns == 0 { EMPTY_CLUSTER_W } else { i32::try_from(columns).unwrap_or(1) * COLUMN_W };
    let origin = (width - 40, y + CLUSTER_HEADER / 2);
    let fargate_tasks = c.tasks.iter().filter(|t| t.is_fargate()).count();
    // The note on how an instance joins is for a cluster with nothing in it; one running Fargate tasks needs none.
    let no_instances = c.container_instances.is_empty() && c.tasks.is_empty();
    let top = y + CLUSTER_HEADER + if no_instances { CLUSTER_NOTE } else { 0 };
    let mut zone_boxes = Vec::new();
    let mut body = if columns == 0 { EMPTY_CLUSTER_BODY } else { 0 };
    for (zi, zone) in zones.iter().enumerate() {
        let x = i32::try_from(zi).unwrap_or(0) * COLUMN_W;
        let mut cy = top + ZONE_HEADER;
        let mut cards = Vec::new();
        for ci in c.container_instances.iter().filter(|ci| &ci.availability_zone == zone) {
            let b = card(c, ci, x + PAD, cy, details, origin);
            cy += b.rect.h + CARD_GAP;
            cards.push(b);
        }
        let empty_note_y = cards.is_empty().then(|| {
            let at = cy + 14;
            cy += EMPTY_ZONE;
            at
        });
        let lane = (fargate_tasks > 0).then(|| {
            let tasks = c.tasks.iter().filter(|t| t.is_fargate() && &t.availability_zone == zone);
            let l = lane_box(tasks, x + PAD, cy, details, origin);
            cy += l.rect.h + CARD_GAP;
            l
        });
        let h = cy - top;
        body = body.max(h);
        zone_boxes.push(ZoneBox { rect: Rect { x, y: top, w: COLUMN_W, h }, name: zone.clone(), cards, empty_note_y, lane });
    }
    if !waiting.is_empty() {
        // Tasks waiting for capacity are in no zone yet: a last column, named by `ZoneBox::is_awaiting`.
        let x = i32::try_from(zones.len()).unwrap_or(0) * COLUMN_W;
        let l = lane_box(waiting.iter().copied(), x + PAD, top + ZONE_HEADER, details, origin);
        let h = ZONE_HEADER + l.rect.h + CARD_GAP;
        body = body.max(h);
        zone_boxes.push(ZoneBox { rect: Rect { x, y: top, w: COLUMN_W, h }, name: String::new(), cards: Vec::new(), empty_note_y: None, lane: Some(l) });
    }
    for z in &mut zone_boxes {
        z.rect.h = body;
    }
    let h = top - y + body + PAD / 2;
    ClusterBox {
        rect: Rect { x: 0, y, w: width, h },
        region: c.region.clone(),
        name: c.name.clone(),
        active: c.active,
        origin,
        zones: zone_boxes,
        no_instances,
        failures: c.failures.clone(),
        start_failures: c.start_failures.clone(),
        tasks: c.tasks.len(),
        fargate_tasks,
        awaiting_tasks: waiting.iter().filter(|t| t.holds_resources()).count(),
    }
}

/// A lane of chips, one under another, from `top`: a zone's Fargate tasks or the tasks waiting for capacity.
fn lane_box<'a>(tasks: impl Iterator<Item = &'a TaskNode>, x: i32, top: i32, details: &Details, origin: (i32, i32)) -> LaneBox {
    let mut ly = top + LANE_HEADER;
    let mut chips = Vec::new();
    let mut awaiting: Vec<String> = Vec::new();
    for t in tasks {
        if let Some(p) = t.awaiting_capacity.as_ref().filter(|p| !awaiting.contains(p)) {
            awaiting.push(p.clone());
        }
        let b = chip(x + 8, ly, t, details, origin);
        ly += b.rect.h + CHIP_GAP;
        chips.push(b);
    }
    let mut subnets: Vec<&str> = chips.iter().filter_map(|b| b.eni.as_ref()).map(|e| e.subnet_id.as_str()).collect();
    subnets.dedup();
    let subnet = (subnets.len() == 1).then(|| subnets[0].to_string());
    let h = (ly - top + 4).max(LANE_HEADER + 14);
    LaneBox { rect: Rect { x, y: top, w: CARD_W, h }, subnet, awaiting, chips }
}

/// Lays out every cluster of the scene, each at the top of its own drawing (y = 0): the view draws one SVG
/// per cluster, with its placement failures between them.
pub fn layout(scene: &Scene, details: &Details) -> SceneLayout {
    let clusters: Vec<ClusterBox> = scene.clusters.iter().map(|c| layout_cluster(c, details, 0)).collect();
    let width = clusters.iter().map(|c| c.rect.w).max().unwrap_or(0);
    let height = clusters.iter().map(|c| c.rect.h).sum::<i32>() + CLUSTER_GAP * (i32::try_from(clusters.len()).unwrap_or(1) - 1).max(0);
    SceneLayout { width, height, clusters }
}
