//! Fargate Spot interruptions (ecs-facts.md §3.5; ECS Developer Guide, "Handling Fargate Spot termination
//! notices"). When AWS reclaims Spot capacity it gives a two-minute warning: the task's desired status turns
//! STOPPED with stopCode `TerminationNotice` and stoppedReason `Your Spot Task was interrupted.` (the task
//! state change event ECS sends to EventBridge; lastStatus is still RUNNING) and its containers get SIGTERM.
//! A service's scheduler sees the task go and launches a replacement at once, following its strategy. The
//! load balancer drains the task's targets for at most the two minutes; the task then stops, and once
//! STOPPED its stopCode is `SpotInterruption`.

use crate::clock::SimDuration;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle::{service_scheduler, service_targets_sync, task};
use crate::world::ecs::capacity_provider::FARGATE_SPOT;
use crate::world::ecs::{Task, TaskStatus};

/// The warning ECS gives before Spot capacity is reclaimed (§3.5).
pub const WARNING: SimDuration = SimDuration::secs(120);
/// The stoppedReason of an interrupted Spot task (the Developer Guide's task state change event).
pub const REASON: &str = "Your Spot Task was interrupted.";
/// The stop code at the warning, and once the task has stopped (BC-ECS TaskStopCode).
pub const WARNING_STOP_CODE: &str = "TerminationNotice";
pub const STOP_CODE: &str = "SpotInterruption";

/// Whether a task runs on Fargate Spot capacity and has not been told to stop yet.
pub fn interruptible(t: &Task) -> bool {
    t.capacity_provider_name.as_deref() == Some(FARGATE_SPOT) && t.desired_status == TaskStatus::Running && t.last_status <= TaskStatus::Running
}

/// Gives one Fargate Spot task its two-minute warning; false if it is not an interruptible Spot task.
pub fn interrupt(ctx: &mut Ctx<'_>, region: &str, cluster: &str, task_id: &str) -> bool {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.clusters.get(cluster) else { return false };
    let Some(t) = c.tasks.get(task_id).filter(|t| interruptible(t)) else { return false };
    let service = t.group.strip_prefix("service:").and_then(|name| c.services.get(name)).cloned();
    let reclaim_at = now + WARNING;
    ctx.emit(EventKind::SpotInterruptionWarning {
        region: region.into(),
        cluster: cluster.into(),
        task_id: task_id.into(),
        service: service.as_ref().map(|s| s.name.clone()),
        reclaim_at: reclaim_at.to_cli_string(),
    });
    // The load balancer drains the task's targets, but the capacity goes at the end of the warning.
    let drained = service.as_ref().and_then(|s| service_targets_sync::deregister(ctx, s, task_id));
    let stop_at = Some(drained.map_or(now, |d| d.min(reclaim_at)));
    task::begin_stop_draining(ctx, region, cluster, task_id, WARNING_STOP_CODE, REASON, stop_at);
    if let Some(s) = service {
        // The service scheduler gets the interruption signal and replaces the task (§3.5).
        service_scheduler::reconcile(ctx, region, cluster, &s.name);
    }
    true
}

/// Called as a task reaches STOPPED: an interrupted Spot task's stop code becomes `SpotInterruption`.
pub fn on_stopped(ctx: &mut Ctx<'_>, region: &str, cluster: &str, task_id: &str) {
    let Some(t) = ctx.world.region_mut(region).ecs.clusters.get_mut(cluster).and_then(|c| c.tasks.get_mut(task_id)) else {
        return;
    };
    // Host terminations also stop tasks with TerminationNotice: only a Spot interruption's change.
    let spot = t.capacity_provider_name.as_deref() == Some(FARGATE_SPOT) && t.stopped_reason.as_deref() == Some(REASON);
    if !spot || t.stop_code.as_deref() != Some(WARNING_STOP_CODE) {
        return;
    }
    t.stop_code = Some(STOP_CODE.into());
    ctx.emit(EventKind::SpotCapacityReclaimed { region: region.into(), cluster: cluster.into(), task_id: task_id.into() });
}
