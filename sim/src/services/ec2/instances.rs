//! RunInstances, DescribeInstances, TerminateInstances.

use super::{dry_run, passes, render};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle;
use crate::scheduler::Action;
use crate::services::{Call, Req, ServiceError};
use crate::tuning::{self, ACCOUNT_ID};
use crate::world::ec2::{AgentStatus, Instance, InstanceState};
use crate::world::{amis, instance_types};
use serde_json::{Value, json};

/// On-Demand vCPUs the sandbox account may run at once (a real account's quota; an EC2 quota of 64 is a
/// common default for new accounts' standard instances).
const VCPU_LIMIT: u32 = 64;

/// `resolve:ssm:/aws/service/…` as an image id: EC2 reads the parameter at launch.
fn resolve_image(region: &str, image_id: &str) -> Result<&'static amis::Image, ServiceError> {
    if let Some(param) = image_id.strip_prefix("resolve:ssm:") {
        return amis::by_ssm_parameter(param).ok_or_else(|| {
            ServiceError::new("InvalidParameterValue", format!("Unable to resolve the SSM parameter {param}."))
        });
    }
    if !image_id.starts_with("ami-") {
        return Err(ServiceError::new("InvalidAMIID.Malformed", format!("Invalid id: \"{image_id}\" (expecting \"ami-...\")")));
    }
    amis::by_id(region, image_id)
        .ok_or_else(|| ServiceError::new("InvalidAMIID.NotFound", format!("The image id '[{image_id}]' does not exist")))
}

