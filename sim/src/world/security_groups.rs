//! EC2 security groups of a Region's default VPC (ecs-facts.md §4 "Security groups for dynamic ports"): each
//! group has ingress and egress rules; a rule allows one protocol on a port range from one peer, a CIDR block
//! or another security group. A new group allows all outbound traffic and no inbound traffic; the VPC's
//! `default` group also allows all traffic from its own members, as on AWS.
//!
//! Words: a *rule* is one `SecurityGroupRule` (AWS stores and numbers each, `sgr-…`); an *IP permission* is how
//! Describe output groups rules of the same protocol and ports. The *peer* of an ingress rule is where traffic
//! comes from; of an egress rule, where it goes. [`allows`] answers the reachability question the load balancer
//! and its health checks ask.

use std::collections::BTreeMap;

/// Where traffic of a rule comes from (ingress) or goes to (egress).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Peer {
    /// An IPv4 CIDR block (`0.0.0.0/0`, `172.31.0.0/16`).
    Cidr(String),
    /// Members of a security group (`sg-…`).
    Group(String),
}

/// One rule of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `sgr-…`.
    pub id: String,
    /// `-1` (all), `tcp`, `udp`, `icmp`, or a protocol number, as the request gave it (lower-cased names).
    pub protocol: String,
    /// The port range; both `-1` for protocol `-1` (and ICMP "all types").
    pub from_port: i64,
    pub to_port: i64,
    pub peer: Peer,
    pub description: Option<String>,
}

impl Rule {
    /// Same protocol, ports and peer: what EC2 calls a duplicate.
    pub fn same_permission(&self, other: &Rule) -> bool {
        self.protocol == other.protocol && self.from_port == other.from_port && self.to_port == other.to_port && self.peer == other.peer
    }

    /// Whether this rule lets `protocol` traffic to `port` through (peer not considered).
    pub fn covers(&self, protocol: Protocol, port: u16) -> bool {
        match normalized(&self.protocol) {
            "-1" => true,
            p if p == protocol.number() => self.from_port <= i64::from(port) && i64::from(port) <= self.to_port,
            _ => false,
        }
    }
}

/// `tcp` → `6`, `udp` → `17`, `icmp` → `1`, `all` → `-1`; numbers stay.
pub fn normalized(protocol: &str) -> &str {
    match protocol {
        "tcp" | "TCP" => "6",
        "udp" | "UDP" => "17",
        "icmp" | "ICMP" => "1",
        "all" => "-1",
        other => other,
    }
}

/// The transport of a connection being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    fn number(self) -> &'static str {
        match self {
            Protocol::Tcp => "6",
            Protocol::Udp => "17",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityGroup {
    pub id: String,
    pub name: String,
    pub description: String,
    pub vpc_id: String,
    pub ingress: Vec<Rule>,
    pub egress: Vec<Rule>,
    pub tags: Vec<(String, String)>,
}

impl SecurityGroup {
    pub fn arn(&self, region: &str) -> String {
        format!("arn:aws:ec2:{region}:{}:security-group/{}", crate::tuning::ACCOUNT_ID, self.id)
    }
}

/// The groups of one Region, by id (id order is the order Describe returns them in).
#[derive(Debug, Clone, Default)]
pub struct SecurityGroups {
    pub groups: BTreeMap<String, SecurityGroup>,
    /// The security groups of each network interface that is not an instance's primary one (awsvpc task ENIs,
    /// load balancer nodes), by ENI id. Instances keep theirs on the instance.
    pub eni_groups: BTreeMap<String, Vec<String>>,
}

impl SecurityGroups {
    pub fn get(&self, id: &str) -> Option<&SecurityGroup> {
        self.groups.get(id)
    }
    pub fn by_name(&self, vpc_id: &str, name: &str) -> Option<&SecurityGroup> {
        self.groups.values().find(|g| g.vpc_id == vpc_id && g.name == name)
    }
}

/// What a connection comes from (or, for egress, goes to): the security groups of its network interface
/// and its private address.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint<'a> {
    pub groups: &'a [String],
    pub ip: Option<&'a str>,
}

/// Whether any of `target_groups` has an ingress rule letting `protocol` traffic from `source` in on `port`.
/// Security groups are allow-lists: no matching rule means the packet is dropped (the sender sees a timeout).
///
/// ```
/// use ecs_sim::world::security_groups::{allows, Endpoint, Protocol, SecurityGroups};
/// let groups = SecurityGroups::default();
/// assert!(!allows(&groups, &["sg-1".to_string()], Endpoint { groups: &[], ip: Some("10.0.0.1") }, Protocol::Tcp, 80));
/// ```
pub fn allows(groups: &SecurityGroups, target_groups: &[String], source: Endpoint<'_>, protocol: Protocol, port: u16) -> bool {
    target_groups.iter().filter_map(|id| groups.get(id)).any(|g| g.ingress.iter().any(|r| r.covers(protocol, port) && peer_matches(&r.peer, source)))
}

