//! Bodies of the built-in functions. Arguments arrive already checked
//! (arity and types, see `functions.rs`). Results follow Python: integers
//! stay integers (`length`, `sum` of ints, `ceil`), `avg` is a float,
//! `merge` updates keys in place like `dict.update`, and `to_string` is
//! `json.dumps` with compact separators.

use crate::shared_sort::SharedSort;
use std::borrow::Cow;
use std::cmp::Ordering;

use serde_json::{Map, Value};

use super::QueryError;
use super::ast::Node;
use super::eval::{Interp, NULL, Out};
use super::functions::{Arg, take, type_error};
use super::pyfmt::{json_dumps_compact, py_str};
use super::values::{Num, order, parse_python_number, type_name};

fn null<'a>() -> Out<'a> {
    Cow::Borrowed(&NULL)
}

fn owned<'a>(v: Value) -> Out<'a> {
    Cow::Owned(v)
}

fn items(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) => a,
        _ => &[],
    }
}

fn text(v: &Value) -> &str {
    match v {
        Value::String(s) => s,
        _ => "",
    }
}

fn expref<'a>(arg: &Arg<'a>) -> Option<&'a Node> {
    match arg {
        Arg::Expref(n) => Some(n),
        Arg::Val(_) => None,
    }
}

/// Element `idx` of an array argument, without copying when possible.
fn pick<'a>(arr: Arg<'a>, idx: usize) -> Out<'a> {
    match arr {
        Arg::Val(Cow::Borrowed(Value::Array(a))) => a.get(idx).map_or_else(null, Cow::Borrowed),
        Arg::Val(Cow::Owned(Value::Array(mut a))) if idx < a.len() => owned(a.swap_remove(idx)),
        _ => null(),
    }
}

/// The elements of an array argument, in the given order.
fn reorder<'a>(it: &mut Interp, arr: Arg<'a>, order: &[usize]) -> Result<Out<'a>, QueryError> {
    let mut out = Vec::with_capacity(order.len());
    match arr {
        Arg::Val(Cow::Owned(Value::Array(a))) => {
            let mut slots: Vec<Option<Value>> = a.into_iter().map(Some).collect();
            for &i in order {
                if let Some(v) = slots.get_mut(i).and_then(Option::take) {
                    out.push(v);
                }
            }
        }
        other => {
            for &i in order {
                if let Some(v) = items(other.value()).get(i) {
                    out.push(it.own(Cow::Borrowed(v))?);
                }
            }
        }
    }
    Ok(owned(Value::Array(out)))
}

fn round_to_int(f: f64) -> Num {
    // Whole floats inside the i64 range become Python ints.
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    if f.is_finite() && f >= i64::MIN as f64 && f < i64::MAX as f64 {
        Num::Int(i128::from(f as i64))
    } else {
        Num::Float(f)
    }
}

