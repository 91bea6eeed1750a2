//! The file editor: a tab per workspace file and, for the open one, a monospace `<textarea>` with line
//! numbers. Edits go into the workspace the next command reads (`file://NAME`); files a command writes
//! (`> FILE`) open as new tabs; "New from template" opens a starter task definition in a new tab.
//!
//! A `.json` file is a task definition, unless it is another service's document (an IAM policy, EC2 launch
//! template data: [`validate::other_document`], which gets a note instead), checked as it is typed ([`use_validation`]: after a pause in the
//! typing, at once for a paste, an undo, a fix or a template):
//! - *squiggles*: a layer behind the transparent textarea draws the same text, invisible, in the same font,
//!   with a wavy underline under each finding's span (red for an error, amber for a warning); it follows the
//!   textarea's scroll, and the squiggles follow the edits typed since the last check;
//! - the *problems list* under the text ([`Problems`]): a click selects the finding's span in the text;
//! - a *help panel* follows the caret, and the mouse over a squiggle ([`HoverPanel`]): what the member there
//!   means, its allowed values, default and fact, and the findings there with their explanation and fix;
//!   Escape closes it until the caret moves;
//! - *completion* ([`CompletionList`]): Ctrl-Space, or a `"` typed where a key or an enum value goes, lists
//!   the keys the object may still take or the values the member takes; ↑/↓ choose, Enter or Tab inserts,
//!   Escape closes;
//! - *fixes* and completions edit through the browser (`execCommand("insertText")` on the changed range), so
//!   the textarea's own undo (Ctrl-Z) takes them back.

use super::editor_hover::{CompletionList, HoverPanel, PanelAnchor};
use super::editor_layer::{EditorLayer, LineNumbers};
use super::problems::Problems;
use super::template_menu::TemplateMenu;
use crate::editor_text::{self, Mark, caret_in_insert, changed_range, filter_completions, findings_at, is_keystroke, is_task_definition_file, line_and_column};
use crate::hooks::{use_sandbox, use_validation};
use crate::tuning;
use ecs_sim::validate::{self, Completion, Finding, Fix, byte_to_utf16, utf16_to_byte};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlDocument, HtmlTextAreaElement, InputEventInit};
use yew::prelude::*;

const PANEL_ID: &str = "editor-help";
const COMPLETIONS_ID: &str = "editor-completions";
/// Columns a tab advances to (the stylesheet's `tab-size`).
const TAB: usize = 4;
/// Where the published JSON Schema is, relative to the page.
pub const SCHEMA_URL: &str = "schema/task-definition.schema.json";

/// Settings of the editor, provided as context above the page (optional). The browser tests set
/// `debounce_ms: 0` so typed text is checked without waiting for a timer.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorSettings {
    pub debounce_ms: u32,
}

impl Default for EditorSettings {
    fn default() -> Self {
        EditorSettings { debounce_ms: tuning::VALIDATE_DEBOUNCE_MS }
    }
}

/// The open completion list.
#[derive(Clone, PartialEq)]
struct Suggestions {
    items: Rc<Vec<Completion>>,
    selected: usize,
}

/// The squiggle under the mouse: its findings and where their panel goes.
#[derive(Clone, PartialEq)]
struct Pointed {
    findings: Vec<usize>,
    anchor: PanelAnchor,
}

fn utf16(text: &str, byte: usize) -> u32 {
    u32::try_from(byte_to_utf16(text, byte)).unwrap_or(u32::MAX)
}

fn selection_start(ta: &HtmlTextAreaElement) -> u32 {
    ta.selection_start().ok().flatten().unwrap_or(0)
}

/// A property of an event that may not have it (a test's plain `Event` has no `inputType`).
fn event_string(e: &Event, name: &str) -> Option<String> {
    js_sys::Reflect::get(e, &JsValue::from_str(name)).ok()?.as_string()
}

/// Line height, character width and padding of the textarea's text, in pixels.
struct Metrics {
    line: f64,
    ch: f64,
    pad_top: f64,
    pad_left: f64,
}

