//! Capacity provider strategies (ecs-facts.md §3.5, §3.1 "Launch type vs capacity provider strategy"):
//! parsing and checking `capacityProviderStrategy` items, choosing between a launch type, the call's strategy
//! and the cluster's default strategy, and splitting tasks over the providers: `base` first, then `weight`.

use crate::services::{Req, ServiceError};
use crate::world::ecs::capacity_provider::is_fargate_provider;
use crate::world::ecs::{Cluster, Ecs, LaunchType, StrategyItem};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// At most 20 items in a strategy, and 20 providers per cluster (§3.5).
pub const MAX_ITEMS: usize = 20;
pub const MAX_PROVIDERS_PER_CLUSTER: usize = 20;
/// `base` 0–100000 and `weight` 0–1000 (§3.5, BC-ECS CapacityProviderStrategyItem).
pub const MAX_BASE: i64 = 100_000;
pub const MAX_WEIGHT: i64 = 1_000;

/// How tasks of a call or a service get their capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Capacity {
    /// `launchType` (given, or EC2 when neither it nor any strategy applies).
    LaunchType(LaunchType),
    /// A capacity provider strategy (given, or the cluster's default).
    Strategy(Vec<StrategyItem>),
}

/// Items as given (`capacityProvider`, `weight`, `base`), checked one by one and as a whole (§3.5). `default`
/// says whether they are a cluster's default strategy, for the wording of the all-weights-zero error.
pub fn parse(list: &[Value], default: bool) -> Result<Vec<StrategyItem>, ServiceError> {
    if list.len() > MAX_ITEMS {
        // §3.5: at most 20 items. Not verbatim.
        return Err(ServiceError::invalid_parameter(format!(
            "A capacity provider strategy can have at most {MAX_ITEMS} capacity providers; {} were given.",
            list.len()
        )));
    }
    let mut items: Vec<StrategyItem> = Vec::new();
    for v in list {
        let r = Req(v);
        let name = r.str("capacityProvider").unwrap_or_default();
        if name.is_empty() {
            // The member is required (BC-ECS). Not verbatim.
            return Err(ServiceError::invalid_parameter("Each capacity provider strategy item needs a capacityProvider."));
        }
        let base = r.int("base").unwrap_or(0);
        let weight = r.int("weight").unwrap_or(0);
        if !(0..=MAX_BASE).contains(&base) {
            // §3.5: base 0–100000. Not verbatim.
            return Err(ServiceError::invalid_parameter(format!(
                "The base value for capacity provider {name} must be between 0 and {MAX_BASE}."
            )));
        }
        if !(0..=MAX_WEIGHT).contains(&weight) {
            // §3.5: weight 0–1000. Not verbatim.
            return Err(ServiceError::invalid_parameter(format!(
                "The weight value for capacity provider {name} must be between 0 and {MAX_WEIGHT}."
            )));
        }
        if items.iter().any(|i| i.capacity_provider == name) {
            // Not verbatim.
            return Err(ServiceError::invalid_parameter(format!(
                "The capacity provider {name} appears more than once in the capacity provider strategy."
            )));
        }
        items.push(StrategyItem { capacity_provider: name.to_string(), weight: weight as u32, base: base as u32 });
    }
    if items.iter().filter(|i| i.base > 0).count() > 1 {
        // §3.5: only one item may have a base. Not verbatim.
        return Err(ServiceError::invalid_parameter(
            "Only one capacity provider in a capacity provider strategy can have a base value greater than zero.",
        ));
    }
    if !items.is_empty() && items.iter().all(|i| i.weight == 0) {
        return Err(no_weight(default));
    }
    let fargate = items.iter().filter(|i| is_fargate_provider(&i.capacity_provider)).count();
    if fargate > 0 && fargate < items.len() {
        // The service's wording, as the AWS CDK repeats it for its own check of the same rule.
        return Err(ServiceError::invalid_parameter(
            "A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.",
        ));
    }
    Ok(items)
}

/// Every weight 0 (§3.5). Verbatim for the default strategy (terraform-aws-modules/terraform-aws-ecs#27);
/// the same sentence adapted for a strategy given in the call.
fn no_weight(default: bool) -> ServiceError {
    if default {
        ServiceError::invalid_parameter(
            "There are no capacity providers with a weight value greater than zero defined in the default capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified. Update the cluster's default capacity provider strategy or specify a valid capacity provider strategy and try again.",
        )
    } else {
        ServiceError::invalid_parameter(
            "There are no capacity providers with a weight value greater than zero defined in the capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified. Specify a valid capacity provider strategy and try again.",
        )
    }
}

/// A strategy may only name providers associated with the cluster (`associated`). Wording from a real
/// deployment's error, quoted in public code.
pub fn check_associated(items: &[StrategyItem], associated: &[String]) -> Result<(), ServiceError> {
    if items.iter().all(|i| associated.contains(&i.capacity_provider)) {
        return Ok(());
    }
    Err(ServiceError::invalid_parameter(
        "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.",
    ))
}

/// Whether a name may be associated with a cluster: FARGATE, FARGATE_SPOT, or an ACTIVE provider of the Region.
pub fn provider_exists(ecs: &Ecs, name: &str) -> bool {
    is_fargate_provider(name) || ecs.capacity_providers.get(name).is_some_and(|p| p.status == "ACTIVE")
}

