//! CreateService, UpdateService, DeleteService, DescribeServices and ListServices (ecs-facts.md §3). The
//! calls only change what the service wants; the service scheduler (`lifecycle::service_scheduler`) starts
//! and stops the tasks, on this call and then on the virtual clock.

use super::network_config;
use super::run_task::{check_roles, not_modelled};
use super::service_render;
use super::active_cluster;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle::service_scheduler as scheduler;
use crate::placement::{constraint, strategy};
use crate::services::{Call, Req, ServiceError};
use crate::tuning::{self, ACCOUNT_ID};
use crate::world::ecs::registry::Lookup;
use crate::world::ecs::{short_id, DeploymentConfig, LaunchType, Registered, SchedulingStrategy, Service, ServiceLoadBalancer};
use serde_json::{Value, json};

/// A service name: up to 255 letters, digits, hyphens and underscores (§3.1).
fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 255 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn resolve_td(r: &crate::world::Region, key: &str) -> Result<Registered, ServiceError> {
    // Wording: https://github.com/Cloud-CV/EvalAI/issues/2419 ("TaskDefinition not found.").
    r.ecs.task_definitions.resolve(key, false).cloned().map_err(|e| match e {
        Lookup::NotFound => ServiceError::client("TaskDefinition not found."),
        Lookup::Inactive => ServiceError::client("TaskDefinition is inactive"),
    })
}

fn launch_type(req: Req<'_>) -> Result<LaunchType, ServiceError> {
    if req.get("capacityProviderStrategy").is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty())) {
        if req.str("launchType").is_some() {
            // §3.1 (moto's wording of ECS's rule).
            return Err(ServiceError::invalid_parameter("Specify either Launch Type or Capacity Provider Strategy, but not both."));
        }
        return Err(not_modelled("capacity provider strategies"));
    }
    match req.str("launchType") {
        None | Some("EC2") => Ok(LaunchType::Ec2),
        Some("FARGATE") => Ok(LaunchType::Fargate),
        Some(other) => Err(not_modelled(&format!("the {other} launch type"))),
    }
}

/// `loadBalancers`: a container and port of the task definition, and a target group or a Classic load
/// balancer (§4). Not verbatim where marked.
fn load_balancers(req: Req<'_>, td: &Registered, r: &crate::world::Region) -> Result<Vec<ServiceLoadBalancer>, ServiceError> {
    let list = req.list("loadBalancers");
    if list.len() > 5 {
        // Up to 5 target groups per service (§4). Not verbatim.
        return Err(ServiceError::invalid_parameter("A service can have at most 5 load balancer entries."));
    }
    let mut out = Vec::new();
    for v in list {
        let lb = Req(v);
        let container = lb.str("containerName").unwrap_or_default().to_string();
        let port = lb.int("containerPort").and_then(|p| u16::try_from(p).ok()).unwrap_or(0);
        let tg = lb.str("targetGroupArn").map(str::to_string);
        let name = lb.str("loadBalancerName").map(str::to_string);
        if name.is_some() && tg.is_none() {
            // §4: a Classic Load Balancer registers whole instances on one fixed port.
            return Err(not_modelled(
                "Classic Load Balancers (loadBalancerName). A Classic Load Balancer registers whole instances on one fixed port, so it cannot reach tasks on dynamic host ports, awsvpc tasks or Fargate: use an Application or Network Load Balancer's target group (targetGroupArn)",
            ));
        }
        if tg.is_some() == name.is_some() {
            // §4: targetGroupArn for ALB/NLB, loadBalancerName for a Classic load balancer, never both. Not verbatim.
            return Err(ServiceError::invalid_parameter(
                "A load balancer entry needs either targetGroupArn (Application or Network Load Balancer) or loadBalancerName (Classic Load Balancer), not both.",
            ));
        }
        let defs = td.request.container_definitions.iter().flatten();
        let Some(def) = defs.clone().find(|d| d.name.as_deref() == Some(container.as_str())) else {
            // Wording as ECS returns it (seen in CloudFormation stack events).
            return Err(ServiceError::invalid_parameter(format!("The container {container} does not exist in the task definition.")));
        };
        if !def.port_mappings.iter().flatten().any(|m| m.container_port == Some(i64::from(port))) {
            return Err(ServiceError::invalid_parameter(format!(
                "The container {container} did not have a container port {port} defined."
            )));
        }
        if let Some(arn) = &tg {
            let mode = td.request.network_mode.as_deref().unwrap_or("bridge");
            crate::services::elbv2::service_targets::check_target_type(r, arn, mode)?;
            if !r.elbv2.in_use(arn) {
                // ECS's answer when no listener or rule forwards to the group (widely quoted).
                return Err(ServiceError::invalid_parameter(format!(
                    "The target group with targetGroupArn {arn} does not have an associated load balancer."
                )));
            }
        }
        out.push(ServiceLoadBalancer { target_group_arn: tg, load_balancer_name: name, container_name: container, container_port: port });
    }
    Ok(out)
}

