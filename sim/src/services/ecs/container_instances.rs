//! ListContainerInstances and DescribeContainerInstances.

use super::{active_cluster, render};
use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use serde_json::{Value, json};

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    if req.str("filter").is_some() {
        return Err(ServiceError::invalid_parameter(
            "ECS Sandbox does not evaluate --filter expressions yet (the cluster query language comes with placement constraints).",
        ));
    }
    let status = req.str("status");
    let arns: Vec<String> = cluster
        .container_instances
        .values()
        .filter(|ci| status.is_none_or(|s| ci.status == s))
        .map(|ci| ci.arn())
        .collect();
    Ok(json!({ "containerInstanceArns": arns }))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let mut found = Vec::new();
    let mut failures = Vec::new();
    for key in req.strings("containerInstances") {
        match cluster.find_container_instance(key) {
            Some(ci) => found.push(render::container_instance(cluster, ci)),
            None => failures.push(json!({
                "arn": if key.starts_with("arn:") { key.to_string() } else {
                    format!("arn:aws:ecs:{}:{}:container-instance/{}/{}", call.region, crate::tuning::ACCOUNT_ID, cluster.name, key)
                },
                "reason": "MISSING"
            })),
        }
    }
    Ok(json!({ "containerInstances": found, "failures": failures }))
}
