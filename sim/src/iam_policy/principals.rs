//! Principal checks used when a trust policy is created.
//!
//! IAM rejects a trust policy naming a service principal it does not know, e.g.
//! `MalformedPolicyDocument: Invalid principal in policy: "SERVICE":"tagging.amazonaws.com"`
//! (hashicorp/terraform#35086, 2024) or `"SERVICE":"amazonaws.com"`
//! (aws-samples/aws-cdk-examples#801), and an AWS principal that does not exist, e.g.
//! `Invalid principal in policy: "AWS":"arn:aws:iam::…:role/…"`
//! (aws-samples/aws-iam-access-key-auto-rotation#26).
//!
//! AWS publishes no complete list of service principals; [`KNOWN_SERVICE_PRINCIPALS`] is a
//! sandbox-defined list of common ones (ECS-related first). Callers can supply their own
//! predicate through `parse_trust_policy_with`.

/// Service principals the sandbox accepts in trust policies by default (sandbox-defined).
pub const KNOWN_SERVICE_PRINCIPALS: &[&str] = &[
    "ecs-tasks.amazonaws.com",
    "ecs.amazonaws.com",
    "ec2.amazonaws.com",
    "ecs.application-autoscaling.amazonaws.com",
    "application-autoscaling.amazonaws.com",
    "autoscaling.amazonaws.com",
    "events.amazonaws.com",
    "scheduler.amazonaws.com",
    "codedeploy.amazonaws.com",
    "codebuild.amazonaws.com",
    "codepipeline.amazonaws.com",
    "cloudformation.amazonaws.com",
    "lambda.amazonaws.com",
    "edgelambda.amazonaws.com",
    "states.amazonaws.com",
    "batch.amazonaws.com",
    "elasticloadbalancing.amazonaws.com",
    "spot.amazonaws.com",
    "spotfleet.amazonaws.com",
    "ssm.amazonaws.com",
    "secretsmanager.amazonaws.com",
    "logs.amazonaws.com",
    "delivery.logs.amazonaws.com",
    "vpc-flow-logs.amazonaws.com",
    "monitoring.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    "s3.amazonaws.com",
    "sns.amazonaws.com",
    "sqs.amazonaws.com",
    "firehose.amazonaws.com",
    "kinesis.amazonaws.com",
    "apigateway.amazonaws.com",
    "appsync.amazonaws.com",
    "eks.amazonaws.com",
    "eks-fargate-pods.amazonaws.com",
    "pods.eks.amazonaws.com",
    "ecr.amazonaws.com",
    "replication.ecr.amazonaws.com",
    "pullthroughcache.ecr.amazonaws.com",
    "servicediscovery.amazonaws.com",
    "backup.amazonaws.com",
    "rds.amazonaws.com",
    "dynamodb.amazonaws.com",
    "glue.amazonaws.com",
    "sagemaker.amazonaws.com",
    "elasticmapreduce.amazonaws.com",
    "datasync.amazonaws.com",
    "elasticfilesystem.amazonaws.com",
    "kms.amazonaws.com",
    "iam.amazonaws.com",
    "sts.amazonaws.com",
    "cognito-idp.amazonaws.com",
    "ses.amazonaws.com",
    "xray.amazonaws.com",
    "apprunner.amazonaws.com",
    "build.apprunner.amazonaws.com",
    "tasks.apprunner.amazonaws.com",
];

/// Is this a service principal the sandbox knows (case-insensitive; `.amazonaws.com.cn`
/// forms of the listed names are accepted too)?
pub fn is_known_service_principal(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".cn").unwrap_or(&lower);
    KNOWN_SERVICE_PRINCIPALS.contains(&base)
}

/// Is this a well-formed `AWS` principal: `*`, a 12-digit account ID, or an IAM/STS ARN
/// of an account root, user, role or role session?
pub fn is_well_formed_aws_principal(value: &str) -> bool {
    if value == "*" || (value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit())) {
        return true;
    }
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    let account_ok = |a: &str| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        ["arn", partition, "iam", "", acct, res] => {
            partition.starts_with("aws")
                && account_ok(acct)
                && (*res == "root" || name_after(res, "user/") || name_after(res, "role/"))
        }
        ["arn", partition, "sts", "", acct, res] => {
            partition.starts_with("aws")
                && account_ok(acct)
                && res.starts_with("assumed-role/")
                && res.matches('/').count() >= 2
        }
        _ => false,
    }
}

fn name_after(res: &str, prefix: &str) -> bool {
    res.strip_prefix(prefix)
        .and_then(|r| r.rsplit('/').next())
        .is_some_and(|n| !n.is_empty() && !n.contains(['*', '?']))
}
