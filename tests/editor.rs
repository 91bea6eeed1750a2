//! Browser tests of the editor (issue 3): a typed definition gets squiggles and problems, a click on a problem
//! selects its span, a fix repairs the tomcat port mismatch (and Ctrl-Z takes it back), templates open in new
//! tabs and validate clean, completion inserts keys and enum values, the help panel follows the caret and the
//! mouse, and every real task definition of the fixtures gets, pasted into the editor, the verdict SOURCES.md
//! gives.
//!
//! The fixtures are the validator's copies in `sim/tests/data/taskdefs/` (a browser test cannot read files, so
//! they are embedded; `sim/tests/validate_fixtures.rs` checks the copies equal `../shared/fixtures/taskdefs/`).
//! Typing is checked with the debounce set to 0 (`EditorSettings`), so no test waits for a timer; one test
//! shows that with the page's debounce a keystroke's check waits while a paste's does not.
#![cfg(target_arch = "wasm32")]

use ecs_sandbox::components::EditorSettings;
use ecs_sandbox::{App, tuning};
use ecs_sim::validate::{Verdict, byte_to_utf16, validate};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, InputEvent, InputEventInit, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/sim/tests/data/taskdefs/", $name)))
    };
}

const SOURCES_MD: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/sim/tests/data/taskdefs/SOURCES.md"));
const FIXTURES: &[(&str, &str)] = &[
    fixture!("bridge-links.json"),
    fixture!("consul-host-mode.json"),
    fixture!("depends-on-healthy.json"),
    fixture!("describe-output-read-only-fields.json"),
    fixture!("fargate-with-nulls.json"),
    fixture!("firelens-datadog-secret-options.json"),
    fixture!("firelens-efs-describe-wrapper.json"),
    fixture!("gpu-resource-requirements.json"),
    fixture!("nginx-fargate-awslogs-no-execution-role.json"),
    fixture!("secrets-placeholders.json"),
    fixture!("terraform-container-definitions-array.json"),
    fixture!("tomcat-awsvpc-port-mismatch.json"),
    fixture!("tomcat-broken-json.json"),
];

fn fixture(name: &str) -> &'static str {
    FIXTURES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or_else(|| panic!("no fixture {name}"))
}

#[derive(Properties, PartialEq)]
struct RootProps {
    debounce_ms: u32,
}

/// The page on the first lesson, saving nothing, with the editor's debounce set.
#[component]
fn Root(props: &RootProps) -> Html {
    let settings = EditorSettings { debounce_ms: props.debounce_ms };
    html! {
        <ContextProvider<EditorSettings> context={settings}>
            <App storage_key={None::<AttrValue>} lesson={Some(AttrValue::from("first-task"))} routing={false} />
        </ContextProvider<EditorSettings>>
    }
}

struct Page {
    root: Element,
    handle: Option<yew::AppHandle<Root>>,
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

async fn mount(debounce_ms: u32) -> Page {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<Root>::with_root_and_props(root.clone(), RootProps { debounce_ms }).render();
    yew::scheduler::flush().await;
    Page { root, handle: Some(handle) }
}

impl Page {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }
    fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no element matches {selector}"))
    }
    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }
    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
    fn editor(&self) -> HtmlTextAreaElement {
        self.get(".editor-text").dyn_into().unwrap()
    }
    async fn click(&self, selector: &str) {
        self.get(selector).dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }
    /// Opens a new tab from the "New from template" menu (`blank` for an empty `.json` file).
    async fn new_from_template(&self, id: &str) {
        self.click(".template-menu > summary").await;
        self.click(&format!(".template-menu [data-template='{id}']")).await;
    }
    /// Replaces the editor's text as the browser does for an input of `input_type` (a paste, a keystroke…).
    async fn input(&self, text: &str, input_type: &str, data: Option<&str>) {
        let ta = self.editor();
        ta.focus().unwrap();
        ta.set_value(text);
        let end = byte_to_utf16(text, text.len()) as u32;
        ta.set_selection_range(end, end).unwrap();
        let init = InputEventInit::new();
        init.set_bubbles(true);
        init.set_input_type(input_type);
        init.set_data(data);
        ta.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }
    async fn paste(&self, text: &str) {
        self.input(text, "insertFromPaste", None).await;
    }
    /// Types `text` at the end of the editor's text, one line at a time.
    async fn type_text(&self, text: &str) {
        let mut value = self.editor().value();
        for piece in text.split_inclusive('\n') {
            value.push_str(piece);
            self.input(&value, "insertText", Some(piece)).await;
        }
    }
    /// Puts the caret at byte `at` with the keyboard (a keyup follows the move, as in a browser).
    async fn caret_to(&self, at: usize) {
        let ta = self.editor();
        ta.focus().unwrap();
        let text = ta.value();
        let p = byte_to_utf16(&text, at) as u32;
        ta.set_selection_range(p, p).unwrap();
        self.key("keyup", "ArrowRight", false).await;
    }
    /// Sends a key event to the editor; returns whether the page took it (`preventDefault`).
    async fn key(&self, kind: &str, key: &str, ctrl: bool) -> bool {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_code(if key == " " { "Space" } else { key });
        init.set_ctrl_key(ctrl);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).unwrap();
        let not_cancelled = self.editor().dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
        !not_cancelled
    }
    async fn press(&self, key: &str) -> bool {
        self.key("keydown", key, false).await
    }
    fn verdict(&self) -> String {
        self.get("[data-verdict]").get_attribute("data-verdict").unwrap()
    }
    /// The problem rows: rule id and line.
    fn problems(&self) -> Vec<(String, usize)> {
        self.all(".problem")
            .iter()
            .map(|p| (p.get_attribute("data-rule").unwrap(), p.get_attribute("data-line").unwrap().parse().unwrap()))
            .collect()
    }
    /// The squiggles: severity class and the text under each.
    fn squiggles(&self) -> Vec<(String, String)> {
        self.all(".editor-layer mark.sq")
            .iter()
            .map(|m| {
                let class = if m.class_name().split_whitespace().any(|c| c == "sq-error") { "error" } else { "warning" };
                (class.to_string(), m.text_content().unwrap_or_default())
            })
            .collect()
    }
    fn active_tab(&self) -> String {
        self.text(".tab.active")
    }
}

