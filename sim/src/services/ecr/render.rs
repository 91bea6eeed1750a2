//! ECR objects as the API returns them.

use crate::world::ecr::{EcrImage, Repository};
use crate::tuning::ACCOUNT_ID;
use serde_json::{Value, json};

pub fn repository(r: &Repository, region: &str) -> Value {
    let mut v = json!({
        "repositoryArn": r.arn(region),
        "registryId": ACCOUNT_ID,
        "repositoryName": r.name,
        "repositoryUri": r.uri(region),
        "createdAt": r.created_at.to_cli_string(),
        "imageTagMutability": r.tag_mutability,
        "imageScanningConfiguration": {"scanOnPush": r.scan_on_push},
        "encryptionConfiguration": {"encryptionType": r.encryption_type},
    });
    if let Some(k) = &r.kms_key {
        v["encryptionConfiguration"]["kmsKey"] = json!(k);
    }
    if !r.mutability_exclusions.is_empty() {
        v["imageTagMutabilityExclusionFilters"] = Value::Array(
            r.mutability_exclusions.iter().map(|f| json!({"filterType": "WILDCARD", "filter": f})).collect(),
        );
    }
    v
}

pub fn image_id(i: &EcrImage, tag: Option<&str>) -> Value {
    let mut v = json!({"imageDigest": i.digest});
    if let Some(t) = tag {
        v["imageTag"] = json!(t);
    }
    v
}

pub fn image_detail(r: &Repository, i: &EcrImage) -> Value {
    let mut v = json!({
        "registryId": ACCOUNT_ID,
        "repositoryName": r.name,
        "imageDigest": i.digest,
        "imageSizeInBytes": i.size_bytes,
        "imagePushedAt": i.pushed_at.to_cli_string(),
        "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "artifactMediaType": "application/vnd.docker.container.image.v1+json",
    });
    if !i.tags.is_empty() {
        v["imageTags"] = json!(i.tags);
    }
    if let Some(at) = i.last_pulled {
        v["lastRecordedPullTime"] = json!(at.to_cli_string());
    }
    if let Some(s) = &i.scan {
        v["imageScanStatus"] = json!({"status": s.status, "description": "The scan was completed successfully."});
        v["imageScanFindingsSummary"] = json!({
            "imageScanCompletedAt": s.completed_at.to_cli_string(),
            "vulnerabilitySourceUpdatedAt": s.completed_at.to_cli_string(),
            "findingSeverityCounts": s.counts,
        });
    }
    v
}

/// The image manifest BatchGetImage returns (Docker manifest v2, schema 2).
pub fn manifest(i: &EcrImage) -> String {
    let layers: Vec<Value> = i
        .layers
        .iter()
        .map(|l| json!({"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": l.size, "digest": l.digest}))
        .collect();
    json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1470, "digest": i.config_digest},
        "layers": layers,
    })
    .to_string()
}
