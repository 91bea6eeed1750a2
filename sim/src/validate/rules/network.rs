//! networkMode rules (§1.4): host ports in awsvpc and host mode, what awsvpc forbids (links,
//! hostname, extraHosts), no port mappings in none mode, containerPort present, and
//! containerPortRange's conditions.

use serde_json::{Map, Value};

use super::{Container, Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::fixes;
use crate::validate::sink::{FindingExt, Sink};

/// At most this many containerPortRange mappings per container (§1.4).
const MAX_PORT_RANGES: usize = 100;

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    for ct in &doc.containers {
        host_ports(doc, ct, sink);
        awsvpc_forbidden(doc, ct, sink);
        if doc.network_mode == "none" && !ct.list("portMappings").is_empty() {
            let message = format!(
                "Port mappings are not supported when networkMode=none (container {}).",
                quoted(ct.name)
            );
            let fix = fixes::edits_fix("Remove portMappings", fixes::remove(sink.map, &[ct.ptr("/portMappings")]));
            sink.push(&c::NONE_PORT_MAPPINGS, &ct.ptr("/portMappings"), message).with_fix(fix);
        }
        for (i, pm) in ct.objects("portMappings") {
            if !pm.contains_key("containerPort") && !pm.contains_key("containerPortRange") {
                let message = format!("Invalid 'containerPort' setting for container {}.", quoted(ct.name));
                sink.push(&c::CONTAINER_PORT_INVALID, &ct.ptr(&format!("/portMappings/{i}")), message);
            }
        }
        port_ranges(doc, ct, sink);
    }
}

fn host_ports(doc: &Doc<'_>, ct: &Container<'_>, sink: &mut Sink<'_>) {
    let (rule, message) = match doc.network_mode {
        "awsvpc" => (&c::AWSVPC_HOST_PORT, "When networkMode=awsvpc, the host ports and container ports in port mappings must match."),
        "host" => (&c::HOST_PORT_MISMATCH, "When networkMode=host, the host ports and container ports in port mappings must match."),
        _ => return,
    };
    for (i, pm) in ct.objects("portMappings") {
        let (Some(container_port), Some(host_port)) =
            (pm.get("containerPort").and_then(Value::as_i64), pm.get("hostPort").and_then(Value::as_i64))
        else {
            continue;
        };
        if container_port != host_port {
            let pointer = ct.ptr(&format!("/portMappings/{i}/hostPort"));
            let fix = fixes::set_value(sink.map, &pointer, &container_port.to_string())
                .and_then(|e| fixes::edits_fix(format!("Set hostPort to {container_port}"), vec![e]));
            sink.push(rule, &pointer, message)
                .with_fix(fix)
                .explain(&format!("Here hostPort is {host_port} and containerPort {container_port}."));
        }
    }
}

fn awsvpc_forbidden(doc: &Doc<'_>, ct: &Container<'_>, sink: &mut Sink<'_>) {
    if doc.network_mode != "awsvpc" {
        return;
    }
    let remove = |sink: &Sink<'_>, member: &str| {
        fixes::edits_fix(format!("Remove {member}"), fixes::remove(sink.map, &[ct.ptr(&format!("/{member}"))]))
    };
    if !ct.list("links").is_empty() {
        let fix = remove(sink, "links");
        sink.push(&c::AWSVPC_LINKS, &ct.ptr("/links"), "Links are not supported when networkMode=awsvpc.").with_fix(fix);
    }
    if ct.obj.get("hostname").is_some_and(|h| !h.is_null()) {
        let fix = remove(sink, "hostname");
        sink.push(&c::AWSVPC_HOSTNAME, &ct.ptr("/hostname"), "hostname is not supported on container when networkMode=awsvpc.")
            .with_fix(fix);
    }
    if !ct.list("extraHosts").is_empty() {
        let fix = remove(sink, "extraHosts");
        sink.push(&c::AWSVPC_EXTRA_HOSTS, &ct.ptr("/extraHosts"), "extraHosts is not supported on container when networkMode=awsvpc.")
            .with_fix(fix);
    }
}

/// `"first-last"` with 1 ≤ first < last ≤ 65535.
fn parse_range(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once('-')?;
    let all_digits = |t: &str| !t.is_empty() && t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(a) || !all_digits(b) {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (1 <= a && a < b && b <= 65_535).then_some((a, b))
}

fn port_ranges(doc: &Doc<'_>, ct: &Container<'_>, sink: &mut Sink<'_>) {
    let mut seen: Vec<(u32, u32, String)> = Vec::new();
    let mut count = 0;
    for (i, pm) in ct.objects("portMappings") {
        let protocol = pm.get("protocol").and_then(Value::as_str).unwrap_or("tcp").to_string();
        let pointer = ct.ptr(&format!("/portMappings/{i}"));
        let Some(range) = pm.get("containerPortRange").and_then(Value::as_str) else {
            if let Some(p) = pm.get("containerPort").and_then(Value::as_i64).and_then(|p| u32::try_from(p).ok()) {
                seen.push((p, p, protocol));
            }
            continue;
        };
        count += 1;
        let problem = range_problem(doc, pm, range);
        if let Some(problem) = problem {
            let message = format!("Invalid 'containerPortRange' setting for container {}: {problem}", quoted(ct.name));
            sink.push(&c::CONTAINER_PORT_RANGE, &format!("{pointer}/containerPortRange"), message);
            continue;
        }
        if let Some((a, b)) = parse_range(range) {
            if seen.iter().any(|(x, y, p)| *p == protocol && a <= *y && *x <= b) {
                let message = format!("Invalid 'containerPortRange' setting for container {}: {range} overlaps another port mapping.", quoted(ct.name));
                sink.push(&c::CONTAINER_PORT_RANGE, &format!("{pointer}/containerPortRange"), message);
            }
            seen.push((a, b, protocol));
        }
    }
    if count > MAX_PORT_RANGES {
        let message = format!("Too many containerPortRange mappings for container {}: {count}, at most {MAX_PORT_RANGES}.", quoted(ct.name));
        sink.push(&c::CONTAINER_PORT_RANGE, &ct.ptr("/portMappings"), message);
    }
}

fn range_problem(doc: &Doc<'_>, pm: &Map<String, Value>, range: &str) -> Option<String> {
    if !matches!(doc.network_mode, "bridge" | "awsvpc") {
        return Some(format!("ranges need networkMode bridge or awsvpc, not {}.", doc.network_mode));
    }
    if pm.contains_key("hostPort") {
        return Some("do not set hostPort together with a range.".into());
    }
    if pm.contains_key("containerPort") {
        return Some("give either containerPort or containerPortRange, not both.".into());
    }
    if parse_range(range).is_none() {
        return Some(format!("\"{range}\" is not a range like \"8000-8099\" (1-65535, first < last)."));
    }
    None
}
