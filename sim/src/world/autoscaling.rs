//! EC2 launch templates and Amazon EC2 Auto Scaling groups in one Region (ecs-facts.md §3.5, §2): what
//! `aws ec2 create-launch-template` and `aws autoscaling create-auto-scaling-group` create, the group's
//! instances with their lifecycle state and scale-in protection, and its scaling activities.
//!
//! Words: a group's *desired capacity* is how many instances it keeps; an *activity* is one launch or
//! termination, with AWS's description ("Launching a new EC2 instance: i-…") and cause.

use crate::clock::SimTime;
use std::collections::BTreeMap;

/// What one launch template version launches (the parts of `LaunchTemplateData` the sandbox models).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaunchTemplateData {
    pub image_id: Option<String>,
    pub instance_type: Option<String>,
    /// `IamInstanceProfile`: `Name` or `Arn`, as given.
    pub iam_instance_profile_name: Option<String>,
    pub iam_instance_profile_arn: Option<String>,
    pub security_group_ids: Vec<String>,
    pub key_name: Option<String>,
    /// The user data as the API holds it: base64.
    pub user_data_base64: Option<String>,
    /// The decoded user data (what the instance runs).
    pub user_data: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaunchTemplateVersion {
    pub number: u64,
    pub description: Option<String>,
    pub created_at: SimTime,
    pub data: LaunchTemplateData,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaunchTemplate {
    pub id: String,
    pub name: String,
    pub created_at: SimTime,
    pub default_version: u64,
    pub versions: Vec<LaunchTemplateVersion>,
    pub tags: Vec<(String, String)>,
}

impl LaunchTemplate {
    pub fn latest_version(&self) -> u64 {
        self.versions.last().map_or(1, |v| v.number)
    }
    /// The version a group's `Version` names: a number, `$Latest` or `$Default` (none: `$Default`).
    pub fn version(&self, spec: Option<&str>) -> Option<&LaunchTemplateVersion> {
        let n = match spec {
            None | Some("$Default") => self.default_version,
            Some("$Latest") => self.latest_version(),
            Some(n) => n.parse().ok()?,
        };
        self.versions.iter().find(|v| v.number == n)
    }
}

/// Where an instance of a group stands (Auto Scaling's `LifecycleState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleState {
    Pending,
    InService,
    Terminating,
}

impl LifecycleState {
    pub fn as_str(self) -> &'static str {
        match self {
            LifecycleState::Pending => "Pending",
            LifecycleState::InService => "InService",
            LifecycleState::Terminating => "Terminating",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInstance {
    pub instance_id: String,
    pub availability_zone: String,
    pub instance_type: String,
    pub lifecycle_state: LifecycleState,
    pub protected_from_scale_in: bool,
    pub launched_at: SimTime,
}

/// One scaling activity, as `describe-scaling-activities` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub id: String,
    pub description: String,
    pub cause: String,
    pub start: SimTime,
    pub end: Option<SimTime>,
    /// `InProgress`, `Successful`, `Failed`, …
    pub status_code: String,
    pub status_message: Option<String>,
    pub details: String,
    /// The instance the activity launches or terminates, to finish it when the instance gets there.
    pub instance_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoScalingGroup {
    pub name: String,
    pub arn: String,
    pub launch_template_id: String,
    pub launch_template_name: String,
    /// The `Version` the group was given, if any.
    pub launch_template_version: Option<String>,
    pub min_size: u32,
    pub max_size: u32,
    pub desired_capacity: u32,
    pub default_cooldown: u32,
    /// Subnet ids from `VPCZoneIdentifier`, in the given order.
    pub subnets: Vec<String>,
    pub availability_zones: Vec<String>,
    pub new_instances_protected_from_scale_in: bool,
    /// Key, value, propagate at launch.
    pub tags: Vec<(String, String, bool)>,
    pub created_at: SimTime,
    pub instances: Vec<GroupInstance>,
    /// Oldest first.
    pub activities: Vec<Activity>,
    /// `Delete in progress` while a forced delete terminates the instances.
    pub status: Option<String>,
}

/// Launch templates and Auto Scaling groups of one Region.
#[derive(Debug, Clone, Default)]
pub struct AutoScaling {
    /// Launch templates by name.
    pub launch_templates: BTreeMap<String, LaunchTemplate>,
    /// Groups by name.
    pub groups: BTreeMap<String, AutoScalingGroup>,
    /// The awsvpc subnets and security groups of tasks waiting in PROVISIONING, by task id, for their ENI
    /// once an instance takes them.
    pub waiting_networks: BTreeMap<String, (Vec<String>, Vec<String>)>,
    /// Managed scaling's memory per capacity provider (lifecycle::managed_scaling).
    pub managed: BTreeMap<String, ManagedScalingState>,
}

/// What managed scaling remembers between minutes for one capacity provider.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManagedScalingState {
    /// Consecutive minutes the reservation was below target (scale-in needs 15, §3.5).
    pub minutes_below: u32,
    /// The latest CapacityProviderReservation, percent.
    pub reservation: Option<u32>,
    /// The ids in the names ECS gives the target-tracking policy and its alarms.
    pub policy_id: String,
    pub alarm_id: String,
}

impl AutoScaling {
    /// A launch template by id or name.
    pub fn launch_template(&self, id: Option<&str>, name: Option<&str>) -> Option<&LaunchTemplate> {
        match (id, name) {
            (Some(id), _) => self.launch_templates.values().find(|t| t.id == id),
            (None, Some(name)) => self.launch_templates.get(name),
            (None, None) => None,
        }
    }
    /// The group whose ARN or name this is.
    pub fn group_by_arn_or_name(&self, key: &str) -> Option<&AutoScalingGroup> {
        self.groups.values().find(|g| g.arn == key || g.name == key)
    }
    /// The group an EC2 instance belongs to.
    pub fn group_of_instance(&self, instance_id: &str) -> Option<&AutoScalingGroup> {
        self.groups.values().find(|g| g.instances.iter().any(|i| i.instance_id == instance_id))
    }
}
