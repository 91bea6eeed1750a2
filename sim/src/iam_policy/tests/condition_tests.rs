//! Condition operators, IfExists, set qualifiers, Null, unknown operators.

use serde_json::{Value, json};

use crate::iam_policy::condition::{Outcome, evaluate_entry, parse_date};
use crate::iam_policy::document::ConditionEntry;
use crate::iam_policy::explain::explain;
use crate::iam_policy::variables::Context;
use crate::iam_policy::{Decision, PolicyDocument, Request, evaluate};

fn entry(op: &str, key: &str, values: &[&str]) -> ConditionEntry {
    ConditionEntry { operator: op.into(), key: key.into(), values: values.iter().map(|s| s.to_string()).collect() }
}

fn ctx(pairs: &[(&str, &[&str])]) -> Context {
    pairs.iter().map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect())).collect()
}

fn holds(op: &str, key: &str, values: &[&str], context: &[(&str, &[&str])]) -> bool {
    match evaluate_entry(&entry(op, key, values), &ctx(context), true).0 {
        Outcome::True => true,
        Outcome::False => false,
        Outcome::UnknownOperator => panic!("unknown operator {op}"),
    }
}

const K: &str = "aws:SourceAccount";

#[test]
fn string_equals_and_not_equals() {
    assert!(holds("StringEquals", K, &["123456789012"], &[(K, &["123456789012"])]));
    assert!(!holds("StringEquals", K, &["123456789012"], &[(K, &["999999999999"])]));
    assert!(holds("StringEquals", K, &["1", "123456789012"], &[(K, &["123456789012"])]), "values are ORed");
    assert!(!holds("StringEquals", "ecs:cluster", &["Prod"], &[("ecs:cluster", &["prod"])]), "case-sensitive");
    assert!(holds("StringEqualsIgnoreCase", "ecs:cluster", &["Prod"], &[("ecs:cluster", &["prod"])]));
    assert!(holds("StringNotEquals", K, &["1", "2"], &[(K, &["3"])]));
    assert!(!holds("StringNotEquals", K, &["1", "2"], &[(K, &["2"])]), "negated: must match none");
    assert!(!holds("StringNotEqualsIgnoreCase", "k", &["A"], &[("k", &["a"])]));
}

#[test]
fn condition_keys_are_case_insensitive() {
    assert!(holds("StringEquals", "AWS:SourceAccount", &["1"], &[("aws:sourceaccount", &["1"])]));
}

#[test]
fn missing_key_is_false_except_for_negated_operators() {
    assert!(!holds("StringEquals", K, &["1"], &[]));
    assert!(!holds("StringLike", K, &["*"], &[]));
    assert!(!holds("ArnLike", "aws:SourceArn", &["*"], &[]));
    assert!(!holds("NumericLessThan", "n", &["5"], &[]));
    assert!(!holds("Bool", "aws:SecureTransport", &["true"], &[]));
    assert!(holds("StringNotEquals", K, &["1"], &[]));
    assert!(holds("StringNotLike", K, &["1*"], &[]));
    assert!(holds("ArnNotLike", "aws:SourceArn", &["arn:aws:ecs:*"], &[]));
}

#[test]
fn string_like_and_not_like() {
    assert!(holds(
        "StringLike",
        "iam:PassedToService",
        &["ecs-tasks.amazonaws.com"],
        &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])]
    ));
    assert!(holds("StringLike", "s3:prefix", &["home/*"], &[("s3:prefix", &["home/alice/x"])]));
    assert!(holds("StringLike", "s3:prefix", &["h?me/*"], &[("s3:prefix", &["home/alice"])]));
    assert!(!holds("StringLike", "s3:prefix", &["home/*"], &[("s3:prefix", &["Home/alice"])]));
    assert!(holds("StringNotLike", "s3:prefix", &["tmp/*"], &[("s3:prefix", &["home/alice"])]));
    assert!(!holds("StringNotLike", "s3:prefix", &["tmp/*", "home/*"], &[("s3:prefix", &["home/alice"])]));
}

#[test]
fn arn_operators() {
    let task = "arn:aws:ecs:us-east-1:123456789012:task/web/0abc";
    let c = [("aws:SourceArn", &[task][..])];
    assert!(holds("ArnLike", "aws:SourceArn", &["arn:aws:ecs:us-east-1:123456789012:*"], &c));
    assert!(holds("ArnEquals", "aws:SourceArn", &["arn:aws:ecs:*:123456789012:task/*"], &c));
    assert!(!holds("ArnLike", "aws:SourceArn", &["arn:aws:ecs:us-east-1:999999999999:*"], &c));
    assert!(holds("ArnNotLike", "aws:SourceArn", &["arn:aws:ecs:us-east-1:999999999999:*"], &c));
    assert!(!holds("ArnNotEquals", "aws:SourceArn", &[task], &c));
}

