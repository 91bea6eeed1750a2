//! CreateTargetGroup, DescribeTargetGroups, DeleteTargetGroup, ModifyTargetGroup,
//! Describe/ModifyTargetGroupAttributes (ecs-facts.md §4 "Target group facts": name rules, target types,
//! health check defaults and ranges, the deregistration delay).

use super::{check_name, lb_not_found, render, tags, tg_not_found, validation};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::world::elbv2::{ATTRIBUTE_ORDER, HealthCheck, TargetGroup, target_group_arn};
use serde_json::{Value, json};
use std::collections::BTreeMap;

const TARGET_TYPES: &[&str] = &["instance", "ip", "lambda", "alb"];
const PROTOCOLS: &[&str] = &["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"];

/// Health check defaults for a target group's protocol (ecs-facts.md §4): HTTP(S) target groups check over
/// their own protocol on `/` with matcher `200`; the others over TCP. Timeout 6 s for HTTP, 10 s otherwise;
/// interval 30 s; thresholds 5 and 2.
fn default_health_check(protocol: Option<&str>) -> HealthCheck {
    let (hc_protocol, path, matcher, timeout) = match protocol {
        Some("HTTP") => ("HTTP", Some("/"), Some("200"), 6),
        Some("HTTPS") => ("HTTPS", Some("/"), Some("200"), 10),
        _ => ("TCP", None, None, 10),
    };
    HealthCheck {
        enabled: true,
        protocol: hc_protocol.into(),
        port: "traffic-port".into(),
        path: path.map(str::to_string),
        interval_seconds: 30,
        timeout_seconds: timeout,
        healthy_threshold: 5,
        unhealthy_threshold: 2,
        matcher: matcher.map(str::to_string),
    }
}

fn u32_in(req: Req<'_>, key: &str, range: std::ops::RangeInclusive<i64>, what: &str) -> Result<Option<u32>, ServiceError> {
    match req.int(key) {
        None => Ok(None),
        Some(v) if range.contains(&v) => Ok(u32::try_from(v).ok()),
        // Not verbatim.
        Some(v) => Err(validation(format!("{what} must be between {} and {}; got {v}", range.start(), range.end()))),
    }
}

/// Applies the health check members of a Create or Modify request to `hc`, with ELB's range checks.
fn apply_health_check(hc: &mut HealthCheck, req: Req<'_>) -> Result<(), ServiceError> {
    if let Some(p) = req.str("HealthCheckProtocol") {
        hc.protocol = p.to_string();
        if matches!(p, "HTTP" | "HTTPS") {
            hc.path.get_or_insert_with(|| "/".into());
            hc.matcher.get_or_insert_with(|| "200".into());
        }
    }
    if let Some(p) = req.str("HealthCheckPort") {
        if p != "traffic-port" && !p.parse::<u16>().is_ok_and(|n| n >= 1) {
            // Not verbatim.
            return Err(validation(format!("Health check port '{p}' must be 'traffic-port' or a port from 1 to 65535")));
        }
        hc.port = p.to_string();
    }
    if let Some(path) = req.str("HealthCheckPath") {
        if !path.starts_with('/') {
            // Not verbatim.
            return Err(validation("Health check path must begin with a '/' character"));
        }
        hc.path = Some(path.to_string());
    }
    if let Some(v) = u32_in(req, "HealthCheckIntervalSeconds", 5..=300, "Health check interval")? {
        hc.interval_seconds = v;
    }
    if let Some(v) = u32_in(req, "HealthCheckTimeoutSeconds", 2..=120, "Health check timeout")? {
        hc.timeout_seconds = v;
    }
    if let Some(v) = u32_in(req, "HealthyThresholdCount", 2..=10, "Healthy threshold count")? {
        hc.healthy_threshold = v;
    }
    if let Some(v) = u32_in(req, "UnhealthyThresholdCount", 2..=10, "Unhealthy threshold count")? {
        hc.unhealthy_threshold = v;
    }
    if let Some(b) = req.bool("HealthCheckEnabled") {
        hc.enabled = b;
    }
    if let Some(code) = req.at("Matcher").str("HttpCode") {
        if !matcher_is_valid(code) {
            // Not verbatim: ALB accepts codes 200–499 (ecs-facts.md §4).
            return Err(validation(format!("Health check matcher HTTP code '{code}' must be within '200-499' inclusive")));
        }
        hc.matcher = Some(code.to_string());
    }
    if hc.timeout_seconds >= hc.interval_seconds {
        // Not verbatim.
        return Err(validation("Health check interval must be greater than the timeout."));
    }
    Ok(())
}

/// `200`, `200,202`, `200-299`: codes from 200 to 499 (ecs-facts.md §4).
pub fn matcher_is_valid(code: &str) -> bool {
    let ok = |s: &str| s.parse::<u16>().is_ok_and(|n| (200..=499).contains(&n));
    !code.is_empty()
        && code.split(',').all(|part| match part.split_once('-') {
            Some((a, b)) => ok(a) && ok(b) && a.parse::<u16>().ok() <= b.parse::<u16>().ok(),
            None => ok(part),
        })
}

