//! Container health checks (`healthCheck` in a container definition, ecs-facts.md §1.6) on the virtual clock.
//! The sandbox's containers are simulated, so a check passes unless the learner made it fail
//! (`sandbox fail health TASK`). Timing follows Docker's: the first check runs one interval after the
//! container started; failures count after `startPeriod`; `retries` failures in a row make it UNHEALTHY.

use crate::clock::{SimDuration, SimTime};
use crate::task_definition::ContainerDefinition;
use crate::world::ecs::{Task, TaskStatus};

/// §1.6 defaults: interval 30 s, retries 3, startPeriod off.
const DEFAULT_INTERVAL: i64 = 30;
const DEFAULT_RETRIES: i64 = 3;

fn secs(v: i64) -> SimDuration {
    SimDuration::secs(u64::try_from(v.max(0)).unwrap_or(0))
}

/// `HEALTHY`, `UNHEALTHY` or `UNKNOWN` for one container of a task at `now`.
pub fn container_status(task: &Task, def: &ContainerDefinition, now: SimTime) -> &'static str {
    let Some(hc) = &def.health_check else { return "UNKNOWN" };
    let Some(started) = task.started_at.filter(|_| task.last_status == TaskStatus::Running) else { return "UNKNOWN" };
    let interval = secs(hc.interval.unwrap_or(DEFAULT_INTERVAL));
    let retries = u64::try_from(hc.retries.unwrap_or(DEFAULT_RETRIES).max(1)).unwrap_or(1);
    let start_period = secs(hc.start_period.unwrap_or(0));
    if let Some(since) = task.health_fault_since {
        let counted_from = since.max(started + start_period);
        if now >= counted_from + SimDuration::millis(interval.as_millis().saturating_mul(retries)) {
            return "UNHEALTHY";
        }
    }
    if now >= started + interval { "HEALTHY" } else { "UNKNOWN" }
}

/// The task's health (§1.6): UNHEALTHY if an essential container is, UNKNOWN if an essential container is
/// UNKNOWN (no health check counts as UNKNOWN), HEALTHY when every essential container is.
pub fn task_status(task: &Task, defs: &[ContainerDefinition], now: SimTime) -> &'static str {
    let essential: Vec<&'static str> = defs
        .iter()
        .filter(|d| d.essential.unwrap_or(true))
        .map(|d| container_status(task, d, now))
        .collect();
    if essential.contains(&"UNHEALTHY") {
        "UNHEALTHY"
    } else if essential.is_empty() || essential.contains(&"UNKNOWN") {
        "UNKNOWN"
    } else {
        "HEALTHY"
    }
}

/// Whether any essential container has a health check (then the service counts health by it, §3.2).
pub fn has_health_checks(defs: &[ContainerDefinition]) -> bool {
    defs.iter().any(|d| d.essential.unwrap_or(true) && d.health_check.is_some())
}
