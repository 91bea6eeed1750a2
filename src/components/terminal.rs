//! The terminal: scrollback above a `$ ` prompt. Enter runs the line (or, when the shell needs more — an
//! open quote, `$(`, a trailing `\` or `|` — shows a `> ` continuation prompt); ↑/↓ walk the history;
//! Ctrl-L clears the screen; Ctrl-C drops the line being typed; a multi-line paste runs each complete
//! command in order. While "Show solution" or a time button types, the typed text shows in the prompt.
//!
//! The line being typed and the continuation lines are this component's own state; everything else comes
//! from the sandbox.

use super::TerminalEntryView;
use crate::hooks::use_sandbox;
use crate::transcript::{Submit, split_paste, submit};
use crate::tuning::MAX_PASTE_BYTES;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Element, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Where ↑/↓ stand in the history, and the line typed before the walk started.
#[derive(Default)]
struct HistoryWalk {
    index: Option<usize>,
    draft: String,
}

/// The byte offset of a UTF-16 offset (what the DOM's selection offsets count).
fn byte_offset(s: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += u32::try_from(c.len_utf16()).unwrap_or(2);
    }
    s.len()
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

#[component]
pub fn Terminal() -> Html {
    let sandbox = use_sandbox();
    let input = use_state(String::new);
    let pending = use_state(Vec::<String>::new);
    let walk = use_mut_ref(HistoryWalk::default);
    let scroll_ref = use_node_ref();
    let input_ref = use_node_ref();
    let typing = sandbox.typist.as_ref().map(|t| t.shown().to_string());

    // Keep the newest output in sight.
    {
        let scroll_ref = scroll_ref.clone();
        let key = (Rc::as_ptr(&sandbox.scrollback) as usize, typing.as_ref().map(String::len), pending.len());
        use_effect_with(key, move |_| {
            if let Some(el) = scroll_ref.cast::<Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    // Focus the prompt when the page opens.
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }

    let set_line = {
        let input = input.clone();
        let input_ref = input_ref.clone();
        move |text: String| {
            if let Some(ta) = input_ref.cast::<HtmlTextAreaElement>() {
                ta.set_value(&text);
                let end = u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX);
                let _ = ta.set_selection_range(end, end);
            }
            input.set(text);
        }
    };

    let onkeydown = {
        let sandbox = sandbox.clone();
        let pending = pending.clone();
        let walk = walk.clone();
        let set_line = set_line.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let ctrl = e.ctrl_key() || e.meta_key();
            if sandbox.typist.is_some() {
                if ctrl && key.eq_ignore_ascii_case("c") {
                    e.prevent_default();
                    sandbox.stop_typing();
                } else if key == "Enter" {
                    e.prevent_default();
                }
                return;
            }
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let value = ta.value();
            match key.as_str() {
                "Enter" if !e.shift_key() => {
                    e.prevent_default();
                    *walk.borrow_mut() = HistoryWalk::default();
                    match submit(&pending, &value) {
                        Submit::Nothing => set_line(String::new()),
                        Submit::Run(line) => {
                            pending.set(Vec::new());
                            set_line(String::new());
                            sandbox.run_command(line);
                        }
                        Submit::More(lines) => {
                            pending.set(lines);
                            set_line(String::new());
                        }
                    }
                }
                "ArrowUp" | "ArrowDown" => {
                    let caret = byte_offset(&value, ta.selection_start().ok().flatten().unwrap_or(0));
                    let up = key == "ArrowUp";
                    // In a multi-line command the arrows move the caret until it reaches the first or last line.
                    if (up && value[..caret].contains('\n')) || (!up && value[caret..].contains('\n')) {
                        return;
                    }
                    let history = &sandbox.history;
                    let mut w = walk.borrow_mut();
                    let next = match (up, w.index) {
                        (true, None) if !history.is_empty() => {
                            w.draft = value.clone();
                            Some(history.len() - 1)
                        }
                        (true, Some(i)) => Some(i.saturating_sub(1)),
                        (false, Some(i)) if i + 1 < history.len() => Some(i + 1),
                        (false, Some(_)) => None,
                        _ => return,
                    };
                    e.prevent_default();
                    w.index = next;
                    let text = next.and_then(|i| history.get(i).cloned()).unwrap_or_else(|| std::mem::take(&mut w.draft));
                    drop(w);
                    set_line(text);
                }
                "l" | "L" if e.ctrl_key() => {
                    e.prevent_default();
                    sandbox.clear_screen();
                }
                "c" | "C" if ctrl && ta.selection_start().ok() == ta.selection_end().ok() => {
                    // Nothing selected: drop the line being typed, as a shell does.
                    e.prevent_default();
                    *walk.borrow_mut() = HistoryWalk::default();
                    pending.set(Vec::new());
                    set_line(String::new());
                }
                _ => {}
            }
        })
    };

    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| input.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };

    let onpaste = {
        let sandbox = sandbox.clone();
        let pending = pending.clone();
        let set_line = set_line.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<ClipboardEvent>() else { return };
            let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
            if sandbox.typist.is_some() {
                e.prevent_default();
                return;
            }
            if text.len() > MAX_PASTE_BYTES {
                e.prevent_default();
                sandbox.notice(format!(
                    "Paste refused: {} is more than the {} a terminal paste may hold. Put long content in a file in the editor and pass it with file://NAME.",
                    mib(text.len()),
                    mib(MAX_PASTE_BYTES)
                ));
                return;
            }
            if !text.contains(['\n', '\r']) {
                return; // One line: the browser inserts it.
            }
            e.prevent_default();
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let value = ta.value();
            let start = byte_offset(&value, ta.selection_start().ok().flatten().unwrap_or(u32::MAX));
            let end = byte_offset(&value, ta.selection_end().ok().flatten().unwrap_or(u32::MAX)).max(start);
            let split = split_paste(&pending, &value[..start], &text, &value[end..]);
            pending.set(split.pending);
            set_line(split.rest);
            sandbox.run_commands(split.commands);
        })
    };

    let focus_input = {
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            // Clicking the terminal focuses the prompt, unless the click selected output to copy.
            let selected = gloo::utils::window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
            if let (false, Some(el)) = (selected, input_ref.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        })
    };

    let shown = typing.clone().unwrap_or_else(|| (*input).clone());
    let rows = shown.split('\n').count().max(1);
    let show_pending = typing.is_none();
    let prompt = if show_pending && !pending.is_empty() { "> " } else { "$ " };
    html! {
        <section class="pane terminal-pane" aria-label="Terminal">
            <div class="pane-bar">
                <h2 class="pane-title">{ "Terminal" }</h2>
                <span class="pane-help">{ "Enter runs · ↑/↓ history · Ctrl-L clears · a pasted script runs line by line" }</span>
            </div>
            <div class="terminal" ref={scroll_ref} onclick={focus_input}>
                if sandbox.scrollback.is_empty() && sandbox.history.is_empty() {
                    <p class="terminal-welcome">
                        { "Type AWS CLI commands here, for example " }<code>{ "aws ecs list-clusters" }</code>
                        { ". " }<code>{ "help" }</code>{ " lists what the sandbox knows. Time only moves when you wait: " }
                        <code>{ "sleep 20" }</code>{ "." }
                    </p>
                }
                <pre class="scrollback" data-testid="scrollback" role="log" aria-label="Terminal output">
                    { for sandbox.scrollback.iter().map(|entry| html! {
                        <TerminalEntryView key={format!("{:p}", Rc::as_ptr(entry))} entry={entry.clone()} />
                    }) }
                </pre>
                <div class={classes!("input-line", typing.is_some().then_some("typing"))}>
                    if show_pending {
                        { for pending.iter().enumerate().map(|(i, line)| html! {
                            <div class="pending-line"><span class="prompt">{ if i == 0 { "$ " } else { "> " } }</span>{ line.clone() }</div>
                        }) }
                    }
                    <div class="prompt-row">
                        <span class="prompt" aria-hidden="true">{ prompt }</span>
                        <textarea ref={input_ref} class="terminal-input" data-testid="terminal-input" rows={rows.to_string()}
                            value={shown} readonly={typing.is_some()} spellcheck="false" autocomplete="off"
                            autocapitalize="off" wrap="off" aria-label="Command line"
                            {onkeydown} {oninput} {onpaste} />
                    </div>
                </div>
            </div>
        </section>
    }
}
