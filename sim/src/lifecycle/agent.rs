//! The ECS agent starting on an instance and registering it with its cluster: credentials from the instance
//! profile, the cluster from `ECS_CLUSTER` (the `default` cluster is created if missing; any other missing
//! cluster fails and the agent retries), resources and attributes as ECS records them (ecs-facts.md §2.3,
//! §2.4, §7).

use crate::agent::read_user_data;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::amis;
use crate::world::ec2::{AgentStatus, InstanceState};
use crate::world::ecs::{Cluster, ContainerInstance};
use crate::world::instance_types;
use std::collections::BTreeMap;

/// Capabilities every ECS-optimized AMI's agent advertises (a representative subset of the real list).
const CAPABILITIES: &[&str] = &[
    "com.amazonaws.ecs.capability.docker-remote-api.1.17",
    "com.amazonaws.ecs.capability.docker-remote-api.1.18",
    "com.amazonaws.ecs.capability.docker-remote-api.1.19",
    "com.amazonaws.ecs.capability.docker-remote-api.1.21",
    "com.amazonaws.ecs.capability.docker-remote-api.1.22",
    "com.amazonaws.ecs.capability.docker-remote-api.1.23",
    "com.amazonaws.ecs.capability.docker-remote-api.1.24",
    "com.amazonaws.ecs.capability.docker-remote-api.1.25",
    "com.amazonaws.ecs.capability.docker-remote-api.1.26",
    "com.amazonaws.ecs.capability.docker-remote-api.1.27",
    "com.amazonaws.ecs.capability.docker-remote-api.1.28",
    "com.amazonaws.ecs.capability.docker-remote-api.1.29",
    "com.amazonaws.ecs.capability.docker-remote-api.1.30",
    "com.amazonaws.ecs.capability.docker-remote-api.1.31",
    "com.amazonaws.ecs.capability.docker-remote-api.1.32",
    "com.amazonaws.ecs.capability.ecr-auth",
    "com.amazonaws.ecs.capability.privileged-container",
    "ecs.capability.container-health-check",
    "ecs.capability.container-ordering",
    "ecs.capability.efsAuth",
    "ecs.capability.efs",
    "ecs.capability.env-files.s3",
    "ecs.capability.execution-role-awslogs",
    "ecs.capability.execution-role-ecr-pull",
    "ecs.capability.firelens.fluentbit",
    "ecs.capability.firelens.fluentd",
    "ecs.capability.full-sync",
    "ecs.capability.increased-task-cpu-limit",
    "ecs.capability.private-registry-authentication.secretsmanager",
    "ecs.capability.secrets.asm.environment-variables",
    "ecs.capability.secrets.ssm.environment-variables",
];

