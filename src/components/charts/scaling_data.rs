//! The Scaling panel's charts, built from the view: per service with timeline samples, a tasks chart
//! (desired, running, pending: `view.timeline` keys `service/<cluster>/<service>/…`, every 10 virtual
//! seconds) and a CPU utilisation chart (`view.metrics` `AWS/ECS` `CPUUtilization` with dimensions ClusterName
//! and ServiceName, one-minute average and maximum); per cluster, an instances chart
//! (`cluster/<cluster>/instances`), left out for a cluster that never had an instance (Fargate only).
//!
//! What other branches add to the view plugs in through the functions at the bottom, each empty for now and
//! named for what it will draw: [`target_lines`] (a target tracking policy's target on the CPU chart),
//! [`capacity_lines`] (the scalable target's min/max on the tasks chart), [`activity_markers`] (Application
//! Auto Scaling activities on both), [`asg_series`] (an Auto Scaling group's desired and in-service counts on
//! the instances chart, timeline keys `asg/<group>/desired|inService`), [`instance_markers`] (the group's
//! activities) and [`capacity_provider_charts`] (`AWS/ECS/ManagedScaling` `CapacityProviderReservation` with
//! its target capacity). [`activity_marker`] already turns an activity's fields into a marker.

use super::chart_data::{ChartData, Marker, RefLine, Series, Unit};
use ecs_sim::view::View;
use ecs_sim::view::metrics::{MetricView, TimelineView};

/// A service the panel charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceRef {
    pub region: String,
    pub cluster: String,
    pub service: String,
}

impl ServiceRef {
    /// Application Auto Scaling's resource id of the service's desired count: `service/<cluster>/<service>`.
    pub fn resource_id(&self) -> String {
        format!("service/{}/{}", self.cluster, self.service)
    }
}

/// The charts of one service or one cluster, under one heading.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGroup {
    /// Unique in the page: `service-us-east-1-shop-web`, `cluster-us-east-1-shop`.
    pub key: String,
    pub heading: String,
    pub charts: Vec<ChartData>,
}

/// The task-count series of a service's tasks chart, in the order they are drawn (and named in the legend).
pub const TASK_SERIES: [&str; 3] = ["desired", "running", "pending"];

fn timeline_points<'a>(view: &'a View, region: &str, key: &str) -> Option<&'a TimelineView> {
    view.timeline.iter().find(|t| t.region == region && t.key == key)
}

fn metric<'a>(view: &'a View, region: &str, namespace: &str, name: &str, dims: &[(&str, &str)]) -> Option<&'a MetricView> {
    view.metrics.iter().find(|m| {
        m.region == region
            && m.namespace == namespace
            && m.metric_name == name
            && m.dimensions.len() == dims.len()
            && dims.iter().all(|(n, v)| m.dimensions.iter().any(|d| d.name == *n && d.value == *v))
    })
}

/// A one-minute metric's average and maximum as two series.
fn metric_series(m: &MetricView) -> Vec<Series> {
    vec![
        Series::new("average", m.points.iter().map(|p| [p[0], p[1]]).collect()),
        Series::new("maximum", m.points.iter().map(|p| [p[0], p[2]]).collect()),
    ]
}

