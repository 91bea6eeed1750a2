//! ECS managed scaling of Auto Scaling group capacity providers (ecs-facts.md §3.5), evaluated every minute
//! after the metrics are published:
//!
//! - `CapacityProviderReservation` = M / N × 100, N = the group's instances, M = the instances needed for
//!   the tasks placed on them plus the tasks waiting in PROVISIONING, packed by binpack on CPU, memory and
//!   static ports onto the free room of the group's instances, then onto new instances of the launch
//!   template's type. Instances running only daemon tasks count as empty. N = 0 reads 200 when tasks wait,
//!   100 otherwise. With some instances empty and `targetCapacity` 100, the scale-in form 100 − (empty
//!   instances) is published (§3.5: two empty instances read 98); with a target below 100 the ratio itself
//!   is kept, so the spare room the target asks for reads below target without scaling in.
//! - Published as `AWS/ECS/ManagedScaling` `CapacityProviderReservation` (CapacityProviderName,
//!   ClusterName), with the group's `AWS/AutoScaling` `GroupDesiredCapacity` and `GroupInServiceInstances`.
//! - ECS's target-tracking policy on the group: above `targetCapacity` the desired capacity goes to
//!   ceil(M × 100 / target) at once, in steps between `minimumScalingStepSize` and
//!   `maximumScalingStepSize`; below target for 15 consecutive minutes it comes down the same way, never
//!   under M instances, and not while an instance is still in its `instanceWarmupPeriod`. The group's
//!   min and max always bound it (ECS never changes them).
//! - Managed termination protection: instances running non-daemon tasks are protected from scale-in, and
//!   ECS takes the protection off empty ones, so a scale-in removes only empty instances.

use super::auto_scaling_group::{self as asg, live_count};
use crate::clock::{SimDuration, SimTime};
use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle::capacity_provider_tasks;
use crate::placement::needs;
use crate::world::Region;
use crate::world::autoscaling::{AutoScalingGroup, LifecycleState};
use crate::world::cloudwatch::MetricId;
use crate::world::ecs::{CapacityProvider, SchedulingStrategy, TaskStatus};
use crate::world::instance_types;
use std::collections::BTreeSet;

/// Consecutive minutes below target before scale-in (the scale-in alarm's 15 datapoints, §3.5).
pub const SCALE_IN_MINUTES: u32 = 15;

/// What managed scaling measured for one provider in one cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reservation {
    /// Instances needed (M).
    pub needed: u32,
    /// Instances in the group (N).
    pub instances: u32,
    /// CapacityProviderReservation, percent.
    pub percent: u32,
}

/// Free room of one instance (or of one instance still to launch) while packing.
#[derive(Debug, Clone)]
struct Room {
    cpu: u32,
    memory: u32,
    ports: BTreeSet<u16>,
    occupied: bool,
}

/// The cluster a provider serves: one associating it, else one holding its tasks or instances.
pub fn cluster_of(r: &Region, provider: &str) -> Option<String> {
    if let Some(c) = r.ecs.clusters.values().find(|c| c.status == "ACTIVE" && c.capacity_providers.iter().any(|p| p == provider)) {
        return Some(c.name.clone());
    }
    r.ecs
        .clusters
        .values()
        .filter(|c| c.status == "ACTIVE")
        .find(|c| {
            c.tasks.values().any(|t| t.capacity_provider_name.as_deref() == Some(provider))
                || !capacity_provider_tasks::provider_instances(r, &c.name, provider).is_empty()
        })
        .map(|c| c.name.clone())
}

