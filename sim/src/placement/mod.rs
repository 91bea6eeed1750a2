//! Task placement: which container instance a task goes on. ECS filters instances by the resources the task
//! needs, then by constraints, then orders the rest by the placement strategies (ecs-facts.md §2.1).
//!
//! This first version checks CPU and memory and picks one fitting instance at random (the sandbox's default
//! for standalone tasks: §11 notes that RunTask's default strategy is undocumented and suggests random).
//! Placement is a pure function of the instances' state and the RNG, so a service scheduler can call it.

use crate::rng::SimRng;

/// What a task needs from an instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirements {
    pub cpu: u32,
    pub memory: u32,
}

/// One container instance as placement sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub arn: String,
    pub active: bool,
    pub agent_connected: bool,
    pub remaining_cpu: u32,
    pub remaining_memory: u32,
}

/// Why an instance cannot take the task, spelled as RunTask's `failures[].reason` (§2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    Cpu,
    Memory,
    Agent,
}

impl Rejection {
    pub fn reason(self) -> &'static str {
        match self {
            Rejection::Cpu => "RESOURCE:CPU",
            Rejection::Memory => "RESOURCE:MEMORY",
            Rejection::Agent => "AGENT",
        }
    }
}

/// The first requirement an instance fails, in ECS's order (the agent, then CPU, then memory).
pub fn check(c: &Candidate, req: Requirements) -> Option<Rejection> {
    if !c.agent_connected {
        Some(Rejection::Agent)
    } else if c.remaining_cpu < req.cpu {
        Some(Rejection::Cpu)
    } else if c.remaining_memory < req.memory {
        Some(Rejection::Memory)
    } else {
        None
    }
}

/// Picks an instance for one task: the index of the chosen candidate, or, when none fits, each ACTIVE
/// instance's ARN with the requirement it failed.
pub fn place(candidates: &[Candidate], req: Requirements, rng: &mut SimRng) -> Result<usize, Vec<(String, Rejection)>> {
    let active: Vec<usize> = (0..candidates.len()).filter(|&i| candidates[i].active).collect();
    let fitting: Vec<usize> = active.iter().copied().filter(|&i| check(&candidates[i], req).is_none()).collect();
    if fitting.is_empty() {
        return Err(active
            .iter()
            .filter_map(|&i| check(&candidates[i], req).map(|r| (candidates[i].arn.clone(), r)))
            .collect());
    }
    Ok(fitting[rng.below(fitting.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(arn: &str, cpu: u32, mem: u32) -> Candidate {
        Candidate { arn: arn.into(), active: true, agent_connected: true, remaining_cpu: cpu, remaining_memory: mem }
    }

    #[test]
    fn only_instances_where_cpu_and_memory_fit_are_chosen_fact_2_1() {
        let cands = vec![cand("a", 100, 100), cand("b", 2048, 4000), cand("c", 2048, 10)];
        let mut rng = SimRng::new(9);
        for _ in 0..50 {
            assert_eq!(place(&cands, Requirements { cpu: 256, memory: 512 }, &mut rng), Ok(1));
        }
    }

    #[test]
    fn nothing_fits_reports_each_instance_with_its_reason_fact_2_4() {
        let cands = vec![cand("a", 100, 4000), cand("b", 4096, 100)];
        let err = place(&cands, Requirements { cpu: 256, memory: 512 }, &mut SimRng::new(1)).unwrap_err();
        assert_eq!(err, vec![("a".into(), Rejection::Cpu), ("b".into(), Rejection::Memory)]);
        assert_eq!(err[1].1.reason(), "RESOURCE:MEMORY");
    }
}
