//! CreateRole, GetRole, DeleteRole, ListRoles, UpdateAssumeRolePolicy, attached and inline role policies,
//! CreateServiceLinkedRole.

use super::{check_name, malformed, no_such_entity, render};
use crate::context::Ctx;
use crate::iam_policy::{managed_policy_by_arn, parse_identity_policy, parse_trust_policy};
use crate::services::{Call, ServiceError};
use crate::world::iam::Role;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn role_name<'a>(call: &'a Call<'_>) -> &'a str {
    call.req().str("RoleName").unwrap_or_default()
}

fn missing_role(name: &str) -> ServiceError {
    no_such_entity(format!("The role with name {name} cannot be found."))
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = role_name(call);
    check_name("roleName", name, 64)?;
    if ctx.world.iam.roles.contains_key(name) {
        return Err(ServiceError::new("EntityAlreadyExists", format!("Role with name {name} already exists.")));
    }
    let trust = parse_trust_policy(req.str("AssumeRolePolicyDocument").unwrap_or_default()).map_err(|e| malformed(&e))?;
    let role = Role {
        name: name.to_string(),
        path: req.str("Path").unwrap_or("/").to_string(),
        role_id: format!("AROA{}", ctx.rng.hex(17).to_uppercase()),
        description: req.str("Description").map(str::to_string),
        trust,
        attached: Vec::new(),
        inline: BTreeMap::new(),
        max_session_duration: req.int("MaxSessionDuration").unwrap_or(3600),
        tags: req
            .list("Tags")
            .iter()
            .filter_map(|t| Some((t.get("Key")?.as_str()?.to_string(), t.get("Value")?.as_str()?.to_string())))
            .collect(),
        created_at: ctx.now,
    };
    let out = json!({ "Role": render::role(&role, false) });
    ctx.world.iam.roles.insert(name.to_string(), role);
    Ok(out)
}

/// AWS service-linked roles: `ecs.amazonaws.com` gives `AWSServiceRoleForECS`.
pub fn create_service_linked(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let service = call.req().str("AWSServiceName").unwrap_or_default();
    let (name, policy) = match service {
        "ecs.amazonaws.com" => ("AWSServiceRoleForECS", "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy"),
        "ecs.application-autoscaling.amazonaws.com" => (
            "AWSServiceRoleForApplicationAutoScaling_ECSService",
            "arn:aws:iam::aws:policy/aws-service-role/AWSApplicationAutoscalingECSServicePolicy",
        ),
        other => return Err(ServiceError::new("InvalidInput", format!("Service role name {other} not found"))),
    };
    if ctx.world.iam.roles.contains_key(name) {
        return Err(ServiceError::new(
            "InvalidInput",
            format!("Service role name {name} has been taken in this account, please try a different suffix."),
        ));
    }
    let trust_text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Service":"{service}"}},"Action":"sts:AssumeRole"}}]}}"#
    );
    let trust = parse_trust_policy(&trust_text).map_err(|e| malformed(&e))?;
    let role = Role {
        name: name.into(),
        path: format!("/aws-service-role/{service}/"),
        role_id: format!("AROA{}", ctx.rng.hex(17).to_uppercase()),
        description: None,
        trust,
        attached: vec![policy.into()],
        inline: BTreeMap::new(),
        max_session_duration: 3600,
        tags: Vec::new(),
        created_at: ctx.now,
    };
    let out = json!({ "Role": render::role(&role, false) });
    ctx.world.iam.roles.insert(name.into(), role);
    Ok(out)
}

pub fn get(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let role = ctx.world.iam.roles.get(name).ok_or_else(|| missing_role(name))?;
    Ok(json!({ "Role": render::role(role, true) }))
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let prefix = call.req().str("PathPrefix").unwrap_or("/");
    let roles: Vec<Value> = ctx.world.iam.roles.values().filter(|r| r.path.starts_with(prefix)).map(|r| render::role(r, false)).collect();
    Ok(json!({ "Roles": roles }))
}

