//! The seam between ECS services and load balancing (ecs-facts.md §4): what the service scheduler calls to
//! put a task behind a target group, take it out, and learn whether the load balancer finds it healthy.
//!
//! ECS registers a task as ELB does for any target: bridge and host mode tasks as `instanceId:hostPort` (the
//! dynamic host port from `networkBindings`) in an `instance` target group; awsvpc tasks (all Fargate tasks)
//! as `eniPrivateIp:containerPort` in an `ip` target group. [`check_target_type`] refuses the mismatch with
//! ECS's own message.
//!
//! ```ignore
//! let target = service_targets::register_task(ctx, "us-east-1", &tg_arn, "demo", &task_id, "web", 80)?;
//! // … later, every scheduler tick:
//! let healthy = service_targets::target_health(world.region("us-east-1")?, &tg_arn, &target)
//!     .is_some_and(|h| h.state == "healthy");
//! // stopping the task: drain first, stop when the returned time has passed.
//! let drained_at = service_targets::deregister_task(ctx, "us-east-1", &tg_arn, &target)?;
//! ```

use super::TargetHealthView;
use crate::clock::SimTime;
use crate::context::Ctx;
use crate::services::ServiceError;
use crate::world::Region;
use crate::world::ecs::TaskStatus;
use thiserror::Error;

/// A target as ELB knows it: an instance id or an IP address, and a port.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TaskTarget {
    pub id: String,
    pub port: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TargetError {
    #[error("target group {0} not found")]
    TargetGroupNotFound(String),
    #[error("task {task} not found in cluster {cluster}")]
    TaskNotFound { cluster: String, task: String },
    #[error("task {task} has no {container}:{port} binding (not placed yet, or the port is not mapped)")]
    NoBinding { task: String, container: String, port: u16 },
    /// ELB refused the target (RegisterTargets' error).
    #[error("{0}")]
    Refused(ServiceError),
}

/// The target ECS registers for a task's `containerName:containerPort` in a target group of `target_type`:
/// bridge/host → (EC2 instance id, host port of that container port); awsvpc → (ENI address, container port).
pub fn task_target(r: &Region, cluster: &str, task_id: &str, container: &str, container_port: u16) -> Result<TaskTarget, TargetError> {
    let not_found = || TargetError::TaskNotFound { cluster: cluster.into(), task: task_id.into() };
    let c = r.ecs.clusters.get(cluster).ok_or_else(not_found)?;
    let t = c.tasks.get(crate::world::ecs::short_id(task_id)).ok_or_else(not_found)?;
    let no_binding = || TargetError::NoBinding { task: t.id.clone(), container: container.into(), port: container_port };
    if let Some(eni) = &t.eni {
        return Ok(TaskTarget { id: eni.private_ip.clone(), port: container_port });
    }
    let b = t.bindings.iter().find(|b| b.container_name == container && b.container_port == container_port).ok_or_else(no_binding)?;
    let ci = t.container_instance_id.as_deref().and_then(|ci| c.container_instances.get(ci)).ok_or_else(no_binding)?;
    Ok(TaskTarget { id: ci.ec2_instance_id.clone(), port: b.host_port })
}

/// ECS's refusal of an `instance` target group for an awsvpc task definition (ecs-facts.md §4, quoted from
/// https://github.com/riboseinc/terraform-aws-ecs-gitlab/issues/5). CreateService calls this per target group.
pub fn check_target_type(r: &Region, target_group_arn: &str, network_mode: &str) -> Result<(), ServiceError> {
    let tg = r
        .elbv2
        .target_group(target_group_arn)
        // What ECS answers for a target group it cannot find (widely quoted, e.g. aws/aws-cdk issues).
        .ok_or_else(|| {
            ServiceError::invalid_parameter(
                "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.",
            )
        })?;
    if network_mode == "awsvpc" && tg.target_type == "instance" {
        return Err(ServiceError::invalid_parameter(format!(
            "The provided target group {target_group_arn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition."
        )));
    }
    Ok(())
}

/// Registers a task's container port in the target group (as `RegisterTargets` would) and returns the
/// target. The target starts `initial`; health checks start on the virtual clock.
pub fn register_task(
    ctx: &mut Ctx<'_>,
    region: &str,
    target_group_arn: &str,
    cluster: &str,
    task_id: &str,
    container: &str,
    container_port: u16,
) -> Result<TaskTarget, TargetError> {
    let target = task_target(ctx.world.region_mut(region), cluster, task_id, container, container_port)?;
    if ctx.world.region_mut(region).elbv2.target_group(target_group_arn).is_none() {
        return Err(TargetError::TargetGroupNotFound(target_group_arn.into()));
    }
    super::targets::register_one(ctx, region, target_group_arn, &target.id, target.port).map_err(TargetError::Refused)?;
    Ok(target)
}

