//! The animation queue: every new model event becomes a [`Step`] with a declared duration
//! ([`crate::tuning`]); steps play in order. Playing a step applies its event to the shown scene; the step
//! then stays on screen (its CSS transitions run) for its duration divided by the speed, and the next step
//! starts. The queue is plain data: a timer in the page (`use_animation_player`) calls [`Animation::advance`]
//! when [`Animation::delay_ms`] says so, and the controls call it directly to single-step.
//!
//! When the queue is idle the shown scene is the scene of every event, which agrees with the model's view.

use super::{Scene, clock_face};
use crate::tuning::{self, SPEEDS};
use ecs_sim::{Event, EventKind};
use std::collections::VecDeque;
use std::rc::Rc;

/// One event to play, and how long its animation lasts at 1×.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub event: Event,
    pub duration_ms: u32,
}

impl Step {
    pub fn new(event: Event) -> Step {
        let duration_ms = duration_of(&event.kind);
        Step { event, duration_ms }
    }

    /// The id of what this step changes (a task, a container instance, a cluster name), to highlight it.
    pub fn focus(&self) -> Option<&str> {
        match &self.event.kind {
            EventKind::TaskPlaced { task_id, .. } | EventKind::TaskStateChanged { task_id, .. } => Some(task_id),
            EventKind::ContainerInstanceRegistered { container_instance_id, .. }
            | EventKind::ContainerInstanceDeregistered { container_instance_id, .. }
            | EventKind::ContainerInstanceStateChanged { container_instance_id, .. }
            | EventKind::AgentConnectionChanged { container_instance_id, .. } => Some(container_instance_id),
            EventKind::InstanceLaunched { instance_id, .. }
            | EventKind::InstanceStateChanged { instance_id, .. }
            | EventKind::AgentCannotRegister { instance_id, .. } => Some(instance_id),
            EventKind::ClusterCreated { cluster, .. }
            | EventKind::ClusterDeleted { cluster, .. }
            | EventKind::TaskPlacementFailed { cluster, .. } => Some(cluster),
            EventKind::TaskFailedToStart { task_id, .. } => Some(task_id),
            // The registry pane marks what these change itself (a repository may share a cluster's name).
            EventKind::EcrRepositoryCreated { .. }
            | EventKind::EcrRepositoryDeleted { .. }
            | EventKind::EcrImagePushed { .. }
            | EventKind::EcrImageExpired { .. }
            | EventKind::TaskDefinitionRegistered { .. }
            | EventKind::TaskDefinitionDeregistered { .. } => None,
            EventKind::ServiceChanged { service, .. } | EventKind::ServiceEvent { service, .. } => Some(service),
            EventKind::TargetRegistered { target_id, .. }
            | EventKind::TargetDeregistered { target_id, .. }
            | EventKind::TargetHealthChanged { target_id, .. } => Some(target_id),
            EventKind::LoadBalancerCreated { .. }
            | EventKind::LoadBalancerStateChanged { .. }
            | EventKind::LoadBalancerDeleted { .. }
            | EventKind::ListenerCreated { .. }
            | EventKind::ListenerDeleted { .. }
            | EventKind::RequestRouted { .. }
            | EventKind::LoadApplied { .. } => None,
            // Scaling (issue 7): a task waiting for capacity or interrupted is highlighted; the rest are in
            // the Scaling panel.
            EventKind::TaskAwaitingCapacity { task_id, .. }
            | EventKind::SpotInterruptionWarning { task_id, .. }
            | EventKind::SpotCapacityReclaimed { task_id, .. } => Some(task_id),
            EventKind::AlarmStateChanged { .. }
            | EventKind::ScalingActivity { .. }
            | EventKind::AutoScalingActivity { .. }
            | EventKind::AutoScalingDesiredCapacityChanged { .. }
            | EventKind::CapacityProviderDecision { .. } => None,
        }
    }