fn metrics(ta: &HtmlTextAreaElement, measure: &NodeRef) -> Metrics {
    let style = gloo::utils::window().get_computed_style(ta).ok().flatten();
    let px = |name: &str| -> Option<f64> { style.as_ref()?.get_property_value(name).ok()?.trim().strip_suffix("px")?.parse().ok() };
    let font = px("font-size").unwrap_or(13.0);
    let ch = measure.cast::<Element>().map(|m| m.get_bounding_client_rect().width() / 10.0).filter(|w| *w > 0.0).unwrap_or(font * 0.6);
    Metrics { line: px("line-height").unwrap_or(font * 1.45), ch, pad_top: px("padding-top").unwrap_or(0.0), pad_left: px("padding-left").unwrap_or(0.0) }
}

/// A floating panel's place for a line spanning `top..bottom` (pixels in the textarea's box) at `x`: under
/// it, or over it when the line is low in the box.
fn anchor_for(ta: &HtmlTextAreaElement, x: f64, top: f64, bottom: f64, gap: f64) -> PanelAnchor {
    let (w, h) = (f64::from(ta.client_width()), f64::from(ta.client_height()));
    // Under the line when the text area has room for a panel there, else on the side with more room; the
    // panel stays inside the text area (and scrolls if it must), so it never hides the problems list.
    let (room_below, room_above) = (h - bottom - gap - 4.0, top - gap - 4.0);
    let above = room_below < 160.0 && room_above > room_below;
    let left = x.min(w - 364.0).max(4.0);
    let max_height = if above { room_above } else { room_below }.clamp(60.0, 300.0);
    PanelAnchor { left, y: if above { top - gap } else { bottom + gap }, above, max_height }
}

/// The place under (or over) the character at byte `at` of `text`.
fn caret_anchor(ta: &HtmlTextAreaElement, measure: &NodeRef, text: &str, at: usize) -> PanelAnchor {
    let m = metrics(ta, measure);
    let (line, col) = line_and_column(text, at, TAB);
    let x = m.pad_left + col as f64 * m.ch - f64::from(ta.scroll_left());
    let top = m.pad_top + line as f64 * m.line - f64::from(ta.scroll_top());
    anchor_for(ta, x, top, top + m.line, 5.0)
}

/// Scrolls the textarea so the character at byte `at` is in sight (a third down from the top if it was not).
fn reveal(ta: &HtmlTextAreaElement, measure: &NodeRef, text: &str, at: usize) {
    let m = metrics(ta, measure);
    let (line, col) = line_and_column(text, at, TAB);
    let (top, x) = (m.pad_top + line as f64 * m.line, m.pad_left + col as f64 * m.ch);
    let (h, w) = (f64::from(ta.client_height()), f64::from(ta.client_width()));
    let (st, sl) = (f64::from(ta.scroll_top()), f64::from(ta.scroll_left()));
    if top < st || top + m.line > st + h {
        // A third down from the top, with a whole line at the top edge.
        let first = (line as f64 - (h / 3.0 / m.line).floor()).max(0.0);
        ta.set_scroll_top(if first == 0.0 { 0 } else { (m.pad_top + first * m.line).round() as i32 });
    }
    if x < sl || x + 4.0 * m.ch > sl + w {
        ta.set_scroll_left((x - w / 3.0).max(0.0) as i32);
    }
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    ta.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Moves the highlight layer and the line numbers with the textarea's scroll.
fn sync_scroll(textarea: &NodeRef, layer: &NodeRef, gutter: &NodeRef) {
    let Some(ta) = textarea.cast::<HtmlTextAreaElement>() else { return };
    let (x, y) = (ta.scroll_left(), ta.scroll_top());
    if let Some(l) = layer.cast::<Element>() {
        let _ = l.set_attribute("style", &format!("transform: translate({}px, {}px)", -x, -y));
    }
    if let Some(g) = gutter.cast::<Element>() {
        let _ = g.set_attribute("style", &format!("transform: translateY({}px)", -y));
    }
}

/// Replaces bytes `start..end` of the textarea's text with `insert` as the browser's own editing does (so
/// Ctrl-Z undoes it), falling back to setting the value; the caret ends at byte `caret` of the new text.
/// Either way the textarea fires `input`, which updates the workspace.
fn replace_text(ta: &HtmlTextAreaElement, start: usize, end: usize, insert: &str, caret: usize) {
    let text = ta.value();
    let end = end.min(text.len());
    let start = start.min(end);
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) || (start == end && insert.is_empty()) {
        return;
    }
    let expected = format!("{}{insert}{}", &text[..start], &text[end..]);
    let _ = ta.focus();
    let _ = ta.set_selection_range(utf16(&text, start), utf16(&text, end));
    let command = if insert.is_empty() { "delete" } else { "insertText" };
    let document: HtmlDocument = gloo::utils::document().unchecked_into();
    let done = document.exec_command_with_show_ui_and_value(command, false, insert).unwrap_or(false);
    if !done || ta.value() != expected {
        ta.set_value(&expected);
        let init = InputEventInit::new();
        init.set_bubbles(true);
        init.set_input_type("insertReplacementText");
        if let Ok(event) = web_sys::InputEvent::new_with_event_init_dict("input", &init) {
            let _ = ta.dispatch_event(&event);
        }
    }
    let c = utf16(&expected, caret.min(expected.len()));
    let _ = ta.set_selection_range(c, c);
}