fn byte_of(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"))
}

#[wasm_bindgen_test]
async fn typing_a_bad_definition_shows_a_squiggle_and_a_problem() {
    let page = mount(0).await;
    page.new_from_template("blank").await;
    assert_eq!(page.active_tab(), "untitled.json");
    assert!(page.find(".problems-hint").is_some(), "an empty file gets a hint, not a JSON error");
    let source = fixture("tomcat-awsvpc-port-mismatch.json");
    page.type_text(source).await;
    assert_eq!(page.editor().value(), source);
    assert_eq!(page.verdict(), "rejected");
    let errors: Vec<String> = page.squiggles().into_iter().filter(|(s, _)| s == "error").map(|(_, t)| t).collect();
    assert_eq!(errors, ["\"hostPort\": 80"], "the squiggle is under the exact span");
    assert!(page.squiggles().contains(&("warning".to_string(), "\"image\": \"tomcat\"".to_string())), "and the advice in amber");
    assert_eq!(page.problems()[0], ("awsvpc-host-port".to_string(), 12));
    assert_eq!(page.problems()[1].0, "image-latest-tag");
    assert_eq!(page.text(".problem[data-rule='awsvpc-host-port'] .problem-loc"), "12:21");
    let verdict = page.text(".verdict-text");
    assert!(
        verdict.starts_with("ECS would reject this: When networkMode=awsvpc, the host ports and container ports in port mappings must match."),
        "{verdict}"
    );
    // The file is in the workspace the next command reads.
    assert!(page.find(".tab[data-file='untitled.json']").is_some());
}

#[wasm_bindgen_test]
async fn a_keystroke_waits_for_the_debounce_and_a_paste_does_not() {
    let page = mount(tuning::VALIDATE_DEBOUNCE_MS).await;
    page.new_from_template("fargate-web").await;
    assert_eq!(page.verdict(), "accepted", "a template is checked at once");
    let bad = page.editor().value().replacen("\"containerPort\": 80", "\"containerPort\": 80, \"hostPort\": 81", 1);
    page.input(&bad, "insertText", Some("1")).await;
    assert_eq!(page.verdict(), "accepted", "not yet: the check waits for a pause in the typing");
    assert_eq!(page.get(".problems").get_attribute("data-stale").as_deref(), Some("true"));
    page.paste(&bad).await;
    assert_eq!(page.verdict(), "rejected", "a paste is checked at once");
    assert_eq!(page.problems()[0].0, "awsvpc-host-port");
}

