//! `sandbox fail zone AZ` and `sandbox restore zone AZ`: an Availability Zone outage, a fault AWS causes on
//! its own (issue 6, "Faults"). While a zone is down its EC2 instances are lost (they shut down and
//! terminate, and ECS stops their tasks with the host's reason), and Fargate starts no task there; services
//! then place their replacements in the zones that are left (ecs-facts.md §2.1 notes: the service default
//! spreads over zones). Fargate tasks already running in the zone are left alone (not modelled yet).

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

pub fn fail(sb: &mut Sandbox, region: &str, az: &str) -> Io {
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

pub fn restore(sb: &mut Sandbox, region: &str, az: &str) -> Io {
    if !zone_known(sb, region, az) {
        return unknown(az, region);
    }
    let ctx = sb.ctx();
    let was_down = ctx.world.region_mut(region).network.zones_down.remove(az);
    let msg = if was_down { format!("{az} is back.\n") } else { format!("{az} was not down.\n") };
    Io { stdout: msg, ..Io::default() }
}
