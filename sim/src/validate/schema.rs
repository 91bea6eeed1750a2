//! The task-definition JSON Schema, twice: the published file (`static/schema/
//! task-definition.schema.json`, with descriptions, defaults, facts and patterns; read for hover
//! help, completions and the names in messages) and its runtime copy (`runtime-schema.json`,
//! without annotations and patterns), which jsonschema's `validator` macro compiles into Rust at
//! build time. Both are written by `sim/models/gen_schema.py`; a test checks they agree.
//!
//! Words: a *definition* is an entry of the schema's `definitions` (named after the ECS API
//! shape, e.g. `ContainerDefinition`); the root is the `RegisterTaskDefinitionRequest`.

use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The published schema's text.
pub static SCHEMA_JSON: &str = include_str!("../../../static/schema/task-definition.schema.json");

/// Name of the root definition (the request).
pub const ROOT: &str = "RegisterTaskDefinitionRequest";

/// The runtime schema, compiled at build time.
#[jsonschema::validator(
    path = "src/validate/runtime-schema.json",
    draft = Draft7,
    methods = { is_valid = false, validate = false, iter_errors = true }
)]
pub(crate) struct RuntimeSchema;

/// The published schema, parsed once.
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(SCHEMA_JSON).unwrap_or(Value::Null))
}

/// Where a pointer leads in the schema.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    /// The subschema of the value itself (references followed).
    pub schema: &'a Value,
    /// The definition whose object holds the value, and the member name (`None` for the root,
    /// list items and map values).
    pub owner: Option<(&'a str, &'a str)>,
    /// The member's own schema as written (with its description), before following `$ref`.
    pub member: Option<&'a Value>,
}

/// Follows a `$ref` to `#/definitions/<name>`: the definition's schema and name.
pub fn deref<'a>(root: &'a Value, s: &'a Value) -> (&'a Value, Option<&'a str>) {
    match s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/definitions/")) {
        Some(name) => match root.get("definitions").and_then(|d| d.get(name)) {
            Some(def) => (def, Some(name)),
            None => (s, None),
        },
        None => (s, None),
    }
}

/// The schema of the value at `segments` (unescaped pointer segments) in a document.
pub fn resolve<'a>(root: &'a Value, segments: &[String]) -> Option<Resolved<'a>> {
    let mut current = root;
    let mut def: &'a str = ROOT;
    let mut owner = None;
    let mut member = None;
    for seg in segments {
        let (s, name) = deref(root, current);
        if let Some(name) = name {
            def = name;
        }
        match s.get("type").and_then(Value::as_str) {
            Some("array") => {
                current = s.get("items")?;
                owner = None;
                member = None;
            }
            _ => {
                if let Some(prop) = s.get("properties").and_then(|p| p.get(seg.as_str())) {
                    let key = s.get("properties").and_then(Value::as_object).and_then(|p| p.get_key_value(seg.as_str()));
                    owner = key.map(|(k, _)| (def, k.as_str()));
                    member = Some(prop);
                    current = prop;
                } else {
                    let extra = s.get("additionalProperties").filter(|v| v.is_object())?;
                    current = extra;
                    owner = None;
                    member = None;
                }
            }
        }
    }
    let (schema, _) = deref(root, current);
    Some(Resolved { schema, owner, member })
}

/// The definition name of the object at `segments` (root: the request).
pub fn definition_at(root: &Value, segments: &[String]) -> Option<String> {
    let mut current = root;
    let mut def = ROOT.to_string();
    for seg in segments {
        let (s, _) = deref(root, current);
        current = match s.get("type").and_then(Value::as_str) {
            Some("array") => s.get("items")?,
            _ => s.get("properties").and_then(|p| p.get(seg.as_str())).or_else(|| s.get("additionalProperties"))?,
        };
    }
    if let (_, Some(name)) = deref(root, current) {
        def = name.to_string();
    } else if !segments.is_empty() {
        return None;
    }
    Some(def)
}

/// Member names of an object schema, in model order (the top-level `$schema` left out).
pub fn member_names(object: &Value) -> Vec<&str> {
    object
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().map(String::as_str).filter(|k| *k != "$schema").collect())
        .unwrap_or_default()
}

/// The `properties` map of an object schema.
pub fn properties(object: &Value) -> Option<&Map<String, Value>> {
    object.get("properties").and_then(Value::as_object)
}

/// Splits an RFC 6901 pointer into unescaped segments.
pub fn segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

/// botocore's name for the value at `segments` of `doc`: `input` for the top level, else like
/// `containerDefinitions[0].portMappings[1].hostPort` (`ValidationErrors._get_name`).
pub fn botocore_name(doc: &Value, segments: &[String]) -> String {
    let mut out = String::new();
    let mut node = Some(doc);
    for seg in segments {
        match node {
            Some(Value::Array(items)) => {
                out.push_str(&format!("[{seg}]"));
                node = seg.parse::<usize>().ok().and_then(|i| items.get(i));
            }
            Some(Value::Object(map)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(seg);
                node = map.get(seg.as_str());
            }
            _ => {
                out.push('.');
                out.push_str(seg);
                node = None;
            }
        }
    }
    if out.is_empty() { "input".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_members_through_references_lists_and_maps() {
        let root = schema();
        let seg = segments("/containerDefinitions/0/portMappings/0/hostPort");
        let r = resolve(root, &seg).map(|r| r.owner);
        assert_eq!(r, Some(Some(("PortMapping", "hostPort"))));
        let labels = resolve(root, &segments("/containerDefinitions/0/dockerLabels/x")).map(|r| r.schema.get("type").cloned());
        assert_eq!(labels, Some(Some(Value::from("string"))));
        assert_eq!(definition_at(root, &segments("/containerDefinitions/0")).as_deref(), Some("ContainerDefinition"));
        assert!(resolve(root, &segments("/nope")).is_none());
    }

    #[test]
    fn botocore_names() {
        let doc: Value = serde_json::json!({"containerDefinitions": [{"dockerLabels": {"a": 1}}]});
        assert_eq!(botocore_name(&doc, &[]), "input");
        assert_eq!(botocore_name(&doc, &segments("/containerDefinitions/0/dockerLabels/a")), "containerDefinitions[0].dockerLabels.a");
    }
}
