//! Service Auto Scaling acting on the clock (ecs-facts.md §3.4): an alarm invokes a scaling policy; scheduled
//! actions run on their minute. Every change of desired count goes through ECS as `update-service
//! --desired-count` does, is recorded as a scaling activity (`describe-scaling-activities`), and emits
//! [`EventKind::ScalingActivity`].
//!
//! - Target tracking: new capacity = ⌈running × metric / target⌉ from the ACTUAL running count, not the
//!   desired count (§3.4), clamped to min/max. AlarmHigh scales out when that exceeds the desired count (during
//!   the scale-out cooldown only a larger scale-out can act, which this is); AlarmLow scales in unless
//!   DisableScaleIn, and not within ScaleInCooldown of the last scale-in unless a scale-out came since
//!   (a scale-out cuts the scale-in cooldown short). Cooldowns default to 300 s.
//! - Step scaling: the alarm's newest value minus its threshold picks a step; ChangeInCapacity and
//!   PercentChangeInCapacity apply to the running count (during the scale-out cooldown, to the capacity
//!   before the last scale-out, so the step it already added counts), ExactCapacity sets it.

use crate::clock::{SimDuration, SimTime};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::world::application_autoscaling::{
    AdjustmentType, PolicyConfig, ScalingActivity, ScalingPolicy, StepScaling, parse_service_resource,
};
use crate::world::cloudwatch_alarms::AlarmState;
use crate::world::ecs::TaskStatus;

/// What invoked a policy: the alarm, its state and threshold, and the newest value of its metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub alarm_name: String,
    pub state: AlarmState,
    pub threshold: f64,
    pub value: Option<f64>,
}

/// (desired, running) of an ACTIVE service.
fn service_counts(r: &crate::world::Region, cluster: &str, service: &str) -> Option<(u32, u32)> {
    let c = r.ecs.clusters.get(cluster).filter(|c| c.status == "ACTIVE")?;
    let s = c.services.get(service).filter(|s| s.status == "ACTIVE")?;
    let group = s.group();
    let running = c
        .tasks
        .values()
        .filter(|t| t.group == group && t.last_status == TaskStatus::Running && t.desired_status == TaskStatus::Running)
        .count();
    Some((s.desired_count, u32::try_from(running).unwrap_or(u32::MAX)))
}

fn within(now: SimTime, since: SimTime, secs: u32) -> bool {
    now - since < SimDuration::secs(u64::from(secs))
}

/// Whether a scale-in may act: its cooldown since the last scale-in is over, or a scale-out came since.
fn scale_in_allowed(p: &ScalingPolicy, cooldown: u32, now: SimTime) -> bool {
    match p.last_scale_in {
        None => true,
        Some(t) => !within(now, t, cooldown) || p.last_scale_out.is_some_and(|(o, _)| o > t),
    }
}

/// PercentChangeInCapacity's change: fractions between 0 and 1 become 1 (and -1), others are truncated
/// toward zero; MinAdjustmentMagnitude raises the size of a smaller change.
fn percent_change(base: u32, pct: i64, min_magnitude: Option<i64>) -> i64 {
    let exact = f64::from(base) * pct as f64 / 100.0;
    let mut change = if exact > 0.0 && exact < 1.0 {
        1
    } else if exact < 0.0 && exact > -1.0 {
        -1
    } else {
        exact.trunc() as i64
    };
    if let Some(m) = min_magnitude.filter(|m| change != 0 && change.abs() < *m) {
        change = m * change.signum();
    }
    change
}

/// The step whose interval holds `delta` (metric minus threshold): lower bound inclusive and upper
/// exclusive above the threshold, the other way round below it.
fn step_for(st: &StepScaling, delta: f64) -> Option<i64> {
    st.steps
        .iter()
        .find(|s| {
            if delta >= 0.0 {
                s.lower.is_none_or(|l| delta >= l) && s.upper.is_none_or(|u| delta < u)
            } else {
                s.lower.is_none_or(|l| delta > l) && s.upper.is_none_or(|u| delta <= u)
            }
        })
        .map(|s| s.adjustment)
}

