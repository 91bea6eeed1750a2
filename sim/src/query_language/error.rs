//! Errors of the cluster query language: what went wrong, where (byte offset), and the
//! wording the sandbox answers with when ECS would reply `InvalidParameterException`.

use std::fmt;

/// What kind of mistake an expression contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The expression is empty or only whitespace.
    Empty,
    /// The expression is longer than 2000 characters.
    TooLong,
    /// Parentheses or `not`/`!` nest deeper than the sandbox supports.
    TooDeep,
    /// The subject is not one of the documented subjects.
    UnknownSubject,
    /// The operator is not one of the documented operators.
    UnknownOperator,
    /// The operator is documented, but not for this subject.
    OperatorNotAllowed,
    /// The operator needs an argument and none was given.
    MissingArgument,
    /// The argument does not fit the subject (bad version, date, number, boolean, list…).
    InvalidArgument,
    /// A quoted argument has no closing quote.
    UnterminatedQuote,
    /// A `(` without `)`, or a `)` without `(`.
    UnbalancedParenthesis,
    /// Parentheses inside a simple expression (`subject operator argument`).
    ParenthesisInSimpleExpression,
    /// Something appeared where it can't (e.g. two simple expressions without `and`/`or`).
    UnexpectedToken,
    /// The argument of `matches`/`not_matches` is not a valid Java regular expression.
    InvalidRegex,
    /// The regular expression is valid Java but uses a construct the sandbox does not implement.
    UnsupportedRegex,
}

/// A parse error: its kind, the byte offset in the expression text where it was found, and a
/// message for humans.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at offset {offset})")]
pub struct QueryLanguageError {
    kind: ErrorKind,
    offset: usize,
    message: String,
}

impl QueryLanguageError {
    pub(crate) fn new(kind: ErrorKind, offset: usize, message: impl Into<String>) -> Self {
        Self {
            kind,
            offset,
            message: message.into(),
        }
    }

    /// The same error, its offset moved by `base` (for errors found inside an argument).
    pub(crate) fn shifted(mut self, base: usize) -> Self {
        self.offset = self.offset.saturating_add(base);
        self
    }

    /// The kind of mistake.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset into the expression text where the mistake was found.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The message without the offset.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error ECS replies with (RunTask, CreateService, UpdateService, ListContainerInstances).
    pub const SERVICE_EXCEPTION: &'static str = "InvalidParameterException";

    /// The text the sandbox puts in the `InvalidParameterException` message.
    ///
    /// Source search (2026-11): no verbatim ECS wording for a malformed cluster query language
    /// expression was found in the stored GitHub issues, docs or web pages (queries on
    /// "memberOf", "InvalidParameterException", "Invalid expression", "Unable to parse
    /// expression", "Invalid constraint expression", list-container-instances `--filter`).
    /// The nearest verbatim service texts about constraints are:
    /// - `distinctInstance expression should not be specified.` (InvalidParameterException,
    ///   <https://github.com/hashicorp/terraform/issues/11471>)
    /// - `constraint.type 'distinctInstance' is not supported.` (ClientException from
    ///   RegisterTaskDefinition, <https://github.com/aws-samples/aws-cdk-examples/issues/628>)
    /// - the RunTask failure reason `MemberOf placement constraint unsatisfied.` when no instance
    ///   matches (<https://github.com/aws/amazon-ecs-agent/pull/3044>)
    ///
    /// So this wording is **sandbox-defined**, not ECS's: it names the problem and the offset.
    pub fn service_message(&self) -> String {
        format!(
            "Invalid cluster query language expression: {} (at offset {}).",
            self.message, self.offset
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
