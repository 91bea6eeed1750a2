//! IAM policy engine for the ECS Sandbox: policy documents, request evaluation,
//! trust policies, AccessDenied texts and a catalogue of AWS managed policies.
//!
//! Layout:
//! - [`document`]: the typed model of a policy document and its structural parsing.
//! - [`validate`]: IAM's own checks (`parse_identity_policy`, `parse_trust_policy`) with
//!   IAM's `MalformedPolicyDocument` messages.
//! - [`wildcard`]: `*`/`?` matching for actions, resource ARNs and condition values.
//! - [`condition`]: condition operators, `IfExists`, `ForAnyValue:`/`ForAllValues:`, `Null`.
//! - [`variables`]: policy variables such as `${aws:username}`.
//! - [`evaluate`]: the evaluation logic (explicit deny > allow > implicit deny).
//! - [`explain`]: a statement-by-statement trace for a "why was this denied" page.
//! - [`trust`]: who may assume a role (`trusts_service`).
//! - [`messages`]: the exact AccessDenied texts.
//! - [`managed`]: real AWS managed policies, embedded as JSON.
//!
//! Nothing here panics on any input: no `unwrap`, `expect` or unchecked indexing.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

pub mod condition;
pub mod document;
pub mod evaluate;
pub mod explain;
pub mod managed;
pub mod messages;
pub mod principals;
pub mod trust;
pub mod validate;
pub mod variables;
pub mod wildcard;

#[cfg(test)]
mod tests;

pub use document::{Effect, PolicyDocument, PolicyVersion, Principal, PrincipalType, Statement};
pub use evaluate::{Decision, NamedPolicy, Request, evaluate, evaluate_named};
pub use explain::{Explanation, StatementTrace, explain, explain_named};
pub use managed::{ManagedPolicy, managed_policies, managed_policy_by_arn, managed_policy_by_name};
pub use trust::{TrustContext, trusts_service, trusts_service_with};
pub use validate::{parse_identity_policy, parse_trust_policy, parse_trust_policy_with};

/// Error code IAM returns for every policy-document problem.
pub const MALFORMED_POLICY_DOCUMENT: &str = "MalformedPolicyDocument";

/// A policy document IAM would reject.
///
/// `Display` gives exactly IAM's message (what follows `MalformedPolicyDocument: `);
/// [`PolicyError::detail`] adds the sandbox's own hint, which IAM does not give.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// `MalformedPolicyDocument` with IAM's message.
    #[error("{message}")]
    MalformedPolicyDocument {
        /// IAM's message, verbatim.
        message: String,
        /// What exactly was wrong (sandbox explanation, not an AWS text).
        detail: Option<String>,
    },
}

impl PolicyError {
    pub(crate) fn malformed(message: impl Into<String>) -> Self {
        PolicyError::MalformedPolicyDocument { message: message.into(), detail: None }
    }

    pub(crate) fn malformed_with(message: impl Into<String>, detail: impl Into<String>) -> Self {
        PolicyError::MalformedPolicyDocument { message: message.into(), detail: Some(detail.into()) }
    }

    /// The AWS error code (`MalformedPolicyDocument`).
    pub fn code(&self) -> &'static str {
        MALFORMED_POLICY_DOCUMENT
    }

    /// IAM's message.
    pub fn message(&self) -> &str {
        match self {
            PolicyError::MalformedPolicyDocument { message, .. } => message,
        }
    }

    /// The sandbox's hint about what was wrong, if any.
    pub fn detail(&self) -> Option<&str> {
        match self {
            PolicyError::MalformedPolicyDocument { detail, .. } => detail.as_deref(),
        }
    }
}
