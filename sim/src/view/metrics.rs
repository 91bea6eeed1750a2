//! CloudWatch metrics and the sandbox's chart timeline as plain data, for the page's charts (each chart also
//! has a table view of the same points) and for lesson goals (`metrics[?metricName=='CPUUtilization']`).

use crate::world::cloudwatch::CloudWatch;
use serde::Serialize;

/// How many of the newest points of each series the view carries: an hour of timeline, an hour of metrics.
pub const VIEW_TIMELINE_POINTS: usize = 360;
pub const VIEW_METRIC_POINTS: usize = 60;

/// One timeline series: `key` is `service/<cluster>/<service>/{desired,running,pending}` or
/// `cluster/<cluster>/instances` or `asg/<group>/{desired,inService}`; points are `[millis, value]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineView {
    pub region: String,
    pub key: String,
    pub points: Vec<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DimensionView {
    pub name: String,
    pub value: String,
}

/// One metric's newest one-minute datapoints: `[millis of the minute's start, average, maximum]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricView {
    pub region: String,
    pub namespace: String,
    pub metric_name: String,
    pub dimensions: Vec<DimensionView>,
    pub unit: String,
    pub points: Vec<[f64; 3]>,
    /// The newest datapoint's average, for goals.
    pub latest: Option<f64>,
}

pub fn timeline(region: &str, cw: &CloudWatch) -> Vec<TimelineView> {
    cw.timeline
        .iter()
        .map(|(key, samples)| TimelineView {
            region: region.to_string(),
            key: key.clone(),
            points: samples
                .iter()
                .skip(samples.len().saturating_sub(VIEW_TIMELINE_POINTS))
                .map(|s| [s.at.0 as f64, s.value])
                .collect(),
        })
        .collect()
}

pub fn metrics(region: &str, cw: &CloudWatch) -> Vec<MetricView> {
    cw.metrics
        .iter()
        .map(|(id, series)| MetricView {
            region: region.to_string(),
            namespace: id.namespace.clone(),
            metric_name: id.metric_name.clone(),
            dimensions: id.dimensions.iter().map(|(n, v)| DimensionView { name: n.clone(), value: v.clone() }).collect(),
            unit: series.unit.clone(),
            points: series
                .points
                .iter()
                .skip(series.points.len().saturating_sub(VIEW_METRIC_POINTS))
                .map(|p| [p.at.0 as f64, round1(p.average()), round1(p.maximum)])
                .collect(),
            latest: series.points.back().map(|p| round1(p.average())),
        })
        .collect()
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
