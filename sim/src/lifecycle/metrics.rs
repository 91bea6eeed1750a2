//! CloudWatch's clock: every [`tuning::METRICS_TICK`] the sandbox samples its chart timeline (desired,
//! running and pending tasks per service; registered instances per cluster), and once a minute it publishes the
//! metrics AWS services publish (ecs-facts.md §3.4, §3.5):
//! - `AWS/ECS` `CPUUtilization` and `MemoryUtilization` per service (ClusterName, ServiceName): the average
//!   over the service's RUNNING tasks, none when no task runs;
//! - `AWS/ECS` `CPUReservation` and `MemoryReservation` per cluster (ClusterName): what tasks reserve over what
//!   the ACTIVE container instances registered;
//! - `AWS/ApplicationELB` `RequestCount` (LoadBalancer) and `RequestCountPerTarget` (TargetGroup, and
//!   LoadBalancer with TargetGroup): requests in the minute, per healthy target.
//!
//! After publishing, the minute's evaluations run (alarms, scaling policies, managed scaling): they hook in at
//! [`on_minute`].

use crate::clock::{SimDuration, SimTime};
use crate::context::Ctx;
use crate::lifecycle::utilization;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::cloudwatch::MetricId;
use crate::world::ecs::TaskStatus;
use crate::world::elbv2::{Action as LbAction, Health};

/// Starts the clock (once, when the sandbox is created).
pub fn start(scheduler: &mut crate::scheduler::Scheduler, now: SimTime) {
    scheduler.schedule(now + tuning::METRICS_TICK, Action::MetricsTick);
}

/// One tick: sample the timeline; on whole minutes publish and evaluate. Then the next tick.
pub fn on_tick(ctx: &mut Ctx<'_>) {
    follow_capacity(ctx);
    sample_timeline(ctx);
    let minute_ms = SimDuration::minutes(1).as_millis();
    if ctx.now.0 % minute_ms < tuning::METRICS_TICK.as_millis() {
        let minute = SimTime(ctx.now.0 - ctx.now.0 % minute_ms - minute_ms);
        publish(ctx, minute);
        on_minute(ctx);
    }
    ctx.schedule(tuning::METRICS_TICK, Action::MetricsTick);
}

/// The evaluations that follow each minute's metrics: scheduled scaling actions, then alarms (whose actions
/// invoke scaling policies).
fn on_minute(ctx: &mut Ctx<'_>) {
    crate::lifecycle::scaling::on_minute(ctx);
    crate::lifecycle::alarms::on_minute(ctx);
    super::managed_scaling::on_minute(ctx);
}

/// Every tick: Auto Scaling groups follow their instances, and tasks waiting in PROVISIONING for an Auto
/// Scaling group capacity provider are placed on instances that registered (ecs-facts.md §3.5).
fn follow_capacity(ctx: &mut Ctx<'_>) {
    let regions: Vec<String> = ctx.world.regions().filter(|r| !r.autoscaling.groups.is_empty()).map(|r| r.name.clone()).collect();
    for region in regions {
        super::auto_scaling_group::refresh(ctx, &region);
        super::capacity_provider_tasks::place_waiting(ctx, &region);
    }
}

/// Timeline keys: `service/<cluster>/<service>/{desired,running,pending}`, `cluster/<cluster>/instances`,
/// `asg/<group>/{desired,inService}`.
fn sample_timeline(ctx: &mut Ctx<'_>) {
    let now = ctx.now;
    let regions: Vec<String> = ctx.world.regions().map(|r| r.name.clone()).collect();
    for region in regions {
        let r = ctx.world.region_mut(&region);
        let mut samples = Vec::new();
        for c in r.ecs.clusters.values().filter(|c| c.status == "ACTIVE") {
            let instances = c.container_instances.values().filter(|ci| ci.status != "INACTIVE").count();
            samples.push((format!("cluster/{}/instances", c.name), instances as f64));
            for s in c.services.values().filter(|s| s.status != "INACTIVE") {
                let group = s.group();
                let live = c.tasks.values().filter(|t| t.group == group && t.desired_status == TaskStatus::Running);
                let (mut running, mut pending) = (0usize, 0usize);
                for t in live {
                    if t.last_status == TaskStatus::Running {
                        running += 1;
                    } else if t.last_status.is_starting() {
                        pending += 1;
                    }
                }
                let key = format!("service/{}/{}", c.name, s.name);
                samples.push((format!("{key}/desired"), f64::from(s.desired_count)));
                samples.push((format!("{key}/running"), running as f64));
                samples.push((format!("{key}/pending"), pending as f64));
            }
        }
        for g in r.autoscaling.groups.values() {
            let in_service = g.instances.iter().filter(|i| i.lifecycle_state == crate::world::autoscaling::LifecycleState::InService).count();
            samples.push((format!("asg/{}/desired", g.name), f64::from(g.desired_capacity)));
            samples.push((format!("asg/{}/inService", g.name), in_service as f64));
        }
        for (key, value) in samples {
            r.cloudwatch.sample(key, now, value);
        }
    }
}

