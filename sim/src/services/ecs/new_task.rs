//! A new task's record, as RunTask, the service scheduler and a capacity provider create it: its containers,
//! its host-port bindings or its ENI (an address in one of the given subnets), then the `TaskPlaced` event and
//! the first step of its lifecycle.

use super::network_config::AwsVpc;
use super::run_task::Template;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle;
use crate::placement::PortNeed;
use crate::services::ServiceError;
use crate::tuning;
use crate::world::ecs::task::TaskContainer;
use crate::world::ecs::{LaunchType, NetworkBinding, Task, TaskEni, TaskStatus};

pub(crate) fn binding(n: &PortNeed, host: u16) -> NetworkBinding {
    NetworkBinding {
        container_name: n.container.clone(),
        bind_ip: "0.0.0.0".into(),
        container_port: n.container_port,
        host_port: host,
        protocol: n.protocol.as_str().into(),
        dynamic: n.host_port.is_none(),
    }
}

/// An ENI in the first given subnet of `zone` (or the first subnet), with a private address from it.
pub(crate) fn allocate_eni(ctx: &mut Ctx<'_>, region: &str, cfg: &AwsVpc, zone: Option<&str>, public: bool) -> Result<TaskEni, ServiceError> {
    let r = ctx.world.region_mut(region);
    let subnet = cfg
        .subnets
        .iter()
        .find(|s| zone.is_none_or(|z| r.network.subnet(s).is_some_and(|sub| sub.availability_zone == z)))
        .or_else(|| cfg.subnets.first())
        .cloned()
        .unwrap_or_default();
    let ip = r
        .network
        .allocate_ip(&subnet, ctx.rng)
        .ok_or_else(|| ServiceError::invalid_parameter(format!("Subnet {subnet} has no free IP addresses.")))?;
    let public_ip = public.then(|| format!("54.{}.{}.{}", 160 + ctx.rng.below(40), ctx.rng.below(256), 1 + ctx.rng.below(254)));
    let mac_hex = ctx.rng.hex(10);
    let eni_id = format!("eni-0{}", ctx.rng.hex(16));
    // The ENI's security groups, for the load balancer's reachability checks (ecs-facts.md §4).
    ctx.world.region_mut(region).network.security_groups.eni_groups.insert(eni_id.clone(), cfg.security_groups.clone());
    Ok(TaskEni {
        id: eni_id,
        subnet_id: subnet,
        private_ip: ip,
        public_ip,
        mac: format!("0e:{}:{}:{}:{}:{}", &mac_hex[0..2], &mac_hex[2..4], &mac_hex[4..6], &mac_hex[6..8], &mac_hex[8..10]),
    })
}

pub(crate) fn create_task(
    ctx: &mut Ctx<'_>,
    tpl: &Template,
    instance: Option<(String, String)>,
    bindings: Vec<NetworkBinding>,
    eni: Option<TaskEni>,
) -> String {
    let id = ctx.rng.hex(32);
    let az = match (&instance, &eni) {
        (Some((_, az)), _) => az.clone(),
        (None, Some(e)) => ctx.world.region_mut(&tpl.region).network.subnet(&e.subnet_id).map(|s| s.availability_zone.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    let containers = tpl
        .td
        .request
        .container_definitions
        .iter()
        .flatten()
        .map(|d| TaskContainer {
            name: d.name.clone().unwrap_or_default(),
            image: d.image.clone().unwrap_or_default(),
            id: ctx.rng.uuid(),
            runtime_id: Some(if tpl.launch_type == LaunchType::Fargate {
                format!("{id}-{}", 1_000_000_000 + ctx.rng.next_u64() % 9_000_000_000)
            } else {
                ctx.rng.hex(64)
            }),
            last_status: "PENDING".into(),
            exit_code: None,
            reason: None,
            cpu: d.cpu.unwrap_or(0),
            memory: d.memory,
            memory_reservation: d.memory_reservation,
            essential: d.essential.unwrap_or(true),
        })
        .collect();
    let fargate = tpl.launch_type == LaunchType::Fargate;
    let task = Task {
        id: id.clone(),
        cluster: tpl.cluster.clone(),
        region: tpl.region.clone(),
        family: tpl.td.family.clone(),
        revision: tpl.td.revision,
        launch_type: tpl.launch_type,
        container_instance_id: instance.as_ref().map(|(i, _)| i.clone()),
        availability_zone: az.clone(),
        last_status: TaskStatus::Provisioning,
        desired_status: TaskStatus::Running,
        reserved_cpu: tpl.cpu,
        reserved_memory: tpl.memory,
        cpu: tpl.td.request.cpu.clone().or_else(|| fargate.then(|| tpl.cpu.to_string())),
        memory: tpl.td.request.memory.clone().or_else(|| fargate.then(|| tpl.memory.to_string())),
        containers,
        group: tpl.group.clone(),
        capacity_provider_name: tpl.capacity_provider.clone(),
        started_by: tpl.started_by.clone(),
        created_at: ctx.now,
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
        overrides: tpl.overrides.clone(),
        tags: tpl.tags.clone(),
        bindings,
        eni,
        gpus: tpl.gpus,
        network_mode: tpl.td.request.network_mode.clone().unwrap_or_else(|| "bridge".into()),
        platform_version: fargate.then(|| tuning::FARGATE_PLATFORM_VERSION.to_string()),
        enable_execute_command: tpl.enable_execute_command,
        task_role_arn: tpl.task_role_arn.clone(),
        execution_role_arn: tpl.execution_role_arn.clone(),
        health_fault_since: None,
    };
    let r = ctx.world.region_mut(&tpl.region);
    if let Some(c) = r.ecs.clusters.get_mut(&tpl.cluster) {
        c.tasks.insert(id.clone(), task.clone());
    }
    ctx.emit(EventKind::TaskPlaced {
        region: tpl.region.clone(),
        cluster: tpl.cluster.clone(),
        task_id: id.clone(),
        family: tpl.td.family.clone(),
        revision: tpl.td.revision,
        container_instance_id: instance.map(|(i, _)| i),
        availability_zone: az,
        cpu: tpl.cpu,
        memory: tpl.memory,
    });
    lifecycle::task::schedule_next(ctx, &task);
    id
}
