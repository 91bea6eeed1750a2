//! A container instance: an EC2 instance whose ECS agent registered it with a cluster, with the resources
//! and attributes it registered (ecs-facts.md §2.3, §2.4).

use crate::agent::EcsConfig;
use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct ContainerInstance {
    /// The 32-hex-digit id, the last part of the ARN.
    pub id: String,
    pub cluster: String,
    pub region: String,
    pub ec2_instance_id: String,
    pub instance_type: String,
    pub availability_zone: String,
    /// `ACTIVE` or `DRAINING` (UpdateContainerInstancesState accepts only these two, §3.3).
    pub status: String,
    pub agent_connected: bool,
    /// CPU units: vCPUs × 1024 (§2.4).
    pub registered_cpu: u32,
    /// MiB: OS-visible memory less `ECS_RESERVED_MEMORY` (§2.4).
    pub registered_memory: u32,
    pub registered_gpus: u32,
    /// The agent's configuration as it was read at registration.
    pub config: EcsConfig,
    /// Built-in and custom attributes: name → value (capabilities have no value).
    pub attributes: BTreeMap<String, Option<String>>,
    pub registered_at: SimTime,
    /// Incremented on every change ECS reports (the `version` field).
    pub version: u64,
    pub agent_hash: String,
    /// The last host port the agent handed out from the ephemeral range; the next search starts after it.
    pub last_dynamic_port: Option<u16>,
    /// ENIs the instance type allows, its primary one included.
    pub max_enis: u32,
}

impl ContainerInstance {
    pub fn arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:container-instance/{}/{}", self.region, self.cluster, self.id)
    }

    /// TCP ports the instance never gives to tasks, as the PORTS resource lists them.
    pub fn reserved_ports(&self) -> &[u16] {
        &self.config.reserved_ports
    }
}
