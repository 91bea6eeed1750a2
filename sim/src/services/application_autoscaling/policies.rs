//! `put-scaling-policy`, `describe-scaling-policies`, `delete-scaling-policy` (ecs-facts.md §3.4). A target
//! tracking policy creates the two CloudWatch alarms AWS creates for it: `TargetTracking-<resourceId>-AlarmHigh-<uuid>`
//! (3 of 3 one-minute datapoints above the target) and `…-AlarmLow-<uuid>` (15 of 15 below 90 % of it),
//! whose AlarmActions name the policy.

use super::{check_namespace, no_target, target_key, validation};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::world::application_autoscaling::{
    AdjustmentType, DEFAULT_COOLDOWN_SECS, PolicyConfig, ScalingPolicy, StepAdjustment, StepScaling, TargetTracking, TrackedMetric,
    parse_service_resource, policy_arn,
};
use crate::world::cloudwatch_alarms::{AlarmState, Comparison, MetricAlarm};
use serde_json::{Value, json};

const STATISTICS: [&str; 5] = ["Average", "Minimum", "Maximum", "SampleCount", "Sum"];

/// `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>` (§3.4) → the TargetGroup dimension
/// `targetgroup/<tg-name>/<tg-id>`.
fn target_group_of_label(label: &str) -> Option<&str> {
    let parts: Vec<&str> = label.split('/').collect();
    match parts.as_slice() {
        ["app", lb, lb_id, "targetgroup", tg, tg_id] if [lb, lb_id, tg, tg_id].iter().all(|p| !p.is_empty()) => {
            label.find("targetgroup/").map(|i| &label[i..])
        }
        _ => None,
    }
}

fn cooldown(cfg: Req<'_>, name: &str) -> Result<u32, ServiceError> {
    match cfg.int(name) {
        None => Ok(DEFAULT_COOLDOWN_SECS),
        Some(c) if (0..=31_536_000).contains(&c) => Ok(c as u32),
        Some(c) => Err(validation(format!("{name} must be between 0 and 31536000 seconds: {c} is not"))),
    }
}

fn target_tracking(cfg: Req<'_>, resource: &str) -> Result<TargetTracking, ServiceError> {
    let target_value = cfg.get("TargetValue").and_then(Value::as_f64).ok_or_else(|| validation("TargetValue is required for a target tracking scaling policy"))?;
    if target_value <= 0.0 || !target_value.is_finite() {
        return Err(validation(format!("TargetValue must be greater than 0: {target_value} is not")));
    }
    let (cluster, service) = parse_service_resource(resource).unwrap_or_default();
    let predefined = cfg.at("PredefinedMetricSpecification");
    let customized = cfg.at("CustomizedMetricSpecification");
    let metric = match (predefined.0.is_null(), customized.0.is_null()) {
        (false, true) => {
            let kind = predefined.str("PredefinedMetricType").unwrap_or_default();
            let ecs = |name: &str| TrackedMetric {
                namespace: "AWS/ECS".into(),
                metric_name: name.into(),
                dimensions: vec![("ClusterName".into(), cluster.into()), ("ServiceName".into(), service.into())],
                statistic: "Average".into(),
                unit: None,
            };
            match kind {
                "ECSServiceAverageCPUUtilization" => ecs("CPUUtilization"),
                "ECSServiceAverageMemoryUtilization" => ecs("MemoryUtilization"),
                "ALBRequestCountPerTarget" => {
                    let label = predefined.str("ResourceLabel").ok_or_else(|| {
                        validation("ResourceLabel is required for predefined metric type ALBRequestCountPerTarget: app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>")
                    })?;
                    let tg = target_group_of_label(label).ok_or_else(|| {
                        validation(format!("ResourceLabel '{label}' is not of the form app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>"))
                    })?;
                    TrackedMetric {
                        namespace: "AWS/ApplicationELB".into(),
                        metric_name: "RequestCountPerTarget".into(),
                        dimensions: vec![("TargetGroup".into(), tg.into())],
                        statistic: "Sum".into(),
                        unit: None,
                    }
                }
                other => {
                    return Err(validation(format!(
                        "Unsupported predefined metric type {other} for service namespace ecs: use ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget"
                    )));
                }
            }
        }
        (true, false) => {
            if customized.get("Metrics").is_some() {
                return Err(validation("The sandbox models customized metrics of one metric (Namespace, MetricName, Dimensions, Statistic); Metrics is not modelled"));
            }
            let statistic = customized.str("Statistic").ok_or_else(|| validation("Statistic is required in CustomizedMetricSpecification"))?;
            if !STATISTICS.contains(&statistic) {
                return Err(validation(format!("Statistic must be one of Average, Minimum, Maximum, SampleCount, Sum: {statistic} is not")));
            }
            let mut dims: Vec<(String, String)> = customized
                .list("Dimensions")
                .iter()
                .filter_map(|d| Some((d.get("Name")?.as_str()?.to_string(), d.get("Value")?.as_str()?.to_string())))
                .collect();
            crate::world::cloudwatch::sort_dimensions(&mut dims);
            TrackedMetric {
                namespace: customized.str("Namespace").ok_or_else(|| validation("Namespace is required in CustomizedMetricSpecification"))?.into(),
                metric_name: customized.str("MetricName").ok_or_else(|| validation("MetricName is required in CustomizedMetricSpecification"))?.into(),
                dimensions: dims,
                statistic: statistic.into(),
                unit: customized.str("Unit").map(str::to_string),
            }
        }
        _ => {
            return Err(validation(
                "Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified for a target tracking scaling policy",
            ));
        }
    };
    Ok(TargetTracking {
        target_value,
        metric,
        scale_out_cooldown: cooldown(cfg, "ScaleOutCooldown")?,
        scale_in_cooldown: cooldown(cfg, "ScaleInCooldown")?,
        disable_scale_in: cfg.bool("DisableScaleIn").unwrap_or(false),
    })
}

