//! Amazon CloudWatch's metric store for one Region: the metrics AWS services publish every minute (ECS service
//! CPU and memory utilisation, cluster reservation, ALB request counts, Auto Scaling group sizes, capacity
//! provider reservation), each a series of one-minute datapoints with the statistics CloudWatch keeps
//! (SampleCount, Sum, Minimum, Maximum; Average is Sum / SampleCount). Also the sandbox's own timeline of
//! task and instance counts every 10 seconds, which the page's charts draw (it is not a CloudWatch metric:
//! real ECS publishes task counts only with Container Insights).

use crate::clock::SimTime;
use crate::shared_sort::SharedSort;
use std::collections::{BTreeMap, VecDeque};

/// Orders dimensions by name, as a [`MetricId`] keeps them (a stable sort: equal names keep their order).
pub fn sort_dimensions(dims: &mut [(String, String)]) {
    dims.shared_sort_by(|a, b| a.0.cmp(&b.0));
}

/// A metric's identity: namespace, name and dimensions (kept sorted by name, as CloudWatch matches them
/// regardless of order).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct MetricId {
    pub namespace: String,
    pub metric_name: String,
    pub dimensions: Vec<(String, String)>,
}

impl MetricId {
    pub fn new(namespace: &str, metric_name: &str, dimensions: &[(&str, &str)]) -> Self {
        let mut dims: Vec<(String, String)> = dimensions.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect();
        dims.dedup();
        sort_dimensions(&mut dims);
        MetricId { namespace: namespace.to_string(), metric_name: metric_name.to_string(), dimensions: dims }
    }

    pub fn dimension(&self, name: &str) -> Option<&str> {
        self.dimensions.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// One period's statistics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Datapoint {
    /// The start of the minute it covers.
    pub at: SimTime,
    pub sample_count: f64,
    pub sum: f64,
    pub minimum: f64,
    pub maximum: f64,
}

impl Datapoint {
    pub fn average(&self) -> f64 {
        if self.sample_count == 0.0 { 0.0 } else { self.sum / self.sample_count }
    }

    /// The statistic CloudWatch calls `name` (`Average`, `Sum`, `Minimum`, `Maximum`, `SampleCount`).
    pub fn statistic(&self, name: &str) -> Option<f64> {
        Some(match name {
            "Average" => self.average(),
            "Sum" => self.sum,
            "Minimum" => self.minimum,
            "Maximum" => self.maximum,
            "SampleCount" => self.sample_count,
            _ => return None,
        })
    }

    /// Folds another period's statistics in (for periods longer than a minute).
    pub fn merge(&mut self, other: &Datapoint) {
        self.sample_count += other.sample_count;
        self.sum += other.sum;
        self.minimum = self.minimum.min(other.minimum);
        self.maximum = self.maximum.max(other.maximum);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub unit: String,
    /// Oldest first, at most [`MAX_DATAPOINTS`].
    pub points: VecDeque<Datapoint>,
}

/// A day of one-minute datapoints per metric.
pub const MAX_DATAPOINTS: usize = 1_440;

/// One 10-second sample of the sandbox's timeline (for charts).
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineSample {
    pub at: SimTime,
    pub value: f64,
}

/// Six hours of 10-second samples per timeline series.
pub const MAX_TIMELINE: usize = 2_160;

#[derive(Debug, Clone, Default)]
pub struct CloudWatch {
    pub metrics: BTreeMap<MetricId, Series>,
    /// The sandbox's chart timeline: series key (`service/<cluster>/<service>/running`, …) → samples.
    pub timeline: BTreeMap<String, VecDeque<TimelineSample>>,
    /// Cumulative request counts per target group at the previous minute, to publish per-minute sums.
    pub last_request_totals: BTreeMap<String, u64>,
    /// Metric alarms by name (world/cloudwatch_alarms.rs).
    pub alarms: BTreeMap<String, crate::world::cloudwatch_alarms::MetricAlarm>,
}

impl CloudWatch {
    /// Records one sample of a metric in the minute starting at `minute`.
    pub fn put(&mut self, id: MetricId, unit: &str, minute: SimTime, value: f64) {
        let series = self.metrics.entry(id).or_insert_with(|| Series { unit: unit.to_string(), points: VecDeque::new() });
        match series.points.back_mut() {
            Some(last) if last.at == minute => {
                last.merge(&Datapoint { at: minute, sample_count: 1.0, sum: value, minimum: value, maximum: value });
            }
            _ => {
                series.points.push_back(Datapoint { at: minute, sample_count: 1.0, sum: value, minimum: value, maximum: value });
                if series.points.len() > MAX_DATAPOINTS {
                    series.points.pop_front();
                }
            }
        }
    }

    pub fn series(&self, id: &MetricId) -> Option<&Series> {
        self.metrics.get(id)
    }

    /// Datapoints of `id` whose minute starts in `[start, end)`.
    pub fn datapoints(&self, id: &MetricId, start: SimTime, end: SimTime) -> impl Iterator<Item = &Datapoint> {
        self.metrics.get(id).into_iter().flat_map(move |s| s.points.iter().filter(move |p| p.at >= start && p.at < end))
    }

    /// The newest datapoint of `id`, if any.
    pub fn latest(&self, id: &MetricId) -> Option<&Datapoint> {
        self.metrics.get(id).and_then(|s| s.points.back())
    }

    /// Adds one sample to the chart timeline.
    pub fn sample(&mut self, key: String, at: SimTime, value: f64) {
        let series = self.timeline.entry(key).or_default();
        series.push_back(TimelineSample { at, value });
        if series.len() > MAX_TIMELINE {
            series.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{START, SimDuration};

    #[test]
    fn samples_in_one_minute_fold_into_one_datapoint() {
        let mut cw = CloudWatch::default();
        let id = MetricId::new("AWS/ECS", "CPUUtilization", &[("ServiceName", "web"), ("ClusterName", "demo")]);
        cw.put(id.clone(), "Percent", START, 10.0);
        cw.put(id.clone(), "Percent", START, 30.0);
        cw.put(id.clone(), "Percent", START + SimDuration::minutes(1), 50.0);
        let s = cw.series(&id).unwrap();
        assert_eq!(s.points.len(), 2);
        assert_eq!(s.points[0].average(), 20.0);
        assert_eq!(s.points[0].maximum, 30.0);
        assert_eq!(id.dimensions[0].0, "ClusterName", "dimensions are sorted by name");
        assert_eq!(cw.datapoints(&id, START + SimDuration::secs(1), START + SimDuration::minutes(5)).count(), 1);
    }
}
