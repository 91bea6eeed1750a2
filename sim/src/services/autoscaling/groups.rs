//! CreateAutoScalingGroup, DescribeAutoScalingGroups, UpdateAutoScalingGroup, SetDesiredCapacity and
//! DeleteAutoScalingGroup, with Auto Scaling's validation messages.

use super::group_not_found;
use crate::context::Ctx;
use crate::lifecycle::auto_scaling_group::{self as asg, cause_time};
use crate::services::{Call, Req, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::autoscaling::AutoScalingGroup;
use serde_json::{Value, json};

fn validation(message: impl Into<String>) -> ServiceError {
    ServiceError::new("ValidationError", message)
}

fn size(req: Req<'_>, name: &str) -> Option<u32> {
    req.int(name).map(|v| u32::try_from(v.max(0)).unwrap_or(u32::MAX))
}

/// Min ≤ desired ≤ max, in Auto Scaling's words.
fn check_bounds(min: u32, max: u32, desired: u32) -> Result<(), ServiceError> {
    if min > max {
        return Err(validation(format!("Max bound, {max}, must be greater than or equal to min bound, {min}")));
    }
    if desired < min || desired > max {
        return Err(validation(format!("Desired capacity:{desired} must be between the specified min size:{min} and max size:{max}")));
    }
    Ok(())
}

/// The launch template a `LaunchTemplate` specification names: (id, name, version).
fn launch_template(ctx: &mut Ctx<'_>, region: &str, spec: Req<'_>) -> Result<(String, String, Option<String>), ServiceError> {
    let id = spec.str("LaunchTemplateId");
    let name = spec.str("LaunchTemplateName");
    if id.is_some() == name.is_some() {
        return Err(validation("Valid requests must contain either LaunchTemplateId or LaunchTemplateName"));
    }
    let r = ctx.world.region_mut(region);
    let lt = r.autoscaling.launch_template(id, name).ok_or_else(|| {
        // Not verbatim: Auto Scaling's message for a missing template as commonly quoted.
        validation(format!(
            "You must use a valid fully-formed launch template. The specified launch template, with template {}, does not exist.",
            id.map_or_else(|| format!("name {}", name.unwrap_or_default()), |i| format!("ID {i}"))
        ))
    })?;
    let version = spec.str("Version").map(str::to_string);
    if lt.version(version.as_deref()).is_none() {
        return Err(validation(format!(
            "You must use a valid fully-formed launch template. The specified launch template version, {}, does not exist.",
            version.clone().unwrap_or_default()
        )));
    }
    Ok((lt.id.clone(), lt.name.clone(), version))
}

/// Subnets of `VPCZoneIdentifier` (comma-separated), each checked.
fn subnets(ctx: &mut Ctx<'_>, region: &str, text: &str) -> Result<(Vec<String>, Vec<String>), ServiceError> {
    let r = ctx.world.region_mut(region);
    let mut ids = Vec::new();
    let mut zones = Vec::new();
    for s in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let sub = r.network.subnet(s).ok_or_else(|| validation(format!("The subnet ID '{s}' does not exist")))?;
        ids.push(s.to_string());
        if !zones.contains(&sub.availability_zone) {
            zones.push(sub.availability_zone.clone());
        }
    }
    Ok((ids, zones))
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = req.str("AutoScalingGroupName").unwrap_or_default().to_string();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(validation("AutoScalingGroupName must be between 1 and 255 characters."));
    }
    if ctx.world.region_mut(region).autoscaling.groups.contains_key(&name) {
        return Err(ServiceError::new("AlreadyExists", format!("AutoScalingGroup by this name already exists - A group with the name {name} already exists")));
    }
    if req.get("LaunchTemplate").is_none() {
        // The sandbox models launch templates only (no launch configurations or mixed instances policies).
        return Err(validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter."));
    }
    let (lt_id, lt_name, version) = launch_template(ctx, region, req.at("LaunchTemplate"))?;
    let min = size(req, "MinSize").unwrap_or(0);
    let max = size(req, "MaxSize").unwrap_or(0);
    let desired = size(req, "DesiredCapacity").unwrap_or(min);
    check_bounds(min, max, desired)?;
    let (subnet_ids, mut zones) = subnets(ctx, region, req.str("VPCZoneIdentifier").unwrap_or_default())?;
    if subnet_ids.is_empty() {
        let azs = req.strings("AvailabilityZones");
        if azs.is_empty() {
            return Err(validation("At least one Availability Zone or VPC Subnet is required."));
        }
        let r = ctx.world.region_mut(region);
        let mut ids = Vec::new();
        for az in azs {
            let s = r.network.subnet_in_zone(az).ok_or_else(|| validation(format!("Invalid Availability Zone: {az}")))?;
            ids.push(s.id.clone());
            zones.push(az.to_string());
        }
        return finish_create(ctx, region, &name, (lt_id, lt_name, version), (min, max, desired), ids, zones, req);
    }
    finish_create(ctx, region, &name, (lt_id, lt_name, version), (min, max, desired), subnet_ids, zones, req)
}

