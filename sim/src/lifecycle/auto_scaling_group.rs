//! An Auto Scaling group keeping its desired capacity (ecs-facts.md §3.5, §2): it launches instances from its
//! launch template through EC2's RunInstances (so the instance boots and its agent registers with the
//! cluster its user data names), balancing over the zones of its subnets and moving on to another zone when
//! one has no capacity (`sandbox fail zone`); it terminates unprotected instances when the desired capacity
//! falls, and replaces instances EC2 terminated. Every launch and termination is a scaling activity with
//! AWS's description and cause:
//! - "Launching a new EC2 instance: i-…", cause "At … a user request explicitly set group desired capacity
//!   changing the desired capacity from 1 to 2.  At … an instance was started in response to a difference
//!   between desired and actual capacity, increasing the capacity from 1 to 2."
//! - "Terminating EC2 instance: i-…", cause "… an instance was taken out of service in response to a
//!   difference between desired and actual capacity, shrinking the capacity from 2 to 1.  At … instance i-…
//!   was selected for termination."

use crate::clock::SimTime;
use crate::context::Ctx;
use crate::events::EventKind;
use crate::services::caller::Caller;
use crate::shared_sort::SharedSort;
use crate::services::ec2::instances;
use crate::services::{Call, ServiceError};
use crate::workspace::MemoryWorkspace;
use crate::world::autoscaling::{Activity, AutoScalingGroup, GroupInstance, LifecycleState};
use crate::world::ec2::InstanceState;
use serde_json::{Value, json};

/// Auto Scaling's timestamp in causes: `2026-03-02T09:00:00Z`.
pub fn cause_time(t: SimTime) -> String {
    let s = t.to_cli_string();
    let base = s.get(..19).unwrap_or(&s);
    format!("{base}Z")
}

fn group<'a>(ctx: &'a mut Ctx<'_>, region: &str, name: &str) -> Option<&'a mut AutoScalingGroup> {
    ctx.world.region_mut(region).autoscaling.groups.get_mut(name)
}

/// Instances the group counts toward its capacity (not terminating).
pub fn live_count(g: &AutoScalingGroup) -> u32 {
    u32::try_from(g.instances.iter().filter(|i| i.lifecycle_state != LifecycleState::Terminating).count()).unwrap_or(u32::MAX)
}

fn record(ctx: &mut Ctx<'_>, region: &str, name: &str, activity: Activity) {
    ctx.emit(EventKind::AutoScalingActivity {
        region: region.into(),
        group: name.into(),
        activity_id: activity.id.clone(),
        description: activity.description.clone(),
        cause: activity.cause.clone(),
        status_code: activity.status_code.clone(),
    });
    if let Some(g) = group(ctx, region, name) {
        g.activities.push(activity);
    }
}

/// Sets the desired capacity and brings the group to it. `why` is the first sentence of the cause without
/// its time ("a user request explicitly set group desired capacity"); the change is appended.
pub fn set_desired(ctx: &mut Ctx<'_>, region: &str, name: &str, desired: u32, why: &str, by: &str) {
    let now = ctx.now;
    let Some(g) = group(ctx, region, name) else { return };
    let from = g.desired_capacity;
    g.desired_capacity = desired;
    let cause = format!("At {} {why} changing the desired capacity from {from} to {desired}.", cause_time(now));
    if from != desired {
        ctx.emit(EventKind::AutoScalingDesiredCapacityChanged { region: region.into(), group: name.into(), from, to: desired, by: by.into() });
    }
    reconcile(ctx, region, name, &cause);
}

