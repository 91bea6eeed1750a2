//! CreateListener, DescribeListeners, DeleteListener (ecs-facts.md §4 "Listeners and rules"): one listener
//! per port (`DuplicateListener`), HTTP/HTTPS on an Application Load Balancer and TCP-family protocols on a
//! Network Load Balancer, a default action that forwards, answers or redirects.

use super::{actions, lb_not_found, listener_not_found, render, validation};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::services::{Call, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::elbv2::{LbType, Listener};
use serde_json::{Value, json};

const ALB_PROTOCOLS: &[&str] = &["HTTPS", "HTTP"];
const NLB_PROTOCOLS: &[&str] = &["TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"];

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let lb_arn = req.str("LoadBalancerArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let lb = r.elbv2.load_balancer(lb_arn).ok_or_else(lb_not_found)?;
    let allowed = if lb.lb_type == LbType::Application { ALB_PROTOCOLS } else { NLB_PROTOCOLS };
    let protocol = match req.str("Protocol") {
        Some(p) => p,
        None if lb.lb_type == LbType::Application => "HTTP",
        // Not verbatim.
        None => return Err(validation("A listener protocol must be specified")),
    };
    if !allowed.contains(&protocol) {
        // Not verbatim: the wording ELB uses for a protocol the load balancer type does not offer.
        return Err(validation(format!("Listener protocol '{protocol}' must be one of '{}'", allowed.join(", "))));
    }
    if matches!(protocol, "HTTPS" | "TLS") && req.list("Certificates").is_empty() {
        // Not verbatim.
        return Err(ServiceError::new("CertificateNotFound", format!("A certificate must be specified for {protocol} listeners")));
    }
    let Some(port) = req.int("Port").and_then(|p| u16::try_from(p).ok()).filter(|p| *p >= 1) else {
        // Not verbatim.
        return Err(validation("A listener port from 1 to 65535 must be specified"));
    };
    if r.elbv2.listeners.iter().any(|l| l.load_balancer_arn == lb_arn && l.port == port) {
        // ecs-facts.md §4: DuplicateListener, "A listener with the specified port already exists."
        return Err(ServiceError::new("DuplicateListener", "A listener with the specified port already exists."));
    }
    let default_actions = actions::parse(&r.elbv2, lb, req.list("DefaultActions"))?;
    let arn = format!(
        "arn:aws:elasticloadbalancing:{}:{ACCOUNT_ID}:listener/{}/{}",
        call.region,
        lb.arn_suffix(),
        ctx.rng.hex(16)
    );
    let listener = Listener { arn: arn.clone(), load_balancer_arn: lb_arn.to_string(), port, protocol: protocol.to_string(), default_actions };
    let v = render::listener(&listener);
    let r = ctx.world.region_mut(call.region);
    r.elbv2.listeners.push(listener);
    ctx.emit(EventKind::ListenerCreated { region: call.region.into(), load_balancer_arn: lb_arn.into(), listener_arn: arn, port, protocol: protocol.into() });
    Ok(json!({"Listeners": [v]}))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let lb = req.str("LoadBalancerArn");
    let arns = req.strings("ListenerArns");
    if lb.is_none() && arns.is_empty() {
        // Not verbatim.
        return Err(validation("You must specify either listener ARNs or a load balancer ARN"));
    }
    if let Some(lb) = lb
        && r.elbv2.load_balancer(lb).is_none()
    {
        return Err(lb_not_found());
    }
    if arns.iter().any(|a| r.elbv2.listener(a).is_none()) {
        return Err(listener_not_found());
    }
    let list: Vec<Value> = r
        .elbv2
        .listeners
        .iter()
        .filter(|l| lb.is_none_or(|lb| l.load_balancer_arn == lb))
        .filter(|l| arns.is_empty() || arns.contains(&l.arn.as_str()))
        .map(render::listener)
        .collect();
    Ok(json!({"Listeners": list}))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("ListenerArn").unwrap_or_default().to_string();
    let r = ctx.world.region_mut(call.region);
    if r.elbv2.listener(&arn).is_none() {
        return Err(listener_not_found());
    }
    r.elbv2.listeners.retain(|l| l.arn != arn);
    r.elbv2.rules.retain(|rule| rule.listener_arn != arn);
    ctx.emit(EventKind::ListenerDeleted { region: call.region.into(), listener_arn: arn });
    Ok(json!({}))
}
