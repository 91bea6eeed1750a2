//! `describe-scaling-activities`: newest first, as AWS lists them (Description `Setting desired count to 4.`,
//! Cause `monitor alarm … in state ALARM triggered policy …`, StatusMessage `Successfully set desired count to
//! 4. Change successfully fulfilled by ecs.`).

use super::{check_namespace, validation};
use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use serde_json::{Value, json};

pub(super) fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_namespace(req)?;
    let resource = req.str("ResourceId");
    let dimension = req.str("ScalableDimension");
    let max = match req.int("MaxResults") {
        Some(n) if !(1..=50).contains(&n) => return Err(validation("MaxResults must be between 1 and 50")),
        Some(n) => n as usize,
        None => 50,
    };
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r
        .application_autoscaling
        .activities
        .iter()
        .filter(|a| resource.is_none_or(|x| x == a.resource_id) && dimension.is_none_or(|d| d == a.dimension))
        .take(max)
        .map(|a| {
            let mut v = json!({
                "ActivityId": a.id,
                "ServiceNamespace": "ecs",
                "ResourceId": a.resource_id,
                "ScalableDimension": a.dimension,
                "Description": a.description,
                "Cause": a.cause,
                "StartTime": a.start.to_cli_string(),
                "StatusCode": a.status_code,
            });
            if let Some(e) = a.end {
                v["EndTime"] = json!(e.to_cli_string());
            }
            if let Some(m) = &a.status_message {
                v["StatusMessage"] = json!(m);
            }
            v
        })
        .collect();
    Ok(json!({ "ScalingActivities": list }))
}
