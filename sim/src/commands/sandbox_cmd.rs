//! `sandbox …`: commands that are not AWS's but the sandbox's own, for seeing inside the model and for
//! causing faults AWS would cause on its own.
//!
//! - `sandbox explain-placement TASK [--cluster C]`: every instance with each check it passed or failed and
//!   how each strategy ranked it, for the placement of TASK (an id or ARN).
//! - `sandbox explain-placement --last-failure [--cluster C]`: the same for the last task that could not be
//!   placed.
//! - `sandbox disconnect-agent ID` / `sandbox reconnect-agent ID`: the ECS agent on an instance (EC2 instance
//!   id or container instance id) loses or regains its connection to ECS.
//! - `sandbox learner-policy [FILE|ARN|--admin]`: the learner's own IAM permissions (see `sandbox_learner`).
//! - `sandbox pull-as ACCOUNT[/ROLE] IMAGE`: another account's pull, to try a repository policy.
//! - `sandbox load URL --rps N --for DURATION`: steady traffic through a load balancer (see `sandbox_load`).
//! - `sandbox fail health TASK`, `sandbox fail zone AZ` and their `restore`: faults (see `sandbox_faults`).
//! - `sandbox interrupt spot TASK|--all [--cluster C]`: a Fargate Spot interruption (see `sandbox_spot`).

use super::interpreter::Io;
use crate::events::EventKind;
use crate::sandbox::Sandbox;
use crate::world::ecs::short_id;

const USAGE: &str = "usage: sandbox explain-placement TASK|--last-failure [--cluster NAME]
       sandbox disconnect-agent INSTANCE_ID
       sandbox reconnect-agent INSTANCE_ID
       sandbox learner-policy [FILE|POLICY_ARN|--admin]
       sandbox pull-as ACCOUNT_ID[/ROLE] IMAGE
       sandbox load URL --rps N --for DURATION | sandbox load [--stop]
       sandbox fail health TASK
       sandbox restore health TASK
       sandbox fail zone AVAILABILITY_ZONE
       sandbox restore zone AVAILABILITY_ZONE
       sandbox interrupt spot TASK|--all [--cluster NAME]
";

fn fail(msg: String) -> Io {
    Io { stderr: msg, status: 2, ..Io::default() }
}

pub fn run(sb: &mut Sandbox, args: &[String], ws: &dyn crate::workspace::Workspace) -> Io {
    let region = crate::cli::current_region(sb);
    let mut cluster: Option<String> = None;
    let mut positional = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--cluster" {
            cluster = it.next().cloned();
        } else {
            positional.push(a.as_str());
        }
    }
    match positional.as_slice() {
        ["explain-placement", "--last-failure"] => explain(sb, &region, cluster.as_deref(), None),
        ["explain-placement", task] => explain(sb, &region, cluster.as_deref(), Some(task)),
        ["disconnect-agent", id] => set_agent(sb, &region, id, false),
        ["reconnect-agent", id] => set_agent(sb, &region, id, true),
        ["load", rest @ ..] => super::sandbox_load::run(sb, rest),
        ["fail", "health", task] => super::sandbox_faults::set_health(sb, &region, task, true),
        ["restore", "health", task] => super::sandbox_faults::set_health(sb, &region, task, false),
        ["fail", "zone", az] => super::sandbox_faults::fail_zone(sb, &region, az),
        ["restore", "zone", az] => super::sandbox_faults::restore_zone(sb, &region, az),
        ["interrupt", "spot", what] => super::sandbox_spot::run(sb, &region, cluster.as_deref(), what),
        ["pull-as", who, image] => super::sandbox_pull_as::run(sb, who, image),
        ["learner-policy"] => super::sandbox_learner::run(sb, None, ws),
        ["learner-policy", what] => super::sandbox_learner::run(sb, Some(what), ws),
        ["help"] | [] => Io { stdout: USAGE.into(), ..Io::default() },
        _ => fail(format!("sandbox: unknown or incomplete command\n{USAGE}")),
    }
}

fn explain(sb: &Sandbox, region: &str, cluster: Option<&str>, task: Option<&str>) -> Io {
    let Some(r) = sb.world().region(region) else { return fail(format!("sandbox: nothing has happened in {region} yet\n")) };
    let clusters: Vec<_> = r.ecs.clusters.values().filter(|c| cluster.is_none_or(|n| crate::world::ecs::cluster_name(Some(n)) == c.name)).collect();
    for c in clusters {
        let found = match task {
            Some(t) => c.placements.explain_task(short_id(t)),
            None => c.placements.explain_last_failure(),
        };
        if let Some(e) = found {
            return Io { stdout: e.render(), ..Io::default() };
        }
    }
    match task {
        Some(t) => fail(format!("sandbox: no placement recorded for task {t}\n")),
        None => fail("sandbox: no failed placement recorded\n".into()),
    }
}

fn set_agent(sb: &mut Sandbox, region: &str, id: &str, connected: bool) -> Io {
    let mut ctx = sb.ctx();
    let r = ctx.world.region_mut(region);
    let mut found = None;
    for c in r.ecs.clusters.values_mut() {
        for ci in c.container_instances.values_mut() {
            if ci.ec2_instance_id == id || ci.id == short_id(id) {
                ci.agent_connected = connected;
                ci.version += 1;
                found = Some((c.name.clone(), ci.id.clone(), ci.ec2_instance_id.clone()));
            }
        }
    }
    let Some((cluster, ci, ec2)) = found else { return fail(format!("sandbox: no container instance {id}\n")) };
    ctx.emit(EventKind::AgentConnectionChanged { region: region.into(), cluster, container_instance_id: ci, connected });
    let state = if connected { "reconnected" } else { "disconnected" };
    Io { stdout: format!("The ECS agent on {ec2} {state}.\n"), ..Io::default() }
}