#[wasm_bindgen_test]
async fn clicking_a_problem_selects_its_span_and_shows_why() {
    let page = mount(0).await;
    page.new_from_template("blank").await;
    let source = fixture("tomcat-awsvpc-port-mismatch.json");
    page.paste(source).await;
    let ta = page.editor();
    ta.set_selection_range(0, 0).unwrap();
    page.click(".problem[data-rule='awsvpc-host-port'] .problem-jump").await;
    let f = validate(source).findings.into_iter().find(|f| f.rule == "awsvpc-host-port").unwrap();
    assert_eq!(ta.selection_start().unwrap(), Some(byte_to_utf16(source, f.span.start) as u32));
    assert_eq!(ta.selection_end().unwrap(), Some(byte_to_utf16(source, f.span.end) as u32));
    let active = gloo::utils::document().active_element().unwrap();
    assert!(active.is_same_node(Some(ta.as_ref())), "the caret is in the editor");
    // The row under the caret is highlighted; the help panel says why, with the fact and the fix.
    let row = page.get(".problem.current");
    assert_eq!(row.get_attribute("data-rule").as_deref(), Some("awsvpc-host-port"));
    let panel = page.text("#editor-help");
    assert!(panel.contains("awsvpc-host-port") && panel.contains("hostPort"), "{panel}");
    assert!(panel.contains("(§1.4)"), "the explanation cites its fact: {panel}");
    assert!(page.find("#editor-help .panel-fix").is_some());
    assert_eq!(ta.get_attribute("aria-describedby").as_deref(), Some("editor-help"));
    // Escape closes the panel until the caret moves.
    page.press("Escape").await;
    assert!(page.find("#editor-help").is_none());
}

#[wasm_bindgen_test]
async fn the_fix_button_repairs_the_port_mismatch_and_undo_takes_it_back() {
    let page = mount(0).await;
    page.new_from_template("blank").await;
    let source = fixture("tomcat-awsvpc-port-mismatch.json");
    page.paste(source).await;
    assert_eq!(page.verdict(), "rejected");
    let fix = page.get(".problem[data-rule='awsvpc-host-port'] .problem-fix");
    assert!(fix.get_attribute("aria-label").is_some_and(|t| !t.is_empty()));
    page.click(".problem[data-rule='awsvpc-host-port'] .problem-fix").await;
    let fixed = page.editor().value();
    assert!(fixed.contains("\"hostPort\": 8080"), "{fixed}");
    assert_eq!(page.verdict(), "accepted");
    assert!(page.squiggles().iter().all(|(s, _)| s != "error"));
    // The fix went through the browser's editing: the textarea's own undo takes it back.
    let document: web_sys::HtmlDocument = gloo::utils::document().unchecked_into();
    assert!(document.exec_command("undo").unwrap(), "undo ran");
    yew::scheduler::flush().await;
    assert_eq!(page.editor().value(), source);
    assert_eq!(page.verdict(), "rejected");
}

#[wasm_bindgen_test]
async fn the_shape_banner_offers_the_unwrap() {
    let page = mount(0).await;
    page.new_from_template("blank").await;
    page.paste(fixture("firelens-efs-describe-wrapper.json")).await;
    assert_eq!(page.get(".shape-banner").get_attribute("data-shape").as_deref(), Some("describeWrapper"));
    page.click(".shape-banner .shape-fix").await;
    assert!(page.find(".shape-banner").is_none(), "now a plain request");
    assert_eq!(page.verdict(), "accepted");
}

#[wasm_bindgen_test]
async fn every_template_opens_in_a_new_tab_and_validates_clean() {
    let page = mount(0).await;
    let tabs_before = page.all(".tab").len();
    for t in ecs_sim::validate::templates() {
        page.new_from_template(t.id).await;
        assert_eq!(page.active_tab(), format!("{}.json", t.id));
        assert_eq!(page.editor().value(), t.text);
        assert_eq!(page.verdict(), "accepted", "{}", t.id);
        assert!(page.problems().is_empty(), "{}: {:?}", t.id, page.problems());
        assert!(page.squiggles().is_empty());
    }
    assert!(page.find(".template-menu[open]").is_none(), "the menu closes");
    // Nothing is overwritten: the same template again gets a new name.
    page.new_from_template("fargate-web").await;
    assert_eq!(page.active_tab(), "fargate-web-2.json");
    assert_eq!(page.all(".tab").len(), tabs_before + ecs_sim::validate::templates().len() + 1);
    // The schema link points at the published schema.
    assert_eq!(page.get(".schema-link").get_attribute("href").as_deref(), Some("schema/task-definition.schema.json"));
}