/// Deregisters a target (as `DeregisterTargets`): it drains for the target group's
/// `deregistration_delay.timeout_seconds` (default 300) and is gone after. Returns when draining ends
/// (`None`: it was removed at once, or was not registered). ECS stops the task once this time has passed.
pub fn deregister_task(ctx: &mut Ctx<'_>, region: &str, target_group_arn: &str, target: &TaskTarget) -> Result<Option<SimTime>, TargetError> {
    if ctx.world.region_mut(region).elbv2.target_group(target_group_arn).is_none() {
        return Err(TargetError::TargetGroupNotFound(target_group_arn.into()));
    }
    super::targets::deregister_one(ctx, region, target_group_arn, &target.id, target.port).map_err(TargetError::Refused)
}

/// What DescribeTargetHealth would say about the target (`state` `initial`, `healthy`, `unhealthy`, `unused`,
/// `draining`, with the reason code), or `None` when the target group or the target does not exist.
pub fn target_health(r: &Region, target_group_arn: &str, target: &TaskTarget) -> Option<TargetHealthView> {
    let tg = r.elbv2.target_group(target_group_arn)?;
    let t = tg.targets.iter().find(|t| t.id == target.id && t.port == target.port)?;
    Some(super::describe_health(r, tg, t))
}

/// Whether the task behind a target still runs (a service may deregister targets whose task stopped).
pub fn task_running(r: &Region, cluster: &str, task_id: &str) -> bool {
    r.ecs.clusters.get(cluster).and_then(|c| c.tasks.get(task_id)).is_some_and(|t| t.last_status == TaskStatus::Running)
}

/// The fault hook: from now on the task's application answers every request and health check with `status`
/// (`None`: 200 again). Health checks then fail with `Target.ResponseCodeMismatch` unless the matcher accepts it.
pub fn set_app_response(ctx: &mut Ctx<'_>, region: &str, task_id: &str, status: Option<u16>) {
    let e = &mut ctx.world.region_mut(region).elbv2;
    match status {
        Some(s) if s != 200 => {
            e.app_status.insert(task_id.to_string(), s);
        }
        _ => {
            e.app_status.remove(task_id);
        }
    }
}

/// The scheduled end of a target's deregistration delay (see `Action::TargetDrained`).
pub(crate) fn on_drained(ctx: &mut Ctx<'_>, region: &str, target_group_arn: &str, id: &str, port: u16) {
    super::targets::on_drained(ctx, region, target_group_arn, id, port);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MemoryWorkspace, Sandbox};

    fn run(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
        let out = sb.execute(line, ws);
        assert_eq!(out.exit_code, 0, "{line}: {}", out.stderr());
        out.stdout().trim().to_string()
    }

    #[test]
    fn facts_4_a_bridge_task_registers_as_instance_and_host_port_and_drains() {
        let mut ws = MemoryWorkspace::new()
            .with_file("ud.sh", "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n")
            .with_file("web.json", r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80}]}]}"#);
        let mut sb = Sandbox::new(1);
        run(&mut sb, &mut ws, "aws ecs create-cluster --cluster-name demo");
        run(&mut sb, &mut ws, "aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --iam-instance-profile Name=ecsInstanceRole --user-data file://ud.sh");
        run(&mut sb, &mut ws, "sleep 30");
        run(&mut sb, &mut ws, "aws ecs register-task-definition --cli-input-json file://web.json");
        let task = run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition web --query 'tasks[0].taskArn' --output text");
        run(&mut sb, &mut ws, "sleep 15");
        let vpc = run(&mut sb, &mut ws, "aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text");
        let tg = run(&mut sb, &mut ws, &format!("aws elbv2 create-target-group --name web --protocol HTTP --port 80 --vpc-id {vpc} --query 'TargetGroups[0].TargetGroupArn' --output text"));
        let mut ctx = sb.ctx();
        let target = register_task(&mut ctx, "us-east-1", &tg, "demo", &task, "web", 80).expect("registers");
        assert!(target.id.starts_with("i-") && target.port >= 32768, "{target:?}");
        assert_eq!(register_task(&mut ctx, "us-east-1", &tg, "demo", &task, "web", 81), Err(TargetError::NoBinding {
            task: crate::world::ecs::short_id(&task).into(),
            container: "web".into(),
            port: 81
        }));
        let r = ctx.world.region("us-east-1").expect("region");
        assert_eq!(target_health(r, &tg, &target).map(|h| h.state), Some("unused"), "no listener forwards to it yet");
        assert!(check_target_type(r, &tg, "bridge").is_ok());
        let err = check_target_type(r, &tg, "awsvpc").expect_err("instance target group and awsvpc");
        assert!(err.message.contains("has target type instance, which is incompatible with the awsvpc network mode"), "{}", err.message);
        // Not in use: deregistering removes it at once.
        assert_eq!(deregister_task(&mut ctx, "us-east-1", &tg, &target), Ok(None));
        assert_eq!(target_health(ctx.world.region("us-east-1").expect("region"), &tg, &target), None);
    }
}
