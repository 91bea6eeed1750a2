//! Task placement, in ECS's order (ecs-facts.md §2.1): filter the instances by the resources the task needs
//! (CPU, memory, ports, ENIs, GPUs, required attributes, location), then by the placement constraints
//! (binding), then order what is left by the placement strategies in the given order (best effort), and
//! pick one. A pure function of the instances' state and the seeded RNG, so RunTask and the service
//! scheduler use the same code, and every decision can be explained.
//!
//! With no strategy, RunTask's behaviour is undocumented (§11); the sandbox then picks at random among the
//! instances that fit, and says so in the explanation.

pub mod bench;
pub mod constraint;
pub mod explain;
pub mod needs;
pub mod ports;
pub mod resources;
pub mod snapshot;
pub mod strategy;

pub use constraint::Constraint;
pub use explain::{Explanation, InstanceVerdict, Rank};
pub use needs::{PortNeed, Protocol, TaskNeeds};
pub use resources::Rejection;
pub use snapshot::{InstanceSnapshot, snapshot, snapshot_all};
pub use strategy::Strategy;

use crate::rng::SimRng;

/// One placement request: `count` tasks of one group.
pub struct Request<'a> {
    pub needs: &'a TaskNeeds,
    pub count: usize,
    pub strategies: &'a [Strategy],
    pub constraints: &'a [Constraint],
    pub group: &'a str,
}

/// A task placed: the instance (index into the snapshots) and its host ports.
#[derive(Debug, Clone)]
pub struct Placed {
    pub instance: usize,
    pub bindings: Vec<(PortNeed, u16)>,
}

/// What it takes to explain the call's decisions later: the instances as they were before it, the request,
/// and where each task went. Explanations are rebuilt from it on demand ([`explain`]), so placing stays fast
/// at thousands of instances.
#[derive(Debug, Clone)]
pub struct Record {
    pub before: Vec<InstanceSnapshot>,
    pub needs: TaskNeeds,
    pub strategies: Vec<Strategy>,
    pub constraints: Vec<Constraint>,
    pub group: String,
    /// The instance each placed task went to, in order.
    pub chosen: Vec<usize>,
    /// Whether the task after the last placed one could not be placed.
    pub failed: bool,
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub placed: Vec<Placed>,
    /// Each instance that could not take the task that failed, with its first failed requirement.
    pub failures: Vec<(String, Rejection)>,
    pub record: Record,
}

fn describe_needs(n: &TaskNeeds) -> String {
    let mut parts = vec![format!("{} CPU units", n.cpu), format!("{} MiB", n.memory)];
    for (proto, label) in [(Protocol::Tcp, "TCP"), (Protocol::Udp, "UDP")] {
        let statics: Vec<String> = n.static_ports(proto).map(|p| p.to_string()).collect();
        if !statics.is_empty() {
            parts.push(format!("{label} host port {}", statics.join(", ")));
        }
        let d = n.dynamic_count(proto);
        if d > 0 {
            parts.push(format!("{d} dynamic {label} port(s)"));
        }
    }
    if n.eni {
        parts.push("an ENI".into());
    }
    if n.gpus > 0 {
        parts.push(format!("{} GPU(s)", n.gpus));
    }
    parts.join(", ")
}

/// Whether the instance meets every constraint, and the first one it fails.
fn constraint_rejection(inst: &InstanceSnapshot, req: &Request<'_>) -> Option<Rejection> {
    req.constraints.iter().find(|c| !c.allows(inst, req.group)).map(|c| match c {
        Constraint::DistinctInstance => Rejection::DistinctInstance,
        Constraint::MemberOf(_) => Rejection::MemberOf,
    })
}

/// Takes a placed task's resources on its instance.
fn take(inst: &mut InstanceSnapshot, needs: &TaskNeeds, group: &str) -> Option<Vec<(PortNeed, u16)>> {
    let bindings = ports::assign(inst, needs)?;
    inst.remaining_cpu = inst.remaining_cpu.saturating_sub(needs.cpu);
    inst.remaining_memory = inst.remaining_memory.saturating_sub(needs.memory);
    inst.free_gpus = inst.free_gpus.saturating_sub(needs.gpus);
    if needs.eni {
        inst.free_enis = inst.free_enis.saturating_sub(1);
    }
    *inst.task_groups.entry(group.to_string()).or_default() += 1;
    Some(bindings)
}

