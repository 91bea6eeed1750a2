//! The simulated AWS account: IAM (global) and, per Region, the default network, EC2 instances and ECS.

pub mod amis;
pub mod application_autoscaling;
pub mod autoscaling;
pub mod cloudwatch;
pub mod cloudwatch_alarms;
pub mod ec2;
pub mod ecr;
pub mod ecr_lifecycle;
pub mod ecr_scan;
pub mod ecs;
pub mod iam;
pub mod instance_types;
pub mod logs;
pub mod s3;
pub mod secrets;
pub mod traffic;
pub mod network;
pub mod elbv2;
pub mod security_groups;
pub mod scaling_schedule;

use crate::clock::SimTime;
use std::collections::BTreeMap;

/// One Region's state.
#[derive(Debug, Clone)]
pub struct Region {
    pub name: String,
    pub network: network::Network,
    pub ec2: ec2::Ec2,
    pub ecs: ecs::Ecs,
    pub ecr: ecr::Ecr,
    pub logs: logs::Logs,
    pub secrets: secrets::Secrets,
    /// Elastic Load Balancing v2: load balancers, listeners, rules, target groups (ecs-facts.md §4).
    pub elbv2: elbv2::Elbv2,
    /// CloudWatch metrics and the sandbox's chart timeline.
    pub cloudwatch: cloudwatch::CloudWatch,
    /// Application Auto Scaling: scalable targets, policies, scheduled actions, activities (ecs-facts.md §3.4).
    pub application_autoscaling: application_autoscaling::ApplicationAutoScaling,
    /// EC2 launch templates and Auto Scaling groups (ecs-facts.md §3.5).
    pub autoscaling: autoscaling::AutoScaling,
}

impl Region {
    fn new(name: &str) -> Self {
        Region {
            name: name.to_string(),
            network: network::Network::default_for(name),
            ec2: ec2::Ec2::default(),
            ecs: ecs::Ecs::default(),
            ecr: ecr::Ecr::default(),
            logs: logs::Logs::default(),
            secrets: secrets::Secrets::default(),
            elbv2: elbv2::Elbv2::default(),
            cloudwatch: cloudwatch::CloudWatch::default(),
            application_autoscaling: application_autoscaling::ApplicationAutoScaling::default(),
            autoscaling: autoscaling::AutoScaling::default(),
        }
    }
}

/// Everything in the account.
#[derive(Debug, Clone)]
pub struct World {
    pub iam: iam::Iam,
    /// S3 is global in its naming (buckets live in a Region, names are unique everywhere).
    pub s3: s3::S3,
    /// Traffic from `sandbox load` (a URL may lead to any Region's load balancer).
    pub traffic: traffic::Traffic,
    /// Regions by name, created when first used.
    regions: BTreeMap<String, Region>,
}

impl World {
    pub fn new(now: SimTime) -> Self {
        World { iam: iam::Iam::seeded(now), s3: s3::S3::seeded(now), traffic: traffic::Traffic::default(), regions: BTreeMap::new() }
    }

    /// The Region's state, created on first use. The caller checks the name with [`network::is_region`].
    pub fn region_mut(&mut self, name: &str) -> &mut Region {
        self.regions.entry(name.to_string()).or_insert_with(|| Region::new(name))
    }

    /// The Region's state and IAM together (IAM is global), for output that shows both.
    pub fn region_and_iam(&mut self, name: &str) -> (&mut Region, &iam::Iam) {
        let r = self.regions.entry(name.to_string()).or_insert_with(|| Region::new(name));
        (r, &self.iam)
    }

    /// The Region's state and the traffic `sandbox load` sends (global), for metrics computed from both.
    pub fn region_and_traffic(&mut self, name: &str) -> (&mut Region, &traffic::Traffic) {
        let r = self.regions.entry(name.to_string()).or_insert_with(|| Region::new(name));
        (r, &self.traffic)
    }

    pub fn region(&self, name: &str) -> Option<&Region> {
        self.regions.get(name)
    }

    pub fn regions(&self) -> impl Iterator<Item = &Region> {
        self.regions.values()
    }
}
