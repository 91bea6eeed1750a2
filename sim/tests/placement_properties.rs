//! Placement invariants over thousands of random clusters and tasks (issue 4, "Done when"; ecs-facts.md
//! §2): no instance over-committed; no host port used twice on an instance; no reserved port handed out;
//! every constraint honoured; binpack never uses an instance when a fuller one fits; spread keeps the
//! counts within one.

use ecs_sim::placement::{self, Constraint, InstanceSnapshot, PortNeed, Protocol, Request, Strategy as Placement, TaskNeeds};
use ecs_sim::placement::strategy::{Resource, SpreadField};
use ecs_sim::rng::SimRng;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const RESERVED: [u16; 5] = [22, 2375, 2376, 51678, 51679];
const ZONES: [&str; 3] = ["us-east-1a", "us-east-1b", "us-east-1c"];

fn instance(i: usize, cpu: u32, mem: u32, zone: usize, kind: usize, range: (u16, u16)) -> InstanceSnapshot {
    let mut attributes = BTreeMap::new();
    attributes.insert("ecs.instance-type".to_string(), Some(["t3.small", "m5.large", "c5.large"][kind % 3].to_string()));
    attributes.insert("stack".to_string(), Some(["prod", "test"][i % 2].to_string()));
    InstanceSnapshot {
        id: format!("ci{i:02}"),
        arn: format!("arn:ci{i:02}"),
        ec2_instance_id: format!("i-{i:017}"),
        availability_zone: ZONES[zone % 3].to_string(),
        instance_type: ["t3.small", "m5.large", "c5.large"][kind % 3].to_string(),
        status: "ACTIVE".into(),
        agent_connected: true,
        agent_version: "1.101.0".into(),
        registered_at_secs: 0,
        remaining_cpu: cpu,
        remaining_memory: mem,
        free_gpus: 0,
        free_enis: 2,
        used_tcp: RESERVED.iter().copied().collect(),
        used_udp: BTreeSet::new(),
        static_ports: RESERVED.len(),
        dynamic_range: range,
        last_dynamic_port: None,
        attributes,
        running_tasks_count: 0,
        task_groups: BTreeMap::new(),
    }
}

fn cluster() -> impl Strategy<Value = Vec<InstanceSnapshot>> {
    prop::collection::vec((256u32..4096, 256u32..8192, 0usize..3, 0usize..3, 0u16..40), 1..8).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (cpu, mem, zone, kind, span))| instance(i, cpu, mem, zone, kind, (40000, 40000 + span)))
            .collect()
    })
}

fn task() -> impl Strategy<Value = TaskNeeds> {
    (0u32..1024, 16u32..2048, prop::option::of(prop::sample::select(vec![80u16, 8080, 22, 443])), 0usize..3).prop_map(
        |(cpu, memory, fixed, dynamic)| {
            let mut ports = Vec::new();
            if let Some(p) = fixed {
                ports.push(PortNeed { container: "app".into(), container_port: p, host_port: Some(p), protocol: Protocol::Tcp });
            }
            for _ in 0..dynamic {
                ports.push(PortNeed { container: "app".into(), container_port: 80, host_port: None, protocol: Protocol::Tcp });
            }
            TaskNeeds { cpu, memory, ports, ..TaskNeeds::default() }
        },
    )
}

fn strategies() -> impl Strategy<Value = Vec<Placement>> {
    prop::collection::vec(
        prop::sample::select(vec![
            Placement::Binpack(Resource::Cpu),
            Placement::Binpack(Resource::Memory),
            Placement::Spread(SpreadField::InstanceId),
            Placement::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            Placement::Random,
        ]),
        0..3,
    )
}

