//! The charts' data and geometry, natively: values in words, the screen-reader summary, the table's newest
//! rows, the time window and ticks; and the Scaling panel's charts from lesson 8 solved with 200 requests a
//! second running for five virtual minutes.

use super::chart_data::{ChartData, Marker, RefLine, Series, TABLE_ROWS, Unit, hhmm, hhmmss};
use super::scale::{BOTTOM, Frame, LEFT, MIN_SPAN_MS, RIGHT, TOP, WINDOW_MS};
use super::scaling_data::{activity_marker, scaling_charts};
use ecs_sim::lesson;

/// 2026-03-02 09:00:00 UTC, where the sandbox's clock starts.
const START: f64 = 1_772_442_000_000.0;
const MIN: f64 = 60_000.0;

fn tasks(points: &[(f64, f64, f64, f64)]) -> ChartData {
    let series = |i: usize, name: &str| {
        Series::new(name, points.iter().map(|p| [p.0, [p.1, p.2, p.3][i]]).collect())
    };
    ChartData {
        id: "tasks-web".into(),
        title: "Tasks of service web".into(),
        subject: "web tasks".into(),
        unit: Unit::Count,
        series: vec![series(0, "desired"), series(1, "running"), series(2, "pending")],
        ref_lines: Vec::new(),
        markers: Vec::new(),
    }
}

#[test]
fn values_read_as_whole_counts_and_percentages_with_one_decimal() {
    assert_eq!(Unit::Count.format(4.0), "4");
    assert_eq!(Unit::Count.format(2.5), "2.5");
    assert_eq!(Unit::Percent.format(42.46), "42.5%");
    assert_eq!(Unit::Percent.format(100.0), "100%");
    assert_eq!(hhmm(START), "09:00");
    assert_eq!(hhmm(START + 75.0 * MIN + 59_000.0), "10:15");
    assert_eq!(hhmmss(START + 10_000.0), "09:00:10");
}

#[test]
fn the_summary_names_each_series_newest_value_the_reference_lines_and_the_activities() {
    let mut c = tasks(&[(START, 2.0, 1.0, 1.0), (START + 10_000.0, 4.0, 3.0, 1.0)]);
    assert_eq!(c.summary(), "web tasks: desired 4, running 3, pending 1");
    c.ref_lines = vec![RefLine { label: "min".into(), value: 1.0 }, RefLine { label: "max".into(), value: 8.0 }];
    c.markers = vec![Marker { at: START, label: "→4".into(), text: "Setting desired count to 4.".into(), cause: None }];
    assert_eq!(c.summary(), "web tasks: desired 4, running 3, pending 1, min 1, max 8, 1 scaling activity");
    c.series.push(Series::new("ASG desired", Vec::new()));
    assert!(c.summary().contains("ASG desired no data"));
}

#[test]
fn the_table_lists_the_newest_instants_first_and_at_most_the_limit() {
    let pts: Vec<_> = (0..30).map(|i| (START + f64::from(i) * 10_000.0, 4.0, f64::from(i % 5), 0.0)).collect();
    let mut c = tasks(&pts);
    // A series with fewer points leaves a gap in the rows it has no point for.
    c.series[2].points.remove(29);
    let rows = c.table_rows(TABLE_ROWS);
    assert_eq!(rows.len(), TABLE_ROWS);
    assert_eq!(c.instants(), 30);
    assert_eq!(hhmmss(rows[0].at), "09:04:50");
    assert_eq!(hhmmss(rows[19].at), "09:01:40");
    assert_eq!(rows[0].values, vec![Some(4.0), Some(4.0), None]);
    assert_eq!(rows[1].values, vec![Some(4.0), Some(3.0), Some(0.0)]);
    assert!(rows.windows(2).all(|w| w[0].at > w[1].at), "newest first");
}

#[test]
fn one_point_is_no_line() {
    assert!(!tasks(&[(START, 1.0, 1.0, 0.0)]).has_points());
    assert!(tasks(&[(START, 1.0, 1.0, 0.0), (START + 10_000.0, 1.0, 1.0, 0.0)]).has_points());
}

