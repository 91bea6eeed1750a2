//! RunTask, DescribeTasks, ListTasks, StopTask.

use super::{active_cluster, render};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle;
use crate::placement::{self, Candidate, Requirements};
use crate::services::{Call, ServiceError};
use crate::task_definition::sizes;
use crate::tuning::ACCOUNT_ID;
use crate::world::ecs::registry::Lookup;
use crate::world::ecs::task::TaskContainer;
use crate::world::ecs::{Cluster, LaunchType, Task, TaskStatus, short_id};
use serde_json::{Value, json};

/// An operation or option the real service has and the sandbox does not model yet: said plainly, under a
/// code no AWS service uses, so nobody mistakes it for AWS's answer.
fn not_modelled(what: &str) -> ServiceError {
    ServiceError::new("NotModelledInSandbox", format!("ECS Sandbox does not model {what} yet."))
}

fn container_instance_arn(cluster: &Cluster, t: &Task) -> Option<String> {
    t.container_instance_id.as_ref().and_then(|id| cluster.container_instances.get(id)).map(|ci| ci.arn())
}

pub fn run(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let cluster_name = cluster.name.clone();
    let td_key = req.str("taskDefinition").unwrap_or_default();
    // Wording: https://github.com/Cloud-CV/EvalAI/issues/2419 ("TaskDefinition not found.").
    let td = r.ecs.task_definitions.resolve(td_key, false).map_err(|e| match e {
        Lookup::NotFound => ServiceError::client("TaskDefinition not found."),
        Lookup::Inactive => ServiceError::client("TaskDefinition is inactive"),
    })?;
    // RunTask count: at most 10 (§2.4).
    let count = req.int("count").unwrap_or(1);
    if !(1..=10).contains(&count) {
        return Err(ServiceError::invalid_parameter("count must be between 1 and 10."));
    }
    match req.str("launchType") {
        None | Some("EC2") => {}
        Some(other) => return Err(not_modelled(&format!("the {other} launch type"))),
    }
    if req.get("capacityProviderStrategy").is_some() {
        return Err(not_modelled("capacity provider strategies"));
    }
    let network_mode = td.request.network_mode.clone().unwrap_or_else(|| "bridge".into());
    let has_network_config = req.get("networkConfiguration").is_some();
    if network_mode == "awsvpc" && !has_network_config {
        return Err(ServiceError::invalid_parameter("Network Configuration must be provided when networkMode 'awsvpc' is specified."));
    }
    if network_mode != "awsvpc" && has_network_config {
        return Err(ServiceError::invalid_parameter("Network Configuration is not valid for the given networkMode of this task definition."));
    }
    if network_mode == "awsvpc" {
        return Err(not_modelled("awsvpc tasks on EC2 instances (ENIs)"));
    }
    if !req.list("placementStrategy").is_empty() || !req.list("placementConstraints").is_empty() {
        return Err(not_modelled("placement strategies and constraints"));
    }
    if cluster.active_instance_count() == 0 {
        return Err(ServiceError::invalid_parameter("No Container Instances were found in your cluster."));
    }
    let (cpu, memory) = sizes::reservation(&td.request);
    let need = Requirements { cpu, memory };
    let family = td.family.clone();
    let revision = td.revision;
    let defs = td.request.container_definitions.clone().unwrap_or_default();
    let (task_cpu, task_memory) = (td.request.cpu.clone(), td.request.memory.clone());
    let group = req.str("group").map_or_else(|| format!("family:{family}"), str::to_string);
    let started_by = req.str("startedBy").map(str::to_string);
    let overrides = req.get("overrides").cloned().unwrap_or(Value::Null);
    let tags: Vec<(String, String)> = req
        .list("tags")
        .iter()
        .filter_map(|t| Some((t.get("key")?.as_str()?.to_string(), t.get("value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect();

    let mut tasks = Vec::new();
    let mut failures: Vec<(String, String)> = Vec::new();
    for _ in 0..count {
        let r = ctx.world.region_mut(region);
        let Some(cluster) = r.ecs.clusters.get(&cluster_name) else { break };
        let ids: Vec<String> = cluster.container_instances.keys().cloned().collect();
        let candidates: Vec<Candidate> = cluster
            .container_instances
            .values()
            .map(|ci| {
                let (rc, rm) = cluster.remaining(ci);
                Candidate {
                    arn: ci.arn(),
                    active: ci.status == "ACTIVE",
                    agent_connected: ci.agent_connected,
                    remaining_cpu: rc,
                    remaining_memory: rm,
                }
            })
            .collect();
        match placement::place(&candidates, need, ctx.rng) {
            Ok(i) => {
                let ci_id = ids[i].clone();
                let az = cluster.container_instances.get(&ci_id).map(|ci| ci.availability_zone.clone()).unwrap_or_default();
                let task_az = az.clone();
                let id = ctx.rng.hex(32);
                let containers = defs
                    .iter()
                    .map(|d| TaskContainer {
                        name: d.name.clone().unwrap_or_default(),
                        image: d.image.clone().unwrap_or_default(),
                        id: ctx.rng.uuid(),
                        runtime_id: Some(ctx.rng.hex(64)),
                        last_status: "PENDING".into(),
                        exit_code: None,
                        reason: None,
                        cpu: d.cpu.unwrap_or(0),
                        memory: d.memory,
                        memory_reservation: d.memory_reservation,
                        essential: d.essential.unwrap_or(true),
                    })
                    .collect();
                let task = Task {
                    id: id.clone(),
                    cluster: cluster_name.clone(),
                    region: region.into(),
                    family: family.clone(),
                    revision,
                    launch_type: LaunchType::Ec2,
                    container_instance_id: Some(ci_id.clone()),
                    availability_zone: az,
                    last_status: TaskStatus::Provisioning,
                    desired_status: TaskStatus::Running,
                    reserved_cpu: cpu,
                    reserved_memory: memory,
                    cpu: task_cpu.clone(),
                    memory: task_memory.clone(),
                    containers,
                    group: group.clone(),
                    started_by: started_by.clone(),
                    created_at: ctx.now,
                    pull_started_at: None,
                    pull_stopped_at: None,
                    started_at: None,
                    connectivity_at: None,
                    stopping_at: None,
                    execution_stopped_at: None,
                    stopped_at: None,
                    stop_code: None,
                    stopped_reason: None,
                    version: 1,
                    overrides: overrides.clone(),
                    tags: tags.clone(),
                    bindings: Vec::new(),
                    eni: None,
                    gpus: 0,
                    network_mode: network_mode.clone(),
                    platform_version: None,
                };
                let r = ctx.world.region_mut(region);
                if let Some(c) = r.ecs.clusters.get_mut(&cluster_name) {
                    c.tasks.insert(id.clone(), task.clone());
                }
                ctx.emit(EventKind::TaskPlaced {
                    region: region.into(),
                    cluster: cluster_name.clone(),
                    task_id: id.clone(),
                    family: family.clone(),
                    revision,
                    container_instance_id: Some(ci_id),
                    availability_zone: task_az,
                    cpu,
                    memory,
                });
                lifecycle::task::schedule_next(ctx, &task);
                tasks.push(id);
            }
            Err(rejections) => {
                for (arn, why) in rejections {
                    let reason = why.reason().to_string();
                    if !failures.iter().any(|(a, _)| *a == arn) {
                        failures.push((arn, reason.clone()));
                    }
                    ctx.emit(EventKind::TaskPlacementFailed {
                        region: region.into(),
                        cluster: cluster_name.clone(),
                        family: family.clone(),
                        reason,
                    });
                }
            }
        }
    }
    let r = ctx.world.region_mut(region);
    let cluster = r.ecs.clusters.get(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let rendered: Vec<Value> = tasks
        .iter()
        .filter_map(|id| cluster.tasks.get(id))
        .map(|t| render::task(t, container_instance_arn(cluster, t)))
        .collect();
    let failures: Vec<Value> = failures.into_iter().map(|(arn, reason)| json!({"arn": arn, "reason": reason})).collect();
    Ok(json!({ "tasks": rendered, "failures": failures }))
}

fn task_failure_arn(region: &str, cluster: &str, key: &str) -> String {
    if key.starts_with("arn:") { key.to_string() } else { format!("arn:aws:ecs:{region}:{ACCOUNT_ID}:task/{cluster}/{key}") }
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let mut tasks = Vec::new();
    let mut failures = Vec::new();
    for key in req.strings("tasks") {
        match cluster.tasks.get(short_id(key)) {
            Some(t) => tasks.push(render::task(t, container_instance_arn(cluster, t))),
            None => failures.push(json!({"arn": task_failure_arn(call.region, &cluster.name, key), "reason": "MISSING"})),
        }
    }
    Ok(json!({ "tasks": tasks, "failures": failures }))
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let desired = req.str("desiredStatus").unwrap_or("RUNNING");
    let ci_filter = match req.str("containerInstance") {
        Some(k) => Some(cluster.find_container_instance(k).map(|ci| ci.id.clone()).ok_or_else(|| {
            ServiceError::invalid_parameter("The referenced container instance was not found.")
        })?),
        None => None,
    };
    let mut chosen: Vec<&Task> = cluster
        .tasks
        .values()
        .filter(|t| match desired {
            "STOPPED" => t.desired_status == TaskStatus::Stopped,
            "PENDING" => t.desired_status == TaskStatus::Running && t.last_status.is_starting(),
            _ => t.desired_status == TaskStatus::Running,
        })
        .filter(|t| req.str("family").is_none_or(|f| t.family == f))
        .filter(|t| req.str("startedBy").is_none_or(|s| t.started_by.as_deref() == Some(s)))
        .filter(|t| req.str("launchType").is_none_or(|l| t.launch_type.as_str() == l))
        .filter(|t| ci_filter.as_ref().is_none_or(|id| t.container_instance_id.as_ref() == Some(id)))
        .collect();
    if req.str("serviceName").is_some() {
        chosen.clear();
    }
    let arns: Vec<String> = chosen.iter().map(|t| t.arn()).collect();
    Ok(json!({ "taskArns": arns }))
}

pub fn stop(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let cluster_name = cluster.name.clone();
    let key = req.str("task").unwrap_or_default();
    let id = short_id(key).to_string();
    if !cluster.tasks.contains_key(&id) {
        return Err(ServiceError::invalid_parameter("The referenced task was not found."));
    }
    let reason = req.str("reason").map_or_else(|| "Task stopped by user".to_string(), str::to_string);
    lifecycle::task::begin_stop(ctx, region, &cluster_name, &id, "UserInitiated", &reason);
    let r = ctx.world.region_mut(region);
    let cluster = r.ecs.clusters.get(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let t = cluster.tasks.get(&id).ok_or_else(|| ServiceError::invalid_parameter("The referenced task was not found."))?;
    Ok(json!({ "task": render::task(t, container_instance_arn(cluster, t)) }))
}
