//! The exact AccessDenied texts AWS returns, built from a [`Request`] and a [`Decision`].
//!
//! Forms (verbatim from real responses):
//! - implicit deny, identity-based:
//!   `User: arn:aws:sts::1234567890:assumed-role/common-tools-external-secrets/1725541882585093008 is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action`
//!   (terraform-aws-modules/terraform-aws-iam#514, 2024; also aws/serverless-application-model#2247 for iam:PassRole);
//! - implicit deny, resource-based:
//!   `… is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-west-2:B:repository/runner-test because no resource-based policy allows the ecr:InitiateLayerUpload action`
//!   (aws-actions/amazon-ecr-login#232);
//! - explicit deny, identity-based: `… on resource: arn:aws:iam::583541782477:role/eks132-dev-adot with an explicit deny in an identity-based policy`
//!   and, since 2025, with the denying managed policy appended:
//!   `… with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/CohortWindowDeny`
//!   (quoted in several 2026 public repositories, e.g. an EC2 RunInstances denial naming
//!   `arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3`);
//! - explicit deny, resource-based: `… with an explicit deny in a resource-based policy`
//!   (noobaa/noobaa-core#10060 quoting S3, 2026);
//! - pre-2021 form without a reason: `User: <arn> is not authorized to perform: <action> on resource: <arn>`
//!   (awsdocs/amazon-ecr-user-guide#19).
//!
//! The error code is `AccessDeniedException` for JSON-protocol services (ECS, ECR, CloudWatch
//! Logs, Secrets Manager, SSM) and `AccessDenied` for IAM, STS and S3. The Docker client shows
//! ECR denials as `denied: User: …` (aws-samples/aws-secretsmgr-workshop#5).
//! A role's credentials act as `arn:aws:sts::<acct>:assumed-role/<role-name>/<session>`; the
//! role's path is not part of that ARN.

use super::evaluate::{Decision, Request};
use super::explain::Explanation;

/// Error code of JSON-protocol services (ECS, ECR, Logs, Secrets Manager, SSM).
pub const ACCESS_DENIED_EXCEPTION: &str = "AccessDeniedException";
/// Error code of query/XML services (IAM, STS, S3).
pub const ACCESS_DENIED: &str = "AccessDenied";

/// Which kind of policy the text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyType {
    /// Policies attached to the user or role.
    IdentityBased,
    /// Policies on the resource (ECR repository policy, S3 bucket policy, trust policy).
    ResourceBased,
}

impl PolicyType {
    fn phrase(self) -> &'static str {
        match self {
            PolicyType::IdentityBased => "identity-based",
            PolicyType::ResourceBased => "resource-based",
        }
    }

    fn article(self) -> &'static str {
        match self {
            PolicyType::IdentityBased => "an",
            PolicyType::ResourceBased => "a",
        }
    }
}

/// `User: <principal> is not authorized to perform: <action> on resource: <resource>`.
pub fn not_authorized(principal_arn: &str, action: &str, resource: &str) -> String {
    format!("User: {principal_arn} is not authorized to perform: {action} on resource: {resource}")
}

/// `… because no identity-based policy allows the <action> action`.
pub fn implicit_deny(principal_arn: &str, action: &str, resource: &str, kind: PolicyType) -> String {
    format!(
        "{} because no {} policy allows the {action} action",
        not_authorized(principal_arn, action, resource),
        kind.phrase()
    )
}

/// `… with an explicit deny in an identity-based policy[: <policy-arn>]`.
pub fn explicit_deny(
    principal_arn: &str,
    action: &str,
    resource: &str,
    kind: PolicyType,
    policy_arn: Option<&str>,
) -> String {
    let base = format!(
        "{} with an explicit deny in {} {} policy",
        not_authorized(principal_arn, action, resource),
        kind.article(),
        kind.phrase()
    );
    match policy_arn {
        Some(arn) if kind == PolicyType::IdentityBased => format!("{base}: {arn}"),
        _ => base,
    }
}

/// The AccessDenied message for an identity-policy decision; `None` when allowed.
pub fn access_denied_message(request: &Request, decision: &Decision) -> Option<String> {
    deny_text(request, decision, PolicyType::IdentityBased, None)
}

/// Like [`access_denied_message`], naming the denying managed policy's ARN when the
/// explanation has one (AWS's current form).
pub fn access_denied_message_explained(request: &Request, explanation: &Explanation) -> Option<String> {
    deny_text(request, &explanation.decision, PolicyType::IdentityBased, explanation.deciding_policy_arn())
}

/// The AccessDenied message when a resource-based policy decided (e.g. an ECR repository
/// policy in another account).
pub fn resource_policy_denied_message(request: &Request, decision: &Decision) -> Option<String> {
    deny_text(request, decision, PolicyType::ResourceBased, None)
}

fn deny_text(request: &Request, decision: &Decision, kind: PolicyType, policy_arn: Option<&str>) -> Option<String> {
    let (p, a, r) = (request.principal_arn.as_str(), request.action.as_str(), request.resource.as_str());
    match decision {
        Decision::Allow { .. } => None,
        Decision::ExplicitDeny { .. } => Some(explicit_deny(p, a, r, kind, policy_arn)),
        Decision::ImplicitDeny => Some(implicit_deny(p, a, r, kind)),
    }
}

/// The error code a service returns for a denied `service:Action`.
pub fn error_code_for_action(action: &str) -> &'static str {
    let service = action.split(':').next().unwrap_or("").to_ascii_lowercase();
    match service.as_str() {
        "iam" | "sts" | "s3" => ACCESS_DENIED,
        _ => ACCESS_DENIED_EXCEPTION,
    }
}

/// `<code>: <message>` as the AWS CLI prints it after "An error occurred (…)".
pub fn with_code(action: &str, message: &str) -> String {
    format!("{}: {message}", error_code_for_action(action))
}

/// What `docker push`/`docker pull` prints for an ECR denial: `denied: <message>`.
pub fn docker_denied(message: &str) -> String {
    format!("denied: {message}")
}

/// The caller ARN of a role session: `arn:aws:iam::123456789012:role/path/app` + `s1` ->
/// `arn:aws:sts::123456789012:assumed-role/app/s1`. `None` if `role_arn` is not a role ARN.
pub fn assumed_role_arn(role_arn: &str, session_name: &str) -> Option<String> {
    let parts: Vec<&str> = role_arn.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", partition, "iam", "", account, res] => {
            let name = res.strip_prefix("role/")?.rsplit('/').next().filter(|n| !n.is_empty())?;
            Some(format!("arn:{partition}:sts::{account}:assumed-role/{name}/{session_name}"))
        }
        _ => None,
    }
}
