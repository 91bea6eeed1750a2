//! RegisterTargets, DeregisterTargets, DescribeTargetHealth (ecs-facts.md §4): what a target group accepts
//! for its target type, the deregistration delay, and each target's state and reason code.

use super::{tg_not_found, validation};
use crate::clock::SimDuration;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::services::{Call, Req, ServiceError};
use crate::tuning;
use crate::world::Region;
use crate::world::ec2::InstanceState;
use crate::world::elbv2::{Elbv2, Failure, Health, Target, TargetGroup};
use crate::world::security_groups::{cidr_contains, parse_ipv4};
use serde_json::{Value, json};

/// What DescribeTargetHealth reports for a target: state, reason code, description (ecs-facts.md §4). Reason
/// codes are the API's (docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html);
/// descriptions are the console's and the API's usual texts ("Health checks failed with these codes: [502]"
/// is quoted at errornotes.dev/en/errors/aws/fix-aws-alb-503-service-unavailable-no-healthy-targets-in-target-group;
/// the others are Not verbatim).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetHealthView {
    pub state: &'static str,
    pub reason: Option<&'static str>,
    pub description: Option<String>,
}

impl TargetHealthView {
    fn new(state: &'static str, reason: &'static str, description: impl Into<String>) -> Self {
        TargetHealthView { state, reason: Some(reason), description: Some(description.into()) }
    }
}

