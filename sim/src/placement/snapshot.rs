//! What placement sees of a container instance: its free resources, used ports, attributes and the task
//! groups on it, taken from the cluster at the moment of placement and updated as tasks are placed.

use crate::world::ecs::{Cluster, ContainerInstance, InstanceUsage};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceSnapshot {
    pub id: String,
    pub arn: String,
    pub ec2_instance_id: String,
    pub availability_zone: String,
    pub instance_type: String,
    pub status: String,
    pub agent_connected: bool,
    pub agent_version: String,
    pub registered_at_secs: u64,
    pub remaining_cpu: u32,
    pub remaining_memory: u32,
    pub free_gpus: u32,
    pub free_enis: u32,
    /// TCP and UDP host ports unavailable: the agent's reserved ports and every port a task holds.
    pub used_tcp: BTreeSet<u16>,
    pub used_udp: BTreeSet<u16>,
    /// Reserved (static) host ports, counted against the limit of 100 per instance (§2.4).
    pub static_ports: usize,
    pub dynamic_range: (u16, u16),
    pub last_dynamic_port: Option<u16>,
    pub attributes: BTreeMap<String, Option<String>>,
    pub running_tasks_count: u64,
    /// Tasks that hold resources on the instance, by task group.
    pub task_groups: BTreeMap<String, usize>,
}

/// Snapshots of every container instance of the cluster, in id order, from one pass over its tasks.
pub fn snapshot_all(cluster: &Cluster) -> Vec<InstanceSnapshot> {
    let usage = cluster.usage();
    let none = InstanceUsage::default();
    cluster.container_instances.values().map(|ci| snapshot_with(ci, usage.get(&ci.id).unwrap_or(&none))).collect()
}

/// One container instance's snapshot.
pub fn snapshot(cluster: &Cluster, ci: &ContainerInstance) -> InstanceSnapshot {
    snapshot_with(ci, cluster.usage().get(&ci.id).unwrap_or(&InstanceUsage::default()))
}

fn snapshot_with(ci: &ContainerInstance, u: &InstanceUsage) -> InstanceSnapshot {
    let mut used_tcp: BTreeSet<u16> = ci.config.reserved_ports.iter().copied().collect();
    let mut used_udp: BTreeSet<u16> = ci.config.reserved_ports_udp.iter().copied().collect();
    let mut static_ports = used_tcp.len() + used_udp.len();
    for (proto, port, dynamic) in &u.ports {
        if proto == "udp" { used_udp.insert(*port) } else { used_tcp.insert(*port) };
        if !dynamic {
            static_ports += 1;
        }
    }
    InstanceSnapshot {
        id: ci.id.clone(),
        arn: ci.arn(),
        ec2_instance_id: ci.ec2_instance_id.clone(),
        availability_zone: ci.availability_zone.clone(),
        instance_type: ci.instance_type.clone(),
        status: ci.status.clone(),
        agent_connected: ci.agent_connected,
        agent_version: crate::world::amis::ECS_AGENT_VERSION.to_string(),
        registered_at_secs: ci.registered_at.unix_seconds(),
        remaining_cpu: ci.registered_cpu.saturating_sub(u.cpu),
        remaining_memory: ci.registered_memory.saturating_sub(u.memory),
        free_gpus: ci.registered_gpus.saturating_sub(u.gpus),
        // The primary ENI belongs to the instance itself (§2.4).
        free_enis: ci.max_enis.saturating_sub(1).saturating_sub(u.enis),
        used_tcp,
        used_udp,
        static_ports,
        dynamic_range: ci.config.dynamic_host_port_range,
        last_dynamic_port: ci.last_dynamic_port,
        attributes: ci.attributes.clone(),
        running_tasks_count: u.running as u64,
        task_groups: u.groups.clone(),
    }
}
