//! The editor's help panel, shown under the caret (or over the squiggle the mouse points at): what the member
//! there means — its description, type, allowed values, range, default and the fact behind it (from
//! `ecs_sim::validate::hover`) — and, for the findings there, their message, explanation and fix. Also the
//! [`PanelAnchor`] both floating lists (this panel, the completions) are placed by.

use super::problems::{first_line, severity_icon};
use ecs_sim::validate::{Finding, Fix, Hover};
use std::rc::Rc;
use yew::prelude::*;

/// Where a floating panel goes, in pixels from the top left of the editor's text area: under `y` (or, when
/// `above`, over it), starting at `left`, at most `max_height` tall (the room on that side).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PanelAnchor {
    pub left: f64,
    pub y: f64,
    pub above: bool,
    pub max_height: f64,
}

impl PanelAnchor {
    pub fn style(&self) -> String {
        let shift = if self.above { " transform: translateY(-100%);" } else { "" };
        format!("left: {:.0}px; top: {:.0}px; max-height: {:.0}px;{shift}", self.left, self.y, self.max_height)
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct HoverPanelProps {
    pub id: AttrValue,
    pub anchor: PanelAnchor,
    /// Help for the member under the caret.
    #[prop_or_default]
    pub help: Option<Rc<Hover>>,
    /// The findings there.
    #[prop_or_default]
    pub findings: Rc<Vec<Finding>>,
    /// Fixes wait while a check is due.
    #[prop_or_default]
    pub stale: bool,
    pub on_fix: Callback<Fix>,
    /// The mouse left the panel.
    #[prop_or_default]
    pub on_leave: Callback<()>,
}

#[component]
pub fn HoverPanel(props: &HoverPanelProps) -> Html {
    // Clicking in the panel keeps the caret (and the focus) in the textarea.
    let keep_focus = Callback::from(|e: MouseEvent| e.prevent_default());
    let onmouseleave = props.on_leave.reform(|_: MouseEvent| ());
    let finding = |f: &Finding| {
        let fix = f.fix.clone().map(|fix| {
            let on_fix = props.on_fix.clone();
            let title = fix.title.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_fix.emit(fix.clone()));
            html! { <button class="fix panel-fix" disabled={props.stale} {onclick}>{ title }</button> }
        });
        html! {
            <div class="panel-finding" data-rule={f.rule}>
                <div class="panel-finding-head">
                    { severity_icon(f.severity) }
                    <code class="problem-rule">{ f.rule }</code>
                    <span class="panel-message">{ first_line(&f.message).to_string() }</span>
                </div>
                <p class="panel-explanation">{ f.explanation.clone() }</p>
                { fix.unwrap_or_default() }
            </div>
        }
    };
    let help = props.help.as_ref().map(|h| {
        html! {
            <div class="panel-help">
                <div class="panel-title">
                    <code>{ h.title.clone() }</code>
                    <span class="panel-type">{ h.type_text.clone() }</span>
                    if h.required { <span class="panel-required">{ "required" }</span> }
                    if let Some(fact) = &h.fact { <span class="panel-fact" title="Section of the ECS fact sheet">{ fact.clone() }</span> }
                </div>
                if !h.description.is_empty() { <p class="panel-description">{ h.description.clone() }</p> }
                if !h.allowed.is_empty() {
                    <div class="panel-row"><span class="panel-label">{ "Allowed: " }</span>
                        { for h.allowed.iter().map(|a| html! { <code class="panel-value">{ a.clone() }</code> }) }
                    </div>
                }
                if let Some(range) = &h.range {
                    <div class="panel-row"><span class="panel-label">{ "Range: " }</span>{ range.clone() }</div>
                }
                if let Some(default) = &h.default {
                    <div class="panel-row"><span class="panel-label">{ "Default: " }</span><code class="panel-value">{ default.clone() }</code></div>
                }
            </div>
        }
    });
    html! {
        <div id={props.id.clone()} class={classes!("editor-panel", props.anchor.above.then_some("above"))} role="tooltip"
            style={props.anchor.style()} onmousedown={keep_focus} {onmouseleave}>
            { for props.findings.iter().map(finding) }
            { help.unwrap_or_default() }
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct CompletionListProps {
    pub id: AttrValue,
    pub anchor: PanelAnchor,
    pub items: Rc<Vec<ecs_sim::validate::Completion>>,
    pub selected: usize,
    pub on_pick: Callback<usize>,
}

/// The completion list: keys the object may still take, or the values a member takes. ↑/↓ move, Enter or
/// Tab inserts, Escape closes (the editor handles the keys; a click inserts too).
#[component]
pub fn CompletionList(props: &CompletionListProps) -> Html {
    let list = use_node_ref();
    {
        // Keep the chosen item in sight.
        let list = list.clone();
        use_effect_with(props.selected, move |selected| {
            if let Some(el) = list.cast::<web_sys::Element>().and_then(|l| l.children().item(u32::try_from(*selected).ok()?)) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }
    let id = props.id.clone();
    html! {
        <ul id={id.clone()} ref={list} class={classes!("completions", props.anchor.above.then_some("above"))} role="listbox"
            aria-label="Suggestions" style={props.anchor.style()}>
            { for props.items.iter().enumerate().map(|(i, c)| {
                let on_pick = props.on_pick.clone();
                let onmousedown = Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    on_pick.emit(i);
                });
                let selected = i == props.selected;
                let kind = match c.kind {
                    ecs_sim::validate::CompletionKind::Key => "key",
                    ecs_sim::validate::CompletionKind::Value => "value",
                };
                html! {
                    <li id={format!("{id}-{i}")} class={classes!("completion", kind, selected.then_some("selected"))} role="option"
                        aria-selected={selected.to_string()} data-label={c.label.clone()} {onmousedown}>
                        <code class="completion-label">{ c.label.clone() }</code>
                        <span class="completion-detail">{ c.detail.clone() }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
