//! Value semantics shared by the interpreter and the functions: JMESPath
//! truthiness, deep equality, number handling that keeps integers as
//! integers (as Python does), ordering, type names, Python list indexing
//! and slicing, and Python's `int()`/`float()` string parsing.

use std::cmp::Ordering;

use serde_json::{Number, Value};

use super::QueryError;

/// Nesting beyond which deep comparisons give up (and report inequality).
const MAX_COMPARE_DEPTH: usize = 512;

/// A JSON number as Python would hold it: an `int` or a `float`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    pub(crate) fn of(v: &Value) -> Option<Num> {
        match v {
            Value::Number(n) => Some(Num::from_number(n)),
            _ => None,
        }
    }

    pub(crate) fn from_number(n: &Number) -> Num {
        if let Some(i) = n.as_i64() {
            Num::Int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            Num::Int(i128::from(u))
        } else {
            Num::Float(n.as_f64().unwrap_or(0.0))
        }
    }

    pub(crate) fn as_f64(self) -> f64 {
        match self {
            // Precision loss for huge integers is accepted.
            #[allow(clippy::cast_precision_loss)]
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// Back to a JSON value; integers too large for JSON's i64/u64 become
    /// floats, and a non-finite float becomes null.
    pub(crate) fn to_value(self) -> Value {
        match self {
            Num::Int(i) => {
                if let Ok(v) = i64::try_from(i) {
                    Value::Number(v.into())
                } else if let Ok(v) = u64::try_from(i) {
                    Value::Number(v.into())
                } else {
                    Num::Float(self.as_f64()).to_value()
                }
            }
            Num::Float(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        }
    }

    pub(crate) fn add(self, other: Num) -> Num {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => match a.checked_add(b) {
                Some(s) => Num::Int(s),
                None => Num::Float(self.as_f64() + other.as_f64()),
            },
            _ => Num::Float(self.as_f64() + other.as_f64()),
        }
    }

    pub(crate) fn cmp(self, other: Num) -> Ordering {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.cmp(&b),
            _ => self.as_f64().total_cmp(&other.as_f64()),
        }
    }
}

/// JMESPath truthiness: false, null, "", [] and {} are false.
pub(crate) fn is_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Number(_) => true,
    }
}

/// Deep equality: numbers by value (1 == 1.0), objects regardless of key
/// order, booleans never equal to numbers.
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    eq_at(a, b, 0)
}

fn eq_at(a: &Value, b: &Value, depth: usize) -> bool {
    if depth > MAX_COMPARE_DEPTH {
        return false;
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => {
            Num::from_number(x).cmp(Num::from_number(y)) == Ordering::Equal
        }
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| eq_at(p, q, depth + 1))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, p)| y.get(k).is_some_and(|q| eq_at(p, q, depth + 1)))
        }
        _ => false,
    }
}

/// Ordering for `<`-style comparisons and sorting: numbers with numbers,
/// strings with strings (by code point, as Python); anything else is not
/// comparable.
pub(crate) fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => Some(Num::from_number(x).cmp(Num::from_number(y))),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// The JMESPath type name: number, string, boolean, array, object, null.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The Python type name of the decoded value (used by some messages).
pub(crate) fn py_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) => {
            if n.is_f64() {
                "float"
            } else {
                "int"
            }
        }
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Number of JSON nodes in a value, counted up to `limit` (to charge the
/// cost of copying it without walking a huge value twice).
pub(crate) fn size_up_to(v: &Value, limit: u64) -> u64 {
    let mut count: u64 = 0;
    let mut stack: Vec<&Value> = vec![v];
    while let Some(cur) = stack.pop() {
        count += 1;
        if count > limit {
            return count;
        }
        match cur {
            Value::Array(items) => stack.extend(items.iter()),
            Value::Object(map) => stack.extend(map.values()),
            Value::String(s) => count += u64::try_from(s.len() / 64).unwrap_or(0),
            _ => {}
        }
    }
    count
}

/// Python list indexing: negative counts from the end.
pub(crate) fn python_index(len: usize, i: i64) -> Option<usize> {
    let len = i128::try_from(len).ok()?;
    let i = i128::from(i);
    let idx = if i < 0 { i + len } else { i };
    if (0..len).contains(&idx) {
        usize::try_from(idx).ok()
    } else {
        None
    }
}

/// The indices Python's `list[start:stop:step]` would pick.
pub(crate) fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<usize>, QueryError> {
    let step = i128::from(step.unwrap_or(1));
    if step == 0 {
        return Err(QueryError::Runtime("slice step cannot be zero".to_string()));
    }
    let len = i128::try_from(len).unwrap_or(i128::MAX);
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |bound: Option<i64>, default: i128| -> i128 {
        match bound {
            None => default,
            Some(b) => {
                let b = i128::from(b);
                let b = if b < 0 { b + len } else { b };
                b.max(lower).min(upper)
            }
        }
    };
    let first = clamp(start, if step < 0 { upper } else { lower });
    let end = clamp(stop, if step < 0 { lower } else { upper });
    let mut out = Vec::new();
    let mut i = first;
    while (step > 0 && i < end) || (step < 0 && i > end) {
        if let Ok(idx) = usize::try_from(i) {
            out.push(idx);
        }
        i += step;
    }
    Ok(out)
}

/// Python's `int(s)`, else `float(s)`: surrounding whitespace allowed,
/// underscores only between digits; non-finite results give `None`.
pub(crate) fn parse_python_number(s: &str) -> Option<Num> {
    let t = s.trim();
    let chars: Vec<char> = t.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '_' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            if !(before.is_some_and(char::is_ascii_digit)
                && after.is_some_and(char::is_ascii_digit))
            {
                return None;
            }
        }
    }
    let clean: String = chars.iter().filter(|c| **c != '_').collect();
    let digits = clean.strip_prefix(['+', '-']).unwrap_or(&clean);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(i) = clean.parse::<i128>()
    {
        return Some(Num::Int(i));
    }
    let lower = digits.to_ascii_lowercase();
    let word = matches!(lower.as_str(), "inf" | "infinity" | "nan");
    let numeric = digits
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !(word || numeric) {
        return None;
    }
    clean
        .parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Num::Float)
}
