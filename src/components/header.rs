//! The top bar: the product name and the lesson picker.

use crate::hooks::use_sandbox;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[component]
pub fn Header() -> Html {
    let sandbox = use_sandbox();
    let onchange = {
        let sandbox = sandbox.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            sandbox.select_lesson(id);
        })
    };
    html! {
        <header class="app-header">
            <h1 class="brand">{ "ECS Sandbox" }</h1>
            <label class="lesson-picker">
                <span>{ "Lesson" }</span>
                <select {onchange} aria-label="Choose a lesson">
                    { for sandbox.lessons.iter().map(|l| html! {
                        <option value={l.id.clone()} selected={l.id == sandbox.lesson.id}>
                            { format!("{}. {}", l.order, l.title) }
                        </option>
                    }) }
                </select>
            </label>
            <span class="lesson-summary" title={sandbox.lesson.summary.clone()}>{ sandbox.lesson.summary.clone() }</span>
        </header>
    }
}
