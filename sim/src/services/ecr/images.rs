//! DescribeImages, ListImages, BatchDeleteImage, BatchGetImage, StartImageScan, DescribeImageScanFindings.

use super::{render, repo, repo_mut};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::ecr::{EcrImage, Repository};
use serde_json::{Value, json};

/// `imageIds` entries: by digest, by tag, or both.
fn wanted(req: Req<'_>) -> Vec<(Option<String>, Option<String>)> {
    req.list("imageIds")
        .iter()
        .map(|i| {
            (
                i.get("imageDigest").and_then(Value::as_str).map(str::to_string),
                i.get("imageTag").and_then(Value::as_str).map(str::to_string),
            )
        })
        .collect()
}

fn find<'a>(r: &'a Repository, digest: Option<&str>, tag: Option<&str>) -> Option<&'a EcrImage> {
    r.images.iter().find(|i| digest.is_none_or(|d| d == i.digest) && tag.is_none_or(|t| i.tags.iter().any(|x| x == t)))
}

fn not_found(repo: &str, digest: Option<&str>, tag: Option<&str>) -> ServiceError {
    ServiceError::new(
        "ImageNotFoundException",
        format!(
            "The image with imageId {{imageDigest:'{}', imageTag:'{}'}} does not exist within the repository with name '{repo}' in the registry with id '{ACCOUNT_ID}'",
            digest.unwrap_or("null"),
            tag.unwrap_or("null")
        ),
    )
}

fn tag_status_ok(i: &EcrImage, status: Option<&str>) -> bool {
    match status {
        Some("TAGGED") => !i.tags.is_empty(),
        Some("UNTAGGED") => i.tags.is_empty(),
        _ => true,
    }
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let status = req.at("filter").str("tagStatus");
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, name)?;
    let ids = wanted(req);
    let list: Vec<Value> = if ids.is_empty() {
        x.images.iter().filter(|i| tag_status_ok(i, status)).map(|i| render::image_detail(x, i)).collect()
    } else {
        ids.iter()
            .map(|(d, t)| find(x, d.as_deref(), t.as_deref()).map(|i| render::image_detail(x, i)).ok_or_else(|| not_found(name, d.as_deref(), t.as_deref())))
            .collect::<Result<_, _>>()?
    };
    Ok(json!({ "imageDetails": list }))
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let status = req.at("filter").str("tagStatus");
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, name)?;
    let mut ids = Vec::new();
    for i in x.images.iter().filter(|i| tag_status_ok(i, status)) {
        if i.tags.is_empty() {
            ids.push(render::image_id(i, None));
        }
        for t in &i.tags {
            ids.push(render::image_id(i, Some(t)));
        }
    }
    Ok(json!({ "imageIds": ids }))
}

/// Deleting by tag removes the tag; an image left without tags is deleted (ECR's BatchDeleteImage).
pub fn batch_delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let ids = wanted(req);
    let r = ctx.world.region_mut(call.region);
    let x = repo_mut(&mut r.ecr, name)?;
    let mut deleted = Vec::new();
    let mut failures = Vec::new();
    for (d, t) in ids {
        let Some(pos) = x.images.iter().position(|i| d.as_deref().is_none_or(|dd| dd == i.digest) && t.as_deref().is_none_or(|tt| i.tags.iter().any(|x| x == tt))) else {
            let mut id = json!({});
            if let Some(d) = &d {
                id["imageDigest"] = json!(d);
            }
            if let Some(t) = &t {
                id["imageTag"] = json!(t);
            }
            failures.push(json!({"imageId": id, "failureCode": "ImageNotFound", "failureReason": "Requested image not found"}));
            continue;
        };
        let digest = x.images[pos].digest.clone();
        match &t {
            Some(tag) if d.is_none() => {
                x.images[pos].tags.retain(|x| x != tag);
                deleted.push(json!({"imageDigest": digest, "imageTag": tag}));
                if x.images[pos].tags.is_empty() {
                    x.images.remove(pos);
                }
            }
            _ => {
                let image = x.images.remove(pos);
                if image.tags.is_empty() {
                    deleted.push(json!({"imageDigest": digest}));
                }
                for tag in image.tags {
                    deleted.push(json!({"imageDigest": digest, "imageTag": tag}));
                }
            }
        }
    }
    Ok(json!({ "imageIds": deleted, "failures": failures }))
}

pub fn batch_get(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let ids = wanted(req);
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, name)?;
    let mut images = Vec::new();
    let mut failures = Vec::new();
    for (d, t) in ids {
        match find(x, d.as_deref(), t.as_deref()) {
            Some(i) => images.push(json!({
                "registryId": ACCOUNT_ID,
                "repositoryName": name,
                "imageId": {"imageDigest": i.digest, "imageTag": t.clone().or_else(|| i.tags.first().cloned())},
                "imageManifest": render::manifest(i),
                "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
            })),
            None => failures.push(json!({
                "imageId": {"imageDigest": d, "imageTag": t},
                "failureCode": "ImageNotFound",
                "failureReason": "Requested image not found",
            })),
        }
    }
    Ok(json!({ "images": images, "failures": failures }))
}

pub fn start_scan(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let id = req.at("imageId");
    let (d, t) = (id.str("imageDigest"), id.str("imageTag"));
    let now = ctx.now;
    let r = ctx.world.region_mut(call.region);
    let x = repo_mut(&mut r.ecr, name)?;
    let Some(image) = x.images.iter_mut().find(|i| d.is_none_or(|dd| dd == i.digest) && t.is_none_or(|tt| i.tags.iter().any(|x| x == tt))) else {
        return Err(not_found(name, d, t));
    };
    image.scan = Some(crate::world::ecr_scan::scan(image, now));
    Ok(json!({
        "registryId": ACCOUNT_ID,
        "repositoryName": name,
        "imageId": render::image_id(image, t),
        "imageScanStatus": {"status": "IN_PROGRESS"},
    }))
}

pub fn scan_findings(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let id = req.at("imageId");
    let (d, t) = (id.str("imageDigest"), id.str("imageTag"));
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, name)?;
    let image = find(x, d, t).ok_or_else(|| not_found(name, d, t))?;
    let Some(scan) = &image.scan else {
        return Err(ServiceError::new(
            "ScanNotFoundException",
            format!("Image scan does not exist for the image with '{{imageDigest:'{}', imageTag:'{}'}}' in the repository with name '{name}' in the registry with id '{ACCOUNT_ID}'", image.digest, t.unwrap_or("null")),
        ));
    };
    let findings: Vec<Value> = scan
        .findings
        .iter()
        .map(|(n, sev, pkg)| json!({
            "name": n,
            "uri": format!("https://security-tracker.debian.org/tracker/{n}"),
            "severity": sev,
            "attributes": [{"key": "package_name", "value": pkg}],
        }))
        .collect();
    Ok(json!({
        "registryId": ACCOUNT_ID,
        "repositoryName": name,
        "imageId": render::image_id(image, t),
        "imageScanStatus": {"status": scan.status, "description": "The scan was completed successfully."},
        "imageScanFindings": {
            "imageScanCompletedAt": scan.completed_at.to_cli_string(),
            "vulnerabilitySourceUpdatedAt": scan.completed_at.to_cli_string(),
            "findingSeverityCounts": scan.counts,
            "findings": findings,
        },
    }))
}
