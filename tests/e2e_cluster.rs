//! End to end, the cluster view of issue 4 ("Seeing it") in the built page in headless Chromium: lesson 3's
//! solution packs the batch group on one instance and spreads the web group over three zones; a batch
//! chip chosen with the keyboard opens "why this instance?" with every instance, binpack's ranking and the
//! chosen one; lesson 4 starts with a failed placement whose reason and "Why?" panel name the memberOf
//! constraint that bound, and its solution fixes it; Fargate tasks show as ENIs in their zones' lanes.
//! Saves `docs/screenshots/placement-strategies.png`, `why-this-instance.png`, `failed-placement.png` and
//! `fargate.png`.
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_cluster`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use harness::{Browser, crate_dir, js, wait_until};
use harness::page::{open_lesson, settle, show_solution, type_line};
use serde_json::{Value, json};
use std::time::Duration;

fn shot(name: &str) -> std::path::PathBuf {
    crate_dir().join("docs/screenshots").join(name)
}

/// A screenshot once the CSS transitions and the failure highlight (at most about half a second) are over.
async fn screenshot(client: &Client, path: &std::path::Path) {
    tokio::time::sleep(Duration::from_millis(700)).await;
    harness::screenshot(client, path).await;
}

/// The panel's rows: (container instance id, result class).
async fn verdicts(client: &Client) -> Vec<(String, String)> {
    let v = js(client, "return [...document.querySelectorAll('.placement-panel tr[data-verdict]')].map(r => [r.dataset.verdict, r.dataset.result]);")
        .await;
    serde_json::from_value(v).expect("verdict rows")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cluster_view_explains_placements_in_chromium() {
    let b = Browser::start(1440, 1000).await;
    run(&b).await;
    b.close().await;
}

async fn run(b: &Browser) {
    let client = &b.client;

    // Lesson 3: batch packed on one instance, web spread over the three zones.
    open_lesson(client, b, "placement-strategies").await;
    assert_eq!(js(client, "return document.querySelectorAll('svg .zone').length;").await, json!(3), "every zone of the Region");
    show_solution(client).await;
    let by_card: Value = js(
        client,
        "return [...document.querySelectorAll('svg .instance')].map(c => [c.dataset.containerInstance, c.closest('.zone').dataset.zone, c.querySelectorAll('.task-chip').length]);",
    )
    .await;
    let cards: Vec<(String, String, usize)> = serde_json::from_value(by_card).unwrap();
    assert_eq!(cards.len(), 3, "{cards:?}");
    let zones: std::collections::BTreeSet<_> = cards.iter().map(|c| c.1.clone()).collect();
    assert_eq!(zones.len(), 3, "one instance per zone: {cards:?}");
    let packed = cards.iter().max_by_key(|c| c.2).unwrap();
    assert_eq!(packed.2, 5, "four batch tasks and one web task on the packed instance: {cards:?}");
    assert!(cards.iter().all(|c| c.2 >= 1), "a web task in every zone: {cards:?}");
    js(client, "document.querySelector('.lesson-pane').scrollTop = 0;").await;
    screenshot(client, &shot("placement-strategies.png")).await;

    // The second batch task, chosen with the keyboard: binpack kept the instance the first one went to.
    let chip_id = js(
        client,
        &format!("return document.querySelectorAll('svg .instance[data-container-instance=\"{}\"] .task-chip')[1].dataset.task;", packed.0),
    )
    .await;
    let chip_id = chip_id.as_str().expect("a task id").to_string();
    let chip = client.find(Locator::Css(&format!("[data-task=\"{chip_id}\"]"))).await.unwrap();
    js(client, &format!("document.querySelector('[data-task=\"{chip_id}\"]').focus();")).await;
    let enter: String = char::from(Key::Enter).into();
    chip.send_keys(&enter).await.expect("press Enter on the chip");
    wait_until(Duration::from_secs(5), "the panel to open", || async {
        let v = js(client, "return document.querySelector('.placement-panel')?.textContent ?? '';").await;
        v.as_str().is_some_and(|t| t.contains("binpack(memory)")).then_some(())
    })
    .await;
    assert_eq!(js(client, "return document.activeElement.id;").await, json!("placement-panel-title"), "the panel takes the focus");
    let rows = verdicts(client).await;
    assert_eq!(rows.len(), 3, "every instance: {rows:?}");
    assert_eq!(rows.iter().filter(|r| r.1 == "chosen").count(), 1, "{rows:?}");
    assert_eq!(rows.iter().find(|r| r.1 == "chosen").unwrap().0, packed.0, "the packed instance was chosen");
    assert_eq!(rows.iter().filter(|r| r.1 == "lower").count(), 2, "the others ranked lower by binpack: {rows:?}");
    let headline = js(client, "return document.querySelector('[data-testid=panel-headline]').textContent;").await;
    assert!(headline.as_str().unwrap().starts_with("Placed on container instance"), "{headline}");
    assert_eq!(js(client, &format!("return document.querySelector('[data-task=\"{chip_id}\"]').classList.contains('selected');")).await, json!(true));
    screenshot(client, &shot("why-this-instance.png")).await;
    // Escape closes it and gives the focus back to the chip.
    let panel = client.find(Locator::Css(".placement-panel")).await.unwrap();
    panel.send_keys(&char::from(Key::Escape).to_string()).await.expect("press Escape");
    wait_until(Duration::from_secs(5), "the panel to close", || async {
        (js(client, "return !document.querySelector('.placement-panel');").await == json!(true)).then_some(())
    })
    .await;
    assert_eq!(js(client, "return document.activeElement.dataset.task ?? null;").await, json!(chip_id));

    // Lesson 4 starts with a failed placement: the reason, and "Why?" names the constraint that bound.
    open_lesson(client, b, "placement-constraints").await;
    settle(client).await;
    let reason = js(client, "return document.querySelector('[data-cluster=shop] .placement-failure')?.textContent ?? '';").await;
    assert!(reason.as_str().unwrap().contains("MemberOf placement constraint unsatisfied. (4 of 4 instances)"), "{reason}");
    client.find(Locator::Css("[data-cluster=shop] .why-button")).await.unwrap().click().await.expect("click Why?");
    wait_until(Duration::from_secs(5), "the failure's panel", || async {
        let v = js(client, "return document.querySelector('.placement-panel [data-testid=panel-headline]')?.textContent ?? '';").await;
        v.as_str().is_some_and(|t| t.contains("every instance failed memberOf(attribute:ecs.instance-type == t3.large)")).then_some(())
    })
    .await;
    let rows = verdicts(client).await;
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.1 == "rejected"), "{rows:?}");
    screenshot(client, &shot("failed-placement.png")).await;
    client.find(Locator::Css(".why-close")).await.unwrap().click().await.expect("close the panel");
    show_solution(client).await;
    let on_m5 = js(
        client,
        "return [...document.querySelectorAll('[data-cluster=shop] svg .instance')].filter(c => c.querySelector('.task-chip[data-status=RUNNING]')).map(c => c.querySelector('.card-title').textContent);",
    )
    .await;
    let on_m5: Vec<String> = serde_json::from_value(on_m5).unwrap();
    assert!(!on_m5.is_empty() && on_m5.iter().all(|t| t == "m5.large"), "tasks run on the m5 instances only: {on_m5:?}");
    screenshot(client, &crate_dir().join("target/screenshots/lesson-4-done.png")).await;

    // Lesson 2 done, for a look (the dynamic port range and the reserved memory show on the cards).
    open_lesson(client, b, "ecs-config").await;
    show_solution(client).await;
    let range = js(client, "return [...document.querySelectorAll('[data-cluster=shop] .ports-range')].map(t => t.textContent);").await;
    assert_eq!(range, json!(["40000–40999", "40000–40999"]), "the agent's dynamic port range");
    screenshot(client, &crate_dir().join("target/screenshots/lesson-2-done.png")).await;

    // Fargate: three tasks spread over the zones, each an ENI in its zone's Fargate lane.
    open_lesson(client, b, "first-task").await;
    show_solution(client).await;
    for line in [
        "aws ecs register-task-definition --family api --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{\"name\":\"api\",\"image\":\"public.ecr.aws/nginx/nginx:1.27\",\"portMappings\":[{\"containerPort\":80}]}]' --query taskDefinition.revision",
        "SUBNETS=$(aws ec2 describe-subnets --query 'join(`,`, Subnets[].SubnetId)' --output text)",
        "aws ecs run-task --cluster demo --task-definition api --launch-type FARGATE --count 3 --network-configuration \"awsvpcConfiguration={subnets=[$SUBNETS],assignPublicIp=ENABLED}\" --query 'tasks[].availabilityZone'",
        "sleep 30",
    ] {
        type_line(client, line).await;
    }
    settle(client).await;
    let enis = js(
        client,
        "return [...document.querySelectorAll('svg .fargate-lane .eni-chip')].map(c => [c.closest('.zone').dataset.zone, c.dataset.status, c.querySelector('.chip-detail').textContent]);",
    )
    .await;
    let enis: Vec<(String, String, String)> = serde_json::from_value(enis).unwrap();
    assert_eq!(enis.len(), 3, "{enis:?}");
    assert_eq!(enis.iter().map(|e| e.0.as_str()).collect::<std::collections::BTreeSet<_>>().len(), 3, "one per zone: {enis:?}");
    assert!(enis.iter().all(|e| e.1 == "RUNNING" && e.2.starts_with("ENI 172.31.") && e.2.contains("subnet-")), "{enis:?}");
    screenshot(client, &shot("fargate.png")).await;

    // A DRAINING instance and one whose agent is disconnected are flagged on their cards.
    for line in [
        "aws ecs update-container-instances-state --cluster demo --container-instances $(aws ecs list-container-instances --cluster demo --query 'containerInstanceArns[0]' --output text) --status DRAINING --query 'containerInstances[].status'",
        "sandbox disconnect-agent $(aws ecs describe-container-instances --cluster demo --container-instances $(aws ecs list-container-instances --cluster demo --query 'containerInstanceArns[1]' --output text) --query 'containerInstances[0].ec2InstanceId' --output text)",
    ] {
        type_line(client, line).await;
    }
    settle(client).await;
    let flags = js(client, "return [...document.querySelectorAll('svg .instance')].map(c => c.querySelector('.card-flags')?.textContent ?? '');").await;
    let mut flags: Vec<String> = serde_json::from_value(flags).unwrap();
    flags.sort();
    assert_eq!(flags, ["DRAINING", "⚠ agent disconnected"], "{flags:?}");
    screenshot(client, &crate_dir().join("target/screenshots/flags.png")).await;
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
}
