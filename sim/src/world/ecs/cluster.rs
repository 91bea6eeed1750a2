//! A cluster: a name, its container instances and its tasks.

use super::{ContainerInstance, Task, TaskStatus};
use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Cluster {
    pub name: String,
    pub region: String,
    /// `ACTIVE`, or `INACTIVE` once deleted (a deleted cluster stays describable, as on ECS).
    pub status: String,
    pub created_at: SimTime,
    /// Tags given at creation, in the order given.
    pub tags: Vec<(String, String)>,
    /// `containerInsights` and other settings, by name.
    pub settings: BTreeMap<String, String>,
    /// Container instances by id (the last part of the ARN).
    pub container_instances: BTreeMap<String, ContainerInstance>,
    /// Tasks by id. Stopped tasks stay visible, as on ECS, where they remain describable for a while.
    pub tasks: BTreeMap<String, Task>,
}

impl Cluster {
    pub fn new(name: &str, region: &str, now: SimTime) -> Self {
        let mut settings = BTreeMap::new();
        settings.insert("containerInsights".to_string(), "disabled".to_string());
        Cluster {
            name: name.to_string(),
            region: region.to_string(),
            status: "ACTIVE".to_string(),
            created_at: now,
            tags: Vec::new(),
            settings,
            container_instances: BTreeMap::new(),
            tasks: BTreeMap::new(),
        }
    }

    pub fn arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:cluster/{}", self.region, self.name)
    }

    pub fn active_instance_count(&self) -> usize {
        self.container_instances.values().filter(|ci| ci.status == "ACTIVE").count()
    }

    pub fn tasks_with_status(&self, f: impl Fn(TaskStatus) -> bool) -> usize {
        self.tasks.values().filter(|t| f(t.last_status)).count()
    }

    pub fn running_count(&self) -> usize {
        self.tasks_with_status(|s| s == TaskStatus::Running)
    }

    /// Tasks counted as pending by DescribeClusters: those not yet RUNNING and still meant to run.
    pub fn pending_count(&self) -> usize {
        self.tasks.values().filter(|t| t.last_status.is_starting() && t.desired_status == TaskStatus::Running).count()
    }

    /// A container instance by id, ARN, or EC2 instance id.
    pub fn find_container_instance(&self, key: &str) -> Option<&ContainerInstance> {
        let id = super::short_id(key);
        self.container_instances.get(id).or_else(|| self.container_instances.values().find(|ci| ci.ec2_instance_id == key))
    }
}

impl Cluster {
    /// CPU units and MiB still free on a container instance: registered less what its tasks hold.
    pub fn remaining(&self, ci: &ContainerInstance) -> (u32, u32) {
        let (cpu, mem) = self
            .tasks
            .values()
            .filter(|t| t.container_instance_id.as_deref() == Some(ci.id.as_str()) && t.holds_resources())
            .fold((0u32, 0u32), |(c, m), t| (c.saturating_add(t.reserved_cpu), m.saturating_add(t.reserved_memory)));
        (ci.registered_cpu.saturating_sub(cpu), ci.registered_memory.saturating_sub(mem))
    }

    /// Tasks on a container instance that are RUNNING, and those still starting.
    pub fn instance_task_counts(&self, ci_id: &str) -> (usize, usize) {
        let on = self.tasks.values().filter(|t| t.container_instance_id.as_deref() == Some(ci_id));
        on.fold((0, 0), |(r, p), t| {
            if t.last_status == TaskStatus::Running {
                (r + 1, p)
            } else if t.last_status.is_starting() {
                (r, p + 1)
            } else {
                (r, p)
            }
        })
    }
}
