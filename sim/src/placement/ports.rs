//! Host ports: fixed ones as the task definition gives them, dynamic ones taken by the agent from the
//! instance's ephemeral range (`ECS_DYNAMIC_HOST_PORT_RANGE`, default 32768–60999 on the ECS-optimized AMI;
//! §2.4, §7), never a reserved port or one in use. The agent walks the range from the port after the last
//! one it handed out, wrapping around, so a port just released is not reused at once.

use super::needs::{PortNeed, Protocol, TaskNeeds};
use super::snapshot::InstanceSnapshot;

/// Host ports for each of the task's port needs, marking them used on the instance. `None` when a dynamic
/// port cannot be found (placement checked that enough are free, so this does not happen in practice).
pub fn assign(inst: &mut InstanceSnapshot, needs: &TaskNeeds) -> Option<Vec<(PortNeed, u16)>> {
    let mut out = Vec::new();
    for need in &needs.ports {
        let host = match need.host_port {
            Some(p) => {
                inst.static_ports += 1;
                p
            }
            None => next_free(inst, need.protocol)?,
        };
        let used = if need.protocol == Protocol::Tcp { &mut inst.used_tcp } else { &mut inst.used_udp };
        used.insert(host);
        if need.host_port.is_none() {
            inst.last_dynamic_port = Some(host);
        }
        out.push((need.clone(), host));
    }
    Some(out)
}

fn next_free(inst: &InstanceSnapshot, p: Protocol) -> Option<u16> {
    let (lo, hi) = inst.dynamic_range;
    let used = if p == Protocol::Tcp { &inst.used_tcp } else { &inst.used_udp };
    let start = inst.last_dynamic_port.filter(|l| (lo..hi).contains(l)).map_or(lo, |l| l + 1);
    (start..=hi).chain(lo..start).find(|port| !used.contains(port))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn inst() -> InstanceSnapshot {
        InstanceSnapshot {
            id: "i".into(),
            arn: "a".into(),
            ec2_instance_id: "i-1".into(),
            availability_zone: "us-east-1a".into(),
            instance_type: "t3.small".into(),
            status: "ACTIVE".into(),
            agent_connected: true,
            agent_version: "1.0.0".into(),
            registered_at_secs: 0,
            remaining_cpu: 2048,
            remaining_memory: 2000,
            free_gpus: 0,
            free_enis: 2,
            used_tcp: [22, 32768].into_iter().collect::<BTreeSet<_>>(),
            used_udp: BTreeSet::new(),
            static_ports: 1,
            dynamic_range: (32768, 32771),
            last_dynamic_port: None,
            attributes: BTreeMap::new(),
            running_tasks_count: 0,
            task_groups: BTreeMap::new(),
        }
    }

    fn dynamic(n: usize) -> TaskNeeds {
        TaskNeeds {
            ports: (0..n).map(|_| PortNeed { container: "c".into(), container_port: 80, host_port: None, protocol: Protocol::Tcp }).collect(),
            ..TaskNeeds::default()
        }
    }

    #[test]
    fn dynamic_ports_skip_used_ones_and_walk_on_from_the_last_fact_2_4() {
        let mut i = inst();
        let first = assign(&mut i, &dynamic(1)).unwrap();
        assert_eq!(first[0].1, 32769, "32768 is in use");
        let second = assign(&mut i, &dynamic(2)).unwrap();
        assert_eq!(second.iter().map(|p| p.1).collect::<Vec<_>>(), vec![32770, 32771]);
        assert_eq!(assign(&mut i, &dynamic(1)), None, "the range is exhausted");
    }

    #[test]
    fn the_walk_wraps_around_to_released_ports() {
        let mut i = inst();
        i.last_dynamic_port = Some(32771);
        i.used_tcp.remove(&32768);
        assert_eq!(assign(&mut i, &dynamic(1)).unwrap()[0].1, 32768);
    }
}