/// Places up to `req.count` tasks, one after another, updating the snapshots as each is placed.
pub fn place(instances: &mut [InstanceSnapshot], req: &Request<'_>, rng: &mut SimRng) -> Outcome {
    let before = instances.to_vec();
    let mut counts = strategy::SpreadCounts::new(req.strategies, instances, req.group);
    let mut placed = Vec::new();
    let mut chosen_list = Vec::new();
    let mut failures = Vec::new();
    let mut failed = false;
    for _ in 0..req.count {
        let mut candidates = Vec::new();
        let mut rejections = Vec::new();
        for (i, inst) in instances.iter().enumerate() {
            if inst.status != "ACTIVE" {
                continue;
            }
            match resources::first_rejection(inst, req.needs).or_else(|| constraint_rejection(inst, req)) {
                None => candidates.push(i),
                Some(r) => rejections.push((inst.arn.clone(), r)),
            }
        }
        if candidates.is_empty() {
            failures = rejections;
            failed = true;
            break;
        }
        let mut left = candidates;
        for s in req.strategies {
            left = strategy::narrow(s, &left, instances, &counts, req.group, rng);
        }
        let chosen = if left.len() > 1 { left[rng.below(left.len())] } else { left[0] };
        let Some(bindings) = take(&mut instances[chosen], req.needs, req.group) else { break };
        counts.record(&instances[chosen]);
        chosen_list.push(chosen);
        placed.push(Placed { instance: chosen, bindings });
    }
    let record = Record {
        before,
        needs: req.needs.clone(),
        strategies: req.strategies.to_vec(),
        constraints: req.constraints.to_vec(),
        group: req.group.to_string(),
        chosen: chosen_list,
        failed,
    };
    Outcome { placed, failures, record }
}

/// The explanation of the `k`-th task of a recorded call (`k == record.chosen.len()` for the task that
/// could not be placed): the instances as they stood before that task, every check, and the ranking.
pub fn explain(record: &Record, k: usize) -> Explanation {
    let mut state = record.before.clone();
    let mut counts = strategy::SpreadCounts::new(&record.strategies, &state, &record.group);
    for &i in record.chosen.iter().take(k) {
        if let Some(inst) = state.get_mut(i) {
            let _ = take(inst, &record.needs, &record.group);
            counts.record(inst);
        }
    }
    let chosen = record.chosen.get(k).copied();
    let req = Request { needs: &record.needs, count: 1, strategies: &record.strategies, constraints: &record.constraints, group: &record.group };
    let mut verdicts = Vec::new();
    let mut candidates = Vec::new();
    for (i, inst) in state.iter().enumerate() {
        let (mut checks, mut rejected) = if inst.status == "ACTIVE" {
            let (c, r) = resources::check(inst, &record.needs);
            (c, r.map(|r| r.reason().to_string()))
        } else {
            (vec![resources::Check { name: "status".into(), passed: false, detail: format!("{}: takes no new tasks", inst.status) }], Some(inst.status.clone()))
        };
        if rejected.is_none() {
            for c in &record.constraints {
                let ok = c.allows(inst, &record.group);
                checks.push(resources::Check { name: c.describe(), passed: ok, detail: if ok { "satisfied".into() } else { "not satisfied".into() } });
            }
            rejected = constraint_rejection(inst, &req).map(|r| r.reason().to_string());
        }
        if rejected.is_none() {
            candidates.push(i);
        }
        verdicts.push(InstanceVerdict {
            container_instance_id: inst.id.clone(),
            ec2_instance_id: inst.ec2_instance_id.clone(),
            availability_zone: inst.availability_zone.clone(),
            checks,
            rejected,
            ranking: Vec::new(),
            chosen: Some(i) == chosen,
        });
    }
    let mut left = candidates.clone();
    for s in &record.strategies {
        let kept: Vec<usize> = if *s == Strategy::Random {
            left.iter().copied().filter(|i| Some(*i) == chosen).collect()
        } else {
            let best = left.iter().map(|&i| strategy::rank(s, &state[i], &counts, &record.group)).min().unwrap_or(0);
            left.iter().copied().filter(|&i| strategy::rank(s, &state[i], &counts, &record.group) == best).collect()
        };
        for &i in &left {
            let value = strategy::describe_value(s, &state[i], &counts, &record.group);
            verdicts[i].ranking.push(Rank { strategy: s.describe(), value, kept: kept.contains(&i) });
        }
        left = kept;
    }
    let tie_break = (left.len() > 1).then(|| {
        if record.strategies.is_empty() {
            format!("no placement strategy was given; ECS Sandbox picks at random among the {} instances that fit", left.len())
        } else {
            format!("{} instances ranked equally; one was picked at random", left.len())
        }
    });
    let failure = chosen.is_none().then(|| {
        if candidates.is_empty() && verdicts.is_empty() {
            "no ACTIVE container instance in the cluster".to_string()
        } else {
            "no container instance met all of the task's requirements".to_string()
        }
    });
    Explanation {
        group: record.group.clone(),
        needs: describe_needs(&record.needs),
        strategies: record.strategies.iter().map(Strategy::describe).collect(),
        constraints: record.constraints.iter().map(Constraint::describe).collect(),
        instances: verdicts,
        chosen: chosen.and_then(|i| state.get(i)).map(|i| i.id.clone()),
        failure,
        tie_break,
    }
}
