//! End to end, the editor: serves the built `dist/` (as `tests/e2e.rs` does), opens a blank `.json` tab in
//! headless Chromium, pastes `tomcat-awsvpc-port-mismatch.json` into it with Ctrl-V, and checks that the port
//! mapping is underlined, that the problem says why (ECS's own words, at 12:21), that the help panel explains
//! it, and that the Fix button repairs it; saves `docs/screenshots/editor-port-mismatch.png`. Also checks that
//! the JSON Schema is published at `schema/task-definition.schema.json`, and measures a keystroke and a check
//! on a 10-container definition (each must fit in a 16 ms frame).
//!
//! Run after `trunk build --release --offline=true`: `cargo test -p ecs-sandbox --release --test e2e_editor`.
#![cfg(not(target_arch = "wasm32"))]

mod harness;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use harness::{Browser, crate_dir, js, wait_until};
use serde_json::{Value, json};
use std::path::Path;
use std::time::Duration;

const FRAME_MS: f64 = 16.0;

/// The fixture, from `../shared/fixtures/taskdefs/` when present, else the validator's copy.
fn fixture(name: &str) -> String {
    let shared = Path::new("/work/shared/fixtures/taskdefs").join(name);
    let path = if shared.exists() { shared } else { crate_dir().join("sim/tests/data/taskdefs").join(name) };
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

async fn js_async(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client.execute_async(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

async fn click(client: &Client, selector: &str) {
    client.find(Locator::Css(selector)).await.unwrap_or_else(|e| panic!("{selector}: {e}")).click().await.expect("click");
}

async fn editor_value(client: &Client) -> String {
    js(client, "return document.querySelector('.editor-text').value;").await.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pasting_the_tomcat_port_mismatch_underlines_the_port_mapping() {
    let b = Browser::start(1440, 1000).await;
    run(&b.client, b.site).await;
    b.close().await;
}

async fn run(client: &Client, site: u16) {
    client.goto(&format!("http://127.0.0.1:{site}/#/lesson/first-task")).await.expect("open the page");
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(".editor-text"))
        .await
        .expect("the editor appears (the wasm loaded)");

    // The JSON Schema is published with the site.
    let schema = js_async(
        client,
        "const done = arguments[arguments.length - 1];
         fetch('schema/task-definition.schema.json').then(r => r.ok ? r.json() : null).then(done, () => done(null));",
        vec![],
    )
    .await;
    assert_eq!(schema["$schema"], json!("http://json-schema.org/draft-07/schema#"), "schema/task-definition.schema.json is served");
    assert!(schema["properties"]["containerDefinitions"].is_object());

    // A new blank tab, and the fixture pasted into it with Ctrl-V.
    click(client, ".template-menu > summary").await;
    click(client, ".template-menu [data-template='blank']").await;
    let active = js(client, "return document.querySelector('.tab.active').textContent;").await;
    assert_eq!(active, json!("untitled.json"));
    let source = fixture("tomcat-awsvpc-port-mismatch.json");
    let copied = js_async(
        client,
        "const done = arguments[arguments.length - 1];
         navigator.clipboard.writeText(arguments[0]).then(() => done(true), () => done(false));",
        vec![json!(source)],
    )
    .await;
    let editor = client.find(Locator::Css(".editor-text")).await.expect("the editor");
    editor.click().await.expect("focus the editor");
    if copied == json!(true) {
        editor.send_keys(&(Key::Control + "v")).await.expect("Ctrl-V");
    }
    let pasted = wait_until(Duration::from_secs(5), "the paste", || async {
        let v = editor_value(client).await;
        (!v.is_empty()).then_some(v)
    })
    .await;
    assert_eq!(pasted, source, "Ctrl-V pasted the file as it is");
    println!("pasted with Ctrl-V");

    // The port mapping is underlined, and the problem says why.
    let squiggle = wait_until(Duration::from_secs(5), "the squiggle", || async {
        let v = js(client, "return document.querySelector('.editor-layer mark.sq-error')?.textContent ?? null;").await;
        v.as_str().map(String::from)
    })
    .await;
    assert_eq!(squiggle, "\"hostPort\": 80");
    let row = js(
        client,
        "const r = document.querySelector('.problem[data-rule=awsvpc-host-port]');
         return r && [r.querySelector('.problem-loc').textContent, r.querySelector('.problem-message').textContent];",
    )
    .await;
    assert_eq!(row, json!(["12:21", "When networkMode=awsvpc, the host ports and container ports in port mappings must match."]));
    assert_eq!(js(client, "return document.querySelector('[data-verdict]').dataset.verdict;").await, json!("rejected"));
    // The squiggle sits under the text it marks: the layer's mark and the textarea's text line up.
    let geometry = js(
        client,
        "const m = document.querySelector('.editor-layer mark.sq-error').getBoundingClientRect();
         const t = document.querySelector('.editor-text'); const b = t.getBoundingClientRect();
         const cs = getComputedStyle(t); const lh = parseFloat(cs.lineHeight); const pt = parseFloat(cs.paddingTop);
         return [m.top - b.top + t.scrollTop - pt, lh];",
    )
    .await;
    let (top, line) = (geometry[0].as_f64().unwrap(), geometry[1].as_f64().unwrap());
    assert!((top / line - 11.0).abs() < 0.3, "the mark is on line 12: {top} px at {line} px a line");

    // Clicking the problem selects the span; with the caret inside it the panel explains the finding.
    click(client, ".problem[data-rule=awsvpc-host-port] .problem-jump").await;
    let selected = js(client, "const t = document.querySelector('.editor-text'); return t.value.slice(t.selectionStart, t.selectionEnd);").await;
    assert_eq!(selected, json!("\"hostPort\": 80"));
    editor.send_keys(&[Key::Left, Key::Right, Key::Right].map(char::from).iter().collect::<String>()).await.expect("move the caret");
    let panel = wait_until(Duration::from_secs(5), "the help panel", || async {
        let v = js(client, "return document.querySelector('#editor-help .panel-finding[data-rule=awsvpc-host-port]') ? document.querySelector('#editor-help').textContent : null;").await;
        v.as_str().map(String::from)
    })
    .await;
    assert!(panel.contains("awsvpc") && panel.contains('§'), "{panel}");
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
    let shot = crate_dir().join("docs/screenshots/editor-port-mismatch.png");
    std::fs::create_dir_all(shot.parent().unwrap()).unwrap();
    std::fs::write(&shot, client.screenshot().await.expect("screenshot")).unwrap();
    println!("saved {}", shot.display());

    // The Fix button repairs it.
    click(client, ".problem[data-rule=awsvpc-host-port] .problem-fix").await;
    wait_until(Duration::from_secs(5), "the fix", || async {
        (js(client, "return document.querySelector('[data-verdict]').dataset.verdict;").await == json!("accepted")).then_some(())
    })
    .await;
    assert!(editor_value(client).await.contains("\"hostPort\": 8080"));

    // A 10-container definition: a keystroke and the check after it each fit in a frame.
    let template = ecs_sim::validate::templates().iter().find(|t| t.id == "fargate-web").expect("the Fargate template");
    let mut doc: Value = serde_json::from_str(template.text).unwrap();
    let container = doc["containerDefinitions"][0].clone();
    doc["containerDefinitions"] = Value::Array(
        (0..10)
            .map(|i| {
                let mut c = container.clone();
                c["name"] = json!(format!("web-{i}"));
                c["portMappings"][0]["containerPort"] = json!(8080 + i);
                c["essential"] = json!(i == 0);
                c
            })
            .collect(),
    );
    doc["cpu"] = json!("4096");
    doc["memory"] = json!("8192");
    let big = serde_json::to_string_pretty(&doc).unwrap();
    js(
        client,
        &format!(
            "const t = document.querySelector('.editor-text'); t.focus(); t.select(); document.execCommand('insertText', false, {});",
            json!(big)
        ),
    )
    .await;
    wait_until(Duration::from_secs(5), "the 10-container definition to be checked", || async {
        let v = js(client, "return document.querySelector('.problems')?.dataset.stale ?? null;").await;
        (v == json!("false")).then_some(())
    })
    .await;
    let timings = js_async(
        client,
        "const done = arguments[arguments.length - 1];
         (async () => {
           const t = document.querySelector('.editor-text');
           const at = t.value.indexOf('\"web-9\"') + 6;
           t.focus(); t.setSelectionRange(at, at);
           const keys = [], sync = [];
           for (let i = 0; i < 20; i++) {
             const t0 = performance.now();
             document.execCommand('insertText', false, 'x');
             const t1 = performance.now();
             await new Promise(r => setTimeout(r, 0));
             keys.push(performance.now() - t0);
             sync.push(t1 - t0);
             await new Promise(r => setTimeout(r, 20));
           }
           await new Promise(r => setTimeout(r, 400));
           const p = document.querySelector('.problems');
           keys.sort((a, b) => a - b);
           sync.sort((a, b) => a - b);
           // sync: the input handler; median and worst: the handler and the render after it.
           done({ sync: sync[10], median: keys[10], worst: keys[19], validate: parseFloat(p.dataset.validateMs), stale: p.dataset.stale, bytes: t.value.length });
         })();",
        vec![],
    )
    .await;
    println!("10-container definition: {timings}");
    assert_eq!(timings["stale"], json!("false"), "checked after the pause");
    let (median, validate_ms) = (timings["median"].as_f64().unwrap(), timings["validate"].as_f64().unwrap());
    assert!(median < FRAME_MS, "a keystroke takes {median:.1} ms (median): more than a frame");
    assert!(validate_ms < FRAME_MS, "a check takes {validate_ms:.1} ms: more than a frame");
    assert!(js(client, "return document.getElementById('panic-banner') === null;").await.as_bool().unwrap(), "no panic");
}
