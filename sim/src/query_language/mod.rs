//! The ECS **cluster query language**: the expressions of `memberOf` placement constraints
//! (RunTask, CreateService, UpdateService, RegisterTaskDefinition) and of
//! `list-container-instances --filter`.
//!
//! Source: ECS Developer Guide, "Create expressions to define container instances for Amazon
//! ECS tasks" (`cluster-query-language.md`, awsdocs/amazon-ecs-developer-guide) and
//! "task-placement-constraints.md"; API model: expression at most 2000 characters.
//!
//! ```text
//! subject operator [argument]            compound: && and, || or, ! not, ( )
//! ```
//! | subject | docs' valid operators | argument |
//! |---|---|---|
//! | `agentConnected` | == != in !in =~ !~ | `true` / `false` |
//! | `agentVersion` | == != > >= < <= | version, compared numerically by component |
//! | `attribute:<name>` | not restricted (all) | text |
//! | `ec2InstanceId` | == != in !in =~ !~ | text |
//! | `registeredAt` | == != > >= < <= | `2018-06-18T22:28:28+00:00`, `…Z`, `2018-06-18T22:28:28`, `2018-06-18` |
//! | `runningTasksCount` | == != > >= < <= | whole number |
//! | `task:group` | not restricted (all) | text, e.g. `service:production` |
//!
//! Sandbox decisions where the docs are silent (each also noted where it is implemented):
//! subjects are case-sensitive, keywords and word operators are not; values may be quoted with
//! `'` or `"` (no escapes inside); `!=`, `!in`, `!~` on an absent attribute are false; ordering
//! of attribute text is numeric when both sides are numbers, else bytewise; dates without a
//! zone are UTC and `==` on a date compares whole seconds; an empty argument list is an error;
//! parentheses and `not` nest at most [`MAX_NESTING`] deep; `matches` uses a Java regex subset.

mod ast;
mod charset;
mod error;
mod eval;
mod lexer;
mod parser;
mod regex;
mod regex_syntax;
mod values;

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

pub use error::{ErrorKind, QueryLanguageError};
pub use parser::MAX_NESTING;

/// The longest expression ECS accepts, in characters (PlacementConstraint.expression).
pub const MAX_EXPRESSION_LENGTH: usize = 2000;

/// One container instance, as seen by an expression.
pub trait Instance {
    /// `None`: the instance has no such attribute; `Some(None)`: present without a value
    /// (capability attributes); `Some(Some(v))`: present with value `v`.
    fn attribute(&self, name: &str) -> Option<Option<&str>>;
    fn ec2_instance_id(&self) -> &str;
    fn agent_connected(&self) -> bool;
    fn agent_version(&self) -> &str;
    fn registered_at_epoch_secs(&self) -> u64;
    fn running_tasks_count(&self) -> u64;
    /// The task groups of the tasks on this instance (for `task:group`).
    fn task_groups(&self) -> Vec<&str>;
}

/// A parsed, reusable expression.
#[derive(Debug, Clone)]
pub struct Expression {
    text: String,
    root: ast::Node,
}

/// Parses an expression, checking every argument against its subject.
pub fn parse(text: &str) -> Result<Expression, QueryLanguageError> {
    if let Some((at, _)) = text.char_indices().nth(MAX_EXPRESSION_LENGTH) {
        return Err(QueryLanguageError::new(
            ErrorKind::TooLong,
            at,
            format!(
                "the expression is {} characters long; the maximum is {MAX_EXPRESSION_LENGTH}",
                text.chars().count()
            ),
        ));
    }
    let root = parser::parse(text)?;
    Ok(Expression {
        text: text.to_string(),
        root,
    })
}

impl Expression {
    /// Whether the instance satisfies the expression.
    pub fn matches(&self, inst: &dyn Instance) -> bool {
        eval::eval(&self.root, inst)
    }

    /// The expression as written.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl FromStr for Expression {
    type Err = QueryLanguageError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl fmt::Display for Expression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
