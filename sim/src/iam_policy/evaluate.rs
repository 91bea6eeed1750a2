//! Policy evaluation (IAM User Guide, "Policy evaluation logic").
//!
//! For a request within one account, evaluated against identity-based policies (and, when a
//! statement names a `Principal`, resource-based ones):
//! 1. by default every request is implicitly denied;
//! 2. an applicable `Deny` statement anywhere is an explicit deny, which beats every `Allow`;
//! 3. otherwise an applicable `Allow` statement grants the request.
//!
//! Policy and statement order do not matter. A statement applies when its action element,
//! its resource element, its principal element (if any) and every condition match.

use serde::Serialize;

use super::condition::{Outcome, evaluate_entry};
use super::document::{Effect, PolicyDocument, Principal, PrincipalType, Statement};
use super::explain::{ConditionCheck, ElementCheck, StatementTrace, explain_named};
use super::variables::{Context, substitute};
use super::wildcard::{action_matches, resource_matches};

/// A request to authorize.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Request {
    /// Who calls: `arn:aws:iam::123456789012:user/alice`,
    /// `arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc`, or a service
    /// principal such as `ecs-tasks.amazonaws.com`.
    pub principal_arn: String,
    /// `service:Action`, e.g. `ecr:BatchGetImage`.
    pub action: String,
    /// Resource ARN, or `*` for actions without resource-level permissions.
    pub resource: String,
    /// Condition keys (e.g. `aws:SourceAccount`, `iam:PassedToService`) and their values.
    pub context: Context,
}

impl Request {
    /// A request without condition keys.
    pub fn new(principal_arn: impl Into<String>, action: impl Into<String>, resource: impl Into<String>) -> Self {
        Request {
            principal_arn: principal_arn.into(),
            action: action.into(),
            resource: resource.into(),
            context: Context::new(),
        }
    }

    /// Add a condition key with one or more values.
    pub fn with_context<I, S>(mut self, key: impl Into<String>, values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.context.insert(key.into(), values.into_iter().map(Into::into).collect());
        self
    }
}

/// The outcome of an evaluation. `statement` is the deciding statement's Sid, or
/// `Statement[i]` (its index in its policy) when it has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Decision {
    /// An applicable Allow and no applicable Deny.
    Allow {
        /// The allowing statement.
        statement: Option<String>,
    },
    /// An applicable Deny statement.
    ExplicitDeny {
        /// The denying statement.
        statement: Option<String>,
    },
    /// Nothing allows the request.
    ImplicitDeny,
}

impl Decision {
    /// True for [`Decision::Allow`].
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allow { .. })
    }
}

/// A policy with the name/ARN used in explanations and AccessDenied texts.
#[derive(Debug, Clone, Copy)]
pub struct NamedPolicy<'a> {
    /// The document.
    pub document: &'a PolicyDocument,
    /// Policy name (managed or inline).
    pub name: Option<&'a str>,
    /// Managed-policy ARN (inline policies have none).
    pub arn: Option<&'a str>,
}

impl<'a> NamedPolicy<'a> {
    /// A policy with neither name nor ARN.
    pub fn anonymous(document: &'a PolicyDocument) -> Self {
        NamedPolicy { document, name: None, arn: None }
    }
}

/// Evaluate a request against policies.
pub fn evaluate(request: &Request, policies: &[&PolicyDocument]) -> Decision {
    let named: Vec<NamedPolicy<'_>> = policies.iter().map(|d| NamedPolicy::anonymous(d)).collect();
    evaluate_named(request, &named)
}

