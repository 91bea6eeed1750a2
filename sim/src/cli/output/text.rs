//! `--output text`: a port of `awscli/text.py` (`format_text`).
//!
//! Scalars print as Python's `str()` (`None`, `True`, `1.5`), one per line
//! when bare. A dict prints its scalar values on one tab-separated line in
//! key order, led by the upper-cased key it sits under (`CLUSTERS\t...`),
//! then each non-scalar value under its own key. A list of scalars prints on
//! one tab-separated line when bare, or one `IDENTIFIER\tvalue` line per item
//! under a key. The dicts of one list share one column set: every key that
//! holds a scalar in any of them, sorted, empty where missing.

use crate::shared_sort::SharedSort;
use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::FormatError;
use super::pyrepr::{py_str, type_name};

/// The text the CLI prints for `value` (`text.format_text`).
///
/// On the one input the CLI cannot format, a list holding a dict and a
/// non-dict, it fails with Python's `AttributeError`; the error then carries
/// what had already been printed.
pub fn format_text(value: &Value) -> Result<String, FormatError> {
    let mut out = String::new();
    match format_item(value, None, None, &mut out) {
        Ok(()) => Ok(out),
        Err(message) => Err(FormatError {
            stdout: out,
            message,
        }),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// `_format_text`.
fn format_item(
    item: &Value,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) -> Result<(), String> {
    match item {
        Value::Object(map) => format_dict(scalar_keys, map, identifier, out),
        Value::Array(items) => format_list(items, identifier, out),
        scalar => {
            out.push_str(&py_str(scalar));
            out.push('\n');
            Ok(())
        }
    }
}

/// `_format_list`.
fn format_list(items: &[Value], identifier: Option<&str>, out: &mut String) -> Result<(), String> {
    if items.is_empty() {
        return Ok(());
    }
    if items.iter().any(Value::is_object) {
        let all_keys = all_scalar_keys(items)?;
        for element in items {
            format_item(element, identifier, Some(&all_keys), out)?;
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, non_scalars): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            format_scalar_list(&scalars, identifier, out);
        }
        for non_scalar in non_scalars {
            format_item(non_scalar, identifier, None, out)?;
        }
    } else {
        let scalars: Vec<&Value> = items.iter().collect();
        format_scalar_list(&scalars, identifier, out);
    }
    Ok(())
}

/// `_format_scalar_list`.
fn format_scalar_list(elements: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(identifier) => {
            let upper = identifier.to_uppercase();
            for item in elements {
                out.push_str(&upper);
                out.push('\t');
                out.push_str(&py_str(item));
                out.push('\n');
            }
        }
        None => {
            let parts: Vec<String> = elements.iter().map(|v| py_str(v)).collect();
            out.push_str(&parts.join("\t"));
            out.push('\n');
        }
    }
}

/// `_format_dict`.
fn format_dict(
    scalar_keys: Option<&[String]>,
    item: &Map<String, Value>,
    identifier: Option<&str>,
    out: &mut String,
) -> Result<(), String> {
    let (mut scalars, non_scalars) = partition_dict(item, scalar_keys);
    if !scalars.is_empty() {
        if let Some(identifier) = identifier {
            scalars.insert(0, identifier.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (new_identifier, non_scalar) in non_scalars {
        format_item(non_scalar, Some(new_identifier), None, out)?;
    }
    Ok(())
}

/// `_all_scalar_keys`: the sorted keys holding a scalar in any of the dicts.
/// Python calls `.items()` on every element, so a non-dict one is an error.
fn all_scalar_keys(list_of_dicts: &[Value]) -> Result<Vec<String>, String> {
    let mut keys_seen = BTreeSet::new();
    for item in list_of_dicts {
        let Value::Object(map) = item else {
            return Err(format!(
                "'{}' object has no attribute 'items'",
                type_name(item)
            ));
        };
        for (key, value) in map {
            if is_scalar(value) {
                keys_seen.insert(key.clone());
            }
        }
    }
    Ok(keys_seen.into_iter().collect())
}

/// `_partition_dict`: the `str()` of the scalar values (of `scalar_keys`
/// when given, `''` where missing), and the remaining `(key, value)` pairs,
/// both in sorted key order.
fn partition_dict<'a>(
    item: &'a Map<String, Value>,
    scalar_keys: Option<&[String]>,
) -> (Vec<String>, Vec<(&'a str, &'a Value)>) {
    let mut scalar = Vec::new();
    let mut non_scalar = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = item.iter().collect();
            entries.shared_sort_by(|a, b| a.0.cmp(b.0));
            for (key, value) in entries {
                if is_scalar(value) {
                    scalar.push(py_str(value));
                } else {
                    non_scalar.push((key.as_str(), value));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalar.push(item.get(key).map(py_str).unwrap_or_default());
            }
            let mut remaining: Vec<(&String, &Value)> =
                item.iter().filter(|(k, _)| !keys.contains(k)).collect();
            remaining.shared_sort_by(|a, b| a.0.cmp(b.0));
            non_scalar.extend(remaining.into_iter().map(|(k, v)| (k.as_str(), v)));
        }
    }
    (scalar, non_scalar)
}
