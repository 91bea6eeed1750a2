//! Lifecycle policies (put, get, delete, preview; expiry applied as the clock moves) and repository
//! policies (set, get, delete).

use super::{repo, repo_mut};
use crate::context::Ctx;
use crate::scheduler::Action;
use crate::services::{Call, ServiceError};
use crate::tuning::{self, ACCOUNT_ID};
use crate::world::ecr_lifecycle;
use serde_json::{Value, json};

fn name<'a>(call: &'a Call<'_>) -> &'a str {
    call.req().str("repositoryName").unwrap_or_default()
}

fn no_lifecycle(name: &str) -> ServiceError {
    ServiceError::new(
        "LifecyclePolicyNotFoundException",
        format!("Lifecycle policy does not exist for the repository with name '{name}' in the registry with id '{ACCOUNT_ID}'"),
    )
}

pub fn put_lifecycle(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let text = call.req().str("lifecyclePolicyText").unwrap_or_default().to_string();
    ecr_lifecycle::parse(&text).map_err(ServiceError::invalid_parameter)?;
    let r = ctx.world.region_mut(call.region);
    repo_mut(&mut r.ecr, n)?.lifecycle_policy = Some(text.clone());
    ctx.schedule(tuning::ECR_LIFECYCLE_FIRST_RUN, Action::EcrLifecycle { region: call.region.into(), repository: n.into() });
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "lifecyclePolicyText": text }))
}

pub fn get_lifecycle(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, n)?;
    let text = x.lifecycle_policy.clone().ok_or_else(|| no_lifecycle(n))?;
    let mut out = json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "lifecyclePolicyText": text });
    if let Some(at) = x.lifecycle_evaluated_at {
        out["lastEvaluatedAt"] = json!(at.to_cli_string());
    }
    Ok(out)
}

pub fn delete_lifecycle(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let r = ctx.world.region_mut(call.region);
    let x = repo_mut(&mut r.ecr, n)?;
    let text = x.lifecycle_policy.take().ok_or_else(|| no_lifecycle(n))?;
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "lifecyclePolicyText": text }))
}

/// The preview completes at once: what the policy (the given text, or the repository's) would expire now.
pub fn start_preview(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, n)?;
    let text = match call.req().str("lifecyclePolicyText") {
        Some(t) => t.to_string(),
        None => x.lifecycle_policy.clone().ok_or_else(|| no_lifecycle(n))?,
    };
    ecr_lifecycle::parse(&text).map_err(ServiceError::invalid_parameter)?;
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "lifecyclePolicyText": text, "status": "IN_PROGRESS" }))
}

pub fn get_preview(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let now = ctx.now;
    let r = ctx.world.region_mut(call.region);
    let x = repo(&r.ecr, n)?;
    let text = x.lifecycle_policy.clone().ok_or_else(|| {
        ServiceError::new(
            "LifecyclePolicyPreviewNotFoundException",
            format!("Lifecycle policy preview does not exist for the repository with name '{n}' in the registry with id '{ACCOUNT_ID}'"),
        )
    })?;
    let rules = ecr_lifecycle::parse(&text).map_err(ServiceError::invalid_parameter)?;
    let expired = ecr_lifecycle::expired(&rules, x, now);
    let results: Vec<Value> = expired
        .iter()
        .filter_map(|(d, p)| x.image_by_digest(d).map(|i| (i, p)))
        .map(|(i, p)| json!({
            "imageTags": i.tags,
            "imageDigest": i.digest,
            "imagePushedAt": i.pushed_at.to_cli_string(),
            "action": {"type": "EXPIRE"},
            "appliedRulePriority": p,
        }))
        .collect();
    Ok(json!({
        "registryId": ACCOUNT_ID,
        "repositoryName": n,
        "lifecyclePolicyText": text,
        "status": "COMPLETE",
        "previewResults": results,
        "summary": {"expiringImageTotalCount": results.len()},
    }))
}

pub fn set_repository_policy(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let text = call.req().str("policyText").unwrap_or_default().to_string();
    let doc = crate::iam_policy::PolicyDocument::from_json(&text).map_err(|e| {
        ServiceError::invalid_parameter(format!("Invalid parameter at 'PolicyText' failed to satisfy constraint: '{}'", e.message()))
    })?;
    if doc.statements.iter().any(|s| s.principal.is_none()) {
        return Err(ServiceError::invalid_parameter(
            "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'",
        ));
    }
    let r = ctx.world.region_mut(call.region);
    repo_mut(&mut r.ecr, n)?.policy = Some(text.clone());
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "policyText": text }))
}

fn no_policy(name: &str) -> ServiceError {
    ServiceError::new(
        "RepositoryPolicyNotFoundException",
        format!("Repository policy does not exist for the repository with name '{name}' in the registry with id '{ACCOUNT_ID}'"),
    )
}

pub fn get_repository_policy(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let r = ctx.world.region_mut(call.region);
    let text = repo(&r.ecr, n)?.policy.clone().ok_or_else(|| no_policy(n))?;
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "policyText": text }))
}

pub fn delete_repository_policy(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let r = ctx.world.region_mut(call.region);
    let text = repo_mut(&mut r.ecr, n)?.policy.take().ok_or_else(|| no_policy(n))?;
    Ok(json!({ "registryId": ACCOUNT_ID, "repositoryName": n, "policyText": text }))
}
