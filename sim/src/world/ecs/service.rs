//! An ECS service: a desired count of tasks of one task definition that the service scheduler keeps running
//! (ecs-facts.md §3), its deployments (the rolling update's old and new task sets, §3.2) and its event log.

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use serde_json::Value;

/// REPLICA keeps a count; DAEMON one task per instance (§3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchedulingStrategy {
    Replica,
    Daemon,
}

impl SchedulingStrategy {
    pub fn as_str(self) -> &'static str {
        match self {
            SchedulingStrategy::Replica => "REPLICA",
            SchedulingStrategy::Daemon => "DAEMON",
        }
    }
}

/// `deploymentConfiguration` (§3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeploymentConfig {
    pub maximum_percent: u32,
    pub minimum_healthy_percent: u32,
    /// `deploymentCircuitBreaker`: (enable, rollback).
    pub circuit_breaker: (bool, bool),
}

impl DeploymentConfig {
    /// The ceiling on tasks of all deployments: desired × max% / 100, rounded down (§3.2).
    pub fn max_tasks(&self, desired: u32) -> u32 {
        desired.saturating_mul(self.maximum_percent) / 100
    }
    /// The floor on healthy tasks: desired × min% / 100, rounded up (§3.2).
    pub fn min_healthy(&self, desired: u32) -> u32 {
        desired.saturating_mul(self.minimum_healthy_percent).div_ceil(100)
    }
    /// Failed tasks that trip the circuit breaker: half the desired count, clamped to [3, 200] (§3.2).
    pub fn circuit_breaker_threshold(desired: u32) -> u32 {
        desired.div_ceil(2).clamp(3, 200)
    }
}

/// One entry of `loadBalancers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLoadBalancer {
    pub target_group_arn: Option<String>,
    pub load_balancer_name: Option<String>,
    pub container_name: String,
    pub container_port: u16,
}

/// A deployment: the tasks of one task definition that the service runs (§3.2).
#[derive(Debug, Clone)]
pub struct Deployment {
    /// `ecs-svc/` and 19 digits; also each of its tasks' `startedBy`.
    pub id: String,
    /// `PRIMARY` (the newest), `ACTIVE` (older, still has tasks) or `INACTIVE`.
    pub status: String,
    /// The task definition's ARN.
    pub task_definition: String,
    pub desired_count: u32,
    pub failed_tasks: u32,
    pub created_at: SimTime,
    pub updated_at: SimTime,
    /// `IN_PROGRESS`, `COMPLETED` or `FAILED`.
    pub rollout_state: String,
    pub rollout_state_reason: String,
    /// Whether one of its tasks reached RUNNING (the circuit breaker's first stage counts only until then).
    pub ever_running: bool,
}

/// A task's container port registered by the service in a target group, as ELB knows the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceTarget {
    pub task_id: String,
    pub target_group_arn: String,
    /// An EC2 instance id (bridge/host mode) or the ENI's address (awsvpc).
    pub target_id: String,
    pub port: u16,
}

