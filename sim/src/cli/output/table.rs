//! `--output table`: a port of `awscli.formatter.TableFormatter`, which walks
//! the response and fills a [`MultiTable`] (rendered by `multitable.rs`).
//!
//! The whole response becomes a section titled with the operation name. A
//! dict's scalar values become one header row and one value row, in sorted
//! key order (a dict with a single scalar becomes a `key | value` row); each
//! non-scalar value becomes an indented section titled with its key. A list
//! of dicts becomes one section per dict, sharing the sorted union of their
//! scalar keys as headers (the repeated sections only when the dicts have
//! nested values); a list of scalars becomes one row per item. Falsy values
//! (`null`, `false`, `0`, `""`, `[]`, `{}`) produce no section at all.

use crate::shared_sort::SharedSort;
use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::FormatError;
use super::multitable::{MultiTable, Styler};
use super::pyrepr::{py_str, type_name};

/// The table the CLI prints for `value` under `title`, for a terminal
/// `terminal_width` columns wide.
///
/// Errors are the Python exceptions the CLI's table code raises on a few
/// irregular shapes (rows of different lengths in one section, a list mixing
/// dicts and non-dicts); the CLI has printed nothing to stdout by then.
pub fn format_table(
    value: &Value,
    title: &str,
    terminal_width: usize,
    styler: Styler,
) -> Result<String, FormatError> {
    let mut table = MultiTable::new();
    match build_table(&mut table, Some(title), value, 0) {
        Ok(true) => Ok(table.render(terminal_width, styler)),
        Ok(false) => Ok(String::new()),
        Err(message) => Err(FormatError {
            stdout: String::new(),
            message,
        }),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}


/// `_build_table`: false when `current` is falsy and nothing was added.
fn build_table(
    table: &mut MultiTable,
    title: Option<&str>,
    current: &Value,
    indent_level: usize,
) -> Result<bool, String> {
    if !super::is_truthy(current) {
        return Ok(false);
    }
    if let Some(title) = title {
        table.new_section(Some(title), indent_level);
    }
    match current {
        Value::Array(items) => {
            if items.first().is_some_and(Value::is_object) {
                build_sub_table_from_list(table, items, indent_level, title)?;
            } else {
                for item in items {
                    match item {
                        Value::Array(elements) if elements.iter().all(is_scalar) => {
                            table.add_row(elements.iter().map(py_str).collect())?;
                        }
                        // Iterating a dict yields its keys, which are all
                        // scalars, so the CLI adds the keys as a row.
                        Value::Object(map) => table.add_row(map.keys().cloned().collect())?,
                        Value::Array(_) => {
                            build_table(table, None, item, 0)?;
                        }
                        scalar => table.add_row(vec![py_str(scalar)])?,
                    }
                }
            }
        }
        Value::Object(map) => build_sub_table_from_dict(table, map, indent_level)?,
        _ => {}
    }
    Ok(true)
}

/// `_build_sub_table_from_dict`.
fn build_sub_table_from_dict(
    table: &mut MultiTable,
    current: &Map<String, Value>,
    indent_level: usize,
) -> Result<(), String> {
    let (headers, more) = group_scalar_keys(current);
    let value_of = |k: &String| current.get(k).map(py_str).unwrap_or_default();
    if let [only] = headers.as_slice() {
        table.add_row(vec![only.clone(), value_of(only)])?;
    } else if !headers.is_empty() {
        let row = headers.iter().map(value_of).collect();
        table.add_row_header(headers)?;
        table.add_row(row)?;
    }
    for remaining in more {
        if let Some(value) = current.get(&remaining) {
            build_table(table, Some(&remaining), value, indent_level + 1)?;
        }
    }
    Ok(())
}

/// `_build_sub_table_from_list`.
fn build_sub_table_from_list(
    table: &mut MultiTable,
    current: &[Value],
    indent_level: usize,
    title: Option<&str>,
) -> Result<(), String> {
    let (headers, more) = group_scalar_keys_from_list(current)?;
    table.add_row_header(headers.clone())?;
    for (i, element) in current.iter().enumerate() {
        if i > 0 && !more.is_empty() {
            table.new_section(title, indent_level);
            table.add_row_header(headers.clone())?;
        }
        // Python: [element.get(header, '') for header in headers]
        let row = match element {
            Value::Object(map) => headers
                .iter()
                .map(|h| map.get(h).map(py_str).unwrap_or_default())
                .collect(),
            _ if headers.is_empty() => Vec::new(),
            other => {
                return Err(format!(
                    "'{}' object has no attribute 'get'",
                    type_name(other)
                ));
            }
        };
        table.add_row(row)?;
        // Python: if remaining in element: element[remaining]
        for remaining in &more {
            match element {
                Value::Object(map) => {
                    if let Some(value) = map.get(remaining) {
                        build_table(table, Some(remaining), value, indent_level + 1)?;
                    }
                }
                Value::String(s) if s.contains(remaining.as_str()) => {
                    return Err("string indices must be integers, not 'str'".to_owned());
                }
                Value::Array(items) if items.iter().any(|x| x.as_str() == Some(remaining)) => {
                    return Err("list indices must be integers or slices, not str".to_owned());
                }
                Value::String(_) | Value::Array(_) => {}
                other => {
                    return Err(format!(
                        "argument of type '{}' is not iterable",
                        type_name(other)
                    ));
                }
            }
        }
    }
    Ok(())
}

/// `_group_scalar_keys`: the sorted keys of scalar values, and of the rest.
fn group_scalar_keys(current: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers = Vec::new();
    let mut more = Vec::new();
    for (key, value) in current {
        if is_scalar(value) {
            headers.push(key.clone());
        } else {
            more.push(key.clone());
        }
    }
    headers.shared_sort();
    more.shared_sort();
    (headers, more)
}

/// `_group_scalar_keys_from_list`: the sorted unions over all the dicts.
///
/// Python indexes each element by its own members here, so a non-dict
/// element fails; the message is the one Python gives for the common cases.
fn group_scalar_keys_from_list(
    list_of_dicts: &[Value],
) -> Result<(Vec<String>, Vec<String>), String> {
    let mut headers = BTreeSet::new();
    let mut more = BTreeSet::new();
    let (mut int_headers, mut int_more, mut int_type) = (false, false, "int");
    for item in list_of_dicts {
        match item {
            Value::Object(map) => {
                let (h, m) = group_scalar_keys(map);
                headers.extend(h);
                more.extend(m);
            }
            Value::String(s) if s.is_empty() => {}
            Value::String(_) => return Err("string indices must be integers, not 'str'".to_owned()),
            Value::Array(items) => {
                let (h, m) = check_list_self_indexing(items)?;
                int_headers |= h;
                int_more |= m;
                if h || m {
                    int_type = items.first().map_or("int", type_name);
                }
            }
            other => return Err(format!("'{}' object is not iterable", type_name(other))),
        }
    }
    // Python sorts int keys among the str ones (a TypeError whose wording
    // depends on set order), or else goes on to call `.get` on the list.
    // Both messages are approximate.
    if (int_headers && !headers.is_empty()) || (int_more && !more.is_empty()) {
        return Err(format!(
            "'<' not supported between instances of 'str' and '{int_type}'"
        ));
    }
    if int_headers || int_more {
        return Err("'list' object has no attribute 'get'".to_owned());
    }
    Ok((headers.into_iter().collect(), more.into_iter().collect()))
}

/// What `_group_scalar_keys` does to a list: `for element in current:
/// current[element]`. Only int (and bool) members that are valid indices
/// get through, and then become int keys: whether some became headers
/// (indexing a scalar) and whether some became nested keys.
fn check_list_self_indexing(items: &[Value]) -> Result<(bool, bool), String> {
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let (mut headers, mut more) = (false, false);
    for element in items {
        let index = match element {
            Value::Bool(b) => i64::from(*b),
            Value::Number(n) if !n.is_f64() => n.as_i64().unwrap_or(i64::MAX),
            other => {
                return Err(format!(
                    "list indices must be integers or slices, not {}",
                    type_name(other)
                ));
            }
        };
        if index >= len || index < -len {
            return Err("list index out of range".to_owned());
        }
        let position = if index < 0 { index + len } else { index };
        let target = usize::try_from(position).ok().and_then(|p| items.get(p));
        if target.is_some_and(is_scalar) {
            headers = true;
        } else {
            more = true;
        }
    }
    Ok((headers, more))
}
