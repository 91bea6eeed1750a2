//! The file editor: a tab per workspace file, a monospace `<textarea>` for the open one. Edits go into the
//! workspace the next command reads (`file://NAME`); files a command writes (`> FILE`) open as new tabs.

use crate::hooks::use_sandbox;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[component]
pub fn Editor() -> Html {
    let sandbox = use_sandbox();
    let active = sandbox.active_tab.clone();
    let content = active.as_deref().and_then(|name| sandbox.workspace.get(name)).unwrap_or_default().to_string();
    let oninput = {
        let sandbox = sandbox.clone();
        let active = active.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(name) = &active {
                let value = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                sandbox.edit_file(name.clone(), value);
            }
        })
    };
    html! {
        <section class="pane editor-pane" aria-label="Editor">
            <div class="tabs" role="tablist" aria-label="Workspace files">
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
            if let Some(name) = active {
                <textarea class="editor-text" data-file={name.clone()} value={content}
                    spellcheck="false" autocomplete="off" autocapitalize="off"
                    aria-label={format!("Contents of {name}")} {oninput} />
            } else {
                <p class="editor-empty">{ "No files yet. A command such as " }<code>{ "echo '{}' > task.json" }</code>{ " creates one." }</p>
            }
        </section>
    }
}
