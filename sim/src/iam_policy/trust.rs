//! Role trust policies: who may assume a role.
//!
//! A trust policy is a resource-based policy on the role. The principal must be allowed
//! `sts:AssumeRole` (or `sts:AssumeRoleWithWebIdentity`, …) by an applicable Allow and not be
//! denied. ECS task roles and task execution roles trust `ecs-tasks.amazonaws.com`; the
//! container instance role trusts `ec2.amazonaws.com`. When ECS assumes a task role it
//! supplies `aws:SourceAccount` and `aws:SourceArn`, which the recommended trust conditions
//! check (ECS Developer Guide, "Task IAM role").

use super::document::PolicyDocument;
use super::evaluate::{Caller, Decision, Target, check_statement};
use super::explain::{Explanation, finish};
use super::variables::Context;

/// The action a service uses to get role credentials.
pub const ASSUME_ROLE: &str = "sts:AssumeRole";

/// Condition keys a service supplies when it assumes a role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustContext {
    /// `aws:SourceAccount`: the account of the resource the service acts for.
    pub source_account: Option<String>,
    /// `aws:SourceArn`: e.g. the ECS task or cluster ARN.
    pub source_arn: Option<String>,
    /// Any further keys.
    pub extra: Context,
}

impl TrustContext {
    /// The request context these values make.
    pub fn to_context(&self) -> Context {
        let mut ctx = self.extra.clone();
        if let Some(a) = &self.source_account {
            ctx.insert("aws:SourceAccount".into(), vec![a.clone()]);
        }
        if let Some(a) = &self.source_arn {
            ctx.insert("aws:SourceArn".into(), vec![a.clone()]);
        }
        ctx
    }
}

/// Explain whether `principal` (an ARN or a service principal) may perform `action`
/// (normally `sts:AssumeRole`) under this trust policy.
pub fn explain_assume_role(trust: &PolicyDocument, principal: &str, action: &str, context: &Context) -> Explanation {
    explain_caller(trust, Caller::classify(principal), action, context)
}

/// Decision for `principal` assuming the role (`sts:AssumeRole`).
pub fn can_assume(trust: &PolicyDocument, principal: &str, context: &Context) -> Decision {
    explain_assume_role(trust, principal, ASSUME_ROLE, context).decision
}

fn explain_caller(trust: &PolicyDocument, caller: Caller<'_>, action: &str, context: &Context) -> Explanation {
    let target = Target { action, resource: None, caller, context };
    let traces = trust
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| check_statement(trust, s, i, (0, None, None), &target))
        .collect();
    finish(traces)
}

/// Does the trust policy let the service principal (e.g. `ecs-tasks.amazonaws.com`) assume
/// the role? Conditions are evaluated against an empty context, so a policy that requires
/// `aws:SourceAccount` says no here: use [`trusts_service_with`] to pass what the service
/// supplies.
pub fn trusts_service(trust: &PolicyDocument, service: &str) -> bool {
    trusts_service_with(trust, service, &TrustContext::default())
}

/// [`trusts_service`] with `aws:SourceAccount` / `aws:SourceArn` (and any extra keys).
pub fn trusts_service_with(trust: &PolicyDocument, service: &str, ctx: &TrustContext) -> bool {
    explain_caller(trust, Caller::Service(service), ASSUME_ROLE, &ctx.to_context()).decision.is_allowed()
}

/// The service principals the trust policy names in Allow statements (for hints such as
/// "this role trusts ec2.amazonaws.com, not ecs-tasks.amazonaws.com").
pub fn trusted_services(trust: &PolicyDocument) -> Vec<String> {
    use super::document::{Effect, Principal, PrincipalType};
    let mut out = Vec::new();
    for s in trust.statements.iter().filter(|s| s.effect == Effect::Allow) {
        if let Some(Principal::Map(entries)) = &s.principal {
            for (kind, values) in entries {
                if *kind == PrincipalType::Service {
                    out.extend(values.iter().filter(|v| !out.contains(*v)).cloned().collect::<Vec<_>>());
                }
            }
        }
    }
    out
}
