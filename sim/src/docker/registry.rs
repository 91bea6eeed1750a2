//! The seam to registries: the [`Registries`] trait the sandbox implements for private ECR
//! (`<12 digits>.dkr.ecr.<region>.amazonaws.com`), the errors a registry answers with, and how Docker words
//! each of them for `login`, `push` and `pull` (ecs-facts.md §6 lists the ECR texts).
//!
//! Words: the *host* is the registry domain (`123456789012.dkr.ecr.us-east-1.amazonaws.com`), the
//! *repository* the path after it (`web`, `team/api`).

use super::image::ImageManifest;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What `docker login` saved for a registry (like an `auths` entry of `~/.docker/config.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

/// A pull by tag or by digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefKind {
    Tag(String),
    Digest(String),
}

impl RefKind {
    /// `latest` or `sha256:…`.
    pub fn as_str(&self) -> &str {
        match self {
            RefKind::Tag(t) | RefKind::Digest(t) => t,
        }
    }
}

/// How the registry took one layer of a push, in the order of [`ImageManifest::layers`] (bottom first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LayerPushStatus {
    Pushed,
    AlreadyExists,
    /// Mounted from another repository of the same registry (its path, e.g. `base`).
    MountedFrom(String),
}

/// A successful push. Missing entries in `layers` count as [`LayerPushStatus::Pushed`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushOutcome {
    pub layers: Vec<LayerPushStatus>,
}

/// A registry's refusal. The strings are the registry's own message (after `denied: `, `name unknown: `…).
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum RegistryError {
    /// No saved login, an expired token, or one for another registry.
    #[error("no basic auth credentials")]
    NoBasicAuth,
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// IAM or registry policy refusal, e.g. `User: arn:… is not authorized to perform: ecr:InitiateLayerUpload …`.
    #[error("denied: {0}")]
    Denied(String),
    /// `The repository with name 'web' does not exist in the registry with id '123456789012'`.
    #[error("name unknown: {0}")]
    NameUnknown(String),
    /// `Requested image not found`.
    #[error("manifest unknown: {0}")]
    ManifestUnknown(String),
    /// `The image tag 'v1' already exists in the 'web' repository and cannot be overwritten because the
    /// repository is immutable.`, and how each layer's upload went before the manifest was refused.
    #[error("tag invalid: {0}")]
    TagInvalid(String, Vec<LayerPushStatus>),
    /// Printed as is.
    #[error("{0}")]
    Other(String),
}

/// Registries other than the built-in public ones, implemented by the sandbox.
pub trait Registries {
    /// Whether this host is one of the sandbox's registries.
    fn handles(&self, host: &str) -> bool;
    /// Checks a login. Errors are printed as `Error response from daemon: Get "https://HOST/v2/": <error>`,
    /// except [`RegistryError::Other`], printed as `Error response from daemon: <message>` (e.g.
    /// `login attempt to https://HOST/v2/ failed with status: 400 Bad Request`).
    fn login(&mut self, host: &str, username: &str, password: &str) -> Result<(), RegistryError>;
    /// Stores `image` under `repository` (and `tag`). `auth` is the saved login for `host`, if any.
    fn push(
        &mut self,
        host: &str,
        repository: &str,
        tag: Option<&str>,
        image: &ImageManifest,
        auth: Option<&Credentials>,
    ) -> Result<PushOutcome, RegistryError>;
    /// Returns the image `reference` names in `repository`.
    fn pull(
        &mut self,
        host: &str,
        repository: &str,
        reference: &RefKind,
        auth: Option<&Credentials>,
    ) -> Result<ImageManifest, RegistryError>;
}

/// A `Registries` with no registries: every private host is unknown.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRegistries;

impl Registries for NoRegistries {
    fn handles(&self, _host: &str) -> bool {
        false
    }
    fn login(&mut self, _: &str, _: &str, _: &str) -> Result<(), RegistryError> {
        Err(RegistryError::Other("no such registry".into()))
    }
    fn push(&mut self, _: &str, _: &str, _: Option<&str>, _: &ImageManifest, _: Option<&Credentials>)
        -> Result<PushOutcome, RegistryError> {
        Err(RegistryError::Other("no such registry".into()))
    }
    fn pull(&mut self, _: &str, _: &str, _: &RefKind, _: Option<&Credentials>) -> Result<ImageManifest, RegistryError> {
        Err(RegistryError::Other("no such registry".into()))
    }
}

/// Text of a failed DNS lookup, what Docker prints for a host that is not there.
pub fn no_such_host(host: &str) -> String {
    let bare = host.split(':').next().unwrap_or(host);
    format!("dial tcp: lookup {bare}: no such host")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_the_registry_sends_them() {
        assert_eq!(RegistryError::NoBasicAuth.to_string(), "no basic auth credentials");
        assert_eq!(RegistryError::Denied("x".into()).to_string(), "denied: x");
        assert_eq!(RegistryError::TagInvalid("t".into(), vec![]).to_string(), "tag invalid: t");
        assert_eq!(no_such_host("reg.example:5000"), "dial tcp: lookup reg.example: no such host");
    }
}
