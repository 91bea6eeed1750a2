//! What the cluster view draws that the events do not carry, read from the model after the last command:
//! the Availability Zones of each Region (so a cluster shows every zone, empty ones too), each task's host
//! ports and, in awsvpc mode, its ENI (id, private address, subnet), and each container instance's agent
//! settings for ports (the reserved ports and the dynamic range), the roles each task runs with, what its
//! `secrets` need from its execution role, and the role in each container instance's instance profile.
//! Looked up by id while drawing the animated [`Scene`](super::Scene); what a task holds never changes
//! after it is placed, so being a few steps ahead of the animation shows nothing early.

use ecs_sim::View;
use ecs_sim::world::World;
use std::collections::BTreeMap;

/// One host port a task holds on its instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    pub host_port: u16,
    pub container_port: u16,
    pub protocol: String,
    /// Taken from the instance's dynamic range (`hostPort` 0 or left out in bridge mode).
    pub dynamic: bool,
}

impl HostPort {
    /// `:32768→80` (with `/udp` for UDP), as the chips show it.
    pub fn label(&self) -> String {
        let proto = if self.protocol == "udp" { "/udp" } else { "" };
        format!(":{}→{}{proto}", self.host_port, self.container_port)
    }
}

/// A task's elastic network interface (awsvpc): Fargate tasks always have one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eni {
    pub id: String,
    pub private_ip: String,
    pub subnet_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TaskDetails {
    pub launch_type: String,
    pub network_mode: String,
    pub group: String,
    pub host_ports: Vec<HostPort>,
    pub eni: Option<Eni>,
    /// Role ARNs from its task definition.
    pub execution_role: Option<String>,
    pub task_role: Option<String>,
    /// What its `secrets` need from the execution role before it starts: `ssm:GetParameters` for a Parameter
    /// Store parameter, `secretsmanager:GetSecretValue` for a Secrets Manager secret (each at most once).
    pub secret_actions: Vec<&'static str>,
    /// The capacity provider it was launched on (`FARGATE_SPOT`, an Auto Scaling group's provider), if any.
    pub capacity_provider: Option<String>,
}

/// The actions fetching a task definition's `secrets` (and log `secretOptions`) needs, in first-use order.
fn secret_actions(world: &World, region: &str, family: &str, revision: u32) -> Vec<&'static str> {
    let Some(td) = world.region(region).and_then(|r| r.ecs.task_definitions.resolve(&format!("{family}:{revision}"), true).ok()) else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    for c in td.request.container_definitions.iter().flatten() {
        let log = c.log_configuration.as_ref().and_then(|l| l.secret_options.as_ref());
        for s in c.secrets.iter().flatten().chain(log.into_iter().flatten()) {
            let action = if s.value_from.as_deref().unwrap_or_default().contains(":secretsmanager:") {
                "secretsmanager:GetSecretValue"
            } else {
                "ssm:GetParameters"
            };
            if !actions.contains(&action) {
                actions.push(action);
            }
        }
    }
    actions
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InstanceDetails {
    /// Ports the agent never gives to tasks (`ECS_RESERVED_PORTS`, `ECS_RESERVED_PORTS_UDP`).
    pub reserved_ports: usize,
    /// `ECS_DYNAMIC_HOST_PORT_RANGE`.
    pub dynamic_range: (u16, u16),
    /// The role in its EC2 instance's instance profile, by name.
    pub instance_role: Option<String>,
}

/// Everything [`layout`](super::layout::layout) looks up by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    /// Each Region's Availability Zones, in order.
    pub zones: BTreeMap<String, Vec<String>>,
    /// By task id.
    pub tasks: BTreeMap<String, TaskDetails>,
    /// By container instance id.
    pub instances: BTreeMap<String, InstanceDetails>,
}

impl Details {
    /// Reads the details from the model's view and, for what the view leaves out (ENI ids, reserved
    /// ports), its world.
    pub fn new(view: &View, world: &World) -> Details {
        let mut d = Details::default();
        let roles: BTreeMap<&str, &str> =
            view.instances.iter().filter_map(|i| Some((i.id.as_str(), i.instance_role.as_deref()?))).collect();
        for c in &view.clusters {
            d.zones.entry(c.region.clone()).or_insert_with(|| c.availability_zones.clone());
            let model = world.region(&c.region).and_then(|r| r.ecs.clusters.get(&c.name));
            for t in &c.tasks {
                let eni = match (&t.private_ip, &t.subnet_id) {
                    (Some(ip), Some(subnet)) => Some(Eni {
                        id: model
                            .and_then(|m| m.tasks.get(&t.id))
                            .and_then(|m| m.eni.as_ref())
                            .map(|e| e.id.clone())
                            .unwrap_or_default(),
                        private_ip: ip.clone(),
                        subnet_id: subnet.clone(),
                    }),
                    _ => None,
                };
                d.tasks.insert(
                    t.id.clone(),
                    TaskDetails {
                        launch_type: t.launch_type.clone(),
                        network_mode: t.network_mode.clone(),
                        group: t.group.clone(),
                        host_ports: t
                            .host_ports
                            .iter()
                            .map(|p| HostPort {
                                host_port: p.host_port,
                                container_port: p.container_port,
                                protocol: p.protocol.clone(),
                                dynamic: p.dynamic,
                            })
                            .collect(),
                        eni,
                        execution_role: t.execution_role_arn.clone(),
                        task_role: t.task_role_arn.clone(),
                        secret_actions: secret_actions(world, &c.region, &t.family, t.revision),
                        capacity_provider: t.capacity_provider_name.clone(),
                    },
                );
            }
            for ci in &c.container_instances {
                let reserved = model
                    .and_then(|m| m.container_instances.get(&ci.id))
                    .map_or(0, |m| m.config.reserved_ports.len() + m.config.reserved_ports_udp.len());
                let instance_role = roles.get(ci.ec2_instance_id.as_str()).map(|r| (*r).to_string());
                d.instances.insert(
                    ci.id.clone(),
                    InstanceDetails { reserved_ports: reserved, dynamic_range: ci.dynamic_port_range, instance_role },
                );
            }
        }
        d
    }

    pub fn task(&self, id: &str) -> Option<&TaskDetails> {
        self.tasks.get(id)
    }

    /// The Region's zones (empty when no cluster of that Region is known).
    pub fn zones_of(&self, region: &str) -> &[String] {
        self.zones.get(region).map_or(&[], Vec::as_slice)
    }
}
