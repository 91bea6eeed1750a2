//! CreateCapacityProvider, DescribeCapacityProviders, UpdateCapacityProvider, DeleteCapacityProvider for Auto
//! Scaling group providers, with the built-in FARGATE and FARGATE_SPOT in describe as AWS lists them
//! (ecs-facts.md §3.5). Managed scaling itself runs in `lifecycle::managed_scaling`.

use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::ecs::capacity_provider::{FARGATE, FARGATE_SPOT, is_fargate_provider};
use crate::world::ecs::{CapacityProvider, ManagedScaling};
use serde_json::{Value, json};

/// §3.5: up to 255 characters of letters, digits, `_` and `-`, not starting with `aws`, `ecs` or `fargate`.
fn check_name(name: &str) -> Result<(), ServiceError> {
    if name.is_empty() || name.chars().count() > 255 || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        // Not verbatim.
        return Err(ServiceError::client(
            "The capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens.",
        ));
    }
    let lower = name.to_ascii_lowercase();
    if ["aws", "ecs", "fargate"].iter().any(|p| lower.starts_with(p)) {
        // Not verbatim: §3.5's rule.
        return Err(ServiceError::client("The capacity provider name is invalid. Capacity provider names can't be prefixed with \"aws\", \"ecs\", or \"fargate\"."));
    }
    Ok(())
}

fn enabled(v: Option<&str>, default: bool) -> Result<bool, ServiceError> {
    match v {
        None => Ok(default),
        Some("ENABLED") => Ok(true),
        Some("DISABLED") => Ok(false),
        Some(other) => Err(ServiceError::invalid_parameter(format!("Invalid value {other}: must be ENABLED or DISABLED."))),
    }
}

/// `managedScaling` over `base`, each value in its range (§3.5). Not verbatim messages.
fn managed_scaling(m: Req<'_>, base: &ManagedScaling) -> Result<ManagedScaling, ServiceError> {
    let range = |name: &str, lo: i64, hi: i64, current: u32| -> Result<u32, ServiceError> {
        match m.int(name) {
            None => Ok(current),
            Some(v) if (lo..=hi).contains(&v) => Ok(u32::try_from(v).unwrap_or(current)),
            Some(v) => Err(ServiceError::client(format!("The managed scaling {name} value {v} is invalid. Specify a value between {lo} and {hi}."))),
        }
    };
    let out = ManagedScaling {
        enabled: enabled(m.str("status"), base.enabled)?,
        target_capacity: range("targetCapacity", 1, 100, base.target_capacity)?,
        minimum_scaling_step_size: range("minimumScalingStepSize", 1, 10_000, base.minimum_scaling_step_size)?,
        maximum_scaling_step_size: range("maximumScalingStepSize", 1, 10_000, base.maximum_scaling_step_size)?,
        instance_warmup_period: range("instanceWarmupPeriod", 0, 10_000, base.instance_warmup_period)?,
    };
    if out.minimum_scaling_step_size > out.maximum_scaling_step_size {
        return Err(ServiceError::client("The managed scaling minimumScalingStepSize must be less than or equal to maximumScalingStepSize."));
    }
    Ok(out)
}

fn status_word(on: bool) -> &'static str {
    if on { "ENABLED" } else { "DISABLED" }
}

pub fn arn(region: &str, name: &str) -> String {
    format!("arn:aws:ecs:{region}:{ACCOUNT_ID}:capacity-provider/{name}")
}

pub fn render(cp: &CapacityProvider) -> Value {
    let m = &cp.managed_scaling;
    json!({
        "capacityProviderArn": cp.arn(),
        "name": cp.name,
        "status": cp.status,
        "autoScalingGroupProvider": {
            "autoScalingGroupArn": cp.auto_scaling_group_arn,
            "managedScaling": {
                "status": status_word(m.enabled),
                "targetCapacity": m.target_capacity,
                "minimumScalingStepSize": m.minimum_scaling_step_size,
                "maximumScalingStepSize": m.maximum_scaling_step_size,
                "instanceWarmupPeriod": m.instance_warmup_period,
            },
            "managedTerminationProtection": cp.managed_termination_protection,
            "managedDraining": cp.managed_draining,
        },
        "updateStatus": cp.update_status,
        "tags": cp.tags.iter().map(|(k, v)| json!({"key": k, "value": v})).collect::<Vec<_>>(),
        "type": "EC2_AUTOSCALING",
    })
}

