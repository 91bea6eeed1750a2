//! How Python (and so botocore's error report) prints a JSON value that `json.loads` has
//! turned into Python objects: `str()` / `repr()` text and `<class '…'>` type names.
//! `"a"` → `a` (str) / `'a'` (repr), `null` → `None`, `true` → `True`, `1.0` → `1.0`,
//! `1e16` → `1e+16`, `{"k": [1]}` → `{'k': [1]}`.

use serde_json::{Number, Value};

/// `str(type(v))` for the Python object `json.loads` makes from `v`.
pub fn py_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if is_py_int(n) => "<class 'int'>",
        Value::Number(_) => "<class 'float'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

/// True when Python's `json.loads` would give an `int` (no fraction, no exponent).
/// Integer literals too large for `u64` reach us as floats and are reported as floats.
pub fn is_py_int(n: &Number) -> bool {
    n.is_i64() || n.is_u64()
}

/// `str(v)`: like `repr` except that a top-level string prints bare.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// `repr(v)`.
pub fn py_repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(v, &mut out);
    out
}

fn write_repr(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&py_number(n)),
        Value::String(s) => out.push_str(&py_str_repr(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&py_str_repr(k));
                out.push_str(": ");
                write_repr(item, out);
            }
            out.push('}');
        }
    }
}

/// A JSON number as Python prints the `int` or `float` it becomes.
pub fn py_number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        i.to_string()
    } else if let Some(u) = n.as_u64() {
        u.to_string()
    } else {
        py_float_repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// `repr(float)`: shortest round-trip digits; positional for exponents -4..16, otherwise
/// scientific with a signed, at least two-digit exponent (`1e+16`, `1.5e-05`).
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{f:e}"); // e.g. "-1.2345e17", "0e0"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    if (-4..16).contains(&exp) {
        let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
        let point = exp + 1; // digits before the decimal point
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if (point as usize) >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (int_part, frac) = digits.split_at(point as usize);
            format!("{int_part}.{frac}")
        };
        format!("{sign}{body}")
    } else {
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{exp_sign}{:02}", exp.unsigned_abs())
    }
}

/// `repr(str)`: single quotes unless the text has a `'` and no `"`; backslash escapes for
/// the quote, `\\`, `\t`, `\n`, `\r` and non-printable characters.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_py_printable(c) => {
                let code = c as u32;
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xffff {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Approximates Python's `str.isprintable` (false for control, format, separator other
/// than space, and private-use characters). Unassigned code points count as printable here.
fn is_py_printable(c: char) -> bool {
    !matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{a0}'
        | '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{1680}'
        | '\u{180e}'
        | '\u{2000}'..='\u{200f}'
        | '\u{2028}'..='\u{202f}'
        | '\u{205f}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{3000}'
        | '\u{e000}'..='\u{f8ff}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}'
        | '\u{f0000}'..='\u{10ffff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_print_like_python() {
        assert_eq!(py_str(&json!("512")), "512");
        assert_eq!(py_repr(&json!("512")), "'512'");
        assert_eq!(py_str(&Value::Null), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(py_str(&json!(-3)), "-3");
        assert_eq!(
            py_str(&json!(18446744073709551615u64)),
            "18446744073709551615"
        );
    }

    #[test]
    fn floats_print_like_python_repr() {
        for (f, want) in [
            (512.0, "512.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (-2.5, "-2.5"),
            (0.0, "0.0"),
            (1e100, "1e+100"),
        ] {
            assert_eq!(py_float_repr(f), want, "{f}");
        }
        let parsed: Value = serde_json::from_str("[1.0, 2e3]").unwrap();
        assert_eq!(py_str(&parsed), "[1.0, 2000.0]");
    }

    #[test]
    fn strings_quote_like_python_repr() {
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("say \"hi\" it's"), "'say \"hi\" it\\'s'");
        assert_eq!(py_str_repr("a\\b\n\t\u{1}"), "'a\\\\b\\n\\t\\x01'");
        assert_eq!(py_str_repr("café ☕"), "'café ☕'");
        assert_eq!(py_str_repr("\u{a0}\u{200b}"), "'\\xa0\\u200b'");
    }

    #[test]
    fn containers_print_like_python() {
        let v: Value =
            serde_json::from_str(r#"{"name": "x", "ports": [80, null, true], "o": {}}"#).unwrap();
        assert_eq!(
            py_str(&v),
            "{'name': 'x', 'ports': [80, None, True], 'o': {}}"
        );
        assert_eq!(py_type_name(&v), "<class 'dict'>");
        assert_eq!(py_type_name(&json!([])), "<class 'list'>");
        assert_eq!(py_type_name(&json!(1.0)), "<class 'float'>");
        assert_eq!(py_type_name(&json!(1)), "<class 'int'>");
    }
}
