//! A load balancer's health checks on the virtual clock (ecs-facts.md §4): every HealthCheckIntervalSeconds
//! each target of a target group in use is probed from the load balancer's node in its Availability Zone.
//! A probe passes when (a) a RUNNING task serves the target's port — an instance target `instanceId:port`
//! is matched against the `networkBindings` host ports of tasks on the container instance of that EC2
//! instance (bridge and host mode); an ip target `ip:port` against the ENI address and container ports of
//! an awsvpc task (or the bindings of tasks on the instance with that address) — (b) the target's security
//! groups let the load balancer's groups in on that port and the load balancer's groups let it out, and
//! (c) the task's application answers with a code the matcher accepts (200 unless a fault set another in
//! `Elbv2::app_status`). HealthyThresholdCount consecutive passes make a target healthy,
//! UnhealthyThresholdCount consecutive failures unhealthy; a change emits `TargetHealthChanged`.
//!
//! A Network Load Balancer without security groups reaches a target when the target's groups allow the
//! load balancer node's private address (the VPC CIDR, say): health checks come from the node, and the
//! sandbox treats client traffic the same way (a simplification; real NLBs preserve client addresses for
//! instance targets).

use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::clock::SimDuration;
use crate::services::elbv2::describe_health;
use crate::tuning;
use crate::world::Region;
use crate::world::ec2::InstanceState;
use crate::world::ecs::TaskStatus;
use crate::world::elbv2::{Failure, Health, LbState, LoadBalancer, Target, TargetGroup};
use crate::world::security_groups::{Endpoint, Protocol, allows, allows_egress};

/// What answered a probe or a request: the task, where it runs, and the status its application answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    pub cluster: String,
    pub task_id: String,
    pub family: String,
    pub revision: u32,
    pub container: String,
    /// The EC2 instance, for tasks on EC2.
    pub instance_id: Option<String>,
    pub host_ip: String,
    pub port: u16,
    pub status: u16,
}

/// The host behind a target: its private address and security groups.
struct Host {
    ip: String,
    groups: Vec<String>,
}

fn host(r: &Region, target_type: &str, id: &str) -> Option<Host> {
    let running = |s: InstanceState| s == InstanceState::Running;
    if target_type == "instance" {
        let i = r.ec2.instances.get(id).filter(|i| running(i.state))?;
        return Some(Host { ip: i.private_ip.clone(), groups: i.security_group_ids.clone() });
    }
    for c in r.ecs.clusters.values() {
        for t in c.tasks.values().filter(|t| t.last_status != TaskStatus::Stopped) {
            if let Some(eni) = t.eni.as_ref().filter(|e| e.private_ip == id) {
                let groups = r
                    .network
                    .security_groups
                    .eni_groups
                    .get(&eni.id)
                    .cloned()
                    .unwrap_or_else(|| vec![r.network.default_security_group_id.clone()]);
                return Some(Host { ip: id.to_string(), groups });
            }
        }
    }
    let i = r.ec2.instances.values().find(|i| i.private_ip == id && running(i.state))?;
    Some(Host { ip: i.private_ip.clone(), groups: i.security_group_ids.clone() })
}

/// The RUNNING task listening on the target's port, if any.
fn serving(r: &Region, target_type: &str, id: &str, port: u16) -> Option<Served> {
    let instance_id = if target_type == "instance" {
        Some(id.to_string())
    } else {
        r.ec2.instances.values().find(|i| i.private_ip == id).map(|i| i.id.clone())
    };
    for c in r.ecs.clusters.values() {
        for t in c.tasks.values().filter(|t| t.last_status == TaskStatus::Running) {
            let app_status = r.elbv2.app_status.get(&t.id).copied().unwrap_or(200);
            let served = |container: &str, host_ip: &str, instance: Option<String>| Served {
                cluster: c.name.clone(),
                task_id: t.id.clone(),
                family: t.family.clone(),
                revision: t.revision,
                container: container.to_string(),
                instance_id: instance,
                host_ip: host_ip.to_string(),
                port,
                status: app_status,
            };
            // Bridge and host mode: a host port on the container instance of the EC2 instance.
            if let Some(iid) = &instance_id
                && let Some(ci) = t.container_instance_id.as_deref().and_then(|ci| c.container_instances.get(ci))
                && ci.ec2_instance_id == *iid
                && let Some(b) = t.bindings.iter().find(|b| b.host_port == port && b.protocol == "tcp")
            {
                let ip = r.ec2.instances.get(iid).map_or("", |i| i.private_ip.as_str());
                return Some(served(&b.container_name, ip, Some(iid.clone())));
            }
            // awsvpc: the task's own address and its container ports.
            if target_type == "ip"
                && t.eni.as_ref().is_some_and(|e| e.private_ip == id)
                && let Some(container) = container_with_port(r, &t.family, t.revision, port)
            {
                let instance = t
                    .container_instance_id
                    .as_deref()
                    .and_then(|ci| c.container_instances.get(ci))
                    .map(|ci| ci.ec2_instance_id.clone());
                return Some(served(&container, id, instance));
            }
        }
    }
    None
}

