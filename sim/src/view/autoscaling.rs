//! Service Auto Scaling and CloudWatch alarms as plain data, for the page (which highlights what caused a
//! scaling activity) and for lesson goals (`scalableTargets[?resourceId=='service/demo/web'].activities[]`,
//! `alarms[?stateValue=='ALARM']`).

use crate::view::metrics::DimensionView;
use crate::world::application_autoscaling::{ApplicationAutoScaling, PolicyConfig};
use crate::world::cloudwatch::CloudWatch;
use serde::Serialize;

/// Activities per target the view carries, newest first.
pub const VIEW_ACTIVITIES: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyView {
    pub policy_name: String,
    /// `TargetTrackingScaling` or `StepScaling`.
    pub policy_type: String,
    /// The metric it follows (target tracking) or its first alarm's metric (step scaling; empty without one).
    pub metric_namespace: String,
    pub metric_name: String,
    pub metric_dimensions: Vec<DimensionView>,
    /// Target tracking's TargetValue; null for step scaling.
    pub target_value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityView {
    pub activity_id: String,
    pub start_millis: u64,
    pub end_millis: Option<u64>,
    pub status_code: String,
    pub description: String,
    pub cause: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScalableTargetView {
    pub region: String,
    pub service_namespace: String,
    pub resource_id: String,
    pub scalable_dimension: String,
    pub min_capacity: u32,
    pub max_capacity: u32,
    pub policies: Vec<PolicyView>,
    /// Newest first, at most [`VIEW_ACTIVITIES`].
    pub activities: Vec<ActivityView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlarmView {
    pub region: String,
    pub alarm_name: String,
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    pub state_value: String,
    pub state_reason: String,
    pub namespace: String,
    pub metric_name: String,
    pub dimensions: Vec<DimensionView>,
    pub threshold: f64,
    pub comparison_operator: String,
}

fn dims(d: &[(String, String)]) -> Vec<DimensionView> {
    d.iter().map(|(name, value)| DimensionView { name: name.clone(), value: value.clone() }).collect()
}

pub fn scalable_targets(region: &str, aas: &ApplicationAutoScaling, cw: &CloudWatch) -> Vec<ScalableTargetView> {
    aas.targets
        .values()
        .map(|t| ScalableTargetView {
            region: region.to_string(),
            service_namespace: "ecs".into(),
            resource_id: t.resource_id.clone(),
            scalable_dimension: t.dimension.clone(),
            min_capacity: t.min,
            max_capacity: t.max,
            policies: aas
                .policies
                .values()
                .filter(|p| p.resource_id == t.resource_id && p.dimension == t.dimension)
                .map(|p| {
                    let (namespace, name, dimensions, target) = match &p.config {
                        PolicyConfig::TargetTracking(tt) => {
                            (tt.metric.namespace.clone(), tt.metric.metric_name.clone(), dims(&tt.metric.dimensions), Some(tt.target_value))
                        }
                        PolicyConfig::Step(_) => {
                            let alarm = cw.alarms.values().find(|a| a.alarm_actions.contains(&p.arn) || a.ok_actions.contains(&p.arn));
                            alarm.map_or((String::new(), String::new(), vec![], None), |a| {
                                (a.namespace.clone(), a.metric_name.clone(), dims(&a.dimensions), None)
                            })
                        }
                    };
                    PolicyView {
                        policy_name: p.name.clone(),
                        policy_type: p.policy_type().to_string(),
                        metric_namespace: namespace,
                        metric_name: name,
                        metric_dimensions: dimensions,
                        target_value: target,
                    }
                })
                .collect(),
            activities: aas
                .activities
                .iter()
                .filter(|a| a.resource_id == t.resource_id && a.dimension == t.dimension)
                .take(VIEW_ACTIVITIES)
                .map(|a| ActivityView {
                    activity_id: a.id.clone(),
                    start_millis: a.start.0,
                    end_millis: a.end.map(|e| e.0),
                    status_code: a.status_code.clone(),
                    description: a.description.clone(),
                    cause: a.cause.clone(),
                })
                .collect(),
        })
        .collect()
}

pub fn alarms(region: &str, cw: &CloudWatch) -> Vec<AlarmView> {
    cw.alarms
        .values()
        .map(|a| AlarmView {
            region: region.to_string(),
            alarm_name: a.name.clone(),
            state_value: a.state.as_str().to_string(),
            state_reason: a.state_reason.clone(),
            namespace: a.namespace.clone(),
            metric_name: a.metric_name.clone(),
            dimensions: dims(&a.dimensions),
            threshold: a.threshold,
            comparison_operator: a.comparison.as_str().to_string(),
        })
        .collect()
}
