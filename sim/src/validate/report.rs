//! What the validator returns: a [`Report`] of [`Finding`]s, each with its rule, severity, JSON
//! pointer, source [`Span`], message (in AWS's words where they are known), a learner-facing
//! explanation and, where one exists, a one-click [`Fix`]. All plain data (`Serialize`), so the
//! page renders it as it is.
//!
//! Words: the *stage* says who rejects a problem: the AWS CLI reading the JSON ([`Stage::Json`],
//! [`Stage::Cli`]), botocore's parameter validation ([`Stage::Parameters`]) or the ECS service
//! ([`Stage::Service`], a `ClientException`); [`Stage::Advice`] findings are warnings about
//! definitions ECS accepts.

use crate::shared_sort::SharedSort;
use serde::Serialize;

/// How bad a finding is: an error makes ECS (or the CLI) refuse the definition; a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Who reports the problem, in the order a real `register-task-definition` meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// The CLI cannot read the JSON.
    Json,
    /// The CLI reads it, but it is not an object (`Invalid type: expecting map`).
    Cli,
    /// botocore's parameter validation (client side).
    Parameters,
    /// The ECS service (`ClientException`).
    Service,
    /// Not an error: advice about a definition ECS accepts.
    Advice,
}

/// What real ECS does with the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accepted,
    Rejected,
}

/// What the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DocShape {
    /// A `RegisterTaskDefinition` request (possibly with mistakes).
    Request,
    /// `describe-task-definition` output as printed: `{"taskDefinition": {…}}`.
    DescribeWrapper,
    /// The inner `taskDefinition` of Describe output: a request plus read-only fields.
    DescribeOutput,
    /// A bare `containerDefinitions` array (Terraform's `container_definitions`).
    ContainerArray,
    /// Not JSON at all.
    NotJson,
    /// JSON, but neither a request nor a known shape (a string, a number, a list of something else).
    Other,
}

/// A range of the text: byte offsets (`start..end`) and 1-based line and column (columns count
/// characters) of both ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// Replace the bytes `start..end` of the text with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What a fix does to the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FixChange {
    /// Replace the whole document.
    ReplaceDocument(String),
    /// Non-overlapping edits of the original text (any order; [`super::apply_fix`] sorts them).
    Edits(Vec<TextEdit>),
}

/// A one-click repair: a title for the button and the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub change: FixChange,
}

/// One problem (or piece of advice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Rule id, e.g. `awsvpc-host-port` (see [`super::catalog::RULES`]).
    pub rule: &'static str,
    pub severity: Severity,
    pub stage: Stage,
    /// RFC 6901 pointer of the value concerned (`""` for the whole document).
    pub pointer: String,
    pub span: Span,
    /// What is wrong, in AWS's words where they are known (see `verbatim`).
    pub message: String,
    /// True when `message` is the exact text AWS prints; false when ECS's wording is unknown and
    /// the sandbox wrote its own (ecs-facts.md §1.10, §11).
    pub verbatim: bool,
    /// Why it matters and how to fix it, for a learner.
    pub explanation: String,
    /// The fact sheet section the rule comes from, e.g. `§1.4`.
    pub fact: &'static str,
    pub fix: Option<Fix>,
    /// Where botocore would list this problem in its report (parameter findings only).
    #[serde(skip)]
    pub(crate) botocore_order: Vec<(u8, usize)>,
}

impl Finding {
    /// The text of the error AWS raises for this finding alone: the `ClientException` message for
    /// a service error, `Parameter validation failed:\n<line>` for a parameter error, the CLI's
    /// line for the others.
    pub fn client_exception_message(&self) -> String {
        match self.stage {
            Stage::Parameters => format!("Parameter validation failed:\n{}", self.message),
            Stage::Json => "Error parsing parameter 'cli-input-json': Invalid JSON received.".to_string(),
            Stage::Cli | Stage::Service | Stage::Advice => self.message.clone(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Everything the validator found in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Errors first, in the order ECS would report them (the first is what registration says),
    /// then warnings.
    pub findings: Vec<Finding>,
    pub verdict: Verdict,
    pub shape: DocShape,
}

impl Report {
    /// The first error: what `register-task-definition` would fail with.
    pub fn first_error(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.is_error())
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_error())
    }

    /// The stage that stops the request and its error text, as the AWS CLI prints it: for
    /// parameter validation every parameter problem (botocore reports them all at once), for the
    /// service the first `ClientException` message. `None` when ECS accepts the definition.
    pub fn aws_error(&self) -> Option<(Stage, String)> {
        let first = self.first_error()?;
        let text = match first.stage {
            Stage::Parameters => {
                let mut params: Vec<&Finding> = self.errors().filter(|f| f.stage == Stage::Parameters).collect();
                params.shared_sort_by(|a, b| a.botocore_order.cmp(&b.botocore_order));
                let lines: Vec<&str> = params.iter().map(|f| f.message.as_str()).collect();
                format!("Parameter validation failed:\n{}", lines.join("\n"))
            }
            _ => first.client_exception_message(),
        };
        Some((first.stage, text))
    }

    /// One line per finding, `FILE:LINE:COL: error[RULE]: message` (or `warning[RULE]`), each
    /// ending in a newline: what `ecs-sim validate FILE` prints. A message of several lines
    /// keeps only its first.
    pub fn render_lines(&self, file_name: &str) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let message = f.message.lines().next().unwrap_or_default();
            out.push_str(&format!(
                "{file_name}:{}:{}: {level}[{}]: {message}\n",
                f.span.start_line, f.span.start_column, f.rule
            ));
        }
        out
    }
}