/// Evaluate a request against named policies.
pub fn evaluate_named(request: &Request, policies: &[NamedPolicy<'_>]) -> Decision {
    explain_named(request, policies).decision
}

/// Who is asking, as principal elements see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller<'a> {
    /// An IAM user, role, role session, account root, … (an ARN).
    Aws(&'a str),
    /// A service principal (`ecs-tasks.amazonaws.com`).
    Service(&'a str),
    /// A federated identity provider.
    Federated(&'a str),
}

impl<'a> Caller<'a> {
    /// ARNs are AWS principals; `*.amazonaws.com(.cn)` without `arn:` is a service.
    pub fn classify(principal: &'a str) -> Self {
        if !principal.starts_with("arn:")
            && (principal.ends_with(".amazonaws.com") || principal.ends_with(".amazonaws.com.cn"))
        {
            Caller::Service(principal)
        } else {
            Caller::Aws(principal)
        }
    }
}

/// What a statement is checked against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target<'a> {
    pub action: &'a str,
    /// `None` for trust policies (no Resource element).
    pub resource: Option<&'a str>,
    pub caller: Caller<'a>,
    pub context: &'a Context,
}

/// Check one statement and record why it does or does not apply.
pub(crate) fn check_statement(
    doc: &PolicyDocument,
    stmt: &Statement,
    index: usize,
    policy: (usize, Option<&str>, Option<&str>),
    target: &Target<'_>,
) -> StatementTrace {
    let vars = doc.uses_variables();
    let action = list_check(stmt.action.as_deref(), stmt.not_action.as_deref(), |p| action_matches(p, target.action));
    let resource = match target.resource {
        None => ElementCheck::NotPresent,
        Some(res) => list_check(stmt.resource.as_deref(), stmt.not_resource.as_deref(), |p| {
            let pattern = if vars { substitute(p, target.context) } else { Some(p.to_string()) };
            pattern.is_some_and(|pat| resource_matches(&pat, res))
        }),
    };
    let principal = match (&stmt.principal, &stmt.not_principal) {
        (Some(p), _) => principal_matches(p, target.caller).map_or(ElementCheck::NotMatched, ElementCheck::Matched),
        (None, Some(np)) => {
            principal_matches(np, target.caller).map_or(ElementCheck::NotExcluded, ElementCheck::ExcludedBy)
        }
        (None, None) => ElementCheck::NotPresent,
    };
    let conditions: Vec<ConditionCheck> = stmt
        .conditions
        .iter()
        .map(|entry| {
            let (outcome, reason) = evaluate_entry(entry, target.context, vars);
            ConditionCheck {
                operator: entry.operator.clone(),
                key: entry.key.clone(),
                values: entry.values.clone(),
                outcome,
                reason,
            }
        })
        .collect();
    let unknown_operator = conditions.iter().any(|c| c.outcome == Outcome::UnknownOperator);
    let applies = matches!(action, ElementCheck::Matched(_) | ElementCheck::NotExcluded)
        && resource.allows()
        && principal.allows()
        && conditions.iter().all(|c| c.outcome == Outcome::True);
    StatementTrace {
        policy_index: policy.0,
        policy_name: policy.1.map(str::to_string),
        policy_arn: policy.2.map(str::to_string),
        statement_index: index,
        label: stmt.label(index),
        sid: stmt.sid.clone(),
        effect: stmt.effect,
        action,
        resource,
        principal,
        conditions,
        unknown_operator,
        applies,
    }
}

fn list_check(positive: Option<&[String]>, negative: Option<&[String]>, hit: impl Fn(&str) -> bool) -> ElementCheck {
    match (positive, negative) {
        (Some(list), _) => {
            list.iter().find(|p| hit(p)).map_or(ElementCheck::NotMatched, |p| ElementCheck::Matched(p.clone()))
        }
        (None, Some(list)) => {
            list.iter().find(|p| hit(p)).map_or(ElementCheck::NotExcluded, |p| ElementCheck::ExcludedBy(p.clone()))
        }
        (None, None) => ElementCheck::NotPresent,
    }
}

/// Combine statement traces: explicit deny > allow > implicit deny.
pub(crate) fn decide(traces: &[StatementTrace]) -> Decision {
    let applying = |e: Effect| traces.iter().find(|t| t.applies && t.effect == e).map(|t| t.label.clone());
    if let Some(label) = applying(Effect::Deny) {
        return Decision::ExplicitDeny { statement: Some(label) };
    }
    match applying(Effect::Allow) {
        Some(label) => Decision::Allow { statement: Some(label) },
        None => Decision::ImplicitDeny,
    }
}

/// Does a `Principal` value cover the caller? Returns the matching entry for explanations.
pub fn principal_matches(principal: &Principal, caller: Caller<'_>) -> Option<String> {
    let entries = match principal {
        Principal::Any => return Some("*".into()),
        Principal::Map(entries) => entries,
    };
    for (kind, values) in entries {
        for v in values {
            let hit = match (kind, caller) {
                (PrincipalType::Aws, Caller::Aws(arn)) => aws_principal_matches(v, arn),
                (PrincipalType::Service, Caller::Service(s)) => v.eq_ignore_ascii_case(s),
                (PrincipalType::Federated, Caller::Federated(f)) => v == f,
                _ => false,
            };
            if hit {
                return Some(format!("{{\"{}\": \"{v}\"}}", kind.key()));
            }
        }
    }
    None
}

fn account_of(arn: &str) -> Option<&str> {
    arn.split(':').nth(4).filter(|a| !a.is_empty())
}

fn aws_principal_matches(pattern: &str, caller: &str) -> bool {
    if pattern == "*" || pattern == caller {
        return true;
    }
    let is_account_id = pattern.len() == 12 && pattern.bytes().all(|b| b.is_ascii_digit());
    if is_account_id {
        return account_of(caller) == Some(pattern);
    }
    let parts: Vec<&str> = pattern.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", _, "iam", "", acct, "root"] => account_of(caller) == Some(*acct),
        ["arn", part, "iam", "", acct, res] if res.starts_with("role/") => {
            // A role principal also covers that role's sessions (the path is not part of
            // the assumed-role ARN).
            let role_name = res.rsplit('/').next().unwrap_or("");
            let prefix = format!("arn:{part}:sts::{acct}:assumed-role/{role_name}/");
            caller.starts_with(&prefix)
        }
        _ => false,
    }
}
