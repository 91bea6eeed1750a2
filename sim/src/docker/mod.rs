//! The Docker client and engine of the learner's machine: a local image store, `docker build` from a
//! Dockerfile in the workspace, tags, saved logins, and push and pull against Docker Hub, ECR Public (both
//! built in) and the sandbox's private ECR registries (through [`Registries`]). Output, messages and exit
//! codes are those of Docker Engine 27.5 (classic image store, BuildKit with the docker driver) as a
//! terminal shows them. There is no container runtime: `docker run` and friends say so.
//!
//! Everything is deterministic: the caller passes the virtual time, and digests derive from content.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

mod base_image;
mod build;
mod stage;
mod cli;
mod commands;
mod dockerfile;
mod format;
mod image;
mod images_cmd;
mod inspect;
mod instructions;
mod progress;
pub mod public_catalog;
mod reference;
mod registry;
mod store;
mod template;
mod transfer;
mod words;

#[cfg(test)]
mod tests;

pub use image::{HealthConfig, ImageConfig, ImageManifest, Layer};
pub use public_catalog::public_image;
pub use reference::{Reference, ReferenceError};
pub use registry::{Credentials, LayerPushStatus, NoRegistries, PushOutcome, RefKind, Registries, RegistryError};

use crate::shared_sort::SharedSort;
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The Docker version the emulation follows.
pub const DOCKER_VERSION: &str = "27.5.1";
pub const DOCKER_API_VERSION: &str = "1.47";
pub const DOCKER_GIT_COMMIT: &str = "9f9e405";
pub const DOCKER_GO_VERSION: &str = "go1.22.11";
pub const DOCKER_BUILT: &str = "Wed Jan 22 13:41:48 2025";

/// What a command printed and its exit status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    /// Both streams in the order they were written (`true` for stderr), so a terminal shows them as Docker
    /// prints them (the login WARNING before `Login Succeeded`, push progress before its error).
    pub chunks: Vec<(bool, String)>,
}

impl Output {
    pub fn ok(stdout: impl Into<String>) -> Output {
        let mut o = Output { stdout: String::new(), stderr: String::new(), exit_code: 0, chunks: Vec::new() };
        o.print(&stdout.into());
        o
    }
    pub fn err(stderr: impl Into<String>, exit_code: i32) -> Output {
        let mut o = Output { stdout: String::new(), stderr: String::new(), exit_code, chunks: Vec::new() };
        o.eprint(&stderr.into());
        o
    }
    /// Writes to stdout.
    pub fn print(&mut self, text: &str) {
        if !text.is_empty() {
            self.stdout.push_str(text);
            self.chunks.push((false, text.to_string()));
        }
    }
    /// Writes to stderr.
    pub fn eprint(&mut self, text: &str) {
        if !text.is_empty() {
            self.stderr.push_str(text);
            self.chunks.push((true, text.to_string()));
        }
    }
    /// Appends another output's text (keeping this one's exit code unless the other failed).
    pub fn then(mut self, other: Output) -> Output {
        self.stdout.push_str(&other.stdout);
        self.stderr.push_str(&other.stderr);
        self.chunks.extend(other.chunks);
        if other.exit_code != 0 {
            self.exit_code = other.exit_code;
        }
        self
    }
}

/// The learner's machine: local images, tags, saved logins (like `~/.docker/config.json`) and the build
/// cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DockerClient {
    store: store::Store,
    /// Saved logins by server address (`https://index.docker.io/v1/` for Docker Hub, else the host).
    auths: BTreeMap<String, Credentials>,
    /// BuildKit's cache: step keys and base layers already downloaded.
    build_cache: BTreeSet<String>,
    /// Creation time of each image ID built here, so that a rebuild from cache keeps it.
    build_created: BTreeMap<String, u64>,
    architecture: String,
    home: String,
}

impl Default for DockerClient {
    fn default() -> Self {
        DockerClient::new()
    }
}

impl DockerClient {
    /// A linux/amd64 machine with no images and no logins, home `/root`.
    pub fn new() -> DockerClient {
        DockerClient {
            store: store::Store::default(),
            auths: BTreeMap::new(),
            build_cache: BTreeSet::new(),
            build_created: BTreeMap::new(),
            architecture: "amd64".into(),
            home: "/root".into(),
        }
    }
    /// The machine's architecture (`amd64` or `arm64`): the default platform of builds and pulls.
    pub fn with_architecture(mut self, architecture: &str) -> DockerClient {
        self.architecture = architecture.to_string();
        self
    }
    /// The home directory named in the login warning (`'/root/.docker/config.json'`).
    pub fn with_home(mut self, home: &str) -> DockerClient {
        self.home = home.to_string();
        self
    }
    pub fn architecture(&self) -> &str {
        &self.architecture
    }
    /// The local image a name or ID refers to (`web`, `web:v1`, `605c77e624dd`).
    pub fn image(&self, name: &str) -> Option<&ImageManifest> {
        let found = self.store.resolve(name)?;
        self.store.get(&found.id).map(|s| &s.image)
    }
    /// Local references in familiar form (`nginx:latest`, `web@sha256:…`), sorted.
    pub fn references(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .store
            .images_newest_first()
            .iter()
            .flat_map(|s| self.store.references_of(&s.image.config_digest))
            .map(|r| r.familiar_string())
            .collect();
        out.shared_sort();
        out
    }
    /// The saved login for a registry host (Docker Hub: `docker.io`).
    pub fn credentials(&self, host: &str) -> Option<&Credentials> {
        self.auths.get(&transfer::auth_key(host))
    }
}

/// Runs `docker ARGS…`; `argv` holds the arguments after `docker`. `stdin` is what was piped in (the
/// password of `--password-stdin`, a Dockerfile for `-f -`); `files` the learner's workspace (the build
/// context `.`); `now_secs` the virtual time (Unix seconds) for creation times and `N minutes ago`.
pub fn run(
    client: &mut DockerClient,
    registries: &mut dyn Registries,
    argv: &[String],
    stdin: &str,
    files: &dyn Workspace,
    now_secs: u64,
) -> Output {
    commands::dispatch(&mut commands::Env { client, registries, stdin, files, now: now_secs }, argv)
}
