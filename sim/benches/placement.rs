//! Placement at ECS's quota scale (issue 4): 5,000 container instances, 500 RunTask calls of 10 tasks each
//! with `binpack(memory)` and a `memberOf` constraint. Each call snapshots the cluster (one pass over its
//! tasks), places, and records the tasks, as RunTask does. Prints figures; asserts nothing about time.
//!
//! Run: `cargo bench -p ecs-sim --bench placement`.

use ecs_sim::placement::{self, Request, Strategy, strategy::Resource};
use ecs_sim::rng::SimRng;
use ecs_sim::world::ecs::{Cluster, ContainerInstance, LaunchType, Task, TaskStatus};
use ecs_sim::{SimTime, agent::EcsConfig};
use std::collections::BTreeMap;
use std::time::Instant;

pub const INSTANCES: usize = 5_000;
pub const CALLS: usize = 500;
pub const TASKS_PER_CALL: usize = 10;

fn cluster() -> Cluster {
    let mut c = Cluster::new("scale", "us-east-1", SimTime(0));
    let mut rng = SimRng::new(7);
    for i in 0..INSTANCES {
        let id = rng.hex(32);
        let mut attributes = BTreeMap::new();
        attributes.insert("ecs.instance-type".to_string(), Some("m5.large".to_string()));
        attributes.insert("stack".to_string(), Some(if i % 4 == 0 { "test" } else { "prod" }.to_string()));
        c.container_instances.insert(
            id.clone(),
            ContainerInstance {
                id,
                cluster: "scale".into(),
                region: "us-east-1".into(),
                ec2_instance_id: format!("i-{i:017x}"),
                instance_type: "m5.large".into(),
                availability_zone: ["us-east-1a", "us-east-1b", "us-east-1c"][i % 3].into(),
                status: "ACTIVE".into(),
                agent_connected: true,
                registered_cpu: 2048,
                registered_memory: 7985,
                registered_gpus: 0,
                config: EcsConfig::default(),
                attributes,
                registered_at: SimTime(0),
                version: 1,
                agent_hash: "abcdef12".into(),
                last_dynamic_port: None,
                max_enis: 3,
            },
        );
    }
    c
}

fn task(id: String, ci: String, az: String) -> Task {
    Task {
        id,
        cluster: "scale".into(),
        region: "us-east-1".into(),
        family: "batch".into(),
        revision: 1,
        launch_type: LaunchType::Ec2,
        container_instance_id: Some(ci),
        availability_zone: az,
        last_status: TaskStatus::Running,
        desired_status: TaskStatus::Running,
        reserved_cpu: 256,
        reserved_memory: 512,
        cpu: None,
        memory: None,
        containers: Vec::new(),
        group: "family:batch".into(),
        started_by: None,
        created_at: SimTime(0),
        pull_started_at: None,
        pull_stopped_at: None,
        started_at: None,
        connectivity_at: None,
        stopping_at: None,
        execution_stopped_at: None,
        stopped_at: None,
        stop_code: None,
        stopped_reason: None,
        version: 1,
        overrides: serde_json::Value::Null,
        tags: Vec::new(),
        bindings: Vec::new(),
        eni: None,
        gpus: 0,
        network_mode: "bridge".into(),
        platform_version: None,
    }
}

fn main() {
    let mut c = cluster();
    let needs = placement::TaskNeeds { cpu: 256, memory: 512, ..placement::TaskNeeds::default() };
    let strategies = [Strategy::Binpack(Resource::Memory)];
    let constraints = placement::constraint::parse(&[serde_json::json!({"type": "memberOf", "expression": "attribute:stack == prod"})], false)
        .expect("constraint parses");
    let mut rng = SimRng::new(1);
    let mut placed = 0;
    let start = Instant::now();
    let mut worst = std::time::Duration::ZERO;
    for _ in 0..CALLS {
        let t0 = Instant::now();
        let mut snaps = placement::snapshot_all(&c);
        let req = Request { needs: &needs, count: TASKS_PER_CALL, strategies: &strategies, constraints: &constraints, group: "family:batch" };
        let out = placement::place(&mut snaps, &req, &mut rng);
        for p in out.placed {
            let s = &snaps[p.instance];
            let id = rng.hex(32);
            c.tasks.insert(id.clone(), task(id, s.id.clone(), s.availability_zone.clone()));
            placed += 1;
        }
        worst = worst.max(t0.elapsed());
    }
    let total = start.elapsed();
    println!(
        "placement: {INSTANCES} instances, {CALLS} RunTask calls x {TASKS_PER_CALL} tasks (binpack memory + memberOf): \
         {placed} placed in {:.2} s total, {:.2} ms per call on average, {:.2} ms worst",
        total.as_secs_f64(),
        total.as_secs_f64() * 1000.0 / CALLS as f64,
        worst.as_secs_f64() * 1000.0
    );
}
