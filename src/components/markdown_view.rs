//! Markdown rendered with pulldown-cmark (raw HTML in it shown as text), memoized on the text.

use crate::markdown;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct MarkdownViewProps {
    pub text: AttrValue,
    /// Inside a sentence (a hint) rather than a document.
    #[prop_or_default]
    pub inline: bool,
}

#[component]
pub fn MarkdownView(props: &MarkdownViewProps) -> Html {
    let html = use_memo(props.text.clone(), |text| AttrValue::from(markdown::to_html(text)));
    let class = if props.inline { "markdown inline" } else { "markdown lesson-text" };
    html! { <div {class}>{ Html::from_html_unchecked((*html).clone()) }</div> }
}