/// The findings of the squiggle at client point `(x, y)`, and its box.
fn squiggle_at(layer: &Element, x: f64, y: f64) -> Option<(Vec<usize>, web_sys::DomRect)> {
    let marks = layer.query_selector_all("mark").ok()?;
    for i in 0..marks.length() {
        let Some(mark) = marks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let rects = mark.get_client_rects();
        for j in 0..rects.length() {
            let Some(r) = rects.item(j) else { continue };
            if r.left() <= x && x <= r.right() && r.top() <= y && y <= r.bottom() {
                let ids = mark.get_attribute("data-findings").unwrap_or_default();
                return Some((ids.split_whitespace().filter_map(|s| s.parse().ok()).collect(), r));
            }
        }
    }
    None
}

#[component]
pub fn Editor() -> Html {
    let sandbox = use_sandbox();
    let settings = use_context::<EditorSettings>().unwrap_or_default();
    let active = sandbox.active_tab.clone();
    let content: Rc<str> = Rc::from(active.as_deref().and_then(|name| sandbox.workspace.get(name)).unwrap_or_default());
    let json = active.as_deref().is_some_and(is_task_definition_file);
    let too_big = json && content.len() > tuning::MAX_LIVE_CHECK_BYTES;
    // Another service's document (an IAM policy, EC2 launch template data) is not checked as a task definition.
    let other = use_memo((json && !too_big, content.clone()), |(json, text)| json.then(|| validate::other_document(text)).flatten());
    let checked = json && !too_big && other.is_none();
    let validation = use_validation(active.as_deref().filter(|_| checked), &content, settings.debounce_ms);
    let textarea = use_node_ref();
    let layer = use_node_ref();
    let gutter = use_node_ref();
    let measure = use_node_ref();
    let tabs_ref = use_node_ref();
    // The caret (UTF-16; kept when the focus leaves, so the problems list does not shift under a click),
    // whether the textarea has the focus, and the caret at which Escape closed the panel.
    let caret = use_state_eq(|| None::<u32>);
    let focused = use_state_eq(|| false);
    let dismissed = use_state_eq(|| None::<u32>);
    let pointed = use_state_eq(|| None::<Pointed>);
    let suggestions = use_state_eq(|| None::<Suggestions>);
    // Set around an edit the editor makes itself (a fix, a completion), so its `input` is checked at once.
    let urgent = use_memo((), |_| Cell::new(false));
    // Re-renders a floating panel as the text scrolls under it.
    let scrolled = use_state_eq(|| (0, 0));

    let validated = validation.latest().filter(|v| checked && Some(v.file.as_str()) == active.as_deref());
    let stale = validated.as_ref().is_some_and(|v| *v.text != *content);
    let generation = validated.as_ref().map(|v| v.generation);
    let marks: Rc<Vec<Mark>> = {
        let validated = validated.clone();
        use_memo((generation, content.clone()), move |(_, text)| {
            validated.map(|v| editor_text::marks(&v.report.findings, &v.text, text)).unwrap_or_default()
        })
    };
    let pieces = {
        let marks = marks.clone();
        use_memo((generation, content.clone()), move |(_, text)| editor_text::pieces(text, &marks, tuning::MAX_SQUIGGLES))
    };
    let lines = content.bytes().filter(|b| *b == b'\n').count() + 1;

    // The layer and the line numbers follow the textarea after every render, and on resize.
    {
        let (textarea, layer, gutter) = (textarea.clone(), layer.clone(), gutter.clone());
        use_effect(move || sync_scroll(&textarea, &layer, &gutter));
    }
    {
        let (textarea, layer, gutter) = (textarea.clone(), layer.clone(), gutter.clone());
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "resize", move |_| sync_scroll(&textarea, &layer, &gutter));
            move || drop(listener)
        });
    }
    // The open tab is in sight in the tab bar (a new one may be past its right end).
    {
        let tabs = tabs_ref.clone();
        use_effect_with(active.clone(), move |_| {
            // Scrolls the tab bar only (scrollIntoView could scroll the page to the editor too).
            let Some(bar) = tabs.cast::<Element>() else { return };
            let Some(tab) = bar.query_selector(".tab.active").ok().flatten() else { return };
            let (b, t) = (bar.get_bounding_client_rect(), tab.get_bounding_client_rect());
            let (left, right) = (t.left() - b.left(), t.right() - b.left());
            if left < 0.0 {
                bar.set_scroll_left(bar.scroll_left() + left.floor() as i32 - 8);
            } else if right > f64::from(bar.client_width()) {
                bar.set_scroll_left(bar.scroll_left() + (right - f64::from(bar.client_width())).ceil() as i32 + 8);
            }
        });
    }
    // A new tab starts without a list or a panel.
    {
        let (suggestions, pointed, dismissed, caret) = (suggestions.clone(), pointed.clone(), dismissed.clone(), caret.clone());
        use_effect_with(active.clone(), move |_| {
            caret.set(None);
            suggestions.set(None);
            pointed.set(None);
            dismissed.set(None);
        });
    }

    // Opens (or refreshes) the completion list at the caret. `on_quote`: only where a `"` just typed starts
    // a key or a value.
    let suggest = {
        let (textarea, suggestions) = (textarea.clone(), suggestions.clone());
        Rc::new(move |on_quote: bool| {
            let Some(ta) = textarea.cast::<HtmlTextAreaElement>() else { return };
            let text = ta.value();
            let at = utf16_to_byte(&text, selection_start(&ta) as usize);
            let all = validate::completions(&text, at);
            if on_quote && all.first().is_none_or(|c| c.start + 1 != at) {
                return;
            }
            let mut items = filter_completions(&text, at, &all);
            items.truncate(tuning::MAX_COMPLETIONS);
            suggestions.set((!items.is_empty()).then(|| Suggestions { items: Rc::new(items), selected: 0 }));
        })
    };

    let oninput = {
        let (sandbox, active, validation, urgent) = (sandbox.clone(), active.clone(), validation.clone(), urgent.clone());
        let (caret, suggestions, suggest) = (caret.clone(), suggestions.clone(), suggest.clone());
        Callback::from(move |e: InputEvent| {
            let Some(name) = active.clone() else { return };
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let value = ta.value();
            let keystroke = event_string(&e, "inputType").is_some_and(|t| is_keystroke(&t));
            let live = is_task_definition_file(&name)
                && value.len() <= tuning::MAX_LIVE_CHECK_BYTES
                && validate::other_document(&value).is_none();
            let at_once = urgent.replace(false) || !keystroke;
            match (live, at_once) {
                (true, true) => validation.now(&name, &value),
                (true, false) => validation.typed(&name, &value),
                (false, _) => {}
            }
            sandbox.edit_file(name.clone(), value);
            caret.set(Some(selection_start(&ta)));
            if live {
                if suggestions.is_some() {
                    suggest(false);
                } else if keystroke && event_string(&e, "data").as_deref() == Some("\"") {
                    suggest(true);
                }
            }
        })
    };

    let pick = {
        let (textarea, suggestions, urgent, caret) = (textarea.clone(), suggestions.clone(), urgent.clone(), caret.clone());
        Rc::new(move |i: usize| {
            let Some(c) = suggestions.as_ref().and_then(|s| s.items.get(i).cloned()) else { return };
            let Some(ta) = textarea.cast::<HtmlTextAreaElement>() else { return };
            urgent.set(true);
            replace_text(&ta, c.start, c.end, &c.insert_text, c.start + caret_in_insert(&c.insert_text));
            urgent.set(false);
            suggestions.set(None);
            caret.set(Some(selection_start(&ta)));
        })
    };

    let onkeydown = {
        let (suggestions, suggest, pick) = (suggestions.clone(), suggest.clone(), pick.clone());
        let (dismissed, caret, pointed, checked) = (dismissed.clone(), caret.clone(), pointed.clone(), checked);
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if checked && (e.ctrl_key() || e.meta_key()) && (key == " " || e.code() == "Space") {
                e.prevent_default();
                suggest(false);
                return;
            }
            if let Some(s) = &*suggestions {
                let n = s.items.len().max(1);
                let moved = |selected: usize| Some(Suggestions { items: s.items.clone(), selected });
                match key.as_str() {
                    "ArrowDown" => suggestions.set(moved((s.selected + 1) % n)),
                    "ArrowUp" => suggestions.set(moved((s.selected + n - 1) % n)),
                    "PageDown" => suggestions.set(moved((s.selected + 8).min(n - 1))),
                    "PageUp" => suggestions.set(moved(s.selected.saturating_sub(8))),
                    "Enter" | "Tab" => pick(s.selected),
                    "Escape" => suggestions.set(None),
                    _ => return,
                }
                e.prevent_default();
            } else if key == "Escape" {
                dismissed.set(*caret);
                pointed.set(None);
            }
        })
    };

    let update_caret = {
        let caret = caret.clone();
        Callback::from(move |e: Event| caret.set(Some(selection_start(&e.target_unchecked_into()))))
    };
    let onkeyup = {
        let update_caret = update_caret.clone();
        Callback::from(move |e: KeyboardEvent| update_caret.emit(e.into()))
    };
    let onmouseup = {
        let update_caret = update_caret.clone();
        Callback::from(move |e: MouseEvent| update_caret.emit(e.into()))
    };
    let onfocus = {
        let (update_caret, focused) = (update_caret.clone(), focused.clone());
        Callback::from(move |e: FocusEvent| {
            focused.set(true);
            update_caret.emit(e.into());
        })
    };
    let onblur = {
        let (focused, suggestions) = (focused.clone(), suggestions.clone());
        Callback::from(move |_: FocusEvent| {
            focused.set(false);
            suggestions.set(None);
        })
    };
    let onscroll = {
        let (textarea, layer, gutter, scrolled) = (textarea.clone(), layer.clone(), gutter.clone(), scrolled.clone());
        let floating = *focused || pointed.is_some() || suggestions.is_some();
        Callback::from(move |_: Event| {
            sync_scroll(&textarea, &layer, &gutter);
            if let (true, Some(ta)) = (floating, textarea.cast::<HtmlTextAreaElement>()) {
                scrolled.set((ta.scroll_left(), ta.scroll_top()));
            }
        })
    };
    let onmousemove = {
        let (textarea, layer, pointed) = (textarea.clone(), layer.clone(), pointed.clone());
        Callback::from(move |e: MouseEvent| {
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let hit = layer.cast::<Element>().and_then(|l| squiggle_at(&l, x, y));
            match (hit, textarea.cast::<HtmlTextAreaElement>()) {
                (Some((findings, r)), Some(ta)) => {
                    let b = ta.get_bounding_client_rect();
                    let anchor = anchor_for(&ta, r.left() - b.left(), r.top() - b.top(), r.bottom() - b.top(), 0.0);
                    pointed.set(Some(Pointed { findings, anchor }));
                }
                _ => pointed.set(None),
            }
        })
    };
    let onmouseleave = {
        let pointed = pointed.clone();
        Callback::from(move |e: MouseEvent| {
            // Moving onto the panel keeps it (its Fix button is there).
            let to_panel = e.related_target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|el| el.closest(".editor-panel").ok().flatten());
            if to_panel.is_none() {
                pointed.set(None);
            }
        })
    };

    let apply_fix = {
        let (textarea, validated, urgent, pointed) = (textarea.clone(), validated.clone(), urgent.clone(), pointed.clone());
        Callback::from(move |fix: Fix| {
            let (Some(ta), Some(v)) = (textarea.cast::<HtmlTextAreaElement>(), validated.as_ref()) else { return };
            let text = ta.value();
            if *v.text != *text {
                return; // The buttons wait for the check of what was typed last.
            }
            let fixed = validate::apply_fix(&text, &fix);
            let (start, old_end, new_end) = changed_range(&text, &fixed);
            urgent.set(true);
            replace_text(&ta, start, old_end, &fixed[start..new_end], new_end);
            urgent.set(false);
            pointed.set(None);
        })
    };
    let jump = {
        let (textarea, measure, marks, caret, dismissed) = (textarea.clone(), measure.clone(), marks.clone(), caret.clone(), dismissed.clone());
        let (layer, gutter) = (layer.clone(), gutter.clone());
        Callback::from(move |i: usize| {
            let (Some(m), Some(ta)) = (marks.iter().find(|m| m.finding == i), textarea.cast::<HtmlTextAreaElement>()) else { return };
            let text = ta.value();
            let (s, e) = (utf16(&text, m.start), utf16(&text, m.end));
            let _ = ta.focus();
            let _ = ta.set_selection_range(s, e);
            reveal(&ta, &measure, &text, m.start);
            sync_scroll(&textarea, &layer, &gutter);
            caret.set(Some(s));
            dismissed.set(None);
        })
    };
    let on_leave_panel = {
        let pointed = pointed.clone();
        Callback::from(move |_: ()| pointed.set(None))
    };

    // The floating panel: the squiggle under the mouse, else what is under the caret.
    let findings_of = |ids: &[usize]| -> Rc<Vec<Finding>> {
        Rc::new(validated.as_ref().map(|v| ids.iter().filter_map(|&i| v.report.findings.get(i).cloned()).collect()).unwrap_or_default())
    };
    let caret_byte = caret.map(|c| utf16_to_byte(&content, c as usize));
    let at_caret: Rc<Vec<usize>> = Rc::new(caret_byte.map(|b| findings_at(&marks, b)).unwrap_or_default());
    let ta_now = textarea.cast::<HtmlTextAreaElement>();
    let panel = if suggestions.is_some() || !checked {
        None
    } else if let Some(p) = &*pointed {
        Some((None, findings_of(&p.findings), p.anchor))
    } else {
        match (caret_byte, &ta_now) {
            (Some(b), Some(ta)) if *focused && *dismissed != *caret => {
                let help = validate::hover(&content, b).map(Rc::new);
                let found = findings_of(&at_caret);
                (help.is_some() || !found.is_empty()).then(|| (help, found, caret_anchor(ta, &measure, &content, b)))
            }
            _ => None,
        }
    };
    let completion_anchor = match (&*suggestions, caret_byte, &ta_now) {
        (Some(_), Some(b), Some(ta)) if *focused => Some(caret_anchor(ta, &measure, &content, b)),
        _ => None,
    };
    let errors = validated.as_ref().is_some_and(|v| v.report.errors().next().is_some());

    html! {
        <section class="pane editor-pane" aria-label="Editor">
            <div class="editor-bar">
                <div class="tabs" role="tablist" aria-label="Workspace files" ref={tabs_ref.clone()}>
                    { for sandbox.tabs.iter().map(|name| {
                        let selected = active.as_deref() == Some(name.as_str());
                        let onclick = {
                            let sandbox = sandbox.clone();
                            let name = name.clone();
                            Callback::from(move |_: MouseEvent| sandbox.select_tab(name.clone()))
                        };
                        html! {
                            <button key={name.clone()} role="tab" class={classes!("tab", selected.then_some("active"))}
                                aria-selected={selected.to_string()} data-file={name.clone()} {onclick}>
                                { name.clone() }
                            </button>
                        }
                    }) }
                </div>
                <div class="editor-actions">
                    <TemplateMenu />
                </div>
            </div>
            if let Some(name) = active.clone() {
                <div class="editor-body">
                    <LineNumbers {lines} inner={gutter.clone()} />
                    <div class="editor-surface">
                        if checked {
                            <EditorLayer text={content.clone()} pieces={pieces.clone()} inner={layer.clone()} />
                        }
                        <span class="editor-measure" ref={measure.clone()} aria-hidden="true">{ "0000000000" }</span>
                        <textarea ref={textarea.clone()} class="editor-text" data-file={name.clone()} value={content.to_string()}
                            wrap="off" spellcheck="false" autocomplete="off" autocapitalize="off"
                            aria-label={format!("Contents of {name}")}
                            aria-invalid={if errors { "true" } else { "false" }}
                            aria-describedby={panel.as_ref().map(|_| PANEL_ID)}
                            aria-haspopup={checked.then_some("listbox")}
                            aria-controls={suggestions.as_ref().map(|_| COMPLETIONS_ID)}
                            {oninput} {onkeydown} {onkeyup} {onmouseup} {onfocus} {onblur} {onscroll} {onmousemove} {onmouseleave} />
                        if let Some((help, findings, anchor)) = panel {
                            <HoverPanel id={PANEL_ID} {anchor} {help} {findings} {stale} on_fix={apply_fix.clone()} on_leave={on_leave_panel} />
                        }
                        if let (Some(s), Some(anchor)) = (&*suggestions, completion_anchor) {
                            <CompletionList id={COMPLETIONS_ID} {anchor} items={s.items.clone()} selected={s.selected}
                                on_pick={Callback::from(move |i: usize| pick(i))} />
                        }
                    </div>
                </div>
                if too_big {
                    <div class="problems">
                        <p class="problems-hint">
                            { format!("This file is {:.1} MiB: too large to check as you type. ECS takes a task definition of at most 64 KiB.",
                                content.len() as f64 / (1024.0 * 1024.0)) }
                        </p>
                    </div>
                } else if let Some(o) = &*other {
                    <div class="problems other-document">
                        <p class="problems-hint">{ o.note() }</p>
                    </div>
                } else if checked {
                    if content.trim().is_empty() {
                        <div class="problems empty">
                            <p class="problems-hint">
                                { "An empty task definition. Type or paste one (Ctrl-Space suggests keys), or pick one under New from template. " }
                                <a class="schema-link" href={SCHEMA_URL} target="_blank" rel="noopener">{ "JSON Schema for your editor" }</a>
                            </p>
                        </div>
                    } else if let Some(v) = validated.clone() {
                        <Problems validated={v} {stale} current={at_caret.clone()} on_jump={jump} on_fix={apply_fix} />
                    }
                }
            } else {
                <p class="editor-empty">{ "No files yet. A command such as " }<code>{ "echo '{}' > task.json" }</code>{ " creates one, or pick one under New from template." }</p>
            }
        </section>
    }
}