/// What RunTask or CreateService launches on (§3.1): `launchType` and `capacityProviderStrategy` are mutually
/// exclusive; with neither, the cluster's default strategy; with no default either, the EC2 launch type.
pub fn resolve(req: Req<'_>, cluster: &Cluster) -> Result<Capacity, ServiceError> {
    let given = req.list("capacityProviderStrategy");
    let launch_type = req.str("launchType");
    if !given.is_empty() && launch_type.is_some() {
        // §3.1 (moto's wording of ECS's rule).
        return Err(ServiceError::invalid_parameter("Specify either Launch Type or Capacity Provider Strategy, but not both."));
    }
    if let Some(lt) = launch_type {
        return match lt {
            "EC2" => Ok(Capacity::LaunchType(LaunchType::Ec2)),
            "FARGATE" => Ok(Capacity::LaunchType(LaunchType::Fargate)),
            other => Err(super::run_task::not_modelled(&format!("the {other} launch type"))),
        };
    }
    if !given.is_empty() {
        let items = parse(given, false)?;
        check_associated(&items, &cluster.capacity_providers)?;
        return Ok(Capacity::Strategy(items));
    }
    if cluster.default_capacity_provider_strategy.is_empty() {
        return Ok(Capacity::LaunchType(LaunchType::Ec2));
    }
    let items = cluster.default_capacity_provider_strategy.clone();
    if items.iter().all(|i| i.weight == 0) {
        return Err(no_weight(true));
    }
    Ok(Capacity::Strategy(items))
}

/// The launch type tasks on a strategy's providers get: FARGATE for FARGATE and FARGATE_SPOT, EC2 for Auto
/// Scaling group providers (a strategy never mixes the two).
pub fn launch_type_of(items: &[StrategyItem]) -> LaunchType {
    if items.iter().any(|i| is_fargate_provider(&i.capacity_provider)) { LaunchType::Fargate } else { LaunchType::Ec2 }
}

/// The provider of each of `count` new tasks, given how many tasks each provider already has (`existing`,
/// for a service's replacements). §3.5: the provider with a base gets tasks until it holds `base`; the rest
/// go by weight, each new task to the provider furthest below its share of the tasks beyond the base
/// (ties: the larger weight, then the strategy's order). Weight-0 providers get none beyond their base.
pub fn allocate(items: &[StrategyItem], existing: &BTreeMap<String, u32>, count: usize) -> Vec<String> {
    let mut held: Vec<u32> = items.iter().map(|i| existing.get(&i.capacity_provider).copied().unwrap_or(0)).collect();
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let pick = match items.iter().position(|i| i.base > 0) {
            Some(b) if held[b] < items[b].base => Some(b),
            _ => {
                let beyond = |k: usize| u64::from(held[k].saturating_sub(items[k].base));
                let mut best: Option<usize> = None;
                for (k, item) in items.iter().enumerate().filter(|(_, i)| i.weight > 0) {
                    best = Some(match best {
                        None => k,
                        Some(b) => {
                            // (beyond_k + 1) / weight_k against (beyond_b + 1) / weight_b, without division.
                            let lhs = (beyond(k) + 1) * u64::from(items[b].weight);
                            let rhs = (beyond(b) + 1) * u64::from(item.weight);
                            if lhs < rhs || (lhs == rhs && item.weight > items[b].weight) { k } else { b }
                        }
                    });
                }
                best
            }
        };
        let Some(k) = pick else { break };
        held[k] += 1;
        out.push(items[k].capacity_provider.clone());
    }
    out
}

/// `allocate`'s answer as (provider, how many), in the order providers first appear.
pub fn tally(picks: &[String]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for p in picks {
        match out.iter_mut().find(|(name, _)| name == p) {
            Some((_, n)) => *n += 1,
            None => out.push((p.clone(), 1)),
        }
    }
    out
}

/// A strategy as the API returns it.
pub fn render(items: &[StrategyItem]) -> Value {
    Value::Array(items.iter().map(|i| json!({"capacityProvider": i.capacity_provider, "weight": i.weight, "base": i.base})).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(p: &str, base: u32, weight: u32) -> StrategyItem {
        StrategyItem { capacity_provider: p.into(), weight, base }
    }

    fn counts(list: &[String]) -> BTreeMap<String, u32> {
        let mut m = BTreeMap::new();
        for p in list {
            *m.entry(p.clone()).or_default() += 1;
        }
        m
    }

    /// §3.5's example: base=2 on OD, weights OD:1 / SPOT:3 → the first 2 on OD, then 1:3.
    #[test]
    fn base_first_then_weights_3_5() {
        let s = [item("OD", 2, 1), item("SPOT", 0, 3)];
        let first = allocate(&s, &BTreeMap::new(), 2);
        assert_eq!(first, vec!["OD", "OD"]);
        let all = allocate(&s, &BTreeMap::new(), 10);
        let c = counts(&all);
        assert_eq!((c["OD"], c["SPOT"]), (4, 6), "2 base + 8 split 1:3 = 2 + 6");
    }

    #[test]
    fn replacements_keep_the_split_3_5() {
        let s = [item("FARGATE", 2, 1), item("FARGATE_SPOT", 0, 3)];
        let mut have = BTreeMap::new();
        have.insert("FARGATE".to_string(), 4);
        have.insert("FARGATE_SPOT".to_string(), 3);
        assert_eq!(allocate(&s, &have, 3), vec!["FARGATE_SPOT"; 3]);
    }

    #[test]
    fn weight_zero_gets_only_its_base_3_5() {
        let s = [item("A", 1, 0), item("B", 0, 1)];
        assert_eq!(allocate(&s, &BTreeMap::new(), 3), vec!["A", "B", "B"]);
    }
}
