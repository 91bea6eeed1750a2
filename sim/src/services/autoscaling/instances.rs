//! SetInstanceProtection and TerminateInstanceInAutoScalingGroup.

use super::group_not_found;
use crate::context::Ctx;
use crate::lifecycle::auto_scaling_group::{self as asg, cause_time, live_count};
use crate::services::{Call, ServiceError};
use serde_json::{Value, json};

pub fn set_protection(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("AutoScalingGroupName").unwrap_or_default().to_string();
    let ids = req.strings("InstanceIds");
    let protect = req.bool("ProtectedFromScaleIn") == Some(true);
    let Some(g) = ctx.world.region_mut(call.region).autoscaling.groups.get_mut(&name) else {
        return Err(group_not_found(&name));
    };
    if let Some(id) = ids.iter().find(|id| !g.instances.iter().any(|i| i.instance_id == **id)) {
        return Err(ServiceError::new("ValidationError", format!("The instance {id} is not part of Auto Scaling group {name}.")));
    }
    for i in g.instances.iter_mut().filter(|i| ids.contains(&i.instance_id.as_str())) {
        i.protected_from_scale_in = protect;
    }
    Ok(json!({}))
}

pub fn terminate(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let id = req.str("InstanceId").unwrap_or_default().to_string();
    let decrement = req.bool("ShouldDecrementDesiredCapacity") == Some(true);
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(g) = r.autoscaling.group_of_instance(&id).cloned() else {
        return Err(ServiceError::new("ValidationError", format!("Instance Id not found - No managed instance found for instance ID: {id}")));
    };
    let live = live_count(&g);
    let cause = if decrement {
        if g.desired_capacity <= g.min_size {
            return Err(ServiceError::new(
                "ValidationError",
                format!("Currently, desiredSize equals minSize ({}). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.", g.min_size),
            ));
        }
        if let Some(gm) = ctx.world.region_mut(region).autoscaling.groups.get_mut(&g.name) {
            gm.desired_capacity = gm.desired_capacity.saturating_sub(1);
        }
        format!("At {} instance {id} was taken out of service in response to a user request, shrinking the capacity from {live} to {}.", cause_time(now), live.saturating_sub(1))
    } else {
        format!("At {} instance {id} was taken out of service in response to a user request.", cause_time(now))
    };
    asg::terminate(ctx, region, &g.name, &id, &cause);
    let activity = ctx
        .world
        .region_mut(region)
        .autoscaling
        .groups
        .get(&g.name)
        .and_then(|gm| gm.activities.last().cloned())
        .map(|a| super::activities::render(&g.name, &g.arn, &a));
    Ok(json!({ "Activity": activity }))
}
