//! Where rules put their findings: [`Sink`] turns (rule, pointer, message) into a [`Finding`]
//! with the rule's severity, stage, fact and explanation and the source span of the pointer.
//!
//! Words: the *member span* of a value runs from its key to the end of its value (the whole
//! `"hostPort": 80`); an array item or the root has only its value span.

use super::catalog::Rule;
use super::report::{Finding, Fix, Span};
use super::source_map::SourceMap;

/// Which part of a value a finding points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Key and value (`"hostPort": 80`); the value alone for array items.
    Member,
    /// The value only.
    Value,
    /// The key only (the value for array items).
    Key,
}

/// Collects findings for one document.
pub struct Sink<'a> {
    pub text: &'a str,
    pub map: &'a SourceMap,
    pub findings: Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(text: &'a str, map: &'a SourceMap) -> Self {
        Sink { text, map, findings: Vec::new() }
    }

    /// The span of `pointer` (its nearest existing ancestor when the pointer is not in the text).
    pub fn span(&self, pointer: &str, target: Target) -> Span {
        let mut p = pointer;
        loop {
            if let Some(node) = self.map.get(p) {
                let (start, end) = match (target, node.key) {
                    (Target::Member, Some((ks, _))) => (ks, node.value.1),
                    (Target::Key, Some(k)) => k,
                    // The whole document: its first character, not every line of it.
                    _ if p.is_empty() => (node.value.0, (node.value.0 + 1).min(node.value.1)),
                    _ => node.value,
                };
                return self.span_of(start, end);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return self.span_of(0, 0),
            }
        }
    }

    /// A span from byte offsets.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let (start_line, start_column) = self.map.line_col(self.text, start);
        let (end_line, end_column) = self.map.line_col(self.text, end);
        Span { start, end, start_line, start_column, end_line, end_column }
    }

    /// Adds a finding of `rule` at `pointer` (member span) and returns it for adjustments.
    pub fn push(&mut self, rule: &'static Rule, pointer: &str, message: impl Into<String>) -> &mut Finding {
        self.push_at(rule, pointer, Target::Member, message)
    }

    /// Adds a finding of `rule` at a chosen part of `pointer`.
    pub fn push_at(&mut self, rule: &'static Rule, pointer: &str, target: Target, message: impl Into<String>) -> &mut Finding {
        let span = self.span(pointer, target);
        self.findings.push(Finding {
            rule: rule.id,
            severity: rule.severity,
            stage: rule.stage,
            pointer: pointer.to_string(),
            span,
            message: message.into(),
            verbatim: rule.verbatim,
            explanation: rule.explanation.to_string(),
            fact: rule.fact,
            fix: None,
            botocore_order: Vec::new(),
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }
}

/// Builder-style adjustments of a pushed finding.
pub trait FindingExt {
    /// Marks the message as the sandbox's own wording (ECS's exact text unknown).
    fn not_verbatim(&mut self) -> &mut Self;
    fn with_fix(&mut self, fix: Option<Fix>) -> &mut Self;
    /// Appends a sentence to the explanation.
    fn explain(&mut self, more: &str) -> &mut Self;
}

impl FindingExt for Finding {
    fn not_verbatim(&mut self) -> &mut Self {
        self.verbatim = false;
        self
    }
    fn with_fix(&mut self, fix: Option<Fix>) -> &mut Self {
        self.fix = fix;
        self
    }
    fn explain(&mut self, more: &str) -> &mut Self {
        self.explanation.push(' ');
        self.explanation.push_str(more);
        self
    }
}