fn step_scaling(cfg: Req<'_>) -> Result<StepScaling, ServiceError> {
    let kind = cfg.str("AdjustmentType").ok_or_else(|| validation("AdjustmentType is required for a step scaling policy"))?;
    let adjustment_type = AdjustmentType::parse(kind)
        .ok_or_else(|| validation(format!("AdjustmentType must be ChangeInCapacity, PercentChangeInCapacity or ExactCapacity: {kind} is not")))?;
    let steps: Vec<StepAdjustment> = cfg
        .list("StepAdjustments")
        .iter()
        .map(|s| StepAdjustment {
            lower: s.get("MetricIntervalLowerBound").and_then(Value::as_f64),
            upper: s.get("MetricIntervalUpperBound").and_then(Value::as_f64),
            adjustment: s.get("ScalingAdjustment").and_then(Value::as_i64).unwrap_or(0),
        })
        .collect();
    if steps.is_empty() {
        return Err(validation("StepAdjustments must contain at least one step adjustment"));
    }
    if steps.iter().any(|s| s.lower.zip(s.upper).is_some_and(|(l, u)| l >= u)) {
        return Err(validation("A step adjustment's MetricIntervalLowerBound must be less than its MetricIntervalUpperBound"));
    }
    if steps.iter().filter(|s| s.lower.is_none()).count() > 1 || steps.iter().filter(|s| s.upper.is_none()).count() > 1 {
        return Err(validation("Only one step adjustment may have a null lower bound and only one a null upper bound"));
    }
    if adjustment_type == AdjustmentType::ExactCapacity && steps.iter().any(|s| s.adjustment < 0) {
        return Err(validation("ScalingAdjustment cannot be negative with AdjustmentType ExactCapacity"));
    }
    let min_adjustment_magnitude = cfg.int("MinAdjustmentMagnitude");
    if min_adjustment_magnitude.is_some() && adjustment_type != AdjustmentType::PercentChangeInCapacity {
        return Err(validation("MinAdjustmentMagnitude is only supported with AdjustmentType PercentChangeInCapacity"));
    }
    let aggregation = cfg.str("MetricAggregationType").unwrap_or("Average");
    if !["Average", "Minimum", "Maximum"].contains(&aggregation) {
        return Err(validation(format!("MetricAggregationType must be Average, Minimum or Maximum: {aggregation} is not")));
    }
    Ok(StepScaling {
        adjustment_type,
        steps,
        min_adjustment_magnitude,
        cooldown: cooldown(cfg, "Cooldown")?,
        aggregation: aggregation.to_string(),
    })
}

