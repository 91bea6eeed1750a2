//! Tests of the IAM policy engine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod condition_tests;
mod eval_tests;
mod fuzz_tests;
mod managed_tests;
mod messages_tests;
mod parse_tests;
mod trust_tests;
mod wildcard_tests;

use super::{Decision, PolicyDocument, Request, evaluate, parse_identity_policy};

pub(crate) const ALICE: &str = "arn:aws:iam::123456789012:user/alice";

/// Parse an identity policy from a `serde_json::json!` value.
pub(crate) fn identity(v: serde_json::Value) -> PolicyDocument {
    parse_identity_policy(&v.to_string()).unwrap_or_else(|e| panic!("{e} ({:?}) for {v}", e.detail()))
}

/// A one-statement Allow policy.
pub(crate) fn allow(action: &str, resource: &str) -> PolicyDocument {
    identity(
        serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]}),
    )
}

pub(crate) fn decide(action: &str, resource: &str, policies: &[&PolicyDocument]) -> Decision {
    evaluate(&Request::new(ALICE, action, resource), policies)
}

pub(crate) fn allowed(action: &str, resource: &str, policies: &[&PolicyDocument]) -> bool {
    decide(action, resource, policies).is_allowed()
}