/// Launches or terminates instances until the group has its desired capacity. `cause` opens each activity's
/// cause (empty when the group itself noticed the difference).
pub fn reconcile(ctx: &mut Ctx<'_>, region: &str, name: &str, cause: &str) {
    let now = ctx.now;
    let Some(g) = group(ctx, region, name) else { return };
    let live = live_count(g);
    let desired = g.desired_capacity;
    let lead = if cause.is_empty() { String::new() } else { format!("{cause}  ") };
    if live < desired {
        let reason = format!(
            "{lead}At {} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from {live} to {desired}.",
            cause_time(now)
        );
        for _ in live..desired {
            if launch_one(ctx, region, name, &reason).is_err() {
                break;
            }
        }
    } else if live > desired {
        let victims = pick_to_terminate(g, (live - desired) as usize);
        for id in victims {
            let text = format!(
                "{lead}At {} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from {live} to {desired}.  At {} instance {id} was selected for termination.",
                cause_time(now),
                cause_time(now)
            );
            terminate(ctx, region, name, &id, &text);
        }
    }
}

/// The instances to terminate: unprotected ones, from the zone with the most instances (Auto Scaling's
/// default termination policy balances zones), oldest first.
fn pick_to_terminate(g: &AutoScalingGroup, n: usize) -> Vec<String> {
    let mut left: Vec<&GroupInstance> =
        g.instances.iter().filter(|i| i.lifecycle_state != LifecycleState::Terminating && !i.protected_from_scale_in).collect();
    let mut out = Vec::new();
    while out.len() < n && !left.is_empty() {
        let mut per_zone: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for i in g.instances.iter().filter(|i| i.lifecycle_state != LifecycleState::Terminating && !out.contains(&i.instance_id)) {
            *per_zone.entry(i.availability_zone.as_str()).or_default() += 1;
        }
        let busiest = |az: &str| per_zone.get(az).copied().unwrap_or(0);
        let Some(pos) = (0..left.len()).max_by(|&a, &b| {
            busiest(&left[a].availability_zone)
                .cmp(&busiest(&left[b].availability_zone))
                .then(left[b].launched_at.cmp(&left[a].launched_at))
                .then(left[b].instance_id.cmp(&left[a].instance_id))
        }) else {
            break;
        };
        out.push(left.remove(pos).instance_id.clone());
    }
    out
}

/// Terminates one instance of the group with the given cause.
pub fn terminate(ctx: &mut Ctx<'_>, region: &str, name: &str, instance_id: &str, cause: &str) {
    let now = ctx.now;
    let Some(g) = group(ctx, region, name) else { return };
    let Some(inst) = g.instances.iter_mut().find(|i| i.instance_id == instance_id) else { return };
    inst.lifecycle_state = LifecycleState::Terminating;
    let az = inst.availability_zone.clone();
    let subnet = ctx.world.region_mut(region).ec2.instances.get(instance_id).map(|i| i.subnet_id.clone()).unwrap_or_default();
    let activity = instance_activity(ctx, format!("Terminating EC2 instance: {instance_id}"), cause, &subnet, &az, instance_id);
    record(ctx, region, name, activity);
    // Not verified word for word: the reason EC2 shows for an instance Auto Scaling terminated.
    let reason = format!("Service initiated ({})", now.to_cli_string());
    instances::shut_down(ctx, region, instance_id, reason);
}

/// The subnets to try for the next launch: the zones with the fewest of the group's instances first.
fn subnets_in_order(ctx: &mut Ctx<'_>, region: &str, g: &AutoScalingGroup) -> Vec<(String, String)> {
    let r = ctx.world.region_mut(region);
    let mut list: Vec<(usize, usize, String, String)> = g
        .subnets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| r.network.subnet(s).map(|sub| (i, sub.availability_zone.clone(), s.clone())))
        .map(|(i, az, s)| {
            let n = g.instances.iter().filter(|x| x.lifecycle_state != LifecycleState::Terminating && x.availability_zone == az).count();
            (n, i, s, az)
        })
        .collect();
    list.shared_sort_by_key(|(n, i, _, _)| (*n, *i));
    list.into_iter().map(|(_, _, s, az)| (s, az)).collect()
}

