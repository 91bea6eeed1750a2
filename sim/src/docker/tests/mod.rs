//! Scenario tests of the Docker emulation: a fake private ECR behind [`Registries`], whole command flows
//! compared with Docker's texts, and a fuzz-style run over random argv.

mod build;
mod cli_errors;
mod ecr_flow;
mod fuzz;
mod hub;
mod images;

use super::image::ImageManifest;
use super::registry::{Credentials, LayerPushStatus, PushOutcome, RefKind, Registries, RegistryError};
use super::{run, DockerClient, Output};
use crate::workspace::MemoryWorkspace;
use std::collections::{BTreeMap, BTreeSet};

pub const ACCOUNT: &str = "123456789012";
pub const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
pub const TOKEN: &str = "eyJwYXlsb2FkIjoiZmFrZSJ9";

#[derive(Default)]
pub struct Repo {
    pub immutable: bool,
    pub tags: BTreeMap<String, ImageManifest>,
    pub digests: BTreeMap<String, ImageManifest>,
}

/// A private ECR registry as the sandbox would implement it.
#[derive(Default)]
pub struct FakeEcr {
    pub repos: BTreeMap<String, Repo>,
    pub blobs: BTreeSet<String>,
}

impl FakeEcr {
    pub fn with_repo(mut self, name: &str, immutable: bool) -> Self {
        self.repos.insert(name.into(), Repo { immutable, ..Repo::default() });
        self
    }
    fn check(auth: Option<&Credentials>) -> Result<(), RegistryError> {
        match auth {
            Some(c) if c.username == "AWS" && c.password == TOKEN => Ok(()),
            _ => Err(RegistryError::NoBasicAuth),
        }
    }
    fn missing(name: &str) -> RegistryError {
        RegistryError::NameUnknown(format!("The repository with name '{name}' does not exist in the registry with id '{ACCOUNT}'"))
    }
}

impl Registries for FakeEcr {
    fn handles(&self, host: &str) -> bool {
        host == HOST
    }
    fn login(&mut self, host: &str, username: &str, password: &str) -> Result<(), RegistryError> {
        if username == "AWS" && password == TOKEN {
            Ok(())
        } else {
            Err(RegistryError::Other(format!("login attempt to https://{host}/v2/ failed with status: 400 Bad Request")))
        }
    }
    fn push(&mut self, _: &str, repository: &str, tag: Option<&str>, image: &ImageManifest, auth: Option<&Credentials>) -> Result<PushOutcome, RegistryError> {
        Self::check(auth)?;
        let repo = self.repos.get_mut(repository).ok_or_else(|| Self::missing(repository))?;
        if let Some(t) = tag {
            if repo.immutable && repo.tags.get(t).is_some_and(|old| old.digest != image.digest) {
                return Err(RegistryError::TagInvalid(format!("The image tag '{t}' already exists in the '{repository}' repository and cannot be overwritten because the repository is immutable."), vec![]));
            }
            repo.tags.insert(t.into(), image.clone());
        }
        repo.digests.insert(image.digest.clone(), image.clone());
        let layers = image.layers.iter().map(|l| if self.blobs.insert(l.digest.clone()) { LayerPushStatus::Pushed } else { LayerPushStatus::AlreadyExists }).collect();
        Ok(PushOutcome { layers })
    }
    fn pull(&mut self, _: &str, repository: &str, reference: &RefKind, auth: Option<&Credentials>) -> Result<ImageManifest, RegistryError> {
        Self::check(auth)?;
        let repo = self.repos.get(repository).ok_or_else(|| Self::missing(repository))?;
        let found = match reference {
            RefKind::Tag(t) => repo.tags.get(t),
            RefKind::Digest(d) => repo.digests.get(d),
        };
        found.cloned().ok_or_else(|| RegistryError::ManifestUnknown("Requested image not found".into()))
    }
}

/// A machine, a registry and a workspace, and a way to type commands.
pub struct Sandbox {
    pub client: DockerClient,
    pub ecr: FakeEcr,
    pub files: MemoryWorkspace,
    pub now: u64,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { client: DockerClient::new(), ecr: FakeEcr::default().with_repo("web", false).with_repo("locked", true), files: MemoryWorkspace::new(), now: 1_750_000_000 }
    }
    pub fn file(mut self, name: &str, content: &str) -> Sandbox {
        self.files.put(name, content);
        self
    }
    pub fn docker_in(&mut self, line: &str, stdin: &str) -> Output {
        let argv: Vec<String> = line.split_whitespace().map(String::from).collect();
        run(&mut self.client, &mut self.ecr, &argv, stdin, &self.files, self.now)
    }
    pub fn docker(&mut self, line: &str) -> Output {
        self.docker_in(line, "")
    }
    pub fn argv(&mut self, argv: &[&str]) -> Output {
        let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
        run(&mut self.client, &mut self.ecr, &argv, "", &self.files, self.now)
    }
}

pub const DOCKERFILE: &str = "FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\nEXPOSE 80\n";