/// The AlarmHigh and AlarmLow of a target tracking policy.
fn tracking_alarms(region: &str, policy: &ScalingPolicy, tt: &TargetTracking, uuids: (&str, &str), now: crate::clock::SimTime) -> [MetricAlarm; 2] {
    let alarm = |suffix: &str, uuid: &str, threshold: f64, comparison: Comparison, periods: u32| MetricAlarm {
        name: format!("TargetTracking-{}-{suffix}-{uuid}", policy.resource_id),
        region: region.to_string(),
        description: Some(format!("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy {}.", policy.arn)),
        actions_enabled: true,
        ok_actions: vec![],
        alarm_actions: vec![policy.arn.clone()],
        insufficient_data_actions: vec![],
        namespace: tt.metric.namespace.clone(),
        metric_name: tt.metric.metric_name.clone(),
        dimensions: tt.metric.dimensions.clone(),
        statistic: tt.metric.statistic.clone(),
        extended: false,
        period: 60,
        unit: tt.metric.unit.clone(),
        evaluation_periods: periods,
        datapoints_to_alarm: Some(periods),
        threshold,
        comparison,
        treat_missing_data: None,
        state: AlarmState::InsufficientData,
        state_reason: "Unchecked: Initial alarm creation".into(),
        state_reason_data: None,
        state_updated: now,
        state_transitioned: now,
        configuration_updated: now,
    };
    [
        alarm("AlarmHigh", uuids.0, tt.target_value, Comparison::GreaterThanThreshold, 3),
        alarm("AlarmLow", uuids.1, tt.target_value * 0.9, Comparison::LessThanThreshold, 15),
    ]
}

pub(super) fn put(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (resource, dimension) = target_key(req)?;
    let name = req.str("PolicyName").unwrap_or_default();
    if name.is_empty() || name.len() > 256 || name.contains(':') || name.contains('/') {
        return Err(validation("PolicyName must be 1 to 256 characters without ':' or '/'"));
    }
    let region = call.region;
    let r = ctx.world.region_mut(region);
    if !r.application_autoscaling.targets.contains_key(&(resource.clone(), dimension.clone())) {
        return Err(no_target(&resource, &dimension));
    }
    let key = (resource.clone(), dimension.clone(), name.to_string());
    let existing = r.application_autoscaling.policies.get(&key).cloned();
    let policy_type = match (req.str("PolicyType"), &existing) {
        (Some(t), _) => t.to_string(),
        (None, Some(p)) => p.policy_type().to_string(),
        (None, None) => return Err(validation("PolicyType is required to create a scaling policy")),
    };
    let (config, raw) = match policy_type.as_str() {
        "TargetTrackingScaling" => {
            let cfg = req.at("TargetTrackingScalingPolicyConfiguration");
            if cfg.0.is_null() {
                return Err(validation("TargetTrackingScalingPolicyConfiguration is required for policy type TargetTrackingScaling"));
            }
            (PolicyConfig::TargetTracking(target_tracking(cfg, &resource)?), cfg.0.clone())
        }
        "StepScaling" => {
            let cfg = req.at("StepScalingPolicyConfiguration");
            if cfg.0.is_null() {
                return Err(validation("StepScalingPolicyConfiguration is required for policy type StepScaling"));
            }
            (PolicyConfig::Step(step_scaling(cfg)?), cfg.0.clone())
        }
        "PredictiveScaling" => return Err(validation("The sandbox does not model predictive scaling (PolicyType PredictiveScaling)")),
        other => {
            return Err(validation(format!(
                "1 validation error detected: Value '{other}' at 'policyType' failed to satisfy constraint: Member must satisfy enum value set: [StepScaling, TargetTrackingScaling, PredictiveScaling]"
            )));
        }
    };
    let now = ctx.now;
    let uuid = match existing.as_ref().and_then(|p| p.arn.split(':').nth(6).map(str::to_string)) {
        Some(u) => u,
        None => ctx.rng.uuid(),
    };
    let arn = policy_arn(region, &uuid, &resource, name);
    let mut policy = ScalingPolicy {
        name: name.to_string(),
        arn: arn.clone(),
        resource_id: resource.clone(),
        dimension: dimension.clone(),
        config,
        raw_config: raw,
        alarms: vec![],
        created: existing.as_ref().map_or(now, |p| p.created),
        last_scale_out: existing.as_ref().and_then(|p| p.last_scale_out),
        last_scale_in: existing.as_ref().and_then(|p| p.last_scale_in),
    };
    // Target tracking keeps its alarms' names across updates; other changes delete them.
    let old_alarms = existing.map(|p| p.alarms).unwrap_or_default();
    let mut new_alarms = Vec::new();
    if let PolicyConfig::TargetTracking(tt) = &policy.config {
        let uuid_of = |part: &str| old_alarms.iter().find(|(n, _)| n.contains(part)).and_then(|(n, _)| n.rsplit_once(&format!("{part}-")).map(|(_, u)| u.to_string()));
        let high = match uuid_of("AlarmHigh") {
            Some(u) => u,
            None => ctx.rng.uuid(),
        };
        let low = match uuid_of("AlarmLow") {
            Some(u) => u,
            None => ctx.rng.uuid(),
        };
        new_alarms = tracking_alarms(region, &policy, tt, (&high, &low), now).to_vec();
    }
    let r = ctx.world.region_mut(region);
    for (n, _) in &old_alarms {
        if !new_alarms.iter().any(|a| &a.name == n) {
            r.cloudwatch.alarms.remove(n);
        }
    }
    for mut a in new_alarms {
        if let Some(old) = r.cloudwatch.alarms.get(&a.name) {
            a.state = old.state;
            a.state_reason.clone_from(&old.state_reason);
            a.state_reason_data.clone_from(&old.state_reason_data);
            a.state_updated = old.state_updated;
            a.state_transitioned = old.state_transitioned;
        }
        policy.alarms.push((a.name.clone(), a.arn()));
        r.cloudwatch.alarms.insert(a.name.clone(), a);
    }
    let alarms: Vec<Value> = policy.alarms.iter().map(|(n, a)| json!({"AlarmName": n, "AlarmARN": a})).collect();
    let is_tt = policy_type == "TargetTrackingScaling";
    r.application_autoscaling.policies.insert(key, policy);
    let mut out = json!({ "PolicyARN": arn });
    if is_tt {
        out["Alarms"] = Value::Array(alarms);
    }
    Ok(out)
}

