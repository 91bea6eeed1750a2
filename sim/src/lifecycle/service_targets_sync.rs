//! A service's tasks behind its target groups (ecs-facts.md §3.3, §4): the service scheduler registers a
//! task's container port in each target group once the task is RUNNING, reads the load balancer's verdict as
//! the task's health, and deregisters the task before stopping it, letting it drain for the target group's
//! deregistration delay. ELB itself lives in `services::elbv2`; this is the ECS side of the seam.

use super::service_scheduler::{event, with_service};
use crate::clock::SimTime;
use crate::context::Ctx;
use crate::services::elbv2::service_targets::{self, TaskTarget};
use crate::world::ecs::{Service, ServiceTarget, Task, TaskStatus};

/// Registers a task that just reached RUNNING in every target group of its service.
pub fn register(ctx: &mut Ctx<'_>, s: &Service, task: &Task) {
    for lb in &s.load_balancers {
        let Some(tg) = &lb.target_group_arn else { continue };
        match service_targets::register_task(ctx, &s.region, tg, &s.cluster, &task.id, &lb.container_name, lb.container_port) {
            Ok(t) => {
                let entry = ServiceTarget { task_id: task.id.clone(), target_group_arn: tg.clone(), target_id: t.id, port: t.port };
                with_service(ctx, &s.region, &s.cluster, &s.name, |svc| svc.targets.push(entry));
                // ECS's event, as it appears in real service event logs.
                event(ctx, &s.region, &s.cluster, &s.name, format!("(service {}) registered 1 targets in (target-group {tg})", s.name));
            }
            Err(e) => {
                // Not an ECS sentence: the sandbox says why ELB refused, so the learner can act on it.
                event(ctx, &s.region, &s.cluster, &s.name, format!("(service {}) could not register task {} in (target-group {tg}): {e}", s.name, task.id));
            }
        }
    }
}

/// Deregisters every target of the task (the load balancer drains them) and returns when the last one has
/// drained, so the task can stop then.
pub fn deregister(ctx: &mut Ctx<'_>, s: &Service, task_id: &str) -> Option<SimTime> {
    let mine: Vec<ServiceTarget> = s.targets.iter().filter(|t| t.task_id == task_id).cloned().collect();
    if mine.is_empty() {
        return None;
    }
    let mut drained: Option<SimTime> = None;
    for t in &mine {
        let target = TaskTarget { id: t.target_id.clone(), port: t.port };
        if let Ok(Some(at)) = service_targets::deregister_task(ctx, &s.region, &t.target_group_arn, &target) {
            drained = Some(drained.map_or(at, |d| d.max(at)));
        }
    }
    with_service(ctx, &s.region, &s.cluster, &s.name, |svc| svc.targets.retain(|t| t.task_id != task_id));
    event(ctx, &s.region, &s.cluster, &s.name, format!("(service {}) has begun draining connections on 1 tasks.", s.name));
    let groups: std::collections::BTreeSet<&str> = mine.iter().map(|t| t.target_group_arn.as_str()).collect();
    for tg in groups {
        let n = mine.iter().filter(|t| t.target_group_arn == tg).count();
        event(ctx, &s.region, &s.cluster, &s.name, format!("(service {}) deregistered {n} targets in (target-group {tg})", s.name));
    }
    drained
}

/// What the load balancers say about a RUNNING task of the service: `Some(true)` when every target is
/// healthy, `Some(false)` with the first unhealthy target when one is unhealthy, `None` while undecided
/// (registering, initial checks) or when the service has no load balancer.
pub fn verdict<'a>(ctx: &mut Ctx<'_>, s: &'a Service, task_id: &str) -> Option<Result<(), (&'a ServiceTarget, String)>> {
    let mine: Vec<&ServiceTarget> = s.targets.iter().filter(|t| t.task_id == task_id).collect();
    let with_tg = s.load_balancers.iter().filter(|l| l.target_group_arn.is_some()).count();
    if with_tg == 0 || mine.len() < with_tg {
        return None;
    }
    let r = ctx.world.region_mut(&s.region);
    let mut all_healthy = true;
    for t in mine {
        let h = service_targets::target_health(r, &t.target_group_arn, &TaskTarget { id: t.target_id.clone(), port: t.port })?;
        match h.state {
            "healthy" => {}
            "unhealthy" => {
                let why = match h.reason {
                    Some("Target.Timeout") => "Request timed out".to_string(),
                    _ => h.description.clone().unwrap_or_else(|| "Health checks failed".into()),
                };
                return Some(Err((t, why)));
            }
            _ => all_healthy = false,
        }
    }
    all_healthy.then_some(Ok(()))
}

/// Targets whose task no longer runs (it stopped for another reason: its instance went away, its container
/// exited, someone stopped it) are taken out of their target groups.
pub fn forget_stopped(ctx: &mut Ctx<'_>, s: &Service) {
    let c = ctx.world.region_mut(&s.region).ecs.clusters.get(&s.cluster);
    let gone: Vec<String> = s
        .targets
        .iter()
        .filter(|t| c.and_then(|c| c.tasks.get(&t.task_id)).is_none_or(|task| task.desired_status == TaskStatus::Stopped))
        .map(|t| t.task_id.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for id in gone {
        deregister(ctx, s, &id);
    }
}
