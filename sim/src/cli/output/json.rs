//! `--output json`: a port of what `awscli.formatter.JSONFormatter` writes,
//! `json.dump(response, indent=4, ensure_ascii=False)` followed by `"\n"`.
//!
//! That is: 4-space indentation, `": "` between key and value, `","` at the
//! end of each item line, `[]` and `{}` for empty containers, keys in the
//! order the object holds them, non-ASCII text printed as is, and only `"`,
//! `\` and the control characters below U+0020 escaped.

use serde_json::Value;

use super::pyrepr::number_repr;

/// The JSON text the CLI prints for `value`, trailing newline included.
///
/// This is the serialisation alone: the CLI prints nothing at all when the
/// whole response is `{}`, which [`super::format`] takes care of.
pub fn json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, 0, &mut out);
    out.push('\n');
    out
}

fn newline_indent(level: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_value(value: &Value, level: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => {
            let text = number_repr(n);
            // json.dumps spells the non-finite floats this way (serde_json
            // cannot hold them, but stay total).
            match text.as_str() {
                "nan" => out.push_str("NaN"),
                "inf" => out.push_str("Infinity"),
                "-inf" => out.push_str("-Infinity"),
                _ => out.push_str(&text),
            }
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(level + 1, out);
                write_value(item, level + 1, out);
            }
            newline_indent(level, out);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(level + 1, out);
                write_string(k, out);
                out.push_str(": ");
                write_value(v, level + 1, out);
            }
            newline_indent(level, out);
            out.push('}');
        }
    }
}

/// Python's `json.encoder.py_encode_basestring` (the `ensure_ascii=False`
/// path).
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // Every expected string below is what CPython 3.11 prints for
    // `json.dumps(value, indent=4, ensure_ascii=False) + "\n"`.

    #[test]
    fn scalars() {
        assert_eq!(json(&json!(null)), "null\n");
        assert_eq!(json(&json!(true)), "true\n");
        assert_eq!(json(&json!(0)), "0\n");
        assert_eq!(json(&json!(-12)), "-12\n");
        assert_eq!(json(&json!(1.5)), "1.5\n");
        assert_eq!(json(&json!(3.0)), "3.0\n");
        assert_eq!(json(&json!(1e16)), "1e+16\n");
        assert_eq!(json(&json!("x")), "\"x\"\n");
        assert_eq!(json(&json!("")), "\"\"\n");
    }

    #[test]
    fn empty_containers() {
        assert_eq!(json(&json!([])), "[]\n");
        assert_eq!(json(&json!({})), "{}\n");
        assert_eq!(
            json(&json!({"a": [], "b": {}})),
            "{\n    \"a\": [],\n    \"b\": {}\n}\n"
        );
    }

    #[test]
    fn nested_indentation_and_key_order() {
        let v = json!({
            "clusterArns": ["arn:a", "arn:b"],
            "nested": {"z": 1, "a": [true, null, {"k": "v"}]}
        });
        let want = "{\n    \"clusterArns\": [\n        \"arn:a\",\n        \"arn:b\"\n    ],\n    \"nested\": {\n        \"z\": 1,\n        \"a\": [\n            true,\n            null,\n            {\n                \"k\": \"v\"\n            }\n        ]\n    }\n}\n";
        assert_eq!(json(&v), want);
    }

    #[test]
    fn string_escapes_and_unicode() {
        let v = json!(
            "q\" b\\ n\n r\r t\t \u{8}\u{c}\u{1}\u{1f}\u{7f} caf\u{e9} \u{2713} \u{4e00} \u{1f600}"
        );
        assert_eq!(
            json(&v),
            "\"q\\\" b\\\\ n\\n r\\r t\\t \\b\\f\\u0001\\u001f\u{7f} caf\u{e9} \u{2713} \u{4e00} \u{1f600}\"\n"
        );
        assert_eq!(
            json(&json!({"ключ": "значение"})),
            "{\n    \"ключ\": \"значение\"\n}\n"
        );
    }
}
