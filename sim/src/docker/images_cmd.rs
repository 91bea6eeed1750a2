//! `docker images` (`image ls`), `docker tag` and `docker rmi` (`image rm`), with the engine's rules:
//! one row per tag, `<none>` for dangling images, `Untagged:`/`Deleted:` lines, and the conflict when an
//! image named by ID is referenced by several tags.

use super::cli::{self, Args, Command};
use super::commands::Env;
use super::format::{created_at, created_since, human_size, table};
use super::image::{short_id, ImageManifest};
use super::progress::glob_match;
use super::reference::Reference;
use super::template::{render, Missing};
use super::Output;
use std::collections::BTreeMap;

struct Row {
    repository: String,
    tag: String,
    digest: String,
    id: String,
    created: u64,
    size: u64,
}

fn rows_of(env: &Env<'_>, image: &ImageManifest) -> Vec<Row> {
    let refs = env.client.store.references_of(&image.config_digest);
    let base = |repository: String, tag: String, digest: String| Row {
        repository, tag, digest, id: image.config_digest.clone(), created: image.created_secs, size: image.uncompressed_size(),
    };
    if refs.is_empty() {
        return vec![base("<none>".into(), "<none>".into(), "<none>".into())];
    }
    let mut by_repo: BTreeMap<String, (Vec<String>, Option<String>)> = BTreeMap::new();
    for r in &refs {
        let entry = by_repo.entry(r.familiar_name()).or_default();
        if let Some(t) = &r.tag {
            entry.0.push(t.clone());
        }
        if let Some(d) = &r.digest {
            entry.1 = Some(d.clone());
        }
    }
    let mut out = Vec::new();
    for (repo, (tags, digest)) in by_repo {
        let digest = digest.unwrap_or_else(|| "<none>".into());
        if tags.is_empty() {
            out.push(base(repo.clone(), "<none>".into(), digest.clone()));
        }
        for t in tags {
            out.push(base(repo.clone(), t, digest.clone()));
        }
    }
    out
}

pub fn images(env: &mut Env<'_>, path: &str, argv: &[String]) -> Output {
    let c = Command::new(path, "[OPTIONS] [REPOSITORY[:TAG]]", "List images", "docker image ls, docker image list, docker images", cli::IMAGES_FLAGS, Args::Max(1));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let mut dangling: Option<bool> = None;
    let mut patterns: Vec<String> = Vec::new();
    for f in p.list("filter") {
        match f.split_once('=') {
            Some(("dangling", v)) if v == "true" || v == "false" => dangling = Some(v == "true"),
            Some(("dangling", v)) => return Output::err(format!("Error response from daemon: invalid filter 'dangling={v}'\n"), 1),
            Some(("reference", v)) => patterns.push(v.to_string()),
            Some((k, _)) if ["before", "since", "label", "until"].contains(&k) => {}
            Some((k, _)) => return Output::err(format!("Error response from daemon: invalid filter '{k}'\n"), 1),
            None => return Output::err("bad format of filter (expected name=value)\n", 125),
        }
    }
    if let Some(arg) = p.args.first() {
        patterns.push(arg.clone());
    }
    let no_trunc = p.bool("no-trunc");
    let mut rows: Vec<Row> = Vec::new();
    for stored in env.client.store.images_newest_first() {
        for row in rows_of(env, &stored.image) {
            let is_dangling = row.repository == "<none>";
            if dangling.is_some_and(|d| d != is_dangling) {
                continue;
            }
            if !patterns.is_empty() {
                let full = format!("{}:{}", row.repository, row.tag);
                let ok = patterns.iter().any(|pat| {
                    let pat = pat.strip_prefix("docker.io/library/").or_else(|| pat.strip_prefix("docker.io/")).unwrap_or(pat);
                    glob_match(pat, &row.repository) || glob_match(pat, &full)
                });
                if !ok {
                    continue;
                }
            }
            rows.push(row);
        }
    }
    let id_of = |r: &Row| if no_trunc { r.id.clone() } else { short_id(&r.id) };
    if p.bool("quiet") {
        return Output::ok(rows.iter().map(|r| format!("{}\n", id_of(r))).collect::<String>());
    }
    let fields = |r: &Row| {
        serde_json::json!({"Containers": "N/A", "CreatedAt": created_at(r.created), "CreatedSince": created_since(r.created, env.now),
            "Digest": r.digest, "ID": id_of(r), "Repository": r.repository, "SharedSize": "N/A", "Size": human_size(r.size),
            "Tag": r.tag, "UniqueSize": "N/A", "VirtualSize": human_size(r.size)})
    };
    if let Some(format) = p.string("format").filter(|f| !f.is_empty() && *f != "table") {
        let (is_table, body) = match format.strip_prefix("table") {
            Some(rest) => (true, rest.trim_start().to_string()),
            None => (false, format.to_string()),
        };
        let mut lines: Vec<String> = Vec::new();
        if is_table {
            let headers = serde_json::json!({"Containers": "CONTAINERS", "CreatedAt": "CREATED AT", "CreatedSince": "CREATED",
                "Digest": "DIGEST", "ID": "IMAGE ID", "Repository": "REPOSITORY", "SharedSize": "SHARED SIZE", "Size": "SIZE",
                "Tag": "TAG", "UniqueSize": "UNIQUE SIZE", "VirtualSize": "SIZE"});
            match render(&body, &headers, Missing::Error("*formatter.imageContext")) {
                Ok(h) => lines.push(h),
                Err(e) => return Output::err(format!("{e}\n"), 1),
            }
        }
        for r in &rows {
            match render(&body, &fields(r), Missing::Error("*formatter.imageContext")) {
                Ok(line) => lines.push(line),
                Err(e) => return Output::err(format!("{e}\n"), 1),
            }
        }
        if !is_table {
            return Output::ok(lines.iter().map(|l| format!("{l}\n")).collect::<String>());
        }
        let cells: Vec<Vec<String>> = lines.iter().map(|l| l.split('\t').map(String::from).collect()).collect();
        return Output::ok(table(&cells));
    }
    let digests = p.bool("digests");
    let mut header: Vec<String> = vec!["REPOSITORY".into(), "TAG".into()];
    if digests {
        header.push("DIGEST".into());
    }
    header.extend(["IMAGE ID", "CREATED", "SIZE"].iter().map(|s| s.to_string()));
    let mut cells = vec![header];
    for r in &rows {
        let mut row = vec![r.repository.clone(), r.tag.clone()];
        if digests {
            row.push(r.digest.clone());
        }
        row.extend([id_of(r), created_since(r.created, env.now), human_size(r.size)]);
        cells.push(row);
    }
    Output::ok(table(&cells))
}

