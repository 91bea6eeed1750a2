//! RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies,
//! DeregisterTaskDefinition (ecs-facts.md §1.2 revisions and INACTIVE status).

use super::render;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::services::{Call, ServiceError};
use crate::task_definition::{self, attributes};
use serde_json::{Value, json};

/// Registration runs the same validator as the editor and `ecs-sim validate` (issue 3): the first error it
/// finds is the ClientException ECS would answer with.
pub fn register(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let report = crate::validate::validate_value(call.request);
    if let Some((_, text)) = report.aws_error() {
        return Err(ServiceError::client(text));
    }
    let td = task_definition::from_value(call.request.clone()).map_err(|e| ServiceError::client(e.to_string()))?;
    let compat = attributes::compatibilities(&td);
    let required = attributes::requires_attributes(&td);
    let tags: Vec<Value> = td.tags.iter().flatten().map(|t| json!({"key": t.key, "value": t.value})).collect();
    let now = ctx.now;
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let registered = r.ecs.task_definitions.register(region, td, now, compat, required);
    let body = render::task_definition(registered);
    let (family, revision) = (registered.family.clone(), registered.revision);
    ctx.emit(EventKind::TaskDefinitionRegistered { region: region.into(), family, revision });
    Ok(json!({ "taskDefinition": body, "tags": tags }))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let key = req.str("taskDefinition").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    // Wording: https://github.com/sil-org/ecs-deploy/issues/145 (the service's reply for a name it lacks).
    let found = r.ecs.task_definitions.resolve(key, true).map_err(|_| ServiceError::client("Unable to describe task definition."))?;
    let mut out = json!({ "taskDefinition": render::task_definition(found) });
    if req.strings("include").contains(&"TAGS") {
        out["tags"] = Value::Array(
            found.request.tags.iter().flatten().map(|t| json!({"key": t.key, "value": t.value})).collect(),
        );
    }
    Ok(out)
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let prefix = req.str("familyPrefix");
    let status = req.str("status").unwrap_or("ACTIVE");
    let descending = req.str("sort") == Some("DESC");
    let r = ctx.world.region_mut(call.region);
    let mut arns: Vec<String> = r
        .ecs
        .task_definitions
        .all()
        .filter(|t| prefix.is_none_or(|p| t.family == p))
        .filter(|t| t.status() == status)
        .map(|t| t.arn())
        .collect();
    if descending {
        arns.reverse();
    }
    Ok(json!({ "taskDefinitionArns": arns }))
}

pub fn list_families(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let prefix = req.str("familyPrefix").unwrap_or_default();
    let status = req.str("status").unwrap_or("ACTIVE");
    let r = ctx.world.region_mut(call.region);
    let families: Vec<&str> = r
        .ecs
        .task_definitions
        .families()
        .filter(|(name, _)| name.starts_with(prefix))
        .filter(|(_, revs)| {
            let any_active = revs.iter().any(|r| r.active);
            match status {
                "ACTIVE" => any_active,
                "INACTIVE" => !any_active,
                _ => true,
            }
        })
        .map(|(name, _)| name)
        .collect();
    Ok(json!({ "families": families }))
}

pub fn deregister(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let key = call.req().str("taskDefinition").unwrap_or_default();
    if !key.contains(':') {
        // A family alone is refused: a revision must be named. (Wording as remembered from the service; not in
        // the reference.)
        return Err(ServiceError::client("Invalid revision number. Number: ".to_string() + key));
    }
    let now = ctx.now;
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let found = r.ecs.task_definitions.resolve_mut(key).ok_or_else(|| ServiceError::client("The specified task definition does not exist."))?;
    let changed = found.active;
    if found.active {
        found.active = false;
        found.deregistered_at = Some(now);
    }
    let body = render::task_definition(found);
    let (family, revision) = (found.family.clone(), found.revision);
    if changed {
        ctx.emit(EventKind::TaskDefinitionDeregistered { region: region.into(), family, revision });
    }
    Ok(json!({ "taskDefinition": body }))
}
