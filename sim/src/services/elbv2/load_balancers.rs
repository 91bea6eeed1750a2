//! CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer (ecs-facts.md §4): Application Load
//! Balancers need subnets in at least two Availability Zones and get the VPC's default security group when
//! given none; a load balancer is `provisioning` until [`tuning::LOAD_BALANCER_PROVISIONING`] has passed.

use super::{check_name, lb_not_found, render, tags, validation};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::services::{Call, ServiceError};
use crate::tuning;
use crate::world::elbv2::{LbState, LbType, LbZone, LoadBalancer, load_balancer_arn};
use serde_json::{Value, json};

/// Security groups per load balancer (ELB quota).
const MAX_SECURITY_GROUPS: usize = 5;

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("Name").unwrap_or_default();
    check_name("Load balancer", name)?;
    if name.starts_with("internal-") {
        // Not verbatim.
        return Err(validation(format!("Load balancer name '{name}' cannot begin with 'internal-'")));
    }
    let lb_type = match req.str("Type").unwrap_or("application") {
        "application" => LbType::Application,
        "network" => LbType::Network,
        // Not verbatim.
        other => return Err(validation(format!("Load balancer type '{other}' is not supported by ECS Sandbox (application and network are)"))),
    };
    let scheme = req.str("Scheme").unwrap_or("internet-facing").to_string();
    let mut subnet_ids: Vec<String> = req.strings("Subnets").into_iter().map(str::to_string).collect();
    for m in req.list("SubnetMappings") {
        if let Some(id) = m.get("SubnetId").and_then(Value::as_str) {
            subnet_ids.push(id.to_string());
        }
    }
    let r = ctx.world.region_mut(call.region);
    let mut zones: Vec<(String, String)> = Vec::new();
    for id in &subnet_ids {
        // Not verbatim.
        let s = r.network.subnet(id).ok_or_else(|| ServiceError::new("SubnetNotFound", format!("The subnet ID '{id}' does not exist")))?;
        if zones.iter().any(|(z, _)| *z == s.availability_zone) {
            // https://github.com/robertdebock/terraform-aws-vault/issues/5 quotes it.
            return Err(ServiceError::new("InvalidConfigurationRequest", "A load balancer cannot be attached to multiple subnets in the same Availability Zone"));
        }
        zones.push((s.availability_zone.clone(), s.id.clone()));
    }
    if lb_type == LbType::Application && zones.len() < 2 {
        // https://github.com/kasmtech/terraform/issues/5 and https://github.com/aws-cloudformation/cfn-lint/issues/638 quote it.
        return Err(validation("At least two subnets in two different Availability Zones must be specified"));
    }
    if zones.is_empty() {
        // Not verbatim.
        return Err(validation("At least one subnet must be specified"));
    }
    let mut groups: Vec<String> = req.strings("SecurityGroups").into_iter().map(str::to_string).collect();
    if groups.len() > MAX_SECURITY_GROUPS {
        // Not verbatim.
        return Err(ServiceError::new("TooManySecurityGroups", format!("A load balancer can have at most {MAX_SECURITY_GROUPS} security groups")));
    }
    for g in &groups {
        if r.network.security_groups.get(g).is_none() {
            // Not verbatim.
            return Err(ServiceError::new("InvalidSecurityGroup", format!("Security group '{g}' does not exist")));
        }
    }
    if groups.is_empty() && lb_type == LbType::Application {
        groups.push(r.network.default_security_group_id.clone());
    }
    if let Some(existing) = r.elbv2.load_balancers.iter().find(|l| l.name == name) {
        let same = existing.lb_type == lb_type && existing.scheme == scheme && existing.zones.iter().map(|z| &z.subnet_id).eq(zones.iter().map(|(_, s)| s));
        if !same {
            // Not verbatim.
            return Err(ServiceError::new("DuplicateLoadBalancerName", format!("A load balancer with the same name '{name}' exists, but with different settings")));
        }
        let v = render::load_balancer(call.region, &r.network.vpc_id, existing);
        return Ok(json!({"LoadBalancers": [v]}));
    }
    let id = ctx.rng.hex(16);
    let dns_number = 1_000_000_000 + ctx.rng.below(1_000_000_000);
    let prefix = if scheme == "internal" { "internal-" } else { "" };
    let dns_name = match lb_type {
        LbType::Application => format!("{prefix}{name}-{dns_number}.{}.elb.amazonaws.com", call.region),
        LbType::Network => format!("{prefix}{name}-{}.elb.{}.amazonaws.com", ctx.rng.hex(16), call.region),
    };
    let mut lb_zones = Vec::new();
    for (zone, subnet_id) in zones {
        let r = ctx.world.region_mut(call.region);
        let node_ip = r.network.allocate_ip(&subnet_id, ctx.rng).unwrap_or_default();
        lb_zones.push(LbZone { zone, subnet_id, node_ip });
    }
    let arn = load_balancer_arn(call.region, lb_type, name, &id);
    let lb = LoadBalancer {
        arn: arn.clone(),
        name: name.to_string(),
        lb_type,
        scheme,
        dns_name: dns_name.clone(),
        zones: lb_zones,
        security_groups: groups,
        state: LbState::Provisioning,
        created_at: ctx.now,
        ip_address_type: req.str("IpAddressType").unwrap_or("ipv4").to_string(),
        tags: tags(req),
    };
    let r = ctx.world.region_mut(call.region);
    let v = render::load_balancer(call.region, &r.network.vpc_id, &lb);
    r.elbv2.load_balancers.push(lb);
    ctx.schedule(tuning::LOAD_BALANCER_PROVISIONING, Action::LoadBalancerActive { region: call.region.into(), load_balancer_arn: arn.clone() });
    ctx.emit(EventKind::LoadBalancerCreated {
        region: call.region.into(),
        load_balancer_arn: arn,
        name: name.into(),
        lb_type: lb_type.as_str().into(),
        dns_name,
    });
    Ok(json!({"LoadBalancers": [v]}))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arns = req.strings("LoadBalancerArns");
    let names = req.strings("Names");
    let r = ctx.world.region_mut(call.region);
    if arns.iter().any(|a| r.elbv2.load_balancer(a).is_none()) {
        return Err(lb_not_found());
    }
    let missing: Vec<&str> = names.iter().copied().filter(|n| !r.elbv2.load_balancers.iter().any(|l| l.name == *n)).collect();
    if !missing.is_empty() {
        // Not verbatim: ELB names the missing ones.
        return Err(ServiceError::new("LoadBalancerNotFound", format!("Load balancers '[{}]' not found", missing.join(", "))));
    }
    let list: Vec<Value> = r
        .elbv2
        .load_balancers
        .iter()
        .filter(|l| arns.is_empty() || arns.contains(&l.arn.as_str()))
        .filter(|l| names.is_empty() || names.contains(&l.name.as_str()))
        .map(|l| render::load_balancer(call.region, &r.network.vpc_id, l))
        .collect();
    Ok(json!({"LoadBalancers": list}))
}

