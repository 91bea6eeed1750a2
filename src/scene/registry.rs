//! The registry part of the scene: ECR repositories and their images, folded from the model's events
//! (`EcrRepositoryCreated`, `EcrRepositoryDeleted`, `EcrImagePushed`, `EcrImageExpired`), so the registry
//! pane can show a pushed image arriving, a tag moving from one image to another and an expired image
//! leaving, each at the animation step that does it. What the events do not carry (the URI, sizes, scan
//! results, pull times) the pane reads from the model's view ([`super::registry_shown`]).
//!
//! Words: an *image* is a manifest digest in a repository; a *tag* names at most one image of its
//! repository, so pushing a tag another image holds *moves* the tag (the other image stays, untagged, as
//! in ECR). An expired image stays in the scene, marked, until the next event is applied, so the step that
//! expired it can draw it leaving.
//!
//! Some changes come with no event (`batch-delete-image` removes tags, and images left without one): when
//! no step is queued, [`reconcile`] brings the scene in line with the view, so an image deleted that way and
//! pushed again arrives at its push's step like a new one.

use ecs_sim::View;

/// A tag on an image, and the event that put it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagNode {
    pub name: String,
    pub seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageNode {
    /// The manifest digest, `sha256:…`.
    pub digest: String,
    pub tags: Vec<TagNode>,
    /// The event that pushed it.
    pub pushed_seq: u64,
    /// The event that expired it (a lifecycle policy); it is dropped when the next event is applied.
    pub expired_seq: Option<u64>,
}

impl ImageNode {
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t.name == tag)
    }
    pub fn is_live(&self) -> bool {
        self.expired_seq.is_none()
    }
}

/// A tag that an event took from one image and gave to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagMove {
    pub tag: String,
    pub from: String,
    pub to: String,
    pub seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepositoryNode {
    pub region: String,
    pub name: String,
    /// False once deleted.
    pub active: bool,
    /// The event that created it (or created it again).
    pub created_seq: u64,
    /// In push order.
    pub images: Vec<ImageNode>,
    /// Tags moved by the last event applied (dropped when the next event is applied).
    pub moves: Vec<TagMove>,
}

impl RepositoryNode {
    /// The image with this digest, if the repository holds it (not expired).
    pub fn live_image(&self, digest: &str) -> Option<&ImageNode> {
        self.images.iter().find(|i| i.digest == digest && i.is_live())
    }
}

fn repository_mut<'a>(repos: &'a mut Vec<RepositoryNode>, region: &str, name: &str, seq: u64) -> &'a mut RepositoryNode {
    let i = match repos.iter().position(|r| r.region == region && r.name == name) {
        Some(i) => i,
        None => {
            repos.push(RepositoryNode {
                region: region.to_string(),
                name: name.to_string(),
                active: true,
                created_seq: seq,
                images: Vec::new(),
                moves: Vec::new(),
            });
            repos.len() - 1
        }
    };
    &mut repos[i]
}

/// Drops what only the previous step drew: expired images and tag moves of events before `seq`.
pub fn forget_before(repos: &mut [RepositoryNode], seq: u64) {
    for r in repos.iter_mut() {
        r.images.retain(|i| i.expired_seq.is_none_or(|s| s >= seq));
        r.moves.retain(|m| m.seq >= seq);
    }
}

pub fn repository_created(repos: &mut Vec<RepositoryNode>, region: &str, name: &str, seq: u64) {
    let r = repository_mut(repos, region, name, seq);
    r.active = true;
    r.created_seq = seq;
    r.images.clear();
    r.moves.clear();
}

pub fn repository_deleted(repos: &mut Vec<RepositoryNode>, region: &str, name: &str, seq: u64) {
    let r = repository_mut(repos, region, name, seq);
    r.active = false;
    r.images.clear();
    r.moves.clear();
}

/// A push (or `put-image`): the image arrives if it is new, and each tag moves to it.
pub fn image_pushed(repos: &mut Vec<RepositoryNode>, region: &str, name: &str, digest: &str, tags: &[String], seq: u64) {
    let r = repository_mut(repos, region, name, seq);
    for tag in tags {
        for other in r.images.iter_mut().filter(|i| i.digest != digest && i.is_live()) {
            if other.has_tag(tag) {
                other.tags.retain(|t| &t.name != tag);
                r.moves.push(TagMove { tag: tag.clone(), from: other.digest.clone(), to: digest.to_string(), seq });
            }
        }
    }
    let i = match r.images.iter().position(|i| i.digest == digest && i.is_live()) {
        Some(i) => i,
        None => {
            r.images.push(ImageNode { digest: digest.to_string(), tags: Vec::new(), pushed_seq: seq, expired_seq: None });
            r.images.len() - 1
        }
    };
    let image = &mut r.images[i];
    for tag in tags {
        if !image.has_tag(tag) {
            image.tags.push(TagNode { name: tag.clone(), seq });
        }
    }
}

/// A lifecycle policy expired the image: it is drawn leaving during this step, then dropped.
pub fn image_expired(repos: &mut Vec<RepositoryNode>, region: &str, name: &str, digest: &str, seq: u64) {
    let r = repository_mut(repos, region, name, seq);
    if let Some(image) = r.images.iter_mut().find(|i| i.digest == digest && i.is_live()) {
        image.expired_seq = Some(seq);
    }
}

/// Whether the live repositories, images and tags differ from the view's (changes without an event).
pub fn differs(repos: &[RepositoryNode], view: &View) -> bool {
    let live = repos.iter().filter(|r| r.active).count();
    live != view.repositories.len()
        || view.repositories.iter().any(|vr| match repos.iter().find(|r| r.active && r.region == vr.region && r.name == vr.name) {
            None => true,
            Some(r) => {
                r.images.iter().filter(|i| i.is_live()).count() != vr.images.len()
                    || vr.images.iter().any(|vi| match r.live_image(&vi.digest) {
                        None => true,
                        Some(i) => i.tags.len() != vi.tags.len() || vi.tags.iter().any(|t| !i.has_tag(t)),
                    })
            }
        })
}

/// Brings the repositories in line with the view: images and tags it no longer has are dropped, and
/// repositories it no longer has are deleted. What the view has and the scene lacks is left to the events.
pub fn reconcile(repos: &mut [RepositoryNode], view: &View) {
    for r in repos.iter_mut().filter(|r| r.active) {
        match view.repositories.iter().find(|vr| vr.region == r.region && vr.name == r.name) {
            None => {
                r.active = false;
                r.images.clear();
            }
            Some(vr) => {
                r.images.retain(|i| !i.is_live() || vr.images.iter().any(|vi| vi.digest == i.digest));
                for i in r.images.iter_mut().filter(|i| i.is_live()) {
                    if let Some(vi) = vr.images.iter().find(|vi| vi.digest == i.digest) {
                        i.tags.retain(|t| vi.tags.contains(&t.name));
                    }
                }
            }
        }
    }
}
