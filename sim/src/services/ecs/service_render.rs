//! Services and their deployments as DescribeServices returns them (ecs-facts.md §3; key order comes from
//! the model later).

use super::render::{tags, ts};
use crate::world::ecs::{Cluster, Deployment, LaunchType, SchedulingStrategy, Service, TaskStatus};
use serde_json::{Value, json};

/// The service-linked role ECS uses to manage load balancer targets for services (§4).
pub const SERVICE_LINKED_ROLE: &str = "arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS";

/// (running, pending) tasks of the service, or of one deployment.
fn counts(c: &Cluster, s: &Service, deployment: Option<&str>) -> (usize, usize) {
    let group = s.group();
    let mut running = 0;
    let mut pending = 0;
    for t in c.tasks.values().filter(|t| t.group == group) {
        if deployment.is_some_and(|d| t.started_by.as_deref() != Some(d)) {
            continue;
        }
        if t.last_status == TaskStatus::Running {
            running += 1;
        } else if t.last_status.is_starting() && t.desired_status == TaskStatus::Running {
            pending += 1;
        }
    }
    (running, pending)
}

/// A service on a capacity provider strategy shows it instead of a launch type (§3.5), as do its deployments.
fn capacity_fields(v: &mut Value, s: &Service) {
    if !s.capacity_provider_strategy.is_empty()
        && let Some(o) = v.as_object_mut()
    {
        o.remove("launchType");
        o.insert("capacityProviderStrategy".into(), super::capacity_strategy::render(&s.capacity_provider_strategy));
    }
}

fn fargate_fields(v: &mut Value, s: &Service) {
    if s.launch_type == LaunchType::Fargate {
        v["platformVersion"] = json!(s.platform_version.as_deref().unwrap_or("LATEST"));
        v["platformFamily"] = json!("Linux");
    }
}

fn deployment(c: &Cluster, s: &Service, d: &Deployment) -> Value {
    let (running, pending) = counts(c, s, Some(&d.id));
    let mut v = json!({
        "id": d.id,
        "status": d.status,
        "taskDefinition": d.task_definition,
        "desiredCount": d.desired_count,
        "pendingCount": pending,
        "runningCount": running,
        "failedTasks": d.failed_tasks,
        "createdAt": ts(d.created_at),
        "updatedAt": ts(d.updated_at),
        "launchType": s.launch_type.as_str(),
        "rolloutState": d.rollout_state,
        "rolloutStateReason": d.rollout_state_reason,
    });
    if let Some(n) = &s.network_configuration {
        v["networkConfiguration"] = n.clone();
    }
    fargate_fields(&mut v, s);
    capacity_fields(&mut v, s);
    v
}

pub fn service(c: &Cluster, s: &Service, include_tags: bool) -> Value {
    let (running, pending) = counts(c, s, None);
    let lbs: Vec<Value> = s
        .load_balancers
        .iter()
        .map(|lb| {
            let mut v = json!({"containerName": lb.container_name, "containerPort": lb.container_port});
            if let Some(tg) = &lb.target_group_arn {
                v["targetGroupArn"] = json!(tg);
            }
            if let Some(n) = &lb.load_balancer_name {
                v["loadBalancerName"] = json!(n);
            }
            v
        })
        .collect();
    let (enable, rollback) = s.deployment_config.circuit_breaker;
    let mut v = json!({
        "serviceArn": s.arn(),
        "serviceName": s.name,
        "clusterArn": c.arn(),
        "loadBalancers": lbs,
        "serviceRegistries": [],
        "status": s.status,
        "desiredCount": s.desired_count,
        "runningCount": running,
        "pendingCount": pending,
        "launchType": s.launch_type.as_str(),
        "taskDefinition": s.task_definition(),
        "deploymentConfiguration": {
            "deploymentCircuitBreaker": {"enable": enable, "rollback": rollback},
            "maximumPercent": s.deployment_config.maximum_percent,
            "minimumHealthyPercent": s.deployment_config.minimum_healthy_percent,
        },
        "deployments": s.deployments.iter().map(|d| deployment(c, s, d)).collect::<Vec<_>>(),
        "roleArn": SERVICE_LINKED_ROLE,
        "events": s.events.iter().map(|e| json!({"id": e.id, "createdAt": ts(e.created_at), "message": e.message})).collect::<Vec<_>>(),
        "createdAt": ts(s.created_at),
        "placementConstraints": s.placement_constraints,
        "placementStrategy": s.placement_strategy,
        "schedulingStrategy": s.scheduling_strategy.as_str(),
        "deploymentController": {"type": "ECS"},
        "createdBy": s.created_by,
        "enableECSManagedTags": false,
        "propagateTags": "NONE",
        "enableExecuteCommand": s.enable_execute_command,
        "availabilityZoneRebalancing": if s.scheduling_strategy == SchedulingStrategy::Replica { "ENABLED" } else { "DISABLED" },
    });
    if let Some(n) = &s.network_configuration {
        v["networkConfiguration"] = n.clone();
    }
    if !s.load_balancers.is_empty() || s.health_check_grace_period > 0 {
        v["healthCheckGracePeriodSeconds"] = json!(s.health_check_grace_period);
    }
    fargate_fields(&mut v, s);
    capacity_fields(&mut v, s);
    if include_tags {
        v["tags"] = tags(&[]);
    }
    v
}
