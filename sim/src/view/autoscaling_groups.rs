//! Auto Scaling groups and capacity providers as plain data, for the page's capacity panel and lesson goals
//! (`autoScalingGroups[?name=='ecs-asg'].desiredCapacity`, `capacityProviders[?name=='cp'].reservation`).

use crate::world::Region;
use crate::world::autoscaling::Activity;
use serde::Serialize;

/// Activities per group the view carries, newest first.
pub const VIEW_ACTIVITIES: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupInstanceView {
    pub instance_id: String,
    /// `Pending`, `InService`, `Terminating`.
    pub lifecycle_state: String,
    pub availability_zone: String,
    pub protected_from_scale_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub activity_id: String,
    pub start_millis: u64,
    /// `InProgress`, `Successful`, `Failed`.
    pub status_code: String,
    pub description: String,
    pub cause: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoScalingGroupView {
    pub region: String,
    pub name: String,
    pub arn: String,
    pub min_size: u32,
    pub max_size: u32,
    pub desired_capacity: u32,
    pub instances: Vec<GroupInstanceView>,
    /// Newest first, at most [`VIEW_ACTIVITIES`].
    pub activities: Vec<ActivityView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CapacityProviderView {
    pub region: String,
    pub name: String,
    pub arn: String,
    /// `ACTIVE` or `INACTIVE`.
    pub status: String,
    /// The group's name, when it still exists.
    pub auto_scaling_group_name: Option<String>,
    /// `ENABLED` or `DISABLED`.
    pub managed_scaling_status: String,
    pub target_capacity: u32,
    /// `ENABLED` or `DISABLED`.
    pub managed_termination_protection: String,
    /// The latest CapacityProviderReservation (percent), none before managed scaling has measured.
    pub reservation: Option<u32>,
}

fn activity(a: &Activity) -> ActivityView {
    ActivityView {
        activity_id: a.id.clone(),
        start_millis: a.start.0,
        status_code: a.status_code.clone(),
        description: a.description.clone(),
        cause: a.cause.clone(),
    }
}

pub fn groups(r: &Region) -> Vec<AutoScalingGroupView> {
    r.autoscaling
        .groups
        .values()
        .map(|g| AutoScalingGroupView {
            region: r.name.clone(),
            name: g.name.clone(),
            arn: g.arn.clone(),
            min_size: g.min_size,
            max_size: g.max_size,
            desired_capacity: g.desired_capacity,
            instances: g
                .instances
                .iter()
                .map(|i| GroupInstanceView {
                    instance_id: i.instance_id.clone(),
                    lifecycle_state: i.lifecycle_state.as_str().into(),
                    availability_zone: i.availability_zone.clone(),
                    protected_from_scale_in: i.protected_from_scale_in,
                })
                .collect(),
            activities: g.activities.iter().rev().take(VIEW_ACTIVITIES).map(activity).collect(),
        })
        .collect()
}

pub fn capacity_providers(r: &Region) -> Vec<CapacityProviderView> {
    r.ecs
        .capacity_providers
        .values()
        .map(|cp| CapacityProviderView {
            region: r.name.clone(),
            name: cp.name.clone(),
            arn: cp.arn(),
            status: cp.status.clone(),
            auto_scaling_group_name: r.autoscaling.group_by_arn_or_name(&cp.auto_scaling_group_arn).map(|g| g.name.clone()),
            managed_scaling_status: if cp.managed_scaling.enabled { "ENABLED" } else { "DISABLED" }.into(),
            target_capacity: cp.managed_scaling.target_capacity,
            managed_termination_protection: cp.managed_termination_protection.clone(),
            reservation: r.autoscaling.managed.get(&cp.name).and_then(|m| m.reservation),
        })
        .collect()
}