fn deployment_config(req: Req<'_>, daemon: bool, current: Option<&DeploymentConfig>) -> Result<DeploymentConfig, ServiceError> {
    let dc = req.at("deploymentConfiguration");
    let (def_max, def_min) = if daemon { (100, 0) } else { (200, 100) };
    let cb = dc.at("deploymentCircuitBreaker");
    let cfg = DeploymentConfig {
        maximum_percent: dc.int("maximumPercent").map_or(current.map_or(def_max, |c| c.maximum_percent), |v| v.clamp(0, 10_000) as u32),
        minimum_healthy_percent: dc
            .int("minimumHealthyPercent")
            .map_or(current.map_or(def_min, |c| c.minimum_healthy_percent), |v| v.clamp(0, 10_000) as u32),
        circuit_breaker: match req.at("deploymentConfiguration").get("deploymentCircuitBreaker") {
            Some(_) => (cb.bool("enable").unwrap_or(false), cb.bool("rollback").unwrap_or(false)),
            None => current.map_or((false, false), |c| c.circuit_breaker),
        },
    };
    if daemon && cfg.maximum_percent != 100 {
        // §3.1: DAEMON services need maximumPercent 100. Not verbatim.
        return Err(ServiceError::invalid_parameter("The maximumPercent of a DAEMON service must be 100."));
    }
    if cfg.maximum_percent < cfg.minimum_healthy_percent || cfg.maximum_percent == 0 && !daemon {
        // Not verbatim.
        return Err(ServiceError::invalid_parameter("maximumPercent must be greater than or equal to minimumHealthyPercent."));
    }
    Ok(cfg)
}

