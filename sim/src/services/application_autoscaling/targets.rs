//! `register-scalable-target`, `deregister-scalable-target`, `describe-scalable-targets`.

use super::{check_namespace, target_key, validation};
use crate::context::Ctx;
use crate::lifecycle::scaling::Source;
use crate::services::{Call, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::application_autoscaling::{ScalableTarget, parse_service_resource};
use serde_json::{Value, json};

/// The service-linked role Application Auto Scaling uses for ECS when RoleARN is not given.
fn default_role() -> String {
    format!(
        "arn:aws:iam::{ACCOUNT_ID}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService"
    )
}

pub(super) fn register(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (resource, dimension) = target_key(req)?;
    let (min, max) = (req.int("MinCapacity"), req.int("MaxCapacity"));
    if min.is_some_and(|m| m < 0) || max.is_some_and(|m| m < 0) {
        return Err(validation("Minimum and maximum capacity must be greater than or equal to 0"));
    }
    let now = ctx.now;
    let hex = ctx.rng.hex(36);
    let r = ctx.world.region_mut(call.region);
    let (cluster, service) = parse_service_resource(&resource).unwrap_or_default();
    let exists = r
        .ecs
        .clusters
        .get(cluster)
        .filter(|c| c.status == "ACTIVE")
        .and_then(|c| c.services.get(service))
        .is_some_and(|s| s.status == "ACTIVE");
    if !exists {
        // The phrase Application Auto Scaling reports for a missing service (seen in Spinnaker's issue 4371).
        return Err(validation(format!("ECS service doesn't exist: {resource}")));
    }
    let key = (resource.clone(), dimension.clone());
    let existing = r.application_autoscaling.targets.get(&key).cloned();
    let (min, max) = match (&existing, min, max) {
        (Some(t), min, max) => (min.map_or(t.min, |m| m as u32), max.map_or(t.max, |m| m as u32)),
        (None, Some(min), Some(max)) => (min as u32, max as u32),
        // Sandbox wording: AWS requires both for a new target.
        (None, _, _) => return Err(validation("MinCapacity and MaxCapacity are required to register a new scalable target")),
    };
    if min > max {
        return Err(validation("Minimum capacity cannot be greater than maximum capacity"));
    }
    let s = req.at("SuspendedState");
    let old_suspended = existing.as_ref().map_or([false; 3], |t| t.suspended);
    let suspended = [
        s.bool("DynamicScalingInSuspended").unwrap_or(old_suspended[0]),
        s.bool("DynamicScalingOutSuspended").unwrap_or(old_suspended[1]),
        s.bool("ScheduledScalingSuspended").unwrap_or(old_suspended[2]),
    ];
    let target = ScalableTarget {
        resource_id: resource.clone(),
        dimension: dimension.clone(),
        min,
        max,
        role_arn: req.str("RoleARN").map_or_else(default_role, str::to_string),
        arn: existing.as_ref().map_or_else(|| format!("arn:aws:application-autoscaling:{}:{ACCOUNT_ID}:scalable-target/{hex}", call.region), |t| t.arn.clone()),
        created: existing.as_ref().map_or(now, |t| t.created),
        suspended,
    };
    let arn = target.arn.clone();
    r.application_autoscaling.targets.insert(key, target);
    let desired = r.ecs.clusters.get(cluster).and_then(|c| c.services.get(service)).map(|s| s.desired_count);
    // The service is active, so its desired count moves inside the new range at once (botocore's
    // RegisterScalableTarget documentation, BC-AAS; ecs-facts §3.4), with Application Auto Scaling's activity:
    // Description `Setting desired count to 3.`, Cause `minimum capacity was set to 3` (or `maximum …`).
    if let Some(desired) = desired {
        let cause = match desired {
            d if d < min => Some((min, format!("minimum capacity was set to {min}"))),
            d if d > max => Some((max, format!("maximum capacity was set to {max}"))),
            _ => None,
        };
        if let Some((new, cause)) = cause {
            crate::lifecycle::scaling::set_desired(ctx, call.region, &resource, &dimension, new, cause, Source::default());
        }
    }
    Ok(json!({ "ScalableTargetARN": arn }))
}

pub(super) fn deregister(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let (resource, dimension) = target_key(call.req())?;
    let r = ctx.world.region_mut(call.region);
    let key = (resource.clone(), dimension.clone());
    if r.application_autoscaling.targets.remove(&key).is_none() {
        return Err(ServiceError::new(
            "ObjectNotFoundException",
            format!("No scalable target found for service namespace: ecs, resource ID: {resource}, scalable dimension: {dimension}"),
        ));
    }
    // Deregistering deletes the target's scaling policies (and their target tracking alarms) and scheduled actions.
    let aas = &mut r.application_autoscaling;
    let removed: Vec<_> = aas.policies.keys().filter(|(res, dim, _)| *res == resource && *dim == dimension).cloned().collect();
    for k in removed {
        if let Some(p) = aas.policies.remove(&k) {
            for (name, _) in p.alarms {
                r.cloudwatch.alarms.remove(&name);
            }
        }
    }
    aas.scheduled.retain(|(res, dim, _), _| !(*res == resource && *dim == dimension));
    Ok(json!({}))
}

pub(super) fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_namespace(req)?;
    let ids = req.strings("ResourceIds");
    let dimension = req.str("ScalableDimension");
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r
        .application_autoscaling
        .targets
        .values()
        .filter(|t| ids.is_empty() || ids.contains(&t.resource_id.as_str()))
        .filter(|t| dimension.is_none_or(|d| d == t.dimension))
        .map(|t| {
            json!({
                "ServiceNamespace": "ecs",
                "ResourceId": t.resource_id,
                "ScalableDimension": t.dimension,
                "MinCapacity": t.min,
                "MaxCapacity": t.max,
                "RoleARN": t.role_arn,
                "CreationTime": t.created.to_cli_string(),
                "SuspendedState": {
                    "DynamicScalingInSuspended": t.suspended[0],
                    "DynamicScalingOutSuspended": t.suspended[1],
                    "ScheduledScalingSuspended": t.suspended[2],
                },
                "ScalableTargetARN": t.arn,
            })
        })
        .collect();
    Ok(json!({ "ScalableTargets": list }))
}
