//! The local image store of the learner's machine: images by ID and the references (tags and repo digests)
//! that point at them, the way the classic (graphdriver) Docker engine keeps them.
//!
//! Words: a *reference* key is the full form (`docker.io/library/nginx:latest`,
//! `docker.io/library/nginx@sha256:…`); an image with no reference at all is *dangling* (`<none>`).

use crate::shared_sort::SharedSort;
use super::image::{hex_of, ImageManifest};
use super::reference::Reference;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An image held locally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredImage {
    pub image: ImageManifest,
    /// When a tag last pointed at it (`Metadata.LastTagTime`); `None` for pulled images.
    pub last_tag_time: Option<u64>,
}

/// Images and references.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    images: BTreeMap<String, StoredImage>,
    refs: BTreeMap<String, String>,
}

/// How `resolve` found an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    /// The reference it was named by, or `None` when named by ID.
    pub reference: Option<Reference>,
}

impl Store {
    pub fn get(&self, id: &str) -> Option<&StoredImage> {
        self.images.get(id)
    }

    /// Adds an image (keeping an existing one with the same ID) and returns its ID.
    pub fn insert(&mut self, image: ImageManifest) -> String {
        let id = image.config_digest.clone();
        self.images.entry(id.clone()).or_insert(StoredImage { image, last_tag_time: None });
        id
    }

    /// Points `reference` at image `id`. Returns the ID it pointed at before, if another.
    pub fn set_ref(&mut self, reference: &Reference, id: &str, now: Option<u64>) -> Option<String> {
        if let (Some(img), Some(t)) = (self.images.get_mut(id), now)
            && reference.tag.is_some() {
                img.last_tag_time = Some(t);
            }
        self.refs.insert(reference.full_string(), id.to_string()).filter(|old| old != id)
    }

    pub fn remove_ref(&mut self, reference: &Reference) -> Option<String> {
        self.refs.remove(&reference.full_string())
    }

    /// The image a full reference points at.
    pub fn id_of(&self, reference: &Reference) -> Option<&str> {
        self.refs.get(&reference.full_string()).map(String::as_str)
    }

    /// References to image `id`, sorted by their familiar form (as `docker inspect` lists them).
    pub fn references_of(&self, id: &str) -> Vec<Reference> {
        let mut out: Vec<Reference> = self
            .refs
            .iter()
            .filter(|(_, target)| target.as_str() == id)
            .filter_map(|(key, _)| Reference::parse(key).ok())
            .collect();
        out.shared_sort_by_key(Reference::familiar_string);
        out
    }

    /// All references with this name (`docker.io/library/nginx`).
    pub fn references_named(&self, name: &str) -> Vec<Reference> {
        self.refs.keys().filter_map(|k| Reference::parse(k).ok()).filter(|r| r.name() == name).collect()
    }

    /// Images, newest first (ties by ID), as `docker images` lists them.
    pub fn images_newest_first(&self) -> Vec<&StoredImage> {
        let mut out: Vec<&StoredImage> = self.images.values().collect();
        out.shared_sort_by(|a, b| b.image.created_secs.cmp(&a.image.created_secs).then(a.image.config_digest.cmp(&b.image.config_digest)));
        out
    }

    pub fn remove_image(&mut self, id: &str) -> Option<StoredImage> {
        self.refs.retain(|_, target| target != id);
        self.images.remove(id)
    }

    /// Chain IDs used by images other than `id`.
    pub fn chains_used_except(&self, id: &str) -> BTreeSet<String> {
        self.images.iter().filter(|(k, _)| k.as_str() != id).flat_map(|(_, s)| s.image.chain_ids()).collect()
    }

    /// Whether some local image has this compressed layer.
    pub fn has_blob(&self, digest: &str) -> bool {
        self.images.values().any(|s| s.image.layers.iter().any(|l| l.digest == digest))
    }

    /// Finds an image the way the daemon does: as a reference (tag `latest` when none is given), then as a
    /// unique ID prefix (`605c77e624dd`, `sha256:605c…`).
    pub fn resolve(&self, name: &str) -> Option<Found> {
        if let Ok(r) = Reference::parse(name) {
            let r = r.with_default_tag();
            if let Some(id) = self.id_of(&r) {
                return Some(Found { id: id.to_string(), reference: Some(r) });
            }
            if let (Some(d), Some(_)) = (&r.digest, &r.tag)
                && let Some(id) = self.id_of(&r.with_digest(d)) {
                    return Some(Found { id: id.to_string(), reference: Some(r) });
                }
        }
        let hex = name.strip_prefix("sha256:").unwrap_or(name);
        if hex.is_empty() || hex.len() > 64 || !hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return None;
        }
        let mut matches = self.images.keys().filter(|id| hex_of(id).starts_with(hex));
        let first = matches.next()?;
        if matches.next().is_some() {
            return None;
        }
        Some(Found { id: first.clone(), reference: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docker::image::{layer_from_key, ImageConfig};

    fn image(seed: &str, created: u64) -> ImageManifest {
        ImageManifest::new(vec![layer_from_key(seed, 10, 20)], ImageConfig::default(), "amd64", created)
    }

    #[test]
    fn resolves_by_tag_then_id_prefix() {
        let mut s = Store::default();
        let id = s.insert(image("a", 1));
        s.set_ref(&Reference::parse("web").unwrap().with_default_tag(), &id, Some(5));
        assert_eq!(s.resolve("web").map(|f| f.id), Some(id.clone()));
        assert_eq!(s.resolve("web:latest").map(|f| f.id), Some(id.clone()));
        assert_eq!(s.resolve(&hex_of(&id)[..6]).map(|f| f.id), Some(id.clone()));
        assert_eq!(s.resolve(&id).map(|f| f.id), Some(id.clone()));
        assert!(s.resolve("web:v2").is_none());
        assert_eq!(s.get(&id).unwrap().last_tag_time, Some(5));
        assert_eq!(s.references_of(&id)[0].familiar_string(), "web:latest");
    }

    #[test]
    fn newest_first() {
        let mut s = Store::default();
        s.insert(image("old", 1));
        s.insert(image("new", 9));
        assert_eq!(s.images_newest_first()[0].image.created_secs, 9);
    }
}
