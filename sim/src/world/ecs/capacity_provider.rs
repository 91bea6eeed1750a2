//! Capacity providers (ecs-facts.md §3.5): the built-in `FARGATE` and `FARGATE_SPOT`, and the learner's Auto
//! Scaling group providers with managed scaling; a cluster's associations and default strategy live on the
//! [`super::Cluster`]. Strategy items (`base`, `weight`) are shared by clusters, run-task and services.

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;

/// The two providers every cluster may associate without creating them.
pub const FARGATE: &str = "FARGATE";
pub const FARGATE_SPOT: &str = "FARGATE_SPOT";

pub fn is_fargate_provider(name: &str) -> bool {
    name == FARGATE || name == FARGATE_SPOT
}

/// One item of a capacity provider strategy (§3.5: base 0–100000, weight 0–1000).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyItem {
    pub capacity_provider: String,
    pub weight: u32,
    pub base: u32,
}

/// `managedScaling` of an Auto Scaling group provider, with ECS's defaults (§3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedScaling {
    pub enabled: bool,
    pub target_capacity: u32,
    pub minimum_scaling_step_size: u32,
    pub maximum_scaling_step_size: u32,
    pub instance_warmup_period: u32,
}

impl Default for ManagedScaling {
    fn default() -> Self {
        ManagedScaling {
            enabled: true,
            target_capacity: 100,
            minimum_scaling_step_size: 1,
            maximum_scaling_step_size: 10_000,
            instance_warmup_period: 300,
        }
    }
}

/// A capacity provider backed by an Auto Scaling group.
#[derive(Debug, Clone, PartialEq)]
pub struct CapacityProvider {
    pub name: String,
    pub region: String,
    /// `ACTIVE`, or `INACTIVE` once deleted.
    pub status: String,
    pub auto_scaling_group_arn: String,
    pub managed_scaling: ManagedScaling,
    /// `ENABLED` or `DISABLED`.
    pub managed_termination_protection: String,
    /// `ENABLED` or `DISABLED`.
    pub managed_draining: String,
    /// `CREATE_COMPLETE`, `UPDATE_COMPLETE`, `DELETE_IN_PROGRESS`, …
    pub update_status: String,
    pub created_at: SimTime,
    pub tags: Vec<(String, String)>,
}

impl CapacityProvider {
    pub fn arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:capacity-provider/{}", self.region, self.name)
    }
}
