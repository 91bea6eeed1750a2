//! The actions of a listener or rule, read from a request (ecs-facts.md §4: `forward`, `fixed-response`,
//! `redirect`; the authenticate actions need identity providers the sandbox does not model).

use super::{tg_not_found, validation};
use crate::services::{Req, ServiceError};
use crate::world::elbv2::{Action, Elbv2, LbType, LoadBalancer};
use serde_json::Value;

/// Target group protocols a listener of this load balancer type may forward to.
fn compatible(lb: LbType, tg_protocol: Option<&str>) -> bool {
    match lb {
        LbType::Application => matches!(tg_protocol, Some("HTTP" | "HTTPS")),
        LbType::Network => matches!(tg_protocol, Some("TCP" | "TLS" | "UDP" | "TCP_UDP" | "QUIC" | "TCP_QUIC")),
    }
}

pub fn parse(e: &Elbv2, lb: &LoadBalancer, list: &[Value]) -> Result<Vec<Action>, ServiceError> {
    if list.is_empty() {
        // Not verbatim.
        return Err(validation("At least one action must be specified"));
    }
    let mut out = Vec::new();
    for a in list {
        let a = Req(a);
        let kind = a.str("Type").unwrap_or_default();
        let action = match kind {
            "forward" => {
                let mut groups: Vec<(String, u32)> = a
                    .at("ForwardConfig")
                    .list("TargetGroups")
                    .iter()
                    .filter_map(|t| {
                        let arn = t.get("TargetGroupArn")?.as_str()?.to_string();
                        let w = t.get("Weight").and_then(Value::as_u64).map_or(1, |w| u32::try_from(w).unwrap_or(u32::MAX));
                        Some((arn, w))
                    })
                    .collect();
                if let Some(arn) = a.str("TargetGroupArn") {
                    if groups.is_empty() {
                        groups.push((arn.to_string(), 1));
                    } else if !groups.iter().any(|(g, _)| g == arn) {
                        // Not verbatim.
                        return Err(validation("You cannot specify a target group ARN both in the action and in the forward configuration unless they match"));
                    }
                }
                if groups.is_empty() {
                    // Not verbatim.
                    return Err(validation("A target group ARN must be specified"));
                }
                for (arn, _) in &groups {
                    let tg = e.target_group(arn).ok_or_else(tg_not_found)?;
                    if !compatible(lb.lb_type, tg.protocol.as_deref()) {
                        // Not verbatim.
                        return Err(validation(format!(
                            "The target group '{arn}' has protocol '{}', which is not supported by a {} load balancer",
                            tg.protocol.as_deref().unwrap_or("none"),
                            lb.lb_type.as_str()
                        )));
                    }
                    let others: Vec<_> = e.load_balancers_of(arn).into_iter().filter(|o| o.arn != lb.arn).collect();
                    if !others.is_empty() {
                        // The texts of ELB's TargetGroupAssociationLimit, as AWS returns it when a target group
                        // is already behind another load balancer. Not verbatim.
                        return Err(ServiceError::new(
                            "TargetGroupAssociationLimit",
                            format!("The following target groups cannot be associated with more than one load balancer: {arn}"),
                        ));
                    }
                }
                Action::Forward { target_groups: groups }
            }
            "fixed-response" => {
                if lb.lb_type != LbType::Application {
                    // Not verbatim.
                    return Err(validation("Action type 'fixed-response' is not supported for Network Load Balancers"));
                }
                let cfg = a.at("FixedResponseConfig");
                let status = cfg.str("StatusCode").unwrap_or_default();
                if !(status.len() == 3 && matches!(status.as_bytes()[0], b'2' | b'4' | b'5') && status.bytes().all(|b| b.is_ascii_digit())) {
                    // The model's pattern for FixedResponseActionConfig.StatusCode is ^(2|4|5)\d\d$. Not verbatim.
                    return Err(validation(format!("Fixed response status code '{status}' is not valid: use 2XX, 4XX or 5XX")));
                }
                Action::FixedResponse {
                    status_code: status.to_string(),
                    content_type: cfg.str("ContentType").map(str::to_string),
                    message_body: cfg.str("MessageBody").map(str::to_string),
                }
            }
            "redirect" => {
                let cfg = a.at("RedirectConfig");
                let status = cfg.str("StatusCode").unwrap_or("HTTP_301");
                Action::Redirect {
                    protocol: cfg.str("Protocol").unwrap_or("#{protocol}").into(),
                    port: cfg.str("Port").unwrap_or("#{port}").into(),
                    host: cfg.str("Host").unwrap_or("#{host}").into(),
                    path: cfg.str("Path").unwrap_or("/#{path}").into(),
                    query: cfg.str("Query").unwrap_or("#{query}").into(),
                    status_code: status.into(),
                }
            }
            // Not verbatim.
            other => return Err(validation(format!("Action type '{other}' is not supported by ECS Sandbox (forward, fixed-response and redirect are)"))),
        };
        out.push(action);
    }
    Ok(out)
}
