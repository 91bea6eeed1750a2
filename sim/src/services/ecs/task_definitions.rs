//! RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies,
//! DeregisterTaskDefinition (ecs-facts.md §1.2 revisions and INACTIVE status).

use super::render;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::services::{Call, ServiceError};
use crate::task_definition::{self, RegisterTaskDefinitionRequest, RequestParseError, attributes};
use serde_json::{Value, json};

/// The rules of §1.10 that registration enforces so far; the full validator applies the rest.
fn check(td: &RegisterTaskDefinitionRequest) -> Result<(), ServiceError> {
    let containers = td.container_definitions.as_deref().unwrap_or_default();
    if containers.is_empty() {
        return Err(ServiceError::client("Container list cannot be empty."));
    }
    for c in containers {
        if c.name.as_deref().unwrap_or_default().is_empty() {
            return Err(ServiceError::client("Container.name should not be null or empty."));
        }
        if c.image.as_deref().unwrap_or_default().is_empty() {
            return Err(ServiceError::client("Container.image should not be null or empty."));
        }
    }
    // On EC2, memory must come from the task or from every container (§1.3).
    if td.memory.is_none() {
        if let Some(c) = containers.iter().find(|c| c.memory.is_none() && c.memory_reservation.is_none()) {
            return Err(ServiceError::client(format!(
                "Invalid setting for container '{}'. At least one of 'memory' or 'memoryReservation' must be specified.",
                c.name.as_deref().unwrap_or_default()
            )));
        }
    }
    Ok(())
}

pub fn register(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let td = task_definition::from_value(call.request.clone()).map_err(|e| match e {
        RequestParseError::ParamValidation { .. } | RequestParseError::NotAMap { .. } => ServiceError::client(e.to_string()),
        other => ServiceError::client(other.to_string()),
    })?;
    check(&td)?;
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
