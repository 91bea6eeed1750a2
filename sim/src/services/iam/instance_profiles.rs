//! Instance profiles: the container that hands a role to an EC2 instance (one role at most).

use super::{check_name, no_such_entity, render};
use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use crate::world::iam::InstanceProfile;
use serde_json::{Value, json};

fn name<'a>(call: &'a Call<'_>) -> &'a str {
    call.req().str("InstanceProfileName").unwrap_or_default()
}

fn missing(name: &str) -> ServiceError {
    no_such_entity(format!("Instance Profile {name} cannot be found."))
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    check_name("instanceProfileName", n, 128)?;
    if ctx.world.iam.instance_profiles.contains_key(n) {
        return Err(ServiceError::new("EntityAlreadyExists", format!("Instance Profile {n} already exists.")));
    }
    let p = InstanceProfile {
        name: n.to_string(),
        path: call.req().str("Path").unwrap_or("/").to_string(),
        profile_id: format!("AIPA{}", ctx.rng.hex(17).to_uppercase()),
        roles: Vec::new(),
        created_at: ctx.now,
    };
    let out = json!({ "InstanceProfile": render::instance_profile(&ctx.world.iam, &p) });
    ctx.world.iam.instance_profiles.insert(n.to_string(), p);
    Ok(out)
}

pub fn get(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let iam = &ctx.world.iam;
    let p = iam.instance_profiles.get(n).ok_or_else(|| missing(n))?;
    Ok(json!({ "InstanceProfile": render::instance_profile(iam, p) }))
}

pub fn list(ctx: &mut Ctx<'_>, _call: &Call<'_>) -> Result<Value, ServiceError> {
    let iam = &ctx.world.iam;
    let list: Vec<Value> = iam.instance_profiles.values().map(|p| render::instance_profile(iam, p)).collect();
    Ok(json!({ "InstanceProfiles": list, "IsTruncated": false }))
}

/// An instance profile holds at most one role (the quota IAM names).
pub fn add_role(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let role = call.req().str("RoleName").unwrap_or_default();
    let iam = &mut ctx.world.iam;
    if !iam.roles.contains_key(role) {
        return Err(no_such_entity(format!("The role with name {role} cannot be found.")));
    }
    let p = iam.instance_profiles.get_mut(n).ok_or_else(|| missing(n))?;
    if !p.roles.is_empty() {
        return Err(ServiceError::new("LimitExceeded", "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"));
    }
    p.roles.push(role.to_string());
    Ok(json!({}))
}

pub fn remove_role(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let role = call.req().str("RoleName").unwrap_or_default();
    let p = ctx.world.iam.instance_profiles.get_mut(n).ok_or_else(|| missing(n))?;
    if !p.roles.iter().any(|r| r == role) {
        return Err(no_such_entity(format!("The role with name {role} cannot be found.")));
    }
    p.roles.retain(|r| r != role);
    Ok(json!({}))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let n = name(call);
    let iam = &mut ctx.world.iam;
    let p = iam.instance_profiles.get(n).ok_or_else(|| missing(n))?;
    if !p.roles.is_empty() {
        return Err(ServiceError::new("DeleteConflict", "Cannot delete entity, must remove roles from instance profile first."));
    }
    iam.instance_profiles.remove(n);
    Ok(json!({}))
}
