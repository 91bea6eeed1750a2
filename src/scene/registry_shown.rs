//! What the registry pane draws at the animation step on screen: the model's view of each repository and
//! image (URI, tag mutability, sizes, scan results, pull times), held back or kept on by the animation. An
//! image the model has but whose push has not been played yet is not drawn; one the model has expired is
//! drawn until its expiry step plays, and leaves during it; a tag whose push is still queued is drawn where
//! the played steps left it. With nothing queued, what is drawn is exactly the view.
//!
//! Words: *pending* steps are queued and not yet played (the step on screen is *current*); *remembered*
//! images are the view's images as last seen, so an image the model no longer has can still be drawn with
//! its size and scan while it leaves.

use super::animation::Step;
use super::registry::RepositoryNode;
use super::{Scene, clock_face};
use ecs_sim::view::registry::{ImageView, ScanView};
use ecs_sim::{EventKind, View};
use std::collections::BTreeMap;
use ecs_sim::shared_sort::SharedSort;

/// The registry events of the steps not yet played.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// (region, repository, digest, tags) of each queued push.
    pushes: Vec<(String, String, String, Vec<String>)>,
    /// (region, repository, digest) of each queued expiry.
    expiries: Vec<(String, String, String)>,
    /// (region, repository) of each queued creation.
    creations: Vec<(String, String)>,
}

impl Pending {
    pub fn from_steps<'a>(steps: impl IntoIterator<Item = &'a Step>) -> Pending {
        let mut p = Pending::default();
        for s in steps {
            match &s.event.kind {
                EventKind::EcrImagePushed { region, repository, digest, tags } => {
                    p.pushes.push((region.clone(), repository.clone(), digest.clone(), tags.clone()));
                }
                EventKind::EcrImageExpired { region, repository, digest } => {
                    p.expiries.push((region.clone(), repository.clone(), digest.clone()));
                }
                EventKind::EcrRepositoryCreated { region, repository } => p.creations.push((region.clone(), repository.clone())),
                _ => {}
            }
        }
        p
    }
    pub fn is_empty(&self) -> bool {
        self.pushes.is_empty() && self.expiries.is_empty() && self.creations.is_empty()
    }
    fn creates(&self, region: &str, repo: &str) -> bool {
        self.creations.iter().any(|(r, n)| r == region && n == repo)
    }
    fn pushes(&self, region: &str, repo: &str, digest: &str) -> bool {
        self.pushes.iter().any(|(r, n, d, _)| r == region && n == repo && d == digest)
    }
    fn expires(&self, region: &str, repo: &str, digest: &str) -> bool {
        self.expiries.iter().any(|(r, n, d)| r == region && n == repo && d == digest)
    }
    /// Whether a queued push moves or adds this tag.
    fn pushes_tag(&self, region: &str, repo: &str, tag: &str) -> bool {
        self.pushes.iter().any(|(r, n, _, tags)| r == region && n == repo && tags.iter().any(|t| t == tag))
    }
}

/// The view's images as last seen, by (region, repository, digest); bounded, oldest dropped first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Remembered {
    images: BTreeMap<(String, String, String), (u64, ImageView)>,
    counter: u64,
}

/// How many images [`Remembered`] keeps.
const REMEMBERED_IMAGES: usize = 500;

impl Remembered {
    /// Takes in every image of the view.
    pub fn absorb(&mut self, view: &View) {
        for r in &view.repositories {
            for i in &r.images {
                self.counter += 1;
                self.images.insert((r.region.clone(), r.name.clone(), i.digest.clone()), (self.counter, i.clone()));
            }
        }
        if self.images.len() > REMEMBERED_IMAGES {
            let mut ages: Vec<u64> = self.images.values().map(|(n, _)| *n).collect();
            ages.shared_sort();
            let cut = ages[self.images.len() - REMEMBERED_IMAGES];
            self.images.retain(|_, (n, _)| *n >= cut);
        }
    }
    fn get(&self, region: &str, repo: &str, digest: &str) -> Option<&ImageView> {
        self.images.get(&(region.to_string(), repo.to_string(), digest.to_string())).map(|(_, i)| i)
    }
}

/// Whether an image is arriving (pushed by the step on screen), leaving (expired by it) or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Arriving,
    Still,
    Leaving,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagShown {
    pub name: String,
    /// Given to this image by the step on screen (pushed, or moved here from another image).
    pub arriving: bool,
}