/// A role cannot be deleted while policies are attached or inline, or while it is in an instance profile.
pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let iam = &mut ctx.world.iam;
    let role = iam.roles.get(name).ok_or_else(|| missing_role(name))?;
    let conflict = |m: &str| ServiceError::new("DeleteConflict", m.to_string());
    if iam.instance_profiles.values().any(|p| p.roles.iter().any(|r| r == name)) {
        return Err(conflict("Cannot delete entity, must remove roles from instance profile first."));
    }
    if !role.attached.is_empty() {
        return Err(conflict("Cannot delete entity, must detach all policies first."));
    }
    if !role.inline.is_empty() {
        return Err(conflict("Cannot delete entity, must delete policies first."));
    }
    iam.roles.remove(name);
    Ok(json!({}))
}

pub fn update_trust(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let trust = parse_trust_policy(call.req().str("PolicyDocument").unwrap_or_default()).map_err(|e| malformed(&e))?;
    let role = ctx.world.iam.roles.get_mut(name).ok_or_else(|| missing_role(name))?;
    role.trust = trust;
    Ok(json!({}))
}

pub fn attach(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let arn = call.req().str("PolicyArn").unwrap_or_default().to_string();
    let iam = &mut ctx.world.iam;
    if !iam.policies.contains_key(&arn) && managed_policy_by_arn(&arn).is_none() {
        return Err(no_such_entity(format!("Policy {arn} does not exist or is not attachable.")));
    }
    let role = iam.roles.get_mut(name).ok_or_else(|| missing_role(name))?;
    if !role.attached.contains(&arn) {
        role.attached.push(arn);
    }
    Ok(json!({}))
}

pub fn detach(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let arn = call.req().str("PolicyArn").unwrap_or_default();
    let role = ctx.world.iam.roles.get_mut(name).ok_or_else(|| missing_role(name))?;
    let before = role.attached.len();
    role.attached.retain(|a| a != arn);
    if role.attached.len() == before {
        return Err(no_such_entity(format!("Policy {arn} was not found.")));
    }
    Ok(json!({}))
}

pub fn list_attached(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let role = ctx.world.iam.roles.get(name).ok_or_else(|| missing_role(name))?;
    let list: Vec<Value> = role
        .attached
        .iter()
        .map(|arn| json!({"PolicyName": arn.rsplit('/').next().unwrap_or(arn), "PolicyArn": arn}))
        .collect();
    Ok(json!({ "AttachedPolicies": list, "IsTruncated": false }))
}

pub fn put_inline(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = role_name(call);
    let policy_name = req.str("PolicyName").unwrap_or_default();
    check_name("policyName", policy_name, 128)?;
    let doc = parse_identity_policy(req.str("PolicyDocument").unwrap_or_default()).map_err(|e| malformed(&e))?;
    let role = ctx.world.iam.roles.get_mut(name).ok_or_else(|| missing_role(name))?;
    role.inline.insert(policy_name.to_string(), doc);
    Ok(json!({}))
}

pub fn get_inline(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let policy_name = call.req().str("PolicyName").unwrap_or_default();
    let role = ctx.world.iam.roles.get(name).ok_or_else(|| missing_role(name))?;
    let doc = role
        .inline
        .get(policy_name)
        .ok_or_else(|| no_such_entity(format!("The role policy with name {policy_name} cannot be found.")))?;
    Ok(json!({ "RoleName": name, "PolicyName": policy_name, "PolicyDocument": render::document(doc) }))
}

pub fn delete_inline(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let policy_name = call.req().str("PolicyName").unwrap_or_default();
    let role = ctx.world.iam.roles.get_mut(name).ok_or_else(|| missing_role(name))?;
    role.inline
        .remove(policy_name)
        .ok_or_else(|| no_such_entity(format!("The role policy with name {policy_name} cannot be found.")))?;
    Ok(json!({}))
}

pub fn list_inline(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = role_name(call);
    let role = ctx.world.iam.roles.get(name).ok_or_else(|| missing_role(name))?;
    Ok(json!({ "PolicyNames": role.inline.keys().collect::<Vec<_>>(), "IsTruncated": false }))
}
