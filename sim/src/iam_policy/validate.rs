//! IAM's checks when a policy is created, with IAM's `MalformedPolicyDocument` messages.
//!
//! Message sources (verbatim quotes of real IAM responses):
//! - "Syntax errors in policy." — invalid JSON / grammar (99designs/iamy#74;
//!   aws-samples/amazon-ecs-firelens-examples#50, a trailing comma).
//! - "This policy contains invalid Json" — CreateRole with invalid JSON
//!   (aws-samples/aws-microservices-deploy-options#118; LocalStack's IAM provider).
//! - "The policy failed legacy parsing" — the generic second-pass failure, e.g. text that
//!   starts with whitespace, statements in an odd shape (amancevice/terraform-aws-custom-ecr-domain#2,
//!   99designs/iamy#65, htnosm.hatenablog.com 2023-07-30).
//! - "Policy document should not specify a principal." — identity policy with Principal
//!   (hashicorp/terraform-provider-aws#10419).
//! - "Policy statement must contain actions." (aws/aws-cdk#7615),
//!   "Policy statement must contain resources." (hashicorp/terraform#17987).
//! - "Has prohibited field Resource" — trust policy with Resource (kubernetes-sigs/external-dns#3085).
//! - "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in
//!   policy has a statement with no principals!" (terraform-aws-modules/terraform-aws-iam#47).
//! - `Invalid principal in policy: "SERVICE":"…"` / `"AWS":"…"` (see `principals`).
//! - "AssumeRole policy may only specify STS AssumeRole actions." (LocalStack IAM provider).
//! - "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
//!   "Actions/Condition can contain only one colon." (garnaat/kappa#111),
//!   "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards" (boogy/iam-policy-validator#172),
//!   `Resource … must be in ARN format or "*".` (ministryofjustice/modernisation-platform-environments#590).
//! - Order of checks, "Statement IDs (SID) in a single policy must be unique.", the partition,
//!   region and IAM-path resource messages and "Vendor … is not valid": moto's
//!   `moto/iam/policy_validation.py`, which was written against real IAM answers.

use super::PolicyError;
use super::condition::parse_operator;
use super::document::{PolicyDocument, Principal, PrincipalType, SYNTAX_ERRORS, Statement};
use super::principals::{is_known_service_principal, is_well_formed_aws_principal};

/// `MalformedPolicyDocument` messages, verbatim.
pub mod msg {
    pub use crate::iam_policy::document::SYNTAX_ERRORS;
    /// CreateRole / UpdateAssumeRolePolicy with text that is not JSON.
    pub const INVALID_JSON: &str = "This policy contains invalid Json";
    /// Generic second-pass failure.
    pub const LEGACY_PARSING: &str = "The policy failed legacy parsing";
    /// Identity policy with `Principal`/`NotPrincipal`.
    pub const SHOULD_NOT_SPECIFY_PRINCIPAL: &str = "Policy document should not specify a principal.";
    /// Statement without actions.
    pub const MUST_CONTAIN_ACTIONS: &str = "Policy statement must contain actions.";
    /// Identity statement without resources.
    pub const MUST_CONTAIN_RESOURCES: &str = "Policy statement must contain resources.";
    /// Two statements with the same Sid.
    pub const DUPLICATE_SID: &str = "Statement IDs (SID) in a single policy must be unique.";
    /// CreatePolicy / CreatePolicyVersion without `"Version": "2012-10-17"`.
    pub const VERSION_REQUIRED: &str = "Policy document must be version 2012-10-17 or greater.";
    /// Trust policy with `Resource`.
    pub const PROHIBITED_RESOURCE: &str = "Has prohibited field Resource";
    /// Trust policy with `NotResource` (same checker, by analogy).
    pub const PROHIBITED_NOT_RESOURCE: &str = "Has prohibited field NotResource";
    /// Trust statement without a principal.
    pub const NO_PRINCIPALS: &str = "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!";
    /// Trust policy with a non-STS action.
    pub const STS_ACTIONS_ONLY: &str = "AssumeRole policy may only specify STS AssumeRole actions.";
    /// Action without `service:`.
    pub const VENDOR_PREFIX: &str = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    /// Action with two colons.
    pub const ONE_COLON: &str = "Actions/Condition can contain only one colon.";
    /// `*:Describe*` and the like.
    pub const VENDOR_WILDCARD: &str = "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards";
    /// Resource with a wildcard (or nothing) in the service segment.
    pub const RESOURCE_VENDOR: &str = "Resource vendor must be fully qualified and cannot contain regexes.";
}

