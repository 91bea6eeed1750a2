//! Task and container sizes: reading task-level `cpu` ("1024" or "1 vCPU") and `memory` ("2048" or "2GB"),
//! what a task reserves on an instance, and Fargate's table of valid CPU and memory pairs (ecs-facts.md §1.3).

use super::RegisterTaskDefinitionRequest;

/// CPU units from a task-level `cpu` string: `"1024"`, `"1 vCPU"`, `".5 vcpu"` (§1.3 units and forms).
pub fn parse_cpu(s: &str) -> Option<u32> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(n) = lower.strip_suffix("vcpu") {
        let v: f64 = n.trim().parse().ok()?;
        return (v.is_finite() && v > 0.0).then(|| (v * 1024.0).round() as u32);
    }
    t.parse().ok()
}

/// MiB from a task-level `memory` string: `"2048"`, `"2GB"`, `"0.5 GB"` (§1.3 units and forms).
pub fn parse_memory(s: &str) -> Option<u32> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(n) = lower.strip_suffix("gb") {
        let v: f64 = n.trim().parse().ok()?;
        return (v.is_finite() && v > 0.0).then(|| (v * 1024.0).round() as u32);
    }
    t.parse().ok()
}

/// Fargate's CPU and memory pairs (§1.3 table), incl. 8 and 16 vCPU (platform ≥1.4.0).
pub fn fargate_memory_options(cpu: u32) -> Vec<u32> {
    let stepped = |from: u32, to: u32, step: u32| (from..=to).step_by(step as usize).collect::<Vec<_>>();
    match cpu {
        256 => vec![512, 1024, 2048],
        512 => stepped(1024, 4096, 1024),
        1024 => stepped(2048, 8192, 1024),
        2048 => stepped(4096, 16384, 1024),
        4096 => stepped(8192, 30720, 1024),
        8192 => stepped(16384, 61440, 4096),
        16384 => stepped(32768, 122880, 8192),
        _ => Vec::new(),
    }
}

pub fn is_fargate_size(cpu: u32, memory: u32) -> bool {
    fargate_memory_options(cpu).contains(&memory)
}

/// CPU units and MiB a task reserves on a container instance: the task-level values when given, else the
/// containers' sums, where a container counts its `memoryReservation`, or its `memory` without one
/// (§1.3 placement accounting).
pub fn reservation(td: &RegisterTaskDefinitionRequest) -> (u32, u32) {
    let containers = td.container_definitions.as_deref().unwrap_or_default();
    let cpu = td.cpu.as_deref().and_then(parse_cpu).unwrap_or_else(|| {
        containers.iter().map(|c| c.cpu.unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32).fold(0, u32::saturating_add)
    });
    let memory = td.memory.as_deref().and_then(parse_memory).unwrap_or_else(|| {
        containers
            .iter()
            .map(|c| c.memory_reservation.or(c.memory).unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32)
            .fold(0, u32::saturating_add)
    });
    (cpu, memory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_forms_fact_1_3() {
        assert_eq!(parse_cpu("1024"), Some(1024));
        assert_eq!(parse_cpu("1 vCPU"), Some(1024));
        assert_eq!(parse_cpu(".25 vcpu"), Some(256));
        assert_eq!(parse_memory("2GB"), Some(2048));
        assert_eq!(parse_memory("512"), Some(512));
        assert_eq!(parse_cpu("lots"), None);
    }

    #[test]
    fn fargate_table_fact_1_3() {
        assert!(is_fargate_size(256, 512));
        assert!(!is_fargate_size(256, 4096));
        assert!(is_fargate_size(8192, 61440));
        assert!(!is_fargate_size(8192, 18432));
        assert!(is_fargate_size(16384, 122880));
    }

    #[test]
    fn reservation_prefers_task_level_then_memory_reservation_fact_1_3() {
        let td: RegisterTaskDefinitionRequest = serde_json::from_str(
            r#"{"family":"f","containerDefinitions":[{"name":"a","image":"x","cpu":128,"memory":512,"memoryReservation":256},{"name":"b","image":"y","memory":300}]}"#,
        )
        .unwrap();
        assert_eq!(reservation(&td), (128, 556));
        let with_task: RegisterTaskDefinitionRequest =
            serde_json::from_str(r#"{"family":"f","cpu":"1 vCPU","memory":"1GB","containerDefinitions":[]}"#).unwrap();
        assert_eq!(reservation(&with_task), (1024, 1024));
    }
}
