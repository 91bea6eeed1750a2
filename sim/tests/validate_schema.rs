//! The published JSON Schema (`static/schema/task-definition.schema.json`) is a valid draft-07
//! schema, covers every field of `task-definition-fields.md` (type, required flag, enum, limits),
//! and its runtime copy (`sim/src/validate/runtime-schema.json`) is the same schema without
//! annotations and patterns.

use std::path::{Path, PathBuf};

use serde_json::Value;

const ORIGINAL_TABLE: &str = "/work/shared/reference/task-definition-fields.md";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The field table: the shared original when present, else the copy under tests/data (CI).
fn field_table() -> String {
    let copy = manifest().join("tests/data/task-definition-fields.md");
    let path = if Path::new(ORIGINAL_TABLE).exists() { PathBuf::from(ORIGINAL_TABLE) } else { copy };
    std::fs::read_to_string(path).expect("field table")
}

fn published() -> Value {
    serde_json::from_str(ecs_sim::validate::SCHEMA_JSON).expect("schema is JSON")
}

#[test]
fn the_copy_of_the_field_table_is_current() {
    if let Ok(original) = std::fs::read_to_string(ORIGINAL_TABLE) {
        let copy = std::fs::read_to_string(manifest().join("tests/data/task-definition-fields.md")).expect("copy");
        assert_eq!(copy, original, "refresh sim/tests/data/task-definition-fields.md from {ORIGINAL_TABLE}");
    }
}

#[test]
fn the_schema_is_a_valid_draft_07_schema() {
    let schema = published();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::meta::validate(&schema).expect("valid draft-07");
    let runtime: Value = serde_json::from_str(include_str!("../src/validate/runtime-schema.json")).expect("json");
    jsonschema::draft7::meta::validate(&runtime).expect("valid draft-07");
    // The site copies static/schema into dist; the file must be where the page's build expects it.
    assert!(manifest().join("../static/schema/task-definition.schema.json").exists());
}

#[test]
fn a_file_may_name_the_schema_and_every_object_is_closed() {
    let schema = published();
    assert!(schema["properties"]["$schema"].is_object());
    fn closed(v: &Value, at: &str) {
        match v {
            Value::Object(m) => {
                if m.get("type") == Some(&Value::from("object")) && m.contains_key("properties") {
                    assert_eq!(m.get("additionalProperties"), Some(&Value::Bool(false)), "{at} is not closed");
                    for (name, p) in m["properties"].as_object().into_iter().flatten() {
                        assert!(p.get("description").and_then(Value::as_str).is_some_and(|d| !d.is_empty()), "{at}/{name} has no description");
                    }
                }
                m.iter().for_each(|(k, v)| closed(v, &format!("{at}/{k}")));
            }
            Value::Array(a) => a.iter().for_each(|v| closed(v, at)),
            _ => {}
        }
    }
    closed(&schema, "#");
}

/// The runtime copy: annotations and patterns dropped, service shapes (not reachable from a
/// task definition) left out.
fn strip(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, v)| !["description", "x-fact", "x-source", "title", "default", "pattern"].contains(&k.as_str()) || v.is_object())
                .map(|(k, v)| {
                    let v = if k == "properties" || k == "definitions" {
                        Value::Object(v.as_object().into_iter().flatten().map(|(n, s)| (n.clone(), strip(s))).collect())
                    } else {
                        strip(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip).collect()),
        other => other.clone(),
    }
}

#[test]
fn the_runtime_copy_is_the_published_schema_without_annotations() {
    let mut expected = strip(&published());
    let service = ["PlacementStrategy", "PlacementConstraint", "CapacityProviderStrategyItem", "DeploymentConfiguration", "DeploymentCircuitBreaker", "LoadBalancer", "NetworkConfiguration", "AwsVpcConfiguration", "ManagedScaling", "AutoScalingGroupProvider"];
    if let Some(defs) = expected.get_mut("definitions").and_then(Value::as_object_mut) {
        for s in service {
            defs.shift_remove(s);
        }
    }
    let runtime: Value = serde_json::from_str(include_str!("../src/validate/runtime-schema.json")).expect("json");
    assert_eq!(runtime, expected, "run python3 sim/models/gen_schema.py");
}

/// One row of the field table.
struct Row {
    field: String,
    required: bool,
    kind: String,
}

fn sections(md: &str) -> Vec<(String, Vec<Row>)> {
    let mut out: Vec<(String, Vec<Row>)> = Vec::new();
    for line in md.lines() {
        if let Some(name) = line.strip_prefix("#### ") {
            out.push((name.trim().to_string(), Vec::new()));
        } else if let Some((_, rows)) = out.last_mut()
            && line.starts_with('|')
        {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            if cells.len() == 3 && cells[1] != "required" && !cells[0].starts_with("---") {
                rows.push(Row { field: cells[0].into(), required: cells[1].contains("yes"), kind: cells[2].into() });
            }
        }
    }
    out
}

/// Members the service requires although the model does not (§1.1).
const SERVICE_REQUIRED: &[(&str, &str)] = &[("ContainerDefinition", "name"), ("ContainerDefinition", "image")];

