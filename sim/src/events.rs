//! What happened: the ordered log of facts the model reports to whoever watches it (the page animates them,
//! the runner can print them, lessons never need them). Events describe outcomes, never mechanics.

use crate::clock::SimTime;
use serde::Serialize;

/// One thing that happened, stamped with the virtual time it happened at and its place in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Position in the sandbox's event log, from 0.
    pub seq: u64,
    /// Virtual time, in the AWS CLI's timestamp format.
    pub at: String,
    #[serde(rename = "atMillis")]
    pub at_ms: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// The kinds of event. Every variant names its region, so a page drawing one region can skip the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum EventKind {
    ClusterCreated { region: String, cluster: String },
    ClusterDeleted { region: String, cluster: String },
    InstanceLaunched {
        region: String,
        instance_id: String,
        instance_type: String,
        availability_zone: String,
        /// Whether the image runs the ECS agent (an ECS-optimized AMI); without it the instance never registers.
        ecs_agent: bool,
    },
    InstanceStateChanged { region: String, instance_id: String, state: String },
    /// The ECS agent on an instance could not register it, and why (no instance profile, for example).
    AgentCannotRegister { region: String, instance_id: String, reason: String },
    ContainerInstanceRegistered {
        region: String,
        cluster: String,
        container_instance_id: String,
        instance_id: String,
        instance_type: String,
        availability_zone: String,
        /// CPU units and MiB the instance registered.
        registered_cpu: u32,
        registered_memory: u32,
    },
    /// A container instance was set ACTIVE or DRAINING.
    ContainerInstanceStateChanged { region: String, cluster: String, container_instance_id: String, status: String },
    /// A container instance left its cluster (its EC2 instance was terminated, or it was deregistered).
    ContainerInstanceDeregistered { region: String, cluster: String, container_instance_id: String },
    /// The ECS agent on a container instance lost or regained its connection (`agentConnected`).
    AgentConnectionChanged { region: String, cluster: String, container_instance_id: String, connected: bool },
    TaskDefinitionRegistered { region: String, family: String, revision: u32 },
    /// A task could not start (ecs-facts.md §3.3, §5): `stage` is what failed (`registry authorization`,
    /// `secrets`, `image pull`, `logging`), `reason` the task's `stoppedReason`, and when a permission was the
    /// cause, the role that lacked it (none: no credentials at all) and the action.
    TaskFailedToStart {
        region: String,
        cluster: String,
        task_id: String,
        stage: String,
        reason: String,
        role_arn: Option<String>,
        missing_action: Option<String>,
    },
    /// An ECR repository was created or deleted.
    EcrRepositoryCreated { region: String, repository: String },
    EcrRepositoryDeleted { region: String, repository: String },
    /// An image was pushed to ECR (a new digest, or a tag moved to it).
    EcrImagePushed { region: String, repository: String, digest: String, tags: Vec<String> },
    /// A lifecycle policy expired an image.
    EcrImageExpired { region: String, repository: String, digest: String },
    TaskDefinitionDeregistered { region: String, family: String, revision: u32 },
    /// A task was created and, on EC2, placed on a container instance.
    TaskPlaced {
        region: String,
        cluster: String,
        task_id: String,
        family: String,
        revision: u32,
        container_instance_id: Option<String>,
        availability_zone: String,
        /// CPU units and MiB the task holds on its instance until it stops.
        cpu: u32,
        memory: u32,
    },
    TaskStateChanged { region: String, cluster: String, task_id: String, last_status: String },
    /// RunTask could not place a task; `reason` is the failure reason ECS reports (`RESOURCE:MEMORY`, ...).
    TaskPlacementFailed { region: String, cluster: String, family: String, reason: String },
    /// A batch of `sandbox load` requests: how many, how they were answered (status 0: no answer), and how
    /// many each target served.
    LoadApplied {
        url: String,
        requests: u64,
        by_status: Vec<(u16, u64)>,
        /// (target group ARN, target id, port, requests).
        per_target: Vec<(String, String, u16, u64)>,
    },
    /// A service was created, or deleted (`status` DRAINING, then INACTIVE when its tasks are gone).
    ServiceChanged { region: String, cluster: String, service: String, status: String },
    /// A line written to a service's event log (`describe-services` shows it under `events`).
    ServiceEvent { region: String, cluster: String, service: String, message: String },
    /// A load balancer was created (`provisioning`), turned `active`, or was deleted (ecs-facts.md §4).
    LoadBalancerCreated { region: String, load_balancer_arn: String, name: String, lb_type: String, dns_name: String },
    LoadBalancerStateChanged { region: String, load_balancer_arn: String, state: String },
    LoadBalancerDeleted { region: String, load_balancer_arn: String },
    ListenerCreated { region: String, load_balancer_arn: String, listener_arn: String, port: u16, protocol: String },
    ListenerDeleted { region: String, listener_arn: String },
    /// A target (instance id or IP, and port) joined a target group, in state `initial`.
    TargetRegistered { region: String, target_group_arn: String, target_id: String, port: u16 },
    /// A target left its target group (after draining, or at once when the group was not in use).
    TargetDeregistered { region: String, target_group_arn: String, target_id: String, port: u16 },
    /// What DescribeTargetHealth shows for a target changed: `state` is `initial`, `healthy`, `unhealthy`,
    /// `unused` or `draining`, `reason` its reason code (`Target.Timeout`, ...).
    TargetHealthChanged { region: String, target_group_arn: String, target_id: String, port: u16, state: String, reason: Option<String> },
    /// AWS gave a Fargate Spot task its two-minute warning (ecs-facts.md §3.5): its desired status is STOPPED
    /// (stopCode `TerminationNotice`), its containers got SIGTERM, and the capacity goes at `reclaim_at`.
    /// `service` names the service that replaces it, if any.
    SpotInterruptionWarning { region: String, cluster: String, task_id: String, service: Option<String>, reclaim_at: String },
    /// An interrupted Fargate Spot task has stopped (stopCode `SpotInterruption`); its capacity is gone.
    SpotCapacityReclaimed { region: String, cluster: String, task_id: String },
    /// One HTTP request through a load balancer (`curl`): which listener, rule and target group it took,
    /// which target served it, and the status code the client got. Missing parts mean it stopped before them.
    RequestRouted {
        region: String,
        load_balancer_arn: String,
        listener_arn: Option<String>,
        rule_arn: Option<String>,
        target_group_arn: Option<String>,
        target_id: Option<String>,
        target_port: Option<u16>,
        path: String,
        status_code: u16,
    },
    /// A CloudWatch alarm changed state (`OK`, `ALARM`, `INSUFFICIENT_DATA`); `reason` is its StateReason.
    AlarmStateChanged { region: String, alarm_name: String, old_state: String, new_state: String, reason: String },
    /// Application Auto Scaling did something to a scalable target (ecs-facts.md §3.4): `description` and
    /// `cause` are the activity's; what caused it (a policy and its alarm, or a scheduled action) and, when the
    /// desired count changed, the old and new counts.
    ScalingActivity {
        region: String,
        resource_id: String,
        activity_id: String,
        description: String,
        cause: String,
        policy_name: Option<String>,
        alarm_name: Option<String>,
        scheduled_action_name: Option<String>,
        old_desired: Option<u32>,
        new_desired: Option<u32>,
    },
    /// An Auto Scaling group started an activity (ecs-facts.md §3.5): `description` is AWS's ("Launching a
    /// new EC2 instance: i-…", "Terminating EC2 instance: i-…"), `status_code` `InProgress`, `Successful` or
    /// `Failed`; emitted again when the activity ends.
    AutoScalingActivity {
        region: String,
        group: String,
        activity_id: String,
        description: String,
        cause: String,
        status_code: String,
    },
    /// A group's desired capacity changed; `by` says who changed it (`user`, `capacity provider NAME`).
    AutoScalingDesiredCapacityChanged { region: String, group: String, from: u32, to: u32, by: String },
    /// A capacity provider's managed scaling read its CapacityProviderReservation and decided (`scale-out`,
    /// `scale-in`, `steady`, `waiting`), with the reason in words.
    CapacityProviderDecision {
        region: String,
        capacity_provider: String,
        cluster: String,
        reservation: u32,
        target_capacity: u32,
        decision: String,
        reason: String,
    },
    /// A task of an Auto Scaling group capacity provider waits in PROVISIONING for an instance (§3.5).
    TaskAwaitingCapacity { region: String, cluster: String, task_id: String, capacity_provider: String },
}

/// The ordered, append-only log.
#[derive(Debug, Clone, Default)]
pub struct EventLog {
    events: Vec<Event>,
}

impl EventLog {
    pub(crate) fn push(&mut self, at: SimTime, kind: EventKind) -> Event {
        let event = Event { seq: self.events.len() as u64, at: at.to_cli_string(), at_ms: at.0, kind };
        self.events.push(event.clone());
        event
    }
    pub fn all(&self) -> &[Event] {
        &self.events
    }
    pub fn since(&self, seq: u64) -> &[Event] {
        let start = (seq as usize).min(self.events.len());
        &self.events[start..]
    }
    pub fn len(&self) -> u64 {
        self.events.len() as u64
    }
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}
