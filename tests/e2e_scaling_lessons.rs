//! End to end, issue 7's lessons in the built page in headless Chromium: lesson 11 (`target-tracking`) typed
//! step by step, with the charts caught during the scale-out — service web's tasks chart with its min/max
//! lines and the Application Auto Scaling activity that raised the desired count as a marker, the CPU chart
//! with the policy's target line — saved as `docs/screenshots/scale-out-charts.png`; then every goal met after
//! the quiet minutes. Lesson 12 (`capacity-provider`) typed step by step: its launch template gets a note, not
//! a task definition's verdict; its tasks wait for capacity in a column of their own, then run on the
//! instances that came; the cluster shows the Auto Scaling group's lines and the CapacityProviderReservation
//! chart with its target capacity. Lesson 13 (`fargate-spot`) completed with "Show solution", its Spot tasks marked as such.
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_scaling_lessons`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use ecs_sim::lesson;
use harness::page::{click, goals, open_lesson, pane_to_top, set_speed, settle, show_solution_within, text, type_line};
use harness::{Browser, crate_dir, js, wait_until};
use serde_json::json;
use std::time::Duration;

const TASKS: &str = "[data-chart=tasks-us-east-1-shop-web]";
const CPU: &str = "[data-chart=cpu-us-east-1-shop-web]";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scaling_lessons_11_12_13_can_be_completed_in_chromium() {
    let b = Browser::start(1440, 1300).await;
    lesson_11(&b).await;
    lesson_12(&b).await;
    lesson_13(&b).await;
    assert!(js(&b.client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
    b.close().await;
}

/// Lesson 11's solution, one line at a time (the lesson's own commands).
const LESSON_11: [&str; 3] = [
    "aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/shop/web --min-capacity 2 --max-capacity 6",
    "aws application-autoscaling put-scaling-policy --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/shop/web --policy-name cpu50 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{\"TargetValue\": 50, \"PredefinedMetricSpecification\": {\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}' --query 'Alarms[].AlarmName'",
    "sleep 300",
];

async fn lesson_11(b: &Browser) {
    let client = &b.client;
    open_lesson(client, b, "target-tracking").await;
    set_speed(client, 4).await;
    settle(client).await;
    assert!(goals(client).await.iter().all(|(_, met)| !met), "no goal at the start");
    for line in LESSON_11 {
        type_line(client, line).await;
    }
    settle(client).await;
    // Scaled out: the tasks chart has min/max lines and a marker "→N" from the activity; CPU has its target.
    let marks = wait_until(Duration::from_secs(60), "a scale-out marker on the tasks chart", || async {
        let v = js(client, &format!("return [...document.querySelectorAll('{TASKS} .chart-marker .marker-label')].map(m => m.textContent);")).await;
        v.as_array().filter(|a| !a.is_empty()).cloned()
    })
    .await;
    assert!(marks.iter().any(|m| m.as_str().is_some_and(|s| s.starts_with('→'))), "{marks:?}");
    let refs = js(client, &format!("return [...document.querySelectorAll('{TASKS} .chart-ref')].map(r => r.dataset.ref);")).await;
    assert_eq!(refs, json!(["min", "max"]));
    let target = js(client, &format!("return [...document.querySelectorAll('{CPU} .chart-ref')].map(r => r.dataset.ref);")).await;
    assert_eq!(target, json!(["target"]));
    let desired = text(client, &format!("return document.querySelector('{TASKS} .chart-legend li[data-series=desired] .legend-value').textContent;")).await;
    let desired: u32 = desired.parse().unwrap_or_else(|_| panic!("desired: {desired}"));
    assert!((3..=6).contains(&desired), "scaled out within max 6: {desired}");
    // Focusing the marker names what caused it and outlines the target line it came from.
    js(client, &format!("document.querySelector('{CPU} .chart-marker').focus();")).await;
    let caused = wait_until(Duration::from_secs(5), "the marker to open", || async {
        let v = js(client, &format!("const m = document.querySelector('{CPU} .chart-marker.open'); return m ? [m.querySelector('.marker-text').textContent, !!document.querySelector('{CPU} .chart-ref.caused')] : null;")).await;
        (!v.is_null()).then_some(v)
    })
    .await;
    assert!(caused[0].as_str().unwrap().contains("AlarmHigh"), "{caused}");
    assert_eq!(caused[1], json!(true), "the target line is highlighted as the cause");
    js(client, "document.querySelector('.cluster-scroll').scrollTop = 0; document.querySelector('[data-testid=scaling]').scrollTop = 0;").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    harness::screenshot(client, &crate_dir().join("docs/screenshots/scale-out-charts.png")).await;
    js(client, "document.activeElement.blur();").await;
    // The quiet minutes after the spike: AlarmLow brings web back to 2.
    for _ in 0..3 {
        type_line(client, "sleep 600").await;
    }
    wait_until(Duration::from_secs(90), "every goal of lesson 11", || async {
        let g = goals(client).await;
        (!g.is_empty() && g.iter().all(|(_, met)| *met)).then_some(())
    })
    .await;
}

async fn lesson_12(b: &Browser) {
    let client = &b.client;
    open_lesson(client, b, "capacity-provider").await;
    set_speed(client, 4).await;
    settle(client).await;
    assert!(goals(client).await.iter().all(|(_, met)| !met), "no goal at the start");
    // The launch template is EC2's document, not a task definition: a note, no verdict, no squiggle.
    click(client, ".tab[data-file='launch-template.json']").await;
    let note = wait_until(Duration::from_secs(10), "the launch template's note", || async {
        let t = text(client, "const p = document.querySelector('.problems.other-document'); return p ? p.textContent : '';").await;
        (!t.is_empty()).then_some(t)
    })
    .await;
    assert!(note.starts_with("EC2 launch template data"), "{note}");
    let verdicts = js(client, "return document.querySelectorAll('.problems .verdict, mark.sq').length;").await;
    assert_eq!(verdicts, json!(0), "the launch template is not checked as a task definition");
    // Typed up to create-service: the group has no instance, so the four tasks wait in PROVISIONING in a
    // column of their own (not as Fargate tasks); then they move onto the instances managed scaling starts.
    let l = lesson::builtin().into_iter().find(|l| l.id == "capacity-provider").expect("lesson 12 ships");
    let create_service = l.solution.iter().position(|s| s.contains("create-service")).expect("create-service");
    for line in &l.solution[..=create_service] {
        type_line(client, line).await;
    }
    settle(client).await;
    let waiting = js(
        client,
        "const c = document.querySelector('[data-cluster=batch]'); return [c.querySelectorAll('.awaiting-lane .task-chip').length, c.querySelectorAll('.fargate-lane').length, c.getAttribute('aria-label')];",
    )
    .await;
    assert_eq!(waiting[0], json!(4), "{waiting}");
    assert_eq!(waiting[1], json!(0), "{waiting}");
    assert!(waiting[2].as_str().is_some_and(|l| l.contains("4 waiting for capacity")), "{waiting}");
    pane_to_top(client).await;
    harness::screenshot(client, &crate_dir().join("target/screenshots/lesson-12-waiting.png")).await;
    for line in &l.solution[create_service + 1..] {
        type_line(client, line).await;
    }
    wait_until(Duration::from_secs(120), "every goal of lesson 12", || async {
        let g = goals(client).await;
        (!g.is_empty() && g.iter().all(|(_, met)| *met)).then_some(())
    })
    .await;
    settle(client).await;
    let placed = js(
        client,
        "const c = document.querySelector('[data-cluster=batch]'); return [c.querySelectorAll('.awaiting-lane').length, c.querySelectorAll('.instance .task-chip[data-status=RUNNING]').length, c.querySelectorAll('.task-chip[data-status=PROVISIONING]').length];",
    )
    .await;
    assert_eq!(placed, json!([0, 1, 0]), "every task on an instance, jobs running 1, none left PROVISIONING");
    let series = js(client, "return [...document.querySelectorAll('[data-chart=instances-us-east-1-batch] path.chart-line')].map(p => p.dataset.series);").await;
    assert_eq!(series, json!(["instances", "ASG desired", "ASG in service"]));
    let cpr = js(client, "return [...document.querySelectorAll('[data-chart^=cpr-us-east-1-batch] .chart-ref')].map(r => r.dataset.ref);").await;
    assert_eq!(cpr, json!(["target"]), "the CapacityProviderReservation chart with its target capacity");
    harness::screenshot(client, &crate_dir().join("target/screenshots/lesson-12-done.png")).await;
}

async fn lesson_13(b: &Browser) {
    let client = &b.client;
    open_lesson(client, b, "fargate-spot").await;
    settle(client).await;
    assert!(goals(client).await.iter().all(|(_, met)| !met), "no goal at the start");
    show_solution_within(client, Duration::from_secs(240)).await;
    settle(client).await;
    // Base 2 on FARGATE, then 1:3: six of the ten running tasks are Spot, and their chips say so.
    let spot = js(client, "const c = document.querySelector('[data-cluster=spot]'); return [c.querySelectorAll('.task-chip[data-status=RUNNING]').length, c.querySelectorAll('.task-chip.spot[data-status=RUNNING]').length];").await;
    assert_eq!(spot, json!([10, 6]));
    pane_to_top(client).await;
    harness::screenshot(client, &crate_dir().join("target/screenshots/lesson-13-done.png")).await;
}