/// The RunInstances request the launch template makes for one instance in `subnet`.
fn run_request(ctx: &mut Ctx<'_>, region: &str, g: &AutoScalingGroup, subnet: &str) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(region);
    let lt = r
        .autoscaling
        .launch_template(Some(&g.launch_template_id), None)
        .ok_or_else(|| ServiceError::new("ValidationError", format!("The launch template {} does not exist.", g.launch_template_id)))?;
    let v = lt
        .version(g.launch_template_version.as_deref())
        .ok_or_else(|| ServiceError::new("ValidationError", format!("The launch template version {} does not exist.", g.launch_template_version.clone().unwrap_or_default())))?;
    let d = &v.data;
    let mut req = json!({"MinCount": 1, "MaxCount": 1, "SubnetId": subnet});
    if let Some(x) = &d.image_id {
        req["ImageId"] = json!(x);
    }
    if let Some(x) = &d.instance_type {
        req["InstanceType"] = json!(x);
    }
    if let Some(x) = &d.iam_instance_profile_name {
        req["IamInstanceProfile"] = json!({"Name": x});
    } else if let Some(x) = &d.iam_instance_profile_arn {
        req["IamInstanceProfile"] = json!({"Arn": x});
    }
    if let Some(x) = &d.user_data {
        req["UserData"] = json!(x);
    }
    if let Some(x) = &d.key_name {
        req["KeyName"] = json!(x);
    }
    if !d.security_group_ids.is_empty() {
        req["SecurityGroupIds"] = json!(d.security_group_ids);
    }
    let mut tags = vec![json!({"Key": "aws:autoscaling:groupName", "Value": g.name})];
    for (k, val, propagate) in &g.tags {
        if *propagate {
            tags.push(json!({"Key": k, "Value": val}));
        }
    }
    req["TagSpecifications"] = json!([{"ResourceType": "instance", "Tags": tags}]);
    Ok(req)
}

/// Launches one instance, trying the group's zones in balance order; a zone without capacity gets a failed
/// activity and the next zone is tried.
fn launch_one(ctx: &mut Ctx<'_>, region: &str, name: &str, cause: &str) -> Result<String, ServiceError> {
    let Some(g) = group(ctx, region, name).cloned() else { return Err(ServiceError::new("ValidationError", "AutoScalingGroup name not found")) };
    let now = ctx.now;
    let mut last_err = ServiceError::new("ValidationError", "The group has no subnets.");
    for (subnet, az) in subnets_in_order(ctx, region, &g) {
        let request = run_request(ctx, region, &g, &subnet)?;
        let ws = MemoryWorkspace::default();
        let caller = Caller::Learner;
        let call = Call { region, request: &request, stdin: "", workspace: &ws, caller: &caller };
        match instances::run(ctx, &call) {
            Ok(resp) => {
                let id = resp["Instances"][0]["InstanceId"].as_str().unwrap_or_default().to_string();
                let itype = resp["Instances"][0]["InstanceType"].as_str().unwrap_or_default().to_string();
                if let Some(gm) = group(ctx, region, name) {
                    gm.instances.push(GroupInstance {
                        instance_id: id.clone(),
                        availability_zone: az.clone(),
                        instance_type: itype,
                        lifecycle_state: LifecycleState::Pending,
                        protected_from_scale_in: g.new_instances_protected_from_scale_in,
                        launched_at: now,
                    });
                }
                let activity = instance_activity(ctx, format!("Launching a new EC2 instance: {id}"), cause, &subnet, &az, &id);
                record(ctx, region, name, activity);
                return Ok(id);
            }
            Err(e) => {
                let activity = Activity {
                    id: ctx.rng.uuid(),
                    description: format!("Launching a new EC2 instance.  Status Reason: {}. Launching EC2 instance failed.", e.message.trim_end_matches('.')),
                    cause: cause.to_string(),
                    start: now,
                    end: Some(now),
                    status_code: "Failed".into(),
                    status_message: Some(format!("{}. Launching EC2 instance failed.", e.message.trim_end_matches('.'))),
                    details: json!({"Subnet ID": subnet, "Availability Zone": az}).to_string(),
                    instance_id: None,
                };
                record(ctx, region, name, activity);
                let capacity = e.code == "InsufficientInstanceCapacity";
                last_err = e;
                if !capacity {
                    break;
                }
            }
        }
    }
    Err(last_err)
}

