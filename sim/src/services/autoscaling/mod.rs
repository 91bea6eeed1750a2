//! Amazon EC2 Auto Scaling operations (`aws autoscaling …`): groups launched from EC2 launch templates, their
//! desired capacity, instance scale-in protection and scaling activities (ecs-facts.md §3.5). The group's
//! behaviour over time is in `lifecycle::auto_scaling_group`.

mod activities;
mod groups;
mod instances;

use super::{Handler, ServiceError};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateAutoScalingGroup" => groups::create,
        "DescribeAutoScalingGroups" => groups::describe,
        "UpdateAutoScalingGroup" => groups::update,
        "SetDesiredCapacity" => groups::set_desired_capacity,
        "DeleteAutoScalingGroup" => groups::delete,
        "SetInstanceProtection" => instances::set_protection,
        "TerminateInstanceInAutoScalingGroup" => instances::terminate,
        "DescribeScalingActivities" => activities::describe,
        _ => return None,
    })
}

/// Auto Scaling's `ValidationError` for a group that does not exist.
fn group_not_found(name: &str) -> ServiceError {
    ServiceError::new("ValidationError", format!("AutoScalingGroup name not found - AutoScalingGroup {name} not found"))
}