#[test]
fn the_window_is_the_newest_half_hour_and_at_least_three_minutes() {
    let short = tasks(&[(START, 1.0, 0.0, 1.0), (START + MIN, 1.0, 1.0, 0.0)]);
    let f = Frame::fit(&short, START + MIN);
    assert_eq!((f.t0, f.t1), (START + MIN - MIN_SPAN_MS, START + MIN));
    // Counts: the axis goes to at least 4, in whole steps.
    assert_eq!((f.top, f.y_step), (4.0, 1.0));
    assert_eq!(f.y_ticks(), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
    assert_eq!(f.x(f.t0), LEFT);
    assert_eq!(f.x(f.t1), RIGHT);
    assert_eq!((f.y(0.0), f.y(4.0)), (BOTTOM, TOP));
    let ticks: Vec<String> = f.time_ticks().into_iter().map(hhmm).collect();
    assert_eq!(ticks, ["08:58", "08:59", "09:00", "09:01"]);
    // An hour of samples: only the newest half hour, ticks every 10 minutes.
    let long: Vec<_> = (0..=360).map(|i| (START + f64::from(i) * 10_000.0, 12.0, 11.0, 1.0)).collect();
    let f = Frame::fit(&tasks(&long), START + 60.0 * MIN);
    assert_eq!(f.t0, START + 60.0 * MIN - WINDOW_MS);
    assert_eq!((f.top, f.y_step), (15.0, 5.0));
    let ticks: Vec<String> = f.time_ticks().into_iter().map(hhmm).collect();
    assert_eq!(ticks, ["09:30", "09:40", "09:50", "10:00"]);
    assert!(!f.path(&tasks(&long).series[0].points).contains(&format!("{:.1}", f.x(START))), "older points are left out");
}

#[test]
fn percentages_go_to_100_at_least_and_above_when_a_value_or_target_does() {
    let mut cpu = tasks(&[(START, 30.0, 50.0, 0.0), (START + MIN, 40.0, 60.0, 0.0)]);
    cpu.unit = Unit::Percent;
    let f = Frame::fit(&cpu, START + MIN);
    assert_eq!((f.top, f.y_ticks()), (100.0, vec![0.0, 50.0, 100.0]));
    cpu.ref_lines.push(RefLine { label: "target".into(), value: 130.0 });
    assert_eq!(Frame::fit(&cpu, START + MIN).top, 150.0);
}

#[test]
fn counts_are_drawn_as_steps_and_percentages_as_lines() {
    let c = tasks(&[(START, 1.0, 0.0, 0.0), (START + MIN, 2.0, 0.0, 0.0)]);
    let f = Frame::fit(&c, START + MIN);
    let d = f.path(&c.series[0].points);
    assert!(d.starts_with('M') && d.contains(" H") && d.contains(" V") && !d.contains('L'), "{d}");
    let mut p = c.clone();
    p.unit = Unit::Percent;
    let d = Frame::fit(&p, START + MIN).path(&p.series[0].points);
    assert!(d.contains(" L") && !d.contains(" H"), "{d}");
}

#[test]
fn a_scaling_activity_becomes_a_marker_naming_what_changed_and_its_cause() {
    let m = activity_marker(
        START,
        "Successful",
        "Setting desired count to 6.",
        "monitor alarm TargetTracking-service/shop/web-AlarmHigh-1a2b in state ALARM triggered policy cpu50",
    );
    assert_eq!(m.label, "→6");
    assert_eq!(m.cause.as_deref(), Some("target"));
    assert!(m.text.starts_with("Setting desired count to 6. monitor alarm"));
    let m = activity_marker(START, "Successful", "Launching a new EC2 instance: i-0123", "At 09:00 a user request");
    assert_eq!((m.label.as_str(), m.cause), ("+1", None));
    let m = activity_marker(START, "Failed", "Terminating EC2 instance: i-0123", "");
    assert_eq!(m.label, "−1");
    assert_eq!(m.text, "Terminating EC2 instance: i-0123 (Failed)");
}

/// Lesson 8 solved, then `sandbox load` at 200 requests a second while five virtual minutes pass.
#[test]
fn lesson_8_under_load_charts_the_web_services_tasks_and_cpu_and_the_clusters_instances() {
    let l = lesson::builtin().into_iter().find(|l| l.id == "alb-dynamic-ports").expect("lesson 8 ships");
    let (mut sb, mut ws) = l.start().expect("the setup runs");
    for line in l.solution.iter().map(String::as_str).chain(["sandbox load http://$DNS/ --rps 200 --for 10m", "sleep 300"]) {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    }
    let view = sb.view();
    let groups = scaling_charts(&view);
    let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["service-us-east-1-shop-web", "cluster-us-east-1-shop"]);
    assert_eq!(groups[0].heading, "Service web · cluster shop");
    let ids: Vec<&str> = groups[0].charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["tasks-us-east-1-shop-web", "cpu-us-east-1-shop-web"]);
    let tasks = &groups[0].charts[0];
    assert_eq!(tasks.summary(), "web tasks: desired 4, running 4, pending 0");
    assert!(tasks.series[0].points.len() > 30, "10-second samples for several minutes");
    let cpu = &groups[0].charts[1];
    assert_eq!(cpu.unit, Unit::Percent);
    let names: Vec<&str> = cpu.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["average", "maximum"]);
    let avg = cpu.series[0].latest().expect("a CPU datapoint");
    assert!(avg > 0.0, "200 requests a second use CPU: {avg}");
    assert!(cpu.series[0].points.len() >= 4, "a datapoint a minute: {:?}", cpu.series[0].points);
    assert!(cpu.summary().starts_with("web CPU utilization: average "), "{}", cpu.summary());
    let instances = &groups[1].charts[0];
    assert_eq!(instances.summary(), "shop instances: instances 2");
    assert!(tasks.table_rows(TABLE_ROWS).len() == TABLE_ROWS);
}

#[test]
fn a_fargate_only_cluster_gets_no_instances_chart_and_nothing_is_charted_before_time_passes() {
    let mut sb = ecs_sim::Sandbox::new(7);
    let mut ws = ecs_sim::MemoryWorkspace::default();
    let out = sb.execute("aws ecs create-cluster --cluster-name f", &mut ws);
    assert_eq!(out.exit_code, 0);
    assert!(scaling_charts(&sb.view()).is_empty(), "no samples yet");
    let out = sb.execute("sleep 60", &mut ws);
    assert_eq!(out.exit_code, 0);
    assert!(scaling_charts(&sb.view()).is_empty(), "a cluster that never had an instance has no chart");
}
