//! Tasks launched on an Auto Scaling group capacity provider (ecs-facts.md §3.5): a task goes on one of the
//! provider's container instances when one fits; otherwise it is created and waits in PROVISIONING (at most
//! 300 per cluster) until managed scaling brings capacity, and is placed on the next tick after an instance
//! of the group registers. A waiting task counts toward the provider's CapacityProviderReservation.
//!
//! [`place_or_provision`] is the one entry point the capacity provider strategy code
//! (`services::ecs::capacity_strategy`, through run_task's `launch_on_asg_provider`) calls for an Auto Scaling
//! group provider.

use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle;
use crate::placement::{self, Constraint, Strategy, TaskNeeds, needs};
use crate::services::ecs::network_config::AwsVpc;
use crate::services::ecs::run_task::{Template, allocate_eni, binding, create_task};
use crate::world::Region;
use crate::world::ecs::{LaunchType, TaskStatus};
use serde_json::json;

/// Tasks that may wait in PROVISIONING per cluster (§3.5).
pub const MAX_PROVISIONING_PER_CLUSTER: usize = 300;

/// How one launch on an Auto Scaling group provider went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderOutcome {
    /// Tasks placed on the provider's instances (they start at once).
    pub placed: Vec<String>,
    /// Tasks created in PROVISIONING, waiting for capacity.
    pub provisioning: Vec<String>,
    /// Tasks not created because the cluster already has 300 tasks in PROVISIONING.
    pub over_quota: usize,
}

/// What the tasks of one launch share: the RunTask or service template, what each task needs, its awsvpc
/// network, and the placement strategies and constraints to honour among the provider's instances.
pub struct ProviderLaunch<'a> {
    pub template: &'a Template,
    pub needs: TaskNeeds,
    pub network: Option<&'a AwsVpc>,
    pub strategies: &'a [Strategy],
    pub constraints: &'a [Constraint],
}

/// Container instances (ids) of `cluster` whose EC2 instance belongs to the provider's Auto Scaling group.
pub fn provider_instances(r: &Region, cluster: &str, provider: &str) -> Vec<String> {
    let Some(cp) = r.ecs.capacity_providers.get(provider) else { return Vec::new() };
    let Some(g) = r.autoscaling.group_by_arn_or_name(&cp.auto_scaling_group_arn) else { return Vec::new() };
    let Some(c) = r.ecs.clusters.get(cluster) else { return Vec::new() };
    c.container_instances
        .values()
        .filter(|ci| g.instances.iter().any(|i| i.instance_id == ci.ec2_instance_id))
        .map(|ci| ci.id.clone())
        .collect()
}

/// The capacity provider a container instance belongs to (its EC2 instance is in the provider's group);
/// what describe-container-instances reports as `capacityProviderName`.
pub fn provider_of_instance(r: &Region, ec2_instance_id: &str) -> Option<String> {
    let g = r.autoscaling.group_of_instance(ec2_instance_id)?;
    r.ecs.capacity_providers.values().find(|cp| cp.auto_scaling_group_arn == g.arn && cp.status == "ACTIVE").map(|cp| cp.name.clone())
}

/// Tasks of the cluster waiting in PROVISIONING for an Auto Scaling group provider.
pub fn waiting_count(r: &Region, cluster: &str) -> usize {
    r.ecs.clusters.get(cluster).map_or(0, |c| c.tasks.values().filter(|t| is_waiting(t)).count())
}

fn is_waiting(t: &crate::world::ecs::Task) -> bool {
    t.launch_type == LaunchType::Ec2
        && t.container_instance_id.is_none()
        && t.capacity_provider_name.is_some()
        && t.last_status == TaskStatus::Provisioning
        && t.desired_status == TaskStatus::Running
}