#[allow(clippy::too_many_arguments)]
fn finish_create(
    ctx: &mut Ctx<'_>,
    region: &str,
    name: &str,
    lt: (String, String, Option<String>),
    sizes: (u32, u32, u32),
    subnet_ids: Vec<String>,
    zones: Vec<String>,
    req: Req<'_>,
) -> Result<Value, ServiceError> {
    let tags = req
        .list("Tags")
        .iter()
        .filter_map(|t| {
            Some((
                t.get("Key")?.as_str()?.to_string(),
                t.get("Value").and_then(Value::as_str).unwrap_or("").to_string(),
                t.get("PropagateAtLaunch").and_then(Value::as_bool).unwrap_or(true),
            ))
        })
        .collect();
    let group = AutoScalingGroup {
        name: name.to_string(),
        arn: format!("arn:aws:autoscaling:{region}:{ACCOUNT_ID}:autoScalingGroup:{}:autoScalingGroupName/{name}", ctx.rng.uuid()),
        launch_template_id: lt.0,
        launch_template_name: lt.1,
        launch_template_version: lt.2,
        min_size: sizes.0,
        max_size: sizes.1,
        desired_capacity: 0,
        default_cooldown: u32::try_from(req.int("DefaultCooldown").unwrap_or(300).max(0)).unwrap_or(300),
        subnets: subnet_ids,
        availability_zones: zones,
        new_instances_protected_from_scale_in: req.bool("NewInstancesProtectedFromScaleIn") == Some(true),
        tags,
        created_at: ctx.now,
        instances: Vec::new(),
        activities: Vec::new(),
        status: None,
    };
    ctx.world.region_mut(region).autoscaling.groups.insert(name.to_string(), group);
    asg::set_desired(ctx, region, name, sizes.2, "a user request created an AutoScalingGroup", "user");
    Ok(json!({}))
}

pub fn render(g: &AutoScalingGroup) -> Value {
    let mut lt = json!({"LaunchTemplateId": g.launch_template_id, "LaunchTemplateName": g.launch_template_name});
    lt["Version"] = json!(g.launch_template_version.clone().unwrap_or_else(|| "$Default".into()));
    let instances: Vec<Value> = g
        .instances
        .iter()
        .map(|i| {
            json!({
                "InstanceId": i.instance_id,
                "InstanceType": i.instance_type,
                "AvailabilityZone": i.availability_zone,
                "LifecycleState": i.lifecycle_state.as_str(),
                "HealthStatus": "Healthy",
                "LaunchTemplate": lt,
                "ProtectedFromScaleIn": i.protected_from_scale_in,
            })
        })
        .collect();
    let tags: Vec<Value> = g
        .tags
        .iter()
        .map(|(k, v, p)| json!({"ResourceId": g.name, "ResourceType": "auto-scaling-group", "Key": k, "Value": v, "PropagateAtLaunch": p}))
        .collect();
    let mut v = json!({
        "AutoScalingGroupName": g.name,
        "AutoScalingGroupARN": g.arn,
        "LaunchTemplate": lt,
        "MinSize": g.min_size,
        "MaxSize": g.max_size,
        "DesiredCapacity": g.desired_capacity,
        "DefaultCooldown": g.default_cooldown,
        "AvailabilityZones": g.availability_zones,
        "LoadBalancerNames": [],
        "TargetGroupARNs": [],
        "HealthCheckType": "EC2",
        "HealthCheckGracePeriod": 300,
        "Instances": instances,
        "CreatedTime": g.created_at.to_cli_string(),
        "SuspendedProcesses": [],
        "VPCZoneIdentifier": g.subnets.join(","),
        "EnabledMetrics": [],
        "Tags": tags,
        "TerminationPolicies": ["Default"],
        "NewInstancesProtectedFromScaleIn": g.new_instances_protected_from_scale_in,
        "ServiceLinkedRoleARN": format!("arn:aws:iam::{ACCOUNT_ID}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"),
        "CapacityRebalance": false,
        "TrafficSources": [],
    });
    if let Some(s) = &g.status {
        v["Status"] = json!(s);
    }
    v
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    asg::refresh(ctx, call.region);
    let names = req.strings("AutoScalingGroupNames");
    let r = ctx.world.region_mut(call.region);
    let groups: Vec<Value> =
        r.autoscaling.groups.values().filter(|g| names.is_empty() || names.contains(&g.name.as_str())).map(render).collect();
    Ok(json!({ "AutoScalingGroups": groups }))
}

