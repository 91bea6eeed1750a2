//! Task placement, in ECS's order (ecs-facts.md §2.1): filter the instances by the resources the task needs
//! (CPU, memory, ports, ENIs, GPUs, required attributes, location), then by the placement constraints
//! (binding), then order what is left by the placement strategies in the given order (best effort), and
//! pick one. A pure function of the instances' state and the seeded RNG, so RunTask and the service
//! scheduler use the same code, and every decision can be explained.
//!
//! With no strategy, RunTask's behaviour is undocumented (§11); the sandbox then picks at random among the
//! instances that fit, and says so in the explanation.

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
    pub explanation: Explanation,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub placed: Vec<Placed>,
    /// Each instance that could not take a task, with its first failed requirement (one entry per instance).
    pub failures: Vec<(String, Rejection)>,
    /// The explanation of the first task that could not be placed.
    pub failed: Option<Explanation>,
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

/// Places up to `req.count` tasks, one after another, updating the snapshots as each is placed.
pub fn place(instances: &mut [InstanceSnapshot], req: &Request<'_>, rng: &mut SimRng) -> Outcome {
    let mut out = Outcome::default();
    for _ in 0..req.count {
        let mut verdicts: Vec<InstanceVerdict> = Vec::new();
        let mut candidates = Vec::new();
        let mut rejections = Vec::new();
        for (i, inst) in instances.iter().enumerate() {
            if inst.status != "ACTIVE" {
                continue;
            }
            let (checks, mut rejected) = resources::check(inst, req.needs);
            let mut checks = checks;
            if rejected.is_none() {
                for c in req.constraints {
                    let ok = c.allows(inst, req.group);
                    checks.push(resources::Check { name: c.describe(), passed: ok, detail: if ok { "satisfied".into() } else { "not satisfied".into() } });
                    if !ok && rejected.is_none() {
                        rejected = Some(match c {
                            Constraint::DistinctInstance => Rejection::DistinctInstance,
                            Constraint::MemberOf(_) => Rejection::MemberOf,
                        });
                    }
                }
            }
            if rejected.is_none() {
                candidates.push(i);
            }
            verdicts.push(InstanceVerdict {
                container_instance_id: inst.id.clone(),
                ec2_instance_id: inst.ec2_instance_id.clone(),
                availability_zone: inst.availability_zone.clone(),
                checks,
                rejected: rejected.map(|r| r.reason().to_string()),
                ranking: Vec::new(),
                chosen: false,
            });
            if let Some(r) = rejected {
                rejections.push((inst.arn.clone(), r));
            }
        }
        let mut explanation = Explanation {
            group: req.group.to_string(),
            needs: describe_needs(req.needs),
            strategies: req.strategies.iter().map(Strategy::describe).collect(),
            constraints: req.constraints.iter().map(Constraint::describe).collect(),
            instances: verdicts,
            chosen: None,
            failure: None,
            tie_break: None,
        };
        if candidates.is_empty() {
            explanation.failure = Some(if explanation.instances.is_empty() {
                "no ACTIVE container instance in the cluster".into()
            } else {
                "no container instance met all of the task's requirements".into()
            });
            out.failed = Some(explanation);
            out.failures = rejections;
            break;
        }
        let mut left = candidates.clone();
        for s in req.strategies {
            let kept = strategy::narrow(s, &left, instances, req.group, rng);
            for &i in &left {
                let (_, value) = strategy::value_of(s, &instances[i], instances, req.group);
                if let Some(v) = explanation.instances.iter_mut().find(|v| v.container_instance_id == instances[i].id) {
                    v.ranking.push(Rank { strategy: s.describe(), value, kept: kept.contains(&i) });
                }
            }
            left = kept;
        }
        let chosen = if left.len() > 1 {
            explanation.tie_break = Some(if req.strategies.is_empty() {
                format!("no placement strategy was given; ECS Sandbox picks at random among the {} instances that fit", left.len())
            } else {
                format!("{} instances ranked equally; one was picked at random", left.len())
            });
            left[rng.below(left.len())]
        } else {
            left[0]
        };
        let inst = &mut instances[chosen];
        let Some(bindings) = ports::assign(inst, req.needs) else { break };
        inst.remaining_cpu = inst.remaining_cpu.saturating_sub(req.needs.cpu);
        inst.remaining_memory = inst.remaining_memory.saturating_sub(req.needs.memory);
        inst.free_gpus = inst.free_gpus.saturating_sub(req.needs.gpus);
        if req.needs.eni {
            inst.free_enis = inst.free_enis.saturating_sub(1);
        }
        *inst.task_groups.entry(req.group.to_string()).or_default() += 1;
        explanation.chosen = Some(inst.id.clone());
        if let Some(v) = explanation.instances.iter_mut().find(|v| v.container_instance_id == inst.id) {
            v.chosen = true;
        }
        out.placed.push(Placed { instance: chosen, bindings, explanation });
    }
    out
}