pub fn run(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let image_id = req.str("ImageId").ok_or_else(|| ServiceError::new("MissingParameter", "The request must contain the parameter ImageId"))?;
    let image = resolve_image(region, image_id)?;
    let type_name = req.str("InstanceType").unwrap_or(instance_types::DEFAULT_INSTANCE_TYPE);
    let itype = instance_types::lookup(type_name).ok_or_else(|| {
        ServiceError::new("InvalidParameterValue", format!("The following supplied instance types do not exist: [{type_name}]"))
    })?;
    if itype.architecture != image.architecture {
        return Err(ServiceError::new(
            "InvalidParameterValue",
            format!(
                "The architecture '{}' of the specified instance type does not match the architecture '{}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.",
                itype.architecture.attribute(),
                image.architecture.attribute()
            ),
        ));
    }
    let min = req.int("MinCount").unwrap_or(1).max(0);
    let max = req.int("MaxCount").unwrap_or(min).max(min);
    let profile = profile_name(ctx, req.at("IamInstanceProfile"))?;
    let r = ctx.world.region_mut(region);
    let subnet_id = match req.str("SubnetId") {
        Some(id) => Some(
            r.network
                .subnet(id)
                .map(|s| s.id.clone())
                .ok_or_else(|| ServiceError::new("InvalidSubnetID.NotFound", format!("The subnet ID '{id}' does not exist")))?,
        ),
        None => match req.at("Placement").str("AvailabilityZone") {
            Some(az) => Some(r.network.subnet_in_zone(az).map(|s| s.id.clone()).ok_or_else(|| {
                ServiceError::new("InvalidParameterValue", format!("Invalid availability zone: [{az}]"))
            })?),
            None => None,
        },
    };
    let in_use: u32 = r
        .ec2
        .instances
        .values()
        .filter(|i| matches!(i.state, InstanceState::Pending | InstanceState::Running))
        .filter_map(|i| instance_types::lookup(&i.instance_type))
        .map(|t| t.vcpus)
        .sum();
    let wanted = itype.vcpus.saturating_mul(u32::try_from(min).unwrap_or(u32::MAX));
    if in_use.saturating_add(wanted) > VCPU_LIMIT {
        return Err(ServiceError::new(
            "VcpuLimitExceeded",
            format!("You have requested more vCPU capacity than your current vCPU limit of {VCPU_LIMIT} allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit."),
        ));
    }
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    let room = (VCPU_LIMIT - in_use) / itype.vcpus.max(1);
    let count = u32::try_from(max).unwrap_or(u32::MAX).min(room).max(u32::try_from(min).unwrap_or(0));
    let tags: Vec<(String, String)> = req
        .list("TagSpecifications")
        .iter()
        .filter(|s| s.get("ResourceType").and_then(Value::as_str).is_none_or(|t| t == "instance"))
        .flat_map(|s| s.get("Tags").and_then(Value::as_array).cloned().unwrap_or_default())
        .filter_map(|t| Some((t.get("Key")?.as_str()?.to_string(), t.get("Value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect();
    let reservation_id = format!("r-0{}", ctx.rng.hex(16));
    let client_token = req.str("ClientToken").map_or_else(|| ctx.rng.uuid(), str::to_string);
    let user_data = req.str("UserData").map(str::to_string);
    let mut sg = req.strings("SecurityGroupIds").into_iter().map(str::to_string).collect::<Vec<_>>();
    {
        let net = &ctx.world.region_mut(region).network;
        for id in &sg {
            if net.security_groups.get(id).is_none() {
                // Not verbatim: RunInstances' InvalidGroup.NotFound as commonly quoted.
                return Err(ServiceError::new("InvalidGroup.NotFound", format!("The security group '{id}' does not exist in VPC '{}'", net.vpc_id)));
            }
        }
        for name in req.strings("SecurityGroups") {
            let g = net.security_groups.by_name(&net.vpc_id, name).ok_or_else(|| {
                ServiceError::new("InvalidGroup.NotFound", format!("The security group '{name}' does not exist in default VPC '{}'", net.vpc_id))
            })?;
            sg.push(g.id.clone());
        }
    }
    // A zone taken down by `sandbox fail zone` has no capacity: EC2's InsufficientInstanceCapacity.
    {
        let r = ctx.world.region_mut(region);
        let down = |az: &str| r.network.zones_down.contains(az);
        let requested = subnet_id.as_deref().and_then(|s| r.network.subnet(s)).map(|s| s.availability_zone.clone());
        let all_down = r.network.subnets.iter().all(|s| down(&s.availability_zone));
        if let Some(az) = requested.filter(|az| down(az)).or_else(|| all_down.then(|| r.network.subnets.first().map(|s| s.availability_zone.clone()).unwrap_or_default())) {
            let others: Vec<&str> = r.network.subnets.iter().map(|s| s.availability_zone.as_str()).filter(|z| !down(z)).collect();
            let t = itype.name;
            return Err(ServiceError::new(
                "InsufficientInstanceCapacity",
                format!(
                    "We currently do not have sufficient {t} capacity in the Availability Zone you requested ({az}). Our system will be working on provisioning additional capacity. You can currently get {t} capacity by not specifying an Availability Zone in your request or choosing {}.",
                    others.join(", ")
                ),
            ));
        }
    }
    let mut launched = Vec::new();
    for index in 0..count {
        let r = ctx.world.region_mut(region);
        let subnet = match &subnet_id {
            Some(id) => id.clone(),
            None => {
                // Round robin over the default subnets of the zones that are up.
                let up: Vec<&crate::world::network::Subnet> =
                    r.network.subnets.iter().filter(|s| !r.network.zones_down.contains(&s.availability_zone)).collect();
                let i = r.ec2.launch_order.len() % up.len().max(1);
                up.get(i).map(|s| s.id.clone()).unwrap_or_default()
            }
        };
        let az = r.network.subnet(&subnet).map(|s| s.availability_zone.clone()).unwrap_or_default();
        let ip = r.network.allocate_ip(&subnet, ctx.rng).unwrap_or_default();
        let default_sg = r.network.default_security_group_id.clone();
        let id = format!("i-0{}", ctx.rng.hex(16));
        let instance = Instance {
            id: id.clone(),
            reservation_id: reservation_id.clone(),
            ami_launch_index: index,
            instance_type: itype.name.to_string(),
            image_id: amis::ami_id(region, image),
            availability_zone: az.clone(),
            subnet_id: subnet,
            private_ip: ip,
            state: InstanceState::Pending,
            state_transition_reason: String::new(),
            launch_time: ctx.now,
            iam_instance_profile: profile.clone(),
            user_data: user_data.clone(),
            key_name: req.str("KeyName").map(str::to_string),
            security_group_ids: if sg.is_empty() { vec![default_sg] } else { sg.clone() },
            tags: tags.clone(),
            client_token: client_token.clone(),
            agent: if image.runs_ecs_agent { AgentStatus::Starting } else { AgentStatus::NoAgent },
            user_data_notes: Vec::new(),
        };
        let r = ctx.world.region_mut(region);
        r.ec2.add(instance);
        ctx.emit(EventKind::InstanceLaunched {
            region: region.into(),
            instance_id: id.clone(),
            instance_type: itype.name.into(),
            availability_zone: az,
            ecs_agent: image.runs_ecs_agent,
        });
        ctx.schedule(tuning::INSTANCE_BOOT, Action::InstanceRunning { region: region.into(), instance_id: id.clone() });
        launched.push(id);
    }
    let (r, iam) = ctx.world.region_and_iam(region);
    let instances: Vec<Value> =
        launched.iter().filter_map(|id| r.ec2.instances.get(id)).map(|i| render::instance(iam, r, i)).collect();
    Ok(json!({ "Groups": [], "Instances": instances, "OwnerId": ACCOUNT_ID, "ReservationId": reservation_id }))
}

/// The profile named by `--iam-instance-profile Name=…` or `Arn=…`, which must exist.
fn profile_name(ctx: &Ctx<'_>, p: Req<'_>) -> Result<Option<String>, ServiceError> {
    if let Some(name) = p.str("Name") {
        return match ctx.world.iam.instance_profile(name) {
            Some(found) => Ok(Some(found.name.clone())),
            None => Err(ServiceError::new(
                "InvalidParameterValue",
                format!("Value ({name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name"),
            )),
        };
    }
    if let Some(arn) = p.str("Arn") {
        return match ctx.world.iam.instance_profile(arn) {
            Some(found) if found.arn() == arn => Ok(Some(found.name.clone())),
            _ => Err(ServiceError::new(
                "InvalidParameterValue",
                format!("Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN"),
            )),
        };
    }
    Ok(None)
}

fn check_ids(ctx: &mut Ctx<'_>, region: &str, ids: &[&str]) -> Result<(), ServiceError> {
    let r = ctx.world.region_mut(region);
    for id in ids {
        if !id.starts_with("i-") {
            return Err(ServiceError::new("InvalidInstanceID.Malformed", format!("Invalid id: \"{id}\"")));
        }
        if !r.ec2.instances.contains_key(*id) {
            return Err(ServiceError::new("InvalidInstanceID.NotFound", format!("The instance ID '{id}' does not exist")));
        }
    }
    Ok(())
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let ids = req.strings("InstanceIds");
    check_ids(ctx, call.region, &ids)?;
    let filters = req.list("Filters");
    let (r, iam) = ctx.world.region_and_iam(call.region);
    let mut reservations: Vec<(String, Vec<Value>)> = Vec::new();
    for i in r.ec2.in_launch_order() {
        if !ids.is_empty() && !ids.contains(&i.id.as_str()) {
            continue;
        }
        if !passes(filters, |name| render::filter_values(r, i, name)) {
            continue;
        }
        let v = render::instance(iam, r, i);
        match reservations.iter_mut().find(|(id, _)| *id == i.reservation_id) {
            Some((_, list)) => list.push(v),
            None => reservations.push((i.reservation_id.clone(), vec![v])),
        }
    }
    let reservations: Vec<Value> = reservations
        .into_iter()
        .map(|(id, instances)| json!({"Groups": [], "Instances": instances, "OwnerId": ACCOUNT_ID, "ReservationId": id}))
        .collect();
    Ok(json!({ "Reservations": reservations }))
}

/// Terminating an instance: it goes `shutting-down` at once and `terminated` a few seconds later; its ECS
/// agent disconnects, the container instance is deregistered, and its tasks stop.
pub fn terminate(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let region = call.region;
    let ids = req.strings("InstanceIds");
    check_ids(ctx, region, &ids)?;
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    let mut changes = Vec::new();
    for id in ids {
        let r = ctx.world.region_mut(region);
        let Some(previous) = r.ec2.instances.get(id).map(|i| i.state) else { continue };
        let reason = format!("User initiated ({})", ctx.now.to_cli_string());
        shut_down(ctx, region, id, reason);
        let r = ctx.world.region_mut(region);
        let current = r.ec2.instances.get(id).map_or(previous, |i| i.state);
        changes.push(json!({
            "CurrentState": {"Code": current.code(), "Name": current.name()},
            "InstanceId": id,
            "PreviousState": {"Code": previous.code(), "Name": previous.name()},
        }));
    }
    Ok(json!({ "TerminatingInstances": changes }))
}

/// Starts terminating a pending or running instance: `shutting-down`, its container instance deregistered
/// and its tasks stopped, `terminated` a moment later. `reason` is the StateTransitionReason.
pub fn shut_down(ctx: &mut Ctx<'_>, region: &str, id: &str, reason: String) {
    let r = ctx.world.region_mut(region);
    let Some(inst) = r.ec2.instances.get_mut(id) else { return };
    if !matches!(inst.state, InstanceState::Pending | InstanceState::Running) {
        return;
    }
    inst.state = InstanceState::ShuttingDown;
    inst.state_transition_reason = reason;
    let agent = std::mem::replace(&mut inst.agent, AgentStatus::Stopped);
    ctx.emit(EventKind::InstanceStateChanged { region: region.into(), instance_id: id.into(), state: "shutting-down".into() });
    ctx.schedule(tuning::INSTANCE_SHUTDOWN, Action::InstanceTerminated { region: region.into(), instance_id: id.into() });
    if let AgentStatus::Registered { cluster, container_instance_id } = agent {
        deregister(ctx, region, &cluster, &container_instance_id, id);
    }
}

/// The container instance of a terminated EC2 instance: its tasks stop, it is marked INACTIVE.
fn deregister(ctx: &mut Ctx<'_>, region: &str, cluster: &str, ci_id: &str, instance_id: &str) {
    let r = ctx.world.region_mut(region);
    let Some(c) = r.ecs.clusters.get_mut(cluster) else { return };
    let task_ids: Vec<String> = c
        .tasks
        .values()
        .filter(|t| t.container_instance_id.as_deref() == Some(ci_id) && t.holds_resources())
        .map(|t| t.id.clone())
        .collect();
    if let Some(ci) = c.container_instances.get_mut(ci_id) {
        ci.agent_connected = false;
        ci.status = "INACTIVE".into();
        ci.version += 1;
    }
    ctx.emit(EventKind::ContainerInstanceDeregistered {
        region: region.into(),
        cluster: cluster.into(),
        container_instance_id: ci_id.into(),
    });
    let reason = format!("Host EC2 (instance {instance_id}) terminated.");
    for t in task_ids {
        lifecycle::task::begin_stop(ctx, region, cluster, &t, "TerminationNotice", &reason);
    }
}