/// Invokes the policy with this ARN for an alarm's action.
pub fn invoke_policy(ctx: &mut Ctx<'_>, region: &str, arn: &str, trigger: &Trigger) {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(p) = r.application_autoscaling.policy_by_arn(arn).cloned() else { return };
    let key = (p.resource_id.clone(), p.dimension.clone());
    let Some(t) = r.application_autoscaling.targets.get(&key).cloned() else { return };
    let Some((cluster, service)) = parse_service_resource(&t.resource_id) else { return };
    let Some((desired, running)) = service_counts(r, cluster, service) else { return };
    let Some(value) = trigger.value else { return };
    let clamp = |n: i64| n.clamp(i64::from(t.min), i64::from(t.max)) as u32;
    let [in_suspended, out_suspended, _] = t.suspended;
    let new = match &p.config {
        PolicyConfig::TargetTracking(tt) => {
            if trigger.state != AlarmState::Alarm {
                return;
            }
            let proposed = clamp((f64::from(running) * value / tt.target_value).ceil() as i64);
            if trigger.alarm_name.contains("-AlarmHigh-") {
                if out_suspended || proposed <= desired {
                    return;
                }
            } else if tt.disable_scale_in || in_suspended || proposed >= desired || !scale_in_allowed(&p, tt.scale_in_cooldown, now) {
                return;
            }
            proposed
        }
        PolicyConfig::Step(st) => {
            let Some(adjustment) = step_for(st, value - trigger.threshold) else { return };
            let in_out_cooldown = p.last_scale_out.filter(|(at, _)| within(now, *at, st.cooldown));
            let base = match in_out_cooldown {
                Some((_, before)) if adjustment > 0 => before,
                _ => running,
            };
            let raw = match st.adjustment_type {
                AdjustmentType::ChangeInCapacity => i64::from(base) + adjustment,
                AdjustmentType::PercentChangeInCapacity => {
                    i64::from(base) + percent_change(base, adjustment, st.min_adjustment_magnitude)
                }
                AdjustmentType::ExactCapacity => adjustment,
            };
            let proposed = clamp(raw);
            if proposed > desired {
                if out_suspended {
                    return;
                }
            } else if proposed == desired || in_suspended || !scale_in_allowed(&p, st.cooldown, now) {
                return;
            }
            proposed
        }
    };
    let cause = format!("monitor alarm {} in state {} triggered policy {}", trigger.alarm_name, trigger.state.as_str(), p.name);
    let source = Source { policy: Some(p.name.clone()), alarm: Some(trigger.alarm_name.clone()), scheduled_action: None };
    if set_desired(ctx, region, &t.resource_id, &t.dimension, new, cause, source).is_some() {
        let r = ctx.world.region_mut(region);
        if let Some(policy) = r.application_autoscaling.policies.get_mut(&(p.resource_id.clone(), p.dimension.clone(), p.name.clone())) {
            if new > desired {
                policy.last_scale_out = Some((now, desired));
            } else {
                policy.last_scale_in = Some(now);
            }
        }
    }
}

/// What caused a change of desired count, for the event.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub policy: Option<String>,
    pub alarm: Option<String>,
    pub scheduled_action: Option<String>,
}

/// Sets the desired count through ECS and records the activity (`Setting desired count to N.`, AWS's
/// Description and StatusMessage). Returns the old count when it changed.
pub fn set_desired(ctx: &mut Ctx<'_>, region: &str, resource_id: &str, dimension: &str, new: u32, cause: String, source: Source) -> Option<u32> {
    let (cluster, service) = parse_service_resource(resource_id)?;
    let (cluster, service) = (cluster.to_string(), service.to_string());
    let old = crate::services::ecs::set_desired_count(ctx, region, &cluster, &service, new)?;
    if old == new {
        return None;
    }
    let description = format!("Setting desired count to {new}.");
    record(ctx, region, resource_id, dimension, description, cause, Some(format!("Successfully set desired count to {new}. Change successfully fulfilled by ecs.")), &source, Some((old, new)));
    Some(old)
}

/// Writes a scaling activity (newest first) and its event.
#[allow(clippy::too_many_arguments)]
fn record(
    ctx: &mut Ctx<'_>,
    region: &str,
    resource_id: &str,
    dimension: &str,
    description: String,
    cause: String,
    status_message: Option<String>,
    source: &Source,
    counts: Option<(u32, u32)>,
) {
    let now = ctx.now;
    let id = ctx.rng.uuid();
    let r = ctx.world.region_mut(region);
    r.application_autoscaling.record(ScalingActivity {
        id: id.clone(),
        resource_id: resource_id.to_string(),
        dimension: dimension.to_string(),
        description: description.clone(),
        cause: cause.clone(),
        start: now,
        end: Some(now),
        status_code: "Successful".into(),
        status_message,
    });
    let (old_desired, new_desired) = counts.map_or((None, None), |(o, n)| (Some(o), Some(n)));
    ctx.emit(EventKind::ScalingActivity {
        region: region.to_string(),
        resource_id: resource_id.to_string(),
        activity_id: id,
        description,
        cause,
        policy_name: source.policy.clone(),
        alarm_name: source.alarm.clone(),
        scheduled_action_name: source.scheduled_action.clone(),
        old_desired,
        new_desired,
    });
}

