//! PutImage: tags an image by its manifest without pulling and pushing it — the documented way to retag an
//! image in ECR (`batch-get-image` for the manifest, then `put-image --image-tag`). The refusals are ECR's
//! (ecs-facts.md §6): `ImageTagAlreadyExistsException` for a tag of an immutable repository that names
//! another image, `ImageAlreadyExistsException` for a manifest and tag already there (aws/aws-sdk#750).
//!
//! The sandbox's registry holds only manifests pushed with `docker push`, so a manifest must be one of the
//! repository's images (compared as JSON); any other manifest answers `LayersNotFoundException`, since its
//! layers were never uploaded.

use super::{render, repo_mut};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::services::{Call, ServiceError};
use crate::tuning::ACCOUNT_ID;
use serde_json::{Value, json};

pub fn put(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default().to_string();
    let text = req.str("imageManifest").unwrap_or_default();
    let tag = req.str("imageTag").map(str::to_string);
    let wanted_digest = req.str("imageDigest");
    let invalid = |m: &str| ServiceError::new("InvalidParameterException", format!("Invalid parameter at 'ImageManifest' failed to satisfy constraint: '{m}'"));
    let given: Value = serde_json::from_str(text).map_err(|_| invalid("Invalid JSON syntax"))?;
    let layer_digests: Vec<String> = given
        .get("layers")
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(|x| x.get("digest")?.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let repo = repo_mut(&mut r.ecr, &name)?;
    let Some(index) = repo.images.iter().position(|i| serde_json::from_str::<Value>(&render::manifest(i)).is_ok_and(|m| m == given)) else {
        return Err(ServiceError::new(
            "LayersNotFoundException",
            format!(
                "Layers with digests '{layer_digests:?}' required for pushing image into repository with name '{name}' in registry with id '{ACCOUNT_ID}' do not exist"
            ),
        ));
    };
    let digest = repo.images[index].digest.clone();
    if let Some(d) = wanted_digest.filter(|d| *d != digest) {
        return Err(ServiceError::new(
            "ImageDigestDoesNotMatchException",
            format!("Invalid parameter at 'imageDigest' failed to satisfy constraint: 'provided digest {d} does not match the image manifest digest {digest}'"),
        ));
    }
    if let Some(t) = &tag {
        if repo.images[index].tags.contains(t) {
            return Err(ServiceError::new(
                "ImageAlreadyExistsException",
                format!("Image with digest '{digest}' and tag '{t}' already exists in the repository with name '{name}' in registry with id '{ACCOUNT_ID}'"),
            ));
        }
        if repo.tag_is_immutable(t) && repo.image_by_tag(t).is_some() {
            return Err(ServiceError::new(
                "ImageTagAlreadyExistsException",
                format!("The image tag '{t}' already exists in the '{name}' repository and cannot be overwritten because the repository is immutable."),
            ));
        }
        for other in repo.images.iter_mut() {
            other.tags.retain(|x| x != t);
        }
        repo.images[index].tags.push(t.clone());
    } else {
        return Err(ServiceError::new(
            "ImageAlreadyExistsException",
            format!("Image with digest '{digest}' and tag 'null' already exists in the repository with name '{name}' in registry with id '{ACCOUNT_ID}'"),
        ));
    }
    let manifest = render::manifest(&repo.images[index]);
    let region = call.region.to_string();
    ctx.emit(EventKind::EcrImagePushed { region, repository: name.clone(), digest: digest.clone(), tags: tag.clone().into_iter().collect() });
    Ok(json!({
        "image": {
            "registryId": ACCOUNT_ID,
            "repositoryName": name,
            "imageId": {"imageDigest": digest, "imageTag": tag},
            "imageManifest": manifest,
            "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
        }
    }))
}
