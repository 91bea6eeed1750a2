//! Evaluation logic: explicit deny, implicit deny, Not* elements, variables, explanations.

use serde_json::json;

use super::{ALICE, allow, allowed, decide, identity};
use crate::iam_policy::explain::{ElementCheck, explain, explain_named};
use crate::iam_policy::{Decision, NamedPolicy, Request, evaluate};

#[test]
fn default_is_implicit_deny() {
    assert_eq!(decide("ecs:RunTask", "*", &[]), Decision::ImplicitDeny);
    let logs = allow("logs:*", "*");
    assert_eq!(decide("ecs:RunTask", "*", &[&logs]), Decision::ImplicitDeny);
}

#[test]
fn allow_names_the_statement() {
    let p = identity(json!({"Version": "2012-10-17", "Statement": [
        {"Sid": "Logs", "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*"},
        {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*"}]}));
    assert_eq!(decide("logs:PutLogEvents", "*", &[&p]), Decision::Allow { statement: Some("Logs".into()) });
    assert_eq!(decide("ecs:RunTask", "*", &[&p]), Decision::Allow { statement: Some("Statement[1]".into()) });
}

#[test]
fn explicit_deny_beats_allow_in_any_policy_and_any_order() {
    let admin = allow("*", "*");
    let deny = identity(
        json!({"Version": "2012-10-17", "Statement": {"Sid": "NoDelete", "Effect": "Deny", "Action": "ecr:Delete*", "Resource": "*"}}),
    );
    let want = Decision::ExplicitDeny { statement: Some("NoDelete".into()) };
    assert_eq!(
        decide("ecr:DeleteRepository", "arn:aws:ecr:us-east-1:123456789012:repository/app", &[&admin, &deny]),
        want
    );
    assert_eq!(
        decide("ecr:DeleteRepository", "arn:aws:ecr:us-east-1:123456789012:repository/app", &[&deny, &admin]),
        want
    );
    assert!(allowed("ecr:PutImage", "arn:aws:ecr:us-east-1:123456789012:repository/app", &[&deny, &admin]));
}

#[test]
fn deny_with_unmet_condition_does_not_apply() {
    let p = identity(json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}));
    let req = Request::new(ALICE, "s3:GetObject", "arn:aws:s3:::b/k");
    assert!(evaluate(&req.clone().with_context("aws:SecureTransport", ["true"]), &[&p]).is_allowed());
    assert!(matches!(
        evaluate(&req.with_context("aws:SecureTransport", ["false"]), &[&p]),
        Decision::ExplicitDeny { .. }
    ));
}

#[test]
fn action_wildcards_are_case_insensitive_in_evaluation() {
    let p = allow("ECS:describe*", "*");
    assert!(allowed("ecs:DescribeServices", "*", &[&p]));
    assert!(!allowed("ecs:UpdateService", "*", &[&p]));
}

#[test]
fn resource_patterns_are_case_sensitive_in_evaluation() {
    let p = allow("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/web-*");
    assert!(allowed("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/web-app", &[&p]));
    assert!(!allowed("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/Web-app", &[&p]));
    assert!(!allowed("ecr:BatchGetImage", "arn:aws:ecr:us-west-2:123456789012:repository/web-app", &[&p]));
}

#[test]
fn not_action_allows_everything_else() {
    let p = identity(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}}),
    );
    assert!(allowed("ecs:RunTask", "*", &[&p]));
    assert!(!allowed("iam:CreateRole", "*", &[&p]));
    let e = explain(&Request::new(ALICE, "iam:PassRole", "*"), &[&p]);
    assert_eq!(e.statements[0].action, ElementCheck::ExcludedBy("iam:*".into()));
}

#[test]
fn not_action_deny_denies_everything_else() {
    let admin = allow("*", "*");
    let deny = identity(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotAction": "ecs:Describe*", "Resource": "*"}}),
    );
    assert!(allowed("ecs:DescribeClusters", "*", &[&admin, &deny]));
    assert!(!allowed("ecs:DeleteCluster", "*", &[&admin, &deny]));
}