/// The container of a task definition that maps `port` (awsvpc: host port = container port).
fn container_with_port(r: &Region, family: &str, revision: u32, port: u16) -> Option<String> {
    let td = r.ecs.task_definitions.resolve(&format!("{family}:{revision}"), true).ok()?;
    td.request.container_definitions.iter().flatten().find_map(|c| {
        c.port_mappings
            .iter()
            .flatten()
            .any(|m| m.container_port == Some(i64::from(port)))
            .then(|| c.name.clone().unwrap_or_default())
    })
}

/// One connection from the load balancer to a target's port: the task that answers, or why none does.
/// `Timeout` when a security group drops it or the host is gone, `Refused` when nothing listens.
pub fn probe(r: &Region, lb: &LoadBalancer, target_type: &str, target: &Target, port: u16) -> Result<Served, Failure> {
    let Some(host) = host(r, target_type, &target.id) else { return Err(Failure::Timeout) };
    let node_ip = lb
        .zones
        .iter()
        .find(|z| Some(&z.zone) == target.availability_zone.as_ref())
        .or_else(|| lb.zones.first())
        .map(|z| z.node_ip.as_str());
    let groups = &r.network.security_groups;
    let inbound = allows(groups, &host.groups, Endpoint { groups: &lb.security_groups, ip: node_ip }, Protocol::Tcp, port);
    let outbound = lb.security_groups.is_empty()
        || allows_egress(groups, &lb.security_groups, Endpoint { groups: &host.groups, ip: Some(&host.ip) }, Protocol::Tcp, port);
    if !inbound || !outbound {
        return Err(Failure::Timeout);
    }
    serving(r, target_type, &target.id, port).ok_or(Failure::Refused)
}

/// The port a health check connects to: the target's (`traffic-port`) or the configured one.
pub fn health_check_port(tg: &TargetGroup, target: &Target) -> u16 {
    tg.health_check.port.parse().unwrap_or(target.port)
}

/// One health check of a target: probe, then the matcher for HTTP(S) checks.
fn check(r: &Region, lb: &LoadBalancer, tg: &TargetGroup, target: &Target) -> Result<(), Failure> {
    let served = probe(r, lb, &tg.target_type, target, health_check_port(tg, target))?;
    let http = matches!(tg.health_check.protocol.as_str(), "HTTP" | "HTTPS");
    let matcher = tg.health_check.matcher.as_deref().unwrap_or("200");
    if http && !crate::services::elbv2::matcher_accepts(matcher, served.status) {
        return Err(Failure::ResponseCode(served.status));
    }
    Ok(())
}

/// The next state after one check, counting consecutive results as the thresholds say.
fn next(t: &mut Target, result: Result<(), Failure>, healthy_threshold: u32, unhealthy_threshold: u32) {
    if t.health == Health::Registering {
        t.health = Health::Initial;
    }
    match result {
        Ok(()) => {
            t.failures = 0;
            t.passes += 1;
            if t.passes >= healthy_threshold && t.health != Health::Healthy {
                t.health = Health::Healthy;
                t.passes = 0;
            }
        }
        Err(f) => {
            t.passes = 0;
            t.failures += 1;
            match t.health {
                Health::Unhealthy(_) => t.health = Health::Unhealthy(f),
                _ if t.failures >= unhealthy_threshold => {
                    t.health = Health::Unhealthy(f);
                    t.failures = 0;
                }
                _ => {}
            }
        }
    }
}