/// How the daemon names what it could not find (`web:latest`, or the text as given).
fn missing(name: &str) -> String {
    match Reference::parse(name) {
        Ok(r) => r.with_default_tag().familiar_string(),
        Err(_) => name.to_string(),
    }
}

pub fn tag(env: &mut Env<'_>, path: &str, argv: &[String]) -> Output {
    let c = Command::new(path, "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", "docker image tag, docker tag", &[], Args::Exact(2));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let (Some(source), Some(target)) = (p.args.first(), p.args.get(1)) else {
        return Output::err("", 1);
    };
    let target_ref = match Reference::parse(target) {
        Ok(r) => r,
        Err(e) => return Output::err(format!("Error parsing reference: \"{target}\" is not a valid repository/tag: {e}\n"), 1),
    };
    if target_ref.digest.is_some() {
        return Output::err("Error response from daemon: refusing to create a tag with a digest reference\n", 1);
    }
    let Some(found) = env.client.store.resolve(source) else {
        return Output::err(format!("Error response from daemon: No such image: {}\n", missing(source)), 1);
    };
    env.client.store.set_ref(&target_ref.with_default_tag(), &found.id, Some(env.now));
    Output::ok("")
}

pub fn rmi(env: &mut Env<'_>, path: &str, argv: &[String]) -> Output {
    let c = Command::new(path, "[OPTIONS] IMAGE [IMAGE...]", "Remove one or more images", "docker image rm, docker image remove, docker rmi", cli::RMI_FLAGS, Args::Min(1));
    let p = match c.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let force = p.bool("force");
    let mut out = Output::default();
    for name in &p.args {
        match remove_one(env, name, force) {
            Ok(lines) => out.print(&lines),
            Err(e) => {
                out.eprint(&format!("Error response from daemon: {e}\n"));
                out.exit_code = 1;
            }
        }
    }
    out
}

fn remove_one(env: &mut Env<'_>, name: &str, force: bool) -> Result<String, String> {
    let store = &mut env.client.store;
    let found = store.resolve(name).ok_or_else(|| format!("No such image: {}", missing(name)))?;
    let id = found.id.clone();
    let mut lines = String::new();
    let by_id = found.reference.is_none();
    if let Some(r) = found.reference {
        store.remove_ref(&r);
        lines.push_str(&format!("Untagged: {}\n", r.familiar_string()));
        if r.digest.is_none() {
            let same_name = store.references_of(&id).into_iter().filter(|o| o.name() == r.name());
            let (tags, digests): (Vec<Reference>, Vec<Reference>) = same_name.partition(|o| o.tag.is_some());
            if tags.is_empty() {
                for d in digests {
                    store.remove_ref(&d);
                    lines.push_str(&format!("Untagged: {}\n", d.familiar_string()));
                }
            }
        }
        if !store.references_of(&id).is_empty() {
            return Ok(lines);
        }
    }
    if by_id {
        let refs = store.references_of(&id);
        let tag_count = refs.iter().filter(|r| r.tag.is_some()).count();
        let one_repo = refs.windows(2).all(|w| w.first().map(Reference::name) == w.get(1).map(Reference::name));
        if !(force || tag_count <= 1 && one_repo) {
            return Err(format!("conflict: unable to delete {} (must be forced) - image is referenced in multiple repositories", short_id(&id)));
        }
        for r in refs {
            store.remove_ref(&r);
            lines.push_str(&format!("Untagged: {}\n", r.familiar_string()));
        }
    }
    let in_use = store.chains_used_except(&id);
    if let Some(removed) = store.remove_image(&id) {
        lines.push_str(&format!("Deleted: {id}\n"));
        for chain in removed.image.chain_ids().iter().rev() {
            if !in_use.contains(chain) {
                lines.push_str(&format!("Deleted: {chain}\n"));
            }
        }
    }
    Ok(lines)
}
