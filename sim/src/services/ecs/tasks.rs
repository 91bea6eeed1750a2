//! DescribeTasks, ListTasks, StopTask (RunTask is in `run_task`).

use super::{active_cluster, render};
use crate::context::Ctx;
use crate::lifecycle;
use crate::services::{Call, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::ecs::{Task, TaskStatus, short_id};
use serde_json::{Value, json};

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
            Some(t) => tasks.push(render::task(cluster, t, r.ecs.task_definitions.containers_of(t), ctx.now)),
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
    if let Some(service) = req.str("serviceName") {
        // A service's tasks are the task group `service:NAME` (ecs-facts.md §2.3).
        let group = format!("service:{}", short_id(service));
        chosen.retain(|t| t.group == group);
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
    Ok(json!({ "task": render::task(cluster, t, r.ecs.task_definitions.containers_of(t), ctx.now) }))
}
