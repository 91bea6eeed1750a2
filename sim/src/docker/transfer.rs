//! `docker login`, `logout`, `push` and `pull`: saved credentials, the progress lines as a terminal shows
//! them when done (`5f70bf18a086: Pushed `, `a2abf6c4d29d: Pull complete `), and Docker's wording of every
//! registry refusal (`no basic auth credentials`, `denied: …`, `name unknown: …`, `tag invalid: …`,
//! `pull access denied for …`, `manifest for … not found: manifest unknown: …`).

use crate::shared_sort::SharedSort;
use super::cli::{self, Args, Command};
use super::commands::Env;
use super::image::{short_id, ImageManifest};
use super::public_catalog::{lookup, public_registry, CatalogMiss, PublicRegistry};
use super::reference::Reference;
use super::registry::{no_such_host, Credentials, LayerPushStatus, RefKind, RegistryError};
use super::Output;

/// Docker Hub's key in `config.json`.
pub const INDEX_SERVER: &str = "https://index.docker.io/v1/";
const HUB_DENIED: &str = "denied: requested access to the resource is denied";

/// The `auths` key for a registry host.
pub fn auth_key(host: &str) -> String {
    match host {
        "docker.io" | "registry-1.docker.io" | "index.docker.io" => INDEX_SERVER.to_string(),
        h => h.to_string(),
    }
}

/// `credentials.ConvertToHostname`: drops the scheme and any path.
fn hostname(server: &str) -> String {
    let s = server.strip_prefix("https://").or_else(|| server.strip_prefix("http://")).unwrap_or(server);
    s.split('/').next().unwrap_or(s).to_string()
}

/// Where a host's images live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Public(PublicRegistry),
    Private,
    Unknown,
}

pub fn destination(env: &Env<'_>, host: &str) -> Destination {
    match public_registry(host) {
        Some(p) => Destination::Public(p),
        None if env.registries.handles(host) => Destination::Private,
        None => Destination::Unknown,
    }
}

