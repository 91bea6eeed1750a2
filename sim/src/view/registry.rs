//! ECR and CloudWatch Logs as plain data for the page's registry pane and for lesson goals
//! (`repositories[?name=='web'].images[].tags[]`, `logGroups[?name=='/ecs/app'].streams`).

use crate::world::World;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanView {
    pub status: String,
    /// Findings by severity.
    pub counts: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageView {
    pub digest: String,
    pub tags: Vec<String>,
    /// Compressed size, as `describe-images` reports it.
    pub size_bytes: u64,
    pub pushed_at: String,
    pub last_pulled_at: Option<String>,
    pub scan: Option<ScanView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepositoryView {
    pub name: String,
    pub region: String,
    pub uri: String,
    pub arn: String,
    /// `MUTABLE`, `IMMUTABLE` or an `_WITH_EXCLUSION` variant.
    pub tag_mutability: String,
    pub scan_on_push: bool,
    pub has_lifecycle_policy: bool,
    pub has_repository_policy: bool,
    /// In push order.
    pub images: Vec<ImageView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogGroupView {
    pub name: String,
    pub region: String,
    /// Stream names, sorted.
    pub streams: Vec<String>,
    /// Events over all streams.
    pub events: usize,
}

pub fn repositories(world: &World) -> Vec<RepositoryView> {
    let mut out = Vec::new();
    for region in world.regions() {
        for repo in region.ecr.repositories.values() {
            out.push(RepositoryView {
                name: repo.name.clone(),
                region: region.name.clone(),
                uri: repo.uri(&region.name),
                arn: repo.arn(&region.name),
                tag_mutability: repo.tag_mutability.clone(),
                scan_on_push: repo.scan_on_push,
                has_lifecycle_policy: repo.lifecycle_policy.is_some(),
                has_repository_policy: repo.policy.is_some(),
                images: repo
                    .images
                    .iter()
                    .map(|i| ImageView {
                        digest: i.digest.clone(),
                        tags: i.tags.clone(),
                        size_bytes: i.size_bytes,
                        pushed_at: i.pushed_at.to_cli_string(),
                        last_pulled_at: i.last_pulled.map(|t| t.to_cli_string()),
                        scan: i.scan.as_ref().map(|s| ScanView { status: s.status.clone(), counts: s.counts.clone() }),
                    })
                    .collect(),
            });
        }
    }
    out
}

pub fn log_groups(world: &World) -> Vec<LogGroupView> {
    let mut out = Vec::new();
    for region in world.regions() {
        for g in region.logs.groups.values() {
            out.push(LogGroupView {
                name: g.name.clone(),
                region: region.name.clone(),
                streams: g.streams.keys().cloned().collect(),
                events: g.streams.values().map(|s| s.events.len()).sum(),
            });
        }
    }
    out
}
