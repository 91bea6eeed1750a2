//! Browser tests of the terminal: a typed command runs and its output appears (stderr styled apart), the
//! history, the continuation prompt, Ctrl-L, a multi-line paste, and oversized input (a 10 MB paste, a
//! 2 MiB line) that gets a clear message and no panic.
#![cfg(target_arch = "wasm32")]

mod common;

use common::mount;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_typed_command_runs_and_its_output_appears() {
    let page = mount().await;
    assert_eq!(page.terminal_text(), "");
    page.enter("echo hello").await;
    assert_eq!(page.terminal_text(), "$ echo hello\nhello\n");
    assert_eq!(page.input().value(), "", "the prompt is empty again");
    page.enter("aws ecs create-cluster --cluster-name demo --query cluster.status").await;
    assert!(page.terminal_text().ends_with("$ aws ecs create-cluster --cluster-name demo --query cluster.status\n\"ACTIVE\"\n"));
    // Output to stderr is drawn apart (red), and the text is still the transcript.
    page.enter("nosuchcommand").await;
    let err = page.text("[data-testid=scrollback] .t-err");
    assert!(err.contains("nosuchcommand: command not found"), "{err}");
    // An empty line runs nothing.
    let before = page.terminal_text();
    page.enter("   ").await;
    assert_eq!(page.terminal_text(), before);
}

#[wasm_bindgen_test]
async fn arrows_walk_the_history_and_keep_the_draft() {
    let page = mount().await;
    page.enter("echo one").await;
    page.enter("echo two").await;
    page.type_text("draft").await;
    assert!(page.press("ArrowUp", false).await);
    assert_eq!(page.input().value(), "echo two");
    page.press("ArrowUp", false).await;
    assert_eq!(page.input().value(), "echo one");
    page.press("ArrowUp", false).await;
    assert_eq!(page.input().value(), "echo one", "stays at the oldest");
    page.press("ArrowDown", false).await;
    assert_eq!(page.input().value(), "echo two");
    page.press("ArrowDown", false).await;
    assert_eq!(page.input().value(), "draft", "back to what was being typed");
    // A recalled line runs like a typed one.
    page.press("ArrowUp", false).await;
    page.press("Enter", false).await;
    assert!(page.terminal_text().ends_with("$ echo two\ntwo\n$ echo two\ntwo\n"));
}

#[wasm_bindgen_test]
async fn an_open_quote_asks_for_a_continuation_line() {
    let page = mount().await;
    page.enter("echo 'first").await;
    assert_eq!(page.terminal_text(), "", "nothing runs yet");
    assert_eq!(page.text(".pending-line"), "$ echo 'first");
    assert_eq!(page.text(".prompt-row .prompt"), "> ");
    page.enter("second'").await;
    assert_eq!(page.terminal_text(), "$ echo 'first\n> second'\nfirst\nsecond\n");
    assert!(page.find(".pending-line").is_none());
    assert_eq!(page.text(".prompt-row .prompt"), "$ ");
    // Ctrl-C drops an unfinished command.
    page.enter("echo \"open").await;
    assert!(page.find(".pending-line").is_some());
    page.press("c", true).await;
    assert!(page.find(".pending-line").is_none());
}

#[wasm_bindgen_test]
async fn ctrl_l_and_clear_clear_the_screen() {
    let page = mount().await;
    page.enter("echo one").await;
    page.type_text("echo kept").await;
    assert!(page.press("l", true).await, "Ctrl-L is the terminal's, not the browser's");
    assert_eq!(page.terminal_text(), "");
    assert_eq!(page.input().value(), "echo kept", "the line being typed stays");
    page.press("Enter", false).await;
    assert_eq!(page.terminal_text(), "$ echo kept\nkept\n");
    page.enter("clear").await;
    assert_eq!(page.terminal_text(), "");
}

#[wasm_bindgen_test]
async fn a_multi_line_paste_runs_each_command_in_order() {
    let page = mount().await;
    page.type_text("echo ").await;
    let handled = page.paste("zero\n# a comment\n\necho 'one\ntwo'\r\naws ecs list-clusters \\\n  --output text\necho thr").await;
    assert!(handled);
    assert_eq!(
        page.terminal_text(),
        "$ echo zero\nzero\n$ echo 'one\n> two'\none\ntwo\n$ aws ecs list-clusters \\\n>   --output text\n"
    );
    assert_eq!(page.input().value(), "echo thr", "the last line waits for Enter");
    page.press("Enter", false).await;
    assert!(page.terminal_text().ends_with("$ echo thr\nthr\n"));
    // A one-line paste is left to the browser.
    assert!(!page.paste("echo single").await);
}

#[wasm_bindgen_test]
async fn a_10_mb_paste_is_refused_with_a_message() {
    let page = mount().await;
    let huge = "x".repeat(10 * 1024 * 1024);
    assert!(page.paste(&huge).await);
    let text = page.terminal_text();
    assert!(text.contains("Paste refused: 10.0 MiB"), "{}", &text[..text.len().min(300)]);
    assert!(page.find("[data-testid=scrollback] .t-notice").is_some());
    assert_eq!(page.input().value(), "");
    // Many lines of it too.
    let lines = "echo spam\n".repeat(200_000);
    assert!(page.paste(&lines).await);
    assert_eq!(page.terminal_text().matches("Paste refused").count(), 2);
    // The terminal still works.
    page.enter("echo still here").await;
    assert!(page.terminal_text().ends_with("$ echo still here\nstill here\n"));
}

#[wasm_bindgen_test]
async fn an_overlong_typed_line_gets_the_models_message() {
    let page = mount().await;
    let long = format!("echo {}", "y".repeat(2 * 1024 * 1024));
    page.enter(&long).await;
    let err = page.text("[data-testid=scrollback] .t-err");
    assert!(err.contains("input too long"), "{}", &err[..err.len().min(300)]);
    page.enter("echo fine").await;
    assert!(page.terminal_text().ends_with("$ echo fine\nfine\n"));
}
