//! The service scheduler (ecs-facts.md §3): on every tick of the virtual clock it compares each service's
//! tasks with what the service wants and acts, as ECS's replica scheduler does:
//!
//! - the PRIMARY deployment gets tasks up to the desired count, as far as `maximumPercent` leaves room
//!   over all deployments (§3.2);
//! - older deployments lose tasks as far as `minimumHealthyPercent` allows (unhealthy ones first);
//! - a stopped task is replaced on the next tick; tasks that keep failing to start are throttled (§3.3) and
//!   trip the deployment circuit breaker, which can roll back (§3.2);
//! - what it does is written to the service's event log in ECS's own sentences.
//!
//! DAEMON services keep one task on each ACTIVE instance (§3.1). How healthy tasks are is in
//! `service_health`, where new tasks go in `service_launch`, the load balancer side in
//! `service_targets_sync`.

use super::service_health::{health, stop_unhealthy};
use super::service_launch::launch;
use crate::clock::{SimDuration, SimTime};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle::service_targets_sync;
use crate::lifecycle::task::begin_stop_draining;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::ecs::{Deployment, SchedulingStrategy, Service, Task, TaskStatus};

/// The scheduler's next visit to a service. `generation` tells a service from a later one of the same name.
pub fn schedule_tick(ctx: &mut Ctx<'_>, region: &str, cluster: &str, service: &str, generation: SimTime, after: SimDuration) {
    ctx.schedule(
        after,
        Action::ServiceTick { region: region.into(), cluster: cluster.into(), service: service.into(), generation: generation.0 },
    );
}

/// One tick: reconcile, then come back later while the service exists.
pub fn on_tick(ctx: &mut Ctx<'_>, region: &str, cluster: &str, service: &str, generation: u64) {
    let alive = service_of(ctx, region, cluster, service).is_some_and(|s| s.created_at.0 == generation && s.status != "INACTIVE");
    if !alive {
        return;
    }
    reconcile(ctx, region, cluster, service);
    if let Some(s) = service_of(ctx, region, cluster, service).filter(|s| s.status != "INACTIVE") {
        let created = s.created_at;
        schedule_tick(ctx, region, cluster, service, created, tuning::SERVICE_SCHEDULER_INTERVAL);
    }
}

pub(super) fn service_of<'a>(ctx: &'a mut Ctx<'_>, region: &str, cluster: &str, service: &str) -> Option<&'a Service> {
    ctx.world.region_mut(region).ecs.clusters.get(cluster).and_then(|c| c.services.get(service))
}

/// Changes one service in place, if it still exists.
pub(super) fn with_service(ctx: &mut Ctx<'_>, region: &str, cluster: &str, service: &str, f: impl FnOnce(&mut Service)) {
    if let Some(s) = ctx.world.region_mut(region).ecs.clusters.get_mut(cluster).and_then(|c| c.services.get_mut(service)) {
        f(s);
    }
}

/// Writes an event to the service's log (and the sandbox's event stream, for the page).
pub fn event(ctx: &mut Ctx<'_>, region: &str, cluster: &str, service: &str, message: String) {
    let id = ctx.rng.uuid();
    let now = ctx.now;
    let mut added = false;
    with_service(ctx, region, cluster, service, |s| added = s.add_event(id, now, message.clone()));
    if added {
        ctx.emit(EventKind::ServiceEvent { region: region.into(), cluster: cluster.into(), service: service.into(), message });
    }
}

/// Tasks of a deployment that the service still counts: meant to run and not yet stopping.
pub(super) fn active<'a>(tasks: &'a [Task], d: &Deployment) -> Vec<&'a Task> {
    tasks
        .iter()
        .filter(|t| t.started_by.as_deref() == Some(d.id.as_str()) && t.desired_status == TaskStatus::Running)
        .collect()
}

pub(super) fn task_list(ids: &[String]) -> String {
    ids.iter().map(|id| format!("(task {id})")).collect::<Vec<_>>().join(" ")
}

/// Stops tasks for the service and logs it; `by` is the deployment whose scaling stopped them.
fn stop_tasks(ctx: &mut Ctx<'_>, s: &Service, ids: &[String], by: &str) {
    if ids.is_empty() {
        return;
    }
    for id in ids {
        let svc = service_of(ctx, &s.region, &s.cluster, &s.name).cloned().unwrap_or_else(|| s.clone());
        let drained = service_targets_sync::deregister(ctx, &svc, id);
        // The stoppedReason ECS gives a task its service scaled in.
        let reason = format!("Scaling activity initiated by (deployment {by})");
        begin_stop_draining(ctx, &s.region, &s.cluster, id, "ServiceSchedulerInitiated", &reason, drained);
    }
    let msg = format!("(service {}) has stopped {} running tasks: {}.", s.name, ids.len(), task_list(ids));
    event(ctx, &s.region, &s.cluster, &s.name, msg);
}

