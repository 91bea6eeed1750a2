//! The Scaling panel's charts, built from the view: per service with timeline samples, a tasks chart
//! (desired, running, pending: `view.timeline` keys `service/<cluster>/<service>/…`, every 10 virtual
//! seconds) and a CPU utilisation chart (`view.metrics` `AWS/ECS` `CPUUtilization` with dimensions ClusterName
//! and ServiceName, one-minute average and maximum); per cluster, an instances chart
//! (`cluster/<cluster>/instances`), left out for a cluster that never had an instance (Fargate only).
//!
//! Scaling adds, from `view.scalableTargets`, a target tracking policy's target on the CPU chart
//! ([`target_lines`]), the scalable target's min/max on the tasks chart ([`capacity_lines`]) and Application
//! Auto Scaling activities as markers on both ([`activity_markers`]); from `view.capacityProviders` and
//! `view.autoScalingGroups`, the group's desired and in-service counts on the instances chart
//! ([`asg_series`], timeline keys `asg/<group>/desired|inService`), the group's activities
//! ([`instance_markers`]) and a `CapacityProviderReservation` chart with its target capacity
//! ([`capacity_provider_charts`]). [`activity_marker`] turns an activity's fields into a marker.

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

// ---- Application Auto Scaling and capacity providers (view.scalableTargets, view.autoScalingGroups,
// view.capacityProviders) ----

fn scalable_target<'a>(view: &'a View, s: &ServiceRef) -> Option<&'a ecs_sim::view::autoscaling::ScalableTargetView> {
    let id = s.resource_id();
    view.scalable_targets.iter().find(|t| t.region == s.region && t.resource_id == id && t.service_namespace == "ecs")
}

/// The target value of each target tracking policy of the service's scalable target that tracks its CPU,
/// as `RefLine { label: "target", value: targetValue }` (the label is what [`activity_marker`] names as the
/// cause).
pub fn target_lines(view: &View, s: &ServiceRef) -> Vec<RefLine> {
    scalable_target(view, s)
        .into_iter()
        .flat_map(|t| t.policies.iter())
        .filter(|p| p.policy_type == "TargetTrackingScaling" && p.metric_name == "CPUUtilization")
        .filter_map(|p| p.target_value.map(|v| RefLine { label: "target".into(), value: v }))
        .collect()
}

/// The scalable target's `minCapacity` and `maxCapacity`, as `RefLine`s labelled `min` and `max`.
pub fn capacity_lines(view: &View, s: &ServiceRef) -> Vec<RefLine> {
    scalable_target(view, s)
        .map(|t| {
            vec![
                RefLine { label: "min".into(), value: f64::from(t.min_capacity) },
                RefLine { label: "max".into(), value: f64::from(t.max_capacity) },
            ]
        })
        .unwrap_or_default()
}

/// The scalable target's activities (`activities[]`), each through [`activity_marker`].
pub fn activity_markers(view: &View, s: &ServiceRef) -> Vec<Marker> {
    scalable_target(view, s)
        .into_iter()
        .flat_map(|t| t.activities.iter())
        .map(|a| activity_marker(a.start_millis as f64, &a.status_code, &a.description, &a.cause))
        .collect()
}

/// The Auto Scaling groups behind the cluster's capacity providers.
fn cluster_groups<'a>(view: &'a View, region: &str, cluster: &str) -> Vec<&'a ecs_sim::view::autoscaling_groups::AutoScalingGroupView> {
    let Some(c) = view.clusters.iter().find(|c| c.region == region && c.name == cluster) else { return Vec::new() };
    view.capacity_providers
        .iter()
        .filter(|p| p.region == region && c.capacity_providers.contains(&p.name))
        .filter_map(|p| p.auto_scaling_group_name.as_deref())
        .filter_map(|g| view.auto_scaling_groups.iter().find(|a| a.region == region && a.name == g))
        .collect()
}

/// The Auto Scaling groups behind the cluster's capacity providers: timeline `asg/<group>/desired` and
/// `asg/<group>/inService` as series named `ASG desired` and `ASG in service`.
pub fn asg_series(view: &View, region: &str, cluster: &str) -> Vec<Series> {
    let groups = cluster_groups(view, region, cluster);
    let one = groups.len() == 1;
    groups
        .iter()
        .flat_map(|g| {
            [("desired", "desired"), ("inService", "in service")].into_iter().map(move |(key, name)| {
                let label = if one { format!("ASG {name}") } else { format!("{} {name}", g.name) };
                let points = timeline_points(view, region, &format!("asg/{}/{key}", g.name)).map(|t| t.points.clone()).unwrap_or_default();
                Series::new(label, points)
            })
        })
        .collect()
}

/// Those groups' activities (`autoScalingGroups[].activities[]`), each through [`activity_marker`].
pub fn instance_markers(view: &View, region: &str, cluster: &str) -> Vec<Marker> {
    cluster_groups(view, region, cluster)
        .iter()
        .flat_map(|g| g.activities.iter())
        .map(|a| activity_marker(a.start_millis as f64, &a.status_code, &a.description, &a.cause))
        .collect()
}

/// One chart per capacity provider of the cluster: `AWS/ECS/ManagedScaling` `CapacityProviderReservation`
/// (dimensions CapacityProviderName, ClusterName), with its target capacity as the `target` line.
pub fn capacity_provider_charts(view: &View, region: &str, cluster: &str) -> Vec<ChartData> {
    view.capacity_providers
        .iter()
        .filter(|p| p.region == region)
        .filter_map(|p| {
            let m = metric(
                view,
                region,
                "AWS/ECS/ManagedScaling",
                "CapacityProviderReservation",
                &[("CapacityProviderName", &p.name), ("ClusterName", cluster)],
            )?;
            Some(ChartData {
                id: slug(&["cpr", region, cluster, &p.name]),
                title: format!("CapacityProviderReservation of {} (AWS/ECS/ManagedScaling, 1 min)", p.name),
                subject: format!("{} capacity provider reservation", p.name),
                unit: Unit::Percent,
                series: metric_series(m),
                ref_lines: vec![RefLine { label: "target".into(), value: f64::from(p.target_capacity) }],
                markers: instance_markers(view, region, cluster),
            })
        })
        .collect()
}
