//! Parsing and IAM's MalformedPolicyDocument messages.

use serde_json::json;

use crate::iam_policy::validate::{PrincipalChecks, msg, require_version_2012};
use crate::iam_policy::{
    Effect, PolicyDocument, PolicyError, PolicyVersion, Principal, PrincipalType, parse_identity_policy,
    parse_trust_policy, parse_trust_policy_with,
};

fn id_err(text: &str) -> String {
    parse_identity_policy(text).expect_err(text).to_string()
}

fn trust_err(text: &str) -> String {
    parse_trust_policy(text).expect_err(text).to_string()
}

fn id_err_v(v: serde_json::Value) -> String {
    id_err(&v.to_string())
}

fn trust_err_v(v: serde_json::Value) -> String {
    trust_err(&v.to_string())
}

fn stmt(s: serde_json::Value) -> serde_json::Value {
    json!({"Version": "2012-10-17", "Statement": [s]})
}

#[test]
fn parses_strings_or_lists_and_object_or_array_statements() {
    let d = parse_identity_policy(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ecs:*","Resource":["*"]}}"#,
    )
    .unwrap();
    assert_eq!(d.version, Some(PolicyVersion::V2012_10_17));
    assert!(d.statement_is_object);
    assert_eq!(d.statements[0].action, Some(vec!["ecs:*".to_string()]));
    assert_eq!(d.statements[0].resource, Some(vec!["*".to_string()]));
    assert_eq!(d.statements[0].effect, Effect::Allow);
    let d = parse_identity_policy(r#"{"Version":"2008-10-17","Id":"x","Statement":[{"Sid":"a","Effect":"Deny","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::b"}]}"#).unwrap();
    assert_eq!(d.version, Some(PolicyVersion::V2008_10_17));
    assert_eq!(d.id.as_deref(), Some("x"));
    assert_eq!(d.statements[0].not_action, Some(vec!["s3:*".to_string()]));
    // Version may be absent in inline policies; CreatePolicy requires 2012-10-17.
    let d = parse_identity_policy(r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#).unwrap();
    assert_eq!(d.version, None);
    assert_eq!(require_version_2012(&d).unwrap_err().to_string(), msg::VERSION_REQUIRED);
}

#[test]
fn pretty_json_keeps_key_order() {
    let text = r#"{"Statement":[{"Resource":"*","Action":"ecs:*","Effect":"Allow","Sid":"z"}],"Version":"2012-10-17"}"#;
    let d = PolicyDocument::from_json(text).unwrap();
    let pretty = d.to_pretty_json();
    let keys: Vec<usize> = ["\"Statement\"", "\"Resource\"", "\"Action\"", "\"Effect\"", "\"Sid\"", "\"Version\""]
        .iter()
        .map(|k| pretty.find(k).unwrap())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{pretty}");
    assert_eq!(d.to_json(), text);
}

#[test]
fn principals_parse() {
    let d = parse_trust_policy(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ecs-tasks.amazonaws.com"],"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#).unwrap();
    match &d.statements[0].principal {
        Some(Principal::Map(m)) => {
            assert_eq!(m[0], (PrincipalType::Service, vec!["ecs-tasks.amazonaws.com".to_string()]));
            assert_eq!(m[1].0, PrincipalType::Aws);
        }
        other => panic!("{other:?}"),
    }
    let d = parse_trust_policy(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}"#,
    )
    .unwrap();
    assert_eq!(d.statements[0].principal, Some(Principal::Any));
}

#[test]
fn syntax_errors() {
    for bad in [
        "",
        "not json",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},]}"#,
        "[]",
        r#"{"Version":"2012-10-17"}"#,
        r#"{"Version":"2012-10-17","Statement":[]}"#,
        r#"{"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
        r#"{"Version":"2012-10-17","Statements":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Permit","Action":"s3:*","Resource":"*"}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Action":"s3:*","Resource":"*"}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotAction":"s3:Get*","Resource":"*"}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:*",1],"Resource":"*"}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Resources":"*"}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}}}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"v"}}}"#,
    ] {
        assert_eq!(id_err(bad), "Syntax errors in policy.", "{bad}");
    }
}

