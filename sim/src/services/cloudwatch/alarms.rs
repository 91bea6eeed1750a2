//! Metric alarms: `put-metric-alarm`, `describe-alarms`, `delete-alarms`, `set-alarm-state`
//! (ecs-facts.md §3.4: the alarms that drive Service Auto Scaling).

use super::{dimensions, invalid_combination, invalid_value, missing, render_dimensions};
use crate::context::Ctx;
use crate::lifecycle::alarms as evaluation;
use crate::services::{Call, ServiceError};
use crate::world::cloudwatch_alarms::{AlarmState, Comparison, MetricAlarm, MissingData};
use serde_json::{Value, json};

/// What a new alarm's StateReason says until its first evaluation (CloudWatch's text).
pub const INITIAL_REASON: &str = "Unchecked: Initial alarm creation";

pub(super) fn put(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("AlarmName").ok_or_else(|| missing("AlarmName"))?;
    if name.is_empty() || name.len() > 255 {
        return Err(invalid_value("The parameter AlarmName must be between 1 and 255 characters long."));
    }
    if req.get("Metrics").is_some() || req.get("ThresholdMetricId").is_some() {
        // Sandbox wording: metric math and anomaly detection alarms are not modelled.
        return Err(invalid_value("The sandbox models alarms on one metric (Namespace, MetricName, Statistic); Metrics and ThresholdMetricId are not modelled."));
    }
    let namespace = req.str("Namespace").ok_or_else(|| missing("Namespace"))?;
    let metric_name = req.str("MetricName").ok_or_else(|| missing("MetricName"))?;
    let (statistic, extended) = match (req.str("Statistic"), req.str("ExtendedStatistic")) {
        (Some(s), None) => {
            if !["SampleCount", "Average", "Sum", "Minimum", "Maximum"].contains(&s) {
                return Err(invalid_value(format!("The parameter Statistic must be one of SampleCount, Average, Sum, Minimum, Maximum: '{s}' is not.")));
            }
            (s, false)
        }
        (None, Some(e)) => {
            if super::metrics::percentile(e).is_none() {
                return Err(invalid_value(format!("The value {e} for parameter ExtendedStatistic is not supported.")));
            }
            (e, true)
        }
        // Sandbox wording (CloudWatch requires exactly one of the two).
        _ => return Err(invalid_combination("Exactly one of Statistic and ExtendedStatistic must be specified.")),
    };
    let period = req.int("Period").ok_or_else(|| missing("Period"))?;
    if !(period == 10 || period == 30 || (period >= 60 && period % 60 == 0)) {
        return Err(invalid_value("The parameter Period must be 10, 30 or a multiple of 60."));
    }
    let evaluation_periods = req.int("EvaluationPeriods").ok_or_else(|| missing("EvaluationPeriods"))?;
    if evaluation_periods < 1 {
        return Err(invalid_value("The parameter EvaluationPeriods must be greater than or equal to 1."));
    }
    if period * evaluation_periods > 7 * 86_400 {
        return Err(invalid_value("The product of Period and EvaluationPeriods must not exceed 604800 seconds (7 days)."));
    }
    let datapoints_to_alarm = match req.int("DatapointsToAlarm") {
        Some(d) if d < 1 || d > evaluation_periods => {
            return Err(invalid_value("DatapointsToAlarm must be between 1 and EvaluationPeriods."));
        }
        d => d.map(|d| d as u32),
    };
    let threshold = req.get("Threshold").and_then(Value::as_f64).ok_or_else(|| missing("Threshold"))?;
    let op = req.str("ComparisonOperator").ok_or_else(|| missing("ComparisonOperator"))?;
    let comparison = Comparison::parse(op).ok_or_else(|| {
        invalid_value(format!(
            "The parameter ComparisonOperator must be one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold (anomaly detection is not modelled): '{op}' is not."
        ))
    })?;
    let treat_missing_data = match req.str("TreatMissingData") {
        Some(t) => Some(MissingData::parse(t).ok_or_else(|| {
            invalid_value(format!("The parameter TreatMissingData must be one of breaching, notBreaching, ignore, missing: '{t}' is not."))
        })?),
        None => None,
    };
    let mut alarm = MetricAlarm {
        name: name.to_string(),
        region: call.region.to_string(),
        description: req.str("AlarmDescription").map(str::to_string),
        actions_enabled: req.bool("ActionsEnabled").unwrap_or(true),
        ok_actions: req.strings("OKActions").into_iter().map(str::to_string).collect(),
        alarm_actions: req.strings("AlarmActions").into_iter().map(str::to_string).collect(),
        insufficient_data_actions: req.strings("InsufficientDataActions").into_iter().map(str::to_string).collect(),
        namespace: namespace.to_string(),
        metric_name: metric_name.to_string(),
        dimensions: dimensions(req, "Dimensions"),
        statistic: statistic.to_string(),
        extended,
        period: period as u32,
        unit: req.str("Unit").map(str::to_string),
        evaluation_periods: evaluation_periods as u32,
        datapoints_to_alarm,
        threshold,
        comparison,
        treat_missing_data,
        state: AlarmState::InsufficientData,
        state_reason: INITIAL_REASON.to_string(),
        state_reason_data: None,
        state_updated: ctx.now,
        state_transitioned: ctx.now,
        configuration_updated: ctx.now,
    };
    let r = ctx.world.region_mut(call.region);
    // Updating an alarm keeps its state and overwrites its configuration.
    if let Some(old) = r.cloudwatch.alarms.get(name) {
        alarm.state = old.state;
        alarm.state_reason.clone_from(&old.state_reason);
        alarm.state_reason_data.clone_from(&old.state_reason_data);
        alarm.state_updated = old.state_updated;
        alarm.state_transitioned = old.state_transitioned;
    }
    r.cloudwatch.alarms.insert(name.to_string(), alarm);
    Ok(json!({}))
}

