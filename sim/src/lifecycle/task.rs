//! A task's way through its states (ecs-facts.md §1.6): the start sequence PROVISIONING → PENDING →
//! ACTIVATING → RUNNING and the stop sequence DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED, each step
//! scheduled on the virtual clock. A task that is stopped while starting goes straight to the stop sequence;
//! the start steps still queued for it are then ignored.

use crate::clock::{SimDuration, SimTime};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::ecs::{Task, TaskStatus};

/// How long a task stays in `status` before it moves on, and where it goes.
fn next_step(status: TaskStatus, fargate: bool) -> Option<(SimDuration, TaskStatus)> {
    Some(match status {
        TaskStatus::Provisioning if fargate => (tuning::FARGATE_PROVISIONING, TaskStatus::Pending),
        TaskStatus::Pending if fargate => (tuning::FARGATE_PENDING, TaskStatus::Activating),
        TaskStatus::Provisioning => (tuning::TASK_PROVISIONING, TaskStatus::Pending),
        TaskStatus::Pending => (tuning::TASK_PENDING, TaskStatus::Activating),
        TaskStatus::Activating => (tuning::TASK_ACTIVATING, TaskStatus::Running),
        TaskStatus::Deactivating => (tuning::TASK_DEACTIVATING, TaskStatus::Stopping),
        TaskStatus::Stopping => (tuning::TASK_STOPPING, TaskStatus::Deprovisioning),
        TaskStatus::Deprovisioning => (tuning::TASK_DEPROVISIONING, TaskStatus::Stopped),
        TaskStatus::Running | TaskStatus::Stopped => return None,
    })
}

/// Queues the step after the task's current state, if there is one.
pub fn schedule_next(ctx: &mut Ctx<'_>, task: &Task) {
    if let Some((after, to)) = next_step(task.last_status, task.launch_type == crate::world::ecs::LaunchType::Fargate) {
        ctx.schedule(
            after,
            Action::TaskTransition {
                region: task.region.clone(),
                cluster: task.cluster.clone(),
                task_id: task.id.clone(),
                from: task.last_status,
                to,
            },
        );
    }
}

fn set_status(task: &mut Task, to: TaskStatus, now: SimTime) {
    task.last_status = to;
    task.version += 1;
    match to {
        TaskStatus::Pending => task.pull_started_at = Some(now),
        TaskStatus::Activating => task.pull_stopped_at = Some(now),
        TaskStatus::Running => {
            task.started_at = Some(now);
            for c in &mut task.containers {
                c.last_status = "RUNNING".into();
            }
        }
        TaskStatus::Stopping => {
            task.execution_stopped_at = Some(now);
            for c in &mut task.containers {
                if c.last_status == "RUNNING" {
                    // SIGTERM, and the application exits: Docker reports 143 (128 + 15).
                    c.exit_code = Some(143);
                }
                c.last_status = "STOPPED".into();
            }
        }
        TaskStatus::Stopped => task.stopped_at = Some(now),
        _ => {}
    }
}

pub fn on_transition(ctx: &mut Ctx<'_>, region: &str, cluster: &str, task_id: &str, from: TaskStatus, to: TaskStatus) {
    let now = ctx.now;
    let Some(task) = ctx
        .world
        .region_mut(region)
        .ecs
        .clusters
        .get_mut(cluster)
        .and_then(|c| c.tasks.get_mut(task_id))
    else {
        return;
    };
    if task.last_status != from {
        return;
    }
    // An EC2 task of an Auto Scaling group provider with no instance yet waits in PROVISIONING for capacity
    // (ecs-facts.md §3.5; capacity_provider_tasks places it and queues this step again).
    if from == TaskStatus::Provisioning && to == TaskStatus::Pending && task.launch_type == crate::world::ecs::LaunchType::Ec2
        && task.container_instance_id.is_none() && task.capacity_provider_name.is_some()
    {
        return;
    }
    // Leaving PENDING: execution resources, image pulls and logging must all work, or the task fails to start.
    if from == TaskStatus::Pending && to == TaskStatus::Activating {
        let snapshot = task.clone();
        let td = ctx
            .world
            .region_mut(region)
            .ecs
            .task_definitions
            .resolve(&format!("{}:{}", snapshot.family, snapshot.revision), true)
            .map(|r| r.request.clone());
        if let Ok(td) = td
            && let Err(failure) = super::task_start::check(ctx.world, &snapshot, &td, now)
        {
            fail_start(ctx, region, cluster, task_id, failure);
            return;
        }
    }
    let Some(task) = ctx.world.region_mut(region).ecs.clusters.get_mut(cluster).and_then(|c| c.tasks.get_mut(task_id)) else {
        return;
    };
    set_status(task, to, now);
    let snapshot = task.clone();
    if to == TaskStatus::Stopped
        && let Some(eni) = &snapshot.eni {
            ctx.world.region_mut(region).network.release_ip(&eni.private_ip);
        }
    if to == TaskStatus::Stopped {
        super::spot::on_stopped(ctx, region, cluster, task_id);
    }
    ctx.emit(EventKind::TaskStateChanged {
        region: region.into(),
        cluster: cluster.into(),
        task_id: task_id.into(),
        last_status: to.as_str().into(),
    });
    if to == TaskStatus::Running || to == TaskStatus::Stopping {
        super::container_logs::write(ctx, &snapshot, to == TaskStatus::Running);
    }
    if to == TaskStatus::Running {
        super::service_scheduler::on_task_running(ctx, &snapshot);
    }
    schedule_next(ctx, &snapshot);
}

