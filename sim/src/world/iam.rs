//! IAM, as far as the sandbox needs it so far: roles with their trust and attached managed policies, and
//! instance profiles. IAM is global: one per account, not per Region. The account starts with what the ECS
//! console creates: the `ecsInstanceRole` role and instance profile, and the `ecsTaskExecutionRole` role
//! (ecs-facts.md §5).

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub name: String,
    pub role_id: String,
    /// The service principal the trust policy names (`ec2.amazonaws.com`, `ecs-tasks.amazonaws.com`).
    pub trusted_service: String,
    pub attached_policies: Vec<String>,
    pub created_at: SimTime,
}

impl Role {
    pub fn arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:role/{}", self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceProfile {
    pub name: String,
    pub profile_id: String,
    pub roles: Vec<String>,
    pub created_at: SimTime,
}

impl InstanceProfile {
    pub fn arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:instance-profile/{}", self.name)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Iam {
    pub roles: BTreeMap<String, Role>,
    pub instance_profiles: BTreeMap<String, InstanceProfile>,
}

impl Iam {
    /// The account as the ECS console leaves it.
    pub fn seeded(now: SimTime) -> Self {
        let mut iam = Iam::default();
        iam.roles.insert(
            "ecsInstanceRole".into(),
            Role {
                name: "ecsInstanceRole".into(),
                role_id: "AROAQEXAMPLEINSTROLE".into(),
                trusted_service: "ec2.amazonaws.com".into(),
                attached_policies: vec![
                    "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role".into(),
                ],
                created_at: now,
            },
        );
        iam.roles.insert(
            "ecsTaskExecutionRole".into(),
            Role {
                name: "ecsTaskExecutionRole".into(),
                role_id: "AROAQEXAMPLEEXECROLE".into(),
                trusted_service: "ecs-tasks.amazonaws.com".into(),
                attached_policies: vec!["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy".into()],
                created_at: now,
            },
        );
        iam.instance_profiles.insert(
            "ecsInstanceRole".into(),
            InstanceProfile {
                name: "ecsInstanceRole".into(),
                profile_id: "AIPAQEXAMPLEINSTPROF".into(),
                roles: vec!["ecsInstanceRole".into()],
                created_at: now,
            },
        );
        iam
    }

    /// Finds an instance profile by name or by ARN, as `--iam-instance-profile Name=…` or `Arn=…` give it.
    pub fn instance_profile(&self, name_or_arn: &str) -> Option<&InstanceProfile> {
        let name = name_or_arn.rsplit_once(":instance-profile/").map_or(name_or_arn, |(_, n)| n);
        let name = name.rsplit('/').next().unwrap_or(name);
        self.instance_profiles.get(name)
    }
}
