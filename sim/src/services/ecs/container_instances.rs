//! ListContainerInstances (with `--filter` in the cluster query language), DescribeContainerInstances,
//! UpdateContainerInstancesState (ACTIVE/DRAINING), DeregisterContainerInstance, and custom attributes
//! (PutAttributes, DeleteAttributes, ListAttributes; ecs-facts.md §2.3).

use super::{active_cluster, render};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle;
use crate::placement;
use crate::query_language;
use crate::services::{Call, ServiceError};
use serde_json::{Value, json};

/// At most 10 custom attributes per resource (§2.3, `AttributeLimitExceededException`).
pub const MAX_CUSTOM_ATTRIBUTES: usize = 10;

fn is_builtin(name: &str) -> bool {
    name.starts_with("ecs.") || name.starts_with("com.amazonaws.ecs.")
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let filter = match req.str("filter") {
        Some(f) => Some(query_language::parse(f).map_err(|e| ServiceError::invalid_parameter(e.service_message()))?),
        None => None,
    };
    let status = req.str("status");
    let arns: Vec<String> = placement::snapshot_all(cluster)
        .iter()
        .filter(|ci| match status {
            Some(s) => ci.status == s,
            None => ci.status != "INACTIVE",
        })
        .filter(|ci| filter.as_ref().is_none_or(|f| f.matches(*ci)))
        .map(|ci| ci.arn.clone())
        .collect();
    Ok(json!({ "containerInstanceArns": arns }))
}

fn missing(region: &str, cluster: &str, key: &str) -> Value {
    let arn = if key.starts_with("arn:") {
        key.to_string()
    } else {
        format!("arn:aws:ecs:{region}:{}:container-instance/{cluster}/{key}", crate::tuning::ACCOUNT_ID)
    };
    json!({"arn": arn, "reason": "MISSING"})
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let mut found = Vec::new();
    let mut failures = Vec::new();
    for key in req.strings("containerInstances") {
        match cluster.find_container_instance(key) {
            Some(ci) => {
                let mut v = render::container_instance(cluster, ci);
                // An instance of an Auto Scaling group capacity provider's group names it (§3.5).
                if let Some(p) = crate::lifecycle::capacity_provider_tasks::provider_of_instance(r, &ci.ec2_instance_id) {
                    v["capacityProviderName"] = Value::String(p);
                }
                found.push(v);
            }
            None => failures.push(missing(call.region, &cluster.name, key)),
        }
    }
    Ok(json!({ "containerInstances": found, "failures": failures }))
}