/// A task that cannot start: it stops with `TaskFailedToStart` and the reason on the task and its containers.
fn fail_start(ctx: &mut Ctx<'_>, region: &str, cluster: &str, task_id: &str, failure: super::task_start::StartFailure) {
    let now = ctx.now;
    let reason = failure.reason.as_str();
    let Some(task) = ctx.world.region_mut(region).ecs.clusters.get_mut(cluster).and_then(|c| c.tasks.get_mut(task_id)) else {
        return;
    };
    task.desired_status = TaskStatus::Stopped;
    task.stop_code = Some("TaskFailedToStart".into());
    task.stopped_reason = Some(reason.to_string());
    task.stopping_at = Some(now);
    for c in &mut task.containers {
        c.last_status = "STOPPED".into();
        c.reason = Some(reason.to_string());
    }
    set_status(task, TaskStatus::Deprovisioning, now);
    let snapshot = task.clone();
    ctx.emit(EventKind::TaskFailedToStart {
        region: region.into(),
        cluster: cluster.into(),
        task_id: task_id.into(),
        stage: failure.stage.as_str().into(),
        reason: failure.reason.clone(),
        role_arn: failure.role_arn.clone(),
        missing_action: failure.missing_action.clone(),
    });
    super::service_scheduler::on_task_failed_to_start(ctx, &snapshot);
    ctx.emit(EventKind::TaskStateChanged {
        region: region.into(),
        cluster: cluster.into(),
        task_id: task_id.into(),
        last_status: TaskStatus::Deprovisioning.as_str().into(),
    });
    schedule_next(ctx, &snapshot);
}

/// Starts stopping a task: desired status STOPPED, the reason recorded, and the stop sequence begun. A task
/// already stopping keeps its first reason, as on ECS.
pub fn begin_stop(ctx: &mut Ctx<'_>, region: &str, cluster: &str, task_id: &str, stop_code: &str, reason: &str) {
    begin_stop_draining(ctx, region, cluster, task_id, stop_code, reason, None);
}

/// [`begin_stop`] for a task a load balancer is draining: it stays DEACTIVATING until `drained_at` (the target
/// group's deregistration delay, ecs-facts.md §3.3), then stops as usual.
pub fn begin_stop_draining(
    ctx: &mut Ctx<'_>,
    region: &str,
    cluster: &str,
    task_id: &str,
    stop_code: &str,
    reason: &str,
    drained_at: Option<SimTime>,
) {
    let now = ctx.now;
    let Some(task) = ctx
        .world
        .region_mut(region)
        .ecs
        .clusters
        .get_mut(cluster)
        .and_then(|c| c.tasks.get_mut(task_id))
    else {
        return;
    };
    if task.desired_status == TaskStatus::Stopped {
        return;
    }
    task.desired_status = TaskStatus::Stopped;
    task.stop_code = Some(stop_code.into());
    task.stopped_reason = Some(reason.into());
    task.stopping_at = Some(now);
    task.version += 1;
    if task.last_status > TaskStatus::Running {
        return;
    }
    set_status(task, TaskStatus::Deactivating, now);
    let snapshot = task.clone();
    ctx.emit(EventKind::TaskStateChanged {
        region: region.into(),
        cluster: cluster.into(),
        task_id: task_id.into(),
        last_status: TaskStatus::Deactivating.as_str().into(),
    });
    match drained_at.filter(|&at| at > now) {
        Some(at) => ctx.scheduler.schedule(
            at,
            Action::TaskTransition {
                region: region.into(),
                cluster: cluster.into(),
                task_id: task_id.into(),
                from: TaskStatus::Deactivating,
                to: TaskStatus::Stopping,
            },
        ),
        None => schedule_next(ctx, &snapshot),
    }
}
