//! `get-metric-statistics` and `list-metrics` over the Region's metric store (world/cloudwatch.rs).

use super::{dimensions, invalid_combination, invalid_value, missing, render_dimensions, timestamp};
use crate::clock::SimTime;
use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use crate::world::cloudwatch::{Datapoint, MetricId};
use serde_json::{Map, Value, json};

/// GetMetricStatistics returns at most 1,440 datapoints.
const MAX_DATAPOINTS: u64 = 1_440;
const STATISTICS: [&str; 5] = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

/// A percentile such as `p90` or `p99.9` (0–100, at most two decimals), as ExtendedStatistics takes them.
pub(super) fn percentile(name: &str) -> Option<f64> {
    let n = name.strip_prefix('p')?;
    if n.is_empty() || n.split('.').nth(1).is_some_and(|d| d.len() > 2 || d.is_empty()) {
        return None;
    }
    n.parse::<f64>().ok().filter(|v| (0.0..=100.0).contains(v))
}

/// A percentile of one period. The store keeps SampleCount, Sum, Minimum and Maximum, not the samples, so
/// the sandbox interpolates: p0 is the minimum, p50 the average, p100 the maximum (sandbox-defined).
pub(super) fn percentile_of(p: &Datapoint, pct: f64) -> f64 {
    let avg = p.average();
    if pct <= 50.0 { p.minimum + (avg - p.minimum) * pct / 50.0 } else { avg + (p.maximum - avg) * (pct - 50.0) / 50.0 }
}

/// The value of a statistic (`Average`, … or `pNN`) of one period.
pub(crate) fn statistic_value(p: &Datapoint, statistic: &str) -> Option<f64> {
    p.statistic(statistic).or_else(|| percentile(statistic).map(|pct| percentile_of(p, pct)))
}

/// The periods of `[start, end)` with data, each `period` long from `start`, merged from one-minute datapoints.
pub(crate) fn periods(cw: &crate::world::cloudwatch::CloudWatch, id: &MetricId, start: SimTime, end: SimTime, period_ms: u64) -> Vec<Datapoint> {
    let mut out: Vec<Datapoint> = Vec::new();
    for p in cw.datapoints(id, start, end) {
        let bucket = SimTime(start.0 + (p.at.0 - start.0) / period_ms * period_ms);
        match out.last_mut() {
            Some(last) if last.at == bucket => last.merge(p),
            _ => out.push(Datapoint { at: bucket, ..*p }),
        }
    }
    out
}

pub(super) fn get_statistics(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let namespace = req.str("Namespace").ok_or_else(|| missing("Namespace"))?;
    let metric_name = req.str("MetricName").ok_or_else(|| missing("MetricName"))?;
    let start = timestamp(req, "StartTime").ok_or_else(|| invalid_value("The parameter StartTime must be a valid ISO 8601 timestamp."))?;
    let end = timestamp(req, "EndTime").ok_or_else(|| invalid_value("The parameter EndTime must be a valid ISO 8601 timestamp."))?;
    let period = req.int("Period").ok_or_else(|| missing("Period"))?;
    let stats = req.strings("Statistics");
    let extended = req.strings("ExtendedStatistics");
    if stats.is_empty() && extended.is_empty() {
        return Err(invalid_combination("Must specify either Statistics or ExtendedStatistics."));
    }
    if let Some(bad) = stats.iter().find(|s| !STATISTICS.contains(s)) {
        return Err(invalid_value(format!(
            "The parameter Statistics must be one of SampleCount, Average, Sum, Minimum, Maximum: '{bad}' is not."
        )));
    }
    if let Some(bad) = extended.iter().find(|s| percentile(s).is_none()) {
        return Err(invalid_value(format!("The value {bad} for parameter ExtendedStatistics is not supported.")));
    }
    // Standard-resolution metrics (every metric the sandbox publishes): periods are multiples of 60 seconds.
    if period <= 0 || period % 60 != 0 {
        return Err(invalid_value("The parameter Period must be a multiple of 60."));
    }
    if start >= end {
        return Err(invalid_value("The parameter StartTime must be less than the parameter EndTime."));
    }
    let period_ms = period as u64 * 1000;
    let requested = (end.0 - start.0).div_ceil(period_ms);
    if requested > MAX_DATAPOINTS {
        return Err(invalid_combination(format!(
            "You have requested up to {} datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
            thousands(requested)
        )));
    }
    let id = MetricId {
        namespace: namespace.to_string(),
        metric_name: metric_name.to_string(),
        dimensions: dimensions(req, "Dimensions"),
    };
    let r = ctx.world.region_mut(call.region);
    let unit = r.cloudwatch.series(&id).map(|s| s.unit.clone());
    let wanted_unit = req.str("Unit");
    let datapoints: Vec<Value> = match (&unit, wanted_unit) {
        (Some(u), Some(w)) if u != w => Vec::new(),
        (None, _) => Vec::new(),
        (Some(u), _) => periods(&r.cloudwatch, &id, start, end, period_ms)
            .iter()
            .map(|p| {
                let mut v = Map::new();
                v.insert("Timestamp".into(), Value::String(p.at.to_cli_string()));
                for s in &stats {
                    v.insert((*s).to_string(), json!(p.statistic(s).unwrap_or(0.0)));
                }
                v.insert("Unit".into(), json!(u));
                if !extended.is_empty() {
                    let ext: Map<String, Value> = extended
                        .iter()
                        .map(|e| ((*e).to_string(), json!(percentile(e).map_or(0.0, |pct| percentile_of(p, pct)))))
                        .collect();
                    v.insert("ExtendedStatistics".into(), Value::Object(ext));
                }
                Value::Object(v)
            })
            .collect(),
    };
    Ok(json!({ "Label": metric_name, "Datapoints": datapoints }))
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Metrics with a datapoint in the last two weeks (the store keeps a day), filtered by namespace, name and
/// dimensions (a filter without Value matches any value).
pub(super) fn list(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let namespace = req.str("Namespace");
    let name = req.str("MetricName");
    let filters: Vec<(&str, Option<&str>)> = req
        .list("Dimensions")
        .iter()
        .filter_map(|d| Some((d.get("Name")?.as_str()?, d.get("Value").and_then(Value::as_str))))
        .collect();
    let r = ctx.world.region_mut(call.region);
    let metrics: Vec<Value> = r
        .cloudwatch
        .metrics
        .iter()
        .filter(|(id, s)| {
            !s.points.is_empty()
                && namespace.is_none_or(|n| n == id.namespace)
                && name.is_none_or(|n| n == id.metric_name)
                && filters.iter().all(|(k, v)| id.dimension(k).is_some_and(|have| v.is_none_or(|v| v == have)))
        })
        .map(|(id, _)| json!({ "Namespace": id.namespace, "MetricName": id.metric_name, "Dimensions": render_dimensions(&id.dimensions) }))
        .collect();
    Ok(json!({ "Metrics": metrics }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_parse_like_cloudwatch() {
        assert_eq!(percentile("p90"), Some(90.0));
        assert_eq!(percentile("p99.9"), Some(99.9));
        assert_eq!(percentile("p101"), None);
        assert_eq!(percentile("p99.999"), None);
        assert_eq!(percentile("Average"), None);
        assert_eq!(thousands(1441), "1,441");
    }
}
