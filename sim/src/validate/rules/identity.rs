//! Names and references (§1.1, §1.2, §1.8): family and container names, unique container names,
//! image references, tags, role ARNs, secret sources and the execution role they need, the
//! 64 KiB size limit, and settings that belong to one launch type.

use serde_json::Value;

use super::{Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::sink::{FindingExt, Sink};

/// Longest task definition ECS accepts, in bytes of its JSON (§1.2).
pub const MAX_TASK_DEFINITION_BYTES: usize = 64 * 1024;
/// Longest family, container name and image name (§1.2).
const MAX_NAME: usize = 255;

fn name_ok(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_NAME && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Why an image reference is invalid (§1.2), or `None` when it is fine.
pub fn image_problem(image: &str) -> Option<String> {
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    if let Some(bad) = name.chars().find(|ch| !(ch.is_ascii_alphanumeric() || "-_:./#".contains(*ch))) {
        let hint = if image.contains("${") || image.contains("$$$") { " (a template placeholder?)" } else { "" };
        return Some(format!("the character {bad:?} is not allowed{hint}"));
    }
    if name.is_empty() || name.len() > MAX_NAME {
        return Some(format!("the name before any digest must be 1 to {MAX_NAME} characters"));
    }
    if let Some(d) = digest {
        let hex = d.strip_prefix("sha256:");
        if !hex.is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))) {
            return Some("a digest must be sha256: followed by 64 hexadecimal digits".into());
        }
    }
    None
}

/// An IAM role ARN (`arn:aws:iam::<account>:role/<path/name>`) or a bare role name.
pub fn role_ok(s: &str) -> bool {
    let name_char = |ch: char| ch.is_ascii_alphanumeric() || "+=,.@_-".contains(ch);
    if let Some(rest) = s.strip_prefix("arn:") {
        let parts: Vec<&str> = rest.splitn(5, ':').collect();
        let [partition, service, region, account, resource] = parts.as_slice() else { return false };
        let Some(path) = resource.strip_prefix("role/") else { return false };
        partition.starts_with("aws")
            && *service == "iam"
            && region.is_empty()
            && !account.is_empty()
            && account.chars().all(|ch| ch.is_ascii_alphanumeric())
            && !path.is_empty()
            && path.split('/').filter(|p| !p.is_empty()).all(|p| p.chars().all(name_char))
            && path.rsplit('/').next().is_some_and(|n| !n.is_empty())
    } else {
        !s.is_empty() && s.len() <= 64 && s.chars().all(name_char)
    }
}

/// A secret source: any ARN, or an SSM parameter name (§1.8).
fn value_from_ok(s: &str) -> bool {
    s.starts_with("arn:") || (!s.is_empty() && s.chars().all(|ch| ch.is_ascii_alphanumeric() || "_.-/".contains(ch)))
}

fn tag_text_ok(s: &str) -> bool {
    s.chars().all(|ch| ch.is_alphanumeric() || ch == ' ' || (ch.is_whitespace() && !ch.is_control()) || "_.:/=+-@".contains(ch))
}

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if let Some(family) = doc.str("family").filter(|f| !name_ok(f)) {
        let message = format!("Invalid family name {}: up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.", quoted(family));
        sink.push(&c::FAMILY_NAME, "/family", message);
    }
    let mut seen: Vec<&str> = Vec::new();
    for ct in &doc.containers {
        if !ct.name.is_empty() && !name_ok(ct.name) {
            let message = format!("Invalid container name {}: up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.", quoted(ct.name));
            sink.push(&c::CONTAINER_NAME_INVALID, &ct.ptr("/name"), message);
        }
        if !ct.name.is_empty() && seen.contains(&ct.name) {
            let message = format!("Duplicate container name {}: container names must be unique within a task definition.", quoted(ct.name));
            sink.push(&c::CONTAINER_NAME_DUPLICATE, &ct.ptr("/name"), message);
        }
        seen.push(ct.name);
        if let Some(problem) = ct.str("image").filter(|i| !i.is_empty()).and_then(image_problem) {
            let message = format!("Invalid image reference {} for container {}: {problem}.", quoted(ct.str("image").unwrap_or_default()), quoted(ct.name));
            sink.push(&c::IMAGE_INVALID, &ct.ptr("/image"), message);
        }
    }
    for (i, tag) in doc.root.get("tags").and_then(Value::as_array).into_iter().flatten().enumerate() {
        for part in ["key", "value"] {
            if let Some(text) = tag.get(part).and_then(Value::as_str).filter(|t| !tag_text_ok(t)) {
                let message = format!("Invalid tag {part} {}: letters, numbers, spaces and _ . : / = + - @ are allowed.", quoted(text));
                sink.push(&c::TAG_INVALID, &format!("/tags/{i}/{part}"), message);
            }
        }
    }
    for member in ["taskRoleArn", "executionRoleArn"] {
        if let Some(role) = doc.str(member).filter(|r| !role_ok(r)) {
            let message = format!("Invalid {member} {}: not an IAM role ARN (arn:aws:iam::<account>:role/<name>).", quoted(role));
            sink.push(&c::ROLE_ARN_INVALID, &format!("/{member}"), message);
        }
    }
    secrets(doc, sink);
    if let Ok(compact) = serde_json::to_string(doc.root)
        && compact.len() > MAX_TASK_DEFINITION_BYTES
    {
        let message = format!("The task definition is {} bytes; the maximum size is {MAX_TASK_DEFINITION_BYTES} bytes (64 KiB).", compact.len());
        sink.push(&c::TASK_SIZE_LIMIT, "", message);
    }
    if doc.root.get("trustedExecutionConfiguration").is_some_and(|v| !v.is_null()) && !doc.compat.contains(&"MANAGED_INSTANCES") {
        sink.push(&c::MANAGED_INSTANCES_ONLY, "/trustedExecutionConfiguration", "trustedExecutionConfiguration is supported only with the MANAGED_INSTANCES launch type.");
    }
}

fn secrets(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    let mut any = None;
    for ct in &doc.containers {
        let lists = [("/secrets", ct.list("secrets")), ("/logConfiguration/secretOptions", ct.object("logConfiguration").and_then(|l| l.get("secretOptions")).and_then(Value::as_array).map_or(&[][..], Vec::as_slice))];
        for (base, list) in lists {
            for (i, secret) in list.iter().enumerate() {
                any.get_or_insert_with(|| ct.ptr(&format!("{base}/{i}")));
                if let Some(from) = secret.get("valueFrom").and_then(Value::as_str).filter(|v| !value_from_ok(v)) {
                    let message = format!("Invalid secret valueFrom {} in container {}: not a Secrets Manager or SSM parameter ARN, nor an SSM parameter name.", quoted(from), quoted(ct.name));
                    sink.push(&c::SECRET_VALUE_FROM, &ct.ptr(&format!("{base}/{i}/valueFrom")), message);
                }
            }
        }
    }
    if let Some(pointer) = any
        && doc.root.get("executionRoleArn").is_none_or(Value::is_null)
    {
        sink.push(&c::SECRETS_EXECUTION_ROLE, &pointer, "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.")
            .explain("(Wording as remembered from the service; not verified.)");
    }
}