fn render_fargate(region: &str, name: &str) -> Value {
    json!({"capacityProviderArn": arn(region, name), "name": name, "status": "ACTIVE", "tags": [], "type": name})
}

/// Managed termination protection needs managed scaling and the group's scale-in protection (§3.5).
fn check_termination_protection(ctx: &mut Ctx<'_>, region: &str, group_arn: &str, on: bool, scaling: bool) -> Result<(), ServiceError> {
    if !on {
        return Ok(());
    }
    if !scaling {
        return Err(ServiceError::client(
            "The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.",
        ));
    }
    let protected = ctx.world.region_mut(region).autoscaling.group_by_arn_or_name(group_arn).is_some_and(|g| g.new_instances_protected_from_scale_in);
    if !protected {
        return Err(ServiceError::client(
            "The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.",
        ));
    }
    Ok(())
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = req.str("name").unwrap_or_default().to_string();
    check_name(&name)?;
    if req.get("managedInstancesProvider").is_some() {
        return Err(super::run_task::not_modelled("Amazon ECS Managed Instances capacity providers"));
    }
    let p = req.at("autoScalingGroupProvider");
    if p.0.is_null() {
        // Not verbatim.
        return Err(ServiceError::invalid_parameter("An autoScalingGroupProvider must be specified."));
    }
    let group_arn = p.str("autoScalingGroupArn").unwrap_or_default().to_string();
    let r = ctx.world.region_mut(region);
    if r.ecs.capacity_providers.get(&name).is_some_and(|cp| cp.status != "INACTIVE") {
        return Err(ServiceError::client(
            "The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.",
        ));
    }
    let group = r.autoscaling.groups.values().find(|g| g.arn == group_arn).map(|g| g.name.clone());
    let Some(group) = group else {
        // Not verbatim: ECS needs the group's ARN, not its name.
        return Err(ServiceError::client(format!(
            "The specified Auto Scaling group ARN {group_arn} is not valid. Specify the full ARN of an Auto Scaling group in this Region (aws autoscaling describe-auto-scaling-groups --query 'AutoScalingGroups[].AutoScalingGroupARN')."
        )));
    };
    if r.ecs.capacity_providers.values().any(|cp| cp.status != "INACTIVE" && cp.auto_scaling_group_arn == group_arn) {
        return Err(ServiceError::client(
            "The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.",
        ));
    }
    let scaling = managed_scaling(p.at("managedScaling"), &ManagedScaling { enabled: false, ..ManagedScaling::default() })?;
    let scaling = if p.get("managedScaling").is_some() && p.at("managedScaling").str("status").is_none() {
        // A managedScaling block with no status: ECS turns it on.
        ManagedScaling { enabled: true, ..scaling }
    } else {
        scaling
    };
    let mtp = enabled(p.str("managedTerminationProtection"), false)?;
    check_termination_protection(ctx, region, &group_arn, mtp, scaling.enabled)?;
    let draining = enabled(p.str("managedDraining"), true)?;
    let tags = req
        .list("tags")
        .iter()
        .filter_map(|t| Some((t.get("key")?.as_str()?.to_string(), t.get("value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect();
    let cp = CapacityProvider {
        name: name.clone(),
        region: region.to_string(),
        status: "ACTIVE".into(),
        auto_scaling_group_arn: group_arn,
        managed_scaling: scaling.clone(),
        managed_termination_protection: status_word(mtp).into(),
        managed_draining: status_word(draining).into(),
        update_status: String::new(),
        created_at: ctx.now,
        tags,
    };
    let r = ctx.world.region_mut(region);
    // §3.5: ECS tags the group it manages.
    if scaling.enabled
        && let Some(g) = r.autoscaling.groups.get_mut(&group)
        && !g.tags.iter().any(|(k, _, _)| k == "AmazonECSManaged")
    {
        g.tags.push(("AmazonECSManaged".into(), String::new(), true));
    }
    r.autoscaling.managed.remove(&name);
    let out = render(&cp);
    r.ecs.capacity_providers.insert(name, cp);
    Ok(json!({ "capacityProvider": without_empty_update_status(out) }))
}

fn without_empty_update_status(mut v: Value) -> Value {
    if v.get("updateStatus").and_then(Value::as_str) == Some("")
        && let Some(o) = v.as_object_mut()
    {
        o.remove("updateStatus");
    }
    v
}

/// The name in a `capacityProvider` value: a name or an ARN.
fn name_of(key: &str) -> &str {
    key.rsplit_once(":capacity-provider/").map_or(key, |(_, n)| n)
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let wanted = req.strings("capacityProviders");
    let r = ctx.world.region_mut(region);
    let mut out = Vec::new();
    let mut failures = Vec::new();
    if wanted.is_empty() {
        out.push(render_fargate(region, FARGATE));
        out.push(render_fargate(region, FARGATE_SPOT));
        out.extend(r.ecs.capacity_providers.values().filter(|cp| cp.status != "INACTIVE").map(|cp| without_empty_update_status(render(cp))));
    } else {
        for key in wanted {
            let name = name_of(key);
            if is_fargate_provider(name) {
                out.push(render_fargate(region, name));
            } else if let Some(cp) = r.ecs.capacity_providers.get(name) {
                out.push(without_empty_update_status(render(cp)));
            } else {
                failures.push(json!({"arn": arn(region, name), "reason": "MISSING"}));
            }
        }
    }
    Ok(json!({ "capacityProviders": out, "failures": failures }))
}

fn not_found() -> ServiceError {
    // Not verbatim.
    ServiceError::client("The specified capacity provider does not exist. Specify a valid name or ARN and try again.")
}

pub fn update(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = name_of(req.str("name").unwrap_or_default()).to_string();
    if is_fargate_provider(&name) {
        return Err(ServiceError::client("The FARGATE and FARGATE_SPOT capacity providers cannot be updated."));
    }
    let Some(cp) = ctx.world.region_mut(region).ecs.capacity_providers.get(&name).filter(|cp| cp.status == "ACTIVE").cloned() else {
        return Err(not_found());
    };
    let p = req.at("autoScalingGroupProvider");
    let scaling = managed_scaling(p.at("managedScaling"), &cp.managed_scaling)?;
    let mtp = enabled(p.str("managedTerminationProtection"), cp.managed_termination_protection == "ENABLED")?;
    check_termination_protection(ctx, region, &cp.auto_scaling_group_arn, mtp, scaling.enabled)?;
    let draining = enabled(p.str("managedDraining"), cp.managed_draining == "ENABLED")?;
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.capacity_providers.get_mut(&name) else { return Err(not_found()) };
    c.managed_scaling = scaling;
    c.managed_termination_protection = status_word(mtp).into();
    c.managed_draining = status_word(draining).into();
    c.update_status = "UPDATE_COMPLETE".into();
    Ok(json!({ "capacityProvider": render(c) }))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let name = name_of(req.str("capacityProvider").unwrap_or_default()).to_string();
    if is_fargate_provider(&name) {
        return Err(ServiceError::client("The FARGATE and FARGATE_SPOT capacity providers cannot be deleted."));
    }
    let r = ctx.world.region_mut(region);
    if r.ecs.capacity_providers.get(&name).is_none_or(|cp| cp.status != "ACTIVE") {
        return Err(not_found());
    }
    let in_cluster = r.ecs.clusters.values().any(|c| c.status == "ACTIVE" && c.capacity_providers.contains(&name));
    let in_service = r.ecs.clusters.values().flat_map(|c| c.services.values()).any(|s| {
        s.status != "INACTIVE" && s.capacity_provider_strategy.iter().any(|i| i.capacity_provider == name)
    });
    if in_cluster || in_service {
        // Not verbatim.
        return Err(ServiceError::client("The specified capacity provider is in use and cannot be removed."));
    }
    let Some(cp) = r.ecs.capacity_providers.get_mut(&name) else { return Err(not_found()) };
    cp.status = "INACTIVE".into();
    cp.update_status = "DELETE_COMPLETE".into();
    let out = render(cp);
    r.autoscaling.managed.remove(&name);
    Ok(json!({ "capacityProvider": out }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_follow_3_5() {
        assert!(super::check_name("asg-provider_1").is_ok());
        assert!(super::check_name("ecs-provider").is_err());
        assert!(super::check_name("AWSprovider").is_err());
        assert!(super::check_name("FargateLike").is_err());
        assert!(super::check_name("has space").is_err());
        assert!(super::check_name(&"a".repeat(256)).is_err());
    }
}
