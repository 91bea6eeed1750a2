//! ELBv2 objects in the API's JSON shapes (DescribeLoadBalancers, DescribeTargetGroups, DescribeListeners,
//! DescribeRules); key order comes from the model afterwards.

use crate::world::elbv2::{Action, Elbv2, Listener, LoadBalancer, LbType, Rule, TargetGroup};
use serde_json::{Value, json};

/// Route 53 hosted zone of the load balancers' DNS names, per Region. Application Load Balancers' zones as
/// AWS publishes them (docs.aws.amazon.com/general/latest/gr/elb.html); Network Load Balancers: us-east-1's
/// as published, others Not verbatim (the ALB zone is reused).
fn hosted_zone(region: &str, t: LbType) -> &'static str {
    if t == LbType::Network && region == "us-east-1" {
        return "Z26RNL4JYFTOTI";
    }
    match region {
        "us-east-1" => "Z35SXDOTRQ7X7K",
        "us-east-2" => "Z3AADJGX6KTTL2",
        "us-west-1" => "Z368ELLRRE2KJ0",
        "us-west-2" => "Z1H1FL5HABSF5",
        "ca-central-1" => "ZQSVJUPU6J1EY",
        "eu-central-1" => "Z215JYRZR1TBD5",
        "eu-west-1" => "Z32O12XQLNTSW2",
        "eu-west-2" => "ZHURV8PSTC4K8",
        "eu-west-3" => "Z3Q77PNBQS71R4",
        "eu-north-1" => "Z23TAZ7KXUYWTS",
        "ap-northeast-1" => "Z14GRHDCWA56QT",
        "ap-northeast-2" => "ZWKZPGTI48KDX",
        "ap-south-1" => "ZP97RAFLXTNZK",
        "ap-southeast-1" => "Z1LMS91P8CMLE5",
        "ap-southeast-2" => "Z1GM3OXH4ZPM65",
        "sa-east-1" => "Z2P70J7HTTTPLU",
        _ => "Z35SXDOTRQ7X7K",
    }
}

pub fn load_balancer(region: &str, vpc_id: &str, lb: &LoadBalancer) -> Value {
    let zones: Vec<Value> = lb
        .zones
        .iter()
        .map(|z| json!({"ZoneName": z.zone, "SubnetId": z.subnet_id, "LoadBalancerAddresses": []}))
        .collect();
    let mut v = json!({
        "LoadBalancerArn": lb.arn,
        "DNSName": lb.dns_name,
        "CanonicalHostedZoneId": hosted_zone(region, lb.lb_type),
        "CreatedTime": lb.created_at.to_cli_string(),
        "LoadBalancerName": lb.name,
        "Scheme": lb.scheme,
        "VpcId": vpc_id,
        "State": {"Code": lb.state.as_str()},
        "Type": lb.lb_type.as_str(),
        "AvailabilityZones": zones,
        "IpAddressType": lb.ip_address_type,
    });
    if !lb.security_groups.is_empty() {
        v["SecurityGroups"] = json!(lb.security_groups);
    }
    v
}

pub fn target_group(e: &Elbv2, tg: &TargetGroup) -> Value {
    let hc = &tg.health_check;
    let mut v = json!({
        "TargetGroupArn": tg.arn,
        "TargetGroupName": tg.name,
        "HealthCheckProtocol": hc.protocol,
        "HealthCheckPort": hc.port,
        "HealthCheckEnabled": hc.enabled,
        "HealthCheckIntervalSeconds": hc.interval_seconds,
        "HealthCheckTimeoutSeconds": hc.timeout_seconds,
        "HealthyThresholdCount": hc.healthy_threshold,
        "UnhealthyThresholdCount": hc.unhealthy_threshold,
        "LoadBalancerArns": e.load_balancers_of(&tg.arn).iter().map(|l| l.arn.clone()).collect::<Vec<_>>(),
        "TargetType": tg.target_type,
        "IpAddressType": tg.ip_address_type,
    });
    if let Some(p) = &tg.protocol {
        v["Protocol"] = json!(p);
    }
    if let Some(p) = tg.port {
        v["Port"] = json!(p);
    }
    if let Some(vpc) = &tg.vpc_id {
        v["VpcId"] = json!(vpc);
    }
    if let Some(path) = &hc.path {
        v["HealthCheckPath"] = json!(path);
    }
    if let Some(m) = &hc.matcher {
        v["Matcher"] = json!({"HttpCode": m});
    }
    if let Some(pv) = &tg.protocol_version {
        v["ProtocolVersion"] = json!(pv);
    }
    v
}

pub fn action(a: &Action) -> Value {
    match a {
        Action::Forward { target_groups } => {
            let tuples: Vec<Value> = target_groups.iter().map(|(arn, w)| json!({"TargetGroupArn": arn, "Weight": w})).collect();
            let mut v = json!({"Type": "forward", "ForwardConfig": {"TargetGroups": tuples, "TargetGroupStickinessConfig": {"Enabled": false}}});
            if let [(arn, _)] = target_groups.as_slice() {
                v["TargetGroupArn"] = json!(arn);
            }
            v
        }
        Action::FixedResponse { status_code, content_type, message_body } => {
            let mut cfg = json!({"StatusCode": status_code});
            if let Some(c) = content_type {
                cfg["ContentType"] = json!(c);
            }
            if let Some(b) = message_body {
                cfg["MessageBody"] = json!(b);
            }
            json!({"Type": "fixed-response", "FixedResponseConfig": cfg})
        }
        Action::Redirect { protocol, port, host, path, query, status_code } => json!({"Type": "redirect", "RedirectConfig": {
            "Protocol": protocol, "Port": port, "Host": host, "Path": path, "Query": query, "StatusCode": status_code}}),
    }
}

pub fn listener(l: &Listener) -> Value {
    json!({
        "ListenerArn": l.arn,
        "LoadBalancerArn": l.load_balancer_arn,
        "Port": l.port,
        "Protocol": l.protocol,
        "DefaultActions": l.default_actions.iter().map(action).collect::<Vec<_>>(),
    })
}

pub fn rule(r: &Rule) -> Value {
    let conditions: Vec<Value> = r
        .conditions
        .iter()
        .map(|c| {
            let mut v = json!({"Field": c.field, "Values": c.values});
            match c.field.as_str() {
                "path-pattern" => v["PathPatternConfig"] = json!({"Values": c.values}),
                "host-header" => v["HostHeaderConfig"] = json!({"Values": c.values}),
                _ => {}
            }
            v
        })
        .collect();
    json!({
        "RuleArn": r.arn,
        "Priority": r.priority.to_string(),
        "Conditions": conditions,
        "Actions": r.actions.iter().map(action).collect::<Vec<_>>(),
        "IsDefault": false,
    })
}

/// The default rule of a listener, as DescribeRules shows it: its ARN is the listener's with
/// `listener-rule/` and a rule id derived from the listener's.
pub fn default_rule(l: &Listener) -> Value {
    json!({
        "RuleArn": default_rule_arn(&l.arn),
        "Priority": "default",
        "Conditions": [],
        "Actions": l.default_actions.iter().map(action).collect::<Vec<_>>(),
        "IsDefault": true,
    })
}

pub fn default_rule_arn(listener_arn: &str) -> String {
    let id = crate::world::amis::stable_hash(&[listener_arn, "default-rule"]);
    format!("{}/{:016x}", listener_arn.replacen(":listener/", ":listener-rule/", 1), id)
}