/// Which of `tasks` to stop first when `n` must go: those not yet running, then from the Availability Zone
/// with the most of them (scale-in keeps zones balanced, §2.1 notes), newest first.
fn pick_to_stop(tasks: &[&Task], n: usize) -> Vec<String> {
    let mut left: Vec<&Task> = tasks.to_vec();
    let mut out = Vec::new();
    while out.len() < n && !left.is_empty() {
        let starting: Vec<usize> = (0..left.len()).filter(|&i| left[i].last_status.is_starting()).collect();
        let i = if let Some(&i) = starting.last() {
            i
        } else {
            let mut per_zone: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
            for t in &left {
                *per_zone.entry(t.availability_zone.as_str()).or_default() += 1;
            }
            let zone = per_zone.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(z, _)| *z).unwrap_or_default();
            (0..left.len()).filter(|&i| left[i].availability_zone == zone).max_by_key(|&i| left[i].created_at).unwrap_or(0)
        };
        out.push(left.remove(i).id.clone());
    }
    out
}

/// Brings one service closer to what it wants.
pub fn reconcile(ctx: &mut Ctx<'_>, region: &str, cluster: &str, name: &str) {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.clusters.get(cluster) else { return };
    let Some(svc) = c.services.get(name).cloned() else { return };
    let group = svc.group();
    let tasks: Vec<Task> = c.tasks.values().filter(|t| t.group == group).cloned().collect();
    if svc.status == "DRAINING" {
        let all: Vec<String> = tasks.iter().filter(|t| t.desired_status == TaskStatus::Running).map(|t| t.id.clone()).collect();
        let by = svc.primary().map(|d| d.id.clone()).unwrap_or_default();
        stop_tasks(ctx, &svc, &all, &by);
        if tasks.iter().all(|t| t.last_status == TaskStatus::Stopped) {
            with_service(ctx, region, cluster, name, |s| s.status = "INACTIVE".into());
        }
        return;
    }
    service_targets_sync::forget_stopped(ctx, &svc);
    let svc = service_of(ctx, region, cluster, name).cloned().unwrap_or(svc);
    let h = health(ctx, &svc, &tasks);
    if stop_unhealthy(ctx, &svc, &tasks, &h) {
        // Replacements come on the next visit, with the stopped tasks out of the counts.
        return;
    }
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.clusters.get(cluster) else { return };
    let Some(primary) = svc.primary().cloned() else { return };
    let desired = match svc.scheduling_strategy {
        SchedulingStrategy::Replica => svc.desired_count,
        SchedulingStrategy::Daemon => u32::try_from(c.active_instance_count()).unwrap_or(u32::MAX),
    };
    let cfg = &svc.deployment_config;
    // Tasks on a DRAINING instance are replaced like an old deployment's, within the same percentages (§3.2).
    let draining: std::collections::BTreeSet<String> =
        c.container_instances.values().filter(|ci| ci.status == "DRAINING").map(|ci| ci.id.clone()).collect();
    let on_draining = |t: &&Task| t.container_instance_id.as_ref().is_some_and(|ci| draining.contains(ci));
    let (p_leaving, p_active): (Vec<&Task>, Vec<&Task>) = active(&tasks, &primary).into_iter().partition(on_draining);
    let all_active: Vec<&Task> = svc.deployments.iter().flat_map(|d| active(&tasks, d)).collect();
    let healthy_total = all_active.iter().filter(|t| h.healthy.contains(&t.id)).count() as u32;
    let total = all_active.len() as u32;
    let p_count = p_active.len() as u32;

    // Too many in the primary deployment (the desired count went down): stop the extras now.
    if p_count > desired {
        let ids = pick_to_stop(&p_active, (p_count - desired) as usize);
        stop_tasks(ctx, &svc, &ids, &primary.id);
    }

    // Start: up to the desired count, within maximumPercent over all deployments (§3.2).
    let failed = primary.rollout_state == "FAILED";
    let throttled = svc.next_launch_at.is_some_and(|t| t > now);
    let room = cfg.max_tasks(desired).saturating_sub(total);
    let want = desired.saturating_sub(p_count).min(room);
    let mut started = 0;
    if want > 0 && !failed && !throttled {
        started = launch(ctx, &svc, &primary, want as usize);
    }

    // Stop old deployments' tasks: the unhealthy ones freely, healthy ones down to minimumHealthyPercent.
    // Tasks that must make way (older deployments', and the primary's on DRAINING instances), before this visit.
    let old_active = svc.deployments.iter().skip(1).map(|d| active(&tasks, d).len()).sum::<usize>() + p_leaving.len();
    let mut may_stop = healthy_total.saturating_sub(cfg.min_healthy(desired));
    let mut stopped_old = 0;
    let leaving = std::iter::once((primary.id.clone(), p_leaving.clone()));
    let older = svc.deployments.iter().skip(1).map(|d| (d.id.clone(), active(&tasks, d)));
    for (deployment_id, old) in leaving.chain(older) {
        let (unhealthy, good): (Vec<&Task>, Vec<&Task>) = old.iter().partition(|t| !h.healthy.contains(&t.id));
        let mut ids: Vec<String> = unhealthy.iter().map(|t| t.id.clone()).collect();
        let n = (may_stop as usize).min(good.len());
        ids.extend(pick_to_stop(&good, n));
        may_stop -= n as u32;
        stopped_old += ids.len();
        stop_tasks(ctx, &svc, &ids, &deployment_id);
    }

    // Deployments that have no task left are done.
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.clusters.get(cluster) else { return };
    let tasks: Vec<Task> = c.tasks.values().filter(|t| t.group == group).cloned().collect();
    let finished: Vec<String> = svc
        .deployments
        .iter()
        .skip(1)
        .filter(|d| tasks.iter().all(|t| t.started_by.as_deref() != Some(d.id.as_str()) || t.last_status == TaskStatus::Stopped))
        .map(|d| d.id.clone())
        .collect();
    let still: Vec<(String, u32)> = svc.deployments.iter().skip(1).map(|d| (d.id.clone(), active(&tasks, d).len() as u32)).collect();
    with_service(ctx, region, cluster, name, |s| {
        s.deployments.retain(|d| !finished.contains(&d.id));
        if s.scheduling_strategy == SchedulingStrategy::Daemon {
            // A daemon service's desired count is the number of instances it should run on.
            s.desired_count = desired;
        }
        if let Some(p) = s.primary_mut() {
            p.desired_count = desired;
            p.updated_at = now;
        }
        // An older deployment's desired count falls as its tasks are stopped.
        for d in s.deployments.iter_mut().skip(1) {
            if let Some((_, n)) = still.iter().find(|(id, _)| *id == d.id)
                && *n != d.desired_count
            {
                d.desired_count = *n;
                d.updated_at = now;
            }
        }
    });

    // Nothing could move although a deployment is under way: the configuration leaves no room (§3.2).
    // (Old tasks already stopping, such as draining ones, need nothing more.)
    let in_flight = all_active.iter().any(|t| !h.healthy.contains(&t.id));
    if old_active > 0 && started == 0 && stopped_old == 0 && !in_flight && want == 0 && !failed {
        let msg = format!(
            "(service {name}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again."
        );
        event(ctx, region, cluster, name, msg);
    }

    // Steady state: one deployment, all its tasks running and healthy (§3.2).
    let Some(svc) = service_of(ctx, region, cluster, name).cloned() else { return };
    let Some(primary) = svc.primary().cloned() else { return };
    let p_active: Vec<&Task> = active(&tasks, &primary).into_iter().filter(|t| !on_draining(t)).collect();
    let leaving_left = active(&tasks, &primary).len() > p_active.len();
    let steady = svc.deployments.len() == 1
        && !leaving_left
        && p_active.len() as u32 == desired
        && p_active.iter().all(|t| h.healthy.contains(&t.id))
        && primary.rollout_state != "FAILED";
    if steady && primary.rollout_state == "IN_PROGRESS" {
        with_service(ctx, region, cluster, name, |s| {
            if let Some(p) = s.primary_mut() {
                p.rollout_state = "COMPLETED".into();
                p.rollout_state_reason = format!("ECS deployment {} completed.", p.id);
            }
            s.last_completed_task_definition = Some(primary.task_definition.clone());
        });
        event(ctx, region, cluster, name, format!("(service {name}) (deployment {}) deployment completed.", primary.id));
    }
    if steady && !svc.steady {
        with_service(ctx, region, cluster, name, |s| s.steady = true);
        event(ctx, region, cluster, name, format!("(service {name}) has reached a steady state."));
    } else if !steady && svc.steady {
        with_service(ctx, region, cluster, name, |s| s.steady = false);
    }
}

