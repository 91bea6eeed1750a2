//! ECS services as plain data: counts, deployments side by side (for drawing a rollout) and the newest
//! events, for the page and for lesson goals (`clusters[?name=='shop'].services[]`).

use crate::world::ecs::{Cluster, Service, TaskStatus};
use crate::world::traffic::Traffic;
use serde::Serialize;

/// How many of a service's newest events the view carries.
pub const VIEW_EVENTS: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceView {
    pub name: String,
    pub arn: String,
    /// `ACTIVE`, `DRAINING` or `INACTIVE`.
    pub status: String,
    pub launch_type: String,
    pub scheduling_strategy: String,
    pub desired_count: u32,
    pub running_count: usize,
    pub pending_count: usize,
    /// `family:revision` of the PRIMARY deployment.
    pub task_definition: String,
    pub minimum_healthy_percent: u32,
    pub maximum_percent: u32,
    pub circuit_breaker: bool,
    pub circuit_breaker_rollback: bool,
    /// `family:revision` of each deployment the circuit breaker failed, oldest first.
    pub failed_deployments: Vec<String>,
    /// Newest first: PRIMARY, then the ACTIVE ones still draining.
    pub deployments: Vec<DeploymentView>,
    /// Target groups the service registers its tasks in.
    pub target_group_arns: Vec<String>,
    /// Whether the last scheduler visit found it steady.
    pub steady: bool,
    /// The newest events' messages, newest first.
    pub events: Vec<String>,
    /// Requests its tasks have served (curl's are not counted; `sandbox load`'s are).
    pub requests_served: u64,
    /// Average CPU utilisation of its RUNNING tasks now, in percent of what they reserve, from the load they
    /// serve (the scaling issue's `CPUUtilization`); 0 with no running task.
    pub cpu_utilization: f64,
    /// `capacityProviderStrategy` (ecs-facts.md §3.5); empty when the service uses a launch type.
    pub capacity_provider_strategy: Vec<StrategyItemView>,
}

/// One capacity provider strategy item, as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StrategyItemView {
    pub capacity_provider: String,
    pub base: u32,
    pub weight: u32,
}

pub fn strategy(items: &[crate::world::ecs::StrategyItem]) -> Vec<StrategyItemView> {
    items.iter().map(|i| StrategyItemView { capacity_provider: i.capacity_provider.clone(), base: i.base, weight: i.weight }).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentView {
    pub id: String,
    pub status: String,
    /// `family:revision`.
    pub task_definition: String,
    pub desired_count: u32,
    pub running_count: usize,
    pub pending_count: usize,
    pub failed_tasks: u32,
    pub rollout_state: String,
    /// Ids of the deployment's tasks that are meant to run.
    pub task_ids: Vec<String>,
}

fn family_revision(arn: &str) -> String {
    arn.rsplit_once(":task-definition/").map_or(arn, |(_, fr)| fr).to_string()
}

pub fn service(c: &Cluster, s: &Service, traffic: &Traffic, now: crate::clock::SimTime) -> ServiceView {
    let group = s.group();
    let tasks: Vec<_> = c.tasks.values().filter(|t| t.group == group).collect();
    let live = |started_by: Option<&str>| {
        tasks
            .iter()
            .filter(|t| started_by.is_none_or(|d| t.started_by.as_deref() == Some(d)))
            .filter(|t| t.desired_status == TaskStatus::Running)
            .collect::<Vec<_>>()
    };
    let counts = |ts: &[&&crate::world::ecs::Task]| {
        (
            ts.iter().filter(|t| t.last_status == TaskStatus::Running).count(),
            ts.iter().filter(|t| t.last_status.is_starting()).count(),
        )
    };
    let all = live(None);
    let (running_count, pending_count) = counts(&all);
    let deployments = s
        .deployments
        .iter()
        .map(|d| {
            let mine = live(Some(&d.id));
            let (running_count, pending_count) = counts(&mine);
            DeploymentView {
                id: d.id.clone(),
                status: d.status.clone(),
                task_definition: family_revision(&d.task_definition),
                desired_count: d.desired_count,
                running_count,
                pending_count,
                failed_tasks: d.failed_tasks,
                rollout_state: d.rollout_state.clone(),
                task_ids: mine.iter().map(|t| t.id.clone()).collect(),
            }
        })
        .collect();
    ServiceView {
        name: s.name.clone(),
        arn: s.arn(),
        status: s.status.clone(),
        launch_type: s.launch_type.as_str().into(),
        scheduling_strategy: s.scheduling_strategy.as_str().into(),
        desired_count: s.desired_count,
        running_count,
        pending_count,
        task_definition: family_revision(s.task_definition()),
        minimum_healthy_percent: s.deployment_config.minimum_healthy_percent,
        maximum_percent: s.deployment_config.maximum_percent,
        circuit_breaker: s.deployment_config.circuit_breaker.0,
        circuit_breaker_rollback: s.deployment_config.circuit_breaker.1,
        failed_deployments: s.failed_task_definitions.iter().map(|t| family_revision(t)).collect(),
        deployments,
        target_group_arns: s.load_balancers.iter().filter_map(|l| l.target_group_arn.clone()).collect(),
        steady: s.steady,
        events: s.events.iter().take(VIEW_EVENTS).map(|e| e.message.clone()).collect(),
        requests_served: tasks.iter().filter_map(|t| traffic.per_task.get(&t.id)).sum(),
        cpu_utilization: {
            let running: Vec<f64> =
                tasks.iter().filter(|t| t.last_status == TaskStatus::Running).map(|t| crate::lifecycle::utilization::task_cpu_percent(t, traffic, now)).collect();
            if running.is_empty() { 0.0 } else { (running.iter().sum::<f64>() / running.len() as f64 * 10.0).round() / 10.0 }
        },
        capacity_provider_strategy: strategy(&s.capacity_provider_strategy),
    }
}
