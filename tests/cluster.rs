//! Browser tests of the cluster view (issue 4): every zone of the Region is a column; choosing a task chip
//! (a click, or Enter with the keyboard) opens "why this instance?" with every instance and the chosen one
//! marked, and Escape closes it; a failed placement shows its reason, and its "Why?" button names the
//! constraint that bound.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{Page, mount_with};
use ecs_sandbox::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount_lesson(id: &'static str) -> Page {
    mount_with(AppProps { storage_key: None, lesson: Some(id.into()), routing: false }).await
}

fn lesson(id: &str) -> ecs_sim::lesson::Lesson {
    ecs_sim::lesson::builtin().into_iter().find(|l| l.id == id).unwrap()
}

/// Clicks any element (SVG ones too, which have no `click()`).
async fn click(el: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

async fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// The panel's rows: (container instance id, result).
fn rows(page: &Page) -> Vec<(String, String)> {
    page.all(".placement-panel tr[data-verdict]").iter().map(|r| (attr(r, "data-verdict"), attr(r, "data-result"))).collect()
}

#[wasm_bindgen_test]
async fn choosing_a_chip_explains_its_placement_with_every_instance() {
    let page = mount_lesson("placement-strategies").await;
    assert_eq!(page.all("svg .zone").len(), 3, "every zone of the Region is a column");
    assert!(page.find(".placement-panel").is_none());
    page.enter(&lesson("placement-strategies").solution[0]).await;
    page.click(".anim-finish").await;

    // binpack put the four batch tasks on one instance; choose the second one.
    let packed = page.all("svg .instance").into_iter().max_by_key(|c| c.query_selector_all(".task-chip").unwrap().length()).unwrap();
    let ci = attr(&packed, "data-container-instance");
    let chips = packed.query_selector_all(".task-chip").unwrap();
    assert_eq!(chips.length(), 4);
    let chip: Element = chips.item(1).unwrap().dyn_into().unwrap();
    assert_eq!(attr(&chip, "tabindex"), "0", "chips are focusable");
    assert_eq!(attr(&chip, "role"), "button");
    click(&chip).await;

    let panel = page.get(".placement-panel");
    assert_eq!(attr(&panel, "role"), "region");
    assert!(panel.text_content().unwrap().contains("binpack(memory)"));
    let r = rows(&page);
    assert_eq!(r.len(), 3, "every instance: {r:?}");
    assert_eq!(r.iter().filter(|(_, res)| res == "chosen").map(|(id, _)| id.clone()).collect::<Vec<_>>(), vec![ci.clone()], "{r:?}");
    assert_eq!(r.iter().filter(|(_, res)| res == "lower").count(), 2, "the others ranked lower by binpack: {r:?}");
    assert_eq!(page.all(".placement-panel .instance-detail").len(), 3, "each instance's checks");
    assert!(page.text("[data-testid=panel-headline]").starts_with("Placed on container instance"));
    assert!(attr(&chip, "class").split_whitespace().any(|c| c == "selected"));
    assert_eq!(attr(&chip, "aria-pressed"), "true");

    // Escape closes it; Enter on a chip opens it again.
    key(&panel, "Escape").await;
    assert!(page.find(".placement-panel").is_none());
    let first: Element = packed.query_selector(".task-chip").unwrap().unwrap();
    key(&first, "Enter").await;
    let r = rows(&page);
    assert_eq!(r.len(), 3);
    // The first task: all three instances had as much memory free, so the tie was broken at random.
    assert_eq!(r.iter().filter(|(_, res)| res == "chosen").count(), 1, "{r:?}");
    assert_eq!(r.iter().filter(|(_, res)| res == "tied").count(), 2, "{r:?}");
    assert!(page.text(".placement-panel").contains("one was picked at random"));
}

#[wasm_bindgen_test]
async fn a_failed_placement_shows_its_reason_and_why() {
    let page = mount_lesson("placement-constraints").await;
    let failure = page.get("[data-cluster=shop] .placement-failure");
    assert_eq!(attr(&failure, "data-family"), "reports");
    let text = failure.text_content().unwrap();
    assert!(text.contains("MemberOf placement constraint unsatisfied. (4 of 4 instances)"), "{text}");
    page.click("[data-cluster=shop] .why-button").await;
    assert_eq!(page.text(".placement-panel h3"), "Why was it not placed?");
    assert_eq!(
        page.text("[data-testid=panel-headline]"),
        "Not placed: every instance failed memberOf(attribute:ecs.instance-type == t3.large)."
    );
    let r = rows(&page);
    assert_eq!(r.len(), 4);
    assert!(r.iter().all(|(_, res)| res == "rejected"), "{r:?}");
    assert_eq!(page.all(".placement-panel .why-check.fail").len(), 4, "one failed check per instance");
    page.click(".why-close").await;
    assert!(page.find(".placement-panel").is_none());
}
