//! What one task needs from an instance: CPU, memory and GPUs, host ports (static or dynamic, TCP or UDP),
//! an ENI in awsvpc mode, the attributes its definition requires, and the zones its subnets are in.

use crate::task_definition::{RegisterTaskDefinitionRequest, attributes, sizes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

/// One container port that needs a host port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortNeed {
    pub container: String,
    pub container_port: u16,
    /// A fixed host port; `None` asks for a dynamic one from the ephemeral range.
    pub host_port: Option<u16>,
    pub protocol: Protocol,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskNeeds {
    pub cpu: u32,
    pub memory: u32,
    pub gpus: u32,
    pub ports: Vec<PortNeed>,
    /// awsvpc on EC2: one ENI of the instance.
    pub eni: bool,
    pub required_attributes: Vec<String>,
    /// awsvpc: the Availability Zones of the task's subnets; the instance must be in one (`LOCATION`).
    pub subnet_zones: Option<Vec<String>>,
}

impl TaskNeeds {
    pub fn static_ports(&self, p: Protocol) -> impl Iterator<Item = u16> + '_ {
        self.ports.iter().filter(move |n| n.protocol == p).filter_map(|n| n.host_port)
    }
    pub fn dynamic_count(&self, p: Protocol) -> usize {
        self.ports.iter().filter(|n| n.protocol == p && n.host_port.is_none()).count()
    }
}

/// The needs of a task of this definition: in bridge mode a `hostPort` of 0 or none is dynamic; in host
/// mode the host port is the container port; awsvpc and none take no host ports (§1.4).
pub fn from_task_definition(td: &RegisterTaskDefinitionRequest) -> TaskNeeds {
    let (cpu, memory) = sizes::reservation(td);
    let mode = td.network_mode.as_deref().unwrap_or("bridge");
    let mut ports = Vec::new();
    let mut gpus = 0u32;
    for c in td.container_definitions.iter().flatten() {
        for r in c.resource_requirements.iter().flatten() {
            if r.r#type.as_deref() == Some("GPU") {
                gpus = gpus.saturating_add(r.value.as_deref().and_then(|v| v.parse().ok()).unwrap_or(0));
            }
        }
        if mode != "bridge" && mode != "host" {
            continue;
        }
        for m in c.port_mappings.iter().flatten() {
            let Some(cp) = m.container_port.and_then(|p| u16::try_from(p).ok()) else { continue };
            let protocol = if m.protocol.as_deref() == Some("udp") { Protocol::Udp } else { Protocol::Tcp };
            let host_port = match (mode, m.host_port) {
                ("host", h) => Some(h.and_then(|h| u16::try_from(h).ok()).filter(|h| *h > 0).unwrap_or(cp)),
                (_, Some(h)) if h > 0 => u16::try_from(h).ok(),
                _ => None,
            };
            ports.push(PortNeed { container: c.name.clone().unwrap_or_default(), container_port: cp, host_port, protocol });
        }
    }
    TaskNeeds {
        cpu,
        memory,
        gpus,
        ports,
        eni: mode == "awsvpc",
        required_attributes: attributes::requires_attributes(td),
        subnet_zones: None,
    }
}
