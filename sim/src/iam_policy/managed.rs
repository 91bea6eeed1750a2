//! A catalogue of real AWS managed policies, embedded as JSON (`managed/*.json`).
//!
//! Every document is the current default version as AWS publishes it on its "AWS Managed
//! Policy Reference" pages (`https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html`),
//! with the keys, element order and string-vs-array forms kept; only whitespace follows the
//! reference pages' pretty printing. Versions and edit times are those pages' own (pages as
//! of 2026; `AdministratorAccess` checked against zoph-io/MAMIP `policies/AdministratorAccess`,
//! v1). No entry is reconstructed. `ReadOnlyAccess` is left out: its document alone is well
//! over 50 KB (well over 100 KB in iann0036/iam-dataset).

use super::PolicyError;
use super::document::PolicyDocument;

/// One AWS managed policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagedPolicy {
    /// Policy name, e.g. `AmazonECSTaskExecutionRolePolicy`.
    pub name: &'static str,
    /// Policy path, e.g. `/service-role/`.
    pub path: &'static str,
    /// The policy's IAM description.
    pub description: &'static str,
    /// Default version id, e.g. `v1`.
    pub version_id: &'static str,
    /// "Edited time" on the reference page (UTC).
    pub edited: &'static str,
    /// The reference page's policy type.
    pub policy_type: &'static str,
    /// The document JSON.
    pub document_json: &'static str,
}

impl ManagedPolicy {
    /// `arn:aws:iam::aws:policy<path><name>`.
    pub fn arn(&self) -> String {
        format!("arn:aws:iam::aws:policy{}{}", self.path, self.name)
    }

    /// The parsed document.
    pub fn document(&self) -> Result<PolicyDocument, PolicyError> {
        PolicyDocument::from_json(self.document_json)
    }
}

const SERVICE_ROLE: &str = "Service role policy";
const AWS_MANAGED: &str = "AWS managed policy";

macro_rules! policy {
    ($name:literal, $path:literal, $ty:expr, $ver:literal, $edited:literal, $desc:literal) => {
        ManagedPolicy {
            name: $name,
            path: $path,
            description: $desc,
            version_id: $ver,
            edited: $edited,
            policy_type: $ty,
            document_json: include_str!(concat!("managed/", $name, ".json")),
        }
    };
}

static POLICIES: [ManagedPolicy; 15] = [
    policy!(
        "AmazonECSTaskExecutionRolePolicy",
        "/service-role/",
        SERVICE_ROLE,
        "v1",
        "November 16, 2017, 18:48 UTC",
        "Provides access to other AWS service resources that are required to run Amazon ECS tasks"
    ),
    policy!(
        "AmazonEC2ContainerServiceforEC2Role",
        "/service-role/",
        SERVICE_ROLE,
        "v10",
        "February 12, 2026, 17:59 UTC",
        "Default policy for the Amazon EC2 Role for Amazon EC2 Container Service."
    ),
    policy!(
        "AmazonEC2ContainerServiceRole",
        "/service-role/",
        SERVICE_ROLE,
        "v2",
        "August 11, 2016, 13:08 UTC",
        "Default policy for Amazon ECS service role."
    ),
    policy!(
        "AmazonECS_FullAccess",
        "/",
        AWS_MANAGED,
        "v21",
        "August 13, 2024, 19:39 UTC",
        "Provides administrative access to Amazon ECS resources and enables ECS features through access to other AWS service resources, including VPCs, Auto Scaling groups, and CloudFormation stacks."
    ),
    policy!(
        "AmazonEC2ContainerRegistryReadOnly",
        "/",
        AWS_MANAGED,
        "v3",
        "December 10, 2019, 20:56 UTC",
        "Provides read-only access to Amazon EC2 Container Registry repositories."
    ),
    policy!(
        "AmazonEC2ContainerRegistryPowerUser",
        "/",
        AWS_MANAGED,
        "v3",
        "December 10, 2019, 20:48 UTC",
        "Provides full access to Amazon EC2 Container Registry repositories, but does not allow repository deletion or policy changes."
    ),
    policy!(
        "AmazonEC2ContainerRegistryFullAccess",
        "/",
        AWS_MANAGED,
        "v3",
        "December 05, 2020, 00:04 UTC",
        "Provides administrative access to Amazon ECR resources"
    ),
    policy!(
        "AmazonS3ReadOnlyAccess",
        "/",
        AWS_MANAGED,
        "v3",
        "August 10, 2023, 21:31 UTC",
        "Provides read only access to all buckets via the AWS Management Console."
    ),
    policy!(
        "AmazonS3FullAccess",
        "/",
        AWS_MANAGED,
        "v2",
        "September 27, 2021, 20:16 UTC",
        "Provides full access to all buckets via the AWS Management Console."
    ),
    policy!(
        "CloudWatchLogsFullAccess",
        "/",
        AWS_MANAGED,
        "v8",
        "February 12, 2026, 18:00 UTC",
        "Provides full access to CloudWatch Logs"
    ),
    policy!(
        "CloudWatchLogsReadOnlyAccess",
        "/",
        AWS_MANAGED,
        "v12",
        "February 12, 2026, 17:59 UTC",
        "Provides read only access to CloudWatch Logs"
    ),
    policy!(
        "SecretsManagerReadWrite",
        "/",
        AWS_MANAGED,
        "v6",
        "August 25, 2026, 23:37 UTC",
        "Provides read/write access to AWS Secrets Manager via the AWS Management Console. Note: this exludes IAM actions, so combine with IAMFullAccess if rotation configuration is required."
    ),
    policy!(
        "AmazonSSMReadOnlyAccess",
        "/",
        AWS_MANAGED,
        "v1",
        "May 29, 2015, 17:44 UTC",
        "Provides read only access to Amazon SSM."
    ),
    policy!(
        "AdministratorAccess",
        "/",
        AWS_MANAGED,
        "v1",
        "February 06, 2015, 18:39 UTC",
        "Provides full access to AWS services and resources."
    ),
    policy!(
        "AmazonDynamoDBReadOnlyAccess",
        "/",
        AWS_MANAGED,
        "v15",
        "November 18, 2024, 17:38 UTC",
        "Provides read only access to Amazon DynamoDB via the AWS Management Console."
    ),
];

/// All catalogued managed policies.
pub fn managed_policies() -> &'static [ManagedPolicy] {
    &POLICIES
}

/// Look a policy up by name (exact, case-sensitive as in IAM).
pub fn managed_policy_by_name(name: &str) -> Option<&'static ManagedPolicy> {
    POLICIES.iter().find(|p| p.name == name)
}

/// Look a policy up by ARN, e.g. `arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`.
pub fn managed_policy_by_arn(arn: &str) -> Option<&'static ManagedPolicy> {
    POLICIES.iter().find(|p| p.arn() == arn)
}
