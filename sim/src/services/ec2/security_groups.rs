//! CreateSecurityGroup, DescribeSecurityGroups, AuthorizeSecurityGroupIngress/Egress,
//! RevokeSecurityGroupIngress, DeleteSecurityGroup (ecs-facts.md §4 "Security groups for dynamic ports").
//! Error texts are EC2's where a public source quotes them (cited beside each); the others are marked
//! "Not verbatim".

use super::{dry_run, passes};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::Region;
use crate::world::ec2::InstanceState;
use crate::world::security_groups::{Peer, Rule, SecurityGroup, parse_cidr};
use serde_json::{Value, json};

/// Security groups per VPC (the EC2 quota's default), reported as EC2 reports a full quota.
const MAX_GROUPS: usize = 2500;

fn not_found(id: &str) -> ServiceError {
    // "The security group 'sg-…' does not exist": EC2's InvalidGroup.NotFound for an id.
    ServiceError::new("InvalidGroup.NotFound", format!("The security group '{id}' does not exist"))
}

fn name_not_found(name: &str, vpc: &str) -> ServiceError {
    // Not verbatim: EC2's wording for a group name looked up in the default VPC, as commonly quoted.
    ServiceError::new("InvalidGroup.NotFound", format!("The security group '{name}' does not exist in default VPC '{vpc}'"))
}

/// `Invalid id: "x" (expecting "sg-...")`, as EC2 words every malformed id (see RunInstances' AMI id).
fn check_id(id: &str) -> Result<(), ServiceError> {
    if id.starts_with("sg-") && id.len() > 3 && id[3..].bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(ServiceError::new("InvalidGroupId.Malformed", format!("Invalid id: \"{id}\" (expecting \"sg-...\")")))
    }
}

