//! How healthy a service's tasks are, as the service scheduler counts them (ecs-facts.md §3.2, §3.3): by the
//! load balancer's verdict, by container health checks, or by the 40-second rule; and the replacement of
//! tasks that failed their checks.

use super::container_health;
use super::service_scheduler::{event, with_service};
use super::service_targets_sync;
use super::task::begin_stop_draining;
use crate::clock::SimDuration;
use crate::context::Ctx;
use crate::tuning;
use crate::world::ecs::{Service, ServiceTarget, Task, TaskStatus};
use std::collections::BTreeSet;

/// Each of the service's tasks' health, as the scheduler counts it for `minimumHealthyPercent` (§3.2):
/// with a load balancer, when every target group says healthy; with a container health check, when every
/// essential container is HEALTHY (both, when it has both); with neither, 40 seconds after it reached
/// RUNNING. Also which tasks failed their container health checks, and which the load balancer found
/// unhealthy (the target and the reason).
pub(super) struct Health {
    pub healthy: BTreeSet<String>,
    pub unhealthy: BTreeSet<String>,
    pub lb_unhealthy: Vec<(String, ServiceTarget, String)>,
}

pub(super) fn health(ctx: &mut Ctx<'_>, svc: &Service, tasks: &[Task]) -> Health {
    let now = ctx.now;
    let mut h = Health { healthy: BTreeSet::new(), unhealthy: BTreeSet::new(), lb_unhealthy: Vec::new() };
    let has_lb = svc.load_balancers.iter().any(|l| l.target_group_arn.is_some());
    for t in tasks.iter().filter(|t| t.last_status == TaskStatus::Running) {
        let reg = &ctx.world.region_mut(&svc.region).ecs.task_definitions;
        let defs = reg.containers_of(t);
        let checks = container_health::has_health_checks(defs);
        let container = checks.then(|| container_health::task_status(t, defs, now));
        if container == Some("UNHEALTHY") {
            h.unhealthy.insert(t.id.clone());
        }
        let lb = if has_lb { service_targets_sync::verdict(ctx, svc, &t.id) } else { None };
        if let Some(Err((target, why))) = &lb {
            h.lb_unhealthy.push((t.id.clone(), (*target).clone(), why.clone()));
        }
        let ok = match (has_lb, checks) {
            (true, _) => matches!(lb, Some(Ok(()))) && container.is_none_or(|c| c == "HEALTHY"),
            (false, true) => container == Some("HEALTHY"),
            (false, false) => t.started_at.is_some_and(|at| now - at >= tuning::SERVICE_TASK_HEALTHY_AFTER),
        };
        if ok {
            h.healthy.insert(t.id.clone());
        }
    }
    h
}

/// Service tasks whose container health checks failed, or that a load balancer found unhealthy, are stopped
/// and replaced once past `healthCheckGracePeriodSeconds` (§1.6, §3.3); each counts against its deployment's
/// circuit breaker. Returns whether any was stopped.
pub(super) fn stop_unhealthy(ctx: &mut Ctx<'_>, svc: &Service, tasks: &[Task], h: &Health) -> bool {
    let grace = SimDuration::secs(u64::from(svc.health_check_grace_period));
    let now = ctx.now;
    let past_grace = |t: &&Task| t.desired_status == TaskStatus::Running && t.started_at.is_some_and(|at| now - at >= grace);
    let mut sick: Vec<(&Task, String, String)> = Vec::new();
    let name = &svc.name;
    for t in tasks.iter().filter(past_grace) {
        if h.unhealthy.contains(&t.id) {
            // Seen in real service event logs.
            let msg = format!("(service {name}) (task {}) failed container health checks.", t.id);
            sick.push((t, msg, "Task failed container health checks".into()));
        } else if let Some((_, target, why)) = h.lb_unhealthy.iter().find(|(id, _, _)| *id == t.id) {
            // ECS's wording for a target that failed ELB health checks, and the task's stoppedReason.
            let who = if target.target_id.starts_with("i-") {
                format!("(instance {})", target.target_id)
            } else {
                format!("(task {})", t.id)
            };
            let msg = format!(
                "(service {name}) {who} (port {}) is unhealthy in (target-group {}) due to (reason {why}).",
                target.port, target.target_group_arn
            );
            sick.push((t, msg, format!("Task failed ELB health checks in (target-group {})", target.target_group_arn)));
        }
    }
    for (t, msg, reason) in &sick {
        let (region, cluster) = (&svc.region, &svc.cluster);
        event(ctx, region, cluster, name, msg.clone());
        let drained = service_targets_sync::deregister(ctx, svc, &t.id);
        begin_stop_draining(ctx, region, cluster, &t.id, "ServiceSchedulerInitiated", reason, drained);
        let msg = format!("(service {name}) has stopped 1 running tasks: (task {}).", t.id);
        event(ctx, region, cluster, name, msg);
        let by = t.started_by.clone().unwrap_or_default();
        with_service(ctx, region, cluster, name, |s| {
            if let Some(d) = s.deployments.iter_mut().find(|d| d.id == by) {
                d.failed_tasks += 1;
            }
        });
    }
    !sick.is_empty()
}
