//! The first filter of placement (ecs-facts.md §2.1 step 1): does an instance have what the task needs?
//! Each failed requirement is spelled as RunTask's `failures[].reason` (§2.4).

use super::needs::{Protocol, TaskNeeds};
use super::snapshot::InstanceSnapshot;

/// At most this many reserved (static) host ports per instance, the agent's defaults included (§2.4).
pub const MAX_RESERVED_PORTS: usize = 100;

/// Why an instance cannot take the task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    Agent,
    Cpu,
    Memory,
    Ports,
    PortsUdp,
    Eni,
    Gpu,
    Attribute,
    Location,
    MemberOf,
    DistinctInstance,
}

impl Rejection {
    /// The reason as RunTask's `failures` and the service events spell it.
    pub fn reason(self) -> &'static str {
        match self {
            Rejection::Agent => "AGENT",
            Rejection::Cpu => "RESOURCE:CPU",
            Rejection::Memory => "RESOURCE:MEMORY",
            Rejection::Ports => "RESOURCE:PORTS",
            Rejection::PortsUdp => "RESOURCE:PORTS_UDP",
            Rejection::Eni => "RESOURCE:ENI",
            Rejection::Gpu => "RESOURCE:GPU",
            Rejection::Attribute => "ATTRIBUTE",
            Rejection::Location => "LOCATION",
            // Wording seen in real responses (aws/amazon-ecs-agent#3044, aws/containers-roadmap#1201).
            Rejection::MemberOf => "MemberOf placement constraint unsatisfied.",
            Rejection::DistinctInstance => "DistinctInstance placement constraint unsatisfied.",
        }
    }
}

/// One requirement checked against one instance, for the "why this instance?" explanation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    pub name: String,
    pub passed: bool,
    pub detail: String,
}

fn free_dynamic(inst: &InstanceSnapshot, p: Protocol) -> usize {
    let (lo, hi) = inst.dynamic_range;
    let used = if p == Protocol::Tcp { &inst.used_tcp } else { &inst.used_udp };
    (usize::from(hi) - usize::from(lo) + 1).saturating_sub(used.range(lo..=hi).count())
}

/// The first requirement the instance fails, in ECS's order, without building any text: the fast path
/// placement takes for every instance. [`check`] gives the same verdict with details for explanations.
pub fn first_rejection(inst: &InstanceSnapshot, needs: &TaskNeeds) -> Option<Rejection> {
    if !inst.agent_connected {
        return Some(Rejection::Agent);
    }
    if inst.remaining_cpu < needs.cpu {
        return Some(Rejection::Cpu);
    }
    if inst.remaining_memory < needs.memory {
        return Some(Rejection::Memory);
    }
    for (proto, why) in [(Protocol::Tcp, Rejection::Ports), (Protocol::Udp, Rejection::PortsUdp)] {
        let dynamic = needs.dynamic_count(proto);
        let used = if proto == Protocol::Tcp { &inst.used_tcp } else { &inst.used_udp };
        let mut statics = 0;
        for p in needs.static_ports(proto) {
            statics += 1;
            if used.contains(&p) {
                return Some(why);
            }
        }
        if statics > 0 && inst.static_ports + statics > MAX_RESERVED_PORTS {
            return Some(why);
        }
        if dynamic > 0 && free_dynamic(inst, proto) < dynamic {
            return Some(why);
        }
    }
    if needs.eni && inst.free_enis == 0 {
        return Some(Rejection::Eni);
    }
    if needs.gpus > 0 && inst.free_gpus < needs.gpus {
        return Some(Rejection::Gpu);
    }
    if needs.required_attributes.iter().any(|a| !inst.attributes.contains_key(a)) {
        return Some(Rejection::Attribute);
    }
    if needs.subnet_zones.as_ref().is_some_and(|z| !z.contains(&inst.availability_zone)) {
        return Some(Rejection::Location);
    }
    None
}

/// Checks every resource requirement in ECS's order; returns the checks made and the first rejection.
pub fn check(inst: &InstanceSnapshot, needs: &TaskNeeds) -> (Vec<Check>, Option<Rejection>) {
    let mut checks = Vec::new();
    let mut first = None;
    let mut record = |name: &str, passed: bool, detail: String, why: Rejection| {
        checks.push(Check { name: name.to_string(), passed, detail });
        if !passed && first.is_none() {
            first = Some(why);
        }
    };
    record("agent", inst.agent_connected, if inst.agent_connected { "connected".into() } else { "disconnected".into() }, Rejection::Agent);
    record("cpu", inst.remaining_cpu >= needs.cpu, format!("needs {} CPU units, {} free", needs.cpu, inst.remaining_cpu), Rejection::Cpu);
    record(
        "memory",
        inst.remaining_memory >= needs.memory,
        format!("needs {} MiB, {} MiB free", needs.memory, inst.remaining_memory),
        Rejection::Memory,
    );
    for (proto, why, name) in [(Protocol::Tcp, Rejection::Ports, "ports"), (Protocol::Udp, Rejection::PortsUdp, "ports_udp")] {
        let used = if proto == Protocol::Tcp { &inst.used_tcp } else { &inst.used_udp };
        let statics: Vec<u16> = needs.static_ports(proto).collect();
        let dynamic = needs.dynamic_count(proto);
        if statics.is_empty() && dynamic == 0 {
            continue;
        }
        let taken: Vec<u16> = statics.iter().copied().filter(|p| used.contains(p)).collect();
        let over_limit = inst.static_ports + statics.len() > MAX_RESERVED_PORTS;
        let free = free_dynamic(inst, proto);
        let ok = taken.is_empty() && !over_limit && free >= dynamic;
        let detail = if !taken.is_empty() {
            format!("host port {} already in use", taken.iter().map(u16::to_string).collect::<Vec<_>>().join(", "))
        } else if over_limit {
            format!("would exceed {MAX_RESERVED_PORTS} reserved host ports")
        } else if dynamic > 0 {
            format!("{dynamic} dynamic port(s) from {}-{}, {free} free", inst.dynamic_range.0, inst.dynamic_range.1)
        } else {
            format!("host port {} free", statics.iter().map(u16::to_string).collect::<Vec<_>>().join(", "))
        };
        record(name, ok, detail, why);
    }
    if needs.eni {
        record("eni", inst.free_enis > 0, format!("{} ENI(s) free", inst.free_enis), Rejection::Eni);
    }
    if needs.gpus > 0 {
        record("gpu", inst.free_gpus >= needs.gpus, format!("needs {} GPU(s), {} free", needs.gpus, inst.free_gpus), Rejection::Gpu);
    }
    let missing: Vec<&String> = needs.required_attributes.iter().filter(|a| !inst.attributes.contains_key(*a)).collect();
    if !needs.required_attributes.is_empty() {
        let detail = if missing.is_empty() {
            format!("has the {} required attribute(s)", needs.required_attributes.len())
        } else {
            format!("missing required attribute {}", missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
        };
        record("attributes", missing.is_empty(), detail, Rejection::Attribute);
    }
    if let Some(zones) = &needs.subnet_zones {
        let ok = zones.contains(&inst.availability_zone);
        record("location", ok, format!("instance in {}, subnets in {}", inst.availability_zone, zones.join(", ")), Rejection::Location);
    }
    (checks, first)
}