/// Deleting a load balancer deletes its listeners and their rules, as ELB does; its target groups stay.
pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("LoadBalancerArn").unwrap_or_default().to_string();
    let r = ctx.world.region_mut(call.region);
    let Some(pos) = r.elbv2.load_balancers.iter().position(|l| l.arn == arn) else {
        // DeleteLoadBalancer succeeds for a load balancer that is already gone.
        return if arn.contains(":loadbalancer/") { Ok(json!({})) } else { Err(lb_not_found()) };
    };
    let lb = r.elbv2.load_balancers.remove(pos);
    for z in &lb.zones {
        r.network.release_ip(&z.node_ip);
    }
    let listeners: Vec<String> = r.elbv2.listeners.iter().filter(|l| l.load_balancer_arn == arn).map(|l| l.arn.clone()).collect();
    r.elbv2.rules.retain(|rule| !listeners.contains(&rule.listener_arn));
    r.elbv2.listeners.retain(|l| l.load_balancer_arn != arn);
    ctx.emit(EventKind::LoadBalancerDeleted { region: call.region.into(), load_balancer_arn: arn });
    Ok(json!({}))
}

/// The scheduled end of provisioning.
pub fn on_active(ctx: &mut Ctx<'_>, region: &str, arn: &str) {
    let r = ctx.world.region_mut(region);
    let Some(lb) = r.elbv2.load_balancers.iter_mut().find(|l| l.arn == arn) else { return };
    if lb.state == LbState::Active {
        return;
    }
    lb.state = LbState::Active;
    ctx.emit(EventKind::LoadBalancerStateChanged { region: region.into(), load_balancer_arn: arn.into(), state: "active".into() });
}
