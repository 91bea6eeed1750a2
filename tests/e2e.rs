//! End to end: serves the built `dist/` with a tiny static HTTP server, drives headless Chromium through
//! chromedriver, opens the first lesson, types each solution command into the terminal, and checks that
//! every goal ticks, that the animation draws the task chip in its instance, and that the terminal's text
//! is byte for byte what `ecs-sim run` prints for the same commands; then replays the lesson with "Show
//! solution", and launches an instance without a profile to see it shown apart. Saves screenshots to
//! `docs/screenshots/`: `first-task.png` (the lesson done), `mid-animation.png` (a task chip in flight),
//! `no-instance-profile.png`.
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e`.
#![cfg(not(target_arch = "wasm32"))]

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// Serves `dir` on a free port of 127.0.0.1 (GET only, one request per connection); returns the port.
async fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the static server");
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let dir = dir.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                    match sock.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                    if buf.len() > 64 * 1024 {
                        return;
                    }
                }
                let request = String::from_utf8_lossy(&buf);
                let target = request.split_whitespace().nth(1).unwrap_or("/");
                let path = target.split(['?', '#']).next().unwrap_or("/").trim_start_matches('/');
                let path = if path.is_empty() { "index.html" } else { path };
                let found = if path.split('/').any(|p| p == ".." || p.is_empty()) {
                    None
                } else {
                    tokio::fs::read(dir.join(path)).await.ok()
                };
                let (status, ctype, body) = match found {
                    Some(body) => ("200 OK", content_type(path), body),
                    None => ("404 Not Found", "text/plain", b"not found".to_vec()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&body).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    port
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Polls `check` every 100 ms until it returns `Some`, or fails with `what` after `limit`.
async fn wait_until<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(start.elapsed() < limit, "timed out after {limit:?} waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

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

async fn screenshot(client: &Client, path: &Path) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, png).unwrap();
    println!("saved {}", path.display());
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

/// Kills chromedriver when the test ends, however it ends.
struct Driver(std::process::Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_lessons_solution_typed_in_chromium() {
    let dist = crate_dir().join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} is missing: build the page first with `source scripts/tools.sh && trunk build --release --offline=true`",
        dist.display()
    );
    for bin in [CHROMEDRIVER, CHROMIUM] {
        assert!(Path::new(bin).exists(), "{bin} is missing: `source scripts/tools.sh --browser` installs it");
    }
    let lesson = ecs_sim::lesson::builtin().into_iter().find(|l| l.id == "first-task").expect("the first lesson");
    let (_, transcript) = ecs_sim::lesson::run_solution(&lesson).expect("the solution runs headless");

    let site = serve(dist).await;
    let driver_port = free_port();
    let _driver = Driver(
        std::process::Command::new(CHROMEDRIVER)
            .arg(format!("--port={driver_port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    wait_until(Duration::from_secs(20), "chromedriver to listen", || async {
        tokio::net::TcpStream::connect(("127.0.0.1", driver_port)).await.ok().map(|_| ())
    })
    .await;

    let profile = std::env::temp_dir().join(format!(
        "ecs-sandbox-e2e-{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
    ));
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1440,1000", "--force-device-scale-factor=1",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .expect("a Chromium session through chromedriver");

    let result = run(&client, site, &lesson, &transcript).await;
    let _ = client.close().await;
    let _ = std::fs::remove_dir_all(&profile);
    result
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