    /// Whether it changes the registry (so the registry pane, not the cluster drawing, shows it).
    pub fn is_registry(&self) -> bool {
        matches!(
            self.event.kind,
            EventKind::EcrRepositoryCreated { .. }
                | EventKind::EcrRepositoryDeleted { .. }
                | EventKind::EcrImagePushed { .. }
                | EventKind::EcrImageExpired { .. }
        )
    }

    /// Whether it changes what the cluster drawing shows (a cluster, a container instance or a task).
    pub fn is_cluster(&self) -> bool {
        matches!(
            self.event.kind,
            EventKind::ClusterCreated { .. }
                | EventKind::ClusterDeleted { .. }
                | EventKind::ContainerInstanceRegistered { .. }
                | EventKind::ContainerInstanceDeregistered { .. }
                | EventKind::ContainerInstanceStateChanged { .. }
                | EventKind::AgentConnectionChanged { .. }
                | EventKind::TaskPlaced { .. }
                | EventKind::TaskStateChanged { .. }
                | EventKind::TaskPlacementFailed { .. }
                | EventKind::TaskFailedToStart { .. }
        )
    }

    /// One line for the controls: what this step shows, at what virtual time.
    pub fn caption(&self) -> String {
        format!("{} {}", clock_face(&self.event.at), describe(&self.event.kind))
    }

    /// [`Step::caption`], except that a request served by a task the view knows names that task first (the
    /// target's address, long, comes last): `09:12:40 GET / 200, served by task 1a2b3c4d (web:1) at
    /// i-0abc…:32768`.
    pub fn caption_in(&self, view: &ecs_sim::View) -> String {
        let Some(route) = super::load_balancing::Path::of(&self.event.kind) else { return self.caption() };
        let (Some((task, label)), Some((id, port))) = (super::lb_shown::served_by(view, &route), &route.target) else {
            return self.caption();
        };
        let label = if label.is_empty() { String::new() } else { format!(" ({label})") };
        format!(
            "{} GET {} {}, served by task {}{label} at {id}:{port}",
            clock_face(&self.event.at),
            route.path,
            route.status_code,
            short_id(&task)
        )
    }

    /// Whether it changes the load-balancing panel (a load balancer, listener or target, or a request).
    pub fn is_load_balancing(&self) -> bool {
        matches!(
            self.event.kind,
            EventKind::LoadBalancerCreated { .. }
                | EventKind::LoadBalancerStateChanged { .. }
                | EventKind::LoadBalancerDeleted { .. }
                | EventKind::ListenerCreated { .. }
                | EventKind::ListenerDeleted { .. }
                | EventKind::TargetRegistered { .. }
                | EventKind::TargetDeregistered { .. }
                | EventKind::TargetHealthChanged { .. }
                | EventKind::RequestRouted { .. }
        )
    }
}

