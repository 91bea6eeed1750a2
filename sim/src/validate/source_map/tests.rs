//! The reader's wording and positions, values, spans and duplicate keys.

use super::*;

fn err(text: &str) -> String {
    parse(text).err().map(|e| e.python_message()).unwrap_or_default()
}

#[test]
fn python_wording_and_positions() {
    assert_eq!(err(""), "Expecting value: line 1 column 1 (char 0)");
    assert_eq!(err("{\"a\": 1"), "Expecting ',' delimiter: line 1 column 8 (char 7)");
    assert_eq!(err("{\"a\" 1}"), "Expecting ':' delimiter: line 1 column 6 (char 5)");
    assert_eq!(err("{a: 1}"), "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
    assert_eq!(err("{\"a\": 1,}"), "Illegal trailing comma before end of object: line 1 column 8 (char 7)");
    assert_eq!(err("[1,]"), "Illegal trailing comma before end of array: line 1 column 3 (char 2)");
    assert_eq!(err("\"abc"), "Unterminated string starting at: line 1 column 1 (char 0)");
    assert_eq!(err("\"a\\qb\""), "Invalid \\escape: line 1 column 3 (char 2)");
    assert_eq!(err("{} x"), "Extra data: line 1 column 4 (char 3)");
    assert_eq!(err("[01]"), "Expecting ',' delimiter: line 1 column 3 (char 2)");
    assert_eq!(err("\"é\" x"), "Extra data: line 1 column 5 (char 4)");
}

#[test]
fn values_match_serde_json() {
    let text = r#"{"a": [1, -2, 3.5, 1e3, 18446744073709551615], "b": {"c": "x\u00e9\ud83d\ude00\n"}, "d": null, "e": true}"#;
    let (value, _) = parse(text).expect("valid JSON");
    let expected: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    assert_eq!(value, expected);
}

#[test]
fn pointers_map_to_key_and_value_spans() {
    let text = "{\n  \"a/b\": {\"c~\": [10, 20]}\n}";
    let (_, map) = parse(text).expect("valid JSON");
    let node = map.get("/a~1b/c~0/1").map(|n| n.value).unwrap_or_default();
    assert_eq!(&text[node.0..node.1], "20");
    let key = map.get("/a~1b").and_then(|n| n.key).unwrap_or_default();
    assert_eq!(&text[key.0..key.1], "\"a/b\"");
    assert_eq!(map.line_col(text, node.0), (2, 22));
    assert_eq!(map.node_at(node.0 + 1).map(|n| n.pointer.as_str()), Some("/a~1b/c~0/1"));
}

#[test]
fn duplicate_keys_keep_the_last_value_at_the_first_position() {
    let (value, map) = parse(r#"{"a": 1, "b": 2, "a": 3}"#).expect("valid JSON");
    assert_eq!(value.to_string(), r#"{"a":3,"b":2}"#);
    assert_eq!(map.duplicate_keys.len(), 1);
    assert_eq!(map.nodes.first().map(|n| n.children.len()), Some(2));
}

#[test]
fn a_missing_comma_says_where_it_belongs() {
    let e = parse("{\"a\": 1\n \"b\": 2}").err();
    assert_eq!(e.as_ref().and_then(|e| e.insert_comma_at), Some(7));
    assert_eq!(e.map(|e| (e.line, e.column)), Some((2, 2)));
}

#[test]
fn nesting_is_bounded() {
    assert!(err(&"[".repeat(200)).starts_with("Document nested too deeply"));
}
