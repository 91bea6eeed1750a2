//! The queue of changes that happen later in virtual time: an instance finishing its boot, an agent
//! registering, a task moving to its next state. Ordered by time, then by the order they were scheduled,
//! so ties are broken the same way in every run.

use crate::clock::SimTime;
use crate::world::ecs::TaskStatus;
use std::collections::BTreeMap;

/// A change to apply at a given time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// EC2 moves the instance from `pending` to `running`.
    InstanceRunning { region: String, instance_id: String },
    /// The ECS agent has started on the instance and tries to register it.
    AgentStart { region: String, instance_id: String },
    /// EC2 finishes terminating the instance.
    InstanceTerminated { region: String, instance_id: String },
    /// ECR applies a repository's lifecycle policy.
    EcrLifecycle { region: String, repository: String },
    /// The task moves from `from` to `to`; ignored if it is no longer in `from` (it was stopped meanwhile).
    TaskTransition { region: String, cluster: String, task_id: String, from: TaskStatus, to: TaskStatus },
    /// The service scheduler's visit to one service; `generation` is the service's creation time, so a
    /// deleted service's visits end even if a new one takes its name.
    ServiceTick { region: String, cluster: String, service: String, generation: u64 },
    /// A `sandbox load` generator sends its next batch of requests.
    LoadTick { generator: u64 },
    /// A load balancer finishes provisioning.
    LoadBalancerActive { region: String, load_balancer_arn: String },
    /// The load balancer health-checks every target of the group; repeats every HealthCheckIntervalSeconds
    /// while the group has targets.
    HealthCheckRound { region: String, target_group_arn: String },
    /// A deregistered target's deregistration delay is over.
    TargetDrained { region: String, target_group_arn: String, target_id: String, port: u16 },
    /// CloudWatch's clock: sample the chart timeline; on whole minutes publish metrics and evaluate alarms and
    /// scaling (lifecycle/metrics.rs). Always on the queue.
    MetricsTick,
}

#[derive(Debug, Clone, Default)]
pub struct Scheduler {
    queue: BTreeMap<(SimTime, u64), Action>,
    next_seq: u64,
}

impl Scheduler {
    pub fn schedule(&mut self, at: SimTime, action: Action) {
        self.queue.insert((at, self.next_seq), action);
        self.next_seq += 1;
    }

    /// The earliest action due at or before `until`, removed from the queue.
    pub fn pop_due(&mut self, until: SimTime) -> Option<(SimTime, Action)> {
        let (&(at, seq), _) = self.queue.first_key_value()?;
        if at > until {
            return None;
        }
        self.queue.remove(&(at, seq)).map(|a| (at, a))
    }

    /// When the next action is due.
    pub fn next_due(&self) -> Option<SimTime> {
        self.queue.first_key_value().map(|(&(at, _), _)| at)
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{START, SimDuration};

    #[test]
    fn pops_in_time_then_schedule_order() {
        let mut s = Scheduler::default();
        let a = |id: &str| Action::AgentStart { region: "r".into(), instance_id: id.into() };
        s.schedule(START + SimDuration::secs(5), a("late"));
        s.schedule(START + SimDuration::secs(1), a("first"));
        s.schedule(START + SimDuration::secs(1), a("second"));
        assert_eq!(s.pop_due(START), None);
        let order: Vec<_> = std::iter::from_fn(|| s.pop_due(START + SimDuration::secs(10))).map(|(_, a)| a).collect();
        assert_eq!(order, vec![a("first"), a("second"), a("late")]);
    }
}
