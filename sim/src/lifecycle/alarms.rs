//! CloudWatch alarm evaluation, once a minute after the minute's metrics are published (ecs-facts.md §3.4).
//! Each alarm looks at its last EvaluationPeriods periods; with M = DatapointsToAlarm (default
//! EvaluationPeriods) breaching datapoints it goes to ALARM, otherwise OK; with no datapoint at all,
//! TreatMissingData decides (`missing`: INSUFFICIENT_DATA). A state change writes CloudWatch's StateReason and
//! StateReasonData, emits [`EventKind::AlarmStateChanged`], and runs the new state's actions. Actions that name
//! an Application Auto Scaling policy ARN invoke the policy — on the change and again every minute the alarm
//! stays in that state, as CloudWatch does for Auto Scaling actions.

use crate::clock::SimTime;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle::scaling;
use crate::services::cloudwatch::metrics::{periods, statistic_value};
use crate::world::cloudwatch::{CloudWatch, MetricId};
use crate::world::cloudwatch_alarms::{AlarmState, MetricAlarm, MissingData, java_double};
use serde_json::{Value, json};
use time::OffsetDateTime;

/// One period's value (None: no datapoint), newest first.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodValue {
    pub at: SimTime,
    pub value: Option<f64>,
    pub sample_count: f64,
}

/// What one evaluation decided: a new state (None: keep the current one) and its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub state: Option<AlarmState>,
    pub reason: String,
    pub reason_data: Option<String>,
}

/// The alarm's last `EvaluationPeriods` periods ending at `end` (a whole minute), newest first.
pub fn period_values(cw: &CloudWatch, a: &MetricAlarm, end: SimTime) -> Vec<PeriodValue> {
    let id = MetricId { namespace: a.namespace.clone(), metric_name: a.metric_name.clone(), dimensions: a.dimensions.clone() };
    let unit_ok = a.unit.as_ref().is_none_or(|u| cw.series(&id).is_some_and(|s| &s.unit == u));
    let period_ms = u64::from(a.period.max(60)) * 1000;
    (0..u64::from(a.evaluation_periods))
        .map(|k| {
            let start = SimTime(end.0.saturating_sub((k + 1) * period_ms));
            let merged = if unit_ok { periods(cw, &id, start, SimTime(start.0 + period_ms), period_ms).into_iter().next() } else { None };
            PeriodValue {
                at: start,
                value: merged.as_ref().and_then(|p| statistic_value(p, &a.statistic)),
                sample_count: merged.map_or(0.0, |p| p.sample_count),
            }
        })
        .collect()
}

/// `85.2 (02/03/26 09:04:00)`: a datapoint as CloudWatch's state reasons list it (dd/mm/yy, UTC).
fn datapoint_text(value: f64, at: SimTime) -> String {
    let when = OffsetDateTime::from_unix_timestamp(i64::try_from(at.0 / 1000).unwrap_or(0))
        .ok()
        .and_then(|d| d.format(&time::macros::format_description!("[day]/[month]/[year repr:last_two] [hour]:[minute]:[second]")).ok())
        .unwrap_or_default();
    format!("{} ({when})", java_double(value))
}

