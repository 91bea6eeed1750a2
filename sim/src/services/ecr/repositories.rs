//! CreateRepository, DescribeRepositories, DeleteRepository, PutImageTagMutability,
//! PutImageScanningConfiguration, and repository tags.

use super::{check_registry, render, repo, repo_mut, repository_not_found};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::ecr::Repository;
use serde_json::{Value, json};

/// The pattern ECR names in its error (its API model's `RepositoryName` pattern).
const NAME_PATTERN: &str = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";

/// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` per path component, components joined by `/` (ecs-facts.md §6).
pub fn valid_name(name: &str) -> bool {
    (2..=256).contains(&name.len())
        && name.split('/').all(|part| {
            let b = part.as_bytes();
            if b.is_empty() || !b[0].is_ascii_alphanumeric() || !b[b.len() - 1].is_ascii_alphanumeric() {
                return false;
            }
            let mut i = 0;
            while i < b.len() {
                let c = b[i];
                if c.is_ascii_lowercase() || c.is_ascii_digit() {
                    i += 1;
                    continue;
                }
                // A separator run: `.`, `_`, `__` or one or more `-`, followed by [a-z0-9].
                let run = b[i..].iter().take_while(|x| !x.is_ascii_alphanumeric()).count();
                if run == 0 {
                    // An uppercase letter (or any other alphanumeric that is not [a-z0-9]).
                    return false;
                }
                let sep = &part[i..i + run];
                let ok = sep == "." || sep == "_" || sep == "__" || sep.chars().all(|x| x == '-');
                if !ok {
                    return false;
                }
                i += run;
            }
            true
        })
}

fn tags(req: Req<'_>) -> Vec<(String, String)> {
    req.list("tags")
        .iter()
        .filter_map(|t| Some((t.get("Key")?.as_str()?.to_string(), t.get("Value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect()
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_registry(req.str("registryId"))?;
    let name = req.str("repositoryName").unwrap_or_default();
    if !valid_name(name) {
        return Err(ServiceError::invalid_parameter(format!(
            "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '{NAME_PATTERN}''"
        )));
    }
    let tag_list = tags(req);
    if tag_list.len() > 50 {
        return Err(ServiceError::new("TooManyTagsException", "Tag limit exceeded: a resource can have at most 50 tags."));
    }
    let enc = req.at("encryptionConfiguration");
    let r = ctx.world.region_mut(call.region);
    if r.ecr.repositories.contains_key(name) {
        return Err(ServiceError::new(
            "RepositoryAlreadyExistsException",
            format!("The repository with name '{name}' already exists in the registry with id '{ACCOUNT_ID}'"),
        ));
    }
    let repository = Repository {
        name: name.to_string(),
        created_at: ctx.now,
        tag_mutability: req.str("imageTagMutability").unwrap_or("MUTABLE").to_string(),
        mutability_exclusions: req
            .list("imageTagMutabilityExclusionFilters")
            .iter()
            .filter_map(|f| f.get("filter").and_then(Value::as_str).map(str::to_string))
            .collect(),
        scan_on_push: req.at("imageScanningConfiguration").bool("scanOnPush").unwrap_or(false),
        encryption_type: enc.str("encryptionType").unwrap_or("AES256").to_string(),
        kms_key: enc.str("kmsKey").map(str::to_string),
        tags: tag_list,
        images: Vec::new(),
        lifecycle_policy: None,
        lifecycle_evaluated_at: None,
        policy: None,
        uploaded_layers: Default::default(),
    };
    let out = json!({ "repository": render::repository(&repository, call.region) });
    r.ecr.repositories.insert(name.to_string(), repository);
    ctx.emit(crate::events::EventKind::EcrRepositoryCreated { region: call.region.into(), repository: name.into() });
    Ok(out)
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_registry(req.str("registryId"))?;
    let r = ctx.world.region_mut(call.region);
    let names = req.strings("repositoryNames");
    let list: Vec<Value> = if names.is_empty() {
        r.ecr.repositories.values().map(|x| render::repository(x, call.region)).collect()
    } else {
        names.iter().map(|n| repo(&r.ecr, n).map(|x| render::repository(x, call.region))).collect::<Result<_, _>>()?
    };
    Ok(json!({ "repositories": list }))
}

/// A repository with images is deleted only with `--force` (`RepositoryNotEmptyException`, §6).
pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_registry(req.str("registryId"))?;
    let name = req.str("repositoryName").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, name)?;
    if !x.images.is_empty() && req.bool("force") != Some(true) {
        return Err(ServiceError::new(
            "RepositoryNotEmptyException",
            format!("The repository with name '{name}' in registry with id '{ACCOUNT_ID}' cannot be deleted because it still contains images"),
        ));
    }
    let out = json!({ "repository": render::repository(x, call.region) });
    r.ecr.repositories.remove(name);
    ctx.emit(crate::events::EventKind::EcrRepositoryDeleted { region: call.region.into(), repository: name.into() });
    Ok(out)
}

pub fn put_tag_mutability(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let mutability = req.str("imageTagMutability").unwrap_or("MUTABLE").to_string();
    let r = ctx.world.region_mut(call.region);
    let x = repo_mut(&mut r.ecr, name)?;
    x.tag_mutability = mutability.clone();
    x.mutability_exclusions = req
        .list("imageTagMutabilityExclusionFilters")
        .iter()
        .filter_map(|f| f.get("filter").and_then(Value::as_str).map(str::to_string))
        .collect();
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": name, "imageTagMutability": mutability }))
}

pub fn put_scanning(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("repositoryName").unwrap_or_default();
    let scan = req.at("imageScanningConfiguration").bool("scanOnPush").unwrap_or(false);
    let r = ctx.world.region_mut(call.region);
    repo_mut(&mut r.ecr, name)?.scan_on_push = scan;
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": name, "imageScanningConfiguration": {"scanOnPush": scan} }))
}

fn name_from_arn(arn: &str) -> &str {
    arn.split_once(":repository/").map_or(arn, |(_, n)| n)
}

pub fn tag(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = name_from_arn(req.str("resourceArn").unwrap_or_default());
    let new = tags(req);
    let r = ctx.world.region_mut(call.region);
    let x = r.ecr.repositories.get_mut(name).ok_or_else(|| repository_not_found(name))?;
    for (k, v) in new {
        x.tags.retain(|(ek, _)| *ek != k);
        x.tags.push((k, v));
    }
    if x.tags.len() > 50 {
        return Err(ServiceError::new("TooManyTagsException", "Tag limit exceeded: a resource can have at most 50 tags."));
    }
    Ok(json!({}))
}

pub fn untag(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = name_from_arn(req.str("resourceArn").unwrap_or_default());
    let keys = req.strings("tagKeys");
    let r = ctx.world.region_mut(call.region);
    let x = r.ecr.repositories.get_mut(name).ok_or_else(|| repository_not_found(name))?;
    x.tags.retain(|(k, _)| !keys.contains(&k.as_str()));
    Ok(json!({}))
}

pub fn list_tags(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = name_from_arn(call.req().str("resourceArn").unwrap_or_default());
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, name)?;
    Ok(json!({ "tags": x.tags.iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect::<Vec<_>>() }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn repository_names_fact_6() {
        for ok in ["web", "project-a/nginx-web-app", "a__b", "a--b", "a.b/c_d"] {
            assert!(super::valid_name(ok), "{ok}");
        }
        for bad in ["Web", "a", "-web", "web-", "a/", "a//b", "a._b", "a___b"] {
            assert!(!super::valid_name(bad), "{bad}");
        }
    }
}