/// Launches `count` tasks on the Auto Scaling group provider `provider_name`: each goes on one of the
/// provider's container instances in `cluster` if it fits there (placement as RunTask's, limited to those
/// instances); the rest are created in PROVISIONING and wait for managed scaling (§3.5), up to 300 waiting
/// per cluster. Every task carries `capacityProviderName`.
pub fn place_or_provision(
    ctx: &mut Ctx<'_>,
    region: &str,
    cluster: &str,
    provider_name: &str,
    launch: &ProviderLaunch<'_>,
    count: usize,
) -> ProviderOutcome {
    let tpl = launch.template;
    let mut out = ProviderOutcome::default();
    let r = ctx.world.region_mut(region);
    let ids = provider_instances(r, cluster, provider_name);
    let mut need = launch.needs.clone();
    if let Some(cfg) = launch.network {
        need.subnet_zones = Some(cfg.subnets.iter().filter_map(|s| r.network.subnet(s)).map(|s| s.availability_zone.clone()).collect());
    }
    if let Some(c) = r.ecs.clusters.get(cluster).filter(|_| !ids.is_empty()) {
        let mut snapshots: Vec<_> = placement::snapshot_all(c).into_iter().filter(|s| ids.contains(&s.id)).collect();
        let req = placement::Request { needs: &need, count, strategies: launch.strategies, constraints: launch.constraints, group: &tpl.group };
        let outcome = placement::place(&mut snapshots, &req, ctx.rng);
        for p in &outcome.placed {
            let inst = &snapshots[p.instance];
            let eni = match launch.network {
                Some(cfg) => allocate_eni(ctx, region, cfg, Some(&inst.availability_zone), false).ok(),
                None => None,
            };
            let bindings = p.bindings.iter().map(|(n, h)| binding(n, *h)).collect();
            let id = create_task(ctx, tpl, Some((inst.id.clone(), inst.availability_zone.clone())), bindings, eni);
            let r = ctx.world.region_mut(region);
            if let Some(c) = r.ecs.clusters.get_mut(cluster) {
                if let Some(ci) = c.container_instances.get_mut(&inst.id) {
                    ci.last_dynamic_port = inst.last_dynamic_port;
                }
                if let Some(t) = c.tasks.get_mut(&id) {
                    t.capacity_provider_name = Some(provider_name.to_string());
                }
            }
            out.placed.push(id);
        }
        if let Some(c) = ctx.world.region_mut(region).ecs.clusters.get_mut(cluster) {
            c.placements.add(outcome.record, out.placed.clone());
        }
    }
    let rest = count - out.placed.len();
    let room = MAX_PROVISIONING_PER_CLUSTER.saturating_sub(waiting_count(ctx.world.region_mut(region), cluster));
    for _ in 0..rest.min(room) {
        let id = create_task(ctx, tpl, None, Vec::new(), None);
        let r = ctx.world.region_mut(region);
        if let Some(t) = r.ecs.clusters.get_mut(cluster).and_then(|c| c.tasks.get_mut(&id)) {
            t.capacity_provider_name = Some(provider_name.to_string());
        }
        if let Some(cfg) = launch.network {
            r.autoscaling.waiting_networks.insert(id.clone(), (cfg.subnets.clone(), cfg.security_groups.clone()));
        }
        ctx.emit(EventKind::TaskAwaitingCapacity {
            region: region.into(),
            cluster: cluster.into(),
            task_id: id.clone(),
            capacity_provider: provider_name.into(),
        });
        out.provisioning.push(id);
    }
    out.over_quota = rest - rest.min(room);
    out
}

/// Places tasks waiting in PROVISIONING on their provider's instances, oldest first; each placed task goes
/// on to PENDING. Called on every metrics tick.
pub fn place_waiting(ctx: &mut Ctx<'_>, region: &str) {
    let r = ctx.world.region_mut(region);
    let mut waiting: Vec<(String, String, String)> = Vec::new();
    for c in r.ecs.clusters.values() {
        let mut list: Vec<&crate::world::ecs::Task> = c.tasks.values().filter(|t| is_waiting(t)).collect();
        crate::shared_sort::SharedSort::shared_sort_by_key(&mut list[..], |t| (t.created_at, t.id.clone()));
        for t in list {
            waiting.push((c.name.clone(), t.id.clone(), t.capacity_provider_name.clone().unwrap_or_default()));
        }
    }
    for (cluster, task_id, provider) in waiting {
        place_one_waiting(ctx, region, &cluster, &task_id, &provider);
    }
}