/// Checks on principals that need account state (does this role exist?).
pub struct PrincipalChecks<'a> {
    /// Is this service principal known? Default: `principals::is_known_service_principal`.
    pub service_known: &'a dyn Fn(&str) -> bool,
    /// Does this `AWS` principal (already well-formed) exist? Default: always true.
    pub aws_exists: &'a dyn Fn(&str) -> bool,
}

impl Default for PrincipalChecks<'_> {
    fn default() -> Self {
        PrincipalChecks { service_known: &is_known_service_principal, aws_exists: &|_| true }
    }
}

/// Parse and check an identity-based policy (managed or inline), as CreatePolicy /
/// PutRolePolicy do.
pub fn parse_identity_policy(text: &str) -> Result<PolicyDocument, PolicyError> {
    let doc = parse_common(text, SYNTAX_ERRORS)?;
    for s in &doc.statements {
        if s.principal.is_some() || s.not_principal.is_some() {
            return Err(PolicyError::malformed(msg::SHOULD_NOT_SPECIFY_PRINCIPAL));
        }
    }
    let resource_error = common_checks(&doc)?;
    for (i, s) in doc.statements.iter().enumerate() {
        if s.resource.as_ref().or(s.not_resource.as_ref()).is_none_or(|l| l.is_empty()) {
            return Err(PolicyError::malformed_with(
                msg::MUST_CONTAIN_RESOURCES,
                format!("Statement[{i}] has no Resource"),
            ));
        }
    }
    if let Some(e) = resource_error {
        return Err(PolicyError::malformed(e));
    }
    check_action_prefixes(&doc)?;
    Ok(doc)
}

/// Parse and check a role trust policy, as CreateRole / UpdateAssumeRolePolicy do, with the
/// sandbox's default principal checks.
pub fn parse_trust_policy(text: &str) -> Result<PolicyDocument, PolicyError> {
    parse_trust_policy_with(text, &PrincipalChecks::default())
}

/// [`parse_trust_policy`] with caller-supplied principal checks.
pub fn parse_trust_policy_with(text: &str, checks: &PrincipalChecks<'_>) -> Result<PolicyDocument, PolicyError> {
    let doc = parse_common(text, msg::INVALID_JSON)?;
    for s in &doc.statements {
        if s.resource.is_some() {
            return Err(PolicyError::malformed(msg::PROHIBITED_RESOURCE));
        }
        if s.not_resource.is_some() {
            return Err(PolicyError::malformed(msg::PROHIBITED_NOT_RESOURCE));
        }
    }
    common_checks(&doc)?;
    for (i, s) in doc.statements.iter().enumerate() {
        if s.principal.is_none() && s.not_principal.is_none() {
            return Err(PolicyError::malformed_with(msg::NO_PRINCIPALS, format!("Statement[{i}] has no Principal")));
        }
    }
    check_action_prefixes(&doc)?;
    const STS: [&str; 7] = [
        "*",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:TagSession",
        "sts:SetSourceIdentity",
        "sts:SetContext",
    ];
    for s in &doc.statements {
        for a in s.action.iter().chain(s.not_action.iter()).flatten() {
            if !STS.iter().any(|ok| ok.eq_ignore_ascii_case(a)) {
                return Err(PolicyError::malformed_with(
                    msg::STS_ACTIONS_ONLY,
                    format!("{a} is not an STS AssumeRole action"),
                ));
            }
        }
        for p in s.principal.iter().chain(s.not_principal.iter()) {
            check_principal(p, checks)?;
        }
    }
    Ok(doc)
}

