//! Amazon CloudWatch operations: reading the metrics the sandbox publishes (`get-metric-statistics`,
//! `list-metrics`) and metric alarms (`put-metric-alarm`, `describe-alarms`, `delete-alarms`,
//! `set-alarm-state`). Alarms are evaluated on the clock by lifecycle/alarms.rs (ecs-facts.md §3.4).

mod alarms;
pub(crate) mod metrics;

use super::{Handler, ServiceError};
use crate::services::Req;
use serde_json::Value;

pub use alarms::render_alarm;

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "GetMetricStatistics" => metrics::get_statistics,
        "ListMetrics" => metrics::list,
        "PutMetricAlarm" => alarms::put,
        "DescribeAlarms" => alarms::describe,
        "DeleteAlarms" => alarms::delete,
        "SetAlarmState" => alarms::set_state,
        _ => return None,
    })
}

// CloudWatch's error codes (botocore's cloudwatch model: InvalidParameterValue, InvalidParameterCombination,
// MissingParameter, ResourceNotFound, InvalidFormat). The texts follow CloudWatch's own phrasing ("The parameter
// X must be ..."); where no AWS text was found the sandbox's wording is marked at the call.
fn invalid_value(message: impl Into<String>) -> ServiceError {
    ServiceError::new("InvalidParameterValue", message)
}
fn invalid_combination(message: impl Into<String>) -> ServiceError {
    ServiceError::new("InvalidParameterCombination", message)
}
fn missing(name: &str) -> ServiceError {
    ServiceError::new("MissingParameter", format!("The parameter {name} is required."))
}

/// `[{Name, Value}]` as sorted `(name, value)` pairs.
fn dimensions(req: Req<'_>, member: &str) -> Vec<(String, String)> {
    let mut dims: Vec<(String, String)> = req
        .list(member)
        .iter()
        .filter_map(|d| Some((d.get("Name")?.as_str()?.to_string(), d.get("Value").and_then(Value::as_str).unwrap_or_default().to_string())))
        .collect();
    crate::world::cloudwatch::sort_dimensions(&mut dims);
    dims
}

fn render_dimensions(dims: &[(String, String)]) -> Value {
    Value::Array(dims.iter().map(|(k, v)| serde_json::json!({"Name": k, "Value": v})).collect())
}

/// A timestamp member as the CLI passed it (text the learner typed, or epoch seconds).
fn timestamp(req: Req<'_>, member: &str) -> Option<crate::clock::SimTime> {
    match req.get(member)? {
        Value::String(s) => crate::world::scaling_schedule::parse_timestamp(s),
        Value::Number(n) => n.as_f64().filter(|f| f.is_finite() && *f >= 0.0).map(|f| crate::clock::SimTime((f * 1000.0).round() as u64)),
        _ => None,
    }
}
