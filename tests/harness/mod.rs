//! The native end-to-end harness: serves a built `dist/` with a tiny static HTTP server and drives headless
//! Chromium through chromedriver (fantoccini). Shared by the end-to-end tests and the browser benchmark
//! (`tests/browser_bench.rs`). `ECS_SANDBOX_DIST` points at another build than `dist/`.
#![allow(dead_code)]

pub mod page;

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built page: `$ECS_SANDBOX_DIST`, else `dist/`.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("ECS_SANDBOX_DIST").map_or_else(|| crate_dir().join("dist"), PathBuf::from)
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
pub async fn serve(dir: PathBuf) -> u16 {
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

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Polls `check` every 100 ms until it returns `Some`, or fails with `what` after `limit`.
pub async fn wait_until<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
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

pub async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

pub async fn screenshot(client: &Client, path: &Path) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, png).unwrap();
    println!("saved {}", path.display());
}

/// Kills chromedriver when the test ends, however it ends.
pub struct Driver(std::process::Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A headless Chromium session on the built page, served on `site`; dropping it ends chromedriver.
pub struct Browser {
    pub client: Client,
    pub site: u16,
    profile: PathBuf,
    _driver: Driver,
}

impl Browser {
    /// Serves the built page and starts Chromium with a window of `width` × `height`.
    pub async fn start(width: u32, height: u32) -> Browser {
        let dist = dist_dir();
        assert!(
            dist.join("index.html").is_file(),
            "{} is missing: build the page first with `source scripts/tools.sh && trunk build --release --offline=true`",
            dist.display()
        );
        for bin in [CHROMEDRIVER, CHROMIUM] {
            assert!(Path::new(bin).exists(), "{bin} is missing: `source scripts/tools.sh --browser` installs it");
        }
        let site = serve(dist).await;
        let driver_port = free_port();
        let driver = Driver(
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
                    format!("--window-size={width},{height}"), "--force-device-scale-factor=1",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
            .expect("a Chromium session through chromedriver");
        Browser { client, site, profile, _driver: driver }
    }

    pub fn url(&self, hash: &str) -> String {
        format!("http://127.0.0.1:{}/{hash}", self.site)
    }

    /// Closes the session and removes the profile.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
