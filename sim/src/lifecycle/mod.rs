//! Changes that happen over virtual time, applied when the clock reaches them: instances booting, agents
//! registering, tasks starting and stopping, load balancers' health checks. Commands schedule them; [`apply`] carries them out.

pub mod agent;
pub mod alarms;
pub mod auto_scaling_group;
pub mod capacity_provider_tasks;
pub mod ecr;
pub mod instance;
pub mod load;
pub mod managed_scaling;
pub mod metrics;
pub mod scaling;
pub mod utilization;
pub mod service_health;
pub mod service_launch;
pub mod service_scheduler;
pub mod service_targets_sync;
pub mod spot;
pub mod container_health;
pub mod container_logs;
pub mod health_check;
pub mod task;
pub mod task_start;

use crate::context::Ctx;
use crate::scheduler::Action;

/// Carries out one scheduled change at `ctx.now`.
pub fn apply(ctx: &mut Ctx<'_>, action: Action) {
    match action {
        Action::InstanceRunning { region, instance_id } => instance::on_running(ctx, &region, &instance_id),
        Action::AgentStart { region, instance_id } => agent::on_start(ctx, &region, &instance_id),
        Action::InstanceTerminated { region, instance_id } => instance::on_terminated(ctx, &region, &instance_id),
        Action::EcrLifecycle { region, repository } => ecr::apply_lifecycle(ctx, &region, &repository),
        Action::TaskTransition { region, cluster, task_id, from, to } => {
            task::on_transition(ctx, &region, &cluster, &task_id, from, to);
        }
        Action::LoadTick { generator } => load::on_tick(ctx, generator),
        Action::ServiceTick { region, cluster, service, generation } => {
            service_scheduler::on_tick(ctx, &region, &cluster, &service, generation);
        }
        Action::LoadBalancerActive { region, load_balancer_arn } => {
            crate::services::elbv2::on_active(ctx, &region, &load_balancer_arn);
        }
        Action::MetricsTick => metrics::on_tick(ctx),
        Action::HealthCheckRound { region, target_group_arn } => health_check::on_round(ctx, &region, &target_group_arn),
        Action::TargetDrained { region, target_group_arn, target_id, port } => {
            crate::services::elbv2::service_targets::on_drained(ctx, &region, &target_group_arn, &target_id, port);
        }
    }
}
