//! Helpers for the browser tests: mount the page in a fresh element, type, press keys, paste, read back.
//! Every wait is `yew::scheduler::flush()`, never a sleep.
#![allow(dead_code)]

use ecs_sandbox::{App, AppProps};
use wasm_bindgen::JsCast;
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Element, Event, EventInit, HtmlElement, HtmlTextAreaElement,
    KeyboardEvent, KeyboardEventInit,
};
use yew::AppHandle;

pub struct Page {
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

/// Mounts the page on the first lesson, saving nothing.
pub async fn mount() -> Page {
    mount_with(AppProps { storage_key: None, lesson: Some("first-task".into()), routing: false }).await
}

pub async fn mount_with(props: AppProps) -> Page {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Page { root, handle: Some(handle) }
}

impl Page {
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }
    pub fn get(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no element matches {selector}"))
    }
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }
    pub fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
    pub fn input(&self) -> HtmlTextAreaElement {
        self.get("[data-testid=terminal-input]").dyn_into().unwrap()
    }
    /// Everything the terminal's scrollback shows.
    pub fn terminal_text(&self) -> String {
        self.text("[data-testid=scrollback]")
    }

    /// Replaces the prompt's text as typing would (an `input` event).
    pub async fn type_text(&self, text: &str) {
        let input = self.input();
        input.set_value(text);
        let init = EventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }

    /// Presses a key in the prompt; returns whether the page took it (called `preventDefault`).
    pub async fn press(&self, key: &str, ctrl: bool) -> bool {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_ctrl_key(ctrl);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        let not_cancelled = self.input().dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
        !not_cancelled
    }

    /// Types a line and presses Enter.
    pub async fn enter(&self, line: &str) {
        self.type_text(line).await;
        self.press("Enter", false).await;
    }

    /// Pastes text into the prompt; returns whether the page handled it itself.
    pub async fn paste(&self, text: &str) -> bool {
        let data = DataTransfer::new().unwrap();
        data.set_data("text/plain", text).unwrap();
        let init = ClipboardEventInit::new();
        init.set_clipboard_data(Some(&data));
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
        let not_cancelled = self.input().dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
        !not_cancelled
    }

    pub async fn click(&self, selector: &str) {
        self.get(selector).dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    /// Goal ids and whether each is ticked.
    pub fn goals(&self) -> Vec<(String, bool)> {
        self.all("li[data-goal]")
            .into_iter()
            .map(|li| (li.get_attribute("data-goal").unwrap(), li.class_name().split_whitespace().any(|c| c == "met")))
            .collect()
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}
