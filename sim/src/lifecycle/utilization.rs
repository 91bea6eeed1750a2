//! What the simulated application inside each task uses: CPU from the requests `sandbox load` sends it (plus
//! an idle cost), memory from a resident base plus a little per request, both as a percentage of what the task
//! reserves. The input of ECS's `CPUUtilization` and `MemoryUtilization` service metrics, of the service view,
//! and so of Service Auto Scaling.

use crate::clock::SimTime;
use crate::tuning;
use crate::world::ecs::Task;
use crate::world::traffic::Traffic;

/// Requests per second the task answered in the latest load batch that reached it (0 when none is recent).
pub fn task_rps(t: &Task, traffic: &Traffic, now: SimTime) -> f64 {
    traffic
        .recent
        .get(&t.id)
        .filter(|(at, _)| now - *at <= tuning::LOAD_TICK)
        .map_or(0.0, |(_, n)| *n as f64 / tuning::LOAD_TICK.as_secs() as f64)
}

/// One task's CPU utilisation in percent: its recent load's cost plus the idle cost, over what it reserves (a
/// task without a CPU reservation counts against one vCPU), at most 100.
pub fn task_cpu_percent(t: &Task, traffic: &Traffic, now: SimTime) -> f64 {
    let reserved = if t.reserved_cpu == 0 { 1024.0 } else { f64::from(t.reserved_cpu) };
    ((task_rps(t, traffic, now) * tuning::CPU_UNITS_PER_RPS + tuning::CPU_UNITS_IDLE) / reserved * 100.0).min(100.0)
}

/// One task's memory utilisation in percent: a resident base plus a little per request per second, over what
/// it reserves (a task without a memory reservation counts against 512 MiB), at most 100.
pub fn task_memory_percent(t: &Task, traffic: &Traffic, now: SimTime) -> f64 {
    let reserved = if t.reserved_memory == 0 { 512.0 } else { f64::from(t.reserved_memory) };
    let used = reserved * tuning::MEMORY_RESIDENT_FRACTION + task_rps(t, traffic, now) * tuning::MEMORY_MIB_PER_RPS;
    (used / reserved * 100.0).min(100.0)
}
