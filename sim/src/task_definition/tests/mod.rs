//! Tests of the task-definition module, with shared helpers: fixture loading and a
//! fully populated sample request built from the static shape description.

mod fixtures;
mod problems;
mod shape_sync;
mod unknown_keys;

use serde_json::{Map, Value, json};

use super::parse::RequestParseError;
use super::shapes::{Kind, REGISTER_TASK_DEFINITION_REQUEST, Shape};

const FIXTURE_DIR: &str = "/work/shared/fixtures/taskdefs";

fn fixture(name: &str) -> String {
    let path = format!("{FIXTURE_DIR}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

/// The validation report text of a failed parse (panics on any other outcome).
fn report(result: Result<super::RegisterTaskDefinitionRequest, RequestParseError>) -> String {
    match result {
        Err(e @ RequestParseError::ParamValidation { .. }) => e.to_string(),
        other => panic!("expected a parameter validation failure, got {other:?}"),
    }
}

/// A valid value of `kind` (every structure member populated, unions with one member).
fn sample_kind(kind: &Kind) -> Value {
    match kind {
        Kind::String => json!("x"),
        Kind::Enum(values) => json!(values[0]),
        Kind::Integer => json!(1),
        Kind::Boolean => json!(true),
        Kind::List(inner) => Value::Array(vec![sample_kind(inner)]),
        Kind::StringMap => json!({"k": "v"}),
        Kind::Structure(shape) => sample_shape(shape),
    }
}

fn sample_shape(shape: &Shape) -> Value {
    let mut map = Map::new();
    for member in shape.members {
        map.insert(member.name.to_string(), sample_kind(&member.kind));
        if shape.union {
            break;
        }
    }
    Value::Object(map)
}

/// A request with every member of every reachable shape set to a valid value.
fn full_sample() -> Value {
    sample_shape(&REGISTER_TASK_DEFINITION_REQUEST)
}

/// The JSON object at a botocore path such as `containerDefinitions[0].linuxParameters`
/// (`input` is the top level).
fn object_at<'a>(root: &'a mut Value, path: &str) -> &'a mut Map<String, Value> {
    let mut cur = root;
    if path != "input" {
        for segment in path.split('.') {
            let (key, index) = match segment.split_once('[') {
                Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (segment, None),
            };
            cur = &mut cur[key];
            if let Some(i) = index {
                cur = &mut cur[i];
            }
        }
    }
    cur.as_object_mut()
        .unwrap_or_else(|| panic!("no object at {path}"))
}
