//! Volumes (§1.9): mount points name declared volumes, host paths (none on Fargate, never
//! blank), unique names, EFS's transit-encryption conditions, and Docker volume scope.

use serde_json::Value;

use super::{Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::fixes;
use crate::validate::sink::{FindingExt, Sink};

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    let names: Vec<&str> = doc.volumes().filter_map(|(_, v)| v.get("name").and_then(Value::as_str)).collect();
    for ct in &doc.containers {
        for (i, mp) in ct.objects("mountPoints") {
            let Some(source) = mp.get("sourceVolume").and_then(Value::as_str) else { continue };
            if !names.contains(&source) {
                sink.push(&c::MOUNT_POINT_VOLUME, &ct.ptr(&format!("/mountPoints/{i}/sourceVolume")), format!("Unknown volume {}.", quoted(source)));
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, volume) in doc.volumes() {
        let name = volume.get("name").and_then(Value::as_str).unwrap_or_default();
        if !name.is_empty() && seen.contains(&name) {
            sink.push(&c::VOLUME_NAME_DUPLICATE, &format!("/volumes/{i}/name"), format!("Duplicate volume name {}: volume names must be unique.", quoted(name)));
        }
        seen.push(name);
        if let Some(path) = volume.get("host").and_then(|h| h.get("sourcePath")).and_then(Value::as_str) {
            let pointer = format!("/volumes/{i}/host/sourcePath");
            let fix = fixes::edits_fix("Remove sourcePath (a scratch volume)", fixes::remove(sink.map, std::slice::from_ref(&pointer)));
            if path.trim().is_empty() {
                sink.push(&c::HOST_SOURCE_PATH_BLANK, &pointer, "host.sourcePath should not be blank.").with_fix(fix);
            } else if doc.fargate() {
                sink.push(&c::FARGATE_SOURCE_PATH, &pointer, "Fargate compatible task definitions do not support sourcePath").with_fix(fix);
            }
        }
        if let Some(efs) = volume.get("efsVolumeConfiguration").and_then(Value::as_object) {
            let base = format!("/volumes/{i}/efsVolumeConfiguration");
            let auth = efs.get("authorizationConfig");
            let access_point = auth.and_then(|a| a.get("accessPointId")).and_then(Value::as_str).filter(|s| !s.is_empty());
            let iam = auth.and_then(|a| a.get("iam")).and_then(Value::as_str) == Some("ENABLED");
            let encrypted = efs.get("transitEncryption").and_then(Value::as_str) == Some("ENABLED");
            if (access_point.is_some() || iam) && !encrypted {
                let why = if access_point.is_some() { "an access point" } else { "IAM authorization" };
                let message = format!("Volume {}: transitEncryption must be ENABLED when using {why}.", quoted(name));
                let fix = match efs.get("transitEncryption") {
                    Some(_) => fixes::set_value(sink.map, &format!("{base}/transitEncryption"), "\"ENABLED\""),
                    None => fixes::insert_member(sink.text, sink.map, &base, "transitEncryption", "\"ENABLED\""),
                };
                sink.push(&c::EFS_TRANSIT_ENCRYPTION, &base, message)
                    .with_fix(fix.and_then(|e| fixes::edits_fix("Enable transit encryption", vec![e])));
            }
            let root = efs.get("rootDirectory").and_then(Value::as_str);
            if access_point.is_some() && root.is_some_and(|r| r != "/") {
                let message = format!("Volume {}: rootDirectory must be omitted or \"/\" when an access point is used.", quoted(name));
                sink.push(&c::EFS_ACCESS_POINT_ROOT, &format!("{base}/rootDirectory"), message);
            }
            if doc.compat.contains(&"EXTERNAL") {
                sink.push(&c::EXTERNAL_EFS, &base, format!("Volume {}: EFS volumes are not supported on EXTERNAL instances.", quoted(name)));
            }
        }
        let docker = volume.get("dockerVolumeConfiguration");
        let autoprovision = docker.and_then(|d| d.get("autoprovision")).and_then(Value::as_bool) == Some(true);
        if autoprovision && docker.and_then(|d| d.get("scope")).and_then(Value::as_str) != Some("shared") {
            let message = format!("Volume {}: autoprovision has no effect unless scope is shared.", quoted(name));
            sink.push(&c::DOCKER_AUTOPROVISION_SCOPE, &format!("/volumes/{i}/dockerVolumeConfiguration/autoprovision"), message);
        }
    }
}