/// Follows the group's instances on the clock: `Pending` → `InService` once EC2 runs them (the launch
/// activity succeeds), terminated ones leave the group (their activity succeeds); an instance terminated
/// outside the group is taken out of service and replaced. A group being force-deleted goes when empty.
pub fn refresh(ctx: &mut Ctx<'_>, region: &str) {
    let now = ctx.now;
    let names: Vec<String> = ctx.world.region_mut(region).autoscaling.groups.keys().cloned().collect();
    for name in names {
        let r = ctx.world.region_mut(region);
        let states: Vec<(String, Option<InstanceState>)> = r
            .autoscaling
            .groups
            .get(&name)
            .map(|g| g.instances.iter().map(|i| (i.instance_id.clone(), r.ec2.instances.get(&i.instance_id).map(|x| x.state))).collect())
            .unwrap_or_default();
        let mut finished: Vec<(String, String)> = Vec::new();
        let mut lost: Vec<String> = Vec::new();
        if let Some(g) = ctx.world.region_mut(region).autoscaling.groups.get_mut(&name) {
            for (id, state) in &states {
                let Some(i) = g.instances.iter_mut().find(|i| &i.instance_id == id) else { continue };
                match (i.lifecycle_state, state) {
                    (LifecycleState::Pending, Some(InstanceState::Running)) => {
                        i.lifecycle_state = LifecycleState::InService;
                        finished.push((id.clone(), "Launching".into()));
                    }
                    (LifecycleState::Terminating, Some(InstanceState::Terminated) | None) => {
                        finished.push((id.clone(), "Terminating".into()));
                    }
                    (LifecycleState::Pending | LifecycleState::InService, Some(InstanceState::ShuttingDown | InstanceState::Terminated) | None) => {
                        lost.push(id.clone());
                    }
                    _ => {}
                }
            }
            for (id, kind) in &finished {
                if kind == "Terminating" {
                    g.instances.retain(|i| &i.instance_id != id);
                }
                if let Some(a) = g.activities.iter_mut().rev().find(|a| a.instance_id.as_deref() == Some(id.as_str()) && a.status_code == "InProgress") {
                    a.status_code = "Successful".into();
                    a.end = Some(now);
                }
            }
        }
        for (id, _) in &finished {
            let done = ctx
                .world
                .region_mut(region)
                .autoscaling
                .groups
                .get(&name)
                .and_then(|g| g.activities.iter().rev().find(|a| a.instance_id.as_deref() == Some(id.as_str())).cloned());
            if let Some(a) = done {
                ctx.emit(EventKind::AutoScalingActivity {
                    region: region.into(),
                    group: name.clone(),
                    activity_id: a.id,
                    description: a.description,
                    cause: a.cause,
                    status_code: a.status_code,
                });
            }
        }
        for id in lost {
            let cause = format!(
                "At {} an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.",
                cause_time(now)
            );
            terminate(ctx, region, &name, &id, &cause);
        }
        let deleting = ctx.world.region_mut(region).autoscaling.groups.get(&name).is_some_and(|g| g.status.is_some());
        if deleting {
            if ctx.world.region_mut(region).autoscaling.groups.get(&name).is_some_and(|g| g.instances.is_empty()) {
                ctx.world.region_mut(region).autoscaling.groups.remove(&name);
            }
        } else {
            reconcile(ctx, region, &name, "");
        }
    }
}

/// An activity that launches or terminates one instance, in progress until the instance gets there, with the
/// subnet and zone in its Details as Auto Scaling writes them.
fn instance_activity(ctx: &mut Ctx<'_>, description: String, cause: &str, subnet: &str, az: &str, instance_id: &str) -> Activity {
    Activity {
        id: ctx.rng.uuid(),
        description,
        cause: cause.to_string(),
        start: ctx.now,
        end: None,
        status_code: "InProgress".into(),
        status_message: None,
        details: json!({"Subnet ID": subnet, "Availability Zone": az}).to_string(),
        instance_id: Some(instance_id.to_string()),
    }
}