/// The network configuration an awsvpc task definition needs, checked as RunTask checks it.
fn network(req: Req<'_>, r: &mut crate::world::Region, td: &Registered, lt: LaunchType) -> Result<Option<Value>, ServiceError> {
    let awsvpc = td.request.network_mode.as_deref() == Some("awsvpc");
    let parsed = network_config::parse(req, r, lt == LaunchType::Fargate)?;
    match (awsvpc, parsed.is_some()) {
        (true, false) => Err(ServiceError::invalid_parameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.")),
        (false, true) => Err(ServiceError::invalid_parameter("Network Configuration is not valid for the given networkMode of this task definition.")),
        _ => Ok(req.get("networkConfiguration").cloned()),
    }
}

fn check_placement(req: Req<'_>, lt: LaunchType, daemon: bool) -> Result<(), ServiceError> {
    let has = !req.list("placementStrategy").is_empty() || !req.list("placementConstraints").is_empty();
    if lt == LaunchType::Fargate && has {
        // §2.1 notes. Not verbatim.
        return Err(ServiceError::invalid_parameter("Task placement strategies and constraints are not supported for the FARGATE launch type."));
    }
    if daemon && !req.list("placementStrategy").is_empty() {
        // §3.1: DAEMON takes no strategies. Not verbatim.
        return Err(ServiceError::invalid_parameter("Placement strategies are not supported with the DAEMON scheduling strategy."));
    }
    strategy::parse(req.list("placementStrategy")).map_err(ServiceError::invalid_parameter)?;
    constraint::parse(req.list("placementConstraints"), false).map_err(ServiceError::invalid_parameter)?;
    Ok(())
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let cluster = active_cluster(&r.ecs, req.str("cluster"))?.name.clone();
    let name = req.str("serviceName").unwrap_or_default().to_string();
    if !valid_name(&name) {
        // §3.1. Not verbatim.
        return Err(ServiceError::invalid_parameter(
            "Service names can have up to 255 characters: letters (uppercase and lowercase), numbers, hyphens and underscores.",
        ));
    }
    if r.ecs.clusters.get(&cluster).and_then(|c| c.services.get(&name)).is_some_and(|s| s.status != "INACTIVE") {
        // What ECS answers when a live service already has the name.
        return Err(ServiceError::invalid_parameter("Creation of service was not idempotent."));
    }
    if req.at("deploymentController").str("type").is_some_and(|t| t != "ECS") {
        return Err(not_modelled("the CODE_DEPLOY and EXTERNAL deployment controllers"));
    }
    let daemon = match req.str("schedulingStrategy") {
        None | Some("REPLICA") => false,
        Some("DAEMON") => true,
        Some(_) => return Err(ServiceError::invalid_parameter("schedulingStrategy must be REPLICA or DAEMON.")),
    };
    // A one-item strategy naming an Auto Scaling group provider (§3.5; capacity_provider_tasks).
    let asg_provider = crate::lifecycle::capacity_provider_tasks::single_item_provider_strategy(r, req)?;
    let lt = if asg_provider.is_some() { LaunchType::Ec2 } else { launch_type(req)? };
    let desired = req.int("desiredCount");
    if daemon {
        if lt == LaunchType::Fargate {
            // §3.1: DAEMON is not supported on Fargate. Not verbatim.
            return Err(ServiceError::invalid_parameter("The DAEMON scheduling strategy is not supported for the FARGATE launch type."));
        }
        if desired.is_some() {
            // §3.1. Not verbatim.
            return Err(ServiceError::invalid_parameter("A DAEMON service takes no desiredCount: it runs one task on each container instance."));
        }
    } else if desired.is_none() {
        // §3.1: desiredCount is required with REPLICA. Not verbatim.
        return Err(ServiceError::invalid_parameter("desiredCount is required for a service with the REPLICA scheduling strategy."));
    }
    let desired = u32::try_from(desired.unwrap_or(0).max(0)).unwrap_or(u32::MAX);
    let td = resolve_td(r, req.str("taskDefinition").unwrap_or_default())?;
    if lt == LaunchType::Fargate && !td.compatibilities.iter().any(|c| c == "FARGATE") {
        return Err(ServiceError::invalid_parameter("Task definition does not support launch_type FARGATE."));
    }
    let network_configuration = network(req, r, &td, lt)?;
    check_placement(req, lt, daemon)?;
    let lbs = load_balancers(req, &td, r)?;
    let cfg = deployment_config(req, daemon, None)?;
    check_roles(ctx, call, &td)?;
    let now = ctx.now;
    let id = scheduler::new_deployment_id(ctx);
    let created_by = call.caller.arn(ctx.world);
    let service = Service {
        name: name.clone(),
        cluster: cluster.clone(),
        region: region.to_string(),
        status: "ACTIVE".into(),
        desired_count: desired,
        launch_type: lt,
        scheduling_strategy: if daemon { SchedulingStrategy::Daemon } else { SchedulingStrategy::Replica },
        placement_strategy: req.list("placementStrategy").to_vec(),
        placement_constraints: req.list("placementConstraints").to_vec(),
        network_configuration,
        load_balancers: lbs,
        health_check_grace_period: req.int("healthCheckGracePeriodSeconds").map_or(0, |v| v.clamp(0, i64::from(u32::MAX)) as u32),
        deployment_config: cfg,
        enable_execute_command: req.bool("enableExecuteCommand") == Some(true),
        platform_version: req.str("platformVersion").map(str::to_string),
        created_at: now,
        created_by,
        deployments: vec![scheduler::new_deployment(&id, &td.arn(), desired, now)],
        events: Vec::new(),
        start_failures_in_a_row: 0,
        next_launch_at: None,
        steady: false,
        last_completed_task_definition: None,
        failed_task_definitions: Vec::new(),
        targets: Vec::new(),
    };
    let r = ctx.world.region_mut(region);
    if let Some(p) = asg_provider {
        r.autoscaling.service_providers.insert((cluster.clone(), name.clone()), p);
    }
    let Some(c) = r.ecs.clusters.get_mut(&cluster) else { return Err(ServiceError::cluster_not_found()) };
    c.services.insert(name.clone(), service);
    let rendered = c.services.get(&name).map(|s| service_render::service(c, s, false)).unwrap_or(Value::Null);
    ctx.emit(EventKind::ServiceChanged { region: region.into(), cluster: cluster.clone(), service: name.clone(), status: "ACTIVE".into() });
    scheduler::reconcile(ctx, region, &cluster, &name);
    scheduler::schedule_tick(ctx, region, &cluster, &name, now, tuning::SERVICE_SCHEDULER_INTERVAL);
    Ok(json!({ "service": rendered }))
}

/// The service a `--service` value names, or ServiceNotFoundException.
fn find<'a>(c: &'a crate::world::ecs::Cluster, key: &str) -> Result<&'a Service, ServiceError> {
    c.services.get(short_id(key)).ok_or_else(|| ServiceError::new("ServiceNotFoundException", "Service not found."))
}