fn constraints(kind: u8) -> Vec<Constraint> {
    match kind {
        1 => vec![Constraint::DistinctInstance],
        2 => vec![Constraint::MemberOf(ecs_sim::query_language::parse("attribute:stack == prod").unwrap())],
        3 => vec![Constraint::MemberOf(ecs_sim::query_language::parse("attribute:ecs.instance-type =~ t3.*").unwrap())],
        _ => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn placements_never_overcommit_reuse_ports_or_break_constraints(
        start in cluster(), need in task(), strats in strategies(), ck in 0u8..4, count in 1usize..11, seed in any::<u64>()
    ) {
        let mut insts = start.clone();
        let cons = constraints(ck);
        let req = Request { needs: &need, count, strategies: &strats, constraints: &cons, group: "family:web" };
        let out = placement::place(&mut insts, &req, &mut SimRng::new(seed));
        let mut per_instance: BTreeMap<usize, usize> = BTreeMap::new();
        let mut ports: BTreeMap<usize, BTreeSet<u16>> = BTreeMap::new();
        for p in &out.placed {
            *per_instance.entry(p.instance).or_default() += 1;
            let before = &start[p.instance];
            for (n, host) in &p.bindings {
                prop_assert!(!RESERVED.contains(host), "reserved port {host} handed out");
                prop_assert!(!before.used_tcp.contains(host), "port {host} was already in use");
                prop_assert!(ports.entry(p.instance).or_default().insert(*host), "port {host} used twice on one instance");
                if n.host_port.is_none() {
                    prop_assert!((before.dynamic_range.0..=before.dynamic_range.1).contains(host), "dynamic port outside the range");
                }
            }
            for c in &cons {
                prop_assert!(c.allows(before, "other-group") || matches!(c, Constraint::DistinctInstance), "constraint {} broken", c.describe());
            }
        }
        for (&i, &n) in &per_instance {
            let n = n as u32;
            prop_assert!(need.cpu * n <= start[i].remaining_cpu, "CPU over-committed on {}", start[i].id);
            prop_assert!(need.memory * n <= start[i].remaining_memory, "memory over-committed on {}", start[i].id);
            if ck == 1 {
                prop_assert_eq!(n, 1, "distinctInstance put two tasks of the group on one instance");
            }
        }
        prop_assert!(out.placed.len() == count || !out.failures.is_empty() || out.record.failed, "a task went missing silently");
        // The explanation rebuilt from the record marks the instance each task really went to.
        for (k, p) in out.placed.iter().enumerate() {
            let e = placement::explain(&out.record, k);
            prop_assert_eq!(e.chosen.as_deref(), Some(start[p.instance].id.as_str()));
            prop_assert_eq!(e.instances.iter().filter(|v| v.chosen).count(), 1);
        }
        if out.record.failed {
            let e = placement::explain(&out.record, out.placed.len());
            prop_assert!(e.chosen.is_none() && e.instances.iter().all(|v| v.rejected.is_some()));
        }
    }

    #[test]
    fn binpack_never_uses_an_instance_when_a_fuller_one_fits(start in cluster(), need in task(), seed in any::<u64>()) {
        let mut insts = start;
        let strats = [Placement::Binpack(Resource::Memory)];
        let mut rng = SimRng::new(seed);
        for _ in 0..5 {
            let fitting: Vec<usize> = (0..insts.len()).filter(|&i| placement::resources::check(&insts[i], &need).1.is_none()).collect();
            let before: Vec<u32> = insts.iter().map(|i| i.remaining_memory).collect();
            let req = Request { needs: &need, count: 1, strategies: &strats, constraints: &[], group: "g" };
            let out = placement::place(&mut insts, &req, &mut rng);
            match out.placed.first() {
                Some(p) => {
                    let chosen = before[p.instance];
                    prop_assert!(fitting.iter().all(|&i| before[i] >= chosen), "a fuller instance fitted");
                }
                None => prop_assert!(fitting.is_empty()),
            }
        }
    }

    #[test]
    fn spread_keeps_the_counts_within_one(zones in prop::collection::vec(0usize..3, 2..9), count in 1usize..11, by_zone in any::<bool>(), seed in any::<u64>()) {
        let mut insts: Vec<InstanceSnapshot> =
            zones.iter().enumerate().map(|(i, z)| instance(i, 100_000, 100_000, *z, 0, (40000, 60000))).collect();
        let field = if by_zone { SpreadField::Attribute("ecs.availability-zone".into()) } else { SpreadField::InstanceId };
        let strats = [Placement::Spread(field)];
        let need = TaskNeeds { cpu: 10, memory: 10, ..TaskNeeds::default() };
        let req = Request { needs: &need, count, strategies: &strats, constraints: &[], group: "service:web" };
        let out = placement::place(&mut insts, &req, &mut SimRng::new(seed));
        prop_assert_eq!(out.placed.len(), count);
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        if by_zone {
            for z in zones.iter().collect::<BTreeSet<_>>() {
                counts.insert(ZONES[*z].to_string(), 0);
            }
        } else {
            for i in &insts {
                counts.insert(i.id.clone(), 0);
            }
        }
        for p in &out.placed {
            let key = if by_zone { insts[p.instance].availability_zone.clone() } else { insts[p.instance].id.clone() };
            *counts.entry(key).or_default() += 1;
        }
        let (min, max) = (counts.values().min().copied().unwrap_or(0), counts.values().max().copied().unwrap_or(0));
        prop_assert!(max - min <= 1, "counts {counts:?}");
    }
}
