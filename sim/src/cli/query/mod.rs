//! Evaluation of the AWS CLI's `--query` option: JMESPath over
//! `serde_json::Value`.
//!
//! The behaviour is that of the Python `jmespath` library the AWS CLI
//! uses: its parser (same accepted syntax, same error messages), its
//! evaluation, and its key order: objects from the input keep their key
//! order, multi-select hashes (`{a: x, b: y}`) follow the expression, and
//! `merge()` keeps insertion order like `dict.update`.
//!
//! ```ignore
//! use query::query::Query;
//! let data = serde_json::json!({"tasks": [{"lastStatus": "RUNNING"}]});
//! let q = Query::compile("tasks[0].lastStatus").unwrap();
//! assert_eq!(q.search(&data).unwrap(), "RUNNING");
//! ```

mod ast;
mod builtins;
mod eval;
mod functions;
mod lexer;
mod parser;
mod pyfmt;
mod values;

use serde_json::Value;

/// Why an expression could not be compiled or evaluated. The text is what
/// the Python library prints (the AWS CLI shows it after
/// `Bad value for --query <expr>: `).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The expression is not valid JMESPath.
    #[error("{0}")]
    Parse(String),
    /// Evaluation failed: bad function arguments, unknown function, slice
    /// step 0, or a query too expensive to finish.
    #[error("{0}")]
    Runtime(String),
}

/// A compiled JMESPath expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    expression: String,
    root: ast::Node,
}

impl Query {
    /// Parses `expr`.
    pub fn compile(expr: &str) -> Result<Query, QueryError> {
        let root = parser::parse(expr)?;
        Ok(Query {
            expression: expr.to_string(),
            root,
        })
    }

    /// The expression text this query was compiled from.
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// Evaluates the query against `data`.
    pub fn search(&self, data: &Value) -> Result<Value, QueryError> {
        let mut interp = eval::Interp::default();
        let out = interp.eval(&self.root, data)?;
        interp.own(out)
    }
}
