//! Differential test against the Python `jmespath` library (the one the
//! AWS CLI uses): `tests/oracle/python_oracle.json`, made by
//! `tests/oracle/generate.py`, holds its result or error for each case.
//! Results must match including object key order and int/float kind;
//! errors must match in phase (compile vs search) and in message text.

use std::path::Path;

use ecs_sim::cli::query::{Query, QueryError};
use serde_json::Value;

/// Equality that also requires the same key order and number kind.
fn same_ordered(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x.is_f64() == y.is_f64() && x.as_f64() == y.as_f64()
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_ordered(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && same_ordered(v1, v2))
        }
        _ => a == b,
    }
}

/// Drops the object address Python prints for expression references.
fn normalize(msg: &str) -> String {
    match (msg.find(" object at 0x"), msg.find("object>")) {
        (Some(start), _) => {
            let end = msg[start..].find('>').map_or(msg.len(), |e| start + e);
            format!("{} object{}", &msg[..start], &msg[end..])
        }
        _ => msg.to_string(),
    }
}

#[test]
fn matches_python_jmespath() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/query/oracle/python_oracle.json");
    let oracle: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let datasets = &oracle["datasets"];
    let mut failures = Vec::new();
    let cases = oracle["cases"].as_array().unwrap();
    for case in cases {
        let given = match &case["given"] {
            Value::String(name) => &datasets[name.as_str()],
            other => other,
        };
        let expr = case["expression"].as_str().unwrap();
        let got = Query::compile(expr)
            .map_err(|e| ("parse", e))
            .and_then(|q| q.search(given).map_err(|e| ("runtime", e)));
        match (case.get("error"), got) {
            (None, Ok(r)) if same_ordered(&r, &case["result"]) => {}
            (Some(err), Err((phase, e))) => {
                let msg = match &e {
                    QueryError::Parse(m) | QueryError::Runtime(m) => m.clone(),
                };
                let want = normalize(err["message"].as_str().unwrap());
                if err["phase"] != phase || normalize(&msg) != want {
                    failures.push(format!(
                        "{expr:?}\n  got  {phase}: {msg}\n  want {}: {want}",
                        err["phase"]
                    ));
                }
            }
            (want, got) => failures.push(format!(
                "{expr:?}\n  got  {got:?}\n  want {want:?} / {}",
                case["result"]
            )),
        }
    }
    println!(
        "python oracle: {} passed, {} failed",
        cases.len() - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
