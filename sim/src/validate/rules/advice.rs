//! Warnings about definitions ECS accepts (§1.2, §1.3, §1.8, §9, §10): secrets in plain-text
//! environment variables, one role as both task and execution role, unpinned images, template
//! placeholders, containers too small for Docker, registry credentials without an execution role.

use serde_json::Value;

use super::{Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::sink::Sink;
use crate::validate::source_map::escape_segment;

/// Environment variable names that usually hold a secret (upper-cased substrings).
const SECRET_WORDS: &[&str] = &["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"];
/// Docker's smallest container memory, MiB (§1.3).
const MIN_CONTAINER_MEMORY: i64 = 6;

/// The image's tag, `None` when it has none; `Some("")` never. A digest-pinned image counts as
/// tagged with its digest.
pub fn image_tag(image: &str) -> Option<&str> {
    if let Some((_, digest)) = image.split_once('@') {
        return Some(digest);
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    last.rsplit_once(':').map(|(_, tag)| tag).filter(|t| !t.is_empty())
}

/// A template placeholder in a string value, if any.
pub fn placeholder(s: &str) -> Option<&'static str> {
    if s.contains("${") {
        Some("${…}")
    } else if s.contains("$$$") {
        Some("$$$…$$$")
    } else if s.contains("XXXXXXXXXXXX") {
        Some("XXXXXXXXXXXX")
    } else {
        None
    }
}

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    for ct in &doc.containers {
        for (i, var) in ct.objects("environment") {
            let name = var.get("name").and_then(Value::as_str).unwrap_or_default();
            let value = var.get("value").and_then(Value::as_str).unwrap_or_default();
            let upper = name.to_ascii_uppercase();
            if !value.is_empty() && SECRET_WORDS.iter().any(|w| upper.contains(w)) {
                let message = format!("Environment variable {name} of container {} looks like a secret in plain text; use secrets instead.", quoted(ct.name));
                sink.push(&c::PLAINTEXT_SECRET, &ct.ptr(&format!("/environment/{i}")), message);
            }
        }
        if let Some(image) = ct.str("image").filter(|i| !i.is_empty()) {
            match image_tag(image) {
                None => {
                    let message = format!("Image {} of container {} has no tag, so it means {image}:latest; pin a version.", quoted(image), quoted(ct.name));
                    sink.push(&c::IMAGE_LATEST_TAG, &ct.ptr("/image"), message);
                }
                Some("latest") => {
                    let message = format!("Image {} of container {} uses the latest tag; pin a version.", quoted(image), quoted(ct.name));
                    sink.push(&c::IMAGE_LATEST_TAG, &ct.ptr("/image"), message);
                }
                Some(_) => {}
            }
        }
        for member in ["memory", "memoryReservation"] {
            if let Some(m) = ct.int(member).filter(|m| (1..MIN_CONTAINER_MEMORY).contains(m)) {
                let message = format!("Container {} has {member} {m} MiB; Docker needs at least {MIN_CONTAINER_MEMORY} MiB.", quoted(ct.name));
                sink.push(&c::CONTAINER_MEMORY_TINY, &ct.ptr(&format!("/{member}")), message);
            }
        }
        if ct.obj.get("repositoryCredentials").is_some_and(Value::is_object) && doc.root.get("executionRoleArn").is_none_or(Value::is_null) {
            let message = format!("Container {} uses repositoryCredentials, but the task has no executionRoleArn to read them with.", quoted(ct.name));
            sink.push(&c::REPOSITORY_CREDENTIALS_ROLE, &ct.ptr("/repositoryCredentials"), message);
        }
    }
    if let (Some(task), Some(exec)) = (doc.str("taskRoleArn"), doc.str("executionRoleArn"))
        && !task.is_empty()
        && task == exec
    {
        sink.push(&c::SHARED_ROLE, "/taskRoleArn", format!("The same role {} is both the task role and the execution role.", quoted(task)));
    }
    for (key, value) in doc.root {
        placeholders(value, &format!("/{}", escape_segment(key)), sink);
    }
}

fn placeholders(v: &Value, at: &str, sink: &mut Sink<'_>) {
    match v {
        Value::String(s) => {
            if let Some(kind) = placeholder(s) {
                sink.push(&c::PLACEHOLDER_VALUE, at, format!("{} contains a template placeholder ({kind}).", quoted(s)));
            }
        }
        Value::Object(m) => m.iter().for_each(|(k, v)| placeholders(v, &format!("{at}/{}", escape_segment(k)), sink)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| placeholders(v, &format!("{at}/{i}"), sink)),
        _ => {}
    }
}
