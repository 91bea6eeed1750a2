//! End to end, issue 5's "Seeing it" in the built page in headless Chromium at 1440×900: the push flow typed
//! into the terminal fills the registry tab (a scan-on-push repository whose newest image has two tags, scan
//! counts by severity, an IMMUTABLE repository still empty); then a Fargate task whose execution role lacks
//! ecr:BatchGetImage fails to start: played step by step, its pull arrow breaks, the failure entry names
//! the role and the action, the role cards show ✗ for it, the task's panel shows its stoppedReason, and
//! pressing the role's name outlines the task's chip. Saves `docs/screenshots/registry.png` and
//! `docs/screenshots/failed-pull.png`.
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_registry`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use harness::{Browser, crate_dir, js, wait_until};
use serde_json::{Value, json};
use std::time::Duration;

const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const EXEC_WITHOUT_BATCH_GET_IMAGE: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"#;

fn shot(name: &str) -> std::path::PathBuf {
    crate_dir().join("docs/screenshots").join(name)
}

/// A screenshot once the CSS transitions (at most a step's length) are over.
async fn screenshot(client: &Client, path: &std::path::Path) {
    tokio::time::sleep(Duration::from_millis(1600)).await;
    harness::screenshot(client, path).await;
}

async fn text(client: &Client, script: &str) -> String {
    js(client, script).await.as_str().unwrap_or_default().to_string()
}

async fn set_speed(client: &Client, index: usize) {
    js(
        client,
        &format!(
            "const s = document.querySelector('.anim-speed select'); s.value = '{index}'; s.dispatchEvent(new Event('change', {{bubbles: true}}));"
        ),
    )
    .await;
}

/// Waits until the animation has played every step.
async fn settle(client: &Client) {
    wait_until(Duration::from_secs(120), "the animation to finish", || async {
        let v = js(client, "return document.querySelector('.anim-status').textContent.includes('Up to date');").await;
        (v == json!(true)).then_some(())
    })
    .await;
}

async fn type_line(client: &Client, line: &str) {
    let input = client.find(Locator::Css("[data-testid=terminal-input]")).await.unwrap();
    input.send_keys(line).await.expect("type a command");
    let enter: String = char::from(Key::Enter).into();
    input.send_keys(&enter).await.expect("press Enter");
    let shown = format!("$ {line}\n");
    wait_until(Duration::from_secs(10), "the command to run", || async {
        let v = js(client, "return document.querySelector('[data-testid=scrollback]').textContent;").await;
        v.as_str().is_some_and(|t| t.contains(&shown)).then_some(())
    })
    .await;
}

async fn click(client: &Client, selector: &str) {
    client.find(Locator::Css(selector)).await.unwrap_or_else(|e| panic!("{selector}: {e}")).click().await.expect("click");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_registry_and_a_failed_pull_in_chromium() {
    // A window of 1440×1043 gives a page of 1440×900 (the rest is the browser's own frame).
    let b = Browser::start(1440, 1043).await;
    run(&b).await;
    b.close().await;
}

async fn run(b: &Browser) {
    let client = &b.client;
    client.goto(&b.url("#/lesson/first-task")).await.expect("open the page");
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("[data-testid=terminal-input]"))
        .await
        .expect("the terminal's prompt appears (the wasm loaded)");
    set_speed(client, 4).await;

    // The registry tab, empty: it says how to create a repository and push.
    click(client, "#tab-registry").await;
    let empty = text(client, "return document.querySelector('[data-testid=registry-empty]')?.textContent ?? '';").await;
    assert!(empty.contains("aws ecr create-repository") && empty.contains("docker push"), "{empty}");

    // The push flow: one image tagged 1.0, a second build tagged 1.1 and latest; an IMMUTABLE repository.
    for line in [
        "echo 'FROM nginx:1.27' > Dockerfile".to_string(),
        "docker build -q -t web .".into(),
        "aws ecr create-repository --repository-name web --image-scanning-configuration scanOnPush=true --query repository.repositoryUri --output text".into(),
        "aws ecr create-repository --repository-name api --image-tag-mutability IMMUTABLE --query repository.repositoryUri --output text".into(),
        format!("aws ecr get-login-password | docker login --username AWS --password-stdin {HOST}"),
        format!("docker tag web {HOST}/web:1.0"),
        format!("docker push -q {HOST}/web:1.0"),
        "echo 'RUN echo hello > /usr/share/nginx/html/index.html' >> Dockerfile".into(),
        "docker build -q -t web .".into(),
        format!("docker tag web {HOST}/web:1.1"),
        format!("docker push -q {HOST}/web:1.1"),
        format!("docker tag web {HOST}/web:latest"),
        format!("docker push -q {HOST}/web:latest"),
    ] {
        type_line(client, &line).await;
    }
    settle(client).await;
    assert_eq!(
        js(client, "return document.querySelector('#tab-registry').getAttribute('aria-selected');").await,
        json!("true"),
        "the pane follows the pushes to the registry tab"
    );
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
    assert!(sev.iter().all(|s| !s.is_empty()), "every image was scanned on push: {sev:?}");
    let uri = text(client, "return document.querySelector('[data-repository=web] .repo-uri').textContent;").await;
    assert_eq!(uri, format!("{HOST}/web"));
    assert_eq!(text(client, "return document.querySelector('[data-repository=api] .badge.immutable')?.textContent ?? '';").await, "IMMUTABLE");
    assert!(text(client, "return document.querySelector('[data-repository=web] .size-cell').textContent;").await.ends_with(" MB"));
    screenshot(client, &shot("registry.png")).await;

    // A task whose execution role lacks ecr:BatchGetImage, played step by step.
    for line in [
        format!("echo '{TRUST}' > ecs-tasks-trust.json"),
        format!("echo '{EXEC_WITHOUT_BATCH_GET_IMAGE}' > exec-policy.json"),
        "aws iam create-role --role-name appExecutionRole --assume-role-policy-document file://ecs-tasks-trust.json --query Role.Arn --output text".into(),
        "aws iam create-role --role-name appTaskRole --assume-role-policy-document file://ecs-tasks-trust.json --query Role.Arn --output text".into(),
        "aws iam put-role-policy --role-name appExecutionRole --policy-name exec --policy-document file://exec-policy.json".into(),
        "aws ecs create-cluster --cluster-name demo --query cluster.status --output text".into(),
        format!(
            "aws ecs register-task-definition --family app --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/appExecutionRole --task-role-arn arn:aws:iam::123456789012:role/appTaskRole --container-definitions '[{{\"name\":\"app\",\"image\":\"{HOST}/web:1.1\"}}]' --query taskDefinition.revision"
        ),
        "NET=\"awsvpcConfiguration={subnets=[$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)],assignPublicIp=ENABLED}\"".into(),
    ] {
        type_line(client, &line).await;
    }
    settle(client).await;
    click(client, ".anim-pause").await;
    for line in [
        "T=$(aws ecs run-task --cluster demo --launch-type FARGATE --task-definition app --network-configuration \"$NET\" --query 'tasks[0].taskArn' --output text)",
        "aws ecs wait tasks-stopped --cluster demo --tasks $T",
    ] {
        type_line(client, line).await;
    }
    wait_until(Duration::from_secs(30), "the failed start's step", || async {
        let caption = text(client, "return document.querySelector('.anim-caption').textContent;").await;
        if caption.contains("failed at image pull") {
            return Some(());
        }
        js(client, "document.querySelector('.anim-step').click();").await;
        None
    })
    .await;
    assert_eq!(
        js(client, "return document.querySelector('#tab-cluster').getAttribute('aria-selected');").await,
        json!("true"),
        "the pane follows the task to the cluster tab"
    );
    let cause = text(client, "return document.querySelector('[data-cluster=demo] .start-failure [data-testid=start-failure-cause]')?.textContent ?? '';").await;
    assert_eq!(cause, "appExecutionRole cannot ecr:BatchGetImage");
    let entry = text(client, "return document.querySelector('[data-cluster=demo] .start-failure').textContent;").await;
    assert!(entry.contains("the task stopped: CannotPullContainerError"), "{entry}");
    assert_eq!(
        js(client, "return !!document.querySelector('.pull-failure') && document.querySelector('.pull-label').textContent;").await,
        json!("✗ ecr:BatchGetImage"),
        "the broken pull arrow names the action"
    );
    let failed_chip = text(client, "return document.querySelector('.task-chip.failing-now')?.dataset.task ?? '';").await;
    assert!(!failed_chip.is_empty(), "the chip plays the failure");
    let denied: Value = js(
        client,
        "return [...document.querySelectorAll('[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-check')].map(c => [c.dataset.action, c.dataset.allowed, c.classList.contains('failed')]);",
    )
    .await;
    assert_eq!(
        denied,
        json!([
            ["ecr:GetAuthorizationToken", "allowed", false],
            ["ecr:BatchGetImage", "denied", true],
            ["ecr:GetDownloadUrlForLayer", "allowed", false],
            ["logs:CreateLogStream", "allowed", false],
            ["logs:PutLogEvents", "allowed", false]
        ])
    );
    assert_eq!(
        js(client, "return [...document.querySelectorAll('[data-cluster=demo] .role-card')].map(c => c.dataset.role);").await,
        json!(["appExecutionRole", "appTaskRole"])
    );
    // The editor shows the Dockerfile (the JSON files just written are policies, not task definitions).
    js(client, "[...document.querySelectorAll('.tab')].find(t => t.textContent === 'Dockerfile').click();").await;
    screenshot(client, &shot("failed-pull.png")).await;

    // Played to the end: the full reason expands; the chip's panel shows the stoppedReason.
    click(client, ".anim-pause").await;
    click(client, ".anim-finish").await;
    settle(client).await;
    click(client, "[data-cluster=demo] .start-failure .failure-details > summary").await;
    let full = text(client, "return document.querySelector('[data-testid=start-failure-reason]').textContent;").await;
    assert!(full.contains("403 Forbidden") && full.contains("Stage: image pull"), "{full}");
    assert!(text(client, "return document.querySelector('.failure-fix').textContent;").await.contains("AmazonECSTaskExecutionRolePolicy"));
    screenshot(client, &crate_dir().join("target/screenshots/failed-pull-expanded.png")).await;
    click(client, "[data-cluster=demo] .start-failure .show-task").await;
    wait_until(Duration::from_secs(5), "the task's panel", || async {
        let v = text(client, "return document.querySelector('[data-testid=stopped-reason]')?.textContent ?? '';").await;
        v.contains("TaskFailedToStart").then_some(v)
    })
    .await;
    let roles = text(client, "return document.querySelector('.placement-panel .task-roles').textContent;").await;
    assert_eq!(roles, "Roles: execution role appExecutionRole · task role appTaskRole");
    assert_eq!(
        js(client, "return document.querySelector('[data-cluster=demo] .role-card[data-role=appExecutionRole]').classList.contains('linked');").await,
        json!(true),
        "the chosen task's roles are outlined"
    );
    screenshot(client, &crate_dir().join("target/screenshots/failed-pull-panel.png")).await;
    click(client, ".why-close").await;
    // Pressing a role's name outlines the tasks that use it.
    click(client, "[data-cluster=demo] .role-card[data-role=appTaskRole] .role-name").await;
    assert_eq!(
        js(client, &format!("return document.querySelector('.task-chip[data-task=\"{failed_chip}\"]').classList.contains('uses-role');")).await,
        json!(true)
    );
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
}
