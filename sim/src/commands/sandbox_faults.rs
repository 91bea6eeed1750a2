//! Faults AWS or an application cause on their own (issue 6, "Faults"), made on purpose:
//!
//! - `sandbox fail health TASK` / `sandbox restore health TASK`: the task's container health checks start
//!   failing (or pass again); a service replaces a task whose essential container turns UNHEALTHY.
//! - `sandbox fail zone AZ` / `sandbox restore zone AZ`: an Availability Zone outage. While a zone is down
//!   its EC2 instances are lost (they shut down and terminate, and ECS stops their tasks with the host's
//!   reason), EC2 has no capacity there, and Fargate starts no task there; services then place their
//!   replacements in the zones that are left (ecs-facts.md §2.1 notes: the service default spreads over
//!   zones). Fargate tasks already running in the zone are left alone (not modelled yet).

use super::interpreter::Io;
use crate::sandbox::Sandbox;
use crate::world::ec2::InstanceState;

fn zone_known(sb: &Sandbox, region: &str, az: &str) -> bool {
    sb.world().region(region).is_some_and(|r| r.network.subnets.iter().any(|s| s.availability_zone == az))
        || crate::world::network::Network::default_for(region).subnets.iter().any(|s| s.availability_zone == az)
}

fn unknown(az: &str, region: &str) -> Io {
    Io { stderr: format!("sandbox: {az} is not an Availability Zone of {region}\n"), status: 2, ..Io::default() }
}

pub fn fail_zone(sb: &mut Sandbox, region: &str, az: &str) -> Io {
    if !zone_known(sb, region, az) {
        return unknown(az, region);
    }
    let mut ctx = sb.ctx();
    let r = ctx.world.region_mut(region);
    r.network.zones_down.insert(az.to_string());
    let lost: Vec<String> = r
        .ec2
        .in_launch_order()
        .filter(|i| i.availability_zone == az && matches!(i.state, InstanceState::Pending | InstanceState::Running))
        .map(|i| i.id.clone())
        .collect();
    for id in &lost {
        let reason = format!("Availability Zone outage ({az}, sandbox fault)");
        crate::services::ec2::instances::shut_down(&mut ctx, region, id, reason);
    }
    let mut out = format!("{az} is down: ");
    out.push_str(&if lost.is_empty() { "no instance was running there.\n".to_string() } else { format!("{} lost.\n", lost.join(", ")) });
    Io { stdout: out, ..Io::default() }
}

pub fn restore_zone(sb: &mut Sandbox, region: &str, az: &str) -> Io {
    if !zone_known(sb, region, az) {
        return unknown(az, region);
    }
    let ctx = sb.ctx();
    let was_down = ctx.world.region_mut(region).network.zones_down.remove(az);
    let msg = if was_down { format!("{az} is back.\n") } else { format!("{az} was not down.\n") };
    Io { stdout: msg, ..Io::default() }
}

/// Makes a task's health checks fail from now on (`failing`), or pass again.
pub fn set_health(sb: &mut Sandbox, region: &str, task: &str, failing: bool) -> Io {
    let ctx = sb.ctx();
    let now = ctx.now;
    let id = crate::world::ecs::short_id(task).to_string();
    let r = ctx.world.region_mut(region);
    let Some(t) = r.ecs.clusters.values_mut().find_map(|c| c.tasks.get_mut(&id)) else {
        return Io { stderr: format!("sandbox: no task {task}\n"), status: 2, ..Io::default() };
    };
    if t.desired_status == crate::world::ecs::TaskStatus::Stopped {
        return Io { stderr: format!("sandbox: task {id} is stopping or stopped\n"), status: 2, ..Io::default() };
    }
    t.health_fault_since = failing.then_some(now);
    t.version += 1;
    let has_checks = r.ecs.task_definitions.containers_of(t).iter().any(|d| d.health_check.is_some());
    let what = if failing { "now fail" } else { "pass again" };
    let mut out = format!("The health checks of task {id} {what}.\n");
    if !has_checks {
        out.push_str("(Its task definition has no healthCheck, so ECS does not see it: only a load balancer's health checks would.)\n");
    }
    Io { stdout: out, ..Io::default() }
}
