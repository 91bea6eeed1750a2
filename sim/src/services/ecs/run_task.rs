//! RunTask: the task definition and the call decide what the task needs, where it may go and how to
//! choose; placement decides (ecs-facts.md §2); each placed task starts its lifecycle. On Fargate there is no
//! instance: each task gets an ENI in one of the given subnets, spread over their zones (§2.1 notes).

use super::capacity_strategy::{self, Capacity};
use super::network_config::{self, AwsVpc};
use super::{active_cluster, render};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle;
use crate::placement::{self, Constraint, Explanation, Strategy, constraint, needs, strategy};
use crate::services::{Call, Req, ServiceError};
use crate::task_definition::sizes;
use crate::world::ecs::registry::Lookup;
use crate::world::ecs::{LaunchType, Registered};
use serde_json::{Value, json};

pub(crate) use super::new_task::{allocate_eni, binding, create_task};

/// An option the real service has and the sandbox does not model yet, said plainly under a code no AWS
/// service uses, so nobody mistakes it for AWS's answer.
pub fn not_modelled(what: &str) -> ServiceError {
    ServiceError::new("NotModelledInSandbox", format!("ECS Sandbox does not model {what} yet."))
}

/// What every task of one RunTask call shares.
#[derive(Clone)]
pub struct Template {
    pub region: String,
    pub cluster: String,
    pub launch_type: LaunchType,
    pub td: Registered,
    pub group: String,
    pub started_by: Option<String>,
    pub overrides: Value,
    pub tags: Vec<(String, String)>,
    pub cpu: u32,
    pub memory: u32,
    pub gpus: u32,
    pub enable_execute_command: bool,
    pub task_role_arn: Option<String>,
    pub execution_role_arn: Option<String>,
    /// The capacity provider the tasks launch on, when a strategy chose it (§3.5).
    pub capacity_provider: Option<String>,
}

