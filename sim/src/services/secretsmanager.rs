//! AWS Secrets Manager operations: create, read and delete the secrets a task definition's `secrets` point at.

use super::{Call, Handler, ServiceError};
use crate::context::Ctx;
use crate::world::secrets::Secret;
use serde_json::{Value, json};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateSecret" => create,
        "GetSecretValue" => get_value,
        "PutSecretValue" => put_value,
        "DescribeSecret" => describe,
        "ListSecrets" => list,
        "DeleteSecret" => delete,
        _ => return None,
    })
}

fn not_found() -> ServiceError {
    ServiceError::new("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
}

fn id<'a>(call: &'a Call<'_>) -> &'a str {
    call.req().str("SecretId").unwrap_or_default()
}

fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("Name").unwrap_or_default().to_string();
    let value = req.str("SecretString").unwrap_or_default().to_string();
    let suffix: String = ctx.rng.hex(6).chars().enumerate().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c }).collect();
    let version = ctx.rng.uuid();
    let r = ctx.world.region_mut(call.region);
    if r.secrets.secrets.get(&name).is_some_and(|s| s.deleted_at.is_none()) {
        return Err(ServiceError::new("ResourceExistsException", format!("The operation failed because the secret {name} already exists.")));
    }
    let secret = Secret { name: name.clone(), suffix, description: req.str("Description").map(str::to_string), value, version_id: version.clone(), created_at: ctx.now, deleted_at: None };
    let arn = secret.arn(call.region);
    r.secrets.secrets.insert(name.clone(), secret);
    Ok(json!({ "ARN": arn, "Name": name, "VersionId": version }))
}

fn get_value(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    let s = r.secrets.secret(id(call), call.region).ok_or_else(not_found)?;
    Ok(json!({
        "ARN": s.arn(call.region),
        "Name": s.name,
        "VersionId": s.version_id,
        "SecretString": s.value,
        "VersionStages": ["AWSCURRENT"],
        "CreatedDate": s.created_at.to_cli_string(),
    }))
}

fn put_value(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let value = call.req().str("SecretString").unwrap_or_default().to_string();
    let version = ctx.rng.uuid();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let name = r.secrets.secret(id(call), region).map(|s| s.name.clone()).ok_or_else(not_found)?;
    let s = r.secrets.secrets.get_mut(&name).ok_or_else(not_found)?;
    s.value = value;
    s.version_id = version.clone();
    Ok(json!({ "ARN": s.arn(region), "Name": name, "VersionId": version, "VersionStages": ["AWSCURRENT"] }))
}

fn describe_json(s: &Secret, region: &str) -> Value {
    let mut v = json!({ "ARN": s.arn(region), "Name": s.name, "CreatedDate": s.created_at.to_cli_string(), "LastChangedDate": s.created_at.to_cli_string() });
    if let Some(d) = &s.description {
        v["Description"] = json!(d);
    }
    if let Some(at) = s.deleted_at {
        v["DeletedDate"] = json!(at.to_cli_string());
    }
    v
}

fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    let s = r.secrets.secret(id(call), call.region).ok_or_else(not_found)?;
    Ok(describe_json(s, call.region))
}

fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r.secrets.secrets.values().filter(|s| s.deleted_at.is_none()).map(|s| describe_json(s, call.region)).collect();
    Ok(json!({ "SecretList": list }))
}

/// Deletion is scheduled after a recovery window (7–30 days, default 30); the secret cannot be read meanwhile.
fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let days = req.int("RecoveryWindowInDays").unwrap_or(30);
    let now = ctx.now;
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let name = r.secrets.secret(id(call), region).map(|s| s.name.clone()).ok_or_else(not_found)?;
    let s = r.secrets.secrets.get_mut(&name).ok_or_else(not_found)?;
    s.deleted_at = Some(now);
    let deletion = now + crate::clock::SimDuration::minutes(u64::try_from(days).unwrap_or(30) * 24 * 60);
    Ok(json!({ "ARN": s.arn(region), "Name": name, "DeletionDate": deletion.to_cli_string() }))
}