/// A service's task reached RUNNING: its deployment has run a task, the throttle resets, and the task goes
/// behind the service's target groups.
pub fn on_task_running(ctx: &mut Ctx<'_>, task: &Task) {
    let Some(name) = task.group.strip_prefix("service:") else { return };
    let by = task.started_by.clone().unwrap_or_default();
    with_service(ctx, &task.region, &task.cluster, name, |s| {
        s.start_failures_in_a_row = 0;
        s.next_launch_at = None;
        if let Some(d) = s.deployments.iter_mut().find(|d| d.id == by) {
            d.ever_running = true;
        }
    });
    if let Some(svc) = service_of(ctx, &task.region, &task.cluster, name).cloned().filter(|s| s.status == "ACTIVE") {
        service_targets_sync::register(ctx, &svc, task);
    }
}

/// A service's task failed to start (§3.3): it counts against its deployment's circuit breaker, and tasks
/// that keep failing are throttled, up to 15 minutes between attempts.
pub fn on_task_failed_to_start(ctx: &mut Ctx<'_>, task: &Task) {
    let Some(name) = task.group.strip_prefix("service:") else { return };
    let (region, cluster) = (task.region.clone(), task.cluster.clone());
    let by = task.started_by.clone().unwrap_or_default();
    let now = ctx.now;
    // Seen in real event logs: a task that fails to start is reported with its stoppedReason.
    let reason = task.stopped_reason.clone().unwrap_or_default();
    event(ctx, &region, &cluster, name, format!("(service {name}) was unable to place a task. Reason: {reason}."));
    let mut throttle_now = false;
    let mut trip: Option<(String, bool, String)> = None;
    with_service(ctx, &region, &cluster, name, |s| {
        s.start_failures_in_a_row += 1;
        let n = s.start_failures_in_a_row;
        if n >= tuning::SERVICE_THROTTLE_AFTER {
            let exp = (n - tuning::SERVICE_THROTTLE_AFTER).min(16);
            let wait = SimDuration::secs(tuning::SERVICE_THROTTLE_FIRST.as_secs().saturating_mul(1 << exp)).min(tuning::SERVICE_THROTTLE_MAX);
            s.next_launch_at = Some(now + wait);
            throttle_now = n == tuning::SERVICE_THROTTLE_AFTER;
        }
        let desired = s.desired_count;
        let (enable, rollback) = s.deployment_config.circuit_breaker;
        let is_primary = s.primary().is_some_and(|p| p.id == by);
        if let Some(d) = s.deployments.iter_mut().find(|d| d.id == by) {
            d.failed_tasks += 1;
            if enable && is_primary && !d.ever_running && d.rollout_state == "IN_PROGRESS"
                && d.failed_tasks >= crate::world::ecs::DeploymentConfig::circuit_breaker_threshold(desired)
            {
                d.rollout_state = "FAILED".into();
                d.rollout_state_reason = "ECS deployment circuit breaker: tasks failed to start.".into();
                trip = Some((d.id.clone(), rollback, d.task_definition.clone()));
            }
        }
    });
    if throttle_now {
        event(ctx, &region, &cluster, name, format!("(service {name}) is unable to consistently start tasks successfully."));
    }
    if let Some((id, rollback, td)) = trip {
        with_service(ctx, &region, &cluster, name, |s| s.failed_task_definitions.push(td));
        event(ctx, &region, &cluster, name, format!("(service {name}) (deployment {id}) deployment failed: tasks failed to start."));
        if rollback {
            roll_back(ctx, &region, &cluster, name);
        }
    }
}

