//! End to end, issue 5's "Seeing it" in the built page in headless Chromium at 1440×900, through lessons
//! 5–7 with their solutions typed by "Show solution": lesson 5 pushes a scanned image to ECR and runs it on
//! Fargate (every goal ticks; the registry tab shows the repository, its images, tags and scan findings);
//! lesson 6 draws three roles beside the tasks and instances that use them, the execution role's parameter
//! read allowed on some resources only; lesson 7 starts broken — the execution role cannot get an ECR token —
//! and running the task again, played step by step, breaks its pull arrow and names the role and the
//! missing permission; its solution fixes the right roles. Saves `docs/screenshots/registry.png`,
//! `docs/screenshots/failed-pull.png` and `target/screenshots/lesson-{5,6,7}-done.png`.
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_registry`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use harness::{Browser, crate_dir, js, wait_until};
use harness::page::{self, click, pane_to_top, set_speed, settle, show_solution, text, type_line};
use serde_json::{Value, json};
use std::time::Duration;

const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

fn shot(name: &str) -> std::path::PathBuf {
    crate_dir().join("docs/screenshots").join(name)
}

fn done_shot(lesson: u32) -> std::path::PathBuf {
    crate_dir().join(format!("target/screenshots/lesson-{lesson}-done.png"))
}

/// A screenshot once the CSS transitions (at most a step's length) are over.
async fn screenshot(client: &Client, path: &std::path::Path) {
    tokio::time::sleep(Duration::from_millis(800)).await;
    harness::screenshot(client, path).await;
}

async fn open_lesson(client: &Client, b: &Browser, id: &str) {
    page::open_lesson(client, b, id).await;
    set_speed(client, 4).await;
    pane_to_top(client).await;
}

/// (action, yes/some/no, failed a task) of each check on a role's card in a cluster.
async fn role_checks(client: &Client, cluster: &str, role: &str) -> Value {
    js(
        client,
        &format!(
            "return [...document.querySelectorAll('[data-cluster={cluster}] .role-card[data-role={role}] .role-check')].map(c => [c.dataset.action, c.dataset.allowed, c.classList.contains('failed')]);"
        ),
    )
    .await
}

/// Scrolls the cluster tab to its end, so the role cards under the drawing are in view.
async fn scroll_to_role_cards(client: &Client) {
    js(client, "const s = document.querySelector('.cluster-scroll'); s.scrollTop = s.scrollHeight;").await;
}

async fn tab_selected(client: &Client, tab: &str) -> bool {
    js(client, &format!("return document.querySelector('#tab-{tab}').getAttribute('aria-selected');")).await == json!("true")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lessons_5_to_7_the_registry_roles_and_a_failed_pull_in_chromium() {
    // A window of 1440×1043 gives a page of 1440×900 (the rest is the browser's own frame).
    let b = Browser::start(1440, 1043).await;
    run(&b).await;
    b.close().await;
}

async fn run(b: &Browser) {
    let client = &b.client;
    lesson_5(client, b).await;
    lesson_6(client, b).await;
    lesson_7(client, b).await;
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
}

async fn lesson_5(client: &Client, b: &Browser) {
    open_lesson(client, b, "ecr-push-fargate").await;
    // The registry tab, empty: it says how to create a repository and push. The arrow keys move along the tabs.
    click(client, "#tab-registry").await;
    let empty = text(client, "return document.querySelector('[data-testid=registry-empty]')?.textContent ?? '';").await;
    assert!(empty.contains("aws ecr create-repository") && empty.contains("docker push"), "{empty}");
    let tab = client.find(Locator::Css("#tab-registry")).await.unwrap();
    tab.send_keys(&char::from(Key::Left).to_string()).await.expect("press ←");
    assert!(tab_selected(client, "cluster").await);
    assert_eq!(js(client, "return document.activeElement.id;").await, json!("tab-cluster"), "the focus follows the tab");

    show_solution(client).await;
    // The Fargate task runs with the execution role, which may do all it needs.
    let chips = text(client, "return [...document.querySelectorAll('[data-cluster=web] .eni-chip')].map(c => c.dataset.status).join(',');").await;
    assert_eq!(chips, "RUNNING");
    let checks: Vec<(String, String, bool)> = serde_json::from_value(role_checks(client, "web", "ecsTaskExecutionRole").await).unwrap();
    assert!(!checks.is_empty() && checks.iter().all(|c| c.1 == "yes" && !c.2), "{checks:?}");
    let chip_label = text(client, "return document.querySelector('[data-cluster=web] .task-chip').getAttribute('aria-label');").await;
    assert!(chip_label.contains("execution role ecsTaskExecutionRole"), "the chip's roles in words: {chip_label}");
    scroll_to_role_cards(client).await;
    screenshot(client, &done_shot(5)).await;

    // A second build pushed as 1.1 and latest: the registry tab shows both images, newest first.
    for line in [
        "echo 'RUN echo v2 >> /usr/share/nginx/html/index.html' >> Dockerfile".to_string(),
        "docker build -q -t web .".into(),
        format!("docker tag web {HOST}/web:1.1"),
        format!("docker push -q {HOST}/web:1.1"),
        format!("docker tag web {HOST}/web:latest"),
        format!("docker push -q {HOST}/web:latest"),
    ] {
        type_line(client, &line).await;
    }
    settle(client).await;
    assert!(tab_selected(client, "registry").await, "the pane follows the pushes to the registry tab");
    let rows: Value = js(
        client,
        "return [...document.querySelectorAll('[data-repository=web] .image-row')].map(r => [...r.querySelectorAll('.tag-chip')].map(t => t.textContent));",
    )
    .await;
    assert_eq!(rows, json!([["1.1", "latest"], ["1.0"]]), "newest first, each image with its tags");
    let sev: Value = js(
        client,
        "return [...document.querySelectorAll('[data-repository=web] .image-row')].map(r => [...r.querySelectorAll('.sev')].map(s => s.dataset.severity + ' ' + s.dataset.count));",
    )
    .await;
    let sev: Vec<Vec<String>> = serde_json::from_value(sev).unwrap();
    assert!(sev.len() == 2 && sev.iter().all(|s| !s.is_empty()), "every image was scanned on push: {sev:?}");
    assert_eq!(text(client, "return document.querySelector('[data-repository=web] .repo-uri').textContent;").await, format!("{HOST}/web"));
    assert!(text(client, "return document.querySelector('[data-repository=web] .size-cell').textContent;").await.ends_with(" MB"));
    let pulled = text(client, "return [...document.querySelectorAll('[data-repository=web] .when-cell.pulled')].map(c => c.textContent).join(',');").await;
    assert!(pulled.starts_with("never,") && !pulled.ends_with("never"), "1.0 was pulled by the task, 1.1 never: {pulled}");
    screenshot(client, &shot("registry.png")).await;
}

async fn lesson_6(client: &Client, b: &Browser) {
    open_lesson(client, b, "three-roles").await;
    show_solution(client).await;
    assert!(tab_selected(client, "cluster").await);
    assert_eq!(
        js(client, "return [...document.querySelectorAll('[data-cluster=roles] .role-card')].map(c => [c.dataset.role, c.querySelector('.role-uses').textContent]);").await,
        json!([
            ["ecsInstanceRole", "instance role of 1 instance"],
            ["readerExecutionRole", "execution role of 1 task"],
            ["readerTaskRole", "task role of 1 task"]
        ])
    );
    let exec: Vec<(String, String, bool)> = serde_json::from_value(role_checks(client, "roles", "readerExecutionRole").await).unwrap();
    assert_eq!(exec.last().map(|c| (c.0.as_str(), c.1.as_str())), Some(("ssm:GetParameters", "some")), "{exec:?}");
    let some = text(client, "return document.querySelector('[data-cluster=roles] .role-card[data-role=readerExecutionRole] .role-check.some').textContent;").await;
    assert!(some.contains("allowed on some resources only: ssm:GetParameters"), "the mark's words: {some}");
    assert_eq!(
        role_checks(client, "roles", "readerTaskRole").await,
        json!([["s3:ListAllMyBuckets", "yes", false], ["ssmmessages:CreateControlChannel", "yes", false]])
    );
    assert_eq!(text(client, "return document.querySelector('[data-cluster=roles] .instance-role .role-ref').textContent;").await, "ecsInstanceRole");
    scroll_to_role_cards(client).await;
    screenshot(client, &done_shot(6)).await;
}

async fn lesson_7(client: &Client, b: &Browser) {
    open_lesson(client, b, "troubleshoot-roles").await;
    settle(client).await;
    // The start is broken: the setup's task could not start, and the entry says which role lacked what.
    let cause = text(client, "return document.querySelector('[data-cluster=shop] .start-failure [data-testid=start-failure-cause]')?.textContent ?? '';").await;
    assert_eq!(cause, "shopExecutionRole cannot ecr:GetAuthorizationToken");
    let exec = role_checks(client, "shop", "shopExecutionRole").await;
    assert_eq!(exec[0], json!(["ecr:GetAuthorizationToken", "no", true]), "{exec}");

    // Run it again, played step by step: the pull arrow breaks at the missing action.
    click(client, ".anim-pause").await;
    for line in ["sh run-task.sh", "sleep 60"] {
        type_line(client, line).await;
    }
    wait_until(Duration::from_secs(30), "the failed start's step", || async {
        let caption = text(client, "return document.querySelector('.anim-caption').textContent;").await;
        if caption.contains("failed at registry authorization") {
            return Some(());
        }
        js(client, "document.querySelector('.anim-step').click();").await;
        None
    })
    .await;
    assert!(tab_selected(client, "cluster").await, "the pane follows the task to the cluster tab");
    assert_eq!(
        js(client, "return !!document.querySelector('.pull-failure') && document.querySelector('.pull-label').textContent;").await,
        json!("✗ ecr:GetAuthorizationToken"),
        "the broken pull arrow names the action"
    );
    let failing = text(client, "return document.querySelector('.task-chip.failing-now')?.dataset.task ?? '';").await;
    assert!(!failing.is_empty(), "the chip plays the failure");
    let entry = text(client, "return document.querySelector('[data-cluster=shop] .start-failure').textContent;").await;
    assert!(entry.contains("shopExecutionRole cannot ecr:GetAuthorizationToken") && entry.contains("the task stopped: ResourceInitializationError"), "{entry}");
    js(client, "[...document.querySelectorAll('.tab')].find(t => t.textContent === 'shop.json')?.click();").await;
    js(client, "document.querySelector('.cluster-scroll').scrollTop = 0;").await;
    screenshot(client, &shot("failed-pull.png")).await;

    // Played to the end: the full reason and the fix; the task's panel names its roles.
    click(client, ".anim-pause").await;
    click(client, ".anim-finish").await;
    settle(client).await;
    click(client, "[data-cluster=shop] .start-failure .failure-details > summary").await;
    let full = text(client, "return document.querySelector('[data-testid=start-failure-reason]').textContent;").await;
    assert!(full.contains("Stage: registry authorization") && full.contains("assumed-role/shopExecutionRole/"), "{full}");
    assert!(text(client, "return document.querySelector('.failure-fix').textContent;").await.contains("AmazonECSTaskExecutionRolePolicy"));
    click(client, "[data-cluster=shop] .start-failure .show-task").await;
    wait_until(Duration::from_secs(5), "the task's panel", || async {
        let v = text(client, "return document.querySelector('[data-testid=stopped-reason]')?.textContent ?? '';").await;
        v.contains("TaskFailedToStart").then_some(v)
    })
    .await;
    let roles = text(client, "return document.querySelector('.placement-panel .task-roles').textContent;").await;
    assert_eq!(roles, "Roles: execution role shopExecutionRole · task role shopTaskRole");
    assert_eq!(
        js(client, "return document.querySelector('[data-cluster=shop] .role-card[data-role=shopExecutionRole]').classList.contains('linked');").await,
        json!(true),
        "the chosen task's roles are outlined"
    );
    click(client, ".why-close").await;
    // Pressing a role's name outlines the tasks that use it.
    click(client, "[data-cluster=shop] .role-card[data-role=shopTaskRole] .role-name").await;
    assert_eq!(
        js(client, &format!("return document.querySelector('.task-chip[data-task=\"{failing}\"]').classList.contains('uses-role');")).await,
        json!(true)
    );
    assert_eq!(
        js(client, "return document.querySelector('[data-cluster=shop] .role-card[data-role=shopTaskRole] .role-name').getAttribute('aria-pressed');").await,
        json!("true")
    );

    // The solution fixes the right roles: the failure is resolved and each role may do its job.
    show_solution(client).await;
    let resolved = js(client, "return [...document.querySelectorAll('[data-cluster=shop] .start-failure')].map(e => e.classList.contains('resolved'));").await;
    assert_eq!(resolved, json!([true]), "only the newest failure stays, dimmed as resolved");
    for role in ["shopExecutionRole", "shopTaskRole"] {
        let checks: Vec<(String, String, bool)> = serde_json::from_value(role_checks(client, "shop", role).await).unwrap();
        assert!(!checks.is_empty() && checks.iter().all(|c| c.1 == "yes" && !c.2), "{role}: {checks:?}");
    }
    scroll_to_role_cards(client).await;
    screenshot(client, &done_shot(7)).await;
}
