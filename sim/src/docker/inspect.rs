//! `docker inspect` and `docker image inspect`: the image JSON the Engine API 1.47 returns (field order,
//! `null`s and omitted fields as Go encodes them), printed as a four-space-indented array, or through
//! `--format`.

use super::cli::{self, Args, Command};
use super::commands::Env;
use super::format::{inspect_json, rfc3339};
use super::image::{hex_of, sha256_digest};
use super::store::StoredImage;
use super::template::{render, Missing};
use super::Output;
use serde_json::{json, Map, Value};

fn strs_or_null(v: Option<&Vec<String>>) -> Value {
    v.map_or(Value::Null, |v| json!(v))
}

/// The `docker image inspect` object of a stored image.
pub fn image_json(env: &Env<'_>, stored: &StoredImage) -> Value {
    let image = &stored.image;
    let c = &image.config;
    let refs = env.client.store.references_of(&image.config_digest);
    let tags: Vec<String> = refs.iter().filter(|r| r.tag.is_some()).map(|r| r.familiar_string()).collect();
    let digests: Vec<String> = refs.iter().filter(|r| r.digest.is_some()).map(|r| r.familiar_string()).collect();
    let mut config = Map::new();
    config.insert("Hostname".into(), json!(""));
    config.insert("Domainname".into(), json!(""));
    config.insert("User".into(), json!(c.user));
    config.insert("AttachStdin".into(), json!(false));
    config.insert("AttachStdout".into(), json!(false));
    config.insert("AttachStderr".into(), json!(false));
    if !c.exposed_ports.is_empty() {
        let ports: Map<String, Value> = c.exposed_ports.iter().map(|p| (p.clone(), json!({}))).collect();
        config.insert("ExposedPorts".into(), Value::Object(ports));
    }
    config.insert("Tty".into(), json!(false));
    config.insert("OpenStdin".into(), json!(false));
    config.insert("StdinOnce".into(), json!(false));
    config.insert("Env".into(), if c.env.is_empty() { Value::Null } else { json!(c.env) });
    config.insert("Cmd".into(), strs_or_null(c.cmd.as_ref()));
    if let Some(h) = &c.healthcheck {
        let mut hc = Map::new();
        if !h.test.is_empty() {
            hc.insert("Test".into(), json!(h.test));
        }
        for (k, v) in [("Interval", h.interval_ns), ("Timeout", h.timeout_ns), ("StartPeriod", h.start_period_ns), ("StartInterval", h.start_interval_ns), ("Retries", h.retries)] {
            if v != 0 {
                hc.insert(k.into(), json!(v));
            }
        }
        config.insert("Healthcheck".into(), Value::Object(hc));
    }
    if c.args_escaped {
        config.insert("ArgsEscaped".into(), json!(true));
    }
    config.insert("Image".into(), json!(""));
    config.insert(
        "Volumes".into(),
        if c.volumes.is_empty() { Value::Null } else { Value::Object(c.volumes.iter().map(|v| (v.clone(), json!({}))).collect()) },
    );
    config.insert("WorkingDir".into(), json!(c.working_dir));
    config.insert("Entrypoint".into(), strs_or_null(c.entrypoint.as_ref()));
    config.insert("OnBuild".into(), if c.on_build.is_empty() { Value::Null } else { json!(c.on_build) });
    config.insert("Labels".into(), if c.labels.is_empty() { Value::Null } else { json!(c.labels) });
    if let Some(s) = &c.stop_signal {
        config.insert("StopSignal".into(), json!(s));
    }
    if let Some(s) = &c.shell {
        config.insert("Shell".into(), json!(s));
    }
    let dirs: Vec<String> = image
        .chain_ids()
        .iter()
        .map(|chain| format!("/var/lib/docker/overlay2/{}", hex_of(&sha256_digest(format!("cache:{chain}").as_bytes()))))
        .collect();
    let mut data = Map::new();
    let lower: Vec<String> = dirs.iter().rev().skip(1).map(|d| format!("{d}/diff")).collect();
    if !lower.is_empty() {
        data.insert("LowerDir".into(), json!(lower.join(":")));
    }
    if let Some(top) = dirs.last() {
        data.insert("MergedDir".into(), json!(format!("{top}/merged")));
        data.insert("UpperDir".into(), json!(format!("{top}/diff")));
        data.insert("WorkDir".into(), json!(format!("{top}/work")));
    }
    let mut out = Map::new();
    out.insert("Id".into(), json!(image.config_digest));
    out.insert("RepoTags".into(), json!(tags));
    out.insert("RepoDigests".into(), json!(digests));
    out.insert("Parent".into(), json!(""));
    out.insert("Comment".into(), json!(image.comment));
    out.insert("Created".into(), json!(rfc3339(image.created_secs)));
    out.insert("DockerVersion".into(), json!(""));
    out.insert("Author".into(), json!(image.author));
    out.insert("Config".into(), Value::Object(config));
    out.insert("Architecture".into(), json!(image.architecture));
    if let Some(v) = &image.variant {
        out.insert("Variant".into(), json!(v));
    }
    out.insert("Os".into(), json!(image.os));
    out.insert("Size".into(), json!(image.uncompressed_size()));
    out.insert("GraphDriver".into(), json!({"Data": Value::Object(data), "Name": "overlay2"}));
    let diff_ids: Vec<&str> = image.layers.iter().map(|l| l.diff_id.as_str()).collect();
    out.insert("RootFS".into(), json!({"Type": "layers", "Layers": diff_ids}));
    let last_tag = stored.last_tag_time.map_or_else(|| "0001-01-01T00:00:00Z".to_string(), rfc3339);
    out.insert("Metadata".into(), json!({"LastTagTime": last_tag}));
    Value::Object(out)
}