fn place_one_waiting(ctx: &mut Ctx<'_>, region: &str, cluster: &str, task_id: &str, provider: &str) {
    let r = ctx.world.region_mut(region);
    let ids = provider_instances(r, cluster, provider);
    if ids.is_empty() {
        return;
    }
    let Some(c) = r.ecs.clusters.get(cluster) else { return };
    let Some(task) = c.tasks.get(task_id).cloned() else { return };
    let Ok(td) = r.ecs.task_definitions.resolve(&format!("{}:{}", task.family, task.revision), true).cloned() else { return };
    let mut need = needs::from_task_definition(&td.request);
    need.cpu = task.reserved_cpu;
    need.memory = task.reserved_memory;
    let network = r.autoscaling.waiting_networks.get(task_id).cloned();
    if let Some((subnets, _)) = &network {
        need.subnet_zones = Some(subnets.iter().filter_map(|s| r.network.subnet(s)).map(|s| s.availability_zone.clone()).collect());
    }
    // Spread over zones, then instances, as a service places by default (§2.1 notes).
    let strategies = placement::strategy::parse(&[
        json!({"type": "spread", "field": "attribute:ecs.availability-zone"}),
        json!({"type": "spread", "field": "instanceId"}),
    ])
    .unwrap_or_default();
    let from_td: Vec<serde_json::Value> =
        td.request.placement_constraints.iter().flatten().filter_map(|c| serde_json::to_value(c).ok()).collect();
    let constraints = placement::constraint::parse(&from_td, true).unwrap_or_default();
    let mut snapshots: Vec<_> = placement::snapshot_all(c).into_iter().filter(|s| ids.contains(&s.id)).collect();
    let req = placement::Request { needs: &need, count: 1, strategies: &strategies, constraints: &constraints, group: &task.group };
    let outcome = placement::place(&mut snapshots, &req, ctx.rng);
    let Some(p) = outcome.placed.first() else { return };
    let inst = snapshots[p.instance].clone();
    let eni = match &network {
        Some((subnets, sgs)) => {
            let cfg = AwsVpc { subnets: subnets.clone(), security_groups: sgs.clone(), assign_public_ip: false };
            allocate_eni(ctx, region, &cfg, Some(&inst.availability_zone), false).ok()
        }
        None => None,
    };
    let bindings: Vec<_> = p.bindings.iter().map(|(n, h)| binding(n, *h)).collect();
    let r = ctx.world.region_mut(region);
    r.autoscaling.waiting_networks.remove(task_id);
    let Some(c) = r.ecs.clusters.get_mut(cluster) else { return };
    if let Some(ci) = c.container_instances.get_mut(&inst.id) {
        ci.last_dynamic_port = inst.last_dynamic_port;
    }
    let Some(t) = c.tasks.get_mut(task_id) else { return };
    t.container_instance_id = Some(inst.id.clone());
    t.availability_zone = inst.availability_zone.clone();
    t.bindings = bindings;
    t.eni = eni;
    t.version += 1;
    let snapshot = t.clone();
    c.placements.add(outcome.record, vec![task_id.to_string()]);
    ctx.emit(EventKind::TaskPlaced {
        region: region.into(),
        cluster: cluster.into(),
        task_id: task_id.into(),
        family: snapshot.family.clone(),
        revision: snapshot.revision,
        container_instance_id: Some(inst.id.clone()),
        availability_zone: inst.availability_zone.clone(),
        cpu: snapshot.reserved_cpu,
        memory: snapshot.reserved_memory,
    });
    lifecycle::task::schedule_next(ctx, &snapshot);
}

