//! "Why was this denied?": a statement-by-statement trace of an evaluation, for the
//! sandbox page that explains IAM decisions. The texts produced here are the sandbox's own
//! wording (AWS shows no such trace); AWS's texts are in `messages`.

use serde::Serialize;

use super::condition::Outcome;
use super::document::{Effect, PolicyDocument};
use super::evaluate::{Caller, Decision, NamedPolicy, Request, Target, check_statement, decide};

/// How one element (Action, Resource, Principal) of a statement compared with the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ElementCheck {
    /// The element (e.g. `Action`) lists a pattern that matches.
    Matched(String),
    /// The element lists nothing that matches.
    NotMatched,
    /// The `Not…` element lists a matching pattern, so the statement does not apply.
    ExcludedBy(String),
    /// The `Not…` element lists nothing that matches, so it applies.
    NotExcluded,
    /// Neither the element nor its `Not…` form is present.
    NotPresent,
}

impl ElementCheck {
    /// True when this element does not stop the statement from applying (an absent
    /// element counts as matching, except for Action which is checked separately).
    pub fn allows(&self) -> bool {
        matches!(self, ElementCheck::Matched(_) | ElementCheck::NotExcluded | ElementCheck::NotPresent)
    }
}

/// One condition entry's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConditionCheck {
    /// Operator as written.
    pub operator: String,
    /// Condition key.
    pub key: String,
    /// Policy values.
    pub values: Vec<String>,
    /// Result.
    pub outcome: Outcome,
    /// One-line reason.
    pub reason: String,
}

/// The trace of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementTrace {
    /// Index of the policy in the list evaluated.
    pub policy_index: usize,
    /// Policy name, when given.
    pub policy_name: Option<String>,
    /// Policy ARN, when given (managed policies).
    pub policy_arn: Option<String>,
    /// Index of the statement in its policy.
    pub statement_index: usize,
    /// Sid or `Statement[i]`.
    pub label: String,
    /// Sid, if any.
    pub sid: Option<String>,
    /// Allow or Deny.
    pub effect: Effect,
    /// Action / NotAction check.
    pub action: ElementCheck,
    /// Resource / NotResource check (`NotPresent` for trust policies).
    pub resource: ElementCheck,
    /// Principal / NotPrincipal check.
    pub principal: ElementCheck,
    /// Condition entries.
    pub conditions: Vec<ConditionCheck>,
    /// A condition operator IAM does not know made the statement not apply.
    pub unknown_operator: bool,
    /// Whether the statement applies to the request.
    pub applies: bool,
}

impl StatementTrace {
    /// A one-line English reason.
    pub fn reason(&self) -> String {
        let who = match (&self.policy_name, &self.policy_arn) {
            (Some(n), _) => format!("{n}: "),
            (None, Some(a)) => format!("{a}: "),
            (None, None) => format!("policy {}: ", self.policy_index),
        };
        let head = format!("{who}{} ({})", self.label, self.effect.as_str());
        if self.applies {
            return format!("{head} applies");
        }
        let why = match (&self.action, &self.resource, &self.principal) {
            (ElementCheck::NotMatched | ElementCheck::NotPresent, _, _) => "the action is not listed in Action".into(),
            (ElementCheck::ExcludedBy(p), _, _) => format!("NotAction excludes the action ({p})"),
            (_, ElementCheck::NotMatched, _) => "the resource does not match Resource".into(),
            (_, ElementCheck::ExcludedBy(p), _) => format!("NotResource excludes the resource ({p})"),
            (_, _, ElementCheck::NotMatched) => "the caller is not the Principal".into(),
            (_, _, ElementCheck::ExcludedBy(p)) => format!("NotPrincipal excludes the caller ({p})"),
            _ => match self.conditions.iter().find(|c| c.outcome != Outcome::True) {
                Some(c) if c.outcome == Outcome::UnknownOperator => c.reason.clone(),
                Some(c) => format!("condition not met: {}", c.reason),
                None => "it does not apply".into(),
            },
        };
        format!("{head} does not apply: {why}")
    }
}

/// A decision with the traces behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The decision.
    pub decision: Decision,
    /// Every statement of every policy, in order.
    pub statements: Vec<StatementTrace>,
    /// Notes such as statements skipped because of an unknown condition operator.
    pub notes: Vec<String>,
}

impl Explanation {
    /// The statement that decided (the applying Deny, else the applying Allow).
    pub fn deciding(&self) -> Option<&StatementTrace> {
        let effect = match self.decision {
            Decision::ExplicitDeny { .. } => Effect::Deny,
            Decision::Allow { .. } => Effect::Allow,
            Decision::ImplicitDeny => return None,
        };
        self.statements.iter().find(|t| t.applies && t.effect == effect)
    }

    /// ARN of the policy holding the deciding statement, if it has one.
    pub fn deciding_policy_arn(&self) -> Option<&str> {
        self.deciding().and_then(|t| t.policy_arn.as_deref())
    }

    /// English lines for the sandbox's "why" page: the verdict, then one line per statement.
    pub fn summary(&self) -> Vec<String> {
        let verdict = match &self.decision {
            Decision::Allow { statement } => format!("Allowed by {}.", statement.as_deref().unwrap_or("a statement")),
            Decision::ExplicitDeny { statement } => format!(
                "Explicitly denied by {} (an explicit Deny overrides every Allow).",
                statement.as_deref().unwrap_or("a statement")
            ),
            Decision::ImplicitDeny if self.statements.is_empty() => {
                "Implicitly denied: no policies are attached.".into()
            }
            Decision::ImplicitDeny => "Implicitly denied: no statement allows this request.".into(),
        };
        let mut lines = vec![verdict];
        lines.extend(self.statements.iter().map(StatementTrace::reason));
        lines.extend(self.notes.iter().cloned());
        lines
    }
}

/// Explain a request against anonymous policies.
pub fn explain(request: &Request, policies: &[&PolicyDocument]) -> Explanation {
    let named: Vec<NamedPolicy<'_>> = policies.iter().map(|d| NamedPolicy::anonymous(d)).collect();
    explain_named(request, &named)
}

/// Explain a request against named policies.
pub fn explain_named(request: &Request, policies: &[NamedPolicy<'_>]) -> Explanation {
    let target = Target {
        action: &request.action,
        resource: Some(&request.resource),
        caller: Caller::classify(&request.principal_arn),
        context: &request.context,
    };
    let mut statements = Vec::new();
    for (pi, policy) in policies.iter().enumerate() {
        for (si, stmt) in policy.document.statements.iter().enumerate() {
            statements.push(check_statement(policy.document, stmt, si, (pi, policy.name, policy.arn), &target));
        }
    }
    finish(statements)
}

pub(crate) fn finish(statements: Vec<StatementTrace>) -> Explanation {
    let notes = statements
        .iter()
        .filter(|t| t.unknown_operator)
        .map(|t| format!("{} was skipped: it uses a condition operator IAM does not know.", t.label))
        .collect();
    Explanation { decision: decide(&statements), statements, notes }
}
