//! End to end, issue 6's "Seeing it" in the built page in headless Chromium at 1440×900: lesson 8
//! (`alb-dynamic-ports`) solved with "Show solution"; under the cluster view the load balancer, its listener
//! and default rule, the target group and four targets shown healthy (in words too) on distinct `host:port`s,
//! each naming the task behind it; the service card with its PRIMARY deployment and events. Then, paused,
//! a few `curl -s http://$DNS/` lines played step by step: each request step routes a dot load balancer →
//! listener → rule → target group → target, outlines the task chip that served it, and its caption names that
//! task. Focusing a target outlines its task's chip. Saves `docs/screenshots/alb-requests.png` (taken in a window 1900 pixels tall, so the chips and the
//! load balancer fit).
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_traffic`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::Client;
use harness::{Browser, crate_dir, js, wait_until};
use harness::page::{click, open_lesson, pane_to_top, set_speed, settle, show_solution_within, text, type_line};
use serde_json::{Value, json};
use std::time::Duration;

/// `[address, state, task id, aria-label]` of every target in the panel.
async fn targets(client: &Client) -> Vec<(String, String, String, String)> {
    let v = js(
        client,
        "return [...document.querySelectorAll('[data-testid=load-balancing] .lb-target')].map(t => [t.dataset.target, t.dataset.state, t.dataset.task || '', t.getAttribute('aria-label')]);",
    )
    .await;
    serde_json::from_value(v).expect("target rows")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lesson_8_requests_flow_through_the_alb_to_the_tasks_in_chromium() {
    let b = Browser::start(1440, 1043).await;
    run(&b).await;
    b.close().await;
}

async fn run(b: &Browser) {
    let client = &b.client;
    open_lesson(client, b, "alb-dynamic-ports").await;
    show_solution_within(client, Duration::from_secs(150)).await;
    settle(client).await;

    // The picture: shop-alb, active, listener HTTP:80, its default rule, target group web, four healthy targets.
    let head = text(client, "return document.querySelector('[data-lb=shop-alb] .lb-head').textContent;").await;
    assert!(head.contains("shop-alb") && head.contains("active") && head.contains(".elb.amazonaws.com"), "{head}");
    let listener = text(client, "return document.querySelector('[data-lb=shop-alb] .lb-listener-name').textContent;").await;
    assert_eq!(listener, "listener HTTP:80");
    let rule = text(client, "return document.querySelector('[data-lb=shop-alb] .lb-rule:last-child .lb-rule-box').textContent;").await;
    assert!(rule.contains("default") && rule.contains("any request"), "{rule}");
    let ts = targets(client).await;
    assert_eq!(ts.len(), 4, "{ts:?}");
    let mut addresses: Vec<&str> = ts.iter().map(|t| t.0.as_str()).collect();
    addresses.sort_unstable();
    addresses.dedup();
    assert_eq!(addresses.len(), 4, "distinct host:port: {ts:?}");
    for (address, state, task, label) in &ts {
        assert_eq!(state, "healthy", "{address}");
        assert!(!task.is_empty(), "{address} names its task");
        assert!(address.starts_with("i-") && address.rsplit(':').next().unwrap().parse::<u16>().unwrap() >= 32768, "{address}");
        assert!(label.contains(": healthy") && label.contains("task "), "health in words: {label}");
    }
    // Every target's task is a chip in the cluster view.
    for (_, _, task, _) in &ts {
        let chip = js(client, &format!("return !!document.querySelector('.task-chip[data-task=\"{task}\"]');")).await;
        assert_eq!(chip, json!(true), "chip of {task}");
    }
    // The service card: desired 4, running 4; its PRIMARY deployment completed.
    let svc = text(client, "return document.querySelector('[data-service=web] .svc-total').textContent;").await;
    assert_eq!(svc, "desired 4 · running 4 · pending 0");
    let dep = text(client, "return document.querySelector('[data-service=web] .svc-deployment').getAttribute('aria-label');").await;
    assert!(dep.starts_with("PRIMARY deployment of web:1") && dep.contains("COMPLETED"), "{dep}");

    // Requests, paused and stepped: each request step routes a dot to the target that served it.
    set_speed(client, 1).await;
    click(client, ".anim-pause").await;
    for _ in 0..3 {
        type_line(client, "curl -s http://$DNS/").await;
    }
    let mut served = Vec::new();
    for _ in 0..40 {
        if served.len() == 3 {
            break;
        }
        click(client, ".anim-step").await;
        let caption = text(client, "return document.querySelector('.anim-caption').textContent;").await;
        if !caption.contains("GET /") {
            continue;
        }
        let on: Value = js(
            client,
            "return [document.querySelectorAll('.lb.on-route').length, document.querySelectorAll('.lb-listener.on-route').length, document.querySelectorAll('.lb-rule.on-route').length, document.querySelectorAll('.lb-group.on-route').length, [...document.querySelectorAll('.lb-target.on-route')].map(t => [t.dataset.task, t.querySelector('.lb-status')?.textContent]), document.querySelectorAll('.request-dot').length];",
        )
        .await;
        let task = on[4][0][0].as_str().unwrap_or_default().to_string();
        assert_eq!(on, json!([1, 1, 1, 1, [[task.clone(), "200"]], 5]), "the route of {caption}");
        assert!(caption.contains(&format!("served by task {} (web:1)", &task[..8])), "{caption}");
        let chip = js(client, &format!("return document.querySelector('.task-chip[data-task=\"{task}\"]').classList.contains('focus');")).await;
        assert_eq!(chip, json!(true), "the chip of {task} is outlined");
        if served.is_empty() {
            // A taller window, so the cluster's task chips and the load balancer fit in one picture.
            client.set_window_size(1440, 1900).await.expect("resize");
            js(client, "document.querySelector('.cluster-scroll').scrollTop = 0;").await;
            tokio::time::sleep(Duration::from_millis(1500)).await;
            harness::screenshot(client, &crate_dir().join("docs/screenshots/alb-requests.png")).await;
            client.set_window_size(1440, 1043).await.expect("resize back");
        }
        served.push(task);
    }
    assert_eq!(served.len(), 3, "three requests were played: {served:?}");
    served.dedup();
    assert_eq!(served.len(), 3, "round robin: consecutive requests go to different tasks");
    click(client, ".anim-pause").await;
    settle(client).await;
    assert_eq!(js(client, "return document.querySelectorAll('.lb-target.on-route').length;").await, json!(0), "no route once idle");
    // Keyboard: focusing a target (it is in the tab order) outlines the chip of the task behind it.
    let task = text(client, "const t = document.querySelector('.lb-target[tabindex=\"0\"]'); t.focus(); return t.dataset.task;").await;
    wait_until(Duration::from_secs(5), "the focused target's chip to be outlined", || async {
        let v = js(client, &format!("return document.querySelector('.task-chip[data-task=\"{task}\"]').classList.contains('focus');")).await;
        (v == json!(true)).then_some(())
    })
    .await;
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");

    // Lessons 9 and 10 completed in the page too (issue 6: "the lessons … can be completed in the page").
    open_and_solve(client, b, "rolling-deployment").await;
    let svc = text(client, "return document.querySelector('[data-service=web] .svc-total').textContent;").await;
    assert_eq!(svc, "desired 4 · running 4 · pending 0", "rolled back to web:2 and steady");
    let dep = text(client, "return document.querySelector('[data-service=web] .svc-deployment').getAttribute('aria-label');").await;
    assert!(dep.starts_with("PRIMARY deployment of web:2"), "{dep}");
    harness::screenshot(client, &crate_dir().join("target/screenshots/lesson-9-done.png")).await;
    open_and_solve(client, b, "path-routing").await;
    let rules = text(client, "return [...document.querySelectorAll('[data-lb=shop-alb] .lb-rule .lb-rule-box')].map(r => r.textContent).join(' | ');").await;
    assert!(rules.contains("priority 10") && rules.contains("path-pattern=/api/*") && rules.contains("default"), "{rules}");
    let healthy = js(client, "return document.querySelectorAll('[data-lb=shop-alb] .lb-target[data-state=healthy]').length;").await;
    assert_eq!(healthy, json!(4), "two healthy targets in each of the two groups");
    harness::screenshot(client, &crate_dir().join("target/screenshots/lesson-10-done.png")).await;
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
}

/// Opens a lesson, shows its solution and waits until every goal is met and the animation has caught up.
async fn open_and_solve(client: &Client, b: &Browser, id: &str) {
    open_lesson(client, b, id).await;
    pane_to_top(client).await;
    show_solution_within(client, Duration::from_secs(240)).await;
    // Play what is still queued at once (the button is disabled when nothing is).
    js(client, "const f = document.querySelector('.anim-finish'); if (f && !f.disabled) f.click();").await;
    settle(client).await;
}
