//! PutClusterCapacityProviders, and the same two arguments of CreateCluster (ecs-facts.md §3.5): which
//! capacity providers a cluster may use (FARGATE and FARGATE_SPOT are built in; other names must exist) and
//! its default capacity provider strategy. The call replaces both lists whole, as on ECS.

use super::capacity_strategy::{self, MAX_PROVIDERS_PER_CLUSTER};
use super::{active_cluster, render};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::world::ecs::{Cluster, Ecs, StrategyItem, TaskStatus};
use serde_json::{Value, json};

/// The providers and default strategy a request asks for, checked against the Region's providers.
pub fn parse_association(req: Req<'_>, ecs: &Ecs) -> Result<(Vec<String>, Vec<StrategyItem>), ServiceError> {
    let mut providers: Vec<String> = Vec::new();
    for name in req.strings("capacityProviders") {
        if !providers.iter().any(|p| p == name) {
            providers.push(name.to_string());
        }
    }
    if providers.len() > MAX_PROVIDERS_PER_CLUSTER {
        // Verbatim: aws-cloudformation/cloudformation-coverage-roadmap#1086.
        return Err(ServiceError::invalid_parameter("The maximum number of capacity providers per cluster has been exceeded."));
    }
    if providers.iter().any(|p| !capacity_strategy::provider_exists(ecs, p)) {
        // Verbatim (the DeleteCapacityProvider wording, quoted by terraform-provider-aws).
        return Err(ServiceError::invalid_parameter(
            "The specified capacity provider does not exist. Specify a valid name or ARN and try again.",
        ));
    }
    let default = capacity_strategy::parse(req.list("defaultCapacityProviderStrategy"), true)?;
    capacity_strategy::check_associated(&default, &providers)?;
    Ok((providers, default))
}

/// Whether a provider still runs tasks of the cluster or is named by one of its services' strategies.
fn in_use(c: &Cluster, provider: &str) -> bool {
    let tasks = c.tasks.values().any(|t| t.capacity_provider_name.as_deref() == Some(provider) && t.last_status != TaskStatus::Stopped);
    let services = c
        .services
        .values()
        .any(|s| s.status != "INACTIVE" && s.capacity_provider_strategy.iter().any(|i| i.capacity_provider == provider));
    tasks || services
}

pub fn put(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let name = active_cluster(&r.ecs, req.str("cluster"))?.name.clone();
    let (providers, default) = parse_association(req, &r.ecs)?;
    let Some(c) = r.ecs.clusters.get_mut(&name) else { return Err(ServiceError::cluster_not_found()) };
    if c.capacity_providers.iter().any(|old| !providers.contains(old) && in_use(c, old)) {
        // Verbatim: aws/containers-roadmap#631, pahud/cdk-fargate-patterns#71 (ResourceInUseException).
        return Err(ServiceError::new("ResourceInUseException", "The specified capacity provider is in use and cannot be removed."));
    }
    c.capacity_providers = providers;
    c.default_capacity_provider_strategy = default;
    Ok(json!({ "cluster": render::cluster(c, false) }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_providers_and_unassociated_defaults_are_refused_3_5() {
        let ecs = Ecs::default();
        let req = json!({"capacityProviders": ["FARGATE", "mine"], "defaultCapacityProviderStrategy": []});
        let e = parse_association(Req(&req), &ecs).unwrap_err();
        assert!(e.message.starts_with("The specified capacity provider does not exist."), "{e}");
        let req = json!({"capacityProviders": ["FARGATE"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]});
        let e = parse_association(Req(&req), &ecs).unwrap_err();
        assert!(e.message.contains("not associated with the cluster"), "{e}");
        let req = json!({"capacityProviders": ["FARGATE", "FARGATE_SPOT"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]});
        let (p, d) = parse_association(Req(&req), &ecs).unwrap();
        assert_eq!(p, vec!["FARGATE", "FARGATE_SPOT"]);
        assert_eq!(d[0].capacity_provider, "FARGATE_SPOT");
    }
}