/// Safe for an id attribute: letters, digits and `-`.
fn slug(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Services with timeline samples, in the view's order (Region, then key order: cluster, service).
pub fn charted_services(view: &View) -> Vec<ServiceRef> {
    let mut out: Vec<ServiceRef> = Vec::new();
    for t in &view.timeline {
        let mut parts = t.key.splitn(4, '/');
        if let (Some("service"), Some(cluster), Some(service), Some(_)) = (parts.next(), parts.next(), parts.next(), parts.next()) {
            let s = ServiceRef { region: t.region.clone(), cluster: cluster.to_string(), service: service.to_string() };
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Clusters with an instances series, as `(region, cluster)`.
pub fn charted_clusters(view: &View) -> Vec<(String, String)> {
    view.timeline
        .iter()
        .filter_map(|t| {
            let cluster = t.key.strip_prefix("cluster/")?.strip_suffix("/instances")?;
            Some((t.region.clone(), cluster.to_string()))
        })
        .collect()
}

/// A service's tasks chart: desired, running and pending over time.
pub fn tasks_chart(view: &View, s: &ServiceRef) -> ChartData {
    let series = TASK_SERIES
        .iter()
        .map(|what| {
            let key = format!("service/{}/{}/{what}", s.cluster, s.service);
            Series::new(*what, timeline_points(view, &s.region, &key).map(|t| t.points.clone()).unwrap_or_default())
        })
        .collect();
    ChartData {
        id: slug(&["tasks", &s.region, &s.cluster, &s.service]),
        title: format!("Tasks of service {}", s.service),
        subject: format!("{} tasks", s.service),
        unit: Unit::Count,
        series,
        ref_lines: capacity_lines(view, s),
        markers: activity_markers(view, s),
    }
}

/// A service's CPU utilisation chart (`AWS/ECS` `CPUUtilization`), if the metric has datapoints.
pub fn cpu_chart(view: &View, s: &ServiceRef) -> Option<ChartData> {
    let m = metric(view, &s.region, "AWS/ECS", "CPUUtilization", &[("ClusterName", &s.cluster), ("ServiceName", &s.service)])?;
    Some(ChartData {
        id: slug(&["cpu", &s.region, &s.cluster, &s.service]),
        title: format!("CPU utilization of service {} (AWS/ECS, 1 min)", s.service),
        subject: format!("{} CPU utilization", s.service),
        unit: Unit::Percent,
        series: metric_series(m),
        ref_lines: target_lines(view, s),
        markers: activity_markers(view, s),
    })
}

/// A cluster's instances chart: registered container instances over time (and, once they come, its Auto
/// Scaling group's desired and in-service counts). `None` when the cluster never had an instance.
pub fn instances_chart(view: &View, region: &str, cluster: &str) -> Option<ChartData> {
    let points = timeline_points(view, region, &format!("cluster/{cluster}/instances"))?.points.clone();
    let mut series = vec![Series::new("instances", points)];
    series.extend(asg_series(view, region, cluster));
    if series.iter().all(|s| s.points.iter().all(|p| p[1] == 0.0)) {
        return None;
    }
    Some(ChartData {
        id: slug(&["instances", region, cluster]),
        title: format!("Container instances of cluster {cluster}"),
        subject: format!("{cluster} instances"),
        unit: Unit::Count,
        series,
        ref_lines: Vec::new(),
        markers: instance_markers(view, region, cluster),
    })
}

/// Every chart of the panel, grouped: each cluster's services, then the cluster itself. Charts without two
/// points yet are left out (one point draws no line), and so are groups left empty.
pub fn scaling_charts(view: &View) -> Vec<ChartGroup> {
    let services = charted_services(view);
    let regions = {
        let mut r: Vec<&str> = view.timeline.iter().map(|t| t.region.as_str()).collect();
        r.dedup();
        r
    };
    let in_region = |region: &str| if regions.len() > 1 { format!(" ({region})") } else { String::new() };
    let mut groups = Vec::new();
    for (region, cluster) in charted_clusters(view) {
        for s in services.iter().filter(|s| s.region == region && s.cluster == cluster) {
            let charts: Vec<ChartData> =
                std::iter::once(tasks_chart(view, s)).chain(cpu_chart(view, s)).filter(ChartData::has_points).collect();
            if !charts.is_empty() {
                groups.push(ChartGroup {
                    key: slug(&["service", &region, &cluster, &s.service]),
                    heading: format!("Service {} · cluster {cluster}{}", s.service, in_region(&region)),
                    charts,
                });
            }
        }
        let charts: Vec<ChartData> = instances_chart(view, &region, &cluster)
            .into_iter()
            .chain(capacity_provider_charts(view, &region, &cluster))
            .filter(ChartData::has_points)
            .collect();
        if !charts.is_empty() {
            groups.push(ChartGroup {
                key: slug(&["cluster", &region, &cluster]),
                heading: format!("Cluster {cluster}{}", in_region(&region)),
                charts,
            });
        }
    }
    groups
}

/// A scaling activity as a marker: `startMillis`, its description and cause as Application Auto Scaling
/// and EC2 Auto Scaling write them. The label is what changed (`→4` from "Setting desired count to 4.",
/// `+1`/`−1` for an instance launched or terminated); a cause naming an alarm of a target tracking policy
/// points at the chart's `target` line.
pub fn activity_marker(start_millis: f64, status_code: &str, description: &str, cause: &str) -> Marker {
    let label = if let Some(rest) = description.split("desired count to ").nth(1) {
        format!("→{}", rest.trim_end_matches('.').trim())
    } else if description.starts_with("Launching") {
        "+1".to_string()
    } else if description.starts_with("Terminating") {
        "−1".to_string()
    } else {
        "•".to_string()
    };
    let failed = matches!(status_code, "Failed" | "Unfulfilled" | "Cancelled");
    let text = if failed { format!("{description} ({status_code}) {cause}") } else { format!("{description} {cause}") };
    let cause = (cause.contains("TargetTracking") || cause.contains("triggered policy")).then(|| "target".to_string());
    Marker { at: start_millis, label, text: text.trim().to_string(), cause }
}

// ---- Where the coming view fields plug in (each empty until its branch is merged) ----

/// The target value of each target tracking policy of the service's scalable target that tracks its CPU
/// (`view.scalableTargets[resourceId == s.resource_id()].policies[policyType == TargetTrackingScaling &&
/// metricName == CPUUtilization]`), as `RefLine { label: "target", value: targetValue }` (the label is what
/// [`activity_marker`] names as the cause).
pub fn target_lines(_view: &View, _s: &ServiceRef) -> Vec<RefLine> {
    Vec::new()
}

/// The scalable target's `minCapacity` and `maxCapacity`, as `RefLine`s labelled `min` and `max`.
pub fn capacity_lines(_view: &View, _s: &ServiceRef) -> Vec<RefLine> {
    Vec::new()
}

/// The scalable target's activities (`activities[]`), each through [`activity_marker`].
pub fn activity_markers(_view: &View, _s: &ServiceRef) -> Vec<Marker> {
    Vec::new()
}

/// The Auto Scaling group behind the cluster's capacity provider: timeline `asg/<group>/desired` and
/// `asg/<group>/inService` as series named `ASG desired` and `ASG in service`.
pub fn asg_series(_view: &View, _region: &str, _cluster: &str) -> Vec<Series> {
    Vec::new()
}

/// That group's activities (`autoScalingGroups[].activities[]`), each through [`activity_marker`].
pub fn instance_markers(_view: &View, _region: &str, _cluster: &str) -> Vec<Marker> {
    Vec::new()
}

/// One chart per capacity provider of the cluster: `AWS/ECS/ManagedScaling` `CapacityProviderReservation`
/// (dimensions CapacityProviderName, ClusterName) through `metric_series`, `Unit::Percent`, with
/// `RefLine { label: "target", value: targetCapacity }`.
pub fn capacity_provider_charts(_view: &View, _region: &str, _cluster: &str) -> Vec<ChartData> {
    Vec::new()
}
