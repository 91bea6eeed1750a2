//! Recognising documents that are not a `RegisterTaskDefinition` request but something a learner
//! often has instead: a syntax error, Describe output (wrapped in `{"taskDefinition": …}` or
//! carrying read-only fields), a bare `containerDefinitions` array, or another JSON value. Each
//! gets named, with a fix where one exists.

use serde_json::Value;

use super::catalog as c;
use super::report::{DocShape, Fix, FixChange, TextEdit};
use super::schema_check::READ_ONLY_FIELDS;
use super::sink::{FindingExt, Sink, Target};
use super::source_map::SyntaxError;
use crate::task_definition::pyrepr::py_type_name;

/// What a parsed document is.
pub fn classify(value: &Value) -> DocShape {
    match value {
        Value::Object(obj) => {
            let wrapped = obj.get("taskDefinition").is_some_and(Value::is_object)
                && !obj.contains_key("family")
                && !obj.contains_key("containerDefinitions");
            if wrapped {
                DocShape::DescribeWrapper
            } else if READ_ONLY_FIELDS.iter().any(|f| obj.contains_key(*f)) {
                DocShape::DescribeOutput
            } else {
                DocShape::Request
            }
        }
        Value::Array(items)
            if !items.is_empty()
                && items.iter().all(|i| i.get("name").is_some() || i.get("image").is_some()) =>
        {
            DocShape::ContainerArray
        }
        _ => DocShape::Other,
    }
}

/// The finding for text that is not JSON, with a fix when a comma is missing.
pub fn syntax_error(e: &SyntaxError, sink: &mut Sink<'_>) {
    let end = e.offset + sink.text.get(e.offset..).and_then(|s| s.chars().next()).map_or(0, char::len_utf8);
    let span = sink.span_of(e.offset, end);
    let fix = e.insert_comma_at.map(|at| Fix {
        title: "Insert the missing comma".into(),
        change: FixChange::Edits(vec![TextEdit { start: at, end: at, text: ",".into() }]),
    });
    let message = e.python_message();
    let f = sink.push_at(&c::JSON_SYNTAX, "", Target::Value, message).with_fix(fix);
    f.span = span;
    if e.insert_comma_at.is_some() {
        f.explain("A comma is missing at the end of the previous value: JSON needs one between two members or items.");
    }
}

/// The finding for a document that is JSON but not an object.
pub fn not_an_object(value: &Value, shape: DocShape, sink: &mut Sink<'_>) {
    let message = format!("Error parsing parameter '--cli-input-json': Invalid type: expecting map, received {}", py_type_name(value));
    if shape == DocShape::ContainerArray {
        let fix = wrap_fix(value, sink.text);
        sink.push_at(&c::CONTAINER_ARRAY, "", Target::Value, message).with_fix(fix);
    } else {
        sink.push_at(&c::NOT_AN_OBJECT, "", Target::Value, message);
    }
}

/// Wraps a container array into a request, naming the family after the first container.
fn wrap_fix(value: &Value, text: &str) -> Option<Fix> {
    let first = value.get(0)?.get("name").and_then(Value::as_str).unwrap_or("my-app");
    let family: String = first.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let family = if family.is_empty() { "my-app".to_string() } else { family };
    let mut lines = text.trim().lines();
    let head = lines.next().unwrap_or("[]");
    let rest: String = lines.map(|l| format!("\n  {l}")).collect();
    let doc = format!("{{\n  \"family\": {},\n  \"containerDefinitions\": {head}{rest}\n}}\n", Value::from(family));
    Some(Fix { title: "Wrap the list in a task definition".into(), change: FixChange::ReplaceDocument(doc) })
}