#[test]
fn bool_numeric_date_ip_binary() {
    assert!(holds("Bool", "aws:SecureTransport", &["true"], &[("aws:SecureTransport", &["True"])]));
    assert!(!holds("Bool", "aws:SecureTransport", &["true"], &[("aws:SecureTransport", &["false"])]));
    assert!(!holds("Bool", "aws:SecureTransport", &["yes"], &[("aws:SecureTransport", &["yes"])]));
    let n = |op: &str, p: &str, v: &str| holds(op, "s3:max-keys", &[p], &[("s3:max-keys", &[v])]);
    assert!(n("NumericEquals", "10", "10.0"));
    assert!(n("NumericNotEquals", "10", "11"));
    assert!(n("NumericLessThan", "10", "9"));
    assert!(!n("NumericLessThan", "10", "10"));
    assert!(n("NumericLessThanEquals", "10", "10"));
    assert!(n("NumericGreaterThan", "10", "11"));
    assert!(n("NumericGreaterThanEquals", "10", "10"));
    assert!(!n("NumericEquals", "ten", "10"));
    let d = |op: &str, p: &str, v: &str| holds(op, "aws:CurrentTime", &[p], &[("aws:CurrentTime", &[v])]);
    assert!(d("DateLessThan", "2026-01-01T00:00:00Z", "2025-12-31T23:59:59Z"));
    assert!(d("DateGreaterThan", "2026-01-01", "2026-01-01T00:00:01Z"));
    assert!(d("DateEquals", "2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00Z"));
    assert!(d("DateNotEquals", "2026-01-01", "2026-01-02"));
    assert!(d("DateLessThanEquals", "1767225600", "2026-01-01T00:00:00Z"), "epoch seconds");
    assert!(d("DateGreaterThanEquals", "2026-01-01", "2026-01-01"));
    let ip = |op: &str, p: &str, v: &str| holds(op, "aws:SourceIp", &[p], &[("aws:SourceIp", &[v])]);
    assert!(ip("IpAddress", "203.0.113.0/24", "203.0.113.9"));
    assert!(!ip("IpAddress", "203.0.113.0/24", "203.0.114.9"));
    assert!(ip("IpAddress", "203.0.113.9", "203.0.113.9"));
    assert!(ip("IpAddress", "2001:db8::/32", "2001:db8:1::1"));
    assert!(ip("NotIpAddress", "10.0.0.0/8", "192.168.0.1"));
    assert!(ip("IpAddress", "0.0.0.0/0", "8.8.8.8"));
    assert!(!ip("IpAddress", "10.0.0.0/40", "10.0.0.1"));
    assert!(holds("BinaryEquals", "k", &["QmluYXJ5"], &[("k", &["QmluYXJ5"])]));
}

#[test]
fn dates_parse() {
    assert_eq!(parse_date("1970-01-01T00:00:00Z"), Some(0.0));
    assert_eq!(parse_date("2026-01-01T00:00:00Z"), Some(1_767_225_600.0));
    assert_eq!(parse_date("2026-13-01"), None);
    assert_eq!(parse_date("yesterday"), None);
}

#[test]
fn if_exists_is_true_when_the_key_is_absent() {
    assert!(holds("StringEqualsIfExists", K, &["1"], &[]));
    assert!(holds("StringEqualsIfExists", K, &["1"], &[(K, &["1"])]));
    assert!(!holds("StringEqualsIfExists", K, &["1"], &[(K, &["2"])]));
    assert!(holds("ArnLikeIfExists", "aws:SourceArn", &["arn:aws:ecs:*"], &[]));
    assert!(holds("NumericLessThanIfExists", "n", &["3"], &[]));
    assert!(holds("BoolIfExists", "aws:MultiFactorAuthPresent", &["true"], &[]));
}