/// One alarm as DescribeAlarms returns it.
pub fn render_alarm(a: &MetricAlarm) -> Value {
    let mut v = json!({
        "AlarmName": a.name,
        "AlarmArn": a.arn(),
        "AlarmConfigurationUpdatedTimestamp": a.configuration_updated.to_cli_string(),
        "ActionsEnabled": a.actions_enabled,
        "OKActions": a.ok_actions,
        "AlarmActions": a.alarm_actions,
        "InsufficientDataActions": a.insufficient_data_actions,
        "StateValue": a.state.as_str(),
        "StateReason": a.state_reason,
        "StateUpdatedTimestamp": a.state_updated.to_cli_string(),
        "MetricName": a.metric_name,
        "Namespace": a.namespace,
        "Dimensions": render_dimensions(&a.dimensions),
        "Period": a.period,
        "EvaluationPeriods": a.evaluation_periods,
        "Threshold": a.threshold,
        "ComparisonOperator": a.comparison.as_str(),
        "StateTransitionedTimestamp": a.state_transitioned.to_cli_string(),
    });
    if a.extended {
        v["ExtendedStatistic"] = json!(a.statistic);
    } else {
        v["Statistic"] = json!(a.statistic);
    }
    if let Some(d) = &a.description {
        v["AlarmDescription"] = json!(d);
    }
    if let Some(d) = &a.state_reason_data {
        v["StateReasonData"] = json!(d);
    }
    if let Some(u) = &a.unit {
        v["Unit"] = json!(u);
    }
    if let Some(d) = a.datapoints_to_alarm {
        v["DatapointsToAlarm"] = json!(d);
    }
    if let Some(t) = a.treat_missing_data {
        v["TreatMissingData"] = json!(t.as_str());
    }
    v
}

pub(super) fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let names = req.strings("AlarmNames");
    let prefix = req.str("AlarmNamePrefix");
    if !names.is_empty() && prefix.is_some() {
        return Err(invalid_combination("AlarmNames and AlarmNamePrefix cannot be specified together."));
    }
    let state = match req.str("StateValue") {
        Some(s) => Some(AlarmState::parse(s).ok_or_else(|| {
            invalid_value(format!("The parameter StateValue must be one of OK, ALARM, INSUFFICIENT_DATA: '{s}' is not."))
        })?),
        None => None,
    };
    let action_prefix = req.str("ActionPrefix");
    let r = ctx.world.region_mut(call.region);
    let alarms: Vec<Value> = r
        .cloudwatch
        .alarms
        .values()
        .filter(|a| names.is_empty() || names.contains(&a.name.as_str()))
        .filter(|a| prefix.is_none_or(|p| a.name.starts_with(p)))
        .filter(|a| state.is_none_or(|s| a.state == s))
        .filter(|a| {
            action_prefix.is_none_or(|p| {
                a.alarm_actions.iter().chain(&a.ok_actions).chain(&a.insufficient_data_actions).any(|x| x.starts_with(p))
            })
        })
        .map(render_alarm)
        .collect();
    Ok(json!({ "CompositeAlarms": [], "MetricAlarms": alarms }))
}

pub(super) fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let names = call.req().strings("AlarmNames");
    let r = ctx.world.region_mut(call.region);
    let unknown: Vec<&str> = names.iter().copied().filter(|n| !r.cloudwatch.alarms.contains_key(*n)).collect();
    if !unknown.is_empty() {
        // Sandbox wording: botocore lists ResourceNotFound for DeleteAlarms; no AWS text was found.
        return Err(ServiceError::new("ResourceNotFound", format!("{} of {} alarms not found: {}", unknown.len(), names.len(), unknown.join(", "))));
    }
    for n in names {
        r.cloudwatch.alarms.remove(n);
    }
    Ok(json!({}))
}

pub(super) fn set_state(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("AlarmName").ok_or_else(|| missing("AlarmName"))?;
    let value = req.str("StateValue").ok_or_else(|| missing("StateValue"))?;
    let state = AlarmState::parse(value).ok_or_else(|| {
        invalid_value(format!("The parameter StateValue must be one of OK, ALARM, INSUFFICIENT_DATA: '{value}' is not."))
    })?;
    let reason = req.str("StateReason").ok_or_else(|| missing("StateReason"))?;
    let data = req.str("StateReasonData");
    if data.is_some_and(|d| serde_json::from_str::<Value>(d).map(|v| !v.is_object()).unwrap_or(true)) {
        return Err(ServiceError::new("InvalidFormat", "The parameter StateReasonData must be a JSON object."));
    }
    if !ctx.world.region_mut(call.region).cloudwatch.alarms.contains_key(name) {
        return Err(ServiceError::new("ResourceNotFound", format!("Alarm {name} not found")));
    }
    evaluation::set_state(ctx, call.region, name, state, reason.to_string(), data.map(str::to_string));
    Ok(json!({}))
}
