//! The scene: what the cluster view draws, folded from the model's events one at a time. Pure Rust, no
//! web-sys, so it is tested natively.
//!
//! Words: a *cluster node* is an ECS cluster with its *container instances* (EC2 instances whose agent
//! registered them) and its *tasks*; an *EC2 node* is any EC2 instance, registered or not, with where its ECS
//! agent stands. *Used* CPU and memory on a container instance are what its tasks hold (every task not yet
//! STOPPED), as ECS counts them. When every event has been applied the scene agrees with
//! [`ecs_sim::View`] (see `tests.rs`).

pub mod animation;
pub mod details;
pub mod layout;
pub mod lb_shown;
pub mod load_balancing;
mod nodes;
pub mod registry;
pub mod registry_shown;
pub mod roles;
pub mod start_failure;
pub mod why;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_images;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_lessons;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_load_balancing;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_scaling;

use ecs_sim::{Event, EventKind};
pub use nodes::{AgentState, ClusterNode, ContainerInstanceNode, Ec2Node, PlacementFailure, Resource, TaskDefinitionNode, TaskNode};
use registry::RepositoryNode;
use start_failure::StartFailure;

/// Everything the cluster view draws, as of the last event applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scene {
    /// The last applied event's position in the log and virtual time (clock face), if any.
    pub last_seq: Option<u64>,
    pub clock: Option<String>,
    pub clusters: Vec<ClusterNode>,
    /// Every EC2 instance, in launch order.
    pub instances: Vec<Ec2Node>,
    pub task_definitions: Vec<TaskDefinitionNode>,
    /// ECR repositories of every Region, in creation order.
    pub repositories: Vec<RepositoryNode>,
    /// Load balancers, listeners and targets with their health (issue 6).
    pub load_balancing: load_balancing::LoadBalancing,
}