/// CapacityProviderReservation of `cp` in `cluster`, as the module doc describes.
pub fn reservation(r: &Region, cluster: &str, cp: &CapacityProvider, g: &AutoScalingGroup) -> Reservation {
    let n = live_count(g);
    let Some(c) = r.ecs.clusters.get(cluster) else { return Reservation { needed: 0, instances: n, percent: 100 } };
    let daemon_groups: BTreeSet<String> =
        c.services.values().filter(|s| s.scheduling_strategy == SchedulingStrategy::Daemon).map(|s| s.group()).collect();
    let itype = g.instances.first().and_then(|i| instance_types::lookup(&i.instance_type)).or_else(|| {
        r.autoscaling
            .launch_template(Some(&g.launch_template_id), None)
            .and_then(|t| t.version(g.launch_template_version.as_deref()))
            .and_then(|v| v.data.instance_type.as_deref())
            .and_then(instance_types::lookup)
    });
    let fresh = || Room {
        cpu: itype.map_or(0, |t| t.registered_cpu()),
        memory: itype.map_or(0, |t| t.os_visible_mib),
        ports: BTreeSet::new(),
        occupied: false,
    };
    // The group's live instances: registered ones with what their tasks leave, booting ones empty.
    let mut rooms: Vec<Room> = Vec::new();
    for gi in g.instances.iter().filter(|i| i.lifecycle_state != LifecycleState::Terminating) {
        match c.container_instances.values().find(|ci| ci.ec2_instance_id == gi.instance_id && ci.status != "INACTIVE") {
            Some(ci) => {
                let snap = crate::placement::snapshot(c, ci);
                let occupied = c.tasks.values().any(|t| {
                    t.container_instance_id.as_deref() == Some(ci.id.as_str()) && t.holds_resources() && !daemon_groups.contains(&t.group)
                });
                rooms.push(Room { cpu: snap.remaining_cpu, memory: snap.remaining_memory, ports: snap.used_tcp, occupied });
            }
            None => rooms.push(fresh()),
        }
    }
    let existing = rooms.len();
    // Tasks waiting for this provider, packed by binpack (least room left that still fits).
    let mut waiting: Vec<&crate::world::ecs::Task> = c
        .tasks
        .values()
        .filter(|t| {
            t.capacity_provider_name.as_deref() == Some(cp.name.as_str())
                && t.container_instance_id.is_none()
                && t.last_status == TaskStatus::Provisioning
                && t.desired_status == TaskStatus::Running
        })
        .collect();
    crate::shared_sort::SharedSort::shared_sort_by_key(&mut waiting[..], |t| (t.created_at, t.id.clone()));
    for t in waiting {
        let ports: Vec<u16> = r
            .ecs
            .task_definitions
            .resolve(&format!("{}:{}", t.family, t.revision), true)
            .map(|td| needs::from_task_definition(&td.request).static_ports(crate::placement::Protocol::Tcp).collect())
            .unwrap_or_default();
        let fits = |room: &Room| room.cpu >= t.reserved_cpu && room.memory >= t.reserved_memory && ports.iter().all(|p| !room.ports.contains(p));
        let best = (0..rooms.len()).filter(|&i| fits(&rooms[i])).min_by_key(|&i| (rooms[i].cpu, rooms[i].memory, i));
        let index = match best {
            Some(i) => i,
            None => {
                let room = fresh();
                if !fits(&room) {
                    continue; // no instance of this type could ever run it
                }
                rooms.push(room);
                rooms.len() - 1
            }
        };
        let room = &mut rooms[index];
        room.cpu -= t.reserved_cpu;
        room.memory -= t.reserved_memory;
        room.ports.extend(ports);
        room.occupied = true;
    }
    let needed = u32::try_from(rooms.iter().filter(|r| r.occupied).count()).unwrap_or(u32::MAX);
    let percent = if n == 0 {
        if needed > 0 { 200 } else { 100 }
    } else if needed < n && cp.managed_scaling.target_capacity == 100 && rooms.len() == existing {
        100 - (n - needed).min(100)
    } else {
        u32::try_from((u64::from(needed) * 100).div_ceil(u64::from(n))).unwrap_or(u32::MAX)
    };
    Reservation { needed, instances: n, percent }
}

/// The group's size ECS's policy aims at for `needed` instances: ceil(needed × 100 / target).
pub fn target_size(needed: u32, target_capacity: u32) -> u32 {
    u32::try_from((u64::from(needed) * 100).div_ceil(u64::from(target_capacity.max(1)))).unwrap_or(u32::MAX)
}

/// The minute's evaluation of every Auto Scaling group provider with managed scaling, and the groups'
/// AWS/AutoScaling metrics.
pub fn on_minute(ctx: &mut Ctx<'_>) {
    let minute_ms = SimDuration::minutes(1).as_millis();
    let minute = SimTime(ctx.now.0 - ctx.now.0 % minute_ms).0.saturating_sub(minute_ms);
    let regions: Vec<String> = ctx.world.regions().filter(|r| !r.autoscaling.groups.is_empty()).map(|r| r.name.clone()).collect();
    for region in regions {
        let providers: Vec<String> = ctx.world.region_mut(&region).ecs.capacity_providers.keys().cloned().collect();
        for name in providers {
            evaluate(ctx, &region, &name, SimTime(minute));
        }
        let r = ctx.world.region_mut(&region);
        let mut out = Vec::new();
        for g in r.autoscaling.groups.values() {
            let dims = [("AutoScalingGroupName", g.name.as_str())];
            let in_service = g.instances.iter().filter(|i| i.lifecycle_state == LifecycleState::InService).count();
            out.push((MetricId::new("AWS/AutoScaling", "GroupDesiredCapacity", &dims), f64::from(g.desired_capacity)));
            out.push((MetricId::new("AWS/AutoScaling", "GroupInServiceInstances", &dims), in_service as f64));
        }
        for (id, v) in out {
            r.cloudwatch.put(id, "None", SimTime(minute), v);
        }
    }
}