/// The health a target shows, from its checker state, whether its target group is in use, whether its
/// Availability Zone is enabled, and (instance targets) whether its instance still runs.
pub fn describe_health(r: &Region, tg: &TargetGroup, t: &Target) -> TargetHealthView {
    let e: &Elbv2 = &r.elbv2;
    if let Health::Draining { .. } = t.health {
        return TargetHealthView::new("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
    }
    let lbs = e.load_balancers_of(&tg.arn);
    if lbs.is_empty() {
        return TargetHealthView::new("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
    }
    if let Some(az) = &t.availability_zone
        && !lbs.iter().any(|lb| lb.zones.iter().any(|z| &z.zone == az))
    {
        return TargetHealthView::new("unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer");
    }
    if tg.target_type == "instance"
        && let Some(i) = r.ec2.instances.get(&t.id)
        && matches!(i.state, InstanceState::ShuttingDown | InstanceState::Terminated)
    {
        return TargetHealthView::new("unused", "Target.InvalidState", "Target is in the terminated state");
    }
    match t.health {
        Health::Registering => TargetHealthView::new("initial", "Elb.RegistrationInProgress", "Target registration is in progress"),
        Health::Initial => TargetHealthView::new("initial", "Elb.InitialHealthChecking", "Initial health checks in progress"),
        Health::Healthy => TargetHealthView { state: "healthy", reason: None, description: None },
        Health::Unhealthy(Failure::Timeout) => TargetHealthView::new("unhealthy", "Target.Timeout", "Request timed out"),
        Health::Unhealthy(Failure::ResponseCode(c)) => {
            TargetHealthView::new("unhealthy", "Target.ResponseCodeMismatch", format!("Health checks failed with these codes: [{c}]"))
        }
        Health::Unhealthy(Failure::Refused) => TargetHealthView::new("unhealthy", "Target.FailedHealthChecks", "Health checks failed"),
        Health::Draining { .. } => TargetHealthView::new("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress"),
    }
}

fn is_instance_id(id: &str) -> bool {
    id.strip_prefix("i-").is_some_and(|h| (8..=17).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// RFC 1918 and RFC 6598 blocks, which an `ip` target may use besides the VPC's own range (ecs-facts.md §4).
const PRIVATE_BLOCKS: &[&str] = &["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

/// Checks one target against the target group's type and finds its Availability Zone.
fn check_target(r: &Region, tg: &TargetGroup, id: &str) -> Result<Option<String>, ServiceError> {
    match tg.target_type.as_str() {
        "instance" => {
            if !is_instance_id(id) {
                // https://github.com/ansible/ansible/issues/30962 quotes it: "Instance ID '10.x.x.x' is not valid".
                return Err(validation(format!("Instance ID '{id}' is not valid")));
            }
            let Some(i) = r.ec2.instances.get(id) else {
                // https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/272 quotes it.
                return Err(ServiceError::new("InvalidTarget", format!("The following instances do not exist: '{id}'")));
            };
            if !matches!(i.state, InstanceState::Pending | InstanceState::Running) {
                // Not verbatim.
                return Err(ServiceError::new("InvalidTarget", format!("The following targets are not in a running state and cannot be registered: '{id}'")));
            }
            Ok(Some(i.availability_zone.clone()))
        }
        "ip" => {
            if parse_ipv4(id).is_none() {
                // Not verbatim.
                return Err(validation(format!("The IP address '{id}' is not a valid IPv4 address")));
            }
            let in_vpc = cidr_contains(&r.network.vpc_cidr, id);
            if !in_vpc && !PRIVATE_BLOCKS.iter().any(|b| cidr_contains(b, id)) {
                // Not verbatim.
                return Err(validation(format!("The IP address '{id}' is not within the VPC or an RFC 1918 / RFC 6598 range")));
            }
            Ok(r.network.subnets.iter().find(|s| cidr_contains(&s.cidr, id)).map(|s| s.availability_zone.clone()))
        }
        // Not verbatim.
        other => Err(validation(format!("Targets of type '{other}' are not modelled by ECS Sandbox"))),
    }
}

/// Registers (id, port) in the target group: a new target starts `initial` / `Elb.RegistrationInProgress`;
/// one that is draining comes back. Starts the target group's health checks when none are scheduled.
pub(crate) fn register_one(ctx: &mut Ctx<'_>, region: &str, tg_arn: &str, id: &str, port: u16) -> Result<(), ServiceError> {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let tg = r.elbv2.target_group(tg_arn).ok_or_else(tg_not_found)?;
    let az = check_target(r, tg, id)?;
    let tg = r.elbv2.target_group_mut(tg_arn).ok_or_else(tg_not_found)?;
    match tg.targets.iter_mut().find(|t| t.id == id && t.port == port) {
        Some(t) if matches!(t.health, Health::Draining { .. }) => {
            *t = Target { id: id.into(), port, availability_zone: az, health: Health::Registering, passes: 0, failures: 0, registered_at: now };
        }
        Some(_) => return Ok(()),
        None => tg.targets.push(Target {
            id: id.into(),
            port,
            availability_zone: az,
            health: Health::Registering,
            passes: 0,
            failures: 0,
            registered_at: now,
        }),
    }
    let schedule = !tg.checks_scheduled;
    tg.checks_scheduled = true;
    if schedule {
        ctx.schedule(tuning::TARGET_REGISTRATION, Action::HealthCheckRound { region: region.into(), target_group_arn: tg_arn.into() });
    }
    ctx.emit(EventKind::TargetRegistered { region: region.into(), target_group_arn: tg_arn.into(), target_id: id.into(), port });
    Ok(())
}

/// Deregisters (id, port): it drains for the deregistration delay when its target group is in use, and is
/// gone at once otherwise. Returns when it will be gone, if it drains.
pub(crate) fn deregister_one(ctx: &mut Ctx<'_>, region: &str, tg_arn: &str, id: &str, port: u16) -> Result<Option<crate::clock::SimTime>, ServiceError> {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let in_use = r.elbv2.in_use(tg_arn);
    let tg = r.elbv2.target_group_mut(tg_arn).ok_or_else(tg_not_found)?;
    let delay = SimDuration::secs(tg.deregistration_delay_seconds());
    let Some(pos) = tg.targets.iter().position(|t| t.id == id && t.port == port) else { return Ok(None) };
    if let Health::Draining { until } = tg.targets[pos].health {
        return Ok(Some(until));
    }
    if !in_use || delay.as_millis() == 0 {
        tg.targets.remove(pos);
        ctx.emit(EventKind::TargetDeregistered { region: region.into(), target_group_arn: tg_arn.into(), target_id: id.into(), port });
        return Ok(None);
    }
    let until = now + delay;
    tg.targets[pos].health = Health::Draining { until };
    ctx.schedule(delay, Action::TargetDrained { region: region.into(), target_group_arn: tg_arn.into(), target_id: id.into(), port });
    ctx.emit(EventKind::TargetHealthChanged {
        region: region.into(),
        target_group_arn: tg_arn.into(),
        target_id: id.into(),
        port,
        state: "draining".into(),
        reason: Some("Target.DeregistrationInProgress".into()),
    });
    Ok(Some(until))
}

/// The scheduled end of a target's deregistration delay.
pub(crate) fn on_drained(ctx: &mut Ctx<'_>, region: &str, tg_arn: &str, id: &str, port: u16) {
    let r = ctx.world.region_mut(region);
    let Some(tg) = r.elbv2.target_group_mut(tg_arn) else { return };
    let before = tg.targets.len();
    tg.targets.retain(|t| !(t.id == id && t.port == port && matches!(t.health, Health::Draining { .. })));
    if tg.targets.len() != before {
        ctx.emit(EventKind::TargetDeregistered { region: region.into(), target_group_arn: tg_arn.into(), target_id: id.into(), port });
    }
}

/// The targets of a request with their ports (the target group's port when a target gives none).
fn requested(tg: &TargetGroup, req: Req<'_>) -> Result<Vec<(String, u16)>, ServiceError> {
    let list = req.list("Targets");
    if list.is_empty() {
        // Not verbatim.
        return Err(validation("At least one target must be specified"));
    }
    list.iter()
        .map(|t| {
            let id = t.get("Id").and_then(Value::as_str).unwrap_or_default().to_string();
            let port = match t.get("Port").and_then(Value::as_i64) {
                Some(p) => u16::try_from(p).ok().filter(|p| *p >= 1),
                None => tg.port,
            };
            // Not verbatim.
            let port = port.ok_or_else(|| validation(format!("A valid port must be specified for target '{id}'")))?;
            Ok((id, port))
        })
        .collect()
}

pub fn register(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arn = req.str("TargetGroupArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let tg = r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    let targets = requested(tg, req)?;
    for (id, _) in &targets {
        check_target(r, tg, id)?;
    }
    for (id, port) in targets {
        register_one(ctx, call.region, arn, &id, port)?;
    }
    Ok(json!({}))
}

/// Deregistering a target that is not registered is not an error here (Not verbatim: what ELB answers then
/// is not in the reference).
pub fn deregister(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arn = req.str("TargetGroupArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let tg = r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    let targets = requested(tg, req)?;
    for (id, port) in targets {
        deregister_one(ctx, call.region, arn, &id, port)?;
    }
    Ok(json!({}))
}

fn description_json(tg: &TargetGroup, id: &str, port: u16, h: &TargetHealthView, az: Option<&str>) -> Value {
    let hc_port = if tg.health_check.port == "traffic-port" { port.to_string() } else { tg.health_check.port.clone() };
    let mut target = json!({"Id": id, "Port": port});
    if tg.target_type == "ip"
        && let Some(az) = az
    {
        target["AvailabilityZone"] = json!(az);
    }
    let mut health = json!({"State": h.state});
    if let Some(reason) = h.reason {
        health["Reason"] = json!(reason);
    }
    if let Some(d) = &h.description {
        health["Description"] = json!(d);
    }
    json!({"Target": target, "HealthCheckPort": hc_port, "TargetHealth": health})
}

pub fn describe_target_health(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arn = req.str("TargetGroupArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let tg = r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    let asked = req.list("Targets");
    let mut out = Vec::new();
    if asked.is_empty() {
        for t in &tg.targets {
            out.push(description_json(tg, &t.id, t.port, &describe_health(r, tg, t), t.availability_zone.as_deref()));
        }
    } else {
        for a in asked {
            let id = a.get("Id").and_then(Value::as_str).unwrap_or_default();
            let port = a.get("Port").and_then(Value::as_i64).and_then(|p| u16::try_from(p).ok());
            let found: Vec<&Target> = tg.targets.iter().filter(|t| t.id == id && port.is_none_or(|p| p == t.port)).collect();
            if found.is_empty() {
                let h = TargetHealthView::new("unused", "Target.NotRegistered", "Target is not registered to the target group");
                out.push(description_json(tg, id, port.or(tg.port).unwrap_or(0), &h, None));
            }
            for t in found {
                out.push(description_json(tg, &t.id, t.port, &describe_health(r, tg, t), t.availability_zone.as_deref()));
            }
        }
    }
    Ok(json!({"TargetHealthDescriptions": out}))
}