/// Whether `status` is one of the matcher's codes.
pub fn matcher_accepts(code: &str, status: u16) -> bool {
    code.split(',').any(|part| match part.split_once('-') {
        Some((a, b)) => a.parse::<u16>().is_ok_and(|a| a <= status) && b.parse::<u16>().is_ok_and(|b| status <= b),
        None => part.parse::<u16>().ok() == Some(status),
    })
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("Name").unwrap_or_default();
    check_name("Target group", name)?;
    let target_type = req.str("TargetType").unwrap_or("instance");
    if !TARGET_TYPES.contains(&target_type) {
        // Not verbatim.
        return Err(validation(format!("Target type '{target_type}' must be one of: {}", TARGET_TYPES.join(", "))));
    }
    let protocol = req.str("Protocol");
    let port = req.int("Port");
    let r = ctx.world.region_mut(call.region);
    let vpc = req.str("VpcId");
    if target_type != "lambda" {
        // Not verbatim (the three below).
        let Some(p) = protocol else { return Err(validation("A protocol must be specified")) };
        if !PROTOCOLS.contains(&p) {
            return Err(validation(format!("Protocol '{p}' must be one of: {}", PROTOCOLS.join(", "))));
        }
        if port.is_none() {
            return Err(validation("A port must be specified"));
        }
        let Some(vpc) = vpc else { return Err(validation("A VPC ID must be specified")) };
        if vpc != r.network.vpc_id {
            return Err(validation(format!("The VPC ID '{vpc}' is not found")));
        }
    }
    if let Some(p) = port
        && !(1..=65535).contains(&p)
    {
        return Err(validation(format!("Port '{p}' must be between 1 and 65535")));
    }
    let mut hc = default_health_check(protocol);
    apply_health_check(&mut hc, req)?;
    let port = port.and_then(|p| u16::try_from(p).ok());
    if let Some(existing) = r.elbv2.target_groups.iter().find(|t| t.name == name) {
        let same = existing.protocol.as_deref() == protocol && existing.port == port && existing.target_type == target_type && existing.health_check == hc;
        if !same {
            // Not verbatim.
            return Err(ServiceError::new("DuplicateTargetGroupName", format!("A target group with the same name '{name}' exists, but with different settings")));
        }
        return Ok(json!({"TargetGroups": [render::target_group(&r.elbv2, existing)]}));
    }
    let id = ctx.rng.hex(16);
    let attributes: BTreeMap<String, String> = ATTRIBUTE_ORDER.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
    let tg = TargetGroup {
        arn: target_group_arn(call.region, name, &id),
        name: name.to_string(),
        target_type: target_type.to_string(),
        protocol: protocol.map(str::to_string),
        protocol_version: matches!(protocol, Some("HTTP" | "HTTPS")).then(|| req.str("ProtocolVersion").unwrap_or("HTTP1").to_string()),
        port,
        vpc_id: vpc.map(str::to_string),
        health_check: hc,
        attributes,
        targets: Vec::new(),
        ip_address_type: req.str("IpAddressType").unwrap_or("ipv4").to_string(),
        checks_scheduled: false,
        requests: 0,
        tags: tags(req),
    };
    let r = ctx.world.region_mut(call.region);
    let v = render::target_group(&r.elbv2, &tg);
    r.elbv2.target_groups.push(tg);
    Ok(json!({"TargetGroups": [v]}))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let e = &r.elbv2;
    let arns = req.strings("TargetGroupArns");
    let names = req.strings("Names");
    let lb = req.str("LoadBalancerArn");
    if let Some(lb) = lb
        && e.load_balancer(lb).is_none()
    {
        return Err(lb_not_found());
    }
    if arns.iter().any(|a| e.target_group(a).is_none()) {
        return Err(tg_not_found());
    }
    let missing: Vec<&str> = names.iter().copied().filter(|n| !e.target_groups.iter().any(|t| t.name == *n)).collect();
    if !missing.is_empty() {
        // Not verbatim.
        return Err(ServiceError::new("TargetGroupNotFound", format!("Target groups '[{}]' not found", missing.join(", "))));
    }
    let list: Vec<Value> = e
        .target_groups
        .iter()
        .filter(|t| arns.is_empty() || arns.contains(&t.arn.as_str()))
        .filter(|t| names.is_empty() || names.contains(&t.name.as_str()))
        .filter(|t| lb.is_none_or(|lb| e.load_balancers_of(&t.arn).iter().any(|l| l.arn == lb)))
        .map(|t| render::target_group(e, t))
        .collect();
    Ok(json!({"TargetGroups": list}))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("TargetGroupArn").unwrap_or_default().to_string();
    let r = ctx.world.region_mut(call.region);
    if r.elbv2.target_group(&arn).is_none() {
        return if arn.contains(":targetgroup/") { Ok(json!({})) } else { Err(tg_not_found()) };
    }
    if r.elbv2.in_use(&arn) {
        // Not verbatim: ELB's ResourceInUse for a target group a listener or rule forwards to.
        return Err(ServiceError::new("ResourceInUse", format!("Target group '{arn}' is currently in use by a listener or a rule")));
    }
    r.elbv2.target_groups.retain(|t| t.arn != arn);
    Ok(json!({}))
}

