//! What the end-to-end tests do with the page: open a lesson, type a command, show the solution, wait for the
//! animation, read the goals. Shared by `e2e_cluster`, `e2e_registry` and `e2e_traffic`.

use super::{Browser, js, wait_until};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;
use std::time::Duration;

/// A script's result as text (empty when it is not a string).
pub async fn text(client: &Client, script: &str) -> String {
    js(client, script).await.as_str().unwrap_or_default().to_string()
}

/// Each goal of the open lesson: (id, met).
pub async fn goals(client: &Client) -> Vec<(String, bool)> {
    let v = js(client, "return [...document.querySelectorAll('li[data-goal]')].map(li => [li.dataset.goal, li.classList.contains('met')]);").await;
    serde_json::from_value(v).expect("goal rows")
}

/// Picks an animation speed by its index in the speed menu.
pub async fn set_speed(client: &Client, index: usize) {
    js(
        client,
        &format!(
            "const s = document.querySelector('.anim-speed select'); s.value = '{index}'; s.dispatchEvent(new Event('change', {{bubbles: true}}));"
        ),
    )
    .await;
}

/// Waits until nothing is being typed and the animation has played every step.
pub async fn settle(client: &Client) {
    wait_until(Duration::from_secs(120), "typing and the animation to finish", || async {
        let v = js(
            client,
            "return !document.querySelector('.input-line.typing') && document.querySelector('.anim-status').textContent.includes('Up to date');",
        )
        .await;
        (v == json!(true)).then_some(())
    })
    .await;
}

pub async fn click(client: &Client, selector: &str) {
    client.find(Locator::Css(selector)).await.unwrap_or_else(|e| panic!("{selector}: {e}")).click().await.expect("click");
}

/// Opens a lesson by its URL and waits until the wasm has loaded and the lesson shows its goals.
pub async fn open_lesson(client: &Client, b: &Browser, id: &str) {
    client.goto(&b.url(&format!("#/lesson/{id}"))).await.expect("open the page");
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("[data-testid=terminal-input]"))
        .await
        .expect("the terminal's prompt appears (the wasm loaded)");
    wait_until(Duration::from_secs(10), "the lesson to open", || async {
        let v = js(client, &format!("return location.hash === '#/lesson/{id}' && !!document.querySelector('li[data-goal]');")).await;
        (v == json!(true)).then_some(())
    })
    .await;
}

/// A new lesson's hash keeps the page (and the pane's scroll position): back to the top of the pane.
pub async fn pane_to_top(client: &Client) {
    js(client, "const s = document.querySelector('.cluster-scroll'); if (s) s.scrollTop = 0;").await;
}

/// Clicks "Show solution" at 4× and waits up to `limit` until every goal is met.
pub async fn show_solution_within(client: &Client, limit: Duration) {
    set_speed(client, 4).await;
    click(client, ".lesson-actions .solution").await;
    wait_until(limit, "every goal to tick", || async {
        let g = goals(client).await;
        (!g.is_empty() && g.iter().all(|(_, met)| *met)).then_some(())
    })
    .await;
}

/// Clicks "Show solution" and waits until every goal is met and the view has caught up.
pub async fn show_solution(client: &Client) {
    show_solution_within(client, Duration::from_secs(120)).await;
    settle(client).await;
}

/// Types a command into the terminal, presses Enter and waits until it shows in the scrollback.
pub async fn type_line(client: &Client, line: &str) {
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