pub fn update(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let c = active_cluster(&r.ecs, req.str("cluster"))?;
    let cluster = c.name.clone();
    let svc = find(c, req.str("service").unwrap_or_default())?.clone();
    if svc.status != "ACTIVE" {
        return Err(ServiceError::new("ServiceNotActiveException", "Service was not ACTIVE."));
    }
    let daemon = svc.scheduling_strategy == SchedulingStrategy::Daemon;
    if req.get("capacityProviderStrategy").is_some() || req.get("serviceRegistries").is_some() {
        return Err(not_modelled("capacity provider strategies and service discovery"));
    }
    if daemon && req.int("desiredCount").is_some() {
        return Err(ServiceError::invalid_parameter("A DAEMON service takes no desiredCount: it runs one task on each container instance."));
    }
    let new_td = match req.str("taskDefinition") {
        Some(k) => Some(resolve_td(r, k)?),
        None => None,
    };
    let td = match &new_td {
        Some(t) => t.clone(),
        None => resolve_td(r, svc.task_definition()).or_else(|_| r.ecs.task_definitions.resolve(svc.task_definition(), true).cloned().map_err(|_| ServiceError::client("TaskDefinition not found.")))?,
    };
    if svc.launch_type == LaunchType::Fargate && !td.compatibilities.iter().any(|c| c == "FARGATE") {
        return Err(ServiceError::invalid_parameter("Task definition does not support launch_type FARGATE."));
    }
    let network_configuration = if req.get("networkConfiguration").is_some() || new_td.is_some() {
        let merged = if req.get("networkConfiguration").is_some() {
            call.request.clone()
        } else {
            json!({ "networkConfiguration": svc.network_configuration.clone() })
        };
        network(Req(&merged), r, &td, svc.launch_type)?
    } else {
        svc.network_configuration.clone()
    };
    if req.get("placementStrategy").is_some() || req.get("placementConstraints").is_some() {
        check_placement(req, svc.launch_type, daemon)?;
    }
    let lbs = if req.get("loadBalancers").is_some() { Some(load_balancers(req, &td, r)?) } else { None };
    let cfg = deployment_config(req, daemon, Some(&svc.deployment_config))?;
    if new_td.is_some() {
        check_roles(ctx, call, &td)?;
    }
    let td_changed = new_td.as_ref().is_some_and(|t| t.arn() != svc.task_definition());
    let new_deployment = td_changed
        || req.bool("forceNewDeployment") == Some(true)
        || network_configuration != svc.network_configuration
        || lbs.as_ref().is_some_and(|l| *l != svc.load_balancers);
    let now = ctx.now;
    let id = new_deployment.then(|| scheduler::new_deployment_id(ctx));
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.clusters.get_mut(&cluster) else { return Err(ServiceError::cluster_not_found()) };
    let Some(s) = c.services.get_mut(&svc.name) else { return Err(ServiceError::new("ServiceNotFoundException", "Service not found.")) };
    if let Some(d) = req.int("desiredCount") {
        s.desired_count = u32::try_from(d.max(0)).unwrap_or(u32::MAX);
    }
    s.deployment_config = cfg;
    s.network_configuration = network_configuration;
    if let Some(l) = lbs {
        s.load_balancers = l;
    }
    if req.get("placementStrategy").is_some() {
        s.placement_strategy = req.list("placementStrategy").to_vec();
    }
    if req.get("placementConstraints").is_some() {
        s.placement_constraints = req.list("placementConstraints").to_vec();
    }
    if let Some(g) = req.int("healthCheckGracePeriodSeconds") {
        s.health_check_grace_period = g.clamp(0, i64::from(u32::MAX)) as u32;
    }
    if let Some(e) = req.bool("enableExecuteCommand") {
        s.enable_execute_command = e;
    }
    if let Some(id) = &id {
        for d in &mut s.deployments {
            d.status = "ACTIVE".into();
        }
        s.deployments.insert(0, scheduler::new_deployment(id, &td.arn(), s.desired_count, now));
        s.steady = false;
        if td_changed {
            // A new task definition resets the throttle at once (§3.3).
            s.start_failures_in_a_row = 0;
            s.next_launch_at = None;
        }
    } else if let Some(p) = s.primary_mut() {
        p.desired_count = svc.desired_count;
    }
    let desired = s.desired_count;
    if let Some(p) = s.primary_mut() {
        p.desired_count = desired;
        p.updated_at = now;
    }
    let rendered = c.services.get(&svc.name).map(|s| service_render::service(c, s, false)).unwrap_or(Value::Null);
    scheduler::reconcile(ctx, region, &cluster, &svc.name);
    Ok(json!({ "service": rendered }))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let r = ctx.world.region_mut(region);
    let c = active_cluster(&r.ecs, req.str("cluster"))?;
    let cluster = c.name.clone();
    let svc = find(c, req.str("service").unwrap_or_default())?.clone();
    if svc.status != "ACTIVE" {
        return Err(ServiceError::new("ServiceNotActiveException", "Service was not ACTIVE."));
    }
    if svc.desired_count > 0 && svc.scheduling_strategy == SchedulingStrategy::Replica && req.bool("force") != Some(true) {
        // §3.3 (moto's wording of ECS's rule).
        return Err(ServiceError::invalid_parameter("The service cannot be stopped while it is scaled above 0."));
    }
    let Some(c) = ctx.world.region_mut(region).ecs.clusters.get_mut(&cluster) else { return Err(ServiceError::cluster_not_found()) };
    let Some(s) = c.services.get_mut(&svc.name) else { return Err(ServiceError::new("ServiceNotFoundException", "Service not found.")) };
    s.status = "DRAINING".into();
    s.desired_count = 0;
    let rendered = c.services.get(&svc.name).map(|s| service_render::service(c, s, false)).unwrap_or(Value::Null);
    ctx.emit(EventKind::ServiceChanged { region: region.into(), cluster: cluster.clone(), service: svc.name.clone(), status: "DRAINING".into() });
    scheduler::reconcile(ctx, region, &cluster, &svc.name);
    Ok(json!({ "service": rendered }))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let c = active_cluster(&r.ecs, req.str("cluster"))?;
    let keys = req.strings("services");
    if keys.len() > 10 {
        // DescribeServices takes at most 10 services (BC-ECS). Not verbatim.
        return Err(ServiceError::invalid_parameter("services can have at most 10 items."));
    }
    let with_tags = req.strings("include").contains(&"TAGS");
    let mut services = Vec::new();
    let mut failures = Vec::new();
    for key in keys {
        match c.services.get(short_id(key)) {
            Some(s) => services.push(service_render::service(c, s, with_tags)),
            None => {
                let arn = if key.starts_with("arn:") {
                    key.to_string()
                } else {
                    format!("arn:aws:ecs:{}:{ACCOUNT_ID}:service/{}/{key}", call.region, c.name)
                };
                failures.push(json!({"arn": arn, "reason": "MISSING"}));
            }
        }
    }
    Ok(json!({ "services": services, "failures": failures }))
}

pub fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let c = active_cluster(&r.ecs, req.str("cluster"))?;
    let arns: Vec<Value> = c
        .services
        .values()
        .filter(|s| s.status != "INACTIVE")
        .filter(|s| req.str("launchType").is_none_or(|l| l == s.launch_type.as_str()))
        .filter(|s| req.str("schedulingStrategy").is_none_or(|l| l == s.scheduling_strategy.as_str()))
        .map(|s| json!(s.arn()))
        .collect();
    Ok(json!({ "serviceArns": arns }))
}