#[test]
fn for_any_value_and_for_all_values() {
    let tags = "aws:TagKeys";
    assert!(holds("ForAnyValue:StringEquals", tags, &["env", "team"], &[(tags, &["team", "cost"])]));
    assert!(!holds("ForAnyValue:StringEquals", tags, &["env"], &[(tags, &["team", "cost"])]));
    assert!(!holds("ForAnyValue:StringEquals", tags, &["env"], &[]), "ForAnyValue with no key is false");
    assert!(holds("ForAllValues:StringEquals", tags, &["env", "team"], &[(tags, &["team", "env"])]));
    assert!(!holds("ForAllValues:StringEquals", tags, &["env", "team"], &[(tags, &["team", "cost"])]));
    assert!(holds("ForAllValues:StringEquals", tags, &["env"], &[]), "ForAllValues with no key is true");
    assert!(holds("ForAllValues:StringLike", tags, &["app-*"], &[(tags, &["app-a", "app-b"])]));
    assert!(holds("ForAnyValue:StringNotEquals", tags, &["env"], &[(tags, &["env", "team"])]));
    assert!(!holds("ForAllValues:StringNotEquals", tags, &["env"], &[(tags, &["env", "team"])]));
    assert!(holds("ForAnyValue:StringLikeIfExists", tags, &["x"], &[]));
}

#[test]
fn null_checks_presence() {
    assert!(holds("Null", "aws:TokenIssueTime", &["true"], &[]));
    assert!(!holds("Null", "aws:TokenIssueTime", &["true"], &[("aws:TokenIssueTime", &["2026-01-01T00:00:00Z"])]));
    assert!(holds("Null", "aws:TokenIssueTime", &["false"], &[("aws:TokenIssueTime", &["x"])]));
    assert!(!holds("Null", "aws:TokenIssueTime", &["false"], &[]));
    assert!(!holds("Null", "aws:TokenIssueTime", &["maybe"], &[]));
}

#[test]
fn variables_in_condition_values() {
    assert!(holds(
        "StringEquals",
        "aws:PrincipalTag/team",
        &["${aws:ResourceTag/team}"],
        &[("aws:PrincipalTag/team", &["web"]), ("aws:ResourceTag/team", &["web"])]
    ));
    assert!(holds(
        "StringLike",
        "s3:prefix",
        &["${aws:username}/*"],
        &[("s3:prefix", &["alice/x"]), ("aws:username", &["alice"])]
    ));
    assert!(holds("StringEquals", "k", &["${missing, 'dflt'}"], &[("k", &["dflt"])]));
    assert!(holds("StringEquals", "k", &["a${*}b"], &[("k", &["a*b"])]));
}

fn lenient(v: Value) -> PolicyDocument {
    PolicyDocument::from_json(&v.to_string()).unwrap()
}

#[test]
fn unknown_operator_makes_the_statement_not_apply_and_is_explained() {
    let p = lenient(json!({"Version": "2012-10-17", "Statement": [
        {"Sid": "Typo", "Effect": "Allow", "Action": "ecs:*", "Resource": "*", "Condition": {"StringEqualz": {"aws:SourceAccount": "1"}}}]}));
    let req = Request::new(super::ALICE, "ecs:RunTask", "*").with_context(K, ["1"]);
    assert_eq!(evaluate(&req, &[&p]), Decision::ImplicitDeny);
    let e = explain(&req, &[&p]);
    assert!(e.statements[0].unknown_operator);
    assert_eq!(e.notes, vec!["Typo was skipped: it uses a condition operator IAM does not know.".to_string()]);
    // A Deny with an unknown operator does not apply either.
    let d = lenient(json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "ecs:*", "Resource": "*", "Condition": {"Bogus": {"k": "v"}}}]}));
    assert!(evaluate(&req, &[&d]).is_allowed());
}

#[test]
fn all_entries_of_a_condition_block_must_hold() {
    let p = super::identity(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
        "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com", "aws:RequestedRegion": "us-east-1"}}}}),
    );
    let base = Request::new(super::ALICE, "iam:PassRole", "arn:aws:iam::123456789012:role/r");
    let both = base
        .clone()
        .with_context("iam:PassedToService", ["ecs-tasks.amazonaws.com"])
        .with_context("aws:RequestedRegion", ["us-east-1"]);
    let one = base.with_context("iam:PassedToService", ["ecs-tasks.amazonaws.com"]);
    assert!(evaluate(&both, &[&p]).is_allowed());
    assert!(!evaluate(&one, &[&p]).is_allowed());
}

#[test]
fn json_booleans_and_numbers_are_accepted_as_values() {
    let p = super::identity(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
        "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThanEquals": {"s3:max-keys": 10}}}}),
    );
    let req = Request::new(super::ALICE, "s3:ListBucket", "arn:aws:s3:::b")
        .with_context("aws:SecureTransport", ["true"])
        .with_context("s3:max-keys", ["5"]);
    assert!(evaluate(&req, &[&p]).is_allowed());
}
