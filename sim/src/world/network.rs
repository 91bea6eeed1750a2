//! Regions, Availability Zones and the default VPC: what EC2 gives every account before it creates
//! anything. The default VPC is 172.31.0.0/16 with one /20 default subnet per Availability Zone, as on AWS;
//! the sandbox models three zones per Region (a, b and c).

use super::amis::stable_hash;
use super::security_groups::{Peer, Rule, SecurityGroup, SecurityGroups};
use crate::rng::SimRng;
use std::collections::BTreeSet;

/// The Regions the sandbox serves. Any other name fails as the CLI fails for an unknown endpoint.
pub const REGIONS: &[&str] = &[
    "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1",
    "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2",
    "us-west-1", "us-west-2",
];

pub fn is_region(name: &str) -> bool {
    REGIONS.contains(&name)
}

/// One default subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subnet {
    pub id: String,
    pub availability_zone: String,
    /// The third octet where this subnet's /20 starts (0, 16, 32).
    pub third_octet_base: u8,
    pub cidr: String,
}

/// A Region's default VPC and what has been handed out in it.
#[derive(Debug, Clone)]
pub struct Network {
    pub vpc_id: String,
    pub vpc_cidr: String,
    pub subnets: Vec<Subnet>,
    pub default_security_group_id: String,
    /// The VPC's security groups (ecs-facts.md §4), the default group among them.
    pub security_groups: SecurityGroups,
    used_ips: BTreeSet<String>,
    /// Availability Zones taken down by `sandbox fail zone` (a fault AWS would cause on its own).
    pub zones_down: BTreeSet<String>,
}

impl Network {
    pub fn default_for(region: &str) -> Self {
        let vpc_id = format!("vpc-0{:016x}", stable_hash(&[region, "default-vpc"]));
        let subnets = ["a", "b", "c"]
            .iter()
            .enumerate()
            .map(|(i, zone)| {
                let az = format!("{region}{zone}");
                let base = (i as u8) * 16;
                Subnet {
                    id: format!("subnet-0{:016x}", stable_hash(&[region, &az, "default-subnet"])),
                    availability_zone: az,
                    third_octet_base: base,
                    cidr: format!("172.31.{base}.0/20"),
                }
            })
            .collect();
        let default_sg = format!("sg-0{:016x}", stable_hash(&[region, "default-sg"]));
        let mut security_groups = SecurityGroups::default();
        security_groups.groups.insert(default_sg.clone(), default_group(region, &vpc_id, &default_sg));
        Network {
            vpc_id,
            vpc_cidr: "172.31.0.0/16".into(),
            zones_down: BTreeSet::new(),
            subnets,
            default_security_group_id: default_sg,
            security_groups,
            used_ips: BTreeSet::new(),
        }
    }

    pub fn subnet(&self, id: &str) -> Option<&Subnet> {
        self.subnets.iter().find(|s| s.id == id)
    }

    pub fn subnet_in_zone(&self, az: &str) -> Option<&Subnet> {
        self.subnets.iter().find(|s| s.availability_zone == az)
    }

    /// A free private address in the subnet. AWS reserves the first four and the last address of a subnet.
    pub fn allocate_ip(&mut self, subnet_id: &str, rng: &mut SimRng) -> Option<String> {
        let base = self.subnet(subnet_id)?.third_octet_base;
        // A /20 has 4096 addresses; try random ones, then scan, so a full subnet is reported, not looped on.
        for attempt in 0..4096 + 64 {
            let offset = if attempt < 64 { 4 + rng.below(4096 - 5) } else { attempt - 64 };
            if !(4..4095).contains(&offset) {
                continue;
            }
            let ip = format!("172.31.{}.{}", base as usize + offset / 256, offset % 256);
            if self.used_ips.insert(ip.clone()) {
                return Some(ip);
            }
        }
        None
    }

    pub fn release_ip(&mut self, ip: &str) {
        self.used_ips.remove(ip);
    }
}

/// The default VPC's `default` group: all traffic in from its own members, all traffic out, as EC2 creates it.
fn default_group(region: &str, vpc_id: &str, id: &str) -> SecurityGroup {
    let rule_id = |what: &str| format!("sgr-0{:016x}", stable_hash(&[region, "default-sg", what]));
    SecurityGroup {
        id: id.to_string(),
        name: "default".into(),
        description: "default VPC security group".into(),
        vpc_id: vpc_id.to_string(),
        ingress: vec![Rule { id: rule_id("in"), protocol: "-1".into(), from_port: -1, to_port: -1, peer: Peer::Group(id.to_string()), description: None }],
        egress: vec![Rule { id: rule_id("out"), protocol: "-1".into(), from_port: -1, to_port: -1, peer: Peer::Cidr("0.0.0.0/0".into()), description: None }],
        tags: Vec::new(),
    }
}

/// EC2's internal DNS name for a private address in a Region.
pub fn private_dns_name(region: &str, ip: &str) -> String {
    let dashed = ip.replace('.', "-");
    if region == "us-east-1" {
        format!("ip-{dashed}.ec2.internal")
    } else {
        format!("ip-{dashed}.{region}.compute.internal")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_vpc_has_three_zones_and_unique_ips() {
        let mut n = Network::default_for("us-east-1");
        assert_eq!(n.subnets.len(), 3);
        assert_eq!(n.subnets[1].availability_zone, "us-east-1b");
        let sid = n.subnets[1].id.clone();
        let mut rng = SimRng::new(3);
        let a = n.allocate_ip(&sid, &mut rng).unwrap();
        let b = n.allocate_ip(&sid, &mut rng).unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("172.31.1") || a.starts_with("172.31.2") || a.starts_with("172.31.3"), "{a}");
        assert_eq!(private_dns_name("us-east-1", "172.31.5.9"), "ip-172-31-5-9.ec2.internal");
    }
}
