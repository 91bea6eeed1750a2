//! Where a service's new tasks go (ecs-facts.md §2): the service's strategies (or the default spread over
//! zones, then instances) and constraints, placed by the same code as RunTask's, and the service event ECS
//! writes for a task it could not place (§3.3).

use super::service_scheduler::{event, task_list};
use crate::context::Ctx;
use crate::placement::{Constraint, Rejection, Strategy, constraint, strategy};
use crate::services::Req;
use crate::services::ecs::{capacity_strategy, network_config};
use crate::services::ecs::run_task::{self, NotPlaced, ServiceTasks};
use crate::world::ecs::{Deployment, SchedulingStrategy, Service, TaskStatus};
use std::collections::BTreeMap;
use serde_json::json;

/// The strategies a service places with: its own, or the service default, spread over Availability Zones
/// then over instances (§2.1 notes).
fn strategies(s: &Service) -> Vec<Strategy> {
    let given = if s.placement_strategy.is_empty() {
        vec![json!({"type": "spread", "field": "attribute:ecs.availability-zone"}), json!({"type": "spread", "field": "instanceId"})]
    } else {
        s.placement_strategy.clone()
    };
    strategy::parse(&given).unwrap_or_default()
}

fn constraints(s: &Service, td: &crate::world::ecs::Registered) -> Vec<Constraint> {
    let from_td: Vec<serde_json::Value> =
        td.request.placement_constraints.iter().flatten().filter_map(|c| serde_json::to_value(c).ok()).collect();
    let mut all = constraint::parse(&from_td, true).unwrap_or_default();
    all.extend(constraint::parse(&s.placement_constraints, false).unwrap_or_default());
    all
}

/// The service event for a task that could not be placed (§3.3), naming the closest matching instance: the
/// one that got furthest through the checks.
fn placement_message(name: &str, why: &NotPlaced) -> String {
    const MORE: &str = "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    match why {
        NotPlaced::NoInstances => format!(
            "(service {name}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. {MORE}"
        ),
        NotPlaced::Network(reason) => format!("(service {name}) was unable to place a task. Reason: {reason}."),
        NotPlaced::Rejected(list) => {
            let rank = |r: &Rejection| {
                [
                    Rejection::Agent,
                    Rejection::Cpu,
                    Rejection::Memory,
                    Rejection::Ports,
                    Rejection::PortsUdp,
                    Rejection::Eni,
                    Rejection::Gpu,
                    Rejection::Attribute,
                    Rejection::Location,
                    Rejection::MemberOf,
                    Rejection::DistinctInstance,
                ]
                .iter()
                .position(|x| x == r)
                .unwrap_or(0)
            };
            let Some((arn, why)) = list.iter().max_by_key(|(_, r)| rank(r)) else {
                return format!("(service {name}) was unable to place a task because no container instance met all of its requirements. {MORE}");
            };
            let id = crate::world::ecs::short_id(arn);
            // Wordings seen in real service events (§3.3 and public event logs).
            let what = match why {
                Rejection::Cpu => "has insufficient CPU units available.".to_string(),
                Rejection::Memory => "has insufficient memory available.".to_string(),
                Rejection::Ports | Rejection::PortsUdp => "is already using a port required by your task.".to_string(),
                Rejection::Agent => "doesn't have the agent connected.".to_string(),
                other => format!("encountered error \"{}\".", other.reason()),
            };
            format!(
                "(service {name}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance {id}) {what} {MORE}"
            )
        }
    }
}

/// The deployment's tasks still meant to run, by capacity provider.
fn tasks_per_provider(ctx: &mut Ctx<'_>, svc: &Service, d: &Deployment) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    let r = ctx.world.region_mut(&svc.region);
    let Some(c) = r.ecs.clusters.get(&svc.cluster) else { return out };
    for t in c.tasks.values().filter(|t| t.started_by.as_deref() == Some(d.id.as_str()) && t.desired_status == TaskStatus::Running) {
        if let Some(p) = &t.capacity_provider_name {
            *out.entry(p.clone()).or_default() += 1;
        }
    }
    out
}

/// Starts `count` tasks of the deployment; logs what started and what could not be placed.
pub(super) fn launch(ctx: &mut Ctx<'_>, svc: &Service, d: &Deployment, count: usize) -> usize {
    let r = ctx.world.region_mut(&svc.region);
    let Ok(td) = r.ecs.task_definitions.resolve(&d.task_definition, true).cloned() else { return 0 };
    let network = svc.network_configuration.as_ref().and_then(|n| {
        let req = json!({ "networkConfiguration": n });
        network_config::parse(Req(&req), r, svc.launch_type == crate::world::ecs::LaunchType::Fargate).ok().flatten()
    });
    let strategies = if svc.launch_type == crate::world::ecs::LaunchType::Fargate { Vec::new() } else { strategies(svc) };
    let mut constraints = constraints(svc, &td);
    if svc.scheduling_strategy == SchedulingStrategy::Daemon {
        // One task on each instance (§3.1).
        constraints.push(Constraint::DistinctInstance);
    }
    let mut spec = ServiceTasks {
        region: &svc.region,
        cluster: &svc.cluster,
        launch_type: svc.launch_type,
        td,
        group: svc.group(),
        started_by: d.id.clone(),
        network: network.as_ref(),
        strategies: &strategies,
        constraints: &constraints,
        enable_execute_command: svc.enable_execute_command,
        capacity_provider: None,
    };
    let (ids, not_placed) = if svc.capacity_provider_strategy.is_empty() {
        run_task::launch_service_tasks(ctx, &spec, count)
    } else {
        // §3.5: the deployment's tasks that still run count, so replacements keep the base and the split.
        let existing = tasks_per_provider(ctx, svc, d);
        let picks = capacity_strategy::allocate(&svc.capacity_provider_strategy, &existing, count);
        let mut ids = Vec::new();
        let mut not_placed = None;
        for (provider, n) in capacity_strategy::tally(&picks) {
            spec.capacity_provider = Some(provider);
            let (i, why) = run_task::launch_service_tasks(ctx, &spec, n);
            ids.extend(i);
            not_placed = not_placed.or(why);
        }
        (ids, not_placed)
    };
    if !ids.is_empty() {
        let msg = format!("(service {}) has started {} tasks: {}.", svc.name, ids.len(), task_list(&ids));
        event(ctx, &svc.region, &svc.cluster, &svc.name, msg);
    }
    if let Some(why) = not_placed {
        event(ctx, &svc.region, &svc.cluster, &svc.name, placement_message(&svc.name, &why));
    }
    ids.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_events_name_the_closest_instance_3_3() {
        let arn = "arn:aws:ecs:us-east-1:123456789012:container-instance/demo/abc".to_string();
        let other = "arn:aws:ecs:us-east-1:123456789012:container-instance/demo/def".to_string();
        let m = placement_message("web", &NotPlaced::Rejected(vec![(other, Rejection::Cpu), (arn, Rejection::Memory)]));
        assert_eq!(
            m,
            "(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance abc) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide."
        );
        let m = placement_message("web", &NotPlaced::NoInstances);
        assert!(m.contains("Reason: No Container Instances were found in your cluster."), "{m}");
    }
}