fn deref<'a>(schema: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/definitions/")) {
        Some(name) => &schema["definitions"][name],
        None => s,
    }
}

/// Checks a type text of the table (`string {a, b}`, `list<PortMapping>`, `integer [0..1000]`, …)
/// against a property schema.
fn check_kind(prop: &Value, kind: &str, at: &str) {
    let (kind, limits) = match kind.split_once(" [") {
        Some((k, rest)) => (k.trim(), Some(rest.split(']').next().unwrap_or_default().to_string())),
        None => (kind.split(" pattern").next().unwrap_or(kind).trim(), None),
    };
    let kind = kind.split(" pattern").next().unwrap_or(kind).trim();
    if let Some(limits) = limits {
        let (lo, hi) = limits.split_once("..").expect("a..b");
        let (lo, hi): (i64, i64) = (lo.parse().expect("lo"), hi.parse().expect("hi"));
        let (min_key, max_key) = match prop["type"].as_str() {
            Some("string") => ("minLength", "maxLength"),
            Some("array") => ("minItems", "maxItems"),
            _ => ("minimum", "maximum"),
        };
        assert_eq!(prop.get(max_key).and_then(Value::as_i64), Some(hi), "{at}: {max_key}");
        assert_eq!(prop.get(min_key).and_then(Value::as_i64).unwrap_or(0), lo, "{at}: {min_key}");
    }
    if let Some(inner) = kind.strip_prefix("list<").and_then(|k| k.strip_suffix('>')) {
        assert_eq!(prop["type"], "array", "{at}");
        return check_kind(&prop["items"], inner, &format!("{at}[]"));
    }
    if kind.starts_with("map<") {
        assert_eq!(prop["type"], "object", "{at}");
        assert_eq!(prop["additionalProperties"]["type"], "string", "{at}");
        return;
    }
    let (base, values) = match kind.split_once(" {") {
        Some((b, v)) => (b, Some(v.trim_end_matches('}'))),
        None => (kind, None),
    };
    match base {
        "string" | "integer" | "boolean" => assert_eq!(prop["type"], base, "{at}"),
        shape => {
            let r = prop.get("$ref").and_then(Value::as_str);
            let expanded = r == Some(format!("#/definitions/{shape}").as_str());
            assert!(expanded || prop["type"] == "object", "{at}: expected a reference to {shape}, got {prop}");
        }
    }
    if let Some(values) = values {
        let expected: Vec<&str> = values.split(',').map(str::trim).collect();
        let actual: Vec<&str> = prop["enum"].as_array().expect("enum").iter().filter_map(Value::as_str).collect();
        assert_eq!(actual, expected, "{at}: enum");
    }
}

#[test]
fn the_schema_matches_the_field_table() {
    let schema = published();
    let md = field_table();
    let sections = sections(&md);
    assert!(sections.len() >= 40, "parsed {} sections", sections.len());
    for (shape, rows) in &sections {
        let object = if shape == "RegisterTaskDefinitionRequest" { &schema } else { deref(&schema, &schema["definitions"][shape.as_str()]) };
        let props = object["properties"].as_object().unwrap_or_else(|| panic!("no definition {shape}"));
        let names: Vec<&str> = props.keys().map(String::as_str).filter(|k| *k != "$schema").collect();
        let table: Vec<&str> = rows.iter().map(|r| r.field.as_str()).collect();
        assert_eq!(names, table, "{shape}: members and their order");
        let required: Vec<&str> = object["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        for row in rows {
            let at = format!("{shape}.{}", row.field);
            let service = SERVICE_REQUIRED.contains(&(shape.as_str(), row.field.as_str()));
            assert_eq!(required.contains(&row.field.as_str()), row.required || service, "{at}: required");
            check_kind(&props[row.field.as_str()], &row.kind, &at);
        }
    }
}

#[test]
fn fact_constraints_are_in_the_schema() {
    let s = published();
    let d = &s["definitions"];
    assert_eq!(s["properties"]["family"]["pattern"], "^[a-zA-Z0-9_-]{1,255}$");
    assert_eq!(d["ContainerDefinition"]["properties"]["name"]["pattern"], "^[a-zA-Z0-9_-]{1,255}$");
    assert_eq!(s["properties"]["containerDefinitions"]["maxItems"], 10);
    assert_eq!(d["HealthCheck"]["properties"]["interval"]["minimum"], 5);
    assert_eq!(d["HealthCheck"]["properties"]["interval"]["maximum"], 300);
    assert_eq!(d["HealthCheck"]["properties"]["retries"]["maximum"], 10);
    assert_eq!(d["PortMapping"]["properties"]["containerPort"]["maximum"], 65535);
    assert_eq!(d["EphemeralStorage"]["properties"]["sizeInGiB"]["minimum"], 21);
    assert_eq!(d["EphemeralStorage"]["properties"]["sizeInGiB"]["maximum"], 200);
    assert_eq!(d["ContainerDefinition"]["properties"]["essential"]["default"], true);
    assert_eq!(s["properties"]["networkMode"]["x-fact"], "§1.4");
}