#[wasm_bindgen_test]
async fn completion_inserts_a_key_and_an_enum_value() {
    let page = mount(0).await;
    page.new_from_template("blank").await;
    page.type_text("{\n  \"family\": \"web\",\n").await;
    page.input("{\n  \"family\": \"web\",\n  \"", "insertText", Some("\"")).await;
    let labels: Vec<String> = page.all(".completion").iter().map(|c| c.get_attribute("data-label").unwrap()).collect();
    assert!(labels.iter().any(|l| l == "networkMode") && labels.iter().any(|l| l == "containerDefinitions"), "{labels:?}");
    assert!(!labels.iter().any(|l| l == "family"), "family is there already");
    page.input("{\n  \"family\": \"web\",\n  \"netw", "insertText", Some("w")).await;
    assert_eq!(page.get(".completion.selected").get_attribute("data-label").as_deref(), Some("networkMode"));
    assert!(page.press("Enter").await, "Enter inserts the suggestion");
    let ta = page.editor();
    assert_eq!(ta.value(), "{\n  \"family\": \"web\",\n  \"networkMode\": \"\"");
    assert!(page.find(".completions").is_none());
    let caret = ta.selection_start().unwrap().unwrap() as usize;
    assert_eq!(caret, ta.value().len() - 1, "the caret waits inside the value's quotes");
    // Ctrl-Space at the value lists networkMode's values; ↓ and Enter pick one.
    assert!(page.key("keydown", " ", true).await);
    let values: Vec<String> = page.all(".completion").iter().map(|c| c.get_attribute("data-label").unwrap()).collect();
    assert_eq!(values, ["bridge", "host", "awsvpc", "none"]);
    page.press("ArrowDown").await;
    page.press("ArrowDown").await;
    page.press("Enter").await;
    assert_eq!(page.editor().value(), "{\n  \"family\": \"web\",\n  \"networkMode\": \"awsvpc\"");
    // Escape closes an open list without inserting.
    page.key("keydown", " ", true).await;
    assert!(page.find(".completions").is_some());
    assert!(page.press("Escape").await);
    assert!(page.find(".completions").is_none());
}

#[wasm_bindgen_test]
async fn the_help_panel_follows_the_caret_and_the_mouse() {
    let page = mount(0).await;
    page.new_from_template("fargate-web").await;
    let text = page.editor().value();
    page.caret_to(byte_of(&text, "\"networkMode\"") + 3).await;
    let panel = page.text("#editor-help");
    assert!(panel.contains("networkMode"), "{panel}");
    assert!(panel.contains("awsvpc") && panel.contains("bridge"), "the allowed values: {panel}");
    assert!(panel.contains("§1.4"), "the fact: {panel}");
    page.caret_to(byte_of(&text, "\"interval\"") + 2).await;
    let panel = page.text("#editor-help");
    assert!(panel.contains("interval") && panel.contains("5 to 300"), "{panel}");

    // The mouse over a squiggle shows its finding.
    page.paste(fixture("tomcat-awsvpc-port-mismatch.json")).await;
    let mark = page.get(".editor-layer mark.sq-error");
    let r = mark.get_bounding_client_rect();
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((r.left() + r.width() / 2.0) as i32);
    init.set_client_y((r.top() + r.height() / 2.0) as i32);
    page.editor().dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("mousemove", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert!(page.find("#editor-help .panel-finding[data-rule='awsvpc-host-port']").is_some());
}

#[wasm_bindgen_test]
async fn other_files_are_not_validated() {
    let page = mount(0).await;
    page.click(".tab[data-file='user-data.sh']").await;
    assert!(page.find(".problems").is_none());
    assert!(page.find(".editor-layer").is_none());
    assert!(page.find(".editor-gutter").is_some(), "line numbers for every file");
}

#[wasm_bindgen_test]
async fn every_fixture_pasted_gets_the_verdict_sources_md_gives() {
    let page = mount(0).await;
    page.new_from_template("blank").await;
    let mut checked = 0;
    for line in SOURCES_MD.lines().filter(|l| l.starts_with("| ") && l.contains(".json")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let (file, verdict) = (cells[0], cells[2]);
        let expected = if verdict.starts_with("accepted") { "accepted" } else { "rejected" };
        let text = fixture(file);
        page.paste(text).await;
        assert_eq!(page.verdict(), expected, "{file}");
        let report = validate(text);
        assert_eq!(report.verdict == Verdict::Accepted, expected == "accepted");
        let rows = page.problems();
        assert_eq!(rows.len(), report.findings.len(), "{file}: one row per finding");
        for (row, f) in rows.iter().zip(&report.findings) {
            assert_eq!((row.0.as_str(), row.1), (f.rule, f.span.start_line), "{file}");
        }
        let squiggled = page.squiggles().iter().any(|(s, _)| s == "error");
        assert_eq!(squiggled, expected == "rejected", "{file}: an error is underlined");
        checked += 1;
    }
    assert_eq!(checked, FIXTURES.len());
}