#[test]
fn identity_policy_messages() {
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"}))),
        "Policy document should not specify a principal."
    );
    assert_eq!(id_err_v(stmt(json!({"Effect": "Allow", "Resource": "*"}))), "Policy statement must contain actions.");
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": [], "Resource": "*"}))),
        "Policy statement must contain actions."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3:*"}))),
        "Policy statement must contain resources."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3:*", "Resource": []}))),
        "Policy statement must contain resources."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "GetObject", "Resource": "*"}))),
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3:a:b", "Resource": "*"}))),
        "Actions/Condition can contain only one colon."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "*:Untag*", "Resource": "*"}))),
        "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards"
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3!:Get", "Resource": "*"}))),
        "Vendor s3! is not valid"
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3:*", "Resource": "my-bucket"}))),
        "Resource my-bucket must be in ARN format or \"*\"."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:*:::b"}))),
        "Resource vendor must be fully qualified and cannot contain regexes."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws-xx:s3:::b"}))),
        "Partition \"aws-xx\" is not valid for resource \"arn:aws-xx:s3:::b\"."
    );
    assert_eq!(
        id_err_v(stmt(
            json!({"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam:us-east-1:123456789012:role/x"})
        )),
        "IAM resource arn:aws:iam:us-east-1:123456789012:role/x cannot contain region information."
    );
    assert!(
        id_err_v(stmt(json!({"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::123456789012:roles/x"})))
            .starts_with("IAM resource path must either be \"*\" or start with user/, federated-user/, role/")
    );
    assert_eq!(
        id_err_v(json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
            {"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})),
        "Statement IDs (SID) in a single policy must be unique."
    );
    assert_eq!(
        id_err_v(stmt(json!({"Effect": "allow", "Action": "s3:*", "Resource": "*"}))),
        "The policy failed legacy parsing"
    );
    assert_eq!(
        id_err_v(stmt(
            json!({"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "soon"}}})
        )),
        "The policy failed legacy parsing"
    );
    assert_eq!(
        id_err(
            " {\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"
        ),
        "The policy failed legacy parsing"
    );
}

#[test]
fn errors_carry_code_and_detail() {
    let e = parse_identity_policy(&stmt(json!({"Effect": "Allow", "Action": "s3:*"})).to_string()).unwrap_err();
    assert_eq!(e.code(), "MalformedPolicyDocument");
    assert_eq!(e.message(), "Policy statement must contain resources.");
    assert_eq!(e.detail(), Some("Statement[0] has no Resource"));
    assert!(matches!(e, PolicyError::MalformedPolicyDocument { .. }));
}

#[test]
fn trust_policy_messages() {
    assert_eq!(trust_err("{\"Version\": "), "This policy contains invalid Json");
    assert_eq!(
        trust_err_v(stmt(
            json!({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"})
        )),
        "Has prohibited field Resource"
    );
    assert_eq!(
        trust_err_v(stmt(json!({"Effect": "Allow", "Action": "sts:AssumeRole"}))),
        "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!"
    );
    assert_eq!(
        trust_err_v(stmt(
            json!({"Effect": "Allow", "Principal": {"Service": "ecs-task.amazonaws.com"}, "Action": "sts:AssumeRole"})
        )),
        "Invalid principal in policy: \"SERVICE\":\"ecs-task.amazonaws.com\""
    );
    assert_eq!(
        trust_err_v(stmt(
            json!({"Effect": "Allow", "Principal": {"Service": "amazonaws.com"}, "Action": "sts:AssumeRole"})
        )),
        "Invalid principal in policy: \"SERVICE\":\"amazonaws.com\""
    );
    assert_eq!(
        trust_err_v(stmt(
            json!({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123:role/x"}, "Action": "sts:AssumeRole"})
        )),
        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123:role/x\""
    );
    assert_eq!(
        trust_err_v(stmt(
            json!({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "s3:GetObject"})
        )),
        "AssumeRole policy may only specify STS AssumeRole actions."
    );
    assert_eq!(
        trust_err_v(stmt(json!({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}}))),
        "Policy statement must contain actions."
    );
    // A role that does not exist, via a caller-supplied check.
    let exists = |arn: &str| arn.ends_with(":role/exists");
    let checks = PrincipalChecks { aws_exists: &exists, ..PrincipalChecks::default() };
    let text = stmt(json!({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/gone"}, "Action": "sts:AssumeRole"})).to_string();
    assert_eq!(
        parse_trust_policy_with(&text, &checks).unwrap_err().to_string(),
        "Invalid principal in policy: \"AWS\":\"arn:aws:iam::123456789012:role/gone\""
    );
    assert!(parse_trust_policy_with(&text.replace("gone", "exists"), &checks).is_ok());
}

#[test]
fn valid_trust_policies() {
    for p in [
        stmt(
            json!({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}),
        ),
        stmt(json!({"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]}, "Action": ["sts:AssumeRole"]})),
        stmt(json!({"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "sts:AssumeRole"})),
        stmt(
            json!({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}),
        ),
        json!({"Version": "2008-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}),
    ] {
        parse_trust_policy(&p.to_string()).unwrap_or_else(|e| panic!("{e}: {p}"));
    }
}
