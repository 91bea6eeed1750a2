//! `put-scheduled-action`, `describe-scheduled-actions`, `delete-scheduled-action` (ecs-facts.md §3.4:
//! `at(...)`, `rate(...)`, `cron(...)`, UTC). The actions run on the clock (lifecycle/scaling.rs).

use super::{check_namespace, no_target, target_key, validation};
use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use crate::world::application_autoscaling::{ScheduledAction, scheduled_action_arn};
use crate::world::scaling_schedule::{self, parse_timestamp};
use serde_json::{Value, json};

pub(super) fn put(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (resource, dimension) = target_key(req)?;
    let name = req.str("ScheduledActionName").unwrap_or_default();
    if name.is_empty() || name.len() > 256 || name.contains(':') || name.contains('/') {
        return Err(validation("ScheduledActionName must be 1 to 256 characters without ':' or '/'"));
    }
    let region = call.region;
    let r = ctx.world.region_mut(region);
    if !r.application_autoscaling.targets.contains_key(&(resource.clone(), dimension.clone())) {
        return Err(no_target(&resource, &dimension));
    }
    let key = (resource.clone(), dimension.clone(), name.to_string());
    let existing = r.application_autoscaling.scheduled.get(&key).cloned();
    let expression = match (req.str("Schedule"), &existing) {
        (Some(s), _) => s.to_string(),
        (None, Some(a)) => a.expression.clone(),
        (None, None) => return Err(validation("Schedule is required to create a scheduled action")),
    };
    // Sandbox wording: the reason names what is wrong with the expression.
    let schedule = scaling_schedule::parse(&expression).map_err(|why| validation(format!("Invalid schedule expression '{expression}': {why}")))?;
    let timezone = req.str("Timezone").map(str::to_string).or_else(|| existing.as_ref().and_then(|a| a.timezone.clone()));
    if let Some(tz) = timezone.as_ref().filter(|tz| !["UTC", "Etc/UTC", "GMT", "Etc/GMT"].contains(&tz.as_str())) {
        return Err(validation(format!("The sandbox evaluates schedules in UTC only; Timezone {tz} is not modelled")));
    }
    let time = |member: &str| -> Result<Option<crate::clock::SimTime>, ServiceError> {
        match req.get(member) {
            None => Ok(None),
            Some(Value::String(s)) => parse_timestamp(s).map(Some).ok_or_else(|| validation(format!("{member} '{s}' is not a valid timestamp"))),
            Some(Value::Number(n)) => Ok(n.as_f64().filter(|f| *f >= 0.0).map(|f| crate::clock::SimTime((f * 1000.0) as u64))),
            Some(_) => Err(validation(format!("{member} is not a valid timestamp"))),
        }
    };
    let start = time("StartTime")?.or_else(|| existing.as_ref().and_then(|a| a.start));
    let end = time("EndTime")?.or_else(|| existing.as_ref().and_then(|a| a.end));
    if start.zip(end).is_some_and(|(s, e)| s >= e) {
        return Err(validation("StartTime must be before EndTime"));
    }
    let action = req.at("ScalableTargetAction");
    let min = action.int("MinCapacity").or_else(|| existing.as_ref().and_then(|a| a.min.map(i64::from)));
    let max = action.int("MaxCapacity").or_else(|| existing.as_ref().and_then(|a| a.max.map(i64::from)));
    if min.is_some_and(|m| m < 0) || max.is_some_and(|m| m < 0) {
        return Err(validation("Minimum and maximum capacity must be greater than or equal to 0"));
    }
    if min.zip(max).is_some_and(|(a, b)| a > b) {
        return Err(validation("Minimum capacity cannot be greater than maximum capacity"));
    }
    if min.is_none() && max.is_none() {
        return Err(validation("ScalableTargetAction must set MinCapacity, MaxCapacity or both"));
    }
    let now = ctx.now;
    let arn = match &existing {
        Some(a) => a.arn.clone(),
        None => scheduled_action_arn(region, &ctx.rng.uuid(), &resource, name),
    };
    let r = ctx.world.region_mut(region);
    r.application_autoscaling.scheduled.insert(
        key,
        ScheduledAction {
            name: name.to_string(),
            arn,
            resource_id: resource,
            dimension,
            expression,
            schedule,
            timezone,
            start,
            end,
            min: min.map(|m| m as u32),
            max: max.map(|m| m as u32),
            created: existing.as_ref().map_or(now, |a| a.created),
        },
    );
    Ok(json!({}))
}

pub(super) fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_namespace(req)?;
    let names = req.strings("ScheduledActionNames");
    let resource = req.str("ResourceId");
    let dimension = req.str("ScalableDimension");
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r
        .application_autoscaling
        .scheduled
        .values()
        .filter(|a| names.is_empty() || names.contains(&a.name.as_str()))
        .filter(|a| resource.is_none_or(|x| x == a.resource_id) && dimension.is_none_or(|d| d == a.dimension))
        .map(|a| {
            let mut target_action = json!({});
            if let Some(m) = a.min {
                target_action["MinCapacity"] = json!(m);
            }
            if let Some(m) = a.max {
                target_action["MaxCapacity"] = json!(m);
            }
            let mut v = json!({
                "ScheduledActionName": a.name,
                "ScheduledActionARN": a.arn,
                "ServiceNamespace": "ecs",
                "Schedule": a.expression,
                "ResourceId": a.resource_id,
                "ScalableDimension": a.dimension,
                "ScalableTargetAction": target_action,
                "CreationTime": a.created.to_cli_string(),
            });
            if let Some(tz) = &a.timezone {
                v["Timezone"] = json!(tz);
            }
            if let Some(s) = a.start {
                v["StartTime"] = json!(s.to_cli_string());
            }
            if let Some(e) = a.end {
                v["EndTime"] = json!(e.to_cli_string());
            }
            v
        })
        .collect();
    Ok(json!({ "ScheduledActions": list }))
}

pub(super) fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (resource, dimension) = target_key(req)?;
    let name = req.str("ScheduledActionName").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    if r.application_autoscaling.scheduled.remove(&(resource.clone(), dimension.clone(), name.to_string())).is_none() {
        return Err(ServiceError::new(
            "ObjectNotFoundException",
            format!("No scheduled action found for service namespace: ecs, resource ID: {resource}, scalable dimension: {dimension}, scheduled action name: {name}"),
        ));
    }
    Ok(json!({}))
}
