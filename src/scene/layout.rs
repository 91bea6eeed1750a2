//! Where each thing of a [`Scene`] goes in the cluster view's SVG: clusters stacked top to bottom, inside
//! each a column per Availability Zone, in each column the container instances as cards (CPU and memory
//! bars, then one chip per task). Coordinates are SVG user units; the view scales the whole drawing to its
//! pane. Pure, so the geometry is tested natively.

use super::{ClusterNode, ContainerInstanceNode, Scene, TaskNode};

/// Drawing sizes, in SVG user units.
pub const PAD: i32 = 12;
pub const CLUSTER_HEADER: i32 = 34;
pub const ZONE_HEADER: i32 = 22;
pub const CARD_W: i32 = 236;
pub const CARD_HEADER: i32 = 26;
pub const BAR_ROW: i32 = 18;
pub const CHIP_H: i32 = 20;
pub const CHIP_GAP: i32 = 4;
pub const CARD_GAP: i32 = 10;
pub const FAILURE_LINE: i32 = 16;
pub const COLUMN_W: i32 = CARD_W + 2 * PAD;
/// The width of a cluster without container instances (room for its "no instances yet" text).
pub const EMPTY_CLUSTER_W: i32 = 2 * COLUMN_W;
pub const EMPTY_CLUSTER_BODY: i32 = 44;
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardBox {
    pub rect: Rect,
    pub instance: ContainerInstanceNode,
    pub chips: Vec<ChipBox>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneBox {
    pub rect: Rect,
    pub name: String,
    pub cards: Vec<CardBox>,
    /// Tasks without a container instance (Fargate), drawn under the cards.
    pub loose_chips: Vec<ChipBox>,
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
    /// "family: reason" lines for recent placement failures.
    pub failures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SceneLayout {
    pub width: i32,
    pub height: i32,
    pub clusters: Vec<ClusterBox>,
}

fn chip(x: i32, y: i32, w: i32, task: &TaskNode, origin: (i32, i32)) -> ChipBox {
    let rect = Rect { x, y, w, h: CHIP_H };
    ChipBox { from_dx: origin.0 - (x + w / 2), from_dy: origin.1 - (y + CHIP_H / 2), rect, task: task.clone() }
}

fn card_height(tasks: usize) -> i32 {
    let chips = i32::try_from(tasks).unwrap_or(i32::MAX / 64);
    CARD_HEADER + 2 * BAR_ROW + 8 + chips * (CHIP_H + CHIP_GAP) + 6
}

fn layout_cluster(c: &ClusterNode, y: i32) -> ClusterBox {
    let zones = c.zones();
    let width = if c.container_instances.is_empty() && zones.is_empty() {
        EMPTY_CLUSTER_W
    } else {
        i32::try_from(zones.len()).unwrap_or(1).max(1) * COLUMN_W
    };
    let origin = (width - 40, y + CLUSTER_HEADER / 2);
    let top = y + CLUSTER_HEADER;
    let mut zone_boxes = Vec::new();
    let mut body = if zones.is_empty() { EMPTY_CLUSTER_BODY } else { 0 };
    for (zi, zone) in zones.iter().enumerate() {
        let x = i32::try_from(zi).unwrap_or(0) * COLUMN_W;
        let mut cy = top + ZONE_HEADER;
        let mut cards = Vec::new();
        for ci in c.container_instances.iter().filter(|ci| &ci.availability_zone == zone) {
            let tasks: Vec<&TaskNode> = c.tasks_on(&ci.id).collect();
            let h = card_height(tasks.len());
            let rect = Rect { x: x + PAD, y: cy, w: CARD_W, h };
            let chip_top = cy + CARD_HEADER + 2 * BAR_ROW + 8;
            let chips = tasks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let ty = chip_top + i32::try_from(i).unwrap_or(0) * (CHIP_H + CHIP_GAP);
                    chip(x + PAD + 8, ty, CARD_W - 16, t, origin)
                })
                .collect();
            cards.push(CardBox { rect, instance: ci.clone(), chips });
            cy += h + CARD_GAP;
        }
        let mut loose_chips = Vec::new();
        for t in c.tasks.iter().filter(|t| t.container_instance_id.is_none() && &t.availability_zone == zone) {
            loose_chips.push(chip(x + PAD + 8, cy, CARD_W - 16, t, origin));
            cy += CHIP_H + CHIP_GAP;
        }
        let h = cy - top;
        body = body.max(h);
        zone_boxes.push(ZoneBox { rect: Rect { x, y: top, w: COLUMN_W, h }, name: zone.clone(), cards, loose_chips });
    }
    for z in &mut zone_boxes {
        z.rect.h = body;
    }
    let failures: Vec<String> = c.failures.iter().map(|f| format!("{} run-task {}: {}", f.at, f.family, f.reason)).collect();
    let h = CLUSTER_HEADER + body + i32::try_from(failures.len()).unwrap_or(0) * FAILURE_LINE + PAD;
    ClusterBox {
        rect: Rect { x: 0, y, w: width, h },
        region: c.region.clone(),
        name: c.name.clone(),
        active: c.active,
        origin,
        zones: zone_boxes,
        failures,
    }
}

/// Lays out every cluster of the scene.
pub fn layout(scene: &Scene) -> SceneLayout {
    let mut y = 0;
    let mut clusters = Vec::new();
    let mut width = 0;
    for c in &scene.clusters {
        let b = layout_cluster(c, y);
        y += b.rect.h + CLUSTER_GAP;
        width = width.max(b.rect.w);
        clusters.push(b);
    }
    SceneLayout { width, height: (y - CLUSTER_GAP).max(0), clusters }
}