/// One line of the service's event log.
#[derive(Debug, Clone)]
pub struct ServiceEvent {
    pub id: String,
    pub created_at: SimTime,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Service {
    pub name: String,
    pub cluster: String,
    pub region: String,
    /// `ACTIVE`, `DRAINING` (deleted, tasks stopping) or `INACTIVE`.
    pub status: String,
    pub desired_count: u32,
    /// FARGATE for FARGATE/FARGATE_SPOT strategies, EC2 for Auto Scaling group providers.
    pub launch_type: super::LaunchType,
    /// `capacityProviderStrategy` (ecs-facts.md §3.5): empty when the service uses `launch_type` itself.
    pub capacity_provider_strategy: Vec<super::StrategyItem>,
    pub scheduling_strategy: SchedulingStrategy,
    /// As given (rendered back by DescribeServices); placement uses the service default when empty.
    pub placement_strategy: Vec<Value>,
    pub placement_constraints: Vec<Value>,
    /// `networkConfiguration` as given, for awsvpc task definitions.
    pub network_configuration: Option<Value>,
    pub load_balancers: Vec<ServiceLoadBalancer>,
    pub health_check_grace_period: u32,
    pub deployment_config: DeploymentConfig,
    pub enable_execute_command: bool,
    pub platform_version: Option<String>,
    pub created_at: SimTime,
    pub created_by: String,
    /// Newest first: the PRIMARY deployment, then the ACTIVE ones still draining.
    pub deployments: Vec<Deployment>,
    /// Newest first, at most [`MAX_EVENTS`].
    pub events: Vec<ServiceEvent>,
    /// Tasks that failed to start in a row; drives the throttle (§3.3).
    pub start_failures_in_a_row: u32,
    /// The throttle: no new task before this time.
    pub next_launch_at: Option<SimTime>,
    /// Whether the last tick found it steady (the steady-state event is written when it becomes so).
    pub steady: bool,
    /// What the circuit breaker rolls back to (§3.2).
    pub last_completed_task_definition: Option<String>,
    /// Task definitions of deployments the circuit breaker failed, oldest first.
    pub failed_task_definitions: Vec<String>,
    /// Targets it registered in its target groups and has not deregistered yet (ecs-facts.md §4).
    pub targets: Vec<ServiceTarget>,
}

/// The console shows the last 100 events (§3.2).
pub const MAX_EVENTS: usize = 100;

impl Service {
    pub fn arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:service/{}/{}", self.region, self.cluster, self.name)
    }
    /// The task group of its tasks, which cannot be changed (§2.3).
    pub fn group(&self) -> String {
        format!("service:{}", self.name)
    }
    pub fn primary(&self) -> Option<&Deployment> {
        self.deployments.first()
    }
    pub fn primary_mut(&mut self) -> Option<&mut Deployment> {
        self.deployments.first_mut()
    }
    /// The task definition of the PRIMARY deployment.
    pub fn task_definition(&self) -> &str {
        self.primary().map_or("", |d| d.task_definition.as_str())
    }
    /// Adds an event, newest first. ECS suppresses a message repeated within 6 hours (§3.2); the sandbox
    /// suppresses it while it is still the newest event, which keeps a stuck service's log readable.
    /// Returns whether it was added.
    pub fn add_event(&mut self, id: String, now: SimTime, message: String) -> bool {
        if self.events.first().is_some_and(|e| e.message == message) {
            return false;
        }
        self.events.insert(0, ServiceEvent { id, created_at: now, message });
        self.events.truncate(MAX_EVENTS);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(min: u32, max: u32) -> DeploymentConfig {
        DeploymentConfig { maximum_percent: max, minimum_healthy_percent: min, circuit_breaker: (false, false) }
    }

    /// ecs-facts.md §3.2: the documentation's four examples.
    #[test]
    fn deployment_percentages_round_as_the_docs_say_3_2() {
        assert_eq!(4 - cfg(50, 200).min_healthy(4), 2, "desired 4, min 50: two may stop first");
        assert_eq!(cfg(75, 200).min_healthy(2), 2, "desired 2, min 75: ceil(1.5) = 2");
        assert_eq!(cfg(100, 200).max_tasks(4) - 4, 4, "desired 4, max 200: four may start first");
        assert_eq!(cfg(100, 125).max_tasks(3), 3, "desired 3, max 125: floor(3.75) = 3");
    }

    #[test]
    fn circuit_breaker_threshold_is_half_the_desired_count_within_3_and_200_3_2() {
        assert_eq!(DeploymentConfig::circuit_breaker_threshold(1), 3);
        assert_eq!(DeploymentConfig::circuit_breaker_threshold(10), 5);
        assert_eq!(DeploymentConfig::circuit_breaker_threshold(11), 6);
        assert_eq!(DeploymentConfig::circuit_breaker_threshold(1000), 200);
    }
}
