//! ECS's state in one Region: clusters (with their container instances and tasks) and the task definitions.

pub mod capacity_provider;
pub mod cluster;
pub mod container_instance;
pub mod placement_log;
pub mod registry;
pub mod service;
pub mod task;

pub use capacity_provider::{CapacityProvider, ManagedScaling, StrategyItem};
pub use cluster::{Cluster, InstanceUsage};
pub use container_instance::ContainerInstance;
pub use registry::{Registered, TaskDefinitionRegistry};
pub use service::{Deployment, DeploymentConfig, SchedulingStrategy, Service, ServiceLoadBalancer, ServiceTarget};
pub use task::{LaunchType, NetworkBinding, Task, TaskEni, TaskStatus};

use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct Ecs {
    /// Clusters by name; name order is the order `list-clusters` returns them in.
    pub clusters: BTreeMap<String, Cluster>,
    pub task_definitions: TaskDefinitionRegistry,
    /// Auto Scaling group capacity providers by name (FARGATE and FARGATE_SPOT are built in, not stored).
    pub capacity_providers: BTreeMap<String, CapacityProvider>,
}

impl Ecs {
    /// Finds a cluster by name or ARN, as every `--cluster` option accepts either; none means `default`.
    pub fn cluster(&self, name_or_arn: Option<&str>) -> Option<&Cluster> {
        self.clusters.get(cluster_name(name_or_arn))
    }
    pub fn cluster_mut(&mut self, name_or_arn: Option<&str>) -> Option<&mut Cluster> {
        self.clusters.get_mut(cluster_name(name_or_arn))
    }
}

/// The cluster name in a `--cluster` value: a name, or an ARN `arn:aws:ecs:…:cluster/NAME`.
pub fn cluster_name(name_or_arn: Option<&str>) -> &str {
    let v = name_or_arn.unwrap_or("default");
    v.rsplit_once(":cluster/").map_or(v, |(_, n)| n)
}

/// The last path segment of an ARN or the value itself (`…:task/demo/abc` → `abc`).
pub fn short_id(id_or_arn: &str) -> &str {
    if id_or_arn.starts_with("arn:") {
        id_or_arn.rsplit('/').next().unwrap_or(id_or_arn)
    } else {
        id_or_arn
    }
}