fn publish(ctx: &mut Ctx<'_>, minute: SimTime) {
    let now = ctx.now;
    let regions: Vec<String> = ctx.world.regions().map(|r| r.name.clone()).collect();
    for region in regions {
        let (r, traffic) = ctx.world.region_and_traffic(&region);
        let mut out: Vec<(MetricId, &str, f64)> = Vec::new();
        for c in r.ecs.clusters.values().filter(|c| c.status == "ACTIVE") {
            // Service utilisation (§3.4's predefined ECSServiceAverage* metrics read these).
            for s in c.services.values().filter(|s| s.status != "INACTIVE") {
                let group = s.group();
                let running: Vec<_> =
                    c.tasks.values().filter(|t| t.group == group && t.last_status == TaskStatus::Running).collect();
                if running.is_empty() {
                    continue;
                }
                let n = running.len() as f64;
                let cpu = running.iter().map(|t| utilization::task_cpu_percent(t, traffic, now)).sum::<f64>() / n;
                let mem = running.iter().map(|t| utilization::task_memory_percent(t, traffic, now)).sum::<f64>() / n;
                let dims = [("ClusterName", c.name.as_str()), ("ServiceName", s.name.as_str())];
                out.push((MetricId::new("AWS/ECS", "CPUUtilization", &dims), "Percent", cpu));
                out.push((MetricId::new("AWS/ECS", "MemoryUtilization", &dims), "Percent", mem));
            }
            // Cluster reservation over ACTIVE container instances.
            let active: Vec<_> = c.container_instances.values().filter(|ci| ci.status == "ACTIVE").collect();
            if !active.is_empty() {
                let cpu_total: f64 = active.iter().map(|ci| f64::from(ci.registered_cpu)).sum();
                let mem_total: f64 = active.iter().map(|ci| f64::from(ci.registered_memory)).sum();
                let on_active = |t: &&crate::world::ecs::Task| {
                    !matches!(t.last_status, TaskStatus::Stopped)
                        && t.container_instance_id.as_deref().is_some_and(|id| active.iter().any(|ci| ci.id == id))
                };
                let tasks: Vec<_> = c.tasks.values().filter(on_active).collect();
                let cpu: f64 = tasks.iter().map(|t| f64::from(t.reserved_cpu)).sum();
                let mem: f64 = tasks.iter().map(|t| f64::from(t.reserved_memory)).sum();
                let dims = [("ClusterName", c.name.as_str())];
                let pct = |used: f64, total: f64| if total > 0.0 { used / total * 100.0 } else { 0.0 };
                out.push((MetricId::new("AWS/ECS", "CPUReservation", &dims), "Percent", pct(cpu, cpu_total)));
                out.push((MetricId::new("AWS/ECS", "MemoryReservation", &dims), "Percent", pct(mem, mem_total)));
            }
        }
        // Load balancer requests in the minute.
        let mut totals = Vec::new();
        for tg in &r.elbv2.target_groups {
            let total = traffic.per_target_group.get(&tg.arn).copied().unwrap_or(0);
            let before = r.cloudwatch.last_request_totals.get(&tg.arn).copied().unwrap_or(0);
            let requests = total.saturating_sub(before) as f64;
            totals.push((tg.arn.clone(), total));
            let tg_suffix = arn_resource(&tg.arn);
            let healthy = tg.targets.iter().filter(|t| t.health == Health::Healthy).count();
            let per_target = if healthy > 0 { requests / healthy as f64 } else { requests };
            out.push((MetricId::new("AWS/ApplicationELB", "RequestCountPerTarget", &[("TargetGroup", tg_suffix)]), "Count", per_target));
            for lb in load_balancers_of(&r.elbv2, &tg.arn) {
                let dims = [("LoadBalancer", lb), ("TargetGroup", tg_suffix)];
                out.push((MetricId::new("AWS/ApplicationELB", "RequestCountPerTarget", &dims), "Count", per_target));
                out.push((MetricId::new("AWS/ApplicationELB", "RequestCount", &dims), "Count", requests));
            }
        }
        for lb in &r.elbv2.load_balancers {
            let requests: f64 = r
                .elbv2
                .target_groups
                .iter()
                .filter(|tg| load_balancers_of(&r.elbv2, &tg.arn).contains(&lb.arn_suffix()))
                .map(|tg| {
                    let total = traffic.per_target_group.get(&tg.arn).copied().unwrap_or(0);
                    total.saturating_sub(r.cloudwatch.last_request_totals.get(&tg.arn).copied().unwrap_or(0)) as f64
                })
                .sum();
            let ns = if lb.lb_type.as_str() == "network" { "AWS/NetworkELB" } else { "AWS/ApplicationELB" };
            if ns == "AWS/ApplicationELB" {
                out.push((MetricId::new(ns, "RequestCount", &[("LoadBalancer", lb.arn_suffix())]), "Count", requests));
            }
        }
        for (id, unit, value) in out {
            r.cloudwatch.put(id, unit, minute, value);
        }
        for (arn, total) in totals {
            r.cloudwatch.last_request_totals.insert(arn, total);
        }
    }
}

/// `targetgroup/<name>/<id>` of a target group ARN (the `TargetGroup` dimension's value).
pub fn arn_resource(arn: &str) -> &str {
    arn.splitn(6, ':').nth(5).unwrap_or(arn)
}

/// The `LoadBalancer` dimension values (`app/<name>/<id>`) of the load balancers that forward to the group.
fn load_balancers_of<'a>(elbv2: &'a crate::world::elbv2::Elbv2, tg_arn: &str) -> Vec<&'a str> {
    let forwards = |actions: &[LbAction]| {
        actions.iter().any(|a| matches!(a, LbAction::Forward { target_groups } if target_groups.iter().any(|(t, _)| t == tg_arn)))
    };
    let mut lbs: Vec<&str> = Vec::new();
    for l in &elbv2.listeners {
        let via_rules = elbv2.rules.iter().any(|r| r.listener_arn == l.arn && forwards(&r.actions));
        if (forwards(&l.default_actions) || via_rules)
            && let Some(lb) = elbv2.load_balancer(&l.load_balancer_arn)
            && !lbs.contains(&lb.arn_suffix())
        {
            lbs.push(lb.arn_suffix());
        }
    }
    lbs
}