pub fn on_start(ctx: &mut Ctx<'_>, region: &str, instance_id: &str) {
    let Some(inst) = ctx.world.region_mut(region).ec2.instances.get(instance_id).cloned() else { return };
    if inst.state != InstanceState::Running || matches!(inst.agent, AgentStatus::Registered { .. } | AgentStatus::NoAgent) {
        return;
    }
    // Credentials: the instance profile's role, if the role trusts EC2 (ecs-facts.md §5, instance role).
    let role = inst
        .iam_instance_profile
        .as_deref()
        .and_then(|p| ctx.world.iam.instance_profile(p))
        .and_then(|p| p.roles.first())
        .and_then(|r| ctx.world.iam.role(r))
        .filter(|r| crate::iam_policy::trusts_service(&r.trust, "ec2.amazonaws.com"))
        .cloned();
    let Some(role) = role else {
        let why = if inst.iam_instance_profile.is_none() {
            "The instance has no IAM instance profile, so the ECS agent has no credentials; launch it with --iam-instance-profile Name=ecsInstanceRole."
        } else {
            "The instance profile has no role that trusts ec2.amazonaws.com, so the instance gets no credentials."
        };
        let reason = format!("Unable to register as a container instance with ECS: NoCredentialProviders: no valid providers in chain. {why}");
        set_cannot_register(ctx, region, instance_id, &reason);
        return;
    };
    let outcome = read_user_data(inst.user_data.as_deref());
    let cluster_name = outcome.config.cluster.clone();
    let cluster_arn = format!("arn:aws:ecs:{region}:{}:cluster/{cluster_name}", crate::tuning::ACCOUNT_ID);
    let missing = !ctx.world.region_mut(region).ecs.clusters.contains_key(&cluster_name);
    let needed: &[&str] = if missing && cluster_name == crate::agent::ecs_config::DEFAULT_CLUSTER {
        &["ecs:CreateCluster", "ecs:RegisterContainerInstance"]
    } else {
        &["ecs:RegisterContainerInstance"]
    };
    for action in needed {
        let resource = if *action == "ecs:CreateCluster" { "*" } else { cluster_arn.as_str() };
        if let Err(denied) = ctx.world.iam.authorize_role(&role, instance_id, action, resource) {
            let reason = format!("Unable to register as a container instance with ECS: AccessDeniedException: {denied}");
            set_cannot_register(ctx, region, instance_id, &reason);
            ctx.schedule(tuning::AGENT_RETRY, Action::AgentStart { region: region.into(), instance_id: instance_id.into() });
            return;
        }
    }
    let r = ctx.world.region_mut(region);
    if !r.ecs.clusters.contains_key(&cluster_name) {
        if cluster_name == crate::agent::ecs_config::DEFAULT_CLUSTER {
            let cluster = Cluster::new(&cluster_name, region, ctx.now);
            r.ecs.clusters.insert(cluster_name.clone(), cluster);
            ctx.emit(EventKind::ClusterCreated { region: region.into(), cluster: cluster_name.clone() });
        } else {
            let reason = format!(
                "Unable to register as a container instance with ECS: ClusterNotFoundException: Cluster not found. ECS_CLUSTER={cluster_name} names no cluster; the agent retries every {} seconds.",
                tuning::AGENT_RETRY.as_secs()
            );
            set_cannot_register(ctx, region, instance_id, &reason);
            ctx.schedule(tuning::AGENT_RETRY, Action::AgentStart { region: region.into(), instance_id: instance_id.into() });
            return;
        }
    }
    let Some(itype) = instance_types::lookup(&inst.instance_type) else { return };
    let image = amis::by_id(region, &inst.image_id);
    let config = outcome.config;
    let r = ctx.world.region_mut(region);
    let subnet_vpc = r.network.vpc_id.clone();
    let mut attributes: BTreeMap<String, Option<String>> = BTreeMap::new();
    for cap in CAPABILITIES {
        attributes.insert((*cap).to_string(), None);
    }
    for driver in &config.available_logging_drivers {
        attributes.insert(format!("com.amazonaws.ecs.capability.logging-driver.{driver}"), None);
    }
    if config.enable_task_iam_role {
        attributes.insert("com.amazonaws.ecs.capability.task-iam-role".into(), None);
    }
    if config.enable_task_iam_role_network_host {
        attributes.insert("com.amazonaws.ecs.capability.task-iam-role-network-host".into(), None);
    }
    if config.enable_task_eni {
        attributes.insert("ecs.capability.task-eni".into(), None);
    }
    let (os_type, os_family) = image.map_or(("linux", "LINUX"), |i| (i.os.os_type(), i.os.os_family()));
    for (k, v) in [
        ("ecs.ami-id", inst.image_id.clone()),
        ("ecs.availability-zone", inst.availability_zone.clone()),
        ("ecs.capability.cni-plugin-version", "55b2ae77-2024.10.0".to_string()),
        ("ecs.cpu-architecture", itype.architecture.attribute().to_string()),
        ("ecs.instance-type", inst.instance_type.clone()),
        ("ecs.os-family", os_family.to_string()),
        ("ecs.os-type", os_type.to_string()),
        ("ecs.subnet-id", inst.subnet_id.clone()),
        ("ecs.vpc-id", subnet_vpc),
    ] {
        attributes.insert(k.to_string(), Some(v));
    }
    for (k, v) in &config.instance_attributes {
        attributes.insert(k.clone(), Some(v.clone()));
    }
    let id = ctx.rng.hex(32);
    let agent_hash = ctx.rng.hex(8);
    let ci = ContainerInstance {
        id: id.clone(),
        cluster: cluster_name.clone(),
        region: region.into(),
        ec2_instance_id: instance_id.into(),
        instance_type: inst.instance_type.clone(),
        availability_zone: inst.availability_zone.clone(),
        status: "ACTIVE".into(),
        agent_connected: true,
        registered_cpu: itype.registered_cpu(),
        registered_memory: itype.os_visible_mib.saturating_sub(config.reserved_memory),
        registered_gpus: if config.enable_gpu_support { itype.gpus } else { 0 },
        config,
        attributes,
        registered_at: ctx.now,
        version: 1,
        agent_hash,
        last_dynamic_port: None,
        max_enis: itype.max_enis,
    };
    let (registered_cpu, registered_memory) = (ci.registered_cpu, ci.registered_memory);
    let r = ctx.world.region_mut(region);
    if let Some(cluster) = r.ecs.clusters.get_mut(&cluster_name) {
        cluster.container_instances.insert(id.clone(), ci);
    }
    if let Some(inst) = r.ec2.instances.get_mut(instance_id) {
        inst.agent = AgentStatus::Registered { cluster: cluster_name.clone(), container_instance_id: id.clone() };
        inst.user_data_notes = outcome.notes;
    }
    ctx.emit(EventKind::ContainerInstanceRegistered {
        region: region.into(),
        cluster: cluster_name,
        container_instance_id: id,
        instance_id: instance_id.into(),
        instance_type: inst.instance_type.clone(),
        availability_zone: inst.availability_zone.clone(),
        registered_cpu,
        registered_memory,
    });
}

/// Records why the agent cannot register; the event is emitted only when the reason changes, so retries do
/// not flood the log.
fn set_cannot_register(ctx: &mut Ctx<'_>, region: &str, instance_id: &str, reason: &str) {
    let Some(inst) = ctx.world.region_mut(region).ec2.instances.get_mut(instance_id) else { return };
    let status = AgentStatus::CannotRegister { reason: reason.to_string() };
    if inst.agent == status {
        return;
    }
    inst.agent = status;
    ctx.emit(EventKind::AgentCannotRegister { region: region.into(), instance_id: instance_id.into(), reason: reason.into() });
}
