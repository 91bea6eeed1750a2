//! Browser tests of issue 5's "Seeing it": the push flow typed into the terminal shows in the registry tab
//! (the repository, its URI, the image's tags as chips, its scan counts by severity, as the model has them);
//! a Fargate task whose execution role lacks ecr:BatchGetImage shows a failure entry naming the role and the
//! action, its chip names its roles, and the role cards mark the missing action; choosing a role outlines
//! the task that uses it. The tabs work with the keyboard.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{Page, mount};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const EXEC_WITHOUT_BATCH_GET_IMAGE: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"#;

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn texts(page: &Page, selector: &str) -> Vec<String> {
    page.all(selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

/// Runs each line and checks it succeeded (no `[exit N]` after it), then plays every queued step.
async fn run(page: &Page, lines: &[String]) {
    for line in lines {
        page.enter(line).await;
        let t = page.terminal_text();
        let after = &t[t.rfind(&format!("$ {line}\n")).expect("the command is shown")..];
        assert!(!after.contains("[exit "), "{line} failed:\n{after}");
    }
    page.click(".anim-finish").await;
}

async fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

fn push_flow() -> Vec<String> {
    vec![
        "echo 'FROM nginx:1.27' > Dockerfile".into(),
        "docker build -q -t web .".into(),
        "aws ecr create-repository --repository-name web --image-scanning-configuration scanOnPush=true".into(),
        format!("aws ecr get-login-password | docker login --username AWS --password-stdin {HOST}"),
        format!("docker tag web {HOST}/web:1.0"),
        format!("docker push {HOST}/web:1.0"),
        format!("docker tag web {HOST}/web:latest"),
        format!("docker push {HOST}/web:latest"),
    ]
}

#[wasm_bindgen_test]
async fn the_push_flow_shows_the_repository_its_tags_and_scan_counts() {
    let page = mount().await;
    page.click("#tab-registry").await;
    assert_eq!(attr(&page.get("#tab-registry"), "aria-selected"), "true");
    assert!(page.find("[role=tabpanel]#tabpanel-registry").is_some());
    assert!(page.text("[data-testid=registry-empty]").contains("aws ecr create-repository"), "the empty pane says how to start");

    run(&page, &push_flow()).await;
    page.click("#tab-registry").await;
    assert!(page.find("[data-testid=registry-empty]").is_none());
    let repo = page.get("[data-repository=web]");
    assert_eq!(page.text("[data-repository=web] .repo-uri"), format!("{HOST}/web"));
    assert_eq!(page.text("[data-repository=web] .badge.scan-on-push"), "scan on push");
    let rows = page.all("[data-repository=web] .image-row");
    assert_eq!(rows.len(), 1, "both tags name one image");
    assert_eq!(texts(&page, "[data-repository=web] .image-row .tag-chip"), ["1.0", "latest"]);

    // The scan counts are the model's, by severity, worst first, each with its word.
    let shown: Vec<(String, String)> =
        page.all("[data-repository=web] .sev").iter().map(|s| (attr(s, "data-severity"), attr(s, "data-count"))).collect();
    assert!(!shown.is_empty(), "scanned on push");
    for (sev, n) in &shown {
        let chip = page.get(&format!("[data-repository=web] .sev[data-severity={sev}]"));
        assert_eq!(chip.text_content().unwrap(), format!("{sev} {n}"), "the word, not only the colour");
        assert!(attr(&chip, "class").contains(&format!("sev-{}", sev.to_lowercase())));
    }
    let order = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"];
    let positions: Vec<usize> = shown.iter().map(|(s, _)| order.iter().position(|o| o == s).unwrap()).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "worst first: {shown:?}");
    // …and they are what `describe-image-scan-findings` reports.
    page.enter("aws ecr describe-image-scan-findings --repository-name web --image-id imageTag=1.0 --query 'imageScanFindings.findingSeverityCounts' --output json").await;
    let t = page.terminal_text();
    let json_text = &t[t.rfind('{').unwrap()..=t.rfind('}').unwrap()];
    let counts: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json_text).unwrap();
    let mut expected: Vec<(String, String)> = counts.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
    expected.sort_by_key(|(s, _)| order.iter().position(|o| o == s));
    assert_eq!(shown, expected);
    assert!(page.text("[data-repository=web] .size-cell").ends_with(" MB"));
    assert_eq!(attr(&repo, "aria-label"), "Repository web");

    // A second build pushed as 1.0 moves the tag: two images, newest first.
    run(
        &page,
        &[
            "echo 'RUN echo v2 > /usr/share/nginx/html/index.html' >> Dockerfile".into(),
            "docker build -q -t web .".into(),
            format!("docker tag web {HOST}/web:1.0"),
            format!("docker push {HOST}/web:1.0"),
        ],
    )
    .await;
    page.click("#tab-registry").await;
    let rows: Vec<Vec<String>> = page
        .all("[data-repository=web] .image-row")
        .iter()
        .map(|r| {
            let list = r.query_selector_all(".tag-chip").unwrap();
            (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
        })
        .collect();
    assert_eq!(rows, vec![vec!["1.0".to_string()], vec!["latest".to_string()]]);

    // The tabs follow the arrow keys.
    let tab = page.get("#tab-registry");
    key(&tab, "ArrowLeft").await;
    assert_eq!(attr(&page.get("#tab-cluster"), "aria-selected"), "true");
    assert!(page.find("#tabpanel-cluster").is_some() && page.find("#tabpanel-registry").is_none());
    key(&page.get("#tab-cluster"), "End").await;
    assert_eq!(attr(&page.get("#tab-registry"), "aria-selected"), "true");
}

#[wasm_bindgen_test]
async fn a_task_whose_execution_role_lacks_batch_get_image_names_the_role_and_the_action() {
    let page = mount().await;
    let mut lines = push_flow();
    lines.extend([
        format!("echo '{TRUST}' > ecs-tasks-trust.json"),
        format!("echo '{EXEC_WITHOUT_BATCH_GET_IMAGE}' > exec-policy.json"),
        "aws iam create-role --role-name appExecutionRole --assume-role-policy-document file://ecs-tasks-trust.json".into(),
        "aws iam create-role --role-name appTaskRole --assume-role-policy-document file://ecs-tasks-trust.json".into(),
        "aws iam put-role-policy --role-name appExecutionRole --policy-name exec --policy-document file://exec-policy.json".into(),
        "aws ecs create-cluster --cluster-name demo".into(),
        format!(
            "aws ecs register-task-definition --family app --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/appExecutionRole --task-role-arn arn:aws:iam::123456789012:role/appTaskRole --container-definitions '[{{\"name\":\"app\",\"image\":\"{HOST}/web:1.0\"}}]'"
        ),
        "NET=\"awsvpcConfiguration={subnets=[$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)],assignPublicIp=ENABLED}\"".into(),
        "T=$(aws ecs run-task --cluster demo --launch-type FARGATE --task-definition app --network-configuration \"$NET\" --query 'tasks[0].taskArn' --output text)".into(),
        "aws ecs wait tasks-stopped --cluster demo --tasks $T".into(),
    ]);
    run(&page, &lines).await;
    page.click("#tab-cluster").await;

    let entries = page.all("[data-cluster=demo] .start-failure");
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(page.text("[data-cluster=demo] .start-failure [data-testid=start-failure-cause]"), "appExecutionRole cannot ecr:BatchGetImage");
    assert_eq!(attr(entry, "data-role"), "appExecutionRole");
    assert_eq!(attr(entry, "data-action"), "ecr:BatchGetImage");
    assert_eq!(attr(entry, "role"), "status", "announced");
    let text = entry.text_content().unwrap();
    assert!(text.contains("the task stopped: CannotPullContainerError"), "{text}");
    // The full stoppedReason, as describe-tasks gives it, is in the entry's "Full reason".
    page.enter("aws ecs describe-tasks --cluster demo --tasks $T --query 'tasks[0].stoppedReason' --output text").await;
    let t = page.terminal_text();
    let reason = t.lines().rev().find(|l| l.starts_with("CannotPullContainerError")).expect("the stoppedReason").to_string();
    assert!(page.text("[data-testid=start-failure-reason]").contains(&reason));
    assert!(page.text(".failure-fix").contains("AmazonECSTaskExecutionRolePolicy"));

    // The chip names its roles, the failing one marked; it is drawn as a task that could not start.
    let task_id = attr(entry, "data-failed-task");
    let chip = page.get(&format!(".task-chip[data-task=\"{task_id}\"]"));
    assert_eq!(attr(&chip, "data-status"), "STOPPED");
    assert!(attr(&chip, "class").split_whitespace().any(|c| c == "start-failed"));
    let roles = chip.query_selector(".chip-roles").unwrap().expect("a roles line").text_content().unwrap();
    assert_eq!(roles, "exec appExecutionRole · task appTaskRole");
    assert_eq!(chip.query_selector(".role-ref.failed").unwrap().unwrap().text_content().unwrap(), "appExecutionRole");
    assert!(attr(&chip, "aria-label").contains("execution role appExecutionRole, task role appTaskRole, could not start: appExecutionRole cannot ecr:BatchGetImage"));

    // The role cards: the execution role has ✗ (in words too) for the action a task failed for.
    assert_eq!(page.all("[data-cluster=demo] .role-card").iter().map(|c| attr(c, "data-role")).collect::<Vec<_>>(), ["appExecutionRole", "appTaskRole"]);
    let denied = page.get("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-check[data-action='ecr:BatchGetImage']");
    assert_eq!(attr(&denied, "data-allowed"), "no");
    assert!(attr(&denied, "class").contains("failed"));
    assert!(denied.text_content().unwrap().starts_with("✗not allowed: ecr:BatchGetImage"), "{:?}", denied.text_content());
    let allowed = page.get("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-check[data-action='ecr:GetAuthorizationToken']");
    assert_eq!(attr(&allowed, "data-allowed"), "yes");
    assert!(page.text("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-trust").contains("trusts ecs-tasks.amazonaws.com"));
    assert!(page.text("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-uses").contains("execution role of 1 task"));

    // Choosing the task shows its stoppedReason and outlines its roles; pressing a role outlines its task.
    page.click("[data-cluster=demo] .start-failure .show-task").await;
    assert!(page.text("[data-testid=stopped-reason]").contains(&reason));
    assert!(page.text("[data-testid=stopped-reason]").starts_with("Stopped (TaskFailedToStart): "));
    assert!(attr(&page.get("[data-cluster=demo] .role-card[data-role=appTaskRole]"), "class").contains("linked"));
    page.click(".why-close").await;
    let button: HtmlElement = page.get("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-name").dyn_into().unwrap();
    assert_eq!(attr(&button, "aria-pressed"), "false");
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(attr(&page.get("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-name"), "aria-pressed"), "true");
    let chip = page.get(&format!(".task-chip[data-task=\"{task_id}\"]"));
    assert!(attr(&chip, "class").split_whitespace().any(|c| c == "uses-role"));

    // Fixed with the managed policy, the next task runs: the card shows ✓ and the failure is resolved.
    run(
        &page,
        &[
            "aws iam attach-role-policy --role-name appExecutionRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy".into(),
            "T=$(aws ecs run-task --cluster demo --launch-type FARGATE --task-definition app --network-configuration \"$NET\" --query 'tasks[0].taskArn' --output text)".into(),
            "aws ecs wait tasks-running --cluster demo --tasks $T".into(),
        ],
    )
    .await;
    let entry = page.get("[data-cluster=demo] .start-failure");
    assert!(attr(&entry, "class").contains("resolved"));
    assert_eq!(
        attr(&page.get("[data-cluster=demo] .role-card[data-role=appExecutionRole] .role-check[data-action='ecr:BatchGetImage']"), "data-allowed"),
        "yes"
    );
}
