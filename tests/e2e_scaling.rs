//! End to end, issue 7's "Seeing it" in the built page in headless Chromium at 1440×1043: lesson 8
//! (`alb-dynamic-ports`) solved with "Show solution", then `sandbox load http://$DNS/ --rps 200 --for 10m`
//! and five virtual minutes (`sleep 300`). The Scaling panel beside the cluster view shows, for service web,
//! a tasks chart (desired, running, pending: lines with points, a summary for screen readers, the newest
//! values in the legend) and a CPU utilisation chart (average and maximum, above 0% under load); for cluster
//! shop, an instances chart. The "Table" toggle (`aria-pressed`, by click and by keyboard) swaps a chart for
//! a table of the same points, newest first. Saves `docs/screenshots/scaling-charts.png` (in a window 1900
//! pixels tall, so the whole panel fits).
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_scaling`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::Locator;
use fantoccini::key::Key;
use harness::page::{open_lesson, settle, show_solution_within, text, type_line};
use harness::{Browser, crate_dir, js, wait_until};
use serde_json::{Value, json};
use std::time::Duration;

const TASKS: &str = "[data-chart=tasks-us-east-1-shop-web]";
const CPU: &str = "[data-chart=cpu-us-east-1-shop-web]";
const INSTANCES: &str = "[data-chart=instances-us-east-1-shop]";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lesson_8_under_load_shows_task_cpu_and_instance_charts_with_tables_in_chromium() {
    let b = Browser::start(1440, 1043).await;
    run(&b).await;
    b.close().await;
}

/// How many `M`/`H`/`L` points a chart's lines draw, per series.
async fn line_points(client: &fantoccini::Client, chart: &str) -> Vec<(String, usize)> {
    let v = js(
        client,
        &format!(
            "return [...document.querySelectorAll('{chart} path.chart-line')].map(p => [p.dataset.series, (p.getAttribute('d').match(/[MHL]/g) || []).length]);"
        ),
    )
    .await;
    serde_json::from_value(v).expect("series rows")
}

async fn run(b: &Browser) {
    let client = &b.client;
    open_lesson(client, b, "alb-dynamic-ports").await;
    show_solution_within(client, Duration::from_secs(150)).await;
    settle(client).await;
    type_line(client, "sandbox load http://$DNS/ --rps 200 --for 10m").await;
    type_line(client, "sleep 300").await;
    settle(client).await;

    // The panel beside the cluster view: service web's two charts, then cluster shop's instances.
    let groups = js(client, "return [...document.querySelectorAll('[data-testid=scaling] .scaling-group')].map(g => g.dataset.group);").await;
    assert_eq!(groups, json!(["service-us-east-1-shop-web", "cluster-us-east-1-shop"]));
    let beside = js(
        client,
        "const s = document.querySelector('.cluster-scroll').getBoundingClientRect(), p = document.querySelector('[data-testid=scaling]').getBoundingClientRect(); return p.left >= s.right - 1 && p.top < s.bottom && p.width > 300;",
    )
    .await;
    assert_eq!(beside, json!(true), "the panel is a column beside the cluster view");

    // Tasks: three lines with many points (a sample every 10 s), the summary and the legend's newest values.
    let tasks = line_points(client, TASKS).await;
    let names: Vec<&str> = tasks.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(names, ["desired", "running", "pending"]);
    assert!(tasks.iter().all(|t| t.1 > 20), "{tasks:?}");
    let label = text(client, &format!("return document.querySelector('{TASKS} svg.chart-svg').getAttribute('aria-label');")).await;
    assert_eq!(label, "web tasks: desired 4, running 4, pending 0");
    assert_eq!(js(client, &format!("return document.querySelector('{TASKS} svg.chart-svg').getAttribute('role');")).await, json!("img"));
    let legend = text(client, &format!("return [...document.querySelectorAll('{TASKS} .chart-legend li')].map(l => l.textContent).join(' | ');")).await;
    assert_eq!(legend, "desired4 | running4 | pending0");
    // Distinct dash patterns, not colour alone.
    let dashes = js(client, &format!("return [...document.querySelectorAll('{TASKS} path.chart-line')].map(p => p.getAttribute('stroke-dasharray') || '');")).await;
    assert_eq!(dashes, json!(["", "6 3", "2 3"]));
    let caption = text(client, &format!("return document.querySelector('{TASKS} figcaption span').textContent;")).await;
    assert_eq!(caption, "Tasks of service web");
    let ticks = text(client, &format!("return [...document.querySelectorAll('{TASKS} text.tick-t')].map(t => t.textContent).join(' ');")).await;
    assert!(!ticks.is_empty() && ticks.split(' ').all(|t| t.len() == 5 && t.as_bytes()[2] == b':'), "HH:MM ticks: {ticks}");

    // CPU: average and maximum, a datapoint a minute, above zero under 200 requests a second.
    let cpu = line_points(client, CPU).await;
    assert_eq!(cpu.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), ["average", "maximum"]);
    assert!(cpu.iter().all(|c| c.1 >= 4), "{cpu:?}");
    let label = text(client, &format!("return document.querySelector('{CPU} svg.chart-svg').getAttribute('aria-label');")).await;
    let avg: f64 = label
        .strip_prefix("web CPU utilization: average ")
        .and_then(|r| r.split('%').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{label}"));
    assert!(avg > 0.0 && avg <= 100.0, "{label}");
    let label = text(client, &format!("return document.querySelector('{INSTANCES} svg.chart-svg').getAttribute('aria-label');")).await;
    assert_eq!(label, "shop instances: instances 2");
    harness::screenshot(client, &crate_dir().join("target/screenshots/scaling-charts-plain.png")).await;

    // The table view of the tasks chart, by click: a caption, column headers, time row headers, 20 rows.
    let toggle = format!("{TASKS} .chart-table-toggle");
    assert_eq!(js(client, &format!("return document.querySelector('{toggle}').getAttribute('aria-pressed');")).await, json!("false"));
    client.find(Locator::Css(&toggle)).await.expect("the toggle").click().await.expect("click");
    let table: Value = wait_until(Duration::from_secs(5), "the tasks table", || async {
        let v = js(
            client,
            &format!(
                "const t = document.querySelector('{TASKS} table'); if (!t) return null; return [t.caption.textContent, [...t.querySelectorAll('thead th')].map(h => [h.textContent, h.getAttribute('scope')]), t.querySelectorAll('tbody tr').length, [...t.querySelectorAll('tbody tr')].slice(0, 2).map(r => [...r.children].map(c => c.textContent)), t.querySelector('tbody th').getAttribute('scope'), !!document.querySelector('{TASKS} svg.chart-svg'), document.querySelector('{toggle}').getAttribute('aria-pressed')];"
            ),
        )
        .await;
        (!v.is_null()).then_some(v)
    })
    .await;
    assert!(table[0].as_str().unwrap().starts_with("Tasks of service web: the newest 20 of "), "{table}");
    assert_eq!(table[1], json!([["Time", "col"], ["desired", "col"], ["running", "col"], ["pending", "col"]]));
    assert_eq!(table[2], json!(20));
    let first = &table[3][0];
    assert_eq!(first.as_array().unwrap()[1..], [json!("4"), json!("4"), json!("0")], "newest row first: {table}");
    let (t0, t1) = (table[3][0][0].as_str().unwrap(), table[3][1][0].as_str().unwrap());
    assert!(t0 > t1, "newest first: {t0} then {t1}");
    assert_eq!(table[4], json!("row"));
    assert_eq!(table[5], json!(false), "the table replaces the picture");
    assert_eq!(table[6], json!("true"));

    // By keyboard: focus the CPU chart's toggle and press Enter.
    let cpu_toggle = client.find(Locator::Css(&format!("{CPU} .chart-table-toggle"))).await.expect("the CPU toggle");
    js(client, &format!("document.querySelector('{CPU} .chart-table-toggle').focus();")).await;
    let enter: String = char::from(Key::Enter).into();
    cpu_toggle.send_keys(&enter).await.expect("press Enter");
    let rows = wait_until(Duration::from_secs(5), "the CPU table", || async {
        let v = js(client, &format!("const t = document.querySelector('{CPU} table'); return t ? t.querySelectorAll('tbody tr').length : null;")).await;
        v.as_u64()
    })
    .await;
    assert!(rows >= 4, "a row a minute: {rows}");
    let head = js(client, &format!("return [...document.querySelectorAll('{CPU} thead th')].map(h => h.textContent);")).await;
    assert_eq!(head, json!(["Time", "average", "maximum"]));
    let cell = text(client, &format!("return document.querySelector('{CPU} tbody td').textContent;")).await;
    assert!(cell.ends_with('%'), "{cell}");
    // Back to the picture for the CPU chart.
    cpu_toggle.send_keys(&enter).await.expect("press Enter");
    wait_until(Duration::from_secs(5), "the CPU chart again", || async {
        let v = js(client, &format!("return !!document.querySelector('{CPU} svg.chart-svg');")).await;
        (v == json!(true)).then_some(())
    })
    .await;
    // The picture: the tasks and CPU charts drawn, the instances chart as a table, in a window 1900 pixels
    // tall so the whole panel fits beside the cluster.
    client.find(Locator::Css(&toggle)).await.expect("the toggle").click().await.expect("click");
    client.find(Locator::Css(&format!("{INSTANCES} .chart-table-toggle"))).await.expect("toggle").click().await.expect("click");
    wait_until(Duration::from_secs(5), "the tasks chart again and the instances table", || async {
        let v = js(client, &format!("return !!document.querySelector('{TASKS} svg.chart-svg') && !!document.querySelector('{INSTANCES} table');")).await;
        (v == json!(true)).then_some(())
    })
    .await;
    client.set_window_size(1440, 1900).await.expect("resize");
    js(client, "document.querySelector('.cluster-scroll').scrollTop = 0; document.querySelector('[data-testid=scaling]').scrollTop = 0; document.activeElement.blur();").await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    harness::screenshot(client, &crate_dir().join("docs/screenshots/scaling-charts.png")).await;
    client.set_window_size(1440, 1043).await.expect("resize back");

    // Hiding the panel gives the drawing its width back; showing it again brings the charts back.
    client.find(Locator::Css(".scaling-head .scaling-toggle")).await.expect("hide").click().await.expect("click");
    let hidden = js(client, "return [document.querySelectorAll('[data-testid=scaling] figure').length, document.querySelector('.scaling-toggle').getAttribute('aria-expanded')];").await;
    assert_eq!(hidden, json!([0, "false"]));
    client.find(Locator::Css(".scaling-panel.collapsed .scaling-toggle")).await.expect("show").click().await.expect("click");
    let shown = js(client, "return document.querySelectorAll('[data-testid=scaling] figure').length;").await;
    assert_eq!(shown, json!(3));
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
}