/// The group a request names by `GroupId` or `GroupName` (names are looked up in the default VPC).
fn target_group_id(r: &Region, req: Req<'_>) -> Result<String, ServiceError> {
    if let Some(id) = req.str("GroupId") {
        check_id(id)?;
        return r.network.security_groups.get(id).map(|g| g.id.clone()).ok_or_else(|| not_found(id));
    }
    if let Some(name) = req.str("GroupName") {
        return r
            .network
            .security_groups
            .by_name(&r.network.vpc_id, name)
            .map(|g| g.id.clone())
            .ok_or_else(|| name_not_found(name, &r.network.vpc_id));
    }
    // Not verbatim.
    Err(ServiceError::new("MissingParameter", "The request must contain the parameter groupName or groupId"))
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("GroupName").unwrap_or_default();
    let description = req.str("Description").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let vpc = req.str("VpcId").unwrap_or(&r.network.vpc_id).to_string();
    if vpc != r.network.vpc_id {
        return Err(ServiceError::new("InvalidVpcID.NotFound", format!("The vpc ID '{vpc}' does not exist")));
    }
    if name.starts_with("sg-") {
        // Not verbatim.
        return Err(ServiceError::new("InvalidParameterValue", "Group names may not be in the format sg-*."));
    }
    if name.len() > 255 || description.len() > 255 {
        // Not verbatim.
        return Err(ServiceError::new("InvalidParameterValue", "Group names and descriptions may have up to 255 characters."));
    }
    if r.network.security_groups.by_name(&vpc, name).is_some() {
        // https://github.com/hashicorp/terraform/issues/15428 quotes it: "The security group 'secgrp-app' already exists for VPC 'vpc-c05da2a6'".
        return Err(ServiceError::new("InvalidGroup.Duplicate", format!("The security group '{name}' already exists for VPC '{vpc}'")));
    }
    if r.network.security_groups.groups.len() >= MAX_GROUPS {
        return Err(ServiceError::new("SecurityGroupLimitExceeded", "The maximum number of security groups has been reached."));
    }
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    let tags: Vec<(String, String)> = req
        .list("TagSpecifications")
        .iter()
        .flat_map(|s| s.get("Tags").and_then(Value::as_array).cloned().unwrap_or_default())
        .filter_map(|t| Some((t.get("Key")?.as_str()?.to_string(), t.get("Value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect();
    let id = format!("sg-0{}", ctx.rng.hex(16));
    let egress_id = format!("sgr-0{}", ctx.rng.hex(16));
    let group = SecurityGroup {
        id: id.clone(),
        name: name.to_string(),
        description: description.to_string(),
        vpc_id: vpc,
        ingress: Vec::new(),
        egress: vec![Rule { id: egress_id, protocol: "-1".into(), from_port: -1, to_port: -1, peer: Peer::Cidr("0.0.0.0/0".into()), description: None }],
        tags: tags.clone(),
    };
    let arn = group.arn(call.region);
    let r = ctx.world.region_mut(call.region);
    r.network.security_groups.groups.insert(id.clone(), group);
    let mut out = json!({"GroupId": id, "SecurityGroupArn": arn});
    if !tags.is_empty() {
        out["Tags"] = tags_json(&tags);
    }
    Ok(out)
}

fn tags_json(tags: &[(String, String)]) -> Value {
    Value::Array(tags.iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect())
}

/// An IP permission of a request turned into rules, one per peer.
fn rules_of(ctx: &mut Ctx<'_>, region: &str, perm: Req<'_>) -> Result<Vec<Rule>, ServiceError> {
    let raw = perm.str("IpProtocol").unwrap_or_default().to_ascii_lowercase();
    let protocol = match raw.as_str() {
        "tcp" | "6" => "tcp".to_string(),
        "udp" | "17" => "udp".to_string(),
        "icmp" | "1" => "icmp".to_string(),
        "-1" | "all" => "-1".to_string(),
        n if n.parse::<u8>().is_ok() => n.to_string(),
        // Not verbatim.
        other => return Err(ServiceError::new("InvalidParameterValue", format!("Invalid value '{other}' for IP protocol. Unknown protocol."))),
    };
    let (from, to) = match protocol.as_str() {
        "-1" => (-1, -1),
        "tcp" | "udp" => {
            let (Some(from), Some(to)) = (perm.int("FromPort"), perm.int("ToPort")) else {
                // Not verbatim.
                return Err(ServiceError::new("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange."));
            };
            if !(0..=65535).contains(&from) || !(0..=65535).contains(&to) || from > to {
                // Not verbatim.
                return Err(ServiceError::new("InvalidParameterValue", format!("Invalid TCP/UDP port range: {from}-{to}. Ports are 0-65535, from port at most to port.")));
            }
            (from, to)
        }
        _ => (perm.int("FromPort").unwrap_or(-1), perm.int("ToPort").unwrap_or(-1)),
    };
    let mut peers: Vec<(Peer, Option<String>)> = Vec::new();
    for range in perm.list("IpRanges") {
        let cidr = range.get("CidrIp").and_then(Value::as_str).unwrap_or_default();
        if parse_cidr(cidr).is_none() {
            // Not verbatim (EC2's InvalidParameterValue for a malformed CIDR, as commonly quoted).
            return Err(ServiceError::new("InvalidParameterValue", format!("CIDR block {cidr} is malformed")));
        }
        peers.push((Peer::Cidr(cidr.to_string()), range.get("Description").and_then(Value::as_str).map(str::to_string)));
    }
    let r = ctx.world.region_mut(region);
    for pair in perm.list("UserIdGroupPairs") {
        let pair = Req(pair);
        let id = match (pair.str("GroupId"), pair.str("GroupName")) {
            (Some(id), _) => {
                check_id(id)?;
                r.network.security_groups.get(id).ok_or_else(|| not_found(id))?.id.clone()
            }
            (None, Some(name)) => r
                .network
                .security_groups
                .by_name(&r.network.vpc_id, name)
                .ok_or_else(|| name_not_found(name, &r.network.vpc_id))?
                .id
                .clone(),
            (None, None) => continue,
        };
        peers.push((Peer::Group(id), pair.str("Description").map(str::to_string)));
    }
    if peers.is_empty() {
        // Not verbatim: a permission with neither a CIDR nor a group.
        return Err(ServiceError::new(
            "InvalidParameterValue",
            "The request must contain a source or destination: a CIDR block (--cidr) or a security group (--source-group).",
        ));
    }
    Ok(peers
        .into_iter()
        .map(|(peer, description)| Rule { id: format!("sgr-0{}", ctx.rng.hex(16)), protocol: protocol.clone(), from_port: from, to_port: to, peer, description })
        .collect())
}

/// The permissions of a request: `IpPermissions`, or the flat `IpProtocol`/`FromPort`/`ToPort`/`CidrIp`/
/// `SourceSecurityGroupName` form.
fn permissions(req: Req<'_>) -> Vec<Value> {
    let list = req.list("IpPermissions");
    if !list.is_empty() {
        return list.to_vec();
    }
    let mut p = json!({"IpProtocol": req.str("IpProtocol").unwrap_or("-1")});
    if let Some(f) = req.int("FromPort") {
        p["FromPort"] = json!(f);
    }
    if let Some(t) = req.int("ToPort") {
        p["ToPort"] = json!(t);
    }
    if let Some(c) = req.str("CidrIp") {
        p["IpRanges"] = json!([{"CidrIp": c}]);
    }
    if let Some(n) = req.str("SourceSecurityGroupName") {
        p["UserIdGroupPairs"] = json!([{"GroupName": n}]);
    }
    vec![p]
}

/// EC2's text for a rule in InvalidPermission.Duplicate, e.g. `peer: sg-ebb4d54e, TCP, from port: 0, to port:
/// 65535, ALLOW` (https://github.com/ansible/ansible/issues/19759) and `peer: 0.0.0.0/0, ALL, ALLOW`
/// (https://github.com/lucidsoftware/cumulus/issues/101).
fn rule_text(r: &Rule) -> String {
    let peer = match &r.peer {
        Peer::Cidr(c) => c.clone(),
        Peer::Group(g) => g.clone(),
    };
    match r.protocol.as_str() {
        "-1" => format!("peer: {peer}, ALL, ALLOW"),
        "tcp" | "udp" => format!("peer: {peer}, {}, from port: {}, to port: {}, ALLOW", r.protocol.to_uppercase(), r.from_port, r.to_port),
        // Not verbatim for ICMP and other protocols.
        p => format!("peer: {peer}, {}, type: {}, code: {}, ALLOW", p.to_uppercase(), r.from_port, r.to_port),
    }
}

pub fn authorize_ingress(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    authorize(ctx, call, false)
}

pub fn authorize_egress(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    authorize(ctx, call, true)
}

fn authorize(ctx: &mut Ctx<'_>, call: &Call<'_>, egress: bool) -> Result<Value, ServiceError> {
    let req = call.req();
    let group_id = target_group_id(ctx.world.region_mut(call.region), req)?;
    let mut new_rules = Vec::new();
    for p in permissions(req) {
        new_rules.extend(rules_of(ctx, call.region, Req(&p))?);
    }
    let r = ctx.world.region_mut(call.region);
    let group = r.network.security_groups.groups.get(&group_id).ok_or_else(|| not_found(&group_id))?;
    let existing = if egress { &group.egress } else { &group.ingress };
    for (i, n) in new_rules.iter().enumerate() {
        if existing.iter().chain(new_rules[..i].iter()).any(|e| e.same_permission(n)) {
            return Err(ServiceError::new("InvalidPermission.Duplicate", format!("the specified rule \"{}\" already exists", rule_text(n))));
        }
    }
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    let rendered: Vec<Value> = new_rules.iter().map(|rule| rule_json(call.region, &group_id, egress, rule)).collect();
    if let Some(group) = r.network.security_groups.groups.get_mut(&group_id) {
        let list = if egress { &mut group.egress } else { &mut group.ingress };
        list.extend(new_rules);
    }
    Ok(json!({"Return": true, "SecurityGroupRules": rendered}))
}

fn rule_json(region: &str, group_id: &str, egress: bool, rule: &Rule) -> Value {
    let mut v = json!({
        "SecurityGroupRuleId": rule.id,
        "GroupId": group_id,
        "GroupOwnerId": ACCOUNT_ID,
        "IsEgress": egress,
        "IpProtocol": rule.protocol,
        "FromPort": rule.from_port,
        "ToPort": rule.to_port,
        "SecurityGroupRuleArn": format!("arn:aws:ec2:{region}:{ACCOUNT_ID}:security-group-rule/{}", rule.id),
    });
    match &rule.peer {
        Peer::Cidr(c) => v["CidrIpv4"] = json!(c),
        Peer::Group(g) => v["ReferencedGroupInfo"] = json!({"GroupId": g, "UserId": ACCOUNT_ID}),
    }
    if let Some(d) = &rule.description {
        v["Description"] = json!(d);
    }
    v
}

pub fn revoke_ingress(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let group_id = target_group_id(ctx.world.region_mut(call.region), req)?;
    let rule_ids = req.strings("SecurityGroupRuleIds");
    let mut wanted = Vec::new();
    if rule_ids.is_empty() {
        for p in permissions(req) {
            wanted.extend(rules_of(ctx, call.region, Req(&p))?);
        }
    }
    let r = ctx.world.region_mut(call.region);
    let group = r.network.security_groups.groups.get(&group_id).ok_or_else(|| not_found(&group_id))?;
    let remove: Vec<String> = if rule_ids.is_empty() {
        let mut ids = Vec::new();
        for w in &wanted {
            match group.ingress.iter().find(|e| e.same_permission(w)) {
                Some(e) => ids.push(e.id.clone()),
                // Not verbatim: EC2's InvalidPermission.NotFound as commonly quoted.
                None => {
                    return Err(ServiceError::new("InvalidPermission.NotFound", "The specified rule does not exist in this security group."));
                }
            }
        }
        ids
    } else {
        for id in &rule_ids {
            if !group.ingress.iter().any(|e| e.id == *id) {
                // Not verbatim.
                return Err(ServiceError::new("InvalidSecurityGroupRuleId.NotFound", format!("The security group rule ID '{id}' does not exist")));
            }
        }
        rule_ids.iter().map(|s| (*s).to_string()).collect()
    };
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    let mut revoked = Vec::new();
    if let Some(group) = r.network.security_groups.groups.get_mut(&group_id) {
        for rule in group.ingress.iter().filter(|e| remove.contains(&e.id)) {
            revoked.push(json!({"SecurityGroupRuleId": rule.id, "GroupId": group_id, "IsEgress": false, "IpProtocol": rule.protocol,
                "FromPort": rule.from_port, "ToPort": rule.to_port}));
        }
        group.ingress.retain(|e| !remove.contains(&e.id));
    }
    Ok(json!({"Return": true, "RevokedSecurityGroupRules": revoked}))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let id = target_group_id(r, req)?;
    if id == r.network.default_security_group_id {
        // Not verbatim: EC2's CannotDelete for a default group, as commonly quoted.
        return Err(ServiceError::new("CannotDelete", format!("the specified group: \"{id}\" name: \"default\" cannot be deleted by a user")));
    }
    let used_by_instance = r
        .ec2
        .instances
        .values()
        .any(|i| i.state != InstanceState::Terminated && i.security_group_ids.contains(&id));
    let used_by_eni = r.network.security_groups.eni_groups.values().any(|g| g.contains(&id));
    let used_by_lb = r.elbv2.load_balancers.iter().any(|lb| lb.security_groups.contains(&id));
    let referenced = r
        .network
        .security_groups
        .groups
        .values()
        .filter(|g| g.id != id)
        .any(|g| g.ingress.iter().chain(g.egress.iter()).any(|rule| rule.peer == Peer::Group(id.clone())));
    if used_by_instance || used_by_eni || used_by_lb || referenced {
        // "resource sg-… has a dependent object": EC2's DependencyViolation, as quoted in many issue threads
        // (e.g. https://github.com/hashicorp/terraform-provider-aws/issues/1671).
        return Err(ServiceError::new("DependencyViolation", format!("resource {id} has a dependent object")));
    }
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    r.network.security_groups.groups.remove(&id);
    Ok(json!({"Return": true, "GroupId": id}))
}

/// The IP permissions of a list of rules as Describe groups them: one per protocol and port range, in the
/// order each first appears.
fn ip_permissions(rules: &[Rule]) -> Vec<Value> {
    let mut out: Vec<((String, i64, i64), Value)> = Vec::new();
    for rule in rules {
        let key = (rule.protocol.clone(), rule.from_port, rule.to_port);
        let idx = match out.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let mut p = json!({"IpProtocol": rule.protocol, "UserIdGroupPairs": [], "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": []});
                if rule.protocol != "-1" {
                    p["FromPort"] = json!(rule.from_port);
                    p["ToPort"] = json!(rule.to_port);
                }
                out.push((key, p));
                out.len() - 1
            }
        };
        let p = &mut out[idx].1;
        match &rule.peer {
            Peer::Cidr(c) => {
                let mut range = json!({"CidrIp": c});
                if let Some(d) = &rule.description {
                    range["Description"] = json!(d);
                }
                if let Some(a) = p["IpRanges"].as_array_mut() {
                    a.push(range);
                }
            }
            Peer::Group(g) => {
                let mut pair = json!({"UserId": ACCOUNT_ID, "GroupId": g});
                if let Some(d) = &rule.description {
                    pair["Description"] = json!(d);
                }
                if let Some(a) = p["UserIdGroupPairs"].as_array_mut() {
                    a.push(pair);
                }
            }
        }
    }
    out.into_iter().map(|(_, v)| v).collect()
}

pub fn render(region: &str, g: &SecurityGroup) -> Value {
    let mut v = json!({
        "GroupId": g.id,
        "IpPermissionsEgress": ip_permissions(&g.egress),
        "VpcId": g.vpc_id,
        "SecurityGroupArn": g.arn(region),
        "OwnerId": ACCOUNT_ID,
        "GroupName": g.name,
        "Description": g.description,
        "IpPermissions": ip_permissions(&g.ingress),
    });
    if !g.tags.is_empty() {
        v["Tags"] = tags_json(&g.tags);
    }
    v
}

fn filter_values(g: &SecurityGroup, name: &str) -> Vec<String> {
    let rule_values = |rules: &[Rule], what: &str| -> Vec<String> {
        rules
            .iter()
            .filter_map(|r| match (what, &r.peer) {
                ("from-port", _) => Some(r.from_port.to_string()),
                ("to-port", _) => Some(r.to_port.to_string()),
                ("protocol", _) => Some(r.protocol.clone()),
                ("cidr", Peer::Cidr(c)) => Some(c.clone()),
                ("group-id", Peer::Group(id)) => Some(id.clone()),
                _ => None,
            })
            .collect()
    };
    match name {
        "group-id" => vec![g.id.clone()],
        "group-name" => vec![g.name.clone()],
        "description" => vec![g.description.clone()],
        "vpc-id" => vec![g.vpc_id.clone()],
        "owner-id" => vec![ACCOUNT_ID.to_string()],
        _ => {
            if let Some(what) = name.strip_prefix("ip-permission.") {
                rule_values(&g.ingress, what)
            } else if let Some(what) = name.strip_prefix("egress.ip-permission.") {
                rule_values(&g.egress, what)
            } else if let Some(key) = name.strip_prefix("tag:") {
                g.tags.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
            } else if name == "tag-key" {
                g.tags.iter().map(|(k, _)| k.clone()).collect()
            } else {
                Vec::new()
            }
        }
    }
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let ids = req.strings("GroupIds");
    let names = req.strings("GroupNames");
    for id in &ids {
        check_id(id)?;
        if r.network.security_groups.get(id).is_none() {
            return Err(not_found(id));
        }
    }
    for name in &names {
        if r.network.security_groups.by_name(&r.network.vpc_id, name).is_none() {
            return Err(name_not_found(name, &r.network.vpc_id));
        }
    }
    let filters = req.list("Filters");
    let list: Vec<Value> = r
        .network
        .security_groups
        .groups
        .values()
        .filter(|g| ids.is_empty() || ids.contains(&g.id.as_str()))
        .filter(|g| names.is_empty() || names.contains(&g.name.as_str()))
        .filter(|g| passes(filters, |name| filter_values(g, name)))
        .map(|g| render(call.region, g))
        .collect();
    Ok(json!({ "SecurityGroups": list }))
}

/// A group's name for output that shows groups by id and name (DescribeInstances).
pub fn group_name(r: &Region, id: &str) -> String {
    r.network.security_groups.get(id).map_or_else(|| id.to_string(), |g| g.name.clone())
}
