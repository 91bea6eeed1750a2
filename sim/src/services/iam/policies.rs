//! GetPolicy, GetPolicyVersion, ListPolicies, CreatePolicy, DeletePolicy (customer managed and AWS managed
//! policies), and SimulatePrincipalPolicy, which evaluates a role's policies for given actions.

use super::{check_name, malformed, no_such_entity, render};
use crate::context::Ctx;
use crate::iam_policy::{self, Decision, managed_policies, managed_policy_by_arn, parse_identity_policy};
use crate::services::{Call, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::iam::{CustomerPolicy, Iam};
use serde_json::{Value, json};

fn attachments(iam: &Iam, arn: &str) -> usize {
    iam.roles.values().filter(|r| r.attached.iter().any(|a| a == arn)).count()
}

fn missing(arn: &str) -> ServiceError {
    no_such_entity(format!("Policy {arn} was not found."))
}

pub fn get(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("PolicyArn").unwrap_or_default();
    let iam = &ctx.world.iam;
    if let Some(p) = iam.policies.get(arn) {
        return Ok(json!({ "Policy": render::customer_policy(p, attachments(iam, arn)) }));
    }
    let p = managed_policy_by_arn(arn).ok_or_else(|| missing(arn))?;
    Ok(json!({ "Policy": render::aws_policy(p, attachments(iam, arn)) }))
}

pub fn get_version(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arn = req.str("PolicyArn").unwrap_or_default();
    let version = req.str("VersionId").unwrap_or_default();
    let iam = &ctx.world.iam;
    let (doc, current, created) = match iam.policies.get(arn) {
        Some(p) => (p.document.clone(), "v1".to_string(), p.created_at.to_cli_string()),
        None => {
            let p = managed_policy_by_arn(arn).ok_or_else(|| missing(arn))?;
            let doc = p.document().map_err(|e| malformed(&e))?;
            (doc, p.version_id.to_string(), format!("{}T00:00:00+00:00", p.edited.get(..10).unwrap_or("2015-02-06")))
        }
    };
    if version != current {
        return Err(no_such_entity(format!("Policy {arn} version {version} does not exist or is not attachable.")));
    }
    Ok(json!({ "PolicyVersion": {
        "Document": render::document(&doc),
        "VersionId": version,
        "IsDefaultVersion": true,
        "CreateDate": created,
    }}))
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let scope = req.str("Scope").unwrap_or("All");
    let only_attached = req.bool("OnlyAttached") == Some(true);
    let iam = &ctx.world.iam;
    let mut list = Vec::new();
    if scope != "Local" {
        for p in managed_policies() {
            let n = attachments(iam, &p.arn());
            if !only_attached || n > 0 {
                list.push(render::aws_policy(p, n));
            }
        }
    }
    if scope != "AWS" {
        for (arn, p) in &iam.policies {
            let n = attachments(iam, arn);
            if !only_attached || n > 0 {
                list.push(render::customer_policy(p, n));
            }
        }
    }
    Ok(json!({ "Policies": list, "IsTruncated": false }))
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("PolicyName").unwrap_or_default();
    check_name("policyName", name, 128)?;
    let doc = parse_identity_policy(req.str("PolicyDocument").unwrap_or_default()).map_err(|e| malformed(&e))?;
    iam_policy::validate::require_version_2012(&doc).map_err(|e| malformed(&e))?;
    let path = req.str("Path").unwrap_or("/").to_string();
    let arn = format!("arn:aws:iam::{ACCOUNT_ID}:policy{path}{name}");
    if ctx.world.iam.policies.contains_key(&arn) {
        return Err(ServiceError::new(
            "EntityAlreadyExists",
            format!("A policy called {name} already exists. Duplicate names are not allowed."),
        ));
    }
    let p = CustomerPolicy {
        name: name.to_string(),
        path,
        policy_id: format!("ANPA{}", ctx.rng.hex(17).to_uppercase()),
        description: req.str("Description").map(str::to_string),
        document: doc,
        created_at: ctx.now,
    };
    let out = json!({ "Policy": render::customer_policy(&p, 0) });
    ctx.world.iam.policies.insert(arn, p);
    Ok(out)
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("PolicyArn").unwrap_or_default();
    let iam = &mut ctx.world.iam;
    if !iam.policies.contains_key(arn) {
        return Err(missing(arn));
    }
    if attachments(iam, arn) > 0 {
        return Err(ServiceError::new("DeleteConflict", "Cannot delete a policy attached to entities."));
    }
    iam.policies.remove(arn);
    Ok(json!({}))
}

/// Evaluates a role's identity policies (the only principals the sandbox has besides the learner) for each
/// action and resource, as the IAM policy simulator does.
pub fn simulate(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let source = req.str("PolicySourceArn").unwrap_or_default();
    let iam = &ctx.world.iam;
    let role = iam.role(source).ok_or_else(|| {
        ServiceError::new("NoSuchEntity", format!("PolicySourceArn {source} does not exist or is not a role."))
    })?;
    let resources: Vec<&str> = match req.strings("ResourceArns") {
        r if r.is_empty() => vec!["*"],
        r => r,
    };
    let mut results = Vec::new();
    for action in req.strings("ActionNames") {
        for resource in &resources {
            let (_, explanation) = iam.explain_role(role, "simulation", action, resource, &[]);
            let decision = match explanation.decision {
                Decision::Allow { .. } => "allowed",
                Decision::ExplicitDeny { .. } => "explicitDeny",
                Decision::ImplicitDeny => "implicitDeny",
            };
            let matched: Vec<Value> = explanation
                .deciding()
                .map(|s| json!({"SourcePolicyId": s.policy_name.clone().unwrap_or_default(), "SourcePolicyType": "IAM Policy"}))
                .into_iter()
                .collect();
            results.push(json!({
                "EvalActionName": action,
                "EvalResourceName": resource,
                "EvalDecision": decision,
                "MatchedStatements": matched,
                "MissingContextValues": [],
            }));
        }
    }
    Ok(json!({ "EvaluationResults": results, "IsTruncated": false }))
}
