//! A panic in the page shows a banner with its message instead of leaving a dead page. The banner is built
//! with plain DOM calls, since after a panic the Yew app cannot be trusted to render. It offers to forget
//! the saved work, in case replaying it is what panics.

use crate::tuning::STORAGE_KEY;

/// Installs the hook (the page's `main` calls it before rendering).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show_banner(&message);
    }));
}

/// Shows (or updates) the error banner at the top of the page.
pub fn show_banner(message: &str) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    let banner = match doc.get_element_by_id("panic-banner") {
        Some(b) => b,
        None => {
            let Ok(b) = doc.create_element("div") else { return };
            b.set_id("panic-banner");
            b.set_class_name("panic-banner");
            let _ = b.set_attribute("role", "alert");
            let _ = body.prepend_with_node_1(&b);
            b
        }
    };
    banner.set_text_content(None);
    let add = |tag: &str, class: &str, text: &str| {
        if let Ok(el) = doc.create_element(tag) {
            el.set_class_name(class);
            el.set_text_content(Some(text));
            let _ = banner.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("strong", "panic-title", "Something went wrong in ECS Sandbox. This is a bug.");
    add("pre", "panic-message", message);
    add("p", "panic-help", "Reload the page to continue where you were. If the error comes back on reload, start over.");
    if let Some(button) = add("button", "panic-reset", "Start over (forget saved work)") {
        let onclick = Closure::<dyn FnMut()>::new(|| {
            crate::persist::clear(STORAGE_KEY);
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash("");
                let _ = w.location().reload();
            }
        });
        if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
            b.set_onclick(Some(onclick.as_ref().unchecked_ref()));
        }
        onclick.forget();
    }
}