/// The declared duration of each kind of step, at 1×.
pub fn duration_of(kind: &EventKind) -> u32 {
    match kind {
        EventKind::ClusterCreated { .. } => tuning::CLUSTER_CREATED_MS,
        EventKind::ClusterDeleted { .. } => tuning::CLUSTER_DELETED_MS,
        EventKind::InstanceLaunched { .. } => tuning::INSTANCE_LAUNCHED_MS,
        EventKind::InstanceStateChanged { .. } => tuning::INSTANCE_STATE_MS,
        EventKind::AgentCannotRegister { .. } => tuning::AGENT_CANNOT_REGISTER_MS,
        EventKind::ContainerInstanceRegistered { .. } => tuning::CONTAINER_INSTANCE_REGISTERED_MS,
        EventKind::ContainerInstanceDeregistered { .. } => tuning::CONTAINER_INSTANCE_DEREGISTERED_MS,
        EventKind::ContainerInstanceStateChanged { .. } | EventKind::AgentConnectionChanged { .. } => {
            tuning::CONTAINER_INSTANCE_STATE_MS
        }
        EventKind::TaskDefinitionRegistered { .. } | EventKind::TaskDefinitionDeregistered { .. } => {
            tuning::TASK_DEFINITION_MS
        }
        EventKind::TaskPlaced { .. } => tuning::TASK_PLACED_MS,
        EventKind::ServiceChanged { .. } | EventKind::ServiceEvent { .. } => tuning::TASK_STATE_MS,
        EventKind::TaskStateChanged { .. } => tuning::TASK_STATE_MS,
        EventKind::TaskPlacementFailed { .. } => tuning::TASK_PLACEMENT_FAILED_MS,
        EventKind::TaskFailedToStart { .. } => tuning::TASK_FAILED_TO_START_MS,
        EventKind::EcrRepositoryCreated { .. } | EventKind::EcrRepositoryDeleted { .. } => tuning::REPOSITORY_MS,
        EventKind::EcrImagePushed { .. } => tuning::IMAGE_PUSHED_MS,
        EventKind::EcrImageExpired { .. } => tuning::IMAGE_EXPIRED_MS,
        EventKind::LoadBalancerCreated { .. }
        | EventKind::LoadBalancerStateChanged { .. }
        | EventKind::LoadBalancerDeleted { .. }
        | EventKind::ListenerCreated { .. }
        | EventKind::ListenerDeleted { .. }
        | EventKind::TargetRegistered { .. }
        | EventKind::TargetDeregistered { .. }
        | EventKind::TargetHealthChanged { .. } => tuning::LOAD_BALANCING_MS,
        EventKind::RequestRouted { .. } => tuning::REQUEST_ROUTED_MS,
        EventKind::LoadApplied { .. } => tuning::LOAD_BALANCING_MS,
        EventKind::AlarmStateChanged { .. }
        | EventKind::ScalingActivity { .. }
        | EventKind::AutoScalingActivity { .. }
        | EventKind::AutoScalingDesiredCapacityChanged { .. }
        | EventKind::CapacityProviderDecision { .. }
        | EventKind::TaskAwaitingCapacity { .. }
        | EventKind::SpotInterruptionWarning { .. }
        | EventKind::SpotCapacityReclaimed { .. } => tuning::LOAD_BALANCING_MS,
    }
}

/// The first characters of an id, enough to tell ids apart on screen.
pub fn short_id(id: &str) -> &str {
    let end = id.char_indices().nth(8).map_or(id.len(), |(i, _)| i);
    &id[..end]
}

