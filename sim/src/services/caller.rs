//! Who is calling an AWS API: the learner (an IAM user, an administrator unless a lesson restricts them),
//! or an application inside a task, using its task role (as `aws ecs execute-command` shows). Every call is
//! authorized against the caller's IAM policies before the service sees it.

use crate::tuning::ACCOUNT_ID;
use crate::world::World;

/// What the AWS CLI v2 says when it finds no credentials (exit code 253).
pub const NO_CREDENTIALS: &str = "Unable to locate credentials. You can configure credentials by running \"aws configure\".";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Caller {
    #[default]
    Learner,
    /// A role's temporary credentials (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`).
    Role { role: String, session: String },
    /// No credentials at all (a Fargate task without a task role): the CLI cannot sign requests.
    NoCredentials,
}

impl Caller {
    pub fn arn(&self, world: &World) -> String {
        match self {
            Caller::Learner => world.iam.learner_arn(),
            Caller::Role { role, session } => format!("arn:aws:sts::{ACCOUNT_ID}:assumed-role/{role}/{session}"),
            Caller::NoCredentials => String::new(),
        }
    }

    /// Whether the caller may perform `action` on `resource`; the AccessDenied text when not. A role that
    /// no longer exists has no permissions.
    pub fn authorize(&self, world: &World, action: &str, resource: &str) -> Result<(), String> {
        self.authorize_with(world, action, resource, &[])
    }

    /// Like [`Caller::authorize`], with condition keys (`iam:PassedToService`, …).
    pub fn authorize_with(&self, world: &World, action: &str, resource: &str, context: &[(&str, &str)]) -> Result<(), String> {
        match self {
            Caller::Learner => world.iam.authorize_learner(action, resource, context),
            Caller::NoCredentials => Err(NO_CREDENTIALS.to_string()),
            Caller::Role { role, session } => match world.iam.role(role) {
                Some(r) => {
                    let (request, explanation) = world.iam.explain_role(r, session, action, resource, context);
                    match crate::iam_policy::messages::access_denied_message_explained(&request, &explanation) {
                        None => Ok(()),
                        Some(text) => Err(text),
                    }
                }
                None => Err(crate::iam_policy::messages::implicit_deny(
                    &self.arn(world),
                    action,
                    resource,
                    crate::iam_policy::messages::PolicyType::IdentityBased,
                )),
            },
        }
    }
}

/// The IAM action an API operation is authorized as: `service:Operation`, with the few exceptions IAM
/// makes (S3's `ListBuckets` is `s3:ListAllMyBuckets`; `GetCallerIdentity` needs no permission).
pub fn iam_action(service: &str, operation: &str) -> Option<String> {
    let prefix = match service {
        "s3api" | "s3" => "s3",
        "elbv2" => "elasticloadbalancing",
        other => other,
    };
    match (prefix, operation) {
        ("sts", "GetCallerIdentity") => None,
        ("s3", "ListBuckets") => Some("s3:ListAllMyBuckets".into()),
        ("s3", "ListObjectsV2") => Some("s3:ListBucket".into()),
        ("s3", "HeadBucket") => Some("s3:ListBucket".into()),
        _ => Some(format!("{prefix}:{operation}")),
    }
}

/// The error code a denied call returns, per service (`AccessDeniedException` for the JSON APIs,
/// `AccessDenied` for IAM, STS and S3, `UnauthorizedOperation` for EC2).
pub fn denied_code(service: &str) -> &'static str {
    match service {
        "ec2" => "UnauthorizedOperation",
        "iam" | "sts" | "s3" | "s3api" | "elbv2" => "AccessDenied",
        _ => "AccessDeniedException",
    }
}
