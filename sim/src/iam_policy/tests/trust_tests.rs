//! Trust policies: ecs-tasks vs ec2, source conditions, role principals.

use serde_json::json;

use crate::iam_policy::trust::{can_assume, explain_assume_role, trusted_services};
use crate::iam_policy::variables::Context;
use crate::iam_policy::{Decision, TrustContext, parse_trust_policy, trusts_service, trusts_service_with};

fn trust(v: serde_json::Value) -> crate::iam_policy::PolicyDocument {
    parse_trust_policy(&v.to_string()).unwrap()
}

fn service(name: &str) -> crate::iam_policy::PolicyDocument {
    trust(
        json!({"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Principal": {"Service": name}, "Action": "sts:AssumeRole"}]}),
    )
}

#[test]
fn task_role_trust_versus_instance_role_trust() {
    let task = service("ecs-tasks.amazonaws.com");
    let instance = service("ec2.amazonaws.com");
    assert!(trusts_service(&task, "ecs-tasks.amazonaws.com"));
    assert!(!trusts_service(&task, "ec2.amazonaws.com"));
    assert!(trusts_service(&instance, "ec2.amazonaws.com"));
    assert!(!trusts_service(&instance, "ecs-tasks.amazonaws.com"));
    assert_eq!(trusted_services(&instance), vec!["ec2.amazonaws.com".to_string()]);
    let e = explain_assume_role(&instance, "ecs-tasks.amazonaws.com", "sts:AssumeRole", &Context::new());
    assert_eq!(e.decision, Decision::ImplicitDeny);
    assert!(e.summary()[1].ends_with("does not apply: the caller is not the Principal"), "{:?}", e.summary());
}

#[test]
fn source_account_and_arn_conditions() {
    let t = trust(
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ecs-tasks.amazonaws.com"]},
        "Action": "sts:AssumeRole", "Condition": {
            "ArnLike": {"aws:SourceArn": "arn:aws:ecs:us-east-1:111122223333:*"},
            "StringEquals": {"aws:SourceAccount": "111122223333"}}}]}),
    );
    assert!(!trusts_service(&t, "ecs-tasks.amazonaws.com"), "no context: conditions fail");
    let good = TrustContext {
        source_account: Some("111122223333".into()),
        source_arn: Some("arn:aws:ecs:us-east-1:111122223333:task/web/0abc".into()),
        ..TrustContext::default()
    };
    assert!(trusts_service_with(&t, "ecs-tasks.amazonaws.com", &good));
    let other = TrustContext { source_account: Some("444455556666".into()), ..good.clone() };
    assert!(!trusts_service_with(&t, "ecs-tasks.amazonaws.com", &other));
}

#[test]
fn deny_in_trust_policy_wins() {
    let t = trust(json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"},
        {"Sid": "Block", "Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole",
         "Condition": {"StringNotEquals": {"aws:SourceAccount": "111122223333"}}}]}));
    assert!(
        !trusts_service(&t, "ecs-tasks.amazonaws.com"),
        "absent key satisfies StringNotEquals, so the Deny applies"
    );
    let ok = TrustContext { source_account: Some("111122223333".into()), ..TrustContext::default() };
    assert!(trusts_service_with(&t, "ecs-tasks.amazonaws.com", &ok));
}

#[test]
fn aws_principals_roles_and_accounts() {
    let role = trust(json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:role/deploy/ci"}, "Action": "sts:AssumeRole"}}));
    let ctx = Context::new();
    assert!(can_assume(&role, "arn:aws:iam::111122223333:role/deploy/ci", &ctx).is_allowed());
    assert!(can_assume(&role, "arn:aws:sts::111122223333:assumed-role/ci/session1", &ctx).is_allowed());
    assert!(!can_assume(&role, "arn:aws:sts::111122223333:assumed-role/other/session1", &ctx).is_allowed());
    let account = trust(json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}}));
    assert!(can_assume(&account, "arn:aws:iam::111122223333:user/alice", &ctx).is_allowed());
    assert!(!can_assume(&account, "arn:aws:iam::444455556666:user/alice", &ctx).is_allowed());
    assert!(!trusts_service(&account, "ecs-tasks.amazonaws.com"));
    let id = trust(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}}),
    );
    assert!(can_assume(&id, "arn:aws:iam::111122223333:role/x", &ctx).is_allowed());
}

#[test]
fn only_assume_role_actions_count() {
    let t = trust(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRoleWithWebIdentity"}}),
    );
    assert!(!trusts_service(&t, "ecs-tasks.amazonaws.com"));
    let star = trust(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}),
    );
    assert!(trusts_service(&star, "ecs-tasks.amazonaws.com"));
}
