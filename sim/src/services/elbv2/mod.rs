//! Elastic Load Balancing v2 operations (ecs-facts.md §4): load balancers, target groups, listeners and
//! rules, target registration and health. Error texts are ELB's where the reference or a public source quotes
//! them (cited beside each); the others are marked "Not verbatim".
//!
//! [`service_targets`] is the seam the ECS service scheduler uses to register and deregister its tasks and
//! to read their health; [`routing`] is what `curl` asks to route a request.

mod actions;
mod listeners;
mod load_balancers;
mod render;
pub mod routing;
mod rules;
pub mod service_targets;
mod target_groups;
mod targets;

use super::{Handler, ServiceError};
pub use load_balancers::on_active;
pub use target_groups::matcher_accepts;
pub use targets::{TargetHealthView, describe_health};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateLoadBalancer" => load_balancers::create,
        "DescribeLoadBalancers" => load_balancers::describe,
        "DeleteLoadBalancer" => load_balancers::delete,
        "CreateTargetGroup" => target_groups::create,
        "DescribeTargetGroups" => target_groups::describe,
        "DeleteTargetGroup" => target_groups::delete,
        "ModifyTargetGroup" => target_groups::modify,
        "DescribeTargetGroupAttributes" => target_groups::describe_attributes,
        "ModifyTargetGroupAttributes" => target_groups::modify_attributes,
        "CreateListener" => listeners::create,
        "DescribeListeners" => listeners::describe,
        "DeleteListener" => listeners::delete,
        "CreateRule" => rules::create,
        "DescribeRules" => rules::describe,
        "DeleteRule" => rules::delete,
        "RegisterTargets" => targets::register,
        "DeregisterTargets" => targets::deregister,
        "DescribeTargetHealth" => targets::describe_target_health,
        _ => return None,
    })
}

/// ELB's `ValidationError`.
fn validation(message: impl Into<String>) -> ServiceError {
    ServiceError::new("ValidationError", message)
}

// The NotFound texts below are ELB's fixed messages ("One or more … not found"), as moto reproduces them
// (ecs-facts.md §8.5 [MOTO]) and AWS returns them.
fn lb_not_found() -> ServiceError {
    ServiceError::new("LoadBalancerNotFound", "One or more load balancers not found")
}
fn tg_not_found() -> ServiceError {
    ServiceError::new("TargetGroupNotFound", "One or more target groups not found")
}
fn listener_not_found() -> ServiceError {
    ServiceError::new("ListenerNotFound", "One or more listeners not found")
}
fn rule_not_found() -> ServiceError {
    ServiceError::new("RuleNotFound", "One or more rules not found")
}

/// Names of load balancers and target groups (ecs-facts.md §4): up to 32 characters, alphanumerics and
/// hyphens, not starting or ending with a hyphen. `what` is `Load balancer` or `Target group`.
fn check_name(what: &str, name: &str) -> Result<(), ServiceError> {
    if name.len() > 32 {
        // https://github.com/hashicorp/terraform/pull/11699 quotes it: "Target group name 'VeryLongGroupNameWhichCausesAnError' cannot be longer than '32' characters".
        return Err(validation(format!("{what} name '{name}' cannot be longer than '32' characters")));
    }
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        // Not verbatim.
        return Err(validation(format!("{what} name '{name}' can only contain characters that are alphanumeric characters or hyphens(-)")));
    }
    if name.starts_with('-') || name.ends_with('-') {
        // Not verbatim.
        return Err(validation(format!("{what} name '{name}' cannot begin or end with '-'")));
    }
    Ok(())
}

fn tags(req: crate::services::Req<'_>) -> Vec<(String, String)> {
    req.list("Tags")
        .iter()
        .filter_map(|t| Some((t.get("Key")?.as_str()?.to_string(), t.get("Value").and_then(serde_json::Value::as_str).unwrap_or("").to_string())))
        .collect()
}
