//! The sandbox's implementation of each AWS operation it models: a function from the API request (as the
//! CLI built it) to the response, or to the service's error. The CLI layer handles everything around it.

pub mod application_autoscaling;
pub mod cloudwatch;
pub mod autoscaling;
pub mod ec2;
pub mod ecr;
pub mod ecs;
pub mod elbv2;
pub mod iam;
pub mod logs;
pub mod s3api;
pub mod secretsmanager;
pub mod caller;
mod error;
mod request;
pub mod ssm;
pub mod sts;

use crate::context::Ctx;
use crate::workspace::Workspace;
pub use error::ServiceError;
pub use request::Req;
use serde_json::Value;

/// One call: the Region, the request, and what the CLI's process sees (stdin, the learner's files).
pub struct Call<'a> {
    pub region: &'a str,
    pub request: &'a Value,
    pub stdin: &'a str,
    pub workspace: &'a dyn Workspace,
    /// Who is calling (the learner, or a task's role).
    pub caller: &'a caller::Caller,
}

impl Call<'_> {
    pub fn req(&self) -> Req<'_> {
        Req(self.request)
    }
}

pub type Handler = fn(&mut Ctx<'_>, &Call<'_>) -> Result<Value, ServiceError>;

/// The handler of an operation, by service CLI name and API operation name.
pub fn handler(service: &str, operation: &str) -> Option<Handler> {
    match service {
        "ecs" => ecs::handler(operation),
        "elbv2" => elbv2::handler(operation),
        "ec2" => ec2::handler(operation),
        "autoscaling" => autoscaling::handler(operation),
        "ssm" => ssm::handler(operation),
        "sts" => sts::handler(operation),
        "iam" => iam::handler(operation),
        "ecr" => ecr::handler(operation),
        "logs" => logs::handler(operation),
        "secretsmanager" => secretsmanager::handler(operation),
        "s3api" => s3api::handler(operation),
        "cloudwatch" => cloudwatch::handler(operation),
        "application-autoscaling" => application_autoscaling::handler(operation),
        _ => None,
    }
}
