//! The "New from template" menu of the editor: a blank `.json` file, or one of the validator's starter templates (a Fargate
//! web service, an EC2 service in bridge mode with a dynamic host port, an app with a FireLens log router,
//! a task with an EFS volume), each opened in a new tab named after it (`fargate-web.json`, or
//! `fargate-web-2.json` when that name is taken: nothing is overwritten).

use crate::editor_text::new_file_name;
use crate::hooks::use_sandbox;
use ecs_sim::validate::templates;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

#[component]
pub fn TemplateMenu() -> Html {
    let sandbox = use_sandbox();
    let details = use_node_ref();
    let open = |stem: &'static str, text: &'static str| {
        let sandbox = sandbox.clone();
        let details = details.clone();
        Callback::from(move |_: MouseEvent| {
            let name = new_file_name(stem, "json", |n| sandbox.workspace.get(n).is_some());
            sandbox.edit_file(name.clone(), text);
            sandbox.select_tab(name);
            if let Some(d) = details.cast::<HtmlDetailsElement>() {
                d.set_open(false);
            }
        })
    };
    html! {
        <details class="template-menu" ref={details.clone()}>
            <summary class="menu-button" title="Open a starter task definition (or a blank file) in a new tab">{ "New from template" }</summary>
            <div class="menu" role="menu" aria-label="New from template">
                <button role="menuitem" class="menu-item" data-template="blank" onclick={open("untitled", "")}>
                    <span class="menu-title">{ "Blank .json file" }</span>
                    <span class="menu-summary">{ "Type or paste a task definition; it is checked as you type." }</span>
                </button>
                <div class="menu-heading">{ "From a template" }</div>
                { for templates().iter().map(|t| html! {
                    <button role="menuitem" class="menu-item" data-template={t.id} onclick={open(t.id, t.text)}>
                        <span class="menu-title">{ t.title }</span>
                        <span class="menu-summary">{ t.summary }</span>
                    </button>
                }) }
                <a role="menuitem" class="menu-item schema-link" href={super::editor::SCHEMA_URL} target="_blank" rel="noopener">
                    <span class="menu-title">{ "JSON Schema for your editor" }</span>
                    <span class="menu-summary">{ "The schema these files follow: completion and checks in VS Code or any editor that reads JSON Schema." }</span>
                </a>
            </div>
        </details>
    }
}
