//! Containers that refer to each other (§1.4, §1.6, §1.9): dependsOn targets, conditions and
//! cycles, links, volumesFrom, and the health-check command.

use serde_json::Value;

use super::{Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::sink::Sink;

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    for ct in &doc.containers {
        for (i, dep) in ct.objects("dependsOn") {
            let Some(target_name) = dep.get("containerName").and_then(Value::as_str) else { continue };
            let condition = dep.get("condition").and_then(Value::as_str).unwrap_or_default();
            let pointer = ct.ptr(&format!("/dependsOn/{i}"));
            let Some(target) = doc.container(target_name) else {
                let message = format!("Container {} depends on {}, which is not a container of this task definition.", quoted(ct.name), quoted(target_name));
                sink.push(&c::DEPENDS_ON_UNKNOWN, &format!("{pointer}/containerName"), message);
                continue;
            };
            if matches!(condition, "COMPLETE" | "SUCCESS") && target.essential() {
                sink.push(&c::DEPENDS_ON_ESSENTIAL, &pointer, "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
            }
            if condition == "HEALTHY" && !target.obj.get("healthCheck").is_some_and(Value::is_object) {
                let message = format!("Container {} waits for {} to be HEALTHY, but {} has no healthCheck.", quoted(ct.name), quoted(target_name), quoted(target_name));
                sink.push(&c::DEPENDS_ON_HEALTHY_CHECK, &format!("{pointer}/condition"), message);
            }
        }
        if let Some(cycle) = cycle_from(doc, ct.name) {
            let message = format!("Containers depend on each other in a cycle: {}.", cycle.join(" → "));
            sink.push(&c::DEPENDS_ON_CYCLE, &ct.ptr("/dependsOn"), message);
        }
        for (i, link) in ct.list("links").iter().enumerate() {
            let Some(link) = link.as_str() else { continue };
            let target = link.split(':').next().unwrap_or_default();
            if target == ct.name || doc.container(target).is_none() {
                let message = format!("Invalid link {link} for container {}: {} is not another container of this task definition.", quoted(ct.name), quoted(target));
                sink.push(&c::LINKS_UNKNOWN, &ct.ptr(&format!("/links/{i}")), message);
            }
        }
        for (i, from) in ct.objects("volumesFrom") {
            let Some(source) = from.get("sourceContainer").and_then(Value::as_str) else { continue };
            if source == ct.name || doc.container(source).is_none() {
                let message = format!("Container {} mounts volumes from {}, which is not another container of this task definition.", quoted(ct.name), quoted(source));
                sink.push(&c::VOLUMES_FROM_UNKNOWN, &ct.ptr(&format!("/volumesFrom/{i}/sourceContainer")), message);
            }
        }
        let first = ct.object("healthCheck").and_then(|h| h.get("command")).and_then(Value::as_array).and_then(|a| a.first());
        if let Some(first) = first.and_then(Value::as_str)
            && !matches!(first, "CMD" | "CMD-SHELL")
        {
            let message = format!("Invalid health check command for container {}: it must start with CMD or CMD-SHELL, not {first:?}.", quoted(ct.name));
            sink.push(&c::HEALTH_CHECK_COMMAND, &ct.ptr("/healthCheck/command/0"), message);
        }
    }
}

/// The dependency cycle through `start`, if the first container of one is `start` (so a cycle
/// is reported once, at its first container in document order).
fn cycle_from<'a>(doc: &Doc<'a>, start: &'a str) -> Option<Vec<&'a str>> {
    if start.is_empty() {
        return None;
    }
    let deps = |name: &str| -> Vec<&'a str> {
        doc.container(name)
            .map(|ct| ct.objects("dependsOn").filter_map(|(_, d)| d.get("containerName").and_then(Value::as_str)).collect())
            .unwrap_or_default()
    };
    // Depth-first search for a path back to `start`.
    let mut stack: Vec<(Vec<&'a str>, &'a str)> = deps(start).into_iter().map(|n| (vec![start], n)).collect();
    let mut visited: Vec<&str> = Vec::new();
    while let Some((path, node)) = stack.pop() {
        if node == start {
            let mut cycle = path;
            cycle.push(start);
            let first_in_doc = doc.containers.iter().find(|ct| cycle.contains(&ct.name)).map(|ct| ct.name);
            return (first_in_doc == Some(start)).then_some(cycle);
        }
        if visited.contains(&node) {
            continue;
        }
        visited.push(node);
        for next in deps(node) {
            let mut p = path.clone();
            p.push(node);
            stack.push((p, next));
        }
    }
    None
}