/// Runs the scheduled actions due in this minute: new min and/or max on the target, then the desired count
/// moved inside them (ecs-facts.md §3.4).
pub fn on_minute(ctx: &mut Ctx<'_>) {
    let minute = SimTime(ctx.now.0 - ctx.now.0 % 60_000);
    let regions: Vec<String> = ctx.world.regions().map(|r| r.name.clone()).collect();
    for region in regions {
        let r = ctx.world.region_mut(&region);
        let due: Vec<_> = r
            .application_autoscaling
            .scheduled
            .values()
            .filter(|a| a.start.is_none_or(|s| s <= minute) && a.end.is_none_or(|e| e >= minute))
            .filter(|a| a.schedule.due(minute, a.start.unwrap_or(a.created)))
            .cloned()
            .collect();
        for a in due {
            run_scheduled(ctx, &region, &a);
        }
    }
}

fn run_scheduled(ctx: &mut Ctx<'_>, region: &str, a: &crate::world::application_autoscaling::ScheduledAction) {
    let key = (a.resource_id.clone(), a.dimension.clone());
    let r = ctx.world.region_mut(region);
    let Some(t) = r.application_autoscaling.targets.get_mut(&key) else { return };
    if t.suspended[2] {
        return;
    }
    let (min, max) = (a.min.unwrap_or(t.min), a.max.unwrap_or(t.max));
    t.min = min.min(max);
    t.max = max;
    let (min, max) = (t.min, t.max);
    let Some((cluster, service)) = parse_service_resource(&a.resource_id) else { return };
    let counts = service_counts(r, cluster, service);
    // AWS's texts (Application Auto Scaling user guide, scheduled scaling): Description `Setting min capacity to 1
    // and max capacity to 10`, Cause `scheduled action name my-recurring-action was triggered`.
    let description = match (a.min, a.max) {
        (Some(_), Some(_)) => format!("Setting min capacity to {min} and max capacity to {max}"),
        (Some(_), None) => format!("Setting min capacity to {min}"),
        _ => format!("Setting max capacity to {max}"),
    };
    let cause = format!("scheduled action name {} was triggered", a.name);
    let source = Source { policy: None, alarm: None, scheduled_action: Some(a.name.clone()) };
    let status = format!("Successfully s{}", &description[1..]);
    record(ctx, region, &a.resource_id, &a.dimension, description, cause.clone(), Some(status), &source, None);
    if let Some((desired, _)) = counts {
        let new = desired.clamp(min, max);
        if new != desired {
            set_desired(ctx, region, &a.resource_id, &a.dimension, new, cause, source);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::application_autoscaling::StepAdjustment;

    #[test]
    fn percent_changes_round_like_application_auto_scaling() {
        assert_eq!(percent_change(4, 10, None), 1, "0.4 becomes 1");
        assert_eq!(percent_change(10, 25, None), 2, "2.5 is truncated");
        assert_eq!(percent_change(3, -10, None), -1);
        assert_eq!(percent_change(10, -67, None), -6);
        assert_eq!(percent_change(10, 10, Some(3)), 3);
    }

    #[test]
    fn steps_are_chosen_by_distance_from_the_threshold() {
        let st = StepScaling {
            adjustment_type: AdjustmentType::ChangeInCapacity,
            steps: vec![
                StepAdjustment { lower: Some(0.0), upper: Some(10.0), adjustment: 1 },
                StepAdjustment { lower: Some(10.0), upper: None, adjustment: 3 },
            ],
            min_adjustment_magnitude: None,
            cooldown: 300,
            aggregation: "Average".into(),
        };
        assert_eq!(step_for(&st, 5.0), Some(1));
        assert_eq!(step_for(&st, 10.0), Some(3));
        assert_eq!(step_for(&st, -1.0), None);
    }
}
