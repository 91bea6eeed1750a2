//! Function calls: the table of built-in functions with their Python
//! `jmespath` signatures, argument evaluation, and the arity and type
//! checks with the messages the Python library (so the AWS CLI) prints.
//! The function bodies live in `builtins.rs`.

use std::borrow::Cow;

use serde_json::Value;

use super::QueryError;
use super::ast::{Kind, Node};
use super::builtins;
use super::eval::{Interp, NULL, Out};
use super::pyfmt::py_str;
use super::values::{py_type_name, type_name};

/// An evaluated argument: a value, or an expression reference (`&expr`).
pub(crate) enum Arg<'a> {
    Val(Out<'a>),
    Expref(&'a Node),
}

impl Arg<'_> {
    /// The value (null for an expression reference).
    pub(crate) fn value(&self) -> &Value {
        match self {
            Arg::Val(v) => v,
            Arg::Expref(_) => &NULL,
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Arg::Val(v) => type_name(v),
            Arg::Expref(_) => "expref",
        }
    }

    fn text(&self) -> String {
        match self {
            Arg::Val(v) => py_str(v),
            Arg::Expref(_) => "<jmespath.visitor._Expression object>".to_string(),
        }
    }
}

/// A function's parameters: the allowed types of each (empty: any type),
/// in the Python library's spelling; `variadic` repeats the last one.
struct Spec {
    name: &'static str,
    params: &'static [&'static [&'static str]],
    variadic: bool,
}

const fn spec(name: &'static str, params: &'static [&'static [&'static str]]) -> Spec {
    Spec {
        name,
        params,
        variadic: false,
    }
}

const NUMBER: &[&str] = &["number"];
const STRING: &[&str] = &["string"];
const OBJECT: &[&str] = &["object"];
const ARRAY: &[&str] = &["array"];
const EXPREF: &[&str] = &["expref"];
const ANY: &[&str] = &[];

const SPECS: &[Spec] = &[
    spec("abs", &[NUMBER]),
    spec("avg", &[&["array-number"]]),
    spec("ceil", &[NUMBER]),
    spec("contains", &[&["array", "string"], ANY]),
    spec("ends_with", &[STRING, STRING]),
    spec("floor", &[NUMBER]),
    spec("join", &[STRING, &["array-string"]]),
    spec("keys", &[OBJECT]),
    spec("length", &[&["string", "array", "object"]]),
    spec("map", &[EXPREF, ARRAY]),
    spec("max", &[&["array-number", "array-string"]]),
    spec("max_by", &[ARRAY, EXPREF]),
    Spec {
        name: "merge",
        params: &[OBJECT],
        variadic: true,
    },
    spec("min", &[&["array-number", "array-string"]]),
    spec("min_by", &[ARRAY, EXPREF]),
    Spec {
        name: "not_null",
        params: &[ANY],
        variadic: true,
    },
    spec("reverse", &[&["array", "string"]]),
    spec("sort", &[&["array-string", "array-number"]]),
    spec("sort_by", &[ARRAY, EXPREF]),
    spec("starts_with", &[STRING, STRING]),
    spec("sum", &[&["array-number"]]),
    spec("to_array", &[ANY]),
    spec("to_number", &[ANY]),
    spec("to_string", &[ANY]),
    spec("type", &[ANY]),
    spec("values", &[OBJECT]),
];

/// Evaluates the arguments, then checks and runs the function (the order
/// the Python library follows, which decides which error wins).
pub(crate) fn call<'a>(
    it: &mut Interp,
    name: &str,
    arg_nodes: &'a [Node],
    v: &'a Value,
) -> Result<Out<'a>, QueryError> {
    let mut args = Vec::with_capacity(arg_nodes.len());
    for node in arg_nodes {
        args.push(match &node.kind {
            Kind::Expref(inner) => Arg::Expref(inner),
            _ => Arg::Val(it.eval(node, v)?),
        });
    }
    let Some(spec) = SPECS.iter().find(|s| s.name == name) else {
        return Err(QueryError::Runtime(format!("Unknown function: {name}()")));
    };
    check_arity(spec, args.len())?;
    for (i, arg) in args.iter().enumerate() {
        let types = spec
            .params
            .get(i)
            .or(spec.params.last())
            .copied()
            .unwrap_or(ANY);
        check_type(spec.name, arg, types)?;
    }
    builtins::run(it, spec.name, args)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "argument" } else { "arguments" }
}

fn check_arity(spec: &Spec, actual: usize) -> Result<(), QueryError> {
    let expected = spec.params.len();
    let (bad, least) = if spec.variadic {
        (actual < expected, "at least ")
    } else {
        (actual != expected, "")
    };
    if bad {
        return Err(QueryError::Runtime(format!(
            "Expected {least}{expected} {} for function {}(), received {actual}",
            plural(expected),
            spec.name
        )));
    }
    Ok(())
}

/// Python's `JMESPathTypeError` text.
pub(crate) fn type_error(func: &str, value: &str, received: &str, expected: &[&str]) -> QueryError {
    let list: Vec<String> = expected.iter().map(|t| format!("'{t}'")).collect();
    QueryError::Runtime(format!(
        "In function {func}(), invalid type for value: {value}, expected one of: [{}], received: \"{received}\"",
        list.join(", ")
    ))
}

/// The Python library's check: the top-level type first, then for
/// `array-<type>` parameters the element types (reported by their
/// Python type name, as the library does); with two element types, the
/// first element decides which one all must have.
fn check_type(func: &str, arg: &Arg<'_>, types: &[&str]) -> Result<(), QueryError> {
    if types.is_empty() {
        return Ok(());
    }
    let mut tops = Vec::new();
    let mut subs = Vec::new();
    for t in types {
        match t.split_once('-') {
            Some((top, sub)) => {
                tops.push(top);
                subs.push(sub);
            }
            None => tops.push(*t),
        }
    }
    let actual = arg.type_name();
    if !tops.contains(&actual) {
        return Err(type_error(func, &arg.text(), actual, types));
    }
    let Arg::Val(val) = arg else { return Ok(()) };
    let Value::Array(items) = &**val else {
        return Ok(());
    };
    let wanted = match subs.as_slice() {
        [] => return Ok(()),
        [only] => *only,
        _ => {
            let Some(first) = items.first() else {
                return Ok(());
            };
            match subs.iter().find(|s| **s == type_name(first)) {
                Some(s) => *s,
                None => {
                    return Err(type_error(func, &py_str(first), py_type_name(first), types));
                }
            }
        }
    };
    match items.iter().find(|item| type_name(item) != wanted) {
        Some(bad) => Err(type_error(func, &py_str(bad), py_type_name(bad), types)),
        None => Ok(()),
    }
}

/// Takes argument `i` out of the list (null if absent).
pub(crate) fn take<'a>(args: &mut [Arg<'a>], i: usize) -> Arg<'a> {
    match args.get_mut(i) {
        Some(slot) => std::mem::replace(slot, Arg::Val(Cow::Borrowed(&NULL))),
        None => Arg::Val(Cow::Borrowed(&NULL)),
    }
}
