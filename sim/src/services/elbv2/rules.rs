//! CreateRule, DescribeRules, DeleteRule (ecs-facts.md §4 "Listeners and rules"): priorities 1–50000,
//! unique per listener (`PriorityInUse`); `path-pattern` (case-sensitive, path only, `*` and `?`, at most 128
//! characters), `host-header` (case-insensitive, at least one `.`) and `http-request-method` conditions; the
//! listener's default rule is listed last and cannot be deleted.

use super::{actions, listener_not_found, render, rule_not_found, validation};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::world::elbv2::{Condition, LbType, Rule};
use serde_json::{Value, json};
use crate::shared_sort::SharedSort;

/// Characters ALB accepts in a path pattern (besides letters and digits), per the ALB documentation's
/// path-condition section: `_-.$/~"'@:+&*?`.
const PATH_EXTRA: &str = "_-.$/~\"'@:+&*?";

fn condition(c: Req<'_>) -> Result<Condition, ServiceError> {
    let field = c.str("Field").unwrap_or_default();
    let config_key = match field {
        "path-pattern" => "PathPatternConfig",
        "host-header" => "HostHeaderConfig",
        "http-request-method" => "HttpRequestMethodConfig",
        // Not verbatim.
        "" => return Err(validation("A condition field must be specified")),
        other => return Err(validation(format!("Condition field '{other}' is not supported by ECS Sandbox (path-pattern, host-header and http-request-method are)"))),
    };
    let mut values: Vec<String> = c.strings("Values").into_iter().map(str::to_string).collect();
    values.extend(c.at(config_key).strings("Values").into_iter().map(str::to_string));
    values.dedup();
    if values.is_empty() {
        // Not verbatim.
        return Err(validation(format!("A value must be specified for condition '{field}'")));
    }
    for v in &values {
        if v.len() > 128 {
            // Not verbatim.
            return Err(validation(format!("Condition value '{v}' cannot be longer than 128 characters")));
        }
        let ok = match field {
            "path-pattern" => v.chars().all(|ch| ch.is_ascii_alphanumeric() || PATH_EXTRA.contains(ch)),
            "host-header" => v.contains('.') && v.chars().all(|ch| ch.is_ascii_alphanumeric() || "-.*?".contains(ch)),
            _ => v.chars().all(|ch| ch.is_ascii_uppercase() || ch == '_' || ch == '-'),
        };
        if !ok {
            // Not verbatim.
            return Err(validation(format!("Condition value '{v}' is not valid for field '{field}'")));
        }
    }
    Ok(Condition { field: field.to_string(), values })
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let listener_arn = req.str("ListenerArn").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let listener = r.elbv2.listener(listener_arn).ok_or_else(listener_not_found)?;
    let lb = r.elbv2.load_balancer(&listener.load_balancer_arn).ok_or_else(listener_not_found)?;
    if lb.lb_type != LbType::Application {
        // Not verbatim.
        return Err(validation("Listener rules are not supported by Network Load Balancers"));
    }
    let priority = req.int("Priority").unwrap_or(0);
    if !(1..=50000).contains(&priority) {
        // Not verbatim (ecs-facts.md §4: 1–50000).
        return Err(validation(format!("Priority '{priority}' must be between 1 and 50000")));
    }
    let priority = u32::try_from(priority).unwrap_or(1);
    if r.elbv2.rules.iter().any(|x| x.listener_arn == listener_arn && x.priority == priority) {
        // https://dev.classmethod.jp/articles/priority-conflict-when-updating-alb-listener-rule-by-cloudformation/ quotes it.
        return Err(ServiceError::new("PriorityInUse", format!("Priority '{priority}' is currently in use")));
    }
    let conditions = req.list("Conditions").iter().map(|c| condition(Req(c))).collect::<Result<Vec<_>, _>>()?;
    if conditions.is_empty() {
        // Not verbatim.
        return Err(validation("At least one condition must be specified"));
    }
    let acts = actions::parse(&r.elbv2, lb, req.list("Actions"))?;
    let arn = format!("{}/{}", listener_arn.replacen(":listener/", ":listener-rule/", 1), ctx.rng.hex(16));
    let rule = Rule { arn, listener_arn: listener_arn.to_string(), priority, conditions, actions: acts };
    let v = render::rule(&rule);
    ctx.world.region_mut(call.region).elbv2.rules.push(rule);
    Ok(json!({"Rules": [v]}))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let e = &r.elbv2;
    let arns = req.strings("RuleArns");
    let listener = req.str("ListenerArn");
    if listener.is_none() && arns.is_empty() {
        // Not verbatim.
        return Err(validation("You must specify either listener rule ARNs or a listener ARN"));
    }
    let mut out = Vec::new();
    if let Some(l) = listener {
        let l = e.listener(l).ok_or_else(listener_not_found)?;
        let mut rules: Vec<&Rule> = e.rules.iter().filter(|x| x.listener_arn == l.arn).collect();
        rules.shared_sort_by_key(|x| x.priority);
        out.extend(rules.into_iter().map(render::rule));
        out.push(render::default_rule(l));
    } else {
        for a in &arns {
            if let Some(x) = e.rules.iter().find(|x| x.arn == *a) {
                out.push(render::rule(x));
            } else if let Some(l) = e.listeners.iter().find(|l| render::default_rule_arn(&l.arn) == *a) {
                out.push(render::default_rule(l));
            } else {
                return Err(rule_not_found());
            }
        }
    }
    Ok(json!({"Rules": out}))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let arn = call.req().str("RuleArn").unwrap_or_default().to_string();
    let r = ctx.world.region_mut(call.region);
    if r.elbv2.listeners.iter().any(|l| render::default_rule_arn(&l.arn) == arn) {
        // Not verbatim.
        return Err(ServiceError::new("OperationNotPermitted", format!("Default rule '{arn}' cannot be deleted")));
    }
    if !r.elbv2.rules.iter().any(|x| x.arn == arn) {
        return Err(rule_not_found());
    }
    r.elbv2.rules.retain(|x| x.arn != arn);
    Ok(json!({}))
}