pub fn inspect(env: &mut Env<'_>, path: &str, argv: &[String]) -> Output {
    let image_only = path == "docker image inspect";
    let c = if image_only {
        Command::new(path, "[OPTIONS] IMAGE [IMAGE...]", "Display detailed information on one or more images", "", cli::IMAGE_INSPECT_FLAGS, Args::Min(1))
    } else {
        Command::new(path, "[OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects", "", cli::INSPECT_FLAGS, Args::Min(1))
    };
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let kind = p.string("type").unwrap_or("");
    if !image_only && !kind.is_empty() && kind != "image" {
        let known = ["container", "config", "network", "node", "plugin", "secret", "service", "task", "volume"];
        if !known.contains(&kind) {
            return Output::err(format!("\"{kind}\" is not a valid value for --type\n"), 1);
        }
    }
    let mut found: Vec<Value> = Vec::new();
    let mut out = Output::default();
    for name in &p.args {
        let hit = if kind.is_empty() || kind == "image" || image_only { env.client.store.resolve(name) } else { None };
        match hit.and_then(|f| env.client.store.get(&f.id)) {
            Some(stored) => found.push(image_json(env, stored)),
            None => {
                let message = if image_only {
                    let shown = super::reference::Reference::parse(name).map_or(name.clone(), |r| r.with_default_tag().familiar_string());
                    format!("Error response from daemon: No such image: {shown}\n")
                } else if !kind.is_empty() && kind != "image" {
                    format!("Error: No such {kind}: {name}\n")
                } else {
                    format!("Error: No such object: {name}\n")
                };
                out.eprint(&message);
                out.exit_code = 1;
            }
        }
    }
    match p.string("format").filter(|f| !f.is_empty()) {
        Some(format) => {
            for v in &found {
                match render(format, v, Missing::NoValue) {
                    Ok(text) => out.print(&format!("{text}\n")),
                    Err(e) => return Output::err(format!("{e}\n"), 1),
                }
            }
        }
        None => out.print(&format!("{}\n", inspect_json(&Value::Array(found)))),
    }
    out
}