/// CreatePolicy and CreatePolicyVersion also require `"Version": "2012-10-17"`.
pub fn require_version_2012(doc: &PolicyDocument) -> Result<(), PolicyError> {
    if doc.version == Some(super::document::PolicyVersion::V2012_10_17) {
        Ok(())
    } else {
        Err(PolicyError::malformed(msg::VERSION_REQUIRED))
    }
}

fn parse_common(text: &str, invalid_json: &str) -> Result<PolicyDocument, PolicyError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| PolicyError::malformed_with(invalid_json, format!("not valid JSON: {e}")))?;
    if text.starts_with(char::is_whitespace) {
        return Err(PolicyError::malformed_with(msg::LEGACY_PARSING, "the text starts with whitespace"));
    }
    let doc = PolicyDocument::from_value(value)?;
    for (i, s) in doc.statements.iter().enumerate() {
        if let Some(c) = s.conditions.iter().find(|c| parse_operator(&c.operator).is_none()) {
            return Err(PolicyError::malformed_with(
                SYNTAX_ERRORS,
                format!("Statement[{i}]: unknown condition operator {:?}", c.operator),
            ));
        }
    }
    Ok(doc)
}

/// Legacy pass, Sid uniqueness, actions present. Returns the first resource-format error,
/// which IAM reports only after these.
fn common_checks(doc: &PolicyDocument) -> Result<Option<String>, PolicyError> {
    let mut resource_error = None;
    for (i, s) in doc.statements.iter().enumerate() {
        let legacy = |d: String| PolicyError::malformed_with(msg::LEGACY_PARSING, format!("Statement[{i}]: {d}"));
        if s.effect_text != s.effect.as_str() {
            return Err(legacy(format!("Effect {:?} must be spelled \"Allow\" or \"Deny\"", s.effect_text)));
        }
        for c in &s.conditions {
            let is_date = parse_operator(&c.operator).is_some_and(|o| o.base.is_date());
            if is_date && c.values.iter().any(|v| super::condition::parse_date(v).is_none()) {
                return Err(legacy(format!("{} has a value that is not a date", c.operator)));
            }
        }
        for r in s.resource.iter().chain(s.not_resource.iter()).flatten() {
            if resource_error.is_none() {
                resource_error = resource_format_error(r);
            }
        }
        if resource_error.is_none() {
            for r in s.resource.iter().chain(s.not_resource.iter()).flatten().filter(|r| *r != "*") {
                let colons = r.matches(':').count();
                if (r.contains("::") && colons < 5) || r.split(':').nth(2) == Some("") {
                    return Err(legacy(format!("resource {r:?} has too few ARN segments")));
                }
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for s in &doc.statements {
        if let Some(sid) = s.sid.as_deref().filter(|x| !x.is_empty()) {
            if seen.contains(&sid) {
                return Err(PolicyError::malformed_with(msg::DUPLICATE_SID, format!("Sid {sid:?} is used twice")));
            }
            seen.push(sid);
        }
    }
    for (i, s) in doc.statements.iter().enumerate() {
        if s.action.as_ref().or(s.not_action.as_ref()).is_none_or(|l| l.is_empty()) {
            return Err(PolicyError::malformed_with(
                msg::MUST_CONTAIN_ACTIONS,
                format!("Statement[{i}] has no Action"),
            ));
        }
    }
    Ok(resource_error)
}

fn resource_format_error(r: &str) -> Option<String> {
    if r == "*" {
        return None;
    }
    let arn_form = || format!("Resource {r} must be in ARN format or \"*\".");
    let Some((head, rest)) = r.split_once(':') else { return Some(arn_form()) };
    if head != "arn" {
        return Some(arn_form());
    }
    let (partition, after_partition) = match rest.split_once(':') {
        Some(x) => x,
        None if rest != "aws" => return Some(partition_error(rest, "")),
        None => return Some(msg::RESOURCE_VENDOR.into()),
    };
    if partition != "aws" {
        return Some(partition_error(partition, after_partition));
    }
    let (service, after_service) = after_partition.split_once(':').unwrap_or((after_partition, ""));
    if service.is_empty() || service.contains(['*', '?']) {
        return Some(msg::RESOURCE_VENDOR.into());
    }
    if !after_service.starts_with(':') {
        match service {
            "iam" => return Some(format!("IAM resource {r} cannot contain region information.")),
            "s3" => return Some(format!("Resource {r} can not contain region information.")),
            _ => {}
        }
    }
    if service == "iam" {
        const IAM_PATHS: [&str; 13] = [
            "user/",
            "federated-user/",
            "role/",
            "group/",
            "instance-profile/",
            "mfa/",
            "server-certificate/",
            "policy/",
            "sms-mfa/",
            "saml-provider/",
            "oidc-provider/",
            "report/",
            "access-report/",
        ];
        let resource_part = after_service.splitn(3, ':').nth(2).unwrap_or("");
        if !IAM_PATHS.iter().any(|p| resource_part.starts_with(p)) {
            return Some(format!("IAM resource path must either be \"*\" or start with {}.", IAM_PATHS.join(", ")));
        }
    }
    None
}

fn partition_error(partition: &str, rest: &str) -> String {
    let parts: Vec<&str> = rest.split(':').collect();
    let first = parts.first().copied().unwrap_or("");
    let a1 = if !first.is_empty() || parts.len() > 1 { first } else { "*" };
    let a2 = parts.get(1).copied().unwrap_or("*");
    let a3 = parts.get(2).copied().unwrap_or("*");
    let a4 = if parts.len() > 3 { parts.get(3..).map(|p| p.join(":")).unwrap_or_default() } else { "*".into() };
    format!("Partition \"{partition}\" is not valid for resource \"arn:{partition}:{a1}:{a2}:{a3}:{a4}\".")
}

fn check_action_prefixes(doc: &PolicyDocument) -> Result<(), PolicyError> {
    let all = |s: &Statement| s.action.clone().into_iter().chain(s.not_action.clone()).flatten().collect::<Vec<_>>();
    for s in &doc.statements {
        for a in all(s) {
            let parts: Vec<&str> = a.split(':').collect();
            let vendor = parts.first().copied().unwrap_or("");
            if parts.len() == 1 && vendor != "*" {
                return Err(PolicyError::malformed_with(msg::VENDOR_PREFIX, format!("{a:?} has no service prefix")));
            }
            if parts.len() > 2 {
                return Err(PolicyError::malformed_with(msg::ONE_COLON, format!("{a:?}")));
            }
            if parts.len() == 2 && vendor.contains(['*', '?']) {
                return Err(PolicyError::malformed_with(msg::VENDOR_WILDCARD, format!("{a:?}")));
            }
            if vendor != "*" && !vendor.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') {
                return Err(PolicyError::malformed(format!("Vendor {vendor} is not valid")));
            }
        }
    }
    Ok(())
}

fn check_principal(p: &Principal, checks: &PrincipalChecks<'_>) -> Result<(), PolicyError> {
    let Principal::Map(entries) = p else { return Ok(()) };
    for (kind, values) in entries {
        for v in values {
            let ok = match kind {
                PrincipalType::Service => (checks.service_known)(v),
                PrincipalType::Aws => v == "*" || (is_well_formed_aws_principal(v) && (checks.aws_exists)(v)),
                PrincipalType::Federated => !v.is_empty(),
                PrincipalType::CanonicalUser | PrincipalType::Other(_) => false,
            };
            if !ok {
                return Err(PolicyError::malformed(format!(
                    "Invalid principal in policy: \"{}\":\"{v}\"",
                    kind.key().to_ascii_uppercase()
                )));
            }
        }
    }
    Ok(())
}