/// A tag the step on screen moved from this image to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagMovedAway {
    pub name: String,
    /// The digest it moved to.
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImageShown {
    pub digest: String,
    pub tags: Vec<TagShown>,
    pub moved_away: Vec<TagMovedAway>,
    /// What the view says (or last said) about it; `None` when neither knows it.
    pub size_bytes: Option<u64>,
    pub pushed_at: Option<String>,
    pub last_pulled_at: Option<String>,
    pub scan: Option<ScanView>,
    pub motion: Motion,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RepositoryShown {
    pub region: String,
    pub name: String,
    pub uri: String,
    pub tag_mutability: String,
    pub scan_on_push: bool,
    pub has_lifecycle_policy: bool,
    /// Created by the step on screen.
    pub arriving: bool,
    /// Newest push first.
    pub images: Vec<ImageShown>,
}

fn image_shown(
    repo: Option<&RepositoryNode>,
    details: Option<&ImageView>,
    digest: &str,
    region_repo: (&str, &str),
    pending: &Pending,
    current: Option<u64>,
) -> ImageShown {
    let (region, name) = region_repo;
    let node = repo.and_then(|r| r.images.iter().find(|i| i.digest == digest));
    // Tags a queued push moves are drawn where the played steps left them; every other tag as the view has it.
    let mut tags: Vec<TagShown> = Vec::new();
    if let Some(v) = details.filter(|_| node.is_none_or(|n| n.is_live())) {
        tags.extend(
            v.tags.iter().filter(|t| !pending.pushes_tag(region, name, t)).map(|t| TagShown { name: t.clone(), arriving: false }),
        );
    }
    if let Some(n) = node {
        for t in &n.tags {
            let from_scene = details.is_none() || !n.is_live() || pending.pushes_tag(region, name, &t.name);
            if from_scene && !tags.iter().any(|x| x.name == t.name) {
                tags.push(TagShown { name: t.name.clone(), arriving: false });
            }
        }
        for shown in &mut tags {
            shown.arriving = current.is_some() && n.tags.iter().any(|t| t.name == shown.name && Some(t.seq) == current);
        }
    }
    let moved_away = repo
        .map(|r| {
            r.moves
                .iter()
                .filter(|m| m.from == digest && Some(m.seq) == current)
                .map(|m| TagMovedAway { name: m.tag.clone(), to: m.to.clone() })
                .collect()
        })
        .unwrap_or_default();
    let motion = match node {
        Some(n) if n.expired_seq.is_some() => Motion::Leaving,
        Some(n) if Some(n.pushed_seq) == current => Motion::Arriving,
        _ => Motion::Still,
    };
    ImageShown {
        digest: digest.to_string(),
        tags,
        moved_away,
        size_bytes: details.map(|d| d.size_bytes),
        pushed_at: details.map(|d| d.pushed_at.clone()),
        last_pulled_at: details.and_then(|d| d.last_pulled_at.clone()),
        scan: details.and_then(|d| d.scan.clone()),
        motion,
    }
}

/// Every repository the pane draws, in the view's order, each with its images newest first.
pub fn shown(scene: &Scene, view: &View, remembered: &Remembered, pending: &Pending, current: Option<u64>) -> Vec<RepositoryShown> {
    let mut out = Vec::new();
    for vr in &view.repositories {
        let (region, name) = (vr.region.as_str(), vr.name.as_str());
        let node = scene.repository(region, name);
        if node.is_none() && pending.creates(region, name) {
            continue;
        }
        let mut images: Vec<(usize, ImageShown)> = Vec::new();
        for (i, vi) in vr.images.iter().enumerate() {
            let live = node.and_then(|r| r.live_image(&vi.digest));
            if live.is_none() && pending.pushes(region, name, &vi.digest) {
                continue;
            }
            images.push((i, image_shown(node, Some(vi), &vi.digest, (region, name), pending, current)));
        }
        if let Some(r) = node {
            let in_view = |d: &str| vr.images.iter().any(|i| i.digest == d);
            for (i, n) in r.images.iter().enumerate().filter(|(_, n)| !in_view(&n.digest)) {
                let leaving = n.expired_seq.is_some() && n.expired_seq == current;
                let expiring = n.is_live() && pending.expires(region, name, &n.digest);
                if leaving || expiring {
                    let details = remembered.get(region, name, &n.digest);
                    images.push((i, image_shown(node, details, &n.digest, (region, name), pending, current)));
                }
            }
        }
        // Newest first: by push time, then by position (view images and scene images are both in push order).
        images.shared_sort_by(|(ia, a), (ib, b)| b.pushed_at.cmp(&a.pushed_at).then(ib.cmp(ia)));
        out.push(RepositoryShown {
            region: vr.region.clone(),
            name: vr.name.clone(),
            uri: vr.uri.clone(),
            tag_mutability: vr.tag_mutability.clone(),
            scan_on_push: vr.scan_on_push,
            has_lifecycle_policy: vr.has_lifecycle_policy,
            arriving: node.is_some_and(|r| current.is_some() && Some(r.created_seq) == current),
            images: images.into_iter().map(|(_, i)| i).collect(),
        });
    }
    out
}

/// `sha256:9f68bb6304126c59…` → `9f68bb630412` (12 hex digits, as `docker images` shows an id).
pub fn short_digest(digest: &str) -> &str {
    let hex = digest.strip_prefix("sha256:").unwrap_or(digest);
    hex.char_indices().nth(12).map_or(hex, |(i, _)| &hex[..i])
}

/// A size as the ECR console shows it, in MB (2²⁰ bytes) with two decimals: `26.51 MB`.
pub fn size_mb(bytes: u64) -> String {
    format!("{:.2} MB", bytes as f64 / 1_048_576.0)
}

/// A CLI timestamp as the pane shows it: the clock face, with the date when it is not `today`'s.
pub fn when(at: &str, today: &str) -> String {
    let day = |s: &str| s.split_once('T').map(|(d, _)| d.to_string());
    match (day(at), day(today)) {
        (Some(a), Some(b)) if a != b => format!("{a} {}", clock_face(at)),
        _ => clock_face(at),
    }
}

/// Scan severities, worst first, as ECR names them.
pub const SEVERITIES: [&str; 6] = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];

/// The scan's counts, worst first, leaving out severities without findings.
pub fn severity_counts(scan: &ScanView) -> Vec<(&'static str, u32)> {
    SEVERITIES.iter().filter_map(|s| scan.counts.get(*s).filter(|n| **n > 0).map(|n| (*s, *n))).collect()
}