fn render(p: &ScalingPolicy) -> Value {
    let mut v = json!({
        "PolicyARN": p.arn,
        "PolicyName": p.name,
        "ServiceNamespace": "ecs",
        "ResourceId": p.resource_id,
        "ScalableDimension": p.dimension,
        "PolicyType": p.policy_type(),
        "Alarms": p.alarms.iter().map(|(n, a)| json!({"AlarmName": n, "AlarmARN": a})).collect::<Vec<_>>(),
        "CreationTime": p.created.to_cli_string(),
    });
    match p.config {
        PolicyConfig::TargetTracking(_) => v["TargetTrackingScalingPolicyConfiguration"] = p.raw_config.clone(),
        PolicyConfig::Step(_) => v["StepScalingPolicyConfiguration"] = p.raw_config.clone(),
    }
    v
}

pub(super) fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    check_namespace(req)?;
    let names = req.strings("PolicyNames");
    let resource = req.str("ResourceId");
    let dimension = req.str("ScalableDimension");
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r
        .application_autoscaling
        .policies
        .values()
        .filter(|p| names.is_empty() || names.contains(&p.name.as_str()))
        .filter(|p| resource.is_none_or(|x| x == p.resource_id) && dimension.is_none_or(|d| d == p.dimension))
        .map(render)
        .collect();
    Ok(json!({ "ScalingPolicies": list }))
}

pub(super) fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (resource, dimension) = target_key(req)?;
    let name = req.str("PolicyName").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let Some(p) = r.application_autoscaling.policies.remove(&(resource.clone(), dimension.clone(), name.to_string())) else {
        return Err(ServiceError::new(
            "ObjectNotFoundException",
            format!("No scaling policy found for service namespace: ecs, resource ID: {resource}, scalable dimension: {dimension}, policy name: {name}"),
        ));
    };
    for (alarm, _) in p.alarms {
        r.cloudwatch.alarms.remove(&alarm);
    }
    Ok(json!({}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_labels_name_the_target_group_dimension() {
        assert_eq!(
            target_group_of_label("app/demo-alb/0123456789abcdef/targetgroup/web/fedcba9876543210"),
            Some("targetgroup/web/fedcba9876543210")
        );
        assert_eq!(target_group_of_label("targetgroup/web/fedcba9876543210"), None);
        assert_eq!(target_group_of_label("app/demo-alb//targetgroup/web/x"), None);
    }
}
