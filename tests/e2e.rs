//! End to end: serves the built `dist/` with a tiny static HTTP server, drives headless Chromium through
//! chromedriver, opens the first lesson, types each solution command into the terminal, and checks that
//! every goal ticks, that the animation draws the task chip in its instance, and that the terminal's text
//! is byte for byte what `ecs-sim run` prints for the same commands; then replays the lesson with "Show
//! solution", and launches an instance without a profile to see it shown apart. Saves screenshots to
//! `docs/screenshots/`: `first-task.png` (the lesson done), `mid-animation.png` (a task chip in flight),
//! `no-instance-profile.png`.
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e`. The harness
//! (serving, chromedriver) is `tests/harness/`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use harness::{Browser, crate_dir, js, screenshot, wait_until};
use serde_json::json;
use std::time::Duration;

async fn goals(client: &Client) -> Vec<(String, bool)> {
    let v = js(
        client,
        "return [...document.querySelectorAll('li[data-goal]')].map(li => [li.dataset.goal, li.classList.contains('met')]);",
    )
    .await;
    serde_json::from_value(v).expect("goal rows")
}

async fn terminal_text(client: &Client) -> String {
    let v = js(client, "return document.querySelector('[data-testid=scrollback]').textContent;").await;
    v.as_str().unwrap_or_default().to_string()
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_lessons_solution_typed_in_chromium() {
    let lesson = ecs_sim::lesson::builtin().into_iter().find(|l| l.id == "first-task").expect("the first lesson");
    let (_, transcript) = ecs_sim::lesson::run_solution(&lesson).expect("the solution runs headless");
    let b = Browser::start(1440, 1000).await;
    run(&b.client, b.site, &lesson, &transcript).await;
    b.close().await;
}

async fn run(client: &Client, site: u16, lesson: &ecs_sim::lesson::Lesson, transcript: &str) {
    client.goto(&format!("http://127.0.0.1:{site}/#/lesson/{}", lesson.id)).await.expect("open the page");
    let input = client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("[data-testid=terminal-input]"))
        .await
        .expect("the terminal's prompt appears (the wasm loaded)");
    let start = goals(client).await;
    assert_eq!(start.len(), lesson.goals.len());
    assert!(start.iter().all(|(_, met)| !met), "no goal is met at the start: {start:?}");

    let enter: String = char::from(Key::Enter).into();
    let placing = lesson.solution.iter().position(|l| l.contains("run-task")).expect("the solution runs a task");
    for (i, line) in lesson.solution.iter().enumerate() {
        if i == placing {
            // Play what is queued, slow down, and catch the placed task in flight.
            client.find(Locator::Css(".anim-finish")).await.unwrap().click().await.ok();
            set_speed(client, 0).await;
        }
        input.send_keys(line).await.expect("type a command");
        input.send_keys(&enter).await.expect("press Enter");
        let shown = format!("$ {line}\n");
        wait_until(Duration::from_secs(10), "the command to show in the terminal", || async {
            terminal_text(client).await.contains(&shown).then_some(())
        })
        .await;
        if i == placing {
            wait_until(Duration::from_secs(5), "the placed chip to start its flight", || async {
                let v = js(client, "return document.querySelectorAll('svg .task-chip.arriving').length;").await;
                (v.as_u64() == Some(1)).then_some(())
            })
            .await;
            tokio::time::sleep(Duration::from_millis(700)).await;
            screenshot(client, &crate_dir().join("docs/screenshots/mid-animation.png")).await;
            set_speed(client, 4).await;
        }
    }

    let final_goals = wait_until(Duration::from_secs(10), "every goal to tick", || async {
        let g = goals(client).await;
        g.iter().all(|(_, met)| *met).then_some(g)
    })
    .await;
    assert_eq!(final_goals.len(), lesson.goals.len());

    // The animation plays to the end by itself; then a RUNNING chip sits in an instance card.
    wait_until(Duration::from_secs(60), "the animation to finish", || async {
        let v = js(client, "return document.querySelector('.anim-status').textContent;").await;
        v.as_str().is_some_and(|s| s.contains("Up to date")).then_some(())
    })
    .await;
    let chip = js(
        client,
        "const c = document.querySelector('svg .instance .task-chip'); return c && [c.dataset.status, c.closest('.instance').dataset.instance];",
    )
    .await;
    assert_eq!(chip[0], json!("RUNNING"), "a RUNNING task chip is drawn inside an instance: {chip}");
    assert!(chip[1].as_str().is_some_and(|i| i.starts_with("i-")), "{chip}");
    assert_eq!(js(client, "return document.querySelectorAll('svg .instance').length;").await, json!(2));

    let text = terminal_text(client).await;
    if text != transcript {
        let at = text.bytes().zip(transcript.bytes()).position(|(a, b)| a != b).unwrap_or(text.len().min(transcript.len()));
        panic!(
            "the page's terminal differs from `ecs-sim run` at byte {at}:\n--- page ---\n{}\n--- ecs-sim run ---\n{}",
            &text[at.saturating_sub(200)..text.len().min(at + 200)],
            &transcript[at.saturating_sub(200)..transcript.len().min(at + 200)]
        );
    }
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
    // Scroll the lesson pane to its goals for the picture.
    js(client, "document.querySelector('.lesson-pane').scrollTop = 0;").await;
    screenshot(client, &crate_dir().join("docs/screenshots/first-task.png")).await;

    // "Show solution" starts over and types the same commands visibly: the same transcript, every goal.
    client.find(Locator::Css(".lesson-actions .solution")).await.unwrap().click().await.expect("click Show solution");
    wait_until(Duration::from_secs(5), "the lesson to start over", || async {
        goals(client).await.iter().all(|(_, met)| !met).then_some(())
    })
    .await;
    wait_until(Duration::from_secs(5), "a command being typed", || async {
        let v = js(client, "return document.querySelector('.input-line.typing [data-testid=terminal-input]')?.value ?? '';").await;
        v.as_str().is_some_and(|s| !s.is_empty()).then_some(())
    })
    .await;
    wait_until(Duration::from_secs(90), "the solution to be typed and run", || async {
        (terminal_text(client).await == transcript && js(client, "return !document.querySelector('.input-line.typing');").await == json!(true))
            .then_some(())
    })
    .await;
    assert!(goals(client).await.iter().all(|(_, met)| *met), "every goal after Show solution");

    // An instance launched without an instance profile runs but never registers: the cluster view shows it
    // apart, with the agent's reason.
    for line in ["aws ec2 run-instances --image-id $AMI --instance-type t3.micro --query 'Instances[0].InstanceId'", "sleep 30"] {
        input.send_keys(line).await.expect("type a command");
        input.send_keys(&enter).await.expect("press Enter");
    }
    client.find(Locator::Css(".anim-finish")).await.unwrap().click().await.ok();
    let reason = wait_until(Duration::from_secs(10), "the unregistered instance to show", || async {
        let v = js(client, "return document.querySelector('.ec2.agent-cannot-register .ec2-agent')?.textContent;").await;
        v.as_str().map(String::from)
    })
    .await;
    assert!(reason.contains("instance profile"), "{reason}");
    screenshot(client, &crate_dir().join("docs/screenshots/no-instance-profile.png")).await;
}
