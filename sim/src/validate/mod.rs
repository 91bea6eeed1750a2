//! The task-definition validator: what `register-task-definition` (the AWS CLI, then ECS) would
//! say about a document, as a [`Report`] of [`Finding`]s with source spans, learner-facing
//! explanations and one-click fixes; plus the editor's helpers ([`hover`], [`completions`],
//! [`templates`], [`apply_fix`]).
//!
//! Stages, in the order a real registration meets them (and the order of the findings):
//! 1. the JSON itself (`source_map`, Python's wording and position of a syntax error);
//! 2. the document's shape (`shape`: Describe output, a bare container array, …);
//! 3. the JSON Schema (`schema_check`: botocore's parameter validation, then the limits the
//!    service enforces that the schema states);
//! 4. ECS's semantic rules (`rules`, §1 of ecs-facts.md; §1.10's messages verbatim);
//! 5. advice (warnings about definitions ECS accepts).
//!
//! ```
//! use ecs_sim::validate::{validate, Verdict};
//! let report = validate(r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}"#);
//! assert_eq!(report.verdict, Verdict::Accepted);
//! ```

pub mod bench;
pub mod catalog;
mod editor;
mod fixes;
mod other_document;
mod report;
mod rules;
pub mod schema;
mod schema_check;
mod schema_values;
mod shape;
mod sink;
pub mod source_map;
mod templates;

use crate::shared_sort::SharedSort;
use serde_json::Value;

pub use editor::{Completion, CompletionKind, Hover, byte_to_utf16, completions, hover, utf16_to_byte};
pub use fixes::apply_fix;
pub use other_document::{OtherDocument, other_document};
pub use report::{DocShape, Finding, Fix, FixChange, Report, Severity, Span, Stage, TextEdit, Verdict};
pub use schema::SCHEMA_JSON;
pub use schema_check::READ_ONLY_FIELDS;
pub use templates::{Template, templates};

use sink::Sink;

/// Choices that change what the validator accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Accept Fargate's 32 vCPU sizes (61440, 122880, 249856 MiB), which 2026 tooling knows but
    /// botocore 1.44.5's documentation does not (§1.3, §11). Off by default.
    pub newest_fargate_sizes: bool,
}

/// Validates a task-definition document as `register-task-definition --cli-input-json` would
/// receive it.
pub fn validate(text: &str) -> Report {
    validate_with(text, &Options::default())
}

/// [`validate`] with [`Options`].
pub fn validate_with(text: &str, options: &Options) -> Report {
    let (value, map) = match source_map::parse(text) {
        Ok(parsed) => parsed,
        Err(e) => {
            let map = source_map::SourceMap::lines_only(text);
            let mut sink = Sink::new(text, &map);
            shape::syntax_error(&e, &mut sink);
            return finish(sink.findings, DocShape::NotJson);
        }
    };
    let shape = shape::classify(&value);
    let mut sink = Sink::new(text, &map);
    match (&value, shape) {
        (_, DocShape::ContainerArray | DocShape::Other) => shape::not_an_object(&value, shape, &mut sink),
        (Value::Object(root), _) => {
            schema_check::check(&value, shape, &mut sink);
            if shape != DocShape::DescribeWrapper {
                let doc = rules::Doc::new(root, options);
                rules::check(&doc, &mut sink);
                for (pointer, _) in &map.duplicate_keys {
                    let key = schema::segments(pointer).pop().unwrap_or_default();
                    let message = format!("Duplicate key \"{key}\": only the last value counts.");
                    sink.push_at(&catalog::DUPLICATE_KEY, pointer, sink::Target::Key, message);
                }
            }
        }
        _ => {}
    }
    finish(sink.findings, shape)
}

/// Validates a request value the CLI built (registration). The value is printed as JSON first,
/// so spans point into that text.
pub fn validate_value(value: &Value) -> Report {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    validate(&text)
}

/// Orders the findings (stage; shape findings first; botocore's order for parameters; rule order
/// for the service; text order for advice), drops advice that repeats an error's place, cites
/// each finding's fact in its explanation, and decides the verdict.
fn finish(mut findings: Vec<Finding>, shape: DocShape) -> Report {
    let error_pointers: Vec<String> = findings.iter().filter(|f| f.is_error()).map(|f| f.pointer.clone()).collect();
    findings.retain(|f| f.is_error() || !error_pointers.contains(&f.pointer));
    let shape_rules = [catalog::DESCRIBE_WRAPPER.id, catalog::CONTAINER_ARRAY.id, catalog::JSON_SYNTAX.id];
    findings.shared_sort_by(|a, b| {
        let rank = |f: &Finding| {
            let stage = if f.severity == Severity::Warning { Stage::Advice } else { f.stage };
            let rule = catalog::rule(f.rule).map_or(usize::MAX, catalog::order);
            let within = match stage {
                Stage::Parameters => (usize::from(!shape_rules.contains(&f.rule)), 0),
                Stage::Service => (rule, 0),
                _ => (0, 0),
            };
            (stage, within)
        };
        rank(a)
            .cmp(&rank(b))
            .then_with(|| if a.stage == Stage::Parameters { a.botocore_order.cmp(&b.botocore_order) } else { std::cmp::Ordering::Equal })
            .then_with(|| a.span.start.cmp(&b.span.start))
    });
    for f in &mut findings {
        // Cite the fact the rule comes from at the end of the explanation.
        f.explanation = format!("{} ({})", f.explanation, f.fact);
    }
    let verdict = if findings.iter().any(Finding::is_error) { Verdict::Rejected } else { Verdict::Accepted };
    Report { findings, verdict, shape }
}