/// DRAINING stops new tasks from being placed on an instance; its standalone tasks keep running (only a
/// service's tasks are replaced elsewhere).
pub fn update_state(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let status = req.str("status").unwrap_or_default();
    if status != "ACTIVE" && status != "DRAINING" {
        // Only these two are accepted (§3.3). Not verbatim.
        return Err(ServiceError::invalid_parameter(format!("Container instance status must be ACTIVE or DRAINING, not {status}.")));
    }
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster_name = active_cluster(&r.ecs, req.str("cluster"))?.name.clone();
    let mut changed = Vec::new();
    let mut failures = Vec::new();
    for key in req.strings("containerInstances") {
        let c = r.ecs.clusters.get_mut(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
        let id = c.find_container_instance(key).map(|ci| ci.id.clone());
        match id.and_then(|id| c.container_instances.get_mut(&id)) {
            Some(ci) if ci.status != "INACTIVE" => {
                if ci.status != status {
                    ci.status = status.to_string();
                    ci.version += 1;
                }
                changed.push(ci.id.clone());
            }
            _ => failures.push(missing(region, &cluster_name, key)),
        }
    }
    let c = r.ecs.clusters.get(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let rendered: Vec<Value> =
        changed.iter().filter_map(|id| c.container_instances.get(id)).map(|ci| render::container_instance(c, ci)).collect();
    for id in changed {
        ctx.emit(EventKind::ContainerInstanceStateChanged {
            region: region.into(),
            cluster: cluster_name.clone(),
            container_instance_id: id,
            status: status.into(),
        });
    }
    Ok(json!({ "containerInstances": rendered, "failures": failures }))
}

/// Deregistering takes the instance out of the cluster. With tasks on it, `--force` is needed; the sandbox
/// then stops those tasks (on AWS they would run on, orphaned, until the instance stops).
pub fn deregister(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let cluster_name = cluster.name.clone();
    let key = req.str("containerInstance").unwrap_or_default();
    let ci = cluster
        .find_container_instance(key)
        .filter(|ci| ci.status != "INACTIVE")
        .ok_or_else(|| ServiceError::invalid_parameter("The referenced container instance was not found."))?;
    let ci_id = ci.id.clone();
    let ec2_id = ci.ec2_instance_id.clone();
    let task_ids: Vec<String> = cluster
        .tasks
        .values()
        .filter(|t| t.container_instance_id.as_deref() == Some(ci_id.as_str()) && t.holds_resources())
        .map(|t| t.id.clone())
        .collect();
    if !task_ids.is_empty() && req.bool("force") != Some(true) {
        // Not verbatim.
        return Err(ServiceError::invalid_parameter(
            "The container instance has tasks; stop them first or deregister with --force.",
        ));
    }
    for t in task_ids {
        lifecycle::task::begin_stop(ctx, region, &cluster_name, &t, "UserInitiated", "Container instance deregistered");
    }
    let r = ctx.world.region_mut(region);
    let c = r.ecs.clusters.get_mut(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let Some(ci) = c.container_instances.get_mut(&ci_id) else { return Err(ServiceError::cluster_not_found()) };
    ci.status = "INACTIVE".into();
    ci.agent_connected = false;
    ci.version += 1;
    let rendered = {
        let c = r.ecs.clusters.get(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
        c.container_instances.get(&ci_id).map(|ci| render::container_instance(c, ci))
    };
    if let Some(inst) = r.ec2.instances.get_mut(&ec2_id) {
        inst.agent = crate::world::ec2::AgentStatus::CannotRegister { reason: "The container instance was deregistered from its cluster.".into() };
    }
    ctx.emit(EventKind::ContainerInstanceDeregistered { region: region.into(), cluster: cluster_name, container_instance_id: ci_id });
    Ok(json!({ "containerInstance": rendered }))
}

fn attribute_json(name: &str, value: Option<&str>, target: &str) -> Value {
    let mut v = json!({"name": name, "targetType": "container-instance", "targetId": target});
    if let Some(value) = value {
        v["value"] = json!(value);
    }
    v
}

/// Names: 1–128 of letters, digits and `- _ / \ .`; values: 1–128 of those plus `@ :` and spaces, no
/// leading or trailing space (§2.3).
fn valid_attribute(name: &str, value: Option<&str>) -> bool {
    let name_ok = (1..=128).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_/\\.".contains(c));
    let value_ok = value.is_none_or(|v| {
        (1..=128).contains(&v.len())
            && v.trim() == v
            && v.chars().all(|c| c.is_ascii_alphanumeric() || "-_.@/\\: ".contains(c))
    });
    name_ok && value_ok
}

pub fn put_attributes(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster_name = active_cluster(&r.ecs, req.str("cluster"))?.name.clone();
    let c = r.ecs.clusters.get_mut(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let mut out = Vec::new();
    for a in req.list("attributes") {
        let name = a.get("name").and_then(Value::as_str).unwrap_or_default();
        let value = a.get("value").and_then(Value::as_str);
        let target = a.get("targetId").and_then(Value::as_str).unwrap_or_default();
        if !valid_attribute(name, value) || is_builtin(name) {
            return Err(ServiceError::invalid_parameter(format!("Invalid attribute name or value: {name}.")));
        }
        let id = c.find_container_instance(target).map(|ci| ci.id.clone()).ok_or_else(|| ServiceError::new("TargetNotFoundException", format!("Could not find {target}.")))?;
        let Some(ci) = c.container_instances.get_mut(&id) else { continue };
        let custom = ci.attributes.keys().filter(|k| !is_builtin(k)).count();
        if !ci.attributes.contains_key(name) && custom >= MAX_CUSTOM_ATTRIBUTES {
            return Err(ServiceError::new(
                "AttributeLimitExceededException",
                format!("You can apply up to {MAX_CUSTOM_ATTRIBUTES} custom attributes to a resource."),
            ));
        }
        ci.attributes.insert(name.to_string(), value.map(str::to_string));
        ci.version += 1;
        out.push(attribute_json(name, value, &ci.arn()));
    }
    Ok(json!({ "attributes": out }))
}

pub fn delete_attributes(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster_name = active_cluster(&r.ecs, req.str("cluster"))?.name.clone();
    let c = r.ecs.clusters.get_mut(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let mut out = Vec::new();
    for a in req.list("attributes") {
        let name = a.get("name").and_then(Value::as_str).unwrap_or_default();
        let target = a.get("targetId").and_then(Value::as_str).unwrap_or_default();
        let id = c.find_container_instance(target).map(|ci| ci.id.clone()).ok_or_else(|| ServiceError::new("TargetNotFoundException", format!("Could not find {target}.")))?;
        if let Some(ci) = c.container_instances.get_mut(&id) {
            if !is_builtin(name) && ci.attributes.remove(name).is_some() {
                ci.version += 1;
            }
            out.push(attribute_json(name, None, &ci.arn()));
        }
    }
    Ok(json!({ "attributes": out }))
}

pub fn list_attributes(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let name = req.str("attributeName");
    let value = req.str("attributeValue");
    let mut out = Vec::new();
    for ci in cluster.container_instances.values().filter(|ci| ci.status != "INACTIVE") {
        for (k, v) in &ci.attributes {
            if name.is_some_and(|n| n != k) || value.is_some_and(|want| v.as_deref() != Some(want)) {
                continue;
            }
            out.push(attribute_json(k, v.as_deref(), &ci.arn()));
        }
    }
    Ok(json!({ "attributes": out }))
}