fn evaluate(ctx: &mut Ctx<'_>, region: &str, name: &str, minute: SimTime) {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(cp) = r.ecs.capacity_providers.get(name).filter(|cp| cp.status == "ACTIVE").cloned() else { return };
    let Some(g) = r.autoscaling.group_by_arn_or_name(&cp.auto_scaling_group_arn).filter(|g| g.status.is_none()).cloned() else { return };
    let Some(cluster) = cluster_of(r, name) else { return };
    if cp.managed_termination_protection == "ENABLED" {
        protect_busy_instances(r, &cluster, &g.name);
    }
    if !cp.managed_scaling.enabled {
        return;
    }
    let res = reservation(r, &cluster, &cp, &g);
    let dims = [("CapacityProviderName", name), ("ClusterName", cluster.as_str())];
    r.cloudwatch.put(MetricId::new("AWS/ECS/ManagedScaling", "CapacityProviderReservation", &dims), "Percent", minute, f64::from(res.percent));
    let state = r.autoscaling.managed.entry(name.to_string()).or_default();
    state.reservation = Some(res.percent);
    if state.policy_id.is_empty() {
        state.policy_id = ctx.rng.uuid();
        state.alarm_id = ctx.rng.uuid();
    }
    let ms = &cp.managed_scaling;
    let target = ms.target_capacity.max(1);
    let aim = target_size(res.needed, target).clamp(g.min_size, g.max_size.max(g.min_size));
    let n = res.instances;
    let step = |gap: u32| gap.clamp(ms.minimum_scaling_step_size.max(1), ms.maximum_scaling_step_size.max(1));
    let warm = SimDuration::secs(u64::from(ms.instance_warmup_period));
    let warming = g.instances.iter().any(|i| i.lifecycle_state != LifecycleState::Terminating && now - i.launched_at < warm);
    let (alarm_id, policy_id) = (state.alarm_id.clone(), state.policy_id.clone());
    let mut decision = ("steady", format!("CapacityProviderReservation {}% is at target {target}%.", res.percent));
    let mut change: Option<(u32, &str)> = None;
    if res.percent > target {
        state.minutes_below = 0;
        if aim > n {
            let to = (n + step(aim - n)).min(g.max_size);
            if to > g.desired_capacity {
                change = Some((to, "High"));
                decision = ("scale-out", format!("{} instance(s) needed for the tasks of {n}: desired capacity {} → {to}.", res.needed, g.desired_capacity));
            } else {
                decision = ("waiting", format!("{} instance(s) needed; the group is already launching toward {} (max {}).", res.needed, g.desired_capacity, g.max_size));
            }
        }
    } else if res.percent < target {
        state.minutes_below += 1;
        let below = state.minutes_below;
        if aim < n && below >= SCALE_IN_MINUTES && !warming {
            let to = n.saturating_sub(step(n - aim)).max(aim).max(g.min_size);
            state.minutes_below = 0;
            change = Some((to, "Low"));
            decision = ("scale-in", format!("Below target for {below} minutes: desired capacity {} → {to}.", g.desired_capacity));
        } else if aim < n {
            let why = if warming { "an instance is still warming up".to_string() } else { format!("{below} of {SCALE_IN_MINUTES} minutes below target") };
            decision = ("waiting", format!("CapacityProviderReservation {}% is below target {target}%: {why}.", res.percent));
        } else {
            decision = ("steady", format!("CapacityProviderReservation {}% is below target {target}%, which keeps spare room.", res.percent));
        }
    } else {
        state.minutes_below = 0;
    }
    ctx.emit(EventKind::CapacityProviderDecision {
        region: region.into(),
        capacity_provider: name.into(),
        cluster: cluster.clone(),
        reservation: res.percent,
        target_capacity: target,
        decision: decision.0.into(),
        reason: decision.1,
    });
    if let Some((to, level)) = change {
        if level == "Low" && cp.managed_termination_protection == "ENABLED" {
            protect_busy_instances(ctx.world.region_mut(region), &cluster, &g.name);
        }
        let why = format!(
            "a monitor alarm TargetTracking-{}-Alarm{level}-{alarm_id} in state ALARM triggered policy ECSManagedAutoScalingPolicy-{policy_id}",
            g.name
        );
        asg::set_desired(ctx, region, &g.name, to, &why, &format!("capacity provider {name}"));
    }
}

/// Managed termination protection: instances with non-daemon tasks protected from scale-in, empty ones not.
fn protect_busy_instances(r: &mut Region, cluster: &str, group: &str) {
    let Some(c) = r.ecs.clusters.get(cluster) else { return };
    let daemon_groups: BTreeSet<String> =
        c.services.values().filter(|s| s.scheduling_strategy == SchedulingStrategy::Daemon).map(|s| s.group()).collect();
    let busy: BTreeSet<String> = c
        .container_instances
        .values()
        .filter(|ci| {
            c.tasks.values().any(|t| t.container_instance_id.as_deref() == Some(ci.id.as_str()) && t.holds_resources() && !daemon_groups.contains(&t.group))
        })
        .map(|ci| ci.ec2_instance_id.clone())
        .collect();
    let registered: BTreeSet<String> = c.container_instances.values().map(|ci| ci.ec2_instance_id.clone()).collect();
    let Some(g) = r.autoscaling.groups.get_mut(group) else { return };
    for i in g.instances.iter_mut().filter(|i| registered.contains(&i.instance_id)) {
        i.protected_from_scale_in = busy.contains(&i.instance_id);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn target_size_keeps_spare_room_below_100_3_5() {
        assert_eq!(super::target_size(4, 100), 4);
        assert_eq!(super::target_size(4, 80), 5);
        assert_eq!(super::target_size(1, 50), 2);
        assert_eq!(super::target_size(0, 75), 0);
    }
}
