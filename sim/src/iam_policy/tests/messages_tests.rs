//! The exact AccessDenied texts.

use serde_json::json;

use super::{allow, identity};
use crate::iam_policy::explain::explain_named;
use crate::iam_policy::messages::{
    ACCESS_DENIED, ACCESS_DENIED_EXCEPTION, PolicyType, access_denied_message, access_denied_message_explained,
    assumed_role_arn, docker_denied, error_code_for_action, explicit_deny, implicit_deny, not_authorized,
    resource_policy_denied_message, with_code,
};
use crate::iam_policy::{Decision, NamedPolicy, Request, evaluate};

#[test]
fn implicit_deny_text_for_pass_role() {
    let user = "arn:aws:iam::123456789012:user/dev";
    let role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    let req = Request::new(user, "iam:PassRole", role);
    let d = evaluate(&req, &[&allow("ecs:*", "*")]);
    assert_eq!(
        access_denied_message(&req, &d).unwrap(),
        "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/ecsTaskExecutionRole because no identity-based policy allows the iam:PassRole action"
    );
    assert_eq!(access_denied_message(&req, &Decision::Allow { statement: None }), None);
}

#[test]
fn assumed_role_caller_text() {
    let session =
        assumed_role_arn("arn:aws:iam::1234567890:role/common-tools-external-secrets", "1725541882585093008").unwrap();
    assert_eq!(session, "arn:aws:sts::1234567890:assumed-role/common-tools-external-secrets/1725541882585093008");
    assert_eq!(
        implicit_deny(&session, "ecr:GetAuthorizationToken", "*", PolicyType::IdentityBased),
        "User: arn:aws:sts::1234567890:assumed-role/common-tools-external-secrets/1725541882585093008 is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action"
    );
    assert_eq!(
        assumed_role_arn("arn:aws:iam::123456789012:role/service-role/app", "s").unwrap(),
        "arn:aws:sts::123456789012:assumed-role/app/s"
    );
    assert_eq!(assumed_role_arn("arn:aws:iam::123456789012:user/app", "s"), None);
}

#[test]
fn explicit_deny_texts() {
    let p = "arn:aws:sts::583541782477:assumed-role/uacs-gitlab-runner-role-1/i-0da1b3e8ffe8e22b7";
    assert_eq!(
        explicit_deny(
            p,
            "iam:CreateRole",
            "arn:aws:iam::583541782477:role/eks132-dev-adot",
            PolicyType::IdentityBased,
            None
        ),
        "User: arn:aws:sts::583541782477:assumed-role/uacs-gitlab-runner-role-1/i-0da1b3e8ffe8e22b7 is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::583541782477:role/eks132-dev-adot with an explicit deny in an identity-based policy"
    );
    assert_eq!(
        explicit_deny(
            "arn:aws:iam::1:user/u",
            "s3:GetObject",
            "arn:aws:s3:::b/k",
            PolicyType::IdentityBased,
            Some("arn:aws:iam::1:policy/Deny")
        ),
        "User: arn:aws:iam::1:user/u is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in an identity-based policy: arn:aws:iam::1:policy/Deny"
    );
    assert_eq!(
        explicit_deny(
            "arn:aws:iam::1:user/u",
            "s3:ListBucket",
            "arn:aws:s3:::b",
            PolicyType::ResourceBased,
            Some("ignored")
        ),
        "User: arn:aws:iam::1:user/u is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::b with an explicit deny in a resource-based policy"
    );
}

#[test]
fn explained_message_names_the_denying_managed_policy() {
    let admin = allow("*", "*");
    let deny = identity(
        json!({"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "ecs:DeleteCluster", "Resource": "*"}}),
    );
    let req = Request::new(
        "arn:aws:iam::123456789012:user/dev",
        "ecs:DeleteCluster",
        "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
    );
    let named = [
        NamedPolicy::anonymous(&admin),
        NamedPolicy { document: &deny, name: Some("NoDelete"), arn: Some("arn:aws:iam::123456789012:policy/NoDelete") },
    ];
    let e = explain_named(&req, &named);
    assert_eq!(
        access_denied_message_explained(&req, &e).unwrap(),
        "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:DeleteCluster on resource: arn:aws:ecs:us-east-1:123456789012:cluster/prod with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/NoDelete"
    );
    // An inline policy has no ARN: the plain form.
    let inline = [NamedPolicy::anonymous(&admin), NamedPolicy { document: &deny, name: Some("inline"), arn: None }];
    assert!(
        access_denied_message_explained(&req, &explain_named(&req, &inline))
            .unwrap()
            .ends_with("with an explicit deny in an identity-based policy")
    );
}

#[test]
fn resource_based_and_docker_forms() {
    let req = Request::new(
        "arn:aws:sts::111122223333:assumed-role/cp-sw-actions-runner/GitHubActions",
        "ecr:InitiateLayerUpload",
        "arn:aws:ecr:us-west-2:444455556666:repository/runner-test",
    );
    let msg = resource_policy_denied_message(&req, &Decision::ImplicitDeny).unwrap();
    assert_eq!(
        docker_denied(&msg),
        "denied: User: arn:aws:sts::111122223333:assumed-role/cp-sw-actions-runner/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-west-2:444455556666:repository/runner-test because no resource-based policy allows the ecr:InitiateLayerUpload action"
    );
    assert_eq!(not_authorized("u", "a:b", "*"), "User: u is not authorized to perform: a:b on resource: *");
}

#[test]
fn error_codes() {
    assert_eq!(error_code_for_action("ecs:RunTask"), ACCESS_DENIED_EXCEPTION);
    assert_eq!(error_code_for_action("ecr:BatchGetImage"), ACCESS_DENIED_EXCEPTION);
    assert_eq!(error_code_for_action("iam:PassRole"), ACCESS_DENIED);
    assert_eq!(error_code_for_action("s3:GetObject"), ACCESS_DENIED);
    assert_eq!(with_code("ecs:RunTask", "m"), "AccessDeniedException: m");
}