impl Scene {
    /// The scene after every event of `events`, in order.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Scene {
        let mut scene = Scene::default();
        for e in events {
            scene.apply(e);
        }
        scene
    }

    fn cluster_mut(&mut self, region: &str, name: &str) -> &mut ClusterNode {
        let i = match self.clusters.iter().position(|c| c.region == region && c.name == name) {
            Some(i) => i,
            None => {
                self.clusters.push(ClusterNode {
                    region: region.to_string(),
                    name: name.to_string(),
                    active: true,
                    container_instances: Vec::new(),
                    tasks: Vec::new(),
                    failures: Vec::new(),
                    start_failures: Vec::new(),
                });
                self.clusters.len() - 1
            }
        };
        &mut self.clusters[i]
    }

    fn instance_mut(&mut self, region: &str, id: &str) -> Option<&mut Ec2Node> {
        self.instances.iter_mut().find(|i| i.region == region && i.id == id)
    }

    /// Applies one event. Unknown references (a task of a cluster never seen) are created on the fly rather
    /// than dropped, so a scene built from a partial log still shows what it can.
    pub fn apply(&mut self, event: &Event) {
        self.last_seq = Some(event.seq);
        self.clock = Some(clock_face(&event.at));
        registry::forget_before(&mut self.repositories, event.seq);
        match &event.kind {
            EventKind::EcrRepositoryCreated { region, repository } => {
                registry::repository_created(&mut self.repositories, region, repository, event.seq);
            }
            EventKind::EcrRepositoryDeleted { region, repository } => {
                registry::repository_deleted(&mut self.repositories, region, repository, event.seq);
            }
            EventKind::EcrImagePushed { region, repository, digest, tags } => {
                registry::image_pushed(&mut self.repositories, region, repository, digest, tags, event.seq);
            }
            EventKind::EcrImageExpired { region, repository, digest } => {
                registry::image_expired(&mut self.repositories, region, repository, digest, event.seq);
            }
            EventKind::TaskFailedToStart { region, cluster, task_id, stage, reason, role_arn, missing_action } => {
                let c = self.cluster_mut(region, cluster);
                let task = c.tasks.iter_mut().find(|t| &t.id == task_id);
                let failure = StartFailure {
                    task_id: task_id.clone(),
                    family: task.as_ref().map(|t| t.family.clone()).unwrap_or_default(),
                    revision: task.as_ref().map_or(0, |t| t.revision),
                    stage: stage.clone(),
                    reason: reason.clone(),
                    role_arn: role_arn.clone(),
                    missing_action: missing_action.clone(),
                    at: clock_face(&event.at),
                    seq: event.seq,
                    resolved: false,
                };
                if let Some(t) = task {
                    t.start_failure = Some(failure.clone());
                }
                c.start_failures.push(failure);
                let excess = c.start_failures.len().saturating_sub(crate::tuning::MAX_FAILURES_SHOWN);
                c.start_failures.drain(..excess);
            }
            // Services are drawn from the view (their tasks arrive as TaskPlaced like any other).
            EventKind::ServiceChanged { .. } | EventKind::ServiceEvent { .. } => {}
            // Load balancing (issue 6): a request changes nothing; the step that plays it draws its route.
            EventKind::LoadBalancerCreated { .. }
            | EventKind::LoadBalancerStateChanged { .. }
            | EventKind::LoadBalancerDeleted { .. }
            | EventKind::ListenerCreated { .. }
            | EventKind::ListenerDeleted { .. }
            | EventKind::TargetRegistered { .. }
            | EventKind::TargetDeregistered { .. }
            | EventKind::TargetHealthChanged { .. }
            | EventKind::RequestRouted { .. } => {
                self.load_balancing.apply(&event.kind);
            }
            // A batch of `sandbox load` requests: its counts are in the view; nothing to fold.
            EventKind::LoadApplied { .. } => {}
            // Scaling (issue 7): alarms, scaling activities, groups and capacity providers are drawn from the
            // view (the Scaling panel's charts and markers); the tasks and instances they start or stop arrive
            // as their own events.
            EventKind::AlarmStateChanged { .. }
            | EventKind::ScalingActivity { .. }
            | EventKind::AutoScalingActivity { .. }
            | EventKind::AutoScalingDesiredCapacityChanged { .. }
            | EventKind::CapacityProviderDecision { .. }
            | EventKind::SpotInterruptionWarning { .. }
            | EventKind::SpotCapacityReclaimed { .. } => {}
            // Created in PROVISIONING with no instance (its TaskPlaced came first): it waits for the
            // provider's group to grow, and is placed later by a second TaskPlaced (ecs-facts §3.5).
            EventKind::TaskAwaitingCapacity { region, cluster, task_id, capacity_provider } => {
                let c = self.cluster_mut(region, cluster);
                if let Some(t) = c.tasks.iter_mut().find(|t| &t.id == task_id) {
                    t.awaiting_capacity = Some(capacity_provider.clone());
                }
            }
            EventKind::ClusterCreated { region, cluster } => {
                self.cluster_mut(region, cluster).active = true;
            }
            EventKind::ClusterDeleted { region, cluster } => {
                self.cluster_mut(region, cluster).active = false;
            }
            EventKind::InstanceLaunched { region, instance_id, instance_type, availability_zone, ecs_agent } => {
                self.instances.push(Ec2Node {
                    id: instance_id.clone(),
                    region: region.clone(),
                    instance_type: instance_type.clone(),
                    availability_zone: availability_zone.clone(),
                    state: "pending".into(),
                    agent: if *ecs_agent { AgentState::Waiting } else { AgentState::NoAgent },
                });
            }
            EventKind::InstanceStateChanged { region, instance_id, state } => {
                if let Some(i) = self.instance_mut(region, instance_id) {
                    i.state = state.clone();
                    if state == "shutting-down" || state == "terminated" || state == "stopped" {
                        i.agent = AgentState::Stopped;
                    }
                }
            }
            EventKind::AgentCannotRegister { region, instance_id, reason } => {
                if let Some(i) = self.instance_mut(region, instance_id) {
                    i.agent = AgentState::CannotRegister { reason: reason.clone() };
                }
            }
            EventKind::ContainerInstanceRegistered {
                region,
                cluster,
                container_instance_id,
                instance_id,
                instance_type,
                availability_zone,
                registered_cpu,
                registered_memory,
            } => {
                if let Some(i) = self.instance_mut(region, instance_id) {
                    i.agent = AgentState::Registered {
                        cluster: cluster.clone(),
                        container_instance_id: container_instance_id.clone(),
                    };
                }
                let c = self.cluster_mut(region, cluster);
                c.container_instances.push(ContainerInstanceNode {
                    id: container_instance_id.clone(),
                    ec2_instance_id: instance_id.clone(),
                    instance_type: instance_type.clone(),
                    availability_zone: availability_zone.clone(),
                    active: true,
                    status: "ACTIVE".into(),
                    agent_connected: true,
                    cpu: Resource { registered: *registered_cpu, used: 0 },
                    memory: Resource { registered: *registered_memory, used: 0 },
                });
                c.recount();
            }
            EventKind::ContainerInstanceDeregistered { region, cluster, container_instance_id } => {
                let c = self.cluster_mut(region, cluster);
                if let Some(ci) = c.container_instances.iter_mut().find(|ci| &ci.id == container_instance_id) {
                    ci.active = false;
                    ci.status = "INACTIVE".into();
                    ci.agent_connected = false;
                }
            }
            EventKind::ContainerInstanceStateChanged { region, cluster, container_instance_id, status } => {
                let c = self.cluster_mut(region, cluster);
                if let Some(ci) = c.container_instances.iter_mut().find(|ci| &ci.id == container_instance_id) {
                    ci.status = status.clone();
                }
            }
            EventKind::AgentConnectionChanged { region, cluster, container_instance_id, connected } => {
                let c = self.cluster_mut(region, cluster);
                if let Some(ci) = c.container_instances.iter_mut().find(|ci| &ci.id == container_instance_id) {
                    ci.agent_connected = *connected;
                }
            }
            EventKind::TaskDefinitionRegistered { family, revision, .. } => {
                self.task_definitions.push(TaskDefinitionNode { family: family.clone(), revision: *revision, active: true });
            }
            EventKind::TaskDefinitionDeregistered { family, revision, .. } => {
                if let Some(td) = self.task_definitions.iter_mut().find(|td| &td.family == family && td.revision == *revision) {
                    td.active = false;
                }
            }
            EventKind::TaskPlaced {
                region,
                cluster,
                task_id,
                family,
                revision,
                container_instance_id,
                availability_zone,
                cpu,
                memory,
            } => {
                let c = self.cluster_mut(region, cluster);
                for f in c.failures.iter_mut().filter(|f| &f.family == family) {
                    f.resolved = true;
                }
                // A task that waited for capacity is placed by a second TaskPlaced: it moves onto its instance.
                if let Some(t) = c.tasks.iter_mut().find(|t| &t.id == task_id) {
                    t.container_instance_id = container_instance_id.clone();
                    t.availability_zone = availability_zone.clone();
                    t.cpu = *cpu;
                    t.memory = *memory;
                    t.placed_seq = event.seq;
                    t.awaiting_capacity = None;
                    c.recount();
                    return;
                }
                c.tasks.push(TaskNode {
                    id: task_id.clone(),
                    family: family.clone(),
                    revision: *revision,
                    container_instance_id: container_instance_id.clone(),
                    availability_zone: availability_zone.clone(),
                    cpu: *cpu,
                    memory: *memory,
                    last_status: "PROVISIONING".into(),
                    placed_seq: event.seq,
                    start_failure: None,
                    awaiting_capacity: None,
                });
                c.recount();
            }
            EventKind::TaskStateChanged { region, cluster, task_id, last_status } => {
                let c = self.cluster_mut(region, cluster);
                let mut running_family = None;
                if let Some(t) = c.tasks.iter_mut().find(|t| &t.id == task_id) {
                    t.last_status = last_status.clone();
                    if last_status == "RUNNING" {
                        running_family = Some(t.family.clone());
                    }
                }
                if let Some(family) = running_family {
                    for f in c.start_failures.iter_mut().filter(|f| f.family == family) {
                        f.resolved = true;
                    }
                }
                c.recount();
            }
            EventKind::TaskPlacementFailed { region, cluster, family, reason } => {
                let c = self.cluster_mut(region, cluster);
                // A RunTask call reports one failure per ACTIVE container instance, consecutively in the log.
                let active = c.container_instances.iter().filter(|ci| ci.active && ci.status == "ACTIVE").count();
                match c.failures.last_mut() {
                    Some(f) if f.seq + 1 == event.seq && &f.family == family && f.instances() < active => {
                        f.seq = event.seq;
                        match f.reasons.iter_mut().find(|(r, _)| r == reason) {
                            Some((_, n)) => *n += 1,
                            None => f.reasons.push((reason.clone(), 1)),
                        }
                    }
                    _ => c.failures.push(PlacementFailure {
                        family: family.clone(),
                        reasons: vec![(reason.clone(), 1)],
                        at: clock_face(&event.at),
                        seq: event.seq,
                        resolved: false,
                    }),
                }
                let excess = c.failures.len().saturating_sub(crate::tuning::MAX_FAILURES_SHOWN);
                c.failures.drain(..excess);
            }
        }
    }

    /// EC2 instances not (or no longer) registered with a cluster: the view shows them apart.
    pub fn unregistered(&self) -> impl Iterator<Item = &Ec2Node> {
        self.instances.iter().filter(|i| !matches!(i.agent, AgentState::Registered { .. }))
    }

    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty() && self.instances.is_empty()
    }

    /// Drops from the registry what the view no longer has (changes that come with no event); see
    /// [`registry::reconcile`].
    pub fn reconcile_registry(&mut self, view: &ecs_sim::View) {
        registry::reconcile(&mut self.repositories, view);
    }

    /// The repository, if the scene knows it and it is not deleted.
    pub fn repository(&self, region: &str, name: &str) -> Option<&RepositoryNode> {
        self.repositories.iter().find(|r| r.region == region && r.name == name && r.active)
    }
}

/// `2025-01-01T12:00:31+00:00` or `…T12:00:31.500000+00:00` → `12:00:31` (the CLI timestamp's time of day); anything else as is.
pub fn clock_face(at: &str) -> String {
    match at.split_once('T') {
        Some((_, rest)) => rest.chars().take(8).collect(),
        None => at.to_string(),
    }
}
