//! CreateCluster, ListClusters, DescribeClusters, DeleteCluster.

use super::render;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::services::{Call, ServiceError};
use crate::world::ecs::{Cluster, cluster_name};
use serde_json::{Value, json};

/// Cluster names: up to 255 letters, numbers, underscores and hyphens (CreateCluster.clusterName).
fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 255 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// CreateCluster is idempotent: an ACTIVE cluster of the same name is returned as it is.
pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("clusterName").unwrap_or("default").to_string();
    if !valid_name(&name) {
        // The API's documented constraint; the service's exact wording is not recorded in the reference.
        return Err(ServiceError::invalid_parameter(
            "Cluster name can only contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.",
        ));
    }
    let now = ctx.now;
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let exists = r.ecs.clusters.get(&name).is_some_and(|c| c.status == "ACTIVE");
    if !exists {
        let (providers, default) = super::cluster_capacity::parse_association(req, &r.ecs)?;
        let mut cluster = Cluster::new(&name, region, now);
        cluster.capacity_providers = providers;
        cluster.default_capacity_provider_strategy = default;
        for t in req.list("tags") {
            let (k, v) = (t.get("key").and_then(Value::as_str), t.get("value").and_then(Value::as_str));
            if let Some(k) = k {
                cluster.tags.push((k.to_string(), v.unwrap_or_default().to_string()));
            }
        }
        for s in req.list("settings") {
            if let (Some(k), Some(v)) = (s.get("name").and_then(Value::as_str), s.get("value").and_then(Value::as_str)) {
                cluster.settings.insert(k.to_string(), v.to_string());
            }
        }
        r.ecs.clusters.insert(name.clone(), cluster);
        ctx.emit(EventKind::ClusterCreated { region: region.into(), cluster: name.clone() });
    }
    let r = ctx.world.region_mut(region);
    let cluster = r.ecs.clusters.get(&name).ok_or_else(ServiceError::cluster_not_found)?;
    Ok(json!({ "cluster": render::cluster(cluster, true) }))
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    let arns: Vec<String> = r.ecs.clusters.values().filter(|c| c.status == "ACTIVE").map(Cluster::arn).collect();
    Ok(json!({ "clusterArns": arns }))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let mut keys = req.strings("clusters");
    if keys.is_empty() {
        keys.push("default");
    }
    let include_tags = req.strings("include").contains(&"TAGS");
    let r = ctx.world.region_mut(call.region);
    let mut clusters = Vec::new();
    let mut failures = Vec::new();
    for key in keys {
        match r.ecs.cluster(Some(key)) {
            Some(c) => clusters.push(render::cluster(c, include_tags)),
            None => failures.push(json!({
                "arn": format!("arn:aws:ecs:{}:{}:cluster/{}", call.region, crate::tuning::ACCOUNT_ID, cluster_name(Some(key))),
                "reason": "MISSING"
            })),
        }
    }
    Ok(json!({ "clusters": clusters, "failures": failures }))
}

/// A cluster with instances or tasks cannot be deleted (§3.3, BC-ECS exceptions).
pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let key = call.req().str("cluster");
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster = r.ecs.cluster_mut(key).filter(|c| c.status == "ACTIVE").ok_or_else(ServiceError::cluster_not_found)?;
    if cluster.active_instance_count() > 0 {
        return Err(ServiceError::new(
            "ClusterContainsContainerInstancesException",
            "The Cluster cannot be deleted while Container Instances are active or draining.",
        ));
    }
    if cluster.services.values().any(|s| s.status != "INACTIVE") {
        // BC-ECS exceptions (§3.3); the wording as ECS returns it.
        return Err(ServiceError::new(
            "ClusterContainsServicesException",
            "The Cluster cannot be deleted while Services are active.",
        ));
    }
    if cluster.tasks.values().any(|t| t.holds_resources()) {
        return Err(ServiceError::new("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active."));
    }
    cluster.status = "INACTIVE".into();
    let rendered = render::cluster(cluster, false);
    let name = cluster.name.clone();
    ctx.emit(EventKind::ClusterDeleted { region: region.into(), cluster: name });
    Ok(json!({ "cluster": rendered }))
}