/// `2026-03-02T09:04:00.000+0000`, the timestamps of StateReasonData.
fn reason_data_time(at: SimTime) -> String {
    OffsetDateTime::from_unix_timestamp(i64::try_from(at.0 / 1000).unwrap_or(0))
        .ok()
        .and_then(|d| d.format(&time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].000+0000")).ok())
        .unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Decides the alarm's state from its periods (newest first). The reasons follow CloudWatch's texts, e.g.
/// `Threshold Crossed: 1 out of the last 1 datapoints [6.046241709654764 (15/08/18 21:15:00)] was less than or
/// equal to the threshold (70.0) (minimum 1 datapoint for OK -> ALARM transition).` (with DatapointsToAlarm
/// set) and `Threshold Crossed: 1 datapoint [2.0 (07/12/18 15:56:00)] was greater than or equal to the
/// threshold (1.0).` (without); `Insufficient Data: 3 datapoints were unknown.` when nothing arrived.
pub fn decide(a: &MetricAlarm, values: &[PeriodValue], now: SimTime) -> Outcome {
    let n = values.len();
    let m = a.datapoints_needed() as usize;
    let present: Vec<&PeriodValue> = values.iter().filter(|v| v.value.is_some()).collect();
    let missing = a.missing();
    let threshold = java_double(a.threshold);
    if present.is_empty() {
        let (state, treated) = match missing {
            MissingData::Missing => {
                let was = if n == 1 { "was" } else { "were" };
                return Outcome {
                    state: Some(AlarmState::InsufficientData),
                    reason: format!("Insufficient Data: {} {was} unknown.", plural(n, "datapoint", "datapoints")),
                    reason_data: None,
                };
            }
            MissingData::Ignore => return Outcome { state: None, reason: String::new(), reason_data: None },
            MissingData::Breaching => (AlarmState::Alarm, "Breaching"),
            MissingData::NotBreaching => (AlarmState::Ok, "NonBreaching"),
        };
        let was = if n == 1 { "was" } else { "were" };
        return Outcome {
            state: Some(state),
            reason: format!(
                "Threshold Crossed: no datapoints were received for {} and {} missing {} {was} treated as [{treated}].",
                plural(n, "period", "periods"),
                n,
                if n == 1 { "datapoint" } else { "datapoints" }
            ),
            reason_data: None,
        };
    }
    let breaches = |v: &PeriodValue| v.value.is_some_and(|x| a.comparison.breaches(x, a.threshold));
    let missing_breach = if missing == MissingData::Breaching { n - present.len() } else { 0 };
    let breaching: Vec<&PeriodValue> = present.iter().copied().filter(|v| breaches(v)).collect();
    let alarm = breaching.len() + missing_breach >= m;
    let (listed, new_state): (Vec<&PeriodValue>, AlarmState) = if alarm {
        (breaching, AlarmState::Alarm)
    } else {
        (present.iter().copied().filter(|v| !breaches(v)).collect(), AlarmState::Ok)
    };
    if listed.is_empty() {
        // Too few datapoints to alarm, and none that says OK: the alarm keeps its state (a new alarm stays
        // INSUFFICIENT_DATA until it has M breaching datapoints or one that does not breach).
        return Outcome { state: None, reason: String::new(), reason_data: None };
    }
    let list = listed.iter().filter_map(|v| v.value.map(|x| datapoint_text(x, v.at))).collect::<Vec<_>>().join(", ");
    let k = listed.len();
    let was = if k == 1 { "was" } else { "were" };
    let not = if alarm { "" } else { "not " };
    let words = a.comparison.words();
    let reason = match a.datapoints_to_alarm {
        None => format!("Threshold Crossed: {} [{list}] {was} {not}{words} the threshold ({threshold}).", plural(k, "datapoint", "datapoints")),
        Some(_) => {
            let (min, to) = if alarm { (m, "ALARM") } else { (n - m + 1, "OK") };
            format!(
                "Threshold Crossed: {k} out of the last {n} datapoints [{list}] {was} {not}{words} the threshold ({threshold}) (minimum {} for {} -> {to} transition).",
                plural(min, "datapoint", "datapoints"),
                a.state.as_str()
            )
        }
    };
    let oldest = values.last().map_or(now, |v| v.at);
    let data = json!({
        "version": "1.0",
        "queryDate": reason_data_time(now),
        "startDate": reason_data_time(oldest),
        "statistic": a.statistic,
        "period": a.period,
        "recentDatapoints": present.iter().rev().filter_map(|v| v.value).collect::<Vec<f64>>(),
        "threshold": a.threshold,
        "evaluatedDatapoints": listed.iter().map(|v| json!({"timestamp": reason_data_time(v.at), "sampleCount": v.sample_count, "value": v.value})).collect::<Vec<Value>>(),
    });
    Outcome { state: Some(new_state), reason, reason_data: Some(data.to_string()) }
}

/// Evaluates every alarm of every Region (the minute's metrics are published).
pub fn on_minute(ctx: &mut Ctx<'_>) {
    let end = SimTime(ctx.now.0 - ctx.now.0 % 60_000);
    let regions: Vec<String> = ctx.world.regions().map(|r| r.name.clone()).collect();
    for region in regions {
        let names: Vec<String> = ctx.world.region_mut(&region).cloudwatch.alarms.keys().cloned().collect();
        for name in names {
            let r = ctx.world.region_mut(&region);
            let Some(a) = r.cloudwatch.alarms.get(&name) else { continue };
            let values = period_values(&r.cloudwatch, a, end);
            let outcome = decide(a, &values, ctx.now);
            let current = a.state;
            match outcome.state {
                Some(s) if s != current => set_state(ctx, &region, &name, s, outcome.reason, outcome.reason_data),
                // Auto Scaling actions repeat every minute while the alarm stays in its state.
                _ => run_scaling_actions(ctx, &region, &name),
            }
        }
    }
}

/// Sets an alarm's state (evaluation or `set-alarm-state`): on a change, the reason, the timestamps, an
/// event and the new state's actions.
pub fn set_state(ctx: &mut Ctx<'_>, region: &str, name: &str, state: AlarmState, reason: String, reason_data: Option<String>) {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(a) = r.cloudwatch.alarms.get_mut(name) else { return };
    let old = a.state;
    a.state = state;
    a.state_reason.clone_from(&reason);
    a.state_reason_data = reason_data;
    a.state_updated = now;
    if old == state {
        return;
    }
    a.state_transitioned = now;
    ctx.emit(EventKind::AlarmStateChanged {
        region: region.to_string(),
        alarm_name: name.to_string(),
        old_state: old.as_str().to_string(),
        new_state: state.as_str().to_string(),
        reason,
    });
    run_scaling_actions(ctx, region, name);
}

/// Invokes the Application Auto Scaling policies among the actions of the alarm's current state.
fn run_scaling_actions(ctx: &mut Ctx<'_>, region: &str, name: &str) {
    let end = SimTime(ctx.now.0 - ctx.now.0 % 60_000);
    let r = ctx.world.region_mut(region);
    let Some(a) = r.cloudwatch.alarms.get(name) else { return };
    if !a.actions_enabled {
        return;
    }
    let actions = match a.state {
        AlarmState::Alarm => &a.alarm_actions,
        AlarmState::Ok => &a.ok_actions,
        AlarmState::InsufficientData => &a.insufficient_data_actions,
    };
    let policies: Vec<String> = actions.iter().filter(|x| x.contains(":scalingPolicy:")).cloned().collect();
    if policies.is_empty() {
        return;
    }
    let newest = period_values(&r.cloudwatch, a, end).iter().find_map(|v| v.value);
    let trigger = scaling::Trigger { alarm_name: name.to_string(), state: a.state, threshold: a.threshold, value: newest };
    for arn in policies {
        scaling::invoke_policy(ctx, region, &arn, &trigger);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{START, SimDuration};
    use crate::world::cloudwatch_alarms::Comparison;

    fn alarm(m: Option<u32>, n: u32) -> MetricAlarm {
        MetricAlarm {
            name: "cpu-high".into(),
            region: "us-east-1".into(),
            description: None,
            actions_enabled: true,
            ok_actions: vec![],
            alarm_actions: vec![],
            insufficient_data_actions: vec![],
            namespace: "AWS/ECS".into(),
            metric_name: "CPUUtilization".into(),
            dimensions: vec![],
            statistic: "Average".into(),
            extended: false,
            period: 60,
            unit: None,
            evaluation_periods: n,
            datapoints_to_alarm: m,
            threshold: 75.0,
            comparison: Comparison::GreaterThanThreshold,
            treat_missing_data: None,
            state: AlarmState::Ok,
            state_reason: String::new(),
            state_reason_data: None,
            state_updated: START,
            state_transitioned: START,
            configuration_updated: START,
        }
    }

    fn values(v: &[Option<f64>]) -> Vec<PeriodValue> {
        v.iter()
            .enumerate()
            .map(|(i, x)| PeriodValue { at: START + SimDuration::minutes(10 - i as u64), value: *x, sample_count: 6.0 })
            .collect()
    }

    #[test]
    fn three_of_three_above_the_threshold_alarms_with_cloudwatch_reason() {
        let o = decide(&alarm(None, 3), &values(&[Some(85.2), Some(80.0), Some(76.5)]), START);
        assert_eq!(o.state, Some(AlarmState::Alarm));
        assert_eq!(
            o.reason,
            "Threshold Crossed: 3 datapoints [85.2 (02/03/26 09:10:00), 80.0 (02/03/26 09:09:00), 76.5 (02/03/26 09:08:00)] were greater than the threshold (75.0)."
        );
    }

    #[test]
    fn m_of_n_reason_names_the_minimum() {
        let o = decide(&alarm(Some(2), 3), &values(&[Some(90.0), Some(10.0), Some(10.0)]), START);
        assert_eq!(o.state, Some(AlarmState::Ok));
        assert_eq!(
            o.reason,
            "Threshold Crossed: 2 out of the last 3 datapoints [10.0 (02/03/26 09:09:00), 10.0 (02/03/26 09:08:00)] were not greater than the threshold (75.0) (minimum 2 datapoints for OK -> OK transition)."
        );
    }

    #[test]
    fn no_data_is_insufficient_unless_treated() {
        let o = decide(&alarm(None, 3), &values(&[None, None, None]), START);
        assert_eq!(o.state, Some(AlarmState::InsufficientData));
        assert_eq!(o.reason, "Insufficient Data: 3 datapoints were unknown.");
        let mut a = alarm(None, 3);
        a.treat_missing_data = Some(MissingData::Breaching);
        assert_eq!(decide(&a, &values(&[None, None, None]), START).state, Some(AlarmState::Alarm));
        a.treat_missing_data = Some(MissingData::Ignore);
        assert_eq!(decide(&a, &values(&[None, None, None]), START).state, None);
    }

    #[test]
    fn too_few_breaching_datapoints_keep_the_state() {
        let o = decide(&alarm(Some(15), 15), &values(&[Some(90.0), Some(90.0), None]), START);
        assert_eq!(o.state, None);
    }

    #[test]
    fn fewer_than_m_breaching_is_ok() {
        let o = decide(&alarm(None, 3), &values(&[Some(90.0), Some(10.0), None]), START);
        assert_eq!(o.state, Some(AlarmState::Ok));
    }
}
