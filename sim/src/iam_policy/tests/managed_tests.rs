//! The managed-policy catalogue gives the answers the ECS facts say.

use crate::iam_policy::{
    Decision, PolicyDocument, Request, evaluate, managed_policies, managed_policy_by_arn, managed_policy_by_name,
    parse_identity_policy,
};

const ROLE: &str = "arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/3f9a";

fn doc(name: &str) -> PolicyDocument {
    managed_policy_by_name(name).unwrap_or_else(|| panic!("{name}")).document().unwrap()
}

fn can(name: &str, action: &str, resource: &str) -> bool {
    evaluate(&Request::new(ROLE, action, resource), &[&doc(name)]).is_allowed()
}

#[test]
fn catalogue_is_complete_and_every_document_passes_iam_validation() {
    let names: Vec<&str> = managed_policies().iter().map(|p| p.name).collect();
    for n in [
        "AmazonECSTaskExecutionRolePolicy",
        "AmazonEC2ContainerServiceforEC2Role",
        "AmazonEC2ContainerServiceRole",
        "AmazonECS_FullAccess",
        "AmazonEC2ContainerRegistryReadOnly",
        "AmazonEC2ContainerRegistryPowerUser",
        "AmazonEC2ContainerRegistryFullAccess",
        "AmazonS3ReadOnlyAccess",
        "AmazonS3FullAccess",
        "CloudWatchLogsFullAccess",
        "CloudWatchLogsReadOnlyAccess",
        "SecretsManagerReadWrite",
        "AmazonSSMReadOnlyAccess",
        "AdministratorAccess",
        "AmazonDynamoDBReadOnlyAccess",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    for p in managed_policies() {
        let d = parse_identity_policy(p.document_json).unwrap_or_else(|e| panic!("{}: {e} {:?}", p.name, e.detail()));
        assert_eq!(d.version.map(|v| v.as_str()), Some("2012-10-17"), "{}", p.name);
        assert!(p.version_id.starts_with('v'));
        assert!(!p.description.is_empty());
        assert_eq!(managed_policy_by_arn(&p.arn()).map(|x| x.name), Some(p.name));
    }
}

#[test]
fn arns_and_paths() {
    let exec = managed_policy_by_name("AmazonECSTaskExecutionRolePolicy").unwrap();
    assert_eq!(exec.path, "/service-role/");
    assert_eq!(exec.arn(), "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    assert_eq!(
        managed_policy_by_name("AmazonEC2ContainerServiceforEC2Role").unwrap().arn(),
        "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
    );
    assert_eq!(
        managed_policy_by_name("AmazonECS_FullAccess").unwrap().arn(),
        "arn:aws:iam::aws:policy/AmazonECS_FullAccess"
    );
    assert_eq!(
        managed_policy_by_name("AdministratorAccess").unwrap().arn(),
        "arn:aws:iam::aws:policy/AdministratorAccess"
    );
    assert!(managed_policy_by_name("ReadOnlyAccess").is_none());
    assert!(managed_policy_by_name("amazonecstaskexecutionrolepolicy").is_none());
}

#[test]
fn documents_keep_aws_key_order() {
    let pretty = doc("AmazonDynamoDBReadOnlyAccess").to_pretty_json();
    let (sid, action, effect) =
        (pretty.find("\"Sid\"").unwrap(), pretty.find("\"Action\"").unwrap(), pretty.find("\"Effect\"").unwrap());
    assert!(sid < action && action < effect, "AWS writes Sid, Action, Effect here");
    let ec2 = doc("AmazonEC2ContainerServiceforEC2Role");
    assert_eq!(ec2.statements[1].action, Some(vec!["ecs:TagResource".to_string()]));
    assert!(ec2.raw()["Statement"][1]["Action"].is_string(), "string form kept");
}

#[test]
fn task_execution_role_policy() {
    let p = "AmazonECSTaskExecutionRolePolicy";
    for repo in
        ["arn:aws:ecr:us-east-1:123456789012:repository/web", "arn:aws:ecr:eu-west-1:999999999999:repository/team/api"]
    {
        assert!(can(p, "ecr:BatchGetImage", repo));
        assert!(can(p, "ecr:GetDownloadUrlForLayer", repo));
        assert!(can(p, "ecr:BatchCheckLayerAvailability", repo));
    }
    assert!(can(p, "ecr:GetAuthorizationToken", "*"));
    let stream = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:log-stream:ecs/web/abc";
    assert!(can(p, "logs:CreateLogStream", stream));
    assert!(can(p, "logs:PutLogEvents", stream));
    assert!(!can(p, "logs:CreateLogGroup", "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web"));
    assert!(!can(p, "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"));
    assert!(!can(p, "ssm:GetParameters", "arn:aws:ssm:us-east-1:123456789012:parameter/db/password"));
    assert!(!can(p, "kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/1234"));
    assert!(!can(p, "ecr:PutImage", "arn:aws:ecr:us-east-1:123456789012:repository/web"));
}

#[test]
fn container_instance_role_policy() {
    let p = "AmazonEC2ContainerServiceforEC2Role";
    for a in [
        "ecs:RegisterContainerInstance",
        "ecs:DeregisterContainerInstance",
        "ecs:DiscoverPollEndpoint",
        "ecs:Poll",
        "ecs:StartTelemetrySession",
        "ecs:UpdateContainerInstancesState",
        "ecs:SubmitTaskStateChange",
        "ecs:SubmitContainerStateChange",
        "ecs:SubmitAttachmentStateChanges",
        "ecs:CreateCluster",
        "ec2:DescribeTags",
        "ecr:GetAuthorizationToken",
        "logs:PutLogEvents",
    ] {
        assert!(can(p, a, "*"), "{a}");
    }
    assert!(!can(p, "ecs:RunTask", "*"));
    assert!(!can(p, "logs:CreateLogGroup", "*"));
    // TagResource only while creating a cluster or registering an instance.
    let cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/default";
    let d = doc(p);
    let tag = Request::new(ROLE, "ecs:TagResource", cluster);
    assert_eq!(evaluate(&tag, &[&d]), Decision::ImplicitDeny);
    assert!(evaluate(&tag.clone().with_context("ecs:CreateAction", ["RegisterContainerInstance"]), &[&d]).is_allowed());
    assert!(!evaluate(&tag.with_context("ecs:CreateAction", ["RunTask"]), &[&d]).is_allowed());
    // ListTagsForResource only on tasks and container instances.
    assert!(can(p, "ecs:ListTagsForResource", "arn:aws:ecs:us-east-1:123456789012:task/default/0abc"));
    assert!(can(p, "ecs:ListTagsForResource", "arn:aws:ecs:us-east-1:123456789012:container-instance/default/9f"));
    assert!(!can(p, "ecs:ListTagsForResource", cluster));
}

#[test]
fn ecs_full_access_pass_role_needs_the_right_service() {
    let d = doc("AmazonECS_FullAccess");
    let role = "arn:aws:iam::123456789012:role/ecsTaskRole";
    let pass = Request::new("arn:aws:iam::123456789012:user/dev", "iam:PassRole", role);
    assert_eq!(evaluate(&pass, &[&d]), Decision::ImplicitDeny);
    assert_eq!(
        evaluate(&pass.clone().with_context("iam:PassedToService", ["ecs-tasks.amazonaws.com"]), &[&d]),
        Decision::Allow { statement: Some("TasksPassRolePolicy".into()) }
    );
    assert!(!evaluate(&pass.with_context("iam:PassedToService", ["ec2.amazonaws.com"]), &[&d]).is_allowed());
    let instance = Request::new(
        "arn:aws:iam::123456789012:user/dev",
        "iam:PassRole",
        "arn:aws:iam::123456789012:role/ecsInstanceRole",
    )
    .with_context("iam:PassedToService", ["ec2.amazonaws.com"]);
    assert!(evaluate(&instance, &[&d]).is_allowed());
    assert!(can("AmazonECS_FullAccess", "ecs:CreateService", "*"));
    assert!(can(
        "AmazonECS_FullAccess",
        "ssm:GetParameter",
        "arn:aws:ssm:us-east-1:123456789012:parameter/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended"
    ));
    assert!(!can(
        "AmazonECS_FullAccess",
        "ssm:GetParameter",
        "arn:aws:ssm:us-east-1:123456789012:parameter/db/password"
    ));
}

#[test]
fn registry_policies() {
    let repo = "arn:aws:ecr:us-east-1:123456789012:repository/app";
    assert!(can("AmazonEC2ContainerRegistryReadOnly", "ecr:BatchGetImage", repo));
    assert!(!can("AmazonEC2ContainerRegistryReadOnly", "ecr:InitiateLayerUpload", repo));
    for a in [
        "ecr:InitiateLayerUpload",
        "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload",
        "ecr:PutImage",
        "ecr:BatchCheckLayerAvailability",
    ] {
        assert!(can("AmazonEC2ContainerRegistryPowerUser", a, repo), "{a}");
    }
    assert!(!can("AmazonEC2ContainerRegistryPowerUser", "ecr:DeleteRepository", repo));
    assert!(!can("AmazonEC2ContainerRegistryPowerUser", "ecr:SetRepositoryPolicy", repo));
    assert!(can("AmazonEC2ContainerRegistryFullAccess", "ecr:DeleteRepository", repo));
}

#[test]
fn other_service_policies() {
    assert!(can("AmazonS3ReadOnlyAccess", "s3:GetObject", "arn:aws:s3:::b/k"));
    assert!(!can("AmazonS3ReadOnlyAccess", "s3:PutObject", "arn:aws:s3:::b/k"));
    assert!(can("AmazonS3FullAccess", "s3:PutObject", "arn:aws:s3:::b/k"));
    assert!(can("CloudWatchLogsFullAccess", "logs:CreateLogGroup", "*"));
    assert!(can("CloudWatchLogsReadOnlyAccess", "logs:GetLogEvents", "*"));
    assert!(!can("CloudWatchLogsReadOnlyAccess", "logs:PutLogEvents", "*"));
    assert!(can(
        "SecretsManagerReadWrite",
        "secretsmanager:GetSecretValue",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:x"
    ));
    assert!(can("AmazonSSMReadOnlyAccess", "ssm:GetParameters", "arn:aws:ssm:us-east-1:123456789012:parameter/x"));
    assert!(!can("AmazonSSMReadOnlyAccess", "ssm:PutParameter", "*"));
    assert!(can("AdministratorAccess", "iam:CreateRole", "arn:aws:iam::123456789012:role/x"));
    assert!(can("AmazonDynamoDBReadOnlyAccess", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/t"));
    assert!(!can(
        "AmazonDynamoDBReadOnlyAccess",
        "dynamodb:PutItem",
        "arn:aws:dynamodb:us-east-1:123456789012:table/t"
    ));
    assert!(can("AmazonEC2ContainerServiceRole", "elasticloadbalancing:RegisterTargets", "*"));
}