/// Whether any of `source_groups` has an egress rule letting `protocol` traffic out to `dest` on `port`.
pub fn allows_egress(groups: &SecurityGroups, source_groups: &[String], dest: Endpoint<'_>, protocol: Protocol, port: u16) -> bool {
    source_groups.iter().filter_map(|id| groups.get(id)).any(|g| g.egress.iter().any(|r| r.covers(protocol, port) && peer_matches(&r.peer, dest)))
}

fn peer_matches(peer: &Peer, endpoint: Endpoint<'_>) -> bool {
    match peer {
        Peer::Group(id) => endpoint.groups.iter().any(|g| g == id),
        Peer::Cidr(cidr) => endpoint.ip.is_some_and(|ip| cidr_contains(cidr, ip)),
    }
}

/// An IPv4 address as a number.
pub fn parse_ipv4(ip: &str) -> Option<u32> {
    let parts: Vec<&str> = ip.split('.').collect();
    if parts.len() != 4 {
        return None;
    }
    let mut n = 0u32;
    for p in parts {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n = (n << 8) | u32::from(p.parse::<u8>().ok()?);
    }
    Some(n)
}

/// `a.b.c.d/n` as (network, prefix length), when well formed.
pub fn parse_cidr(cidr: &str) -> Option<(u32, u32)> {
    let (ip, len) = cidr.split_once('/')?;
    let len: u32 = len.parse().ok().filter(|l| *l <= 32)?;
    Some((parse_ipv4(ip)?, len))
}

pub fn cidr_contains(cidr: &str, ip: &str) -> bool {
    let (Some((net, len)), Some(addr)) = (parse_cidr(cidr), parse_ipv4(ip)) else { return false };
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    net & mask == addr & mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, ingress: Vec<Rule>) -> SecurityGroup {
        SecurityGroup {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            vpc_id: "vpc-1".into(),
            ingress,
            egress: vec![rule("-1", -1, -1, Peer::Cidr("0.0.0.0/0".into()))],
            tags: Vec::new(),
        }
    }

    fn rule(p: &str, from: i64, to: i64, peer: Peer) -> Rule {
        Rule { id: "sgr-1".into(), protocol: p.into(), from_port: from, to_port: to, peer, description: None }
    }

    #[test]
    fn facts_4_instance_group_must_allow_the_alb_group_on_the_ephemeral_range() {
        let mut sgs = SecurityGroups::default();
        sgs.groups.insert("sg-inst".into(), group("sg-inst", vec![]));
        sgs.groups.insert("sg-alb".into(), group("sg-alb", vec![rule("tcp", 80, 80, Peer::Cidr("0.0.0.0/0".into()))]));
        let alb = ["sg-alb".to_string()];
        let from_alb = Endpoint { groups: &alb, ip: Some("172.31.3.4") };
        let inst = ["sg-inst".to_string()];
        assert!(!allows(&sgs, &inst, from_alb, Protocol::Tcp, 32768));
        sgs.groups.get_mut("sg-inst").unwrap().ingress.push(rule("tcp", 32768, 65535, Peer::Group("sg-alb".into())));
        assert!(allows(&sgs, &inst, from_alb, Protocol::Tcp, 32768));
        assert!(allows(&sgs, &inst, from_alb, Protocol::Tcp, 60999));
        assert!(!allows(&sgs, &inst, from_alb, Protocol::Tcp, 8080), "below the range");
        assert!(!allows(&sgs, &inst, from_alb, Protocol::Udp, 32768), "another protocol");
        assert!(allows_egress(&sgs, &alb, Endpoint { groups: &inst, ip: Some("172.31.0.9") }, Protocol::Tcp, 32768));
    }

    #[test]
    fn cidr_and_all_traffic_rules() {
        let mut sgs = SecurityGroups::default();
        sgs.groups.insert("sg-a".into(), group("sg-a", vec![rule("-1", -1, -1, Peer::Cidr("172.31.0.0/16".into()))]));
        let a = ["sg-a".to_string()];
        assert!(allows(&sgs, &a, Endpoint { groups: &[], ip: Some("172.31.200.1") }, Protocol::Udp, 53));
        assert!(!allows(&sgs, &a, Endpoint { groups: &[], ip: Some("10.0.0.1") }, Protocol::Tcp, 80));
        assert!(!allows(&sgs, &a, Endpoint { groups: &[], ip: None }, Protocol::Tcp, 80));
        assert!(cidr_contains("0.0.0.0/0", "8.8.8.8"));
        assert!(!cidr_contains("10.0.0.0/33", "10.0.0.1"));
        assert_eq!(parse_ipv4("1.2.3"), None);
        assert_eq!(parse_ipv4("256.1.1.1"), None);
    }
}
