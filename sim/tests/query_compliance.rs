//! Runs the official JMESPath compliance suite (jmespath.test `tests/`,
//! copied in `tests/compliance/`): `result` cases must match (objects
//! compared regardless of key order), `error` cases must fail with the
//! right class (`syntax` at compile time, any other kind at search time).

use std::path::Path;

use ecs_sim::cli::query::{Query, QueryError};
use serde_json::Value;

const FILES: &[&str] = &[
    "basic",
    "boolean",
    "current",
    "escape",
    "filters",
    "functions",
    "identifiers",
    "indices",
    "literal",
    "multiselect",
    "pipe",
    "slice",
    "syntax",
    "unicode",
    "wildcard",
];

/// Equality where object key order does not matter and 1 == 1.0.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn run_case(given: &Value, case: &Value) -> Result<(), String> {
    let expr = case["expression"].as_str().ok_or("no expression")?;
    let outcome = Query::compile(expr).and_then(|q| q.search(given).map(|r| (q, r)));
    match (case.get("error").and_then(Value::as_str), outcome) {
        (Some("syntax"), Err(QueryError::Parse(_))) => Ok(()),
        (Some(kind), Err(QueryError::Runtime(_))) if kind != "syntax" => Ok(()),
        (Some(kind), Err(e)) => Err(format!("{expr:?}: wanted {kind} error, got {e:?}")),
        (Some(kind), Ok((_, r))) => Err(format!("{expr:?}: wanted {kind} error, got {r}")),
        (None, Ok((_, r))) => {
            let want = &case["result"];
            if same(&r, want) {
                Ok(())
            } else {
                Err(format!("{expr:?}: got {r}, want {want}"))
            }
        }
        (None, Err(e)) => Err(format!("{expr:?}: unexpected error {e}")),
    }
}

#[test]
fn compliance_suite() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/query/compliance");
    let (mut passed, mut skipped) = (0usize, 0usize);
    let mut failures = Vec::new();
    for file in FILES {
        let text = std::fs::read_to_string(dir.join(format!("{file}.json"))).unwrap();
        let suites: Vec<Value> = serde_json::from_str(&text).unwrap();
        for suite in &suites {
            for case in suite["cases"].as_array().unwrap() {
                if case.get("bench").is_some() {
                    skipped += 1;
                    continue;
                }
                match run_case(&suite["given"], case) {
                    Ok(()) => passed += 1,
                    Err(msg) => failures.push(format!("{file}: {msg}")),
                }
            }
        }
    }
    println!(
        "compliance: {passed} passed, {} failed, {skipped} skipped",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