fn task_tags(req: Req<'_>) -> Vec<(String, String)> {
    req.list("tags")
        .iter()
        .filter_map(|t| Some((t.get("key")?.as_str()?.to_string(), t.get("value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect()
}

fn parse_constraints(td: &Registered, req: Req<'_>) -> Result<Vec<Constraint>, ServiceError> {
    let from_td: Vec<Value> =
        td.request.placement_constraints.iter().flatten().filter_map(|c| serde_json::to_value(c).ok()).collect();
    let mut all = constraint::parse(&from_td, true).map_err(ServiceError::invalid_parameter)?;
    all.extend(constraint::parse(req.list("placementConstraints"), false).map_err(ServiceError::invalid_parameter)?);
    if all.len() > constraint::MAX_CONSTRAINTS {
        // Not verbatim: the limit is documented (§2.2); the service's wording is not in the reference.
        return Err(ServiceError::invalid_parameter(format!(
            "A task can have at most {} placement constraints, counting the task definition's; {} were given.",
            constraint::MAX_CONSTRAINTS,
            all.len()
        )));
    }
    Ok(all)
}

pub fn run(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?;
    let cluster_name = cluster.name.clone();
    // Wording: https://github.com/Cloud-CV/EvalAI/issues/2419 ("TaskDefinition not found.").
    let td = r.ecs.task_definitions.resolve(req.str("taskDefinition").unwrap_or_default(), false).map_err(|e| match e {
        Lookup::NotFound => ServiceError::client("TaskDefinition not found."),
        Lookup::Inactive => ServiceError::client("TaskDefinition is inactive"),
    })?;
    let td = td.clone();
    // RunTask count: at most 10 (§2.4). Not verbatim.
    let count = req.int("count").unwrap_or(1);
    if !(1..=10).contains(&count) {
        return Err(ServiceError::invalid_parameter("count must be between 1 and 10."));
    }
    let r = ctx.world.region_mut(region);
    let cluster = r.ecs.clusters.get(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let (launch_type, strategy) = match capacity_strategy::resolve(req, cluster)? {
        Capacity::LaunchType(lt) => (lt, Vec::new()),
        Capacity::Strategy(items) => (capacity_strategy::launch_type_of(&items), items),
    };
    let fargate = launch_type == LaunchType::Fargate;
    if fargate && !td.compatibilities.iter().any(|c| c == "FARGATE") {
        return Err(ServiceError::invalid_parameter("Task definition does not support launch_type FARGATE."));
    }
    let network_mode = td.request.network_mode.clone().unwrap_or_else(|| "bridge".into());
    let r = ctx.world.region_mut(region);
    let awsvpc = network_config::parse(req, r, fargate)?;
    if network_mode == "awsvpc" && awsvpc.is_none() {
        return Err(ServiceError::invalid_parameter("Network Configuration must be provided when networkMode 'awsvpc' is specified."));
    }
    if network_mode != "awsvpc" && awsvpc.is_some() {
        return Err(ServiceError::invalid_parameter("Network Configuration is not valid for the given networkMode of this task definition."));
    }
    let strategies = strategy::parse(req.list("placementStrategy")).map_err(ServiceError::invalid_parameter)?;
    let constraints = parse_constraints(&td, req)?;
    if fargate && (!strategies.is_empty() || !req.list("placementConstraints").is_empty()) {
        // Fargate takes no strategies or constraints (§2.1 notes). Not verbatim.
        return Err(ServiceError::invalid_parameter("Task placement strategies and constraints are not supported for the FARGATE launch type."));
    }
    check_roles(ctx, call, &td)?;
    let group = req.str("group").map_or_else(|| format!("family:{}", td.family), str::to_string);
    let mut need = needs::from_task_definition(&td.request);
    let o = req.at("overrides");
    if let Some(cpu) = o.str("cpu").and_then(sizes::parse_cpu) {
        need.cpu = cpu;
    }
    if let Some(mem) = o.str("memory").and_then(sizes::parse_memory) {
        need.memory = mem;
    }
    let tpl = Template {
        region: region.to_string(),
        cluster: cluster_name.clone(),
        launch_type,
        group,
        started_by: req.str("startedBy").map(str::to_string),
        overrides: req.get("overrides").cloned().unwrap_or(Value::Null),
        tags: task_tags(req),
        cpu: need.cpu,
        memory: need.memory,
        gpus: need.gpus,
        enable_execute_command: req.bool("enableExecuteCommand") == Some(true),
        task_role_arn: o.str("taskRoleArn").map(str::to_string).or_else(|| td.request.task_role_arn.clone()),
        execution_role_arn: o.str("executionRoleArn").map(str::to_string).or_else(|| td.request.execution_role_arn.clone()),
        capacity_provider: None,
        td,
    };
    let (ids, failures) = if !strategy.is_empty() {
        // §3.5: the call's tasks split over the strategy's providers, base first, then by weight.
        let picks = capacity_strategy::allocate(&strategy, &std::collections::BTreeMap::new(), count as usize);
        let mut ids = Vec::new();
        let mut failures = Vec::new();
        for (provider, n) in capacity_strategy::tally(&picks) {
            let tpl = Template { capacity_provider: Some(provider), ..tpl.clone() };
            if fargate {
                ids.extend(run_fargate(ctx, &tpl, awsvpc.as_ref(), n));
            } else {
                let (i, f) = launch_on_asg_provider(ctx, &tpl, need.clone(), awsvpc.as_ref(), &strategies, &constraints, n)?;
                ids.extend(i);
                failures.extend(f);
            }
        }
        (ids, failures)
    } else if fargate {
        (run_fargate(ctx, &tpl, awsvpc.as_ref(), count as usize), Vec::new())
    } else {
        if ctx.world.region_mut(region).ecs.clusters.get(&tpl.cluster).is_none_or(|c| c.active_instance_count() == 0) {
            return Err(ServiceError::invalid_parameter("No Container Instances were found in your cluster."));
        }
        run_ec2(ctx, &tpl, need, awsvpc.as_ref(), &strategies, &constraints, count as usize)?
    };
    let failures: Vec<(String, String)> = failures.into_iter().map(|(arn, why)| (arn, why.reason().to_string())).collect();
    let r = ctx.world.region_mut(region);
    let cluster = r.ecs.clusters.get(&cluster_name).ok_or_else(ServiceError::cluster_not_found)?;
    let rendered: Vec<Value> = ids.iter().filter_map(|id| cluster.tasks.get(id)).map(|t| render::task(cluster, t, r.ecs.task_definitions.containers_of(t), ctx.now)).collect();
    let failures: Vec<Value> = failures.into_iter().map(|(arn, reason)| json!({"arn": arn, "reason": reason})).collect();
    Ok(json!({ "tasks": rendered, "failures": failures }))
}

/// Each instance that could not take the task that failed, with its first failed requirement.
type Failures = Vec<(String, placement::Rejection)>;

/// What the service scheduler launches: tasks of one deployment (ecs-facts.md §3), placed by the same code
/// as RunTask's.
pub struct ServiceTasks<'a> {
    pub region: &'a str,
    pub cluster: &'a str,
    pub launch_type: LaunchType,
    pub td: Registered,
    pub group: String,
    /// The deployment id.
    pub started_by: String,
    pub network: Option<&'a AwsVpc>,
    pub strategies: &'a [Strategy],
    pub constraints: &'a [Constraint],
    pub enable_execute_command: bool,
    /// The capacity provider the service's strategy chose for these tasks (§3.5), if it has a strategy.
    pub capacity_provider: Option<String>,
}

/// Why a service's task could not be placed.
pub enum NotPlaced {
    /// The cluster has no ACTIVE container instance.
    NoInstances,
    /// Every instance failed a requirement: each with its first failed one.
    Rejected(Vec<(String, placement::Rejection)>),
    /// The task's network could not be set up (no free address in the subnets).
    Network(String),
}

/// Places and starts up to `count` tasks for a service; what could not be placed, and why.
pub fn launch_service_tasks(ctx: &mut Ctx<'_>, s: &ServiceTasks<'_>, count: usize) -> (Vec<String>, Option<NotPlaced>) {
    let need = needs::from_task_definition(&s.td.request);
    let tpl = Template {
        region: s.region.to_string(),
        cluster: s.cluster.to_string(),
        launch_type: s.launch_type,
        group: s.group.clone(),
        started_by: Some(s.started_by.clone()),
        overrides: Value::Null,
        tags: Vec::new(),
        cpu: need.cpu,
        memory: need.memory,
        gpus: need.gpus,
        enable_execute_command: s.enable_execute_command,
        task_role_arn: s.td.request.task_role_arn.clone(),
        execution_role_arn: s.td.request.execution_role_arn.clone(),
        capacity_provider: s.capacity_provider.clone(),
        td: s.td.clone(),
    };
    if s.launch_type == LaunchType::Fargate {
        let ids = run_fargate(ctx, &tpl, s.network, count);
        let short = ids.len() < count;
        return (ids, short.then(|| NotPlaced::Network("no free IP address in the service's subnets".into())));
    }
    // An Auto Scaling group provider's tasks wait in PROVISIONING when nothing fits, even with no instance.
    let placed = if tpl.capacity_provider.is_some() {
        launch_on_asg_provider(ctx, &tpl, need, s.network, s.strategies, s.constraints, count)
    } else {
        if ctx.world.region_mut(s.region).ecs.clusters.get(s.cluster).is_none_or(|c| c.active_instance_count() == 0) {
            return (Vec::new(), Some(NotPlaced::NoInstances));
        }
        run_ec2(ctx, &tpl, need, s.network, s.strategies, s.constraints, count)
    };
    match placed {
        Ok((ids, failures)) if failures.is_empty() => (ids, None),
        Ok((ids, failures)) => (ids, Some(NotPlaced::Rejected(failures))),
        Err(e) => (Vec::new(), Some(NotPlaced::Network(e.message))),
    }
}

/// The roles a task will use (the definition's, or the call's overrides): the caller must be allowed
/// `iam:PassRole` on each (ecs-facts.md §5, checked at RunTask today), and ECS must be able to assume each,
/// which needs a trust policy for `ecs-tasks.amazonaws.com`.
pub fn check_roles(ctx: &Ctx<'_>, call: &Call<'_>, td: &Registered) -> Result<(), ServiceError> {
    let o = call.req().at("overrides");
    let task_role = o.str("taskRoleArn").map(str::to_string).or_else(|| td.request.task_role_arn.clone());
    let exec_role = o.str("executionRoleArn").map(str::to_string).or_else(|| td.request.execution_role_arn.clone());
    for arn in [task_role, exec_role].into_iter().flatten() {
        call.caller
            .authorize_with(ctx.world, "iam:PassRole", &arn, &[("iam:PassedToService", "ecs-tasks.amazonaws.com")])
            .map_err(|m| ServiceError::new("AccessDeniedException", m))?;
        let trusted = ctx.world.iam.role(&arn).is_some_and(|r| crate::iam_policy::trusts_service(&r.trust, "ecs-tasks.amazonaws.com"));
        if !trusted {
            return Err(ServiceError::invalid_parameter(format!(
                "ECS was unable to assume the role '{arn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role."
            )));
        }
    }
    Ok(())
}

/// Auto Scaling group capacity providers (§3.5): every task whose strategy chose such a provider launches
/// through `lifecycle::capacity_provider_tasks::place_or_provision`, which places it on the provider's
/// instances or leaves it PROVISIONING until managed scaling brings an instance.
fn launch_on_asg_provider(
    ctx: &mut Ctx<'_>,
    tpl: &Template,
    need: placement::TaskNeeds,
    awsvpc: Option<&AwsVpc>,
    strategies: &[Strategy],
    constraints: &[Constraint],
    count: usize,
) -> Result<(Vec<String>, Failures), ServiceError> {
    let Some(provider) = tpl.capacity_provider.clone() else {
        return run_ec2(ctx, tpl, need, awsvpc, strategies, constraints, count);
    };
    let launch = lifecycle::capacity_provider_tasks::ProviderLaunch { template: tpl, needs: need, network: awsvpc, strategies, constraints };
    let out = lifecycle::capacity_provider_tasks::place_or_provision(ctx, &tpl.region, &tpl.cluster, &provider, &launch, count);
    Ok((out.placed.into_iter().chain(out.provisioning).collect(), Vec::new()))
}

fn run_ec2(
    ctx: &mut Ctx<'_>,
    tpl: &Template,
    mut need: placement::TaskNeeds,
    awsvpc: Option<&AwsVpc>,
    strategies: &[Strategy],
    constraints: &[Constraint],
    count: usize,
) -> Result<(Vec<String>, Failures), ServiceError> {
    let r = ctx.world.region_mut(&tpl.region);
    if let Some(cfg) = awsvpc {
        need.subnet_zones =
            Some(cfg.subnets.iter().filter_map(|s| r.network.subnet(s)).map(|s| s.availability_zone.clone()).collect());
    }
    let cluster = r.ecs.clusters.get(&tpl.cluster).ok_or_else(ServiceError::cluster_not_found)?;
    let mut snapshots = placement::snapshot_all(cluster);
    let req = placement::Request { needs: &need, count, strategies, constraints, group: &tpl.group };
    let outcome = placement::place(&mut snapshots, &req, ctx.rng);
    let mut ids = Vec::new();
    for p in &outcome.placed {
        let inst = &snapshots[p.instance];
        let eni = match awsvpc {
            Some(cfg) => Some(allocate_eni(ctx, &tpl.region, cfg, Some(&inst.availability_zone), false)?),
            None => None,
        };
        let bindings = p.bindings.iter().map(|(n, h)| binding(n, *h)).collect();
        let id = create_task(ctx, tpl, Some((inst.id.clone(), inst.availability_zone.clone())), bindings, eni);
        let r = ctx.world.region_mut(&tpl.region);
        if let Some(ci) = r.ecs.clusters.get_mut(&tpl.cluster).and_then(|c| c.container_instances.get_mut(&inst.id)) {
            ci.last_dynamic_port = inst.last_dynamic_port;
        }
        ids.push(id);
    }
    let mut failures = Vec::new();
    for (arn, why) in outcome.failures {
        ctx.emit(EventKind::TaskPlacementFailed {
            region: tpl.region.clone(),
            cluster: tpl.cluster.clone(),
            family: tpl.td.family.clone(),
            reason: why.reason().to_string(),
        });
        failures.push((arn, why));
    }
    if let Some(c) = ctx.world.region_mut(&tpl.region).ecs.clusters.get_mut(&tpl.cluster) {
        c.placements.add(outcome.record, ids.clone());
    }
    Ok((ids, failures))
}

fn run_fargate(ctx: &mut Ctx<'_>, tpl: &Template, awsvpc: Option<&AwsVpc>, count: usize) -> Vec<String> {
    let Some(cfg) = awsvpc else { return Vec::new() };
    let mut ids = Vec::new();
    for _ in 0..count {
        // Fargate spreads a group's tasks over the zones of the given subnets by itself.
        let r = ctx.world.region_mut(&tpl.region);
        let zone_load = |az: &str| {
            r.ecs.clusters.get(&tpl.cluster).map_or(0, |c| {
                c.tasks.values().filter(|t| t.holds_resources() && t.group == tpl.group && t.availability_zone == az).count()
            })
        };
        let zone = cfg
            .subnets
            .iter()
            .filter_map(|s| r.network.subnet(s))
            .filter(|s| !r.network.zones_down.contains(&s.availability_zone))
            .min_by_key(|s| zone_load(&s.availability_zone))
            .map(|s| s.availability_zone.clone());
        if zone.is_none() {
            break; // every given subnet is in a zone that is down
        }
        let Ok(eni) = allocate_eni(ctx, &tpl.region, cfg, zone.as_deref(), cfg.assign_public_ip) else { break };
        let explanation = Explanation {
            group: tpl.group.clone(),
            needs: format!("{} CPU units, {} MiB on Fargate", tpl.cpu, tpl.memory),
            strategies: Vec::new(),
            constraints: Vec::new(),
            instances: Vec::new(),
            chosen: None,
            failure: None,
            tie_break: Some(format!(
                "Fargate has no container instances: the task runs on capacity AWS provides, with an ENI in subnet {} ({}), the zone with the fewest tasks of {}",
                eni.subnet_id,
                zone.clone().unwrap_or_default(),
                tpl.group
            )),
        };
        let id = create_task(ctx, tpl, None, Vec::new(), Some(eni));
        if let Some(c) = ctx.world.region_mut(&tpl.region).ecs.clusters.get_mut(&tpl.cluster) {
            c.placements.add_written(&id, explanation);
        }
        ids.push(id);
    }
    ids
}
