//! Application Auto Scaling operations for Amazon ECS services (ecs-facts.md §3.4): scalable targets
//! (`service/<cluster>/<service>`, `ecs:service:DesiredCount`), scaling policies (target tracking, step
//! scaling), scheduled actions and scaling activities. Other service namespaces get a clear
//! ValidationException. Scaling itself happens on the clock (lifecycle/scaling.rs).

mod activities;
mod policies;
mod scheduled;
mod targets;

use super::{Handler, Req, ServiceError};
use crate::world::application_autoscaling::{ECS_DESIRED_COUNT, parse_service_resource};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "RegisterScalableTarget" => targets::register,
        "DeregisterScalableTarget" => targets::deregister,
        "DescribeScalableTargets" => targets::describe,
        "PutScalingPolicy" => policies::put,
        "DescribeScalingPolicies" => policies::describe,
        "DeleteScalingPolicy" => policies::delete,
        "PutScheduledAction" => scheduled::put,
        "DescribeScheduledActions" => scheduled::describe,
        "DeleteScheduledAction" => scheduled::delete,
        "DescribeScalingActivities" => activities::describe,
        _ => return None,
    })
}

fn validation(message: impl Into<String>) -> ServiceError {
    ServiceError::new("ValidationException", message)
}

/// botocore's ServiceNamespace enum.
const NAMESPACES: [&str; 15] = [
    "ecs",
    "elasticmapreduce",
    "ec2",
    "appstream",
    "dynamodb",
    "rds",
    "sagemaker",
    "custom-resource",
    "comprehend",
    "lambda",
    "cassandra",
    "kafka",
    "elasticache",
    "neptune",
    "workspaces",
];

/// ServiceNamespace must be `ecs`: an unknown value gets AWS's enum constraint text, another service's
/// namespace the sandbox's explanation.
fn check_namespace(req: Req<'_>) -> Result<(), ServiceError> {
    let ns = req.str("ServiceNamespace").unwrap_or_default();
    if !NAMESPACES.contains(&ns) {
        return Err(validation(format!(
            "1 validation error detected: Value '{ns}' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
            NAMESPACES.join(", ")
        )));
    }
    if ns != "ecs" {
        return Err(validation(format!(
            "The sandbox models Application Auto Scaling for Amazon ECS services only (service namespace ecs); {ns} is not modelled."
        )));
    }
    Ok(())
}

/// ResourceId and ScalableDimension of a request that names one target: `service/<cluster>/<service>` and
/// `ecs:service:DesiredCount`, else AWS's `Unsupported service namespace, resource type or scalable dimension`.
fn target_key(req: Req<'_>) -> Result<(String, String), ServiceError> {
    check_namespace(req)?;
    let resource = req.str("ResourceId").unwrap_or_default();
    let dimension = req.str("ScalableDimension").unwrap_or_default();
    if dimension != ECS_DESIRED_COUNT || parse_service_resource(resource).is_none() {
        return Err(validation("Unsupported service namespace, resource type or scalable dimension"));
    }
    Ok((resource.to_string(), dimension.to_string()))
}

/// Application Auto Scaling's ObjectNotFoundException for a target that is not registered (AWS's text).
fn no_target(resource: &str, dimension: &str) -> ServiceError {
    ServiceError::new(
        "ObjectNotFoundException",
        format!("No scalable target registered for service namespace: ecs, resource ID: {resource}, scalable dimension: {dimension}"),
    )
}
