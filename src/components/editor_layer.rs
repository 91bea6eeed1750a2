//! What the editor draws behind and beside its textarea: the highlight layer (the same text, invisible, in
//! the same font and padding, with a `<mark>` under each finding so its squiggle shows through the
//! transparent textarea) and the line numbers. Both follow the textarea's scroll through a `transform` the
//! editor sets on their inner `<pre>` (`NodeRef`s below), so scrolling never re-renders them.

use crate::editor_text::Piece;
use ecs_sim::validate::Severity;
use std::rc::Rc;
use yew::prelude::*;

pub(crate) fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "sq-error",
        Severity::Warning => "sq-warning",
    }
}

fn ids(findings: &[usize]) -> String {
    findings.iter().map(usize::to_string).collect::<Vec<_>>().join(" ")
}

#[derive(Properties, PartialEq, Clone)]
pub struct EditorLayerProps {
    pub text: Rc<str>,
    pub pieces: Rc<Vec<Piece>>,
    /// The inner `<pre>`, which the editor moves with the textarea's scroll.
    pub inner: NodeRef,
}

/// The squiggles: `<mark class="sq sq-error" data-findings="0 3">` over the text of each finding.
#[component]
pub fn EditorLayer(props: &EditorLayerProps) -> Html {
    let text = &props.text;
    let slice = |s: usize, e: usize| text.get(s..e).unwrap_or_default().to_string();
    html! {
        <div class="editor-layer" aria-hidden="true">
            <pre class="editor-layer-text" ref={props.inner.clone()}>
                { for props.pieces.iter().map(|piece| match piece {
                    Piece::Text { start, end } => html! { { slice(*start, *end) } },
                    Piece::Squiggle { start, end, severity, findings } => html! {
                        <mark class={classes!("sq", severity_class(*severity))} data-findings={ids(findings)}>{ slice(*start, *end) }</mark>
                    },
                    Piece::Point { severity, findings, .. } => html! {
                        <mark class={classes!("sq", "sq-point", severity_class(*severity))} data-findings={ids(findings)}></mark>
                    },
                }) }
            </pre>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct LineNumbersProps {
    pub lines: usize,
    pub inner: NodeRef,
}

/// The gutter: one number per line of the text.
#[component]
pub fn LineNumbers(props: &LineNumbersProps) -> Html {
    html! {
        <div class="editor-gutter" aria-hidden="true">
            <pre class="editor-gutter-text" ref={props.inner.clone()}>{ crate::editor_text::gutter_text(props.lines) }</pre>
        </div>
    }
}
