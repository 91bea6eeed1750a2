//! ECR in one Region: repositories, the images pushed to them (by manifest digest, with their tags), the
//! authorization tokens `get-login-password` hands out (valid 12 hours on the virtual clock), lifecycle and
//! repository policies, and scan results (ecs-facts.md §6).

use crate::clock::{SimDuration, SimTime};
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

/// ECR's authorization tokens last 12 hours (§6).
pub const TOKEN_LIFETIME: SimDuration = SimDuration::minutes(12 * 60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub digest: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanResult {
    /// `COMPLETE` (scans here finish at once).
    pub status: String,
    pub completed_at: SimTime,
    /// Findings by severity (`CRITICAL`, `HIGH`, `MEDIUM`, `LOW`, `INFORMATIONAL`, `UNDEFINED`).
    pub counts: BTreeMap<String, u32>,
    /// A few named findings: (name, severity, package).
    pub findings: Vec<(String, String, String)>,
}

/// One image in a repository.
#[derive(Debug, Clone, PartialEq)]
pub struct EcrImage {
    /// The manifest's digest, `sha256:…`.
    pub digest: String,
    pub tags: Vec<String>,
    /// Compressed size, what `describe-images` reports (smaller than `docker images` shows, §6).
    pub size_bytes: u64,
    pub pushed_at: SimTime,
    pub layers: Vec<Layer>,
    /// The image id (config digest).
    pub config_digest: String,
    pub architecture: String,
    pub scan: Option<ScanResult>,
    pub last_pulled: Option<SimTime>,
    /// The manifest as pushed, which a pull returns.
    pub manifest: crate::docker::ImageManifest,
}

impl EcrImage {
    pub fn from_manifest(m: &crate::docker::ImageManifest, tags: Vec<String>, now: SimTime) -> Self {
        EcrImage {
            digest: m.digest.clone(),
            tags,
            size_bytes: m.size,
            pushed_at: now,
            layers: m.layers.iter().map(|l| Layer { digest: l.digest.clone(), size: l.size }).collect(),
            config_digest: m.config_digest.clone(),
            architecture: m.architecture.clone(),
            scan: None,
            last_pulled: None,
            manifest: m.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Repository {
    pub name: String,
    pub created_at: SimTime,
    /// `MUTABLE` (default) or `IMMUTABLE`, or the `_WITH_EXCLUSION` variants.
    pub tag_mutability: String,
    /// Exclusion filters (WILDCARD) for the `_WITH_EXCLUSION` variants.
    pub mutability_exclusions: Vec<String>,
    pub scan_on_push: bool,
    pub encryption_type: String,
    pub kms_key: Option<String>,
    pub tags: Vec<(String, String)>,
    /// Images in push order.
    pub images: Vec<EcrImage>,
    pub lifecycle_policy: Option<String>,
    pub lifecycle_evaluated_at: Option<SimTime>,
    pub policy: Option<String>,
    /// Layers uploaded by pushes whose manifest was then refused (an immutable tag): ECR keeps them, so the
    /// next push reports them as already existing.
    pub uploaded_layers: std::collections::BTreeSet<String>,
}

impl Repository {
    pub fn arn(&self, region: &str) -> String {
        format!("arn:aws:ecr:{region}:{ACCOUNT_ID}:repository/{}", self.name)
    }
    pub fn uri(&self, region: &str) -> String {
        format!("{}/{}", registry_host(region), self.name)
    }
    pub fn image_by_tag(&self, tag: &str) -> Option<&EcrImage> {
        self.images.iter().find(|i| i.tags.iter().any(|t| t == tag))
    }
    pub fn image_by_digest(&self, digest: &str) -> Option<&EcrImage> {
        self.images.iter().find(|i| i.digest == digest)
    }
    /// Whether pushing `tag` over another image is refused.
    pub fn tag_is_immutable(&self, tag: &str) -> bool {
        let excluded = self.mutability_exclusions.iter().any(|f| crate::iam_policy::wildcard::wildcard_match(f, tag));
        match self.tag_mutability.as_str() {
            "IMMUTABLE" => true,
            "IMMUTABLE_WITH_EXCLUSION" => !excluded,
            "MUTABLE_WITH_EXCLUSION" => excluded,
            _ => false,
        }
    }
}

/// `<account>.dkr.ecr.<region>.amazonaws.com`.
pub fn registry_host(region: &str) -> String {
    format!("{ACCOUNT_ID}.dkr.ecr.{region}.amazonaws.com")
}

/// The Region of a private ECR registry host, if it is this account's.
pub fn host_region(host: &str) -> Option<&str> {
    let rest = host.strip_prefix(ACCOUNT_ID)?.strip_prefix(".dkr.ecr.")?;
    rest.strip_suffix(".amazonaws.com")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub password: String,
    pub expires_at: SimTime,
}

#[derive(Debug, Clone, Default)]
pub struct Ecr {
    pub repositories: BTreeMap<String, Repository>,
    pub tokens: Vec<Token>,
}

impl Ecr {
    /// Whether `password` is a token this registry issued that has not expired at `now`.
    pub fn token_valid(&self, password: &str, now: SimTime) -> bool {
        self.tokens.iter().any(|t| t.password == password && t.expires_at > now)
    }

    /// Whether `password` is a token this registry issued whose 12 hours have passed.
    pub fn token_expired(&self, password: &str, now: SimTime) -> bool {
        self.tokens.iter().any(|t| t.password == password && t.expires_at <= now)
    }
}
