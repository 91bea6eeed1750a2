//! The problems list under the editor: the verdict ("ECS would accept this" / "ECS would reject this: …"),
//! a banner when the document is not a plain registration request (Describe output, a bare container
//! array, not JSON) with the fix that makes it one, then one row per finding — severity icon, rule id,
//! `line:col`, message — that moves the caret to the finding when clicked, and a Fix button where the
//! finding has one. The rows under the caret are highlighted; the help panel by the caret explains them (a
//! row's tooltip does too).

use crate::hooks::Validated;
use ecs_sim::validate::{DocShape, Finding, Fix, Severity, Verdict};
use std::rc::Rc;
use yew::prelude::*;

/// A small inline icon for a finding's severity (SVG, so it renders the same everywhere).
pub fn severity_icon(severity: Severity) -> Html {
    let (class, label, body) = match severity {
        Severity::Error => (
            "sev-icon sev-error",
            "error",
            html! { <>
                <circle cx="8" cy="8" r="7" />
                <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
            </> },
        ),
        Severity::Warning => (
            "sev-icon sev-warning",
            "warning",
            html! { <>
                <path d="M8 1.2l7.2 13.3H.8z" />
                <path d="M8 5.6v4.3" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
                <circle cx="8" cy="12.2" r="1" fill="#fff" />
            </> },
        ),
    };
    html! {
        <svg class={class} viewBox="0 0 16 16" width="13" height="13" role="img" aria-label={label} focusable="false">{ body }</svg>
    }
}

/// The first line of a message (a few are several lines long).
pub fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or_default()
}

/// The one-line verdict.
pub fn verdict_text(validated: &Validated) -> String {
    let report = &validated.report;
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    match (report.verdict, report.first_error()) {
        (Verdict::Rejected, Some(first)) => {
            let more = match errors {
                0 | 1 => String::new(),
                2 => " (and 1 more error)".to_string(),
                n => format!(" (and {} more errors)", n - 1),
            };
            format!("ECS would reject this: {}{more}", first_line(&first.message))
        }
        _ => match warnings {
            0 => "ECS would accept this".to_string(),
            1 => "ECS would accept this (1 warning)".to_string(),
            n => format!("ECS would accept this ({n} warnings)"),
        },
    }
}

/// What the document is, when it is not a plain request, and the rules whose fix turns it into one.
fn shape_banner(shape: DocShape) -> Option<(&'static str, &'static [&'static str])> {
    match shape {
        DocShape::Request => None,
        DocShape::DescribeWrapper => Some((
            "This is describe-task-definition output: the definition is wrapped in {\"taskDefinition\": …} with read-only fields ECS added.",
            &["describe-wrapper"],
        )),
        DocShape::DescribeOutput => {
            Some(("This is a task definition as describe-task-definition prints it: it carries read-only fields ECS added.", &["read-only-field"]))
        }
        DocShape::ContainerArray => Some((
            "This is a bare containerDefinitions list (Terraform's container_definitions), not a task definition.",
            &["container-array"],
        )),
        DocShape::NotJson => Some(("This is not valid JSON yet, so the AWS CLI stops before sending anything.", &["json-syntax"])),
        DocShape::Other => Some(("This JSON is not a task definition: one object with family and containerDefinitions.", &["not-an-object"])),
    }
}

fn shape_name(shape: DocShape) -> &'static str {
    match shape {
        DocShape::Request => "request",
        DocShape::DescribeWrapper => "describeWrapper",
        DocShape::DescribeOutput => "describeOutput",
        DocShape::ContainerArray => "containerArray",
        DocShape::NotJson => "notJson",
        DocShape::Other => "other",
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ProblemsProps {
    pub validated: Rc<Validated>,
    /// The text changed since it was validated (a check is due): fixes wait for it.
    pub stale: bool,
    /// Findings under the caret.
    pub current: Rc<Vec<usize>>,
    /// Moves the caret to finding `i`.
    pub on_jump: Callback<usize>,
    pub on_fix: Callback<Fix>,
}

#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let v = &props.validated;
    let report = &v.report;
    let accepted = report.verdict == Verdict::Accepted;
    let fix_button = |fix: &Fix, class: &'static str, label: Option<&str>| {
        let on_fix = props.on_fix.clone();
        let f = fix.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_fix.emit(f.clone()));
        html! {
            <button class={classes!("fix", class)} title={fix.title.clone()} aria-label={fix.title.clone()}
                disabled={props.stale} {onclick}>
                { label.map_or_else(|| fix.title.clone(), str::to_string) }
            </button>
        }
    };
    let banner = shape_banner(report.shape).map(|(text, rules)| {
        let fix = report.findings.iter().filter(|f| rules.contains(&f.rule)).find_map(|f| f.fix.as_ref());
        html! {
            <div class="shape-banner" data-shape={shape_name(report.shape)}>
                <span>{ text }</span>
                if let Some(fix) = fix { { fix_button(fix, "shape-fix", None) } }
            </div>
        }
    });
    let aws_error = report.aws_error().map(|(_, text)| text).unwrap_or_default();
    let row = |(i, f): (usize, &Finding)| {
        let current = props.current.contains(&i);
        let on_jump = props.on_jump.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_jump.emit(i));
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let place = format!("{}:{}", f.span.start_line, f.span.start_column);
        html! {
            <li key={i} class={classes!("problem", severity, current.then_some("current"))} data-rule={f.rule}
                data-line={f.span.start_line.to_string()} data-finding={i.to_string()}>
                <button class="problem-jump" {onclick} aria-current={current.then_some("true")}
                    title={format!("{}\n\nGo to line {}, column {}.", f.explanation, f.span.start_line, f.span.start_column)}>
                    { severity_icon(f.severity) }
                    <code class="problem-rule">{ f.rule }</code>
                    <span class="problem-loc">{ place }</span>
                    <span class="problem-message">{ first_line(&f.message).to_string() }</span>
                </button>
                if let Some(fix) = &f.fix { { fix_button(fix, "problem-fix", Some("Fix")) } }
            </li>
        }
    };
    html! {
        <div class={classes!("problems", props.stale.then_some("stale"))} data-validate-ms={format!("{:.2}", v.millis)}
            data-stale={props.stale.to_string()}>
            <div class={classes!("verdict", if accepted { "accepted" } else { "rejected" })}
                data-verdict={if accepted { "accepted" } else { "rejected" }} role="status" title={aws_error}>
                if accepted {
                    <svg class="verdict-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                        <path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                    </svg>
                } else {
                    { severity_icon(Severity::Error) }
                }
                <span class="verdict-text">{ verdict_text(v) }</span>
                <a class="schema-link" href={super::editor::SCHEMA_URL} target="_blank" rel="noopener" aria-label="JSON Schema for your editor"
                    title="JSON Schema for your editor: the task definition's schema, for completion and checks in VS Code or any editor that reads JSON Schema">
                    { "JSON Schema" }
                </a>
            </div>
            { banner.unwrap_or_default() }
            if !report.findings.is_empty() {
                <ul class="problem-list" aria-label="Problems">
                    { for report.findings.iter().enumerate().map(row) }
                </ul>
            }
        </div>
    }
}