/// A health-check round of one target group, then the next one scheduled while it has targets.
pub fn on_round(ctx: &mut Ctx<'_>, region: &str, tg_arn: &str) {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(tg) = r.elbv2.target_group(tg_arn) else { return };
    let lbs: Vec<&LoadBalancer> = r.elbv2.load_balancers_of(tg_arn).into_iter().filter(|l| l.state == LbState::Active).collect();
    let mut results = Vec::new();
    for (i, t) in tg.targets.iter().enumerate() {
        if matches!(t.health, Health::Draining { .. }) {
            continue;
        }
        if t.health == Health::Registering && now < t.registered_at + tuning::TARGET_REGISTRATION {
            continue;
        }
        let Some(lb) = lbs.iter().find(|lb| t.availability_zone.as_ref().is_none_or(|az| lb.zones.iter().any(|z| &z.zone == az))) else {
            continue;
        };
        results.push((i, describe_health(r, tg, t), check(r, lb, tg, t)));
    }
    let (healthy, unhealthy) = (tg.health_check.healthy_threshold, tg.health_check.unhealthy_threshold);
    let interval = SimDuration::secs(u64::from(tg.health_check.interval_seconds));
    let Some(tg) = r.elbv2.target_group_mut(tg_arn) else { return };
    for (i, _, result) in &results {
        if let Some(t) = tg.targets.get_mut(*i) {
            next(t, *result, healthy, unhealthy);
        }
    }
    let more = !tg.targets.is_empty();
    tg.checks_scheduled = more;
    let r = ctx.world.region_mut(region);
    let mut events = Vec::new();
    if let Some(tg) = r.elbv2.target_group(tg_arn) {
        for (i, before, _) in &results {
            if let Some(t) = tg.targets.get(*i) {
                let after = describe_health(r, tg, t);
                if after != *before {
                    events.push(EventKind::TargetHealthChanged {
                        region: region.into(),
                        target_group_arn: tg_arn.into(),
                        target_id: t.id.clone(),
                        port: t.port,
                        state: after.state.into(),
                        reason: after.reason.map(str::to_string),
                    });
                }
            }
        }
    }
    for e in events {
        ctx.emit(e);
    }
    if more {
        ctx.schedule(interval, Action::HealthCheckRound { region: region.into(), target_group_arn: tg_arn.into() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::START;

    fn target() -> Target {
        Target { id: "i-1".into(), port: 32768, availability_zone: None, health: Health::Registering, passes: 0, failures: 0, registered_at: START }
    }

    #[test]
    fn facts_4_thresholds_count_consecutive_checks() {
        let mut t = target();
        next(&mut t, Ok(()), 5, 2);
        assert_eq!(t.health, Health::Initial, "one pass of five");
        for _ in 0..4 {
            next(&mut t, Ok(()), 5, 2);
        }
        assert_eq!(t.health, Health::Healthy);
        next(&mut t, Err(Failure::Timeout), 5, 2);
        assert_eq!(t.health, Health::Healthy, "one failure of two");
        next(&mut t, Ok(()), 5, 2);
        next(&mut t, Err(Failure::Timeout), 5, 2);
        assert_eq!(t.health, Health::Healthy, "failures must be consecutive");
        next(&mut t, Err(Failure::Refused), 5, 2);
        assert_eq!(t.health, Health::Unhealthy(Failure::Refused));
        next(&mut t, Err(Failure::ResponseCode(500)), 5, 2);
        assert_eq!(t.health, Health::Unhealthy(Failure::ResponseCode(500)), "the latest reason shows");
    }

    #[test]
    fn facts_4_initial_target_goes_unhealthy_after_the_unhealthy_threshold() {
        let mut t = target();
        next(&mut t, Err(Failure::Timeout), 5, 2);
        assert_eq!(t.health, Health::Initial);
        next(&mut t, Err(Failure::Timeout), 5, 2);
        assert_eq!(t.health, Health::Unhealthy(Failure::Timeout));
    }
}
