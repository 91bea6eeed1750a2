//! Pathological input must give an error (or a result), never a panic,
//! a stack overflow or unbounded memory.

use ecs_sim::cli::query::{Query, QueryError};
use serde_json::{Value, json};

fn outcome(expr: &str, data: &Value) -> Result<Value, QueryError> {
    Query::compile(expr)?.search(data)
}

fn is_parse_error(expr: &str) -> bool {
    matches!(Query::compile(expr), Err(QueryError::Parse(_)))
}

#[test]
fn deep_nesting_is_a_parse_error() {
    let n = 20_000;
    assert!(is_parse_error(&format!(
        "{}a{}",
        "(".repeat(n),
        ")".repeat(n)
    )));
    assert!(is_parse_error(&format!("{}a", "!".repeat(n))));
    assert!(is_parse_error(&"[".repeat(n)));
    assert!(is_parse_error(&"{a:".repeat(n)));
    assert!(is_parse_error(&format!("{}a", "a|".repeat(n))));
    assert!(is_parse_error(&format!("{}a", "a || ".repeat(n))));
    assert!(is_parse_error(&format!("a{}", "[*]".repeat(n))));
    assert!(is_parse_error(&format!(
        "{}a{}",
        "abs(".repeat(n),
        ")".repeat(n)
    )));
    assert!(is_parse_error(&format!("a{}", "[?b]".repeat(n))));
    assert!(is_parse_error(&format!("a{}", "[]".repeat(n))));
    assert!(is_parse_error(&format!("a{}", ".*".repeat(n))));
}

#[test]
fn long_flat_chains_are_fine() {
    let expr = format!("a{}", ".a".repeat(20_000));
    assert_eq!(outcome(&expr, &json!({"a": 1})).unwrap(), Value::Null);
    let expr = format!("a{}", "[0]".repeat(20_000));
    assert_eq!(outcome(&expr, &json!({"a": [1]})).unwrap(), Value::Null);
}

/// Expressions near the depth limit evaluate within a small stack: the
/// WebAssembly default is 1 MiB, and release builds need about 256 KiB at
/// the limit (debug frames are about four times larger).
#[test]
fn maximum_depth_fits_a_small_stack() {
    let exprs = [
        format!("{}@{}", "[".repeat(127), "]".repeat(127)),
        format!("{}@{}", "not_null(".repeat(126), ")".repeat(126)),
        format!("{}`[1]`{}", "sort_by(".repeat(60), ", &@)".repeat(60)),
        format!("{}@{}", "{a: ".repeat(120), "}".repeat(120)),
        format!("{}a", "a || ".repeat(120)),
        format!("a{}", "[*]".repeat(60)),
        format!("{}@", "!".repeat(120)),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(if cfg!(debug_assertions) { 2048 } else { 512 } * 1024)
        .spawn(move || {
            for e in &exprs {
                let q = Query::compile(e).unwrap_or_else(|err| panic!("{e}: {err}"));
                let _ = q.search(&json!({"a": [[[1]]]}));
            }
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn exponential_growth_hits_the_budget() {
    let expr = format!("{}@", "[@, @]|".repeat(60));
    match outcome(&expr, &json!({"a": [1, 2, 3]})) {
        Err(QueryError::Runtime(msg)) => assert!(msg.contains("too large"), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn slices_and_indices_at_the_extremes() {
    let big: Vec<Value> = (0..200_000).map(Value::from).collect();
    let data = json!({"a": big});
    let r = outcome("a[::-1]", &data).unwrap();
    assert_eq!(r[0], 199_999);
    assert_eq!(r.as_array().map(Vec::len), Some(200_000));
    assert!(
        matches!(outcome("a[::0]", &data), Err(QueryError::Runtime(m)) if m == "slice step cannot be zero")
    );
    let small = json!([1, 2, 3]);
    let cases = [
        ("[9223372036854775807]", json!(null)),
        ("[-9223372036854775808]", json!(null)),
        ("[99999999999999999999999]", json!(null)),
        (
            "[-9223372036854775808:9223372036854775807]",
            json!([1, 2, 3]),
        ),
        ("[::-9223372036854775808]", json!([3])),
        ("[::9223372036854775807]", json!([1])),
        (
            "[9223372036854775807:-9223372036854775808:-1]",
            json!([3, 2, 1]),
        ),
    ];
    for (expr, want) in cases {
        assert_eq!(outcome(expr, &small).unwrap(), want, "{expr}");
    }
    assert!(matches!(outcome("[::0]", &json!("abc")), Ok(Value::Null)));
}

#[test]
fn odd_input_never_panics() {
    let data = json!({"a": [1, "x", null, {"b": [true]}], "é": "ü"});
    let exprs = [
        "",
        " ",
        "\t",
        "`",
        "'",
        "\"",
        "\\",
        "[?",
        "&",
        "&&",
        "||",
        "@@",
        "a.é",
        "\"é\"",
        "`\u{1F600}`",
        "'\u{1F600}'",
        "to_string(`\"\u{1F600}\"`)",
        "length('\u{1F600}x')",
        "reverse('a\u{1F600}b')",
        "a[?@ > `1`]",
        "a[?@ < 'y']",
        "sort_by(a, &@)",
        "max_by(a, &@)",
        "`1e400`",
        "`-1e400`",
        "to_number('1e400')",
        "to_number('nan')",
        "to_number('inf')",
        "abs(`-9223372036854775808`)",
        "sum(`[9223372036854775807, 9223372036854775807]`)",
        "ceil(`1e300`)",
        "floor(`-1e300`)",
        "avg(`[1e308, 1e308]`)",
        "\"\\ud800\"",
        "`\"\\ud800\"`",
        "a[-1:-9223372036854775808:-1]",
        "{\"\": a}",
        "merge(@, @, @)",
        "&a",
        "[&a]",
        "type(&a)",
        "to_array(&a)",
        "not_null(&a, a)",
        "map(&map(&@, @), [a])",
    ];
    for e in exprs {
        let _ = outcome(e, &data);
    }
}

#[test]
fn deep_data_is_handled() {
    let mut v = json!(1);
    for _ in 0..1000 {
        v = json!([v]);
    }
    let q = Query::compile("to_string(@)").unwrap();
    assert!(q.search(&v).is_ok());
    assert_eq!(
        Query::compile("@ == @").unwrap().search(&v).unwrap(),
        json!(false)
    );
    assert!(Query::compile("[0][0][0]").unwrap().search(&v).is_ok());
}
