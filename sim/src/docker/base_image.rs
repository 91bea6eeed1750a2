//! What `docker build` needs of base images and Dockerfile checks: `--platform` parsing, resolving a
//! `FROM` image (local store first, then the registries, with BuildKit's error texts) and the build-check
//! warnings BuildKit prints at the end (`JSONArgsRecommended`, `LegacyKeyValueFormat`, …).

use super::commands::Env;
use super::dockerfile::Instruction;
use super::image::ImageManifest;
use super::instructions::{Command as Cmd, CommandLine};
use super::progress::Warning;
use super::public_catalog::{lookup, CatalogMiss, PublicRegistry};
use super::reference::Reference;
use super::registry::{RefKind, RegistryError};
use super::transfer::{auth_key, destination, Destination};

const SECRET_WORDS: [&str; 10] = ["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"];

pub fn parse_platform(p: &str) -> Result<String, String> {
    let parts: Vec<&str> = p.split('/').collect();
    let (os, arch) = match parts.as_slice() {
        [arch] => ("linux", *arch),
        [os, arch] | [os, arch, _] => (*os, *arch),
        _ => ("", ""),
    };
    let known_os = ["linux", "windows", "darwin"];
    let known_arch = ["amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "aarch64", "x86_64"];
    if !known_os.contains(&os) || !known_arch.contains(&arch) {
        return Err(format!("failed to parse platform {p}: \"{p}\": unknown operating system or architecture: invalid argument"));
    }
    Ok(match arch {
        "aarch64" => "arm64",
        "x86_64" => "amd64",
        a if os != "linux" => return Ok(format!("{os}-{a}")),
        a => a,
    }
    .to_string())
}

/// A resolved base image: the image, whether it is local, and the name its FROM step shows.
pub struct Base {
    pub image: ImageManifest,
    pub local: bool,
    pub shown: String,
}

pub fn lint(ins: &Instruction, cmd: &Cmd, warnings: &mut Vec<Warning>) {
let mut warn = |rule: &'static str, message: String, line: usize| warnings.push(Warning { rule, message, line });
    match cmd {
        Cmd::From { stage: Some(name), .. } => {
            let kw_upper = ins.keyword == ins.keyword.to_ascii_uppercase();
            let as_word = ins.rest.split_whitespace().rev().nth(1).unwrap_or("AS");
            if kw_upper != (as_word == as_word.to_ascii_uppercase()) {
                warn("FromAsCasing", "'as' and 'FROM' keywords' casing do not match".into(), ins.line);
            }
            if name.chars().any(|c| c.is_ascii_uppercase()) {
                warn("StageNameCasing", format!("Stage name '{name}' should be lowercase"), ins.line);
            }
        }
        Cmd::Cmd(CommandLine::Shell(_)) | Cmd::Entrypoint(CommandLine::Shell(_)) => {
            warn("JSONArgsRecommended", format!("JSON arguments recommended for {} to prevent unintended behavior related to OS signals", ins.name()), ins.line);
        }
        Cmd::Env { legacy: true, .. } | Cmd::Label { legacy: true, .. } => {
            let n = ins.name();
            warn("LegacyKeyValueFormat", format!("\"{n} key=value\" should be used instead of legacy \"{n} key value\" format"), ins.line);
        }
        Cmd::Maintainer(_) => warn("MaintainerDeprecated", "Maintainer instruction is deprecated in favor of using label".into(), ins.line),
        _ => {}
    }
    let names: Vec<(&str, String)> = match cmd {
        Cmd::Arg(list) => list.iter().map(|(k, _)| ("ARG", k.clone())).collect(),
        Cmd::Env { pairs, .. } => pairs.iter().map(|(k, _)| ("ENV", k.clone())).collect(),
        _ => Vec::new(),
    };
    for (kind, name) in names {
        let lower = name.to_ascii_lowercase();
        if lower.split(['_', '-']).any(|w| SECRET_WORDS.contains(&w)) {
            warn("SecretsUsedInArgOrEnv", format!("Do not use ARG or ENV instructions for sensitive data ({kind} \"{name}\")"), ins.line);
        }
    }
}

/// A base image: local store first (unless `--pull`), then the registries, in BuildKit's words.
pub fn resolve(env: &mut Env<'_>, r: &Reference, pull: bool, arch: &str) -> Result<Base, String> {
    if !pull
        && let Some(stored) = env.client.store.id_of(r).and_then(|id| env.client.store.get(id)) {
            return Ok(Base { image: stored.image.clone(), local: true, shown: r.full_string() });
        }
    let kind = match (&r.digest, &r.tag) {
        (Some(d), _) => RefKind::Digest(d.clone()),
        (None, t) => RefKind::Tag(t.clone().unwrap_or_else(|| "latest".into())),
    };
    let image = match destination(env, &r.domain) {
        Destination::Public(reg) => lookup(reg, &r.path, &kind, arch).map_err(|m| match (m, reg) {
            (CatalogMiss::NoRepository, PublicRegistry::DockerHub) => "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".to_string(),
            (CatalogMiss::NoPlatform, _) => "no match for platform in manifest: not found".to_string(),
            _ => format!("{}: not found", r.full_string()),
        })?,
        Destination::Unknown => {
            return Err(format!("failed to do request: Head \"https://{}/v2/{}/manifests/{}\": dial tcp: lookup {}: no such host", r.domain, r.path, kind.as_str(), r.domain.split(':').next().unwrap_or("")));
        }
        Destination::Private => {
            let creds = env.client.auths.get(&auth_key(&r.domain)).cloned();
            let url = format!("https://{}/v2/{}/manifests/{}", r.domain, r.path, kind.as_str());
            env.registries.pull(&r.domain, &r.path, &kind, creds.as_ref()).map_err(|e| match e {
                RegistryError::NoBasicAuth | RegistryError::Unauthorized(_) => format!("unexpected status from HEAD request to {url}: 401 Unauthorized"),
                RegistryError::Denied(_) => format!("unexpected status from HEAD request to {url}: 403 Forbidden"),
                RegistryError::NameUnknown(_) | RegistryError::ManifestUnknown(_) => format!("{}: not found", r.full_string()),
                e => e.to_string(),
            })?
        }
    };
    let digest = image.index_digest.clone().unwrap_or_else(|| image.digest.clone());
    let shown = if r.digest.is_some() { r.full_string() } else { format!("{}@{digest}", r.full_string()) };
    Ok(Base { image, local: false, shown })
}