/// A plain sentence for an event.
pub fn describe(kind: &EventKind) -> String {
    match kind {
        EventKind::ClusterCreated { cluster, .. } => format!("cluster {cluster} created"),
        EventKind::ClusterDeleted { cluster, .. } => format!("cluster {cluster} deleted"),
        EventKind::InstanceLaunched { instance_id, instance_type, availability_zone, .. } => {
            format!("{instance_id} ({instance_type}) launched in {availability_zone}")
        }
        EventKind::InstanceStateChanged { instance_id, state, .. } => format!("{instance_id} is {state}"),
        EventKind::AgentCannotRegister { instance_id, .. } => format!("the ECS agent on {instance_id} cannot register"),
        EventKind::ContainerInstanceRegistered { cluster, instance_id, availability_zone, .. } => {
            format!("{instance_id} registered in {cluster} ({availability_zone})")
        }
        EventKind::ContainerInstanceDeregistered { cluster, container_instance_id, .. } => {
            format!("container instance {} left {cluster}", short_id(container_instance_id))
        }
        EventKind::ContainerInstanceStateChanged { container_instance_id, status, .. } => {
            format!("container instance {} is {status}", short_id(container_instance_id))
        }
        EventKind::AgentConnectionChanged { container_instance_id, connected, .. } => format!(
            "the ECS agent on {} {}",
            short_id(container_instance_id),
            if *connected { "reconnected" } else { "disconnected" }
        ),
        EventKind::TaskDefinitionRegistered { family, revision, .. } => format!("task definition {family}:{revision} registered"),
        EventKind::TaskDefinitionDeregistered { family, revision, .. } => {
            format!("task definition {family}:{revision} deregistered")
        }
        EventKind::TaskPlaced { task_id, family, revision, availability_zone, .. } => {
            format!("task {} ({family}:{revision}) placed in {availability_zone}", short_id(task_id))
        }
        EventKind::TaskStateChanged { task_id, last_status, .. } => format!("task {} is {last_status}", short_id(task_id)),
        EventKind::TaskPlacementFailed { family, reason, .. } => format!("could not place a {family} task: {reason}"),
        EventKind::TaskFailedToStart { task_id, stage, missing_action, role_arn, .. } => match (missing_action, role_arn) {
            (Some(a), Some(r)) => {
                format!("task {} failed at {stage}: {} cannot {a}", short_id(task_id), super::start_failure::role_name(r))
            }
            (Some(a), None) => format!("task {} failed at {stage}: no credentials for {a}", short_id(task_id)),
            (None, _) => format!("task {} failed at {stage}", short_id(task_id)),
        },
        EventKind::ServiceChanged { service, status, .. } => format!("service {service} is {status}"),
        EventKind::ServiceEvent { message, .. } => message.clone(),
        EventKind::EcrRepositoryCreated { repository, .. } => format!("repository {repository} created"),
        EventKind::EcrRepositoryDeleted { repository, .. } => format!("repository {repository} deleted"),
        EventKind::EcrImagePushed { repository, tags, .. } => format!("pushed {repository}:{}", tags.join(",")),
        EventKind::EcrImageExpired { repository, digest, .. } => {
            format!("lifecycle policy expired {repository}@{}", short_id(digest.trim_start_matches("sha256:")))
        }
        EventKind::LoadBalancerCreated { name, lb_type, .. } => format!("{lb_type} load balancer {name} created"),
        EventKind::LoadBalancerStateChanged { load_balancer_arn, state, .. } => {
            format!("load balancer {} is {state}", lb_name(load_balancer_arn))
        }
        EventKind::LoadBalancerDeleted { load_balancer_arn, .. } => format!("load balancer {} deleted", lb_name(load_balancer_arn)),
        EventKind::ListenerCreated { port, protocol, .. } => format!("listener {protocol}:{port} created"),
        EventKind::ListenerDeleted { .. } => "listener deleted".to_string(),
        EventKind::TargetRegistered { target_id, port, .. } => format!("target {target_id}:{port} registered"),
        EventKind::TargetDeregistered { target_id, port, .. } => format!("target {target_id}:{port} deregistered"),
        EventKind::TargetHealthChanged { target_id, port, state, reason, .. } => match reason {
            Some(r) => format!("target {target_id}:{port} is {state} ({r})"),
            None => format!("target {target_id}:{port} is {state}"),
        },
        EventKind::RequestRouted { path, target_id, target_port, status_code, .. } => match (target_id, target_port) {
            (Some(t), Some(p)) => format!("GET {path} → {t}:{p}: {status_code}"),
            _ => format!("GET {path}: {status_code}"),
        },
        EventKind::LoadApplied { url, requests, per_target, .. } => {
            format!("{requests} requests to {url} over {} target(s)", per_target.len())
        }
        EventKind::AlarmStateChanged { alarm_name, old_state, new_state, .. } => {
            format!("alarm {alarm_name}: {old_state} → {new_state}")
        }
        EventKind::ScalingActivity { resource_id, description, .. } => format!("{resource_id}: {description}"),
        EventKind::AutoScalingActivity { group, description, status_code, .. } => {
            format!("{group}: {description} ({status_code})")
        }
        EventKind::AutoScalingDesiredCapacityChanged { group, from, to, by, .. } => {
            format!("{group}: desired capacity {from} → {to} ({by})")
        }
        EventKind::CapacityProviderDecision { capacity_provider, reservation, target_capacity, decision, .. } => {
            format!("{capacity_provider}: reservation {reservation}% (target {target_capacity}%): {decision}")
        }
        EventKind::TaskAwaitingCapacity { task_id, capacity_provider, .. } => {
            format!("task {} waits in PROVISIONING for {capacity_provider}", short_id(task_id))
        }
        EventKind::SpotInterruptionWarning { task_id, .. } => {
            format!("Spot interruption warning: task {} stops in two minutes", short_id(task_id))
        }
        EventKind::SpotCapacityReclaimed { task_id, .. } => format!("Spot task {} reclaimed", short_id(task_id)),
    }
}

