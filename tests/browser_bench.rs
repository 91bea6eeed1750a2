//! The browser benchmarks (not a test: `#[ignore]`d, and it asserts nothing about time): opens the built
//! page's `#/bench` route in headless Chromium, waits for it to finish, and prints the figures it shows —
//! the same lines `cargo bench -p ecs-sim` prints natively. Saves the page to `target/screenshots/bench.png`.
//!
//! Run: `scripts/bench.sh` (both), or after `trunk build --release --offline=true`:
//! `cargo test -p ecs-sandbox --release --test browser_bench -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use harness::{Browser, crate_dir, js, screenshot, wait_until};
use serde_json::json;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark, not a test: run by scripts/bench.sh"]
async fn browser_benchmarks() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("#/bench")).await.expect("open #/bench");
    wait_until(Duration::from_secs(30), "the bench page", || async {
        (js(&b.client, "return !!document.querySelector('.bench-page');").await == json!(true)).then_some(())
    })
    .await;
    wait_until(Duration::from_secs(900), "the benchmarks to finish", || async {
        (js(&b.client, "return document.querySelector('.bench-page').dataset.done === 'true';").await == json!(true)).then_some(())
    })
    .await;
    let text = js(&b.client, "return document.querySelector('[data-testid=bench-text]').textContent;").await;
    let agent = js(&b.client, "return navigator.userAgent;").await;
    println!("browser ({}):", agent.as_str().unwrap_or("?"));
    println!("{}", text.as_str().unwrap_or_default());
    assert!(js(&b.client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
    screenshot(&b.client, &crate_dir().join("target/screenshots/bench.png")).await;
    b.close().await;
}
