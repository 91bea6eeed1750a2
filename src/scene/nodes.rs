//! The nodes the scene is made of: EC2 instances with where their agent stands, clusters with their container
//! instances and tasks (a task may wait for an Auto Scaling group's capacity before it has an instance),
//! placement failures, task definitions. [`super::Scene::apply`] folds the events into them.

use super::start_failure::StartFailure;
use ecs_sim::shared_sort::SharedSort;

/// Where an EC2 instance's ECS agent stands, as far as the events tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentState {
    /// Launched; the agent has not registered yet.
    Waiting,
    /// The image has no ECS agent (not an ECS-optimized AMI): it will never register.
    NoAgent,
    Registered { cluster: String, container_instance_id: String },
    CannotRegister { reason: String },
    /// The instance is shutting down or gone.
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ec2Node {
    pub id: String,
    pub region: String,
    pub instance_type: String,
    pub availability_zone: String,
    /// `pending`, `running`, `shutting-down`, `terminated`.
    pub state: String,
    pub agent: AgentState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Resource {
    pub registered: u32,
    pub used: u32,
}

impl Resource {
    pub fn remaining(self) -> u32 {
        self.registered.saturating_sub(self.used)
    }
    /// Used share, 0.0 to 1.0.
    pub fn fraction(self) -> f64 {
        if self.registered == 0 { 0.0 } else { (f64::from(self.used) / f64::from(self.registered)).min(1.0) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerInstanceNode {
    pub id: String,
    pub ec2_instance_id: String,
    pub instance_type: String,
    pub availability_zone: String,
    /// False once deregistered (ECS keeps it listed as INACTIVE).
    pub active: bool,
    /// `ACTIVE` or `DRAINING` while registered.
    pub status: String,
    pub agent_connected: bool,
    pub cpu: Resource,
    pub memory: Resource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskNode {
    pub id: String,
    pub family: String,
    pub revision: u32,
    pub container_instance_id: Option<String>,
    pub availability_zone: String,
    pub cpu: u32,
    pub memory: u32,
    pub last_status: String,
    /// The event that placed it (so the view can tell the chip placed by the step being played).
    pub placed_seq: u64,
    /// Why it could not start, if it could not.
    pub start_failure: Option<StartFailure>,
    /// The Auto Scaling group capacity provider it waits for in PROVISIONING, while no instance of the
    /// provider has room for it (ecs-facts §3.5); `None` once placed, and for every other task.
    pub awaiting_capacity: Option<String>,
}

impl TaskNode {
    /// Whether it still holds CPU and memory on its instance.
    pub fn holds_resources(&self) -> bool {
        self.last_status != "STOPPED"
    }
    pub fn label(&self) -> String {
        format!("{}:{}", self.family, self.revision)
    }
    /// A Fargate task: no container instance, and not one waiting for an Auto Scaling group's capacity.
    pub fn is_fargate(&self) -> bool {
        self.container_instance_id.is_none() && self.awaiting_capacity.is_none()
    }
}

/// One RunTask call that could not place (all of) its tasks: ECS reports one failure per container
/// instance, each with the first requirement that instance did not meet; the scene folds the events of one
/// call (consecutive in the log) into one failure with each reason and how many instances gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementFailure {
    pub family: String,
    /// Each reason (`RESOURCE:MEMORY`, `MemberOf placement constraint unsatisfied.`) and how many instances
    /// gave it, in the order first seen.
    pub reasons: Vec<(String, usize)>,
    /// Clock face of the call.
    pub at: String,
    /// The log position of the call's last failure event.
    pub seq: u64,
    /// A task of the same family has been placed in the cluster since.
    pub resolved: bool,
}

impl PlacementFailure {
    /// Instances that rejected the task.
    pub fn instances(&self) -> usize {
        self.reasons.iter().map(|(_, n)| n).sum()
    }

    /// The reasons in words: `MemberOf placement constraint unsatisfied. (4 of 4 instances)`, or
    /// `RESOURCE:MEMORY (2 of 3 instances); RESOURCE:CPU (1 of 3 instances)`.
    ///
    /// ```
    /// use ecs_sandbox::scene::PlacementFailure;
    /// let f = PlacementFailure {
    ///     family: "web".into(),
    ///     reasons: vec![("RESOURCE:MEMORY".into(), 2), ("RESOURCE:CPU".into(), 1)],
    ///     at: "09:00:00".into(),
    ///     seq: 7,
    ///     resolved: false,
    /// };
    /// assert_eq!(f.summary(), "RESOURCE:MEMORY (2 of 3 instances); RESOURCE:CPU (1 of 3 instances)");
    /// ```
    pub fn summary(&self) -> String {
        let total = self.instances();
        let noun = if total == 1 { "instance" } else { "instances" };
        self.reasons.iter().map(|(r, n)| format!("{r} ({n} of {total} {noun})")).collect::<Vec<_>>().join("; ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterNode {
    pub region: String,
    pub name: String,
    /// False once deleted.
    pub active: bool,
    pub container_instances: Vec<ContainerInstanceNode>,
    pub tasks: Vec<TaskNode>,
    /// The latest placement failures, newest last.
    pub failures: Vec<PlacementFailure>,
    /// The latest tasks that were placed but could not start, newest last.
    pub start_failures: Vec<StartFailure>,
}

impl ClusterNode {
    pub fn tasks_on<'a>(&'a self, container_instance_id: &'a str) -> impl Iterator<Item = &'a TaskNode> + 'a {
        self.tasks.iter().filter(move |t| t.container_instance_id.as_deref() == Some(container_instance_id))
    }
    /// The Availability Zones its container instances and Fargate tasks are in, sorted (a task waiting for
    /// capacity is in none yet).
    pub fn zones(&self) -> Vec<String> {
        let mut zones: Vec<String> = self.container_instances.iter().map(|ci| ci.availability_zone.clone()).collect();
        zones.extend(self.tasks.iter().filter(|t| t.is_fargate()).map(|t| t.availability_zone.clone()));
        zones.shared_sort();
        zones.dedup();
        zones
    }
    pub(super) fn recount(&mut self) {
        for ci in &mut self.container_instances {
            let (cpu, mem) = self
                .tasks
                .iter()
                .filter(|t| t.container_instance_id.as_deref() == Some(ci.id.as_str()) && t.holds_resources())
                .fold((0u32, 0u32), |(c, m), t| (c.saturating_add(t.cpu), m.saturating_add(t.memory)));
            ci.cpu.used = cpu;
            ci.memory.used = mem;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDefinitionNode {
    pub family: String,
    pub revision: u32,
    pub active: bool,
}
