//! Containers and task size (§1.2, §1.3, §1.6): memory present somewhere, at least one essential
//! container, container cpu and memory within the task's, readable task cpu and memory, and the
//! soft limit not above the hard limit.

use super::{Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::fixes;
use crate::validate::sink::{FindingExt, Sink};

/// CPU units an EC2 or EXTERNAL task may ask for (§1.3: 0.125 to 192 vCPU).
const EC2_TASK_CPU: std::ops::RangeInclusive<u32> = 128..=196_608;

const TROUBLESHOOTING: &str = "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    memory_present(doc, sink);
    essential(doc, sink);
    sums(doc, sink);
    task_size(doc, sink);
    soft_limit(doc, sink);
}

fn memory_present(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    // On Fargate the task-level memory is required instead (fargate-memory-missing).
    if doc.fargate() || doc.root.get("memory").is_some_and(|m| !m.is_null()) {
        return;
    }
    for ct in &doc.containers {
        if ct.int("memory").is_none() && ct.int("memoryReservation").is_none() {
            let message = format!(
                "Invalid setting for container {}. At least one of 'memory' or 'memoryReservation' must be specified.",
                quoted(ct.name)
            );
            sink.push(&c::CONTAINER_MEMORY_MISSING, &ct.ptr(""), message);
        }
    }
}

fn essential(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if doc.containers.is_empty() || doc.containers.iter().any(|ct| ct.essential()) {
        return;
    }
    let fix = doc.containers.first().and_then(|ct| {
        let edit = fixes::set_value(sink.map, &ct.ptr("/essential"), "true")?;
        fixes::edits_fix(format!("Make {} essential", quoted(ct.name)), vec![edit])
    });
    sink.push(&c::NO_ESSENTIAL_CONTAINER, "/containerDefinitions", "Task definition doesn't have any essential container.")
        .with_fix(fix);
}

fn sums(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if let Some(task_cpu) = doc.task_cpu {
        let total: i64 = doc.containers.iter().filter_map(|ct| ct.int("cpu")).filter(|v| *v > 0).sum();
        if total > i64::from(task_cpu) {
            sink.push(
                &c::CONTAINER_CPU_SUM,
                "/containerDefinitions",
                "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
            )
            .explain(&format!("Here the containers ask for {total} units and the task has {task_cpu}."));
        }
    }
    let Some(task_memory) = doc.task_memory else { return };
    let reserved: i64 = doc.containers.iter().filter_map(|ct| ct.int("memoryReservation")).filter(|v| *v > 0).sum();
    if reserved > i64::from(task_memory) {
        sink.push(
            &c::CONTAINER_RESERVATION_SUM,
            "/containerDefinitions",
            "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
        )
        .explain(&format!("Here the containers reserve {reserved} MiB and the task has {task_memory} MiB."));
    }
    for ct in &doc.containers {
        if ct.int("memory").is_some_and(|m| m > i64::from(task_memory)) {
            let message = format!("The 'memory' setting for container {} is greater than for the task.", quoted(ct.name));
            sink.push(&c::CONTAINER_MEMORY_OVER_TASK, &ct.ptr("/memory"), message);
        }
    }
}

fn task_size(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if let Some(cpu) = doc.str("cpu") {
        let bad = match doc.task_cpu {
            None => true,
            Some(units) => !doc.fargate() && !EC2_TASK_CPU.contains(&units),
        };
        if bad {
            sink.push(&c::TASK_SIZE_INVALID, "/cpu", format!("Invalid 'cpu' setting for task. {TROUBLESHOOTING}"))
                .explain(&format!("\"{cpu}\" is not a CPU size ECS can use here."));
        }
    }
    if let Some(memory) = doc.str("memory")
        && doc.task_memory.is_none_or(|m| m == 0)
    {
        sink.push(&c::TASK_SIZE_INVALID, "/memory", format!("Invalid 'memory' setting for task. {TROUBLESHOOTING}"))
            .not_verbatim()
            .explain(&format!("\"{memory}\" is not a memory size ECS can read."));
    }
}

fn soft_limit(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    for ct in &doc.containers {
        if let (Some(memory), Some(reservation)) = (ct.int("memory"), ct.int("memoryReservation"))
            && reservation > memory
        {
            let message = format!(
                "Invalid setting for container {}. 'memoryReservation' ({reservation}) must not be greater than 'memory' ({memory}).",
                quoted(ct.name)
            );
            sink.push(&c::MEMORY_RESERVATION_OVER_MEMORY, &ct.ptr("/memoryReservation"), message);
        }
    }
}