/// Runs function `name` on checked arguments.
pub(crate) fn run<'a>(
    it: &mut Interp,
    name: &str,
    mut args: Vec<Arg<'a>>,
) -> Result<Out<'a>, QueryError> {
    let a0 = args.first().map_or(&NULL, Arg::value);
    let a1 = args.get(1).map_or(&NULL, Arg::value);
    let num0 = Num::of(a0);
    Ok(match name {
        "abs" => owned(match num0 {
            Some(Num::Int(i)) => Num::Int(i.abs()).to_value(),
            Some(Num::Float(f)) => Num::Float(f.abs()).to_value(),
            None => Value::Null,
        }),
        "avg" => {
            let list = items(a0);
            if list.is_empty() {
                return Ok(null());
            }
            let total = list.iter().filter_map(Num::of).fold(Num::Int(0), Num::add);
            #[allow(clippy::cast_precision_loss)]
            let mean = total.as_f64() / list.len() as f64;
            owned(Num::Float(mean).to_value())
        }
        "ceil" | "floor" => owned(match num0 {
            Some(Num::Float(f)) => {
                round_to_int(if name == "ceil" { f.ceil() } else { f.floor() }).to_value()
            }
            Some(n) => n.to_value(),
            None => Value::Null,
        }),
        // An expression reference equals nothing (as in Python).
        "contains" if matches!(args.get(1), Some(Arg::Expref(_))) => owned(Value::Bool(false)),
        "contains" => owned(Value::Bool(match (a0, a1) {
            (Value::Array(list), needle) => list.iter().any(|x| super::values::json_eq(x, needle)),
            (Value::String(hay), Value::String(needle)) => hay.contains(needle.as_str()),
            _ => false,
        })),
        "ends_with" => owned(Value::Bool(text(a0).ends_with(text(a1)))),
        "starts_with" => owned(Value::Bool(text(a0).starts_with(text(a1)))),
        "join" => {
            let parts: Vec<&str> = items(a1).iter().map(text).collect();
            let joined = parts.join(text(a0));
            it.charge_text(joined.len())?;
            owned(Value::String(joined))
        }
        "keys" => match a0 {
            Value::Object(map) => owned(Value::Array(
                map.keys().cloned().map(Value::String).collect(),
            )),
            _ => null(),
        },
        "values" => match take(&mut args, 0) {
            Arg::Val(Cow::Owned(Value::Object(map))) => {
                owned(Value::Array(map.into_iter().map(|(_, v)| v).collect()))
            }
            Arg::Val(Cow::Borrowed(Value::Object(map))) => {
                let mut out = Vec::with_capacity(map.len());
                for v in map.values() {
                    out.push(it.own(Cow::Borrowed(v))?);
                }
                owned(Value::Array(out))
            }
            _ => null(),
        },
        "length" => owned(Value::from(match a0 {
            Value::String(s) => s.chars().count(),
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            _ => 0,
        })),
        "map" => {
            let Some(expr) = args.first().and_then(expref) else {
                return Ok(null());
            };
            let mut out = Vec::new();
            for item in items(a1) {
                let r = it.eval(expr, item)?;
                out.push(it.own(r)?);
            }
            owned(Value::Array(out))
        }
        "max" | "min" => {
            let want = if name == "max" {
                Ordering::Greater
            } else {
                Ordering::Less
            };
            let mut best: Option<usize> = None;
            let list = items(a0);
            for (i, item) in list.iter().enumerate() {
                let better = match best.and_then(|b| list.get(b)) {
                    None => true,
                    Some(cur) => order(item, cur) == Some(want),
                };
                if better {
                    best = Some(i);
                }
            }
            match best {
                Some(i) => pick(take(&mut args, 0), i),
                None => null(),
            }
        }
        "max_by" | "min_by" => return extreme_by(it, name, args),
        "sort_by" => return sort_by(it, args),
        "merge" => {
            let mut out = Map::new();
            for arg in args {
                match arg {
                    Arg::Val(Cow::Owned(Value::Object(map))) => out.extend(map),
                    Arg::Val(Cow::Borrowed(Value::Object(map))) => {
                        for (k, v) in map {
                            out.insert(k.clone(), it.own(Cow::Borrowed(v))?);
                        }
                    }
                    _ => {}
                }
            }
            owned(Value::Object(out))
        }
        "not_null" => args
            .into_iter()
            .find_map(|a| match a {
                Arg::Val(v) if !v.is_null() => Some(v),
                _ => None,
            })
            .unwrap_or_else(null),
        "reverse" => match take(&mut args, 0) {
            Arg::Val(Cow::Owned(Value::Array(mut a))) => {
                a.reverse();
                owned(Value::Array(a))
            }
            Arg::Val(v) => match &*v {
                Value::String(s) => owned(Value::String(s.chars().rev().collect())),
                Value::Array(a) => {
                    let idx: Vec<usize> = (0..a.len()).rev().collect();
                    return reorder(it, Arg::Val(v), &idx);
                }
                _ => null(),
            },
            Arg::Expref(_) => null(),
        },
        "sort" => {
            let list = items(a0);
            let mut idx: Vec<usize> = (0..list.len()).collect();
            idx.shared_sort_by(|&x, &y| match (list.get(x), list.get(y)) {
                (Some(p), Some(q)) => order(p, q).unwrap_or(Ordering::Equal),
                _ => Ordering::Equal,
            });
            return reorder(it, take(&mut args, 0), &idx);
        }
        "sum" => owned(
            items(a0)
                .iter()
                .filter_map(Num::of)
                .fold(Num::Int(0), Num::add)
                .to_value(),
        ),
        "to_array" => match take(&mut args, 0) {
            Arg::Val(v) if v.is_array() => v,
            Arg::Val(v) => owned(Value::Array(vec![it.own(v)?])),
            Arg::Expref(_) => owned(Value::Array(vec![Value::Null])),
        },
        "to_number" => match a0 {
            Value::Number(_) => match take(&mut args, 0) {
                Arg::Val(v) => v,
                Arg::Expref(_) => null(),
            },
            Value::String(s) => owned(parse_python_number(s).map_or(Value::Null, Num::to_value)),
            _ => null(),
        },
        "to_string" => match take(&mut args, 0) {
            Arg::Val(v) if v.is_string() => v,
            Arg::Val(v) => {
                let text = json_dumps_compact(&v);
                it.charge_text(text.len())?;
                owned(Value::String(text))
            }
            Arg::Expref(_) => owned(Value::String("null".to_string())),
        },
        "type" => match args.first() {
            // Python's type() has no answer for an expression reference.
            Some(Arg::Expref(_)) => null(),
            _ => owned(Value::String(type_name(a0).to_string())),
        },
        other => return Err(QueryError::Runtime(format!("Unknown function: {other}()"))),
    })
}