#[test]
fn not_resource_excludes_listed_resources() {
    let p = identity(json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:*",
        "NotResource": "arn:aws:ecr:us-east-1:123456789012:repository/prod-*"}}));
    assert!(allowed("ecr:PutImage", "arn:aws:ecr:us-east-1:123456789012:repository/dev-app", &[&p]));
    assert!(!allowed("ecr:PutImage", "arn:aws:ecr:us-east-1:123456789012:repository/prod-app", &[&p]));
    // NotResource also covers "*" requests (nothing excluded).
    assert!(allowed("ecr:GetAuthorizationToken", "*", &[&p]));
}

#[test]
fn policy_variables_are_substituted_in_2012_only() {
    let v2012 = identity(json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::home/${aws:username}/*"}}));
    let v2008 = identity(json!({"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::home/${aws:username}/*"}}));
    let req = Request::new(ALICE, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt")
        .with_context("aws:username", ["alice"]);
    assert!(evaluate(&req, &[&v2012]).is_allowed());
    assert!(!evaluate(&req, &[&v2008]).is_allowed());
    let other =
        Request::new(ALICE, "s3:GetObject", "arn:aws:s3:::home/bob/notes.txt").with_context("aws:username", ["alice"]);
    assert!(!evaluate(&other, &[&v2012]).is_allowed());
    // Unresolvable variable: matches nothing.
    let no_ctx = Request::new(ALICE, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt");
    assert!(!evaluate(&no_ctx, &[&v2012]).is_allowed());
}

#[test]
fn explanation_names_policies_and_reasons() {
    let exec = crate::iam_policy::managed_policy_by_name("AmazonECSTaskExecutionRolePolicy").unwrap();
    let doc = exec.document().unwrap();
    let arn = exec.arn();
    let req = Request::new(
        "arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/t1",
        "logs:CreateLogGroup",
        "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web",
    );
    let e = explain_named(&req, &[NamedPolicy { document: &doc, name: Some(exec.name), arn: Some(&arn) }]);
    assert_eq!(e.decision, Decision::ImplicitDeny);
    let lines = e.summary();
    assert_eq!(lines[0], "Implicitly denied: no statement allows this request.");
    assert_eq!(
        lines[1],
        "AmazonECSTaskExecutionRolePolicy: Statement[0] (Allow) does not apply: the action is not listed in Action"
    );
}

#[test]
fn explanation_points_at_the_deciding_deny() {
    let admin = allow("*", "*");
    let deny = identity(
        json!({"Version": "2012-10-17", "Statement": {"Sid": "NoPassRole", "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}}),
    );
    let req = Request::new(ALICE, "iam:PassRole", "arn:aws:iam::123456789012:role/ecsTaskRole");
    let named = [
        NamedPolicy::anonymous(&admin),
        NamedPolicy { document: &deny, name: Some("Guard"), arn: Some("arn:aws:iam::123456789012:policy/Guard") },
    ];
    let e = explain_named(&req, &named);
    assert_eq!(e.deciding().unwrap().label, "NoPassRole");
    assert_eq!(e.deciding_policy_arn(), Some("arn:aws:iam::123456789012:policy/Guard"));
    assert!(e.summary()[0].starts_with("Explicitly denied by NoPassRole"));
}

#[test]
fn statement_with_principal_is_matched_against_the_caller() {
    // Resource-based (e.g. ECR repository) policy evaluated with `evaluate`.
    let repo = crate::iam_policy::PolicyDocument::from_json(
        &json!({"Version": "2012-10-17", "Statement": [{
        "Sid": "AllowPull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]})
        .to_string(),
    )
    .unwrap();
    let res = "arn:aws:ecr:us-east-1:123456789012:repository/app";
    let other = Request::new("arn:aws:sts::111122223333:assumed-role/ci/run1", "ecr:BatchGetImage", res);
    assert!(evaluate(&other, &[&repo]).is_allowed());
    let stranger = Request::new("arn:aws:iam::444455556666:user/eve", "ecr:BatchGetImage", res);
    assert_eq!(evaluate(&stranger, &[&repo]), Decision::ImplicitDeny);
}