pub fn update(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = req.str("AutoScalingGroupName").unwrap_or_default().to_string();
    let Some(g) = ctx.world.region_mut(region).autoscaling.groups.get(&name).cloned() else {
        return Err(group_not_found(&name));
    };
    let lt = match req.get("LaunchTemplate") {
        Some(_) => Some(launch_template(ctx, region, req.at("LaunchTemplate"))?),
        None => None,
    };
    let min = size(req, "MinSize").unwrap_or(g.min_size);
    let max = size(req, "MaxSize").unwrap_or(g.max_size);
    // A new min above the desired capacity raises it; a new max below it lowers it (the API reference).
    let desired = size(req, "DesiredCapacity").unwrap_or_else(|| g.desired_capacity.clamp(min, max.max(min)));
    check_bounds(min, max, desired)?;
    let zones = match req.str("VPCZoneIdentifier") {
        Some(text) => Some(subnets(ctx, region, text)?),
        None => None,
    };
    if let Some(gm) = ctx.world.region_mut(region).autoscaling.groups.get_mut(&name) {
        gm.min_size = min;
        gm.max_size = max;
        if let Some((id, n, v)) = lt {
            gm.launch_template_id = id;
            gm.launch_template_name = n;
            gm.launch_template_version = v;
        }
        if let Some((ids, azs)) = zones {
            gm.subnets = ids;
            gm.availability_zones = azs;
        }
        if let Some(p) = req.bool("NewInstancesProtectedFromScaleIn") {
            gm.new_instances_protected_from_scale_in = p;
        }
        if let Some(c) = req.int("DefaultCooldown") {
            gm.default_cooldown = u32::try_from(c.max(0)).unwrap_or(300);
        }
    }
    let why = format!("a user request update of AutoScalingGroup constraints to min: {min}, max: {max}, desired: {desired}");
    asg::set_desired(ctx, region, &name, desired, &why, "user");
    Ok(json!({}))
}

pub fn set_desired_capacity(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = req.str("AutoScalingGroupName").unwrap_or_default().to_string();
    let Some(g) = ctx.world.region_mut(region).autoscaling.groups.get(&name).cloned() else {
        return Err(group_not_found(&name));
    };
    let desired = size(req, "DesiredCapacity").unwrap_or(0);
    if desired > g.max_size {
        return Err(validation(format!("New SetDesiredCapacity value {desired} is above max value {} for the AutoScalingGroup.", g.max_size)));
    }
    if desired < g.min_size {
        return Err(validation(format!("New SetDesiredCapacity value {desired} is below min value {} for the AutoScalingGroup.", g.min_size)));
    }
    asg::set_desired(ctx, region, &name, desired, "a user request explicitly set group desired capacity", "user");
    Ok(json!({}))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = req.str("AutoScalingGroupName").unwrap_or_default().to_string();
    let Some(g) = ctx.world.region_mut(region).autoscaling.groups.get(&name).cloned() else {
        return Err(group_not_found(&name));
    };
    let force = req.bool("ForceDelete") == Some(true);
    if !g.instances.is_empty() && !force {
        return Err(ServiceError::new(
            "ResourceInUse",
            "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.",
        ));
    }
    if g.instances.is_empty() {
        ctx.world.region_mut(region).autoscaling.groups.remove(&name);
        return Ok(json!({}));
    }
    let now = ctx.now;
    if let Some(gm) = ctx.world.region_mut(region).autoscaling.groups.get_mut(&name) {
        gm.status = Some("Delete in progress".into());
        gm.desired_capacity = 0;
        gm.min_size = 0;
        gm.max_size = 0;
    }
    let ids: Vec<String> = g.instances.iter().filter(|i| i.lifecycle_state.as_str() != "Terminating").map(|i| i.instance_id.clone()).collect();
    for id in ids {
        let cause = format!("At {} a user request delete of AutoScalingGroup {name}.  At {} instance {id} was selected for termination.", cause_time(now), cause_time(now));
        asg::terminate(ctx, region, &name, &id, &cause);
    }
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bounds_use_auto_scalings_words() {
        assert_eq!(super::check_bounds(2, 1, 1).map_err(|e| e.message), Err("Max bound, 1, must be greater than or equal to min bound, 2".into()));
        assert_eq!(
            super::check_bounds(0, 4, 5).map_err(|e| e.message),
            Err("Desired capacity:5 must be between the specified min size:0 and max size:4".into())
        );
        assert!(super::check_bounds(0, 4, 4).is_ok());
    }
}