/// Evaluates `expr` on `item` and checks the key is a number or string.
fn key_of(
    it: &mut Interp,
    func: &str,
    expr: &Node,
    item: &Value,
    allowed: &[&str],
) -> Result<Value, QueryError> {
    let r = it.eval(expr, item)?;
    let key = it.own(r)?;
    let t = type_name(&key);
    if !allowed.contains(&t) {
        return Err(type_error(func, &py_str(&key), t, allowed));
    }
    Ok(key)
}

/// `max_by` / `min_by`: the first element whose key is greatest/least.
fn extreme_by<'a>(
    it: &mut Interp,
    name: &str,
    mut args: Vec<Arg<'a>>,
) -> Result<Out<'a>, QueryError> {
    let want = if name == "max_by" {
        Ordering::Greater
    } else {
        Ordering::Less
    };
    let Some(expr) = args.get(1).and_then(expref) else {
        return Ok(null());
    };
    let arr = take(&mut args, 0);
    let mut best: Option<(usize, Value)> = None;
    for (i, item) in items(arr.value()).iter().enumerate() {
        let key = key_of(it, name, expr, item, &["number", "string"])?;
        let better = match &best {
            None => true,
            Some((_, cur)) => match order(&key, cur) {
                Some(o) => o == want,
                None => {
                    return Err(type_error(
                        name,
                        &py_str(&key),
                        type_name(&key),
                        &[type_name(cur)],
                    ));
                }
            },
        };
        if better {
            best = Some((i, key));
        }
    }
    Ok(match best {
        Some((i, _)) => pick(arr, i),
        None => null(),
    })
}

/// `sort_by`: stable sort on keys that must all be numbers or all strings.
fn sort_by<'a>(it: &mut Interp, mut args: Vec<Arg<'a>>) -> Result<Out<'a>, QueryError> {
    let Some(expr) = args.get(1).and_then(expref) else {
        return Ok(null());
    };
    let arr = take(&mut args, 0);
    let list = items(arr.value());
    let Some(first) = list.first() else {
        return Ok(match arr {
            Arg::Val(v) => v,
            Arg::Expref(_) => null(),
        });
    };
    let first_key = it.eval(expr, first)?;
    let required = type_name(&first_key);
    if required != "number" && required != "string" {
        return Err(type_error(
            "sort_by",
            &py_str(first),
            required,
            &["string", "number"],
        ));
    }
    let mut keys = Vec::with_capacity(list.len());
    for item in list {
        keys.push(key_of(it, "sort_by", expr, item, &[required])?);
    }
    let mut idx: Vec<usize> = (0..list.len()).collect();
    idx.shared_sort_by(|&x, &y| match (keys.get(x), keys.get(y)) {
        (Some(p), Some(q)) => order(p, q).unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    });
    reorder(it, arr, &idx)
}