pub fn login(env: &mut Env<'_>, argv: &[String]) -> Output {
    let c = Command::new("docker login", "[OPTIONS] [SERVER]", "Log in to a registry.\nIf no server is specified, the default is defined by the daemon.", "", cli::LOGIN_FLAGS, Args::Max(1));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let mut out = Output::default();
    let user = p.string("username").unwrap_or("").to_string();
    let mut password = p.string("password").unwrap_or("").to_string();
    if !password.is_empty() {
        out.eprint("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
        if p.bool("password-stdin") {
            return out.then(Output::err("--password and --password-stdin are mutually exclusive\n", 1));
        }
    }
    if p.bool("password-stdin") {
        if user.is_empty() {
            return out.then(Output::err("Must provide --username with --password-stdin\n", 1));
        }
        let s = env.stdin.strip_suffix('\n').unwrap_or(env.stdin);
        password = s.strip_suffix('\r').unwrap_or(s).to_string();
    }
    let server = p.args.first().map(String::as_str).unwrap_or("");
    let (key, host) = if server.is_empty() || server == "docker.io" {
        (INDEX_SERVER.to_string(), "docker.io".to_string())
    } else {
        let h = hostname(server);
        (h.clone(), h)
    };
    let mut creds = Credentials { username: user.clone(), password: password.clone() };
    if user.is_empty() && password.is_empty()
        && let Some(saved) = env.client.auths.get(&key).cloned() {
            out.print(&format!("Authenticating with existing credentials... [Username: {}]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\n", saved.username));
            match check_login(env, &host, &saved) {
                Ok(()) => return out.then(saved_login(env, key, saved)),
                Err(RegistryError::Unauthorized(_)) | Err(RegistryError::NoBasicAuth) => out.eprint("Stored credentials invalid or expired\n"),
                Err(e) => out.eprint(&format!("Login did not succeed, error: {}\n", login_error(&host, &e))),
            }
        }
    if creds.username.is_empty() || creds.password.is_empty() {
        return out.then(Output::err("Error: Cannot perform an interactive login from a non TTY device\n", 1));
    }
    match check_login(env, &host, &creds) {
        Ok(()) => {
            creds.username = user;
            out.then(saved_login(env, key, creds))
        }
        Err(e) => out.then(Output::err(format!("{}\n", login_error(&host, &e)), 1)),
    }
}

fn saved_login(env: &mut Env<'_>, key: String, creds: Credentials) -> Output {
    env.client.auths.insert(key, creds);
    // Docker writes the WARNING to stderr before `Login Succeeded` on stdout.
    let mut out = Output::err(format!("\nWARNING! Your credentials are stored unencrypted in '{}/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n", env.client.home), 0);
    out.print("Login Succeeded\n");
    out
}

fn check_login(env: &mut Env<'_>, host: &str, creds: &Credentials) -> Result<(), RegistryError> {
    match destination(env, host) {
        Destination::Public(_) => Ok(()),
        Destination::Private => env.registries.login(host, &creds.username, &creds.password),
        Destination::Unknown => Err(RegistryError::Other(format!("Get \"https://{host}/v2/\": {}", no_such_host(host)))),
    }
}

fn login_error(host: &str, e: &RegistryError) -> String {
    let api = if host == "docker.io" { "registry-1.docker.io" } else { host };
    match e {
        RegistryError::Other(m) => format!("Error response from daemon: {m}"),
        e => format!("Error response from daemon: Get \"https://{api}/v2/\": {e}"),
    }
}

pub fn logout(env: &mut Env<'_>, argv: &[String]) -> Output {
    let c = Command::new("docker logout", "[SERVER]", "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.", "", &[], Args::Max(1));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let (shown, keys) = match p.args.first().map(String::as_str) {
        None | Some("") => (INDEX_SERVER.to_string(), vec![INDEX_SERVER.to_string()]),
        Some(server) => {
            let h = hostname(server);
            (h.clone(), vec![server.to_string(), h.clone(), format!("http://{h}"), format!("https://{h}")])
        }
    };
    for k in keys {
        env.client.auths.remove(&k);
    }
    Output::ok(format!("Removing login credentials for {shown}\n"))
}

fn parse_ref(name: &str) -> Result<Reference, Output> {
    Reference::parse(name).map_err(|e| Output::err(format!("{e}\n"), 1))
}

pub fn push(env: &mut Env<'_>, path: &str, argv: &[String]) -> Output {
    let c = Command::new(path, "[OPTIONS] NAME[:TAG]", "Upload an image to a registry", "docker image push, docker push", cli::PUSH_FLAGS, Args::Exact(1));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let name = p.args.first().map(String::as_str).unwrap_or("");
    let mut r = match parse_ref(name) {
        Ok(r) => r,
        Err(out) => return out,
    };
    let all = p.bool("all-tags");
    let quiet = p.bool("quiet");
    let mut out = Output::default();
    if all && !r.is_name_only() {
        return Output::err("tag can't be used with --all-tags/-a\n", 1);
    }
    if !all && r.is_name_only() {
        r = r.with_default_tag();
        if !quiet {
            out.print("Using default tag: latest\n");
        }
    }
    let mut progress = format!("The push refers to repository [{}]\n", r.name());
    let named = env.client.store.references_named(&r.name());
    let mut tags: Vec<Reference> = named.into_iter().filter(|n| n.tag.is_some()).collect();
    tags.shared_sort();
    if tags.is_empty() {
        out.print(if quiet { "" } else { &progress });
        return out.then(Output::err(format!("An image does not exist locally with the tag: {}\n", r.familiar_name()), 1));
    }
    if !all {
        if env.client.store.id_of(&r).is_none() {
            out.print(if quiet { "" } else { &progress });
            return out.then(Output::err(format!("tag does not exist: {}\n", r.familiar_string()), 1));
        }
        tags = vec![r.clone()];
    }
    for t in &tags {
        match push_one(env, t) {
            Ok(text) => progress.push_str(&text),
            Err((text, err)) => {
                progress.push_str(&text);
                out.print(if quiet { "" } else { &progress });
                return out.then(Output::err(format!("{err}\n"), 1));
            }
        }
    }
    out.print(&if quiet { format!("{}\n", r.full_string()) } else { progress });
    out
}

/// Pushes one tag: the layer lines and the digest line, or the lines shown so far and the error.
pub fn push_one(env: &mut Env<'_>, r: &Reference) -> Result<String, (String, String)> {
    let Some(id) = env.client.store.id_of(r).map(str::to_string) else {
        return Err((String::new(), format!("tag does not exist: {}", r.familiar_string())));
    };
    let Some(image) = env.client.store.get(&id).map(|s| s.image.clone()) else {
        return Err((String::new(), format!("tag does not exist: {}", r.familiar_string())));
    };
    let lines = |status: &dyn Fn(usize) -> String| -> String {
        image.layers.iter().enumerate().rev().map(|(i, l)| format!("{}: {} \n", short_id(&l.diff_id), status(i))).collect()
    };
    let preparing = lines(&|_| "Preparing".to_string());
    let tag = r.tag.clone().unwrap_or_else(|| "latest".into());
    match destination(env, &r.domain) {
        Destination::Public(_) => Err((preparing, HUB_DENIED.to_string())),
        Destination::Unknown => Err((String::new(), format!("Get \"https://{}/v2/\": {}", r.domain, no_such_host(&r.domain)))),
        Destination::Private => {
            let creds = env.client.auths.get(&auth_key(&r.domain)).cloned();
            match env.registries.push(&r.domain, &r.path, Some(&tag), &image, creds.as_ref()) {
                Ok(outcome) => {
                    let mut text = lines(&|i| match outcome.layers.get(i) {
                        Some(LayerPushStatus::AlreadyExists) => "Layer already exists".to_string(),
                        Some(LayerPushStatus::MountedFrom(from)) => format!("Mounted from {from}"),
                        _ => "Pushed".to_string(),
                    });
                    text.push_str(&format!("{tag}: digest: {} size: {}\n", image.digest, image.manifest_size()));
                    env.client.store.set_ref(&r.with_digest(&image.digest), &id, None);
                    Ok(text)
                }
                // The layers went up before ECR refused the manifest.
                Err(RegistryError::TagInvalid(message, statuses)) => {
                    let e = RegistryError::TagInvalid(message, Vec::new());
                    let text = lines(&|i| match statuses.get(i) {
                        Some(LayerPushStatus::Pushed) => "Pushed".to_string(),
                        _ => "Layer already exists".to_string(),
                    });
                    Err((text, e.to_string()))
                }
                Err(e) => Err((preparing, e.to_string())),
            }
        }
    }
}

/// Fetches the image `r` names from wherever it lives, with Docker's error text on failure.
pub fn fetch(env: &mut Env<'_>, r: &Reference, arch: &str) -> Result<ImageManifest, String> {
    let kind = match (&r.digest, &r.tag) {
        (Some(d), _) => RefKind::Digest(d.clone()),
        (None, t) => RefKind::Tag(t.clone().unwrap_or_else(|| "latest".into())),
    };
    let manifest_url = format!("https://{}/v2/{}/manifests/{}", r.domain, r.path, kind.as_str());
    let denied_for = |m: &str| format!("pull access denied for {}, repository does not exist or may require 'docker login': denied: {m}", r.familiar_name());
    match destination(env, &r.domain) {
        Destination::Public(reg) => lookup(reg, &r.path, &kind, arch).map_err(|miss| match (miss, reg) {
            (CatalogMiss::NoRepository, PublicRegistry::DockerHub) => denied_for("requested access to the resource is denied"),
            (CatalogMiss::NoRepository, PublicRegistry::EcrPublic) => format!("repository {} not found: name unknown: The repository with name '{}' does not exist in the registry with id '{}'",
                r.familiar_name(), r.path.split_once('/').map_or(r.path.as_str(), |(_, p)| p), r.path.split('/').next().unwrap_or("")),
            (CatalogMiss::NoManifest, PublicRegistry::DockerHub) => format!("manifest for {} not found: manifest unknown: manifest unknown", r.familiar_string()),
            (CatalogMiss::NoManifest, PublicRegistry::EcrPublic) => format!("manifest for {} not found: manifest unknown: Requested image not found", r.familiar_string()),
            (CatalogMiss::NoPlatform, _) => format!("no matching manifest for linux/{arch} in the manifest list entries"),
        }),
        Destination::Unknown => Err(format!("Get \"https://{}/v2/\": {}", r.domain, no_such_host(&r.domain))),
        Destination::Private => {
            let creds = env.client.auths.get(&auth_key(&r.domain)).cloned();
            env.registries.pull(&r.domain, &r.path, &kind, creds.as_ref()).map_err(|e| match e {
                RegistryError::NoBasicAuth | RegistryError::Unauthorized(_) => format!("Head \"{manifest_url}\": {e}"),
                RegistryError::Denied(m) => denied_for(&m),
                RegistryError::NameUnknown(m) => format!("repository {} not found: name unknown: {m}", r.familiar_name()),
                RegistryError::ManifestUnknown(m) => format!("manifest for {} not found: manifest unknown: {m}", r.familiar_string()),
                e => e.to_string(),
            })
        }
    }
}

pub fn pull(env: &mut Env<'_>, path: &str, argv: &[String]) -> Output {
    let c = Command::new(path, "[OPTIONS] NAME[:TAG|@DIGEST]", "Download an image from a registry", "docker image pull, docker pull", cli::PULL_FLAGS, Args::Exact(1));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let name = p.args.first().map(String::as_str).unwrap_or("");
    let r = match parse_ref(name) {
        Ok(r) => r,
        Err(out) => return out,
    };
    if p.bool("all-tags") {
        return Output::err("docker pull --all-tags: not available in the ECS Sandbox; pull one tag at a time.\n", 1);
    }
    let quiet = p.bool("quiet");
    let mut out = Output::default();
    let r = if r.is_name_only() {
        if !quiet {
            out.print("Using default tag: latest\n");
        }
        r.with_default_tag()
    } else {
        r
    };
    let arch = match p.string("platform") {
        Some(pl) => pl.trim_start_matches("linux/").split('/').next().unwrap_or("amd64").to_string(),
        None => env.client.architecture().to_string(),
    };
    let image = match fetch(env, &r, &arch) {
        Ok(i) => i,
        Err(e) => return out.then(Output::err(format!("Error response from daemon: {e}\n"), 1)),
    };
    let tag_or_digest = r.digest.clone().or_else(|| r.tag.clone()).unwrap_or_default();
    let mut text = format!("{tag_or_digest}: Pulling from {}\n", r.path);
    let store = &mut env.client.store;
    let existed = store.get(&image.config_digest).is_some();
    if !existed {
        for layer in &image.layers {
            let status = if store.has_blob(&layer.digest) { "Already exists" } else { "Pull complete" };
            text.push_str(&format!("{}: {status} \n", short_id(&layer.digest)));
        }
    }
    let shown_digest = image.index_digest.clone().unwrap_or_else(|| image.digest.clone());
    text.push_str(&format!("Digest: {shown_digest}\n"));
    let id = store.insert(image);
    let tag_ref = r.tag.as_ref().map(|_| Reference { digest: None, ..r.clone() });
    let up_to_date = existed && tag_ref.as_ref().is_none_or(|t| store.id_of(t) == Some(id.as_str()));
    if let Some(t) = &tag_ref {
        store.set_ref(t, &id, None);
    }
    store.set_ref(&r.with_digest(&shown_digest), &id, None);
    let status = if up_to_date { "Image is up to date for" } else { "Downloaded newer image for" };
    text.push_str(&format!("Status: {status} {}\n", r.familiar_string()));
    if quiet {
        text.clear();
    }
    text.push_str(&format!("{}\n", r.full_string()));
    out.print(&text);
    out
}
