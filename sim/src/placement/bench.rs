//! The placement benchmark's workload at ECS's quota scale (issue 4), shared by the native benchmark
//! (`sim/benches/placement.rs`, `cargo bench -p ecs-sim --bench placement`) and the page's `#/bench` route,
//! so both time exactly the same work: [`INSTANCES`] container instances, [`CALLS`] RunTask calls of
//! [`TASKS_PER_CALL`] tasks each with `binpack(memory)` and a `memberOf` constraint. Each call snapshots the
//! cluster (one pass over its tasks), places, and records the tasks, as RunTask does. Nothing here reads a
//! clock: the callers time [`Workload::call`] with their own (`Instant` natively, `performance.now()` in the
//! browser).
//!
//! ```
//! use ecs_sim::placement::bench::Workload;
//! let mut w = Workload::with_instances(30);
//! assert_eq!(w.call(), 10);
//! ```

use super::{Request, Strategy, TaskNeeds, constraint, strategy::Resource};
use crate::agent::EcsConfig;
use crate::clock::SimTime;
use crate::rng::SimRng;
use crate::world::ecs::{Cluster, ContainerInstance, LaunchType, Task, TaskStatus};
use std::collections::BTreeMap;

pub const INSTANCES: usize = 5_000;
pub const CALLS: usize = 500;
pub const TASKS_PER_CALL: usize = 10;

/// A cluster of `instances` `m5.large` container instances over three zones; every fourth carries the
/// custom attribute `stack=test`, the others `stack=prod`.
pub fn scale_cluster(instances: usize) -> Cluster {
    let mut c = Cluster::new("scale", "us-east-1", SimTime(0));
    let mut rng = SimRng::new(7);
    for i in 0..instances {
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

/// A RUNNING `batch` task (256 CPU units, 512 MiB) on a container instance.
pub fn scale_task(id: String, container_instance_id: String, availability_zone: String) -> Task {
    Task {
        id,
        cluster: "scale".into(),
        region: "us-east-1".into(),
        family: "batch".into(),
        revision: 1,
        launch_type: LaunchType::Ec2,
        container_instance_id: Some(container_instance_id),
        availability_zone,
        last_status: TaskStatus::Running,
        desired_status: TaskStatus::Running,
        reserved_cpu: 256,
        reserved_memory: 512,
        cpu: None,
        memory: None,
        containers: Vec::new(),
        group: "family:batch".into(),
        capacity_provider_name: None,
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
        enable_execute_command: false,
        task_role_arn: None,
        execution_role_arn: None,
        health_fault_since: None,
    }
}

/// The cluster and the RunTask request the benchmark repeats.
pub struct Workload {
    pub cluster: Cluster,
    needs: TaskNeeds,
    strategies: Vec<Strategy>,
    constraints: Vec<constraint::Constraint>,
    rng: SimRng,
    /// Tasks placed so far.
    pub placed: usize,
}

impl Default for Workload {
    fn default() -> Self {
        Workload::with_instances(INSTANCES)
    }
}

impl Workload {
    /// The benchmark's workload on a cluster of `instances` (the benchmark uses [`INSTANCES`]).
    pub fn with_instances(instances: usize) -> Workload {
        let constraints = constraint::parse(&[serde_json::json!({"type": "memberOf", "expression": "attribute:stack == prod"})], false)
            .expect("the benchmark's constraint parses");
        Workload {
            cluster: scale_cluster(instances),
            needs: TaskNeeds { cpu: 256, memory: 512, ..TaskNeeds::default() },
            strategies: vec![Strategy::Binpack(Resource::Memory)],
            constraints,
            rng: SimRng::new(1),
            placed: 0,
        }
    }

    /// One RunTask call of [`TASKS_PER_CALL`] tasks: snapshot, place, record. Returns the tasks placed.
    pub fn call(&mut self) -> usize {
        let mut snaps = super::snapshot_all(&self.cluster);
        let req = Request {
            needs: &self.needs,
            count: TASKS_PER_CALL,
            strategies: &self.strategies,
            constraints: &self.constraints,
            group: "family:batch",
        };
        let out = super::place(&mut snaps, &req, &mut self.rng);
        let n = out.placed.len();
        for p in out.placed {
            let s = &snaps[p.instance];
            let id = self.rng.hex(32);
            self.cluster.tasks.insert(id.clone(), scale_task(id, s.id.clone(), s.availability_zone.clone()));
        }
        self.placed += n;
        n
    }
}
