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
    /// Why each task went where it did (`sandbox explain-placement`).
    pub placements: super::placement_log::PlacementLog,
    /// Services by name; a deleted one stays (INACTIVE) until a new one takes its name.
    pub services: BTreeMap<String, super::Service>,
    /// Capacity providers associated with the cluster (`put-cluster-capacity-providers`), in the order given.
    pub capacity_providers: Vec<String>,
    /// The strategy used when run-task or create-service gives neither a launch type nor a strategy.
    pub default_capacity_provider_strategy: Vec<super::StrategyItem>,
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
            placements: super::placement_log::PlacementLog::default(),
            services: BTreeMap::new(),
            capacity_providers: Vec::new(),
            default_capacity_provider_strategy: Vec::new(),
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

/// What the tasks on one container instance hold and how many there are, gathered in one pass over the
/// cluster's tasks (placement at 5,000 instances needs this to stay linear).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstanceUsage {
    pub cpu: u32,
    pub memory: u32,
    pub gpus: u32,
    pub enis: u32,
    /// Host ports held: (protocol, port, dynamic).
    pub ports: Vec<(String, u16, bool)>,
    /// Tasks holding resources, by task group.
    pub groups: BTreeMap<String, usize>,
    pub running: usize,
    pub pending: usize,
}

impl Cluster {
    /// Usage of every container instance that has tasks, by container instance id.
    pub fn usage(&self) -> BTreeMap<String, InstanceUsage> {
        let mut out: BTreeMap<String, InstanceUsage> = BTreeMap::new();
        for t in self.tasks.values() {
            let Some(ci) = &t.container_instance_id else { continue };
            let u = out.entry(ci.clone()).or_default();
            if t.last_status == TaskStatus::Running {
                u.running += 1;
            } else if t.last_status.is_starting() {
                u.pending += 1;
            }
            if !t.holds_resources() {
                continue;
            }
            u.cpu = u.cpu.saturating_add(t.reserved_cpu);
            u.memory = u.memory.saturating_add(t.reserved_memory);
            u.gpus = u.gpus.saturating_add(t.gpus);
            u.enis += u32::from(t.eni.is_some());
            *u.groups.entry(t.group.clone()).or_default() += 1;
            u.ports.extend(t.bindings.iter().map(|b| (b.protocol.clone(), b.host_port, b.dynamic)));
        }
        out
    }

    /// CPU units and MiB still free on a container instance: registered less what its tasks hold.
    pub fn remaining(&self, ci: &ContainerInstance) -> (u32, u32) {
        let u = self.usage().remove(&ci.id).unwrap_or_default();
        (ci.registered_cpu.saturating_sub(u.cpu), ci.registered_memory.saturating_sub(u.memory))
    }

    /// Tasks on a container instance that are RUNNING, and those still starting.
    pub fn instance_task_counts(&self, ci_id: &str) -> (usize, usize) {
        let u = self.usage().remove(ci_id).unwrap_or_default();
        (u.running, u.pending)
    }
}