/// The circuit breaker's rollback (§3.2): a new deployment of the last COMPLETED task definition.
fn roll_back(ctx: &mut Ctx<'_>, region: &str, cluster: &str, name: &str) {
    let Some(td) = service_of(ctx, region, cluster, name).and_then(|s| s.last_completed_task_definition.clone()) else { return };
    let id = new_deployment_id(ctx);
    let now = ctx.now;
    let desired = service_of(ctx, region, cluster, name).map_or(0, |s| s.desired_count);
    with_service(ctx, region, cluster, name, |s| {
        for d in &mut s.deployments {
            d.status = "ACTIVE".into();
        }
        s.deployments.insert(0, new_deployment(&id, &td, desired, now));
        s.start_failures_in_a_row = 0;
        s.next_launch_at = None;
        s.steady = false;
    });
    event(ctx, region, cluster, name, format!("(service {name}) rolling back to deployment {id}."));
}

/// `ecs-svc/` and 19 digits, as ECS names deployments.
pub fn new_deployment_id(ctx: &mut Ctx<'_>) -> String {
    format!("ecs-svc/{}", 1_000_000_000_000_000_000 + ctx.rng.next_u64() % 8_000_000_000_000_000_000)
}

pub fn new_deployment(id: &str, task_definition: &str, desired: u32, now: SimTime) -> Deployment {
    Deployment {
        id: id.to_string(),
        status: "PRIMARY".into(),
        task_definition: task_definition.to_string(),
        desired_count: desired,
        failed_tasks: 0,
        created_at: now,
        updated_at: now,
        rollout_state: "IN_PROGRESS".into(),
        rollout_state_reason: format!("ECS deployment {id} in progress."),
        ever_running: false,
    }
}
