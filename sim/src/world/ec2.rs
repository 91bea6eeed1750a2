//! EC2 instances in one Region: what `run-instances` launches and `describe-instances` shows, and where each
//! instance's ECS agent stands.

use crate::clock::SimTime;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceState {
    Pending,
    Running,
    ShuttingDown,
    Terminated,
}

impl InstanceState {
    /// EC2's state name and code.
    pub fn name(self) -> &'static str {
        match self {
            InstanceState::Pending => "pending",
            InstanceState::Running => "running",
            InstanceState::ShuttingDown => "shutting-down",
            InstanceState::Terminated => "terminated",
        }
    }
    pub fn code(self) -> i64 {
        match self {
            InstanceState::Pending => 0,
            InstanceState::Running => 16,
            InstanceState::ShuttingDown => 32,
            InstanceState::Terminated => 48,
        }
    }
}

/// Where an instance's ECS agent stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentStatus {
    /// The image has no ECS agent (not an ECS-optimized AMI).
    NoAgent,
    /// The instance is booting; the agent has not started yet.
    Starting,
    Registered { cluster: String, container_instance_id: String },
    /// The agent runs but cannot register, and logs why (no instance profile, for example).
    CannotRegister { reason: String },
    /// The instance is gone.
    Stopped,
}

#[derive(Debug, Clone)]
pub struct Instance {
    pub id: String,
    pub reservation_id: String,
    pub ami_launch_index: u32,
    pub instance_type: String,
    pub image_id: String,
    pub availability_zone: String,
    pub subnet_id: String,
    pub private_ip: String,
    pub state: InstanceState,
    pub state_transition_reason: String,
    pub launch_time: SimTime,
    /// The instance profile's name, when one was given.
    pub iam_instance_profile: Option<String>,
    pub user_data: Option<String>,
    pub key_name: Option<String>,
    pub security_group_ids: Vec<String>,
    pub tags: Vec<(String, String)>,
    pub client_token: String,
    pub agent: AgentStatus,
    /// What the agent read from `/etc/ecs/ecs.config`, and notes on how the user data was read.
    pub user_data_notes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Ec2 {
    /// Instances by id. Terminated instances stay visible for a while, as on EC2.
    pub instances: BTreeMap<String, Instance>,
    /// Launch order, for output that follows it.
    pub launch_order: Vec<String>,
}

impl Ec2 {
    pub fn add(&mut self, instance: Instance) {
        self.launch_order.push(instance.id.clone());
        self.instances.insert(instance.id.clone(), instance);
    }
    /// Instances in launch order.
    pub fn in_launch_order(&self) -> impl Iterator<Item = &Instance> {
        self.launch_order.iter().filter_map(|id| self.instances.get(id))
    }
}
