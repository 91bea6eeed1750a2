//! Amazon ECS operations.

pub mod capacity_strategy;
mod cluster_capacity;
mod capacity_providers;
mod clusters;
mod container_instances;
pub mod network_config;
mod new_task;
mod render;
mod service_render;
mod services;
pub mod run_task;
mod task_definitions;
mod tasks;

pub use services::set_desired_count;

use super::{Handler, ServiceError};
use crate::world::ecs::{Cluster, Ecs};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateCluster" => clusters::create,
        "ListClusters" => clusters::list,
        "DescribeClusters" => clusters::describe,
        "DeleteCluster" => clusters::delete,
        "PutClusterCapacityProviders" => cluster_capacity::put,
        "ListContainerInstances" => container_instances::list,
        "DescribeContainerInstances" => container_instances::describe,
        "UpdateContainerInstancesState" => container_instances::update_state,
        "DeregisterContainerInstance" => container_instances::deregister,
        "PutAttributes" => container_instances::put_attributes,
        "DeleteAttributes" => container_instances::delete_attributes,
        "ListAttributes" => container_instances::list_attributes,
        "RegisterTaskDefinition" => task_definitions::register,
        "DescribeTaskDefinition" => task_definitions::describe,
        "ListTaskDefinitions" => task_definitions::list,
        "ListTaskDefinitionFamilies" => task_definitions::list_families,
        "DeregisterTaskDefinition" => task_definitions::deregister,
        "RunTask" => run_task::run,
        "DescribeTasks" => tasks::describe,
        "ListTasks" => tasks::list,
        "StopTask" => tasks::stop,
        "CreateService" => services::create,
        "UpdateService" => services::update,
        "DeleteService" => services::delete,
        "DescribeServices" => services::describe,
        "ListServices" => services::list,
        "CreateCapacityProvider" => capacity_providers::create,
        "DescribeCapacityProviders" => capacity_providers::describe,
        "UpdateCapacityProvider" => capacity_providers::update,
        "DeleteCapacityProvider" => capacity_providers::delete,
        _ => return None,
    })
}

/// The ACTIVE cluster a `--cluster` value names (none: `default`), or ClusterNotFoundException.
fn active_cluster<'a>(ecs: &'a Ecs, key: Option<&str>) -> Result<&'a Cluster, ServiceError> {
    ecs.cluster(key).filter(|c| c.status == "ACTIVE").ok_or_else(ServiceError::cluster_not_found)
}
