//! `aws ecs execute-command --cluster C --task T [--container N] --interactive --command "CMD"`: runs a
//! command in a running container through ECS Exec, as the application would run it — with the task role's
//! credentials (ecs-facts.md §5: the task role is for the application's own AWS calls). On EC2 a task
//! without a task role gets the instance role through the instance metadata service; on Fargate it gets
//! none. The checks and texts are ECS Exec's: the task must have been started with
//! `--enable-execute-command`, and its task role needs the four `ssmmessages` channel permissions.

use super::globals::Globals;
use super::model;
use super::usage::CliFailure;
use crate::sandbox::Sandbox;
use crate::services::caller::Caller;
use crate::workspace::Workspace;
use crate::world::ec2::AgentStatus;
use crate::world::ecs::{LaunchType, TaskStatus, short_id};

const CHANNEL_ACTIONS: [&str; 4] =
    ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"];

const NOT_ENABLED: &str = "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try the command again or run a new task with execute command enabled and try again.";

/// The commands a container answers inside a session: the AWS CLI, and a few shell basics.
const INNER: &[&str] = &["aws", "echo", "env", "printenv", "true", "false", "sleep"];

pub fn run(sb: &mut Sandbox, g: &Globals, args: &[String], ws: &mut dyn Workspace) -> Result<String, CliFailure> {
    let ecs = model::service("ecs").ok_or_else(|| CliFailure::other("the ECS model is missing"))?;
    let parsed = super::args::parse_operation_args(ecs, "ExecuteCommand", args, ws).map_err(super::arg_failure)?;
    let req = crate::services::Req(&parsed.request);
    let region = super::region(g, sb, ecs)?;
    let fail = |code: &str, msg: &str| CliFailure::service(code, "ExecuteCommand", msg);
    if req.bool("interactive") != Some(true) {
        return Err(fail("InvalidParameterException", "Interactive is the only mode supported currently."));
    }
    sb.shell.caller.clone().authorize(sb.world(), "ecs:ExecuteCommand", "*").map_err(|m| fail("AccessDeniedException", &m))?;
    let world = sb.world();
    let r = world.region(&region).ok_or_else(|| fail("ClusterNotFoundException", "Cluster not found."))?;
    let cluster = r.ecs.cluster(req.str("cluster")).filter(|c| c.status == "ACTIVE").ok_or_else(|| fail("ClusterNotFoundException", "Cluster not found."))?;
    let task = cluster
        .tasks
        .get(short_id(req.str("task").unwrap_or_default()))
        .ok_or_else(|| fail("InvalidParameterException", "The specified task was not found."))?;
    if let Some(name) = req.str("container") {
        if !task.containers.iter().any(|c| c.name == name) {
            return Err(fail("InvalidParameterException", &format!("The container {name} does not exist in the task.")));
        }
    } else if task.containers.len() > 1 {
        return Err(fail("InvalidParameterException", "The container name is required when the task has more than one container."));
    }
    if !task.enable_execute_command || task.last_status != TaskStatus::Running {
        return Err(fail("InvalidParameterException", NOT_ENABLED));
    }
    let task_role = task.task_role_arn.as_deref().and_then(|a| world.iam.role(a)).map(|r| r.name.clone());
    // The ECS Exec agent in the task opens its channels with the task role; without them it never connects.
    let connected = task_role.as_ref().and_then(|name| world.iam.role(name)).is_some_and(|role| {
        CHANNEL_ACTIONS.iter().all(|a| world.iam.authorize_role(role, &task.id, a, "*").is_ok())
    });
    if !connected {
        return Err(fail("TargetNotConnectedException", "The execute command failed due to an internal error. Try again later."));
    }
    let caller = match (&task_role, task.launch_type) {
        (Some(role), _) => Caller::Role { role: role.clone(), session: task.id.clone() },
        (None, LaunchType::Fargate) => Caller::NoCredentials,
        (None, _) => instance_role_caller(world, &region, task.container_instance_id.as_deref(), &cluster.name),
    };
    let env = container_env(task.launch_type == LaunchType::Fargate, &region, &task.id);
    let session = format!("ecs-execute-command-0{}", sb.ctx().rng.hex(16));
    let command = req.str("command").unwrap_or("/bin/sh").to_string();
    let output = run_inside(sb, &command, caller, env, ws);
    Ok(format!(
        "\nThe Session Manager plugin was installed successfully. Use the AWS CLI to start a session.\n\n\nStarting session with SessionId: {session}\n{output}\n\nExiting session with sessionId: {session}.\n\n"
    ))
}

fn instance_role_caller(world: &crate::world::World, region: &str, ci: Option<&str>, cluster: &str) -> Caller {
    let r = world.region(region);
    let ec2_id = ci.and_then(|id| r?.ecs.clusters.get(cluster)?.container_instances.get(id)).map(|c| c.ec2_instance_id.clone());
    let role = ec2_id.as_ref().and_then(|id| r?.ec2.instances.get(id)).filter(|i| matches!(i.agent, AgentStatus::Registered { .. })).and_then(|i| {
        let profile = world.iam.instance_profile(i.iam_instance_profile.as_deref()?)?;
        profile.roles.first().cloned()
    });
    match (role, ec2_id) {
        (Some(role), Some(session)) => Caller::Role { role, session },
        _ => Caller::NoCredentials,
    }
}

fn container_env(fargate: bool, region: &str, task_id: &str) -> Vec<(String, String)> {
    vec![
        ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI".into(), format!("/v2/credentials/{}", &task_id.get(..8).unwrap_or(task_id))),
        ("AWS_DEFAULT_REGION".into(), region.into()),
        ("AWS_REGION".into(), region.into()),
        ("AWS_EXECUTION_ENV".into(), if fargate { "AWS_ECS_FARGATE".into() } else { "AWS_ECS_EC2".into() }),
        ("ECS_CONTAINER_METADATA_URI_V4".into(), format!("http://169.254.170.2/v4/{task_id}")),
        ("HOME".into(), "/root".into()),
        ("PATH".into(), "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into()),
    ]
}

/// Runs the command with the container's environment and credentials, then restores the terminal's.
fn run_inside(sb: &mut Sandbox, command: &str, caller: Caller, env: Vec<(String, String)>, ws: &mut dyn Workspace) -> String {
    let first = command.split_whitespace().next().unwrap_or_default();
    if first == "/bin/sh" || first == "/bin/bash" || first == "sh" || first == "bash" {
        return "ECS Sandbox runs one command per session: pass it with --command, e.g. --command \"aws s3 ls\".".into();
    }
    if !INNER.contains(&first) {
        return format!("sh: {first}: not found");
    }
    let saved_caller = std::mem::replace(&mut sb.shell.caller, caller);
    let saved_vars = std::mem::replace(&mut sb.shell.vars, env.into_iter().collect());
    let out = crate::commands::run_line(sb, command, ws);
    sb.shell.caller = saved_caller;
    sb.shell.vars = saved_vars;
    out.text().trim_end().to_string()
}