pub fn modify(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arn = req.str("TargetGroupArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let tg = r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    let mut hc = tg.health_check.clone();
    apply_health_check(&mut hc, req)?;
    if let Some(tg) = r.elbv2.target_group_mut(arn) {
        tg.health_check = hc;
    }
    let tg = r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    Ok(json!({"TargetGroups": [render::target_group(&r.elbv2, tg)]}))
}

fn attributes_json(tg: &TargetGroup) -> Value {
    Value::Array(
        ATTRIBUTE_ORDER
            .iter()
            .map(|(k, d)| json!({"Key": k, "Value": tg.attributes.get(*k).map_or(*d, String::as_str)}))
            .collect(),
    )
}

pub fn describe_attributes(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("TargetGroupArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let tg = r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    Ok(json!({"Attributes": attributes_json(tg)}))
}

/// Checks one attribute's value (ecs-facts.md §4: deregistration delay 0–3600 s, slow start 0 or 30–900 s).
fn check_attribute(key: &str, value: &str) -> Result<(), ServiceError> {
    let int = || value.parse::<i64>().ok();
    let bad = || validation(format!("'{value}' is not a valid value for target group attribute '{key}'"));
    match key {
        // Not verbatim (both).
        "deregistration_delay.timeout_seconds" if !int().is_some_and(|v| (0..=3600).contains(&v)) => {
            return Err(validation(format!("The value of '{key}' must be between '0' and '3600'")));
        }
        "slow_start.duration_seconds" if !int().is_some_and(|v| v == 0 || (30..=900).contains(&v)) => {
            return Err(validation(format!("The value of '{key}' must be 0 or between '30' and '900'")));
        }
        "stickiness.enabled" if !matches!(value, "true" | "false") => return Err(bad()),
        "load_balancing.algorithm.type" if !matches!(value, "round_robin" | "least_outstanding_requests" | "weighted_random") => {
            return Err(bad());
        }
        "stickiness.lb_cookie.duration_seconds" | "stickiness.app_cookie.duration_seconds" if !int().is_some_and(|v| (1..=604_800).contains(&v)) => {
            return Err(bad());
        }
        _ => {}
    }
    Ok(())
}

pub fn modify_attributes(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let arn = req.str("TargetGroupArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    r.elbv2.target_group(arn).ok_or_else(tg_not_found)?;
    let mut changes = Vec::new();
    for a in req.list("Attributes") {
        let key = a.get("Key").and_then(Value::as_str).unwrap_or_default();
        let value = a.get("Value").and_then(Value::as_str).unwrap_or_default();
        if !ATTRIBUTE_ORDER.iter().any(|(k, _)| *k == key) {
            // The wording terraform users quote for an unknown key (e.g. hashicorp/terraform-provider-aws
            // issues on `stickiness.app_cookie.cookie_name`). Not verbatim.
            return Err(validation(format!("Target group attribute key '{key}' is not recognized")));
        }
        check_attribute(key, value)?;
        changes.push((key.to_string(), value.to_string()));
    }
    let tg = r.elbv2.target_group_mut(arn).ok_or_else(tg_not_found)?;
    tg.attributes.extend(changes);
    Ok(json!({"Attributes": attributes_json(tg)}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_4_matcher_codes_are_200_to_499() {
        assert!(matcher_is_valid("200"));
        assert!(matcher_is_valid("200,302"));
        assert!(matcher_is_valid("200-299"));
        assert!(!matcher_is_valid("199"));
        assert!(!matcher_is_valid("500"));
        assert!(!matcher_is_valid("300-200"));
        assert!(!matcher_is_valid(""));
        assert!(matcher_accepts("200-299", 204));
        assert!(!matcher_accepts("200", 404));
        assert!(matcher_accepts("200,404", 404));
    }

    #[test]
    fn facts_4_health_check_defaults_per_protocol() {
        let http = default_health_check(Some("HTTP"));
        assert_eq!((http.interval_seconds, http.timeout_seconds, http.healthy_threshold, http.unhealthy_threshold), (30, 6, 5, 2));
        assert_eq!(http.port, "traffic-port");
        assert_eq!(http.path.as_deref(), Some("/"));
        let tcp = default_health_check(Some("TCP"));
        assert_eq!((tcp.protocol.as_str(), tcp.timeout_seconds, tcp.matcher), ("TCP", 10, None));
    }

    #[test]
    fn facts_4_deregistration_delay_is_0_to_3600() {
        assert!(check_attribute("deregistration_delay.timeout_seconds", "0").is_ok());
        assert!(check_attribute("deregistration_delay.timeout_seconds", "3600").is_ok());
        assert!(check_attribute("deregistration_delay.timeout_seconds", "3601").is_err());
        assert!(check_attribute("deregistration_delay.timeout_seconds", "x").is_err());
        assert!(check_attribute("slow_start.duration_seconds", "10").is_err());
    }
}