/// `…:loadbalancer/app/NAME/ID` → `NAME`.
fn lb_name(arn: &str) -> &str {
    arn.rsplit('/').nth(1).unwrap_or(arn)
}

/// The queue and the scene as of the step being played.
#[derive(Debug, Clone, PartialEq)]
pub struct Animation {
    /// The scene as of the last played step (shared so re-renders do not copy it).
    scene: Rc<Scene>,
    /// The step on screen now, if its time is not up.
    current: Option<Step>,
    pending: VecDeque<Step>,
    /// Index into [`SPEEDS`].
    speed: usize,
    pub paused: bool,
    /// Steps played so far (a timer keys on it).
    played: u64,
}

impl Default for Animation {
    fn default() -> Self {
        Animation {
            scene: Rc::new(Scene::default()),
            current: None,
            pending: VecDeque::new(),
            speed: tuning::DEFAULT_SPEED_INDEX,
            paused: false,
            played: 0,
        }
    }
}

impl Animation {
    /// An idle queue showing the scene of all `events` (after a reload or a reset: nothing to animate).
    pub fn settled(events: &[Event]) -> Animation {
        Animation { scene: Rc::new(Scene::from_events(events)), ..Animation::default() }
    }

    pub fn scene(&self) -> &Rc<Scene> {
        &self.scene
    }
    pub fn current(&self) -> Option<&Step> {
        self.current.as_ref()
    }
    pub fn pending_len(&self) -> usize {
        self.pending.len()
    }
    /// The steps queued after the one on screen, in play order.
    pub fn pending(&self) -> impl Iterator<Item = &Step> {
        self.pending.iter()
    }
    pub fn played(&self) -> u64 {
        self.played
    }
    pub fn is_idle(&self) -> bool {
        self.current.is_none() && self.pending.is_empty()
    }
    pub fn speed_index(&self) -> usize {
        self.speed
    }
    pub fn speed(&self) -> f64 {
        SPEEDS[self.speed]
    }
    pub fn set_speed_index(&mut self, i: usize) {
        self.speed = i.min(SPEEDS.len() - 1);
    }

    /// With nothing queued or playing, brings the scene's registry in line with the model's view (changes that
    /// come with no event, such as `batch-delete-image`). Does nothing while steps remain, when the scene
    /// is meant to lag behind the view.
    pub fn reconcile_registry(&mut self, view: &ecs_sim::View) {
        if self.is_idle() && super::registry::differs(&self.scene.repositories, view) {
            Rc::make_mut(&mut self.scene).reconcile_registry(view);
        }
    }

    /// Queues a step for each event.
    pub fn enqueue(&mut self, events: &[Event]) {
        self.pending.extend(events.iter().cloned().map(Step::new));
    }

    /// Ends the current step and starts the next one (applying its event), if any. Returns whether a step
    /// started.
    pub fn advance(&mut self) -> bool {
        self.current = self.pending.pop_front();
        match &self.current {
            Some(step) => {
                Rc::make_mut(&mut self.scene).apply(&step.event);
                self.played += 1;
                true
            }
            None => false,
        }
    }

    /// Plays every queued step at once.
    pub fn finish(&mut self) {
        let scene = Rc::make_mut(&mut self.scene);
        for step in self.pending.drain(..) {
            scene.apply(&step.event);
            self.played += 1;
        }
        self.current = None;
    }

    /// How long, in wall milliseconds at the current speed, until the player should call [`advance`]:
    /// the current step's duration, or 0 when no step is on screen but some wait. `None` when paused or idle.
    ///
    /// [`advance`]: Animation::advance
    pub fn delay_ms(&self) -> Option<u32> {
        if self.paused {
            return None;
        }
        match &self.current {
            Some(step) => Some(self.scaled(step.duration_ms)),
            None if !self.pending.is_empty() => Some(0),
            None => None,
        }
    }

    /// A duration at 1× scaled to the current speed.
    pub fn scaled(&self, ms: u32) -> u32 {
        (f64::from(ms) / self.speed()).round() as u32
    }
}
