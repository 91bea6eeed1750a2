//! Application Auto Scaling for one Region, ECS services only (ecs-facts.md §3.4): scalable targets
//! (`service/<cluster>/<service>`, `ecs:service:DesiredCount`, min and max), their scaling policies (target
//! tracking and step scaling, with the cooldown clocks they keep), scheduled actions, and the scaling
//! activities `describe-scaling-activities` lists.

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use crate::world::scaling_schedule::Schedule;
use serde_json::Value;
use std::collections::BTreeMap;

/// The only scalable dimension the sandbox models.
pub const ECS_DESIRED_COUNT: &str = "ecs:service:DesiredCount";
/// §3.4: target tracking cooldowns and the step scaling Cooldown default to 300 s for ECS services.
pub const DEFAULT_COOLDOWN_SECS: u32 = 300;
/// The newest activities kept per Region (AWS keeps six weeks).
pub const MAX_ACTIVITIES: usize = 500;

/// A target's key: (ResourceId, ScalableDimension).
pub type TargetKey = (String, String);

#[derive(Debug, Clone, PartialEq)]
pub struct ScalableTarget {
    pub resource_id: String,
    pub dimension: String,
    pub min: u32,
    pub max: u32,
    pub role_arn: String,
    pub arn: String,
    pub created: SimTime,
    /// DynamicScalingInSuspended, DynamicScalingOutSuspended, ScheduledScalingSuspended.
    pub suspended: [bool; 3],
}

impl ScalableTarget {
    /// `(cluster, service)` of `service/<cluster>/<service>`.
    pub fn service(&self) -> Option<(&str, &str)> {
        parse_service_resource(&self.resource_id)
    }
}

/// `(cluster, service)` of a `service/<cluster>/<service>` resource id.
pub fn parse_service_resource(resource_id: &str) -> Option<(&str, &str)> {
    let rest = resource_id.strip_prefix("service/")?;
    let (cluster, service) = rest.split_once('/')?;
    (!cluster.is_empty() && !service.is_empty() && !service.contains('/')).then_some((cluster, service))
}

/// The metric a target tracking policy follows.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackedMetric {
    pub namespace: String,
    pub metric_name: String,
    pub dimensions: Vec<(String, String)>,
    pub statistic: String,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetTracking {
    pub target_value: f64,
    pub metric: TrackedMetric,
    pub scale_out_cooldown: u32,
    pub scale_in_cooldown: u32,
    pub disable_scale_in: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjustmentType {
    ChangeInCapacity,
    PercentChangeInCapacity,
    ExactCapacity,
}

impl AdjustmentType {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "ChangeInCapacity" => AdjustmentType::ChangeInCapacity,
            "PercentChangeInCapacity" => AdjustmentType::PercentChangeInCapacity,
            "ExactCapacity" => AdjustmentType::ExactCapacity,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepAdjustment {
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub adjustment: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepScaling {
    pub adjustment_type: AdjustmentType,
    pub steps: Vec<StepAdjustment>,
    pub min_adjustment_magnitude: Option<i64>,
    pub cooldown: u32,
    /// `Average` (default), `Minimum` or `Maximum`.
    pub aggregation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PolicyConfig {
    TargetTracking(TargetTracking),
    Step(StepScaling),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScalingPolicy {
    pub name: String,
    pub arn: String,
    pub resource_id: String,
    pub dimension: String,
    pub config: PolicyConfig,
    /// The configuration as the request gave it, which DescribeScalingPolicies returns.
    pub raw_config: Value,
    /// Alarms the policy created (target tracking: AlarmHigh, AlarmLow) as (name, ARN).
    pub alarms: Vec<(String, String)>,
    pub created: SimTime,
    /// When this policy last scaled out or in, and the desired count before that scale-out (cooldowns).
    pub last_scale_out: Option<(SimTime, u32)>,
    pub last_scale_in: Option<SimTime>,
}

impl ScalingPolicy {
    pub fn policy_type(&self) -> &'static str {
        match self.config {
            PolicyConfig::TargetTracking(_) => "TargetTrackingScaling",
            PolicyConfig::Step(_) => "StepScaling",
        }
    }
}

/// `arn:aws:autoscaling:<region>:<account>:scalingPolicy:<uuid>:resource/ecs/<resource id>:policyName/<name>`.
pub fn policy_arn(region: &str, uuid: &str, resource_id: &str, name: &str) -> String {
    format!("arn:aws:autoscaling:{region}:{ACCOUNT_ID}:scalingPolicy:{uuid}:resource/ecs/{resource_id}:policyName/{name}")
}

/// `arn:aws:autoscaling:<region>:<account>:scheduledAction:<uuid>:resource/ecs/<resource id>:scheduledActionName/<name>`.
pub fn scheduled_action_arn(region: &str, uuid: &str, resource_id: &str, name: &str) -> String {
    format!("arn:aws:autoscaling:{region}:{ACCOUNT_ID}:scheduledAction:{uuid}:resource/ecs/{resource_id}:scheduledActionName/{name}")
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledAction {
    pub name: String,
    pub arn: String,
    pub resource_id: String,
    pub dimension: String,
    pub expression: String,
    pub schedule: Schedule,
    pub timezone: Option<String>,
    pub start: Option<SimTime>,
    pub end: Option<SimTime>,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub created: SimTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScalingActivity {
    pub id: String,
    pub resource_id: String,
    pub dimension: String,
    pub description: String,
    pub cause: String,
    pub start: SimTime,
    pub end: Option<SimTime>,
    pub status_code: String,
    pub status_message: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ApplicationAutoScaling {
    pub targets: BTreeMap<TargetKey, ScalableTarget>,
    /// By (ResourceId, ScalableDimension, PolicyName).
    pub policies: BTreeMap<(String, String, String), ScalingPolicy>,
    /// By (ResourceId, ScalableDimension, ScheduledActionName).
    pub scheduled: BTreeMap<(String, String, String), ScheduledAction>,
    /// Newest first, at most [`MAX_ACTIVITIES`].
    pub activities: Vec<ScalingActivity>,
}

impl ApplicationAutoScaling {
    pub fn record(&mut self, activity: ScalingActivity) {
        self.activities.insert(0, activity);
        self.activities.truncate(MAX_ACTIVITIES);
    }

    /// The policy whose ARN this is.
    pub fn policy_by_arn(&self, arn: &str) -> Option<&ScalingPolicy> {
        self.policies.values().find(|p| p.arn == arn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_resource_ids_name_cluster_and_service() {
        assert_eq!(parse_service_resource("service/shop/web"), Some(("shop", "web")));
        assert_eq!(parse_service_resource("service/shop"), None);
        assert_eq!(parse_service_resource("service//web"), None);
        assert_eq!(parse_service_resource("table/orders"), None);
    }
}
