//! Schema-level findings: runs the compiled schema ([`super::schema::RuntimeSchema`]) over the
//! document and words each error the way its checker does. Unknown keys, missing required
//! members, wrong types (nulls included), the model's minimums and unions are botocore's
//! parameter validation (`Unknown parameter in containerDefinitions[0]: "portBindings", must be
//! one of: …`), ordered as botocore reports them; enums, maximums and ECS's own limits are the
//! service's, in ECS's words where §1.10 has them (those are worded in `schema_values`).

use serde_json::Value;

use super::catalog::{self as c, Rule};
use super::fixes;
use super::report::DocShape;
use super::schema::{self, RuntimeSchema, botocore_name, member_names, resolve, segments};
use super::schema_values::{bad_enum, float_integers, item_count, out_of_range, too_short, union};
use super::sink::{FindingExt, Sink, Target};
use super::source_map::escape_segment;
use crate::task_definition::pyrepr::{py_str, py_type_name};

/// Top-level fields of `describe-task-definition` output that a request may not carry (§1.1).
pub const READ_ONLY_FIELDS: &[&str] = &[
    "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy",
    "deregisteredAt",
];

/// Keys people write for a member under another name (Docker, Compose, Kubernetes habits).
const ALIASES: &[(&str, &str)] = &[
    ("portBindings", "portMappings"), ("ports", "portMappings"), ("env", "environment"),
    ("environmentVariables", "environment"), ("volumeMounts", "mountPoints"), ("mounts", "mountPoints"),
    ("cpuShares", "cpu"), ("memoryLimit", "memory"), ("workingDir", "workingDirectory"),
    ("logging", "logConfiguration"), ("entrypoint", "entryPoint"), ("healthcheck", "healthCheck"),
];

pub(super) fn pointer_of(segs: &[String]) -> String {
    segs.iter().map(|s| format!("/{}", escape_segment(s))).collect()
}

/// botocore's position of a problem: the input order of each step, then the problem's rank at
/// its node (union 0, missing 1, unknown 2; type errors 0 at the value itself).
pub(super) fn order_key(doc: &Value, segs: &[String], tail: (u8, usize)) -> Vec<(u8, usize)> {
    let mut out = Vec::with_capacity(segs.len() + 1);
    let mut node = Some(doc);
    for seg in segs {
        let (index, next) = match node {
            Some(Value::Object(m)) => (m.keys().position(|k| k == seg).unwrap_or(0), m.get(seg.as_str())),
            Some(Value::Array(a)) => {
                let i = seg.parse::<usize>().unwrap_or(0);
                (i, a.get(i))
            }
            _ => (0, None),
        };
        out.push((3, index));
        node = next;
    }
    out.push(tail);
    out
}

pub(super) fn value_at<'a>(doc: &'a Value, segs: &[String]) -> Option<&'a Value> {
    doc.pointer(&pointer_of(segs))
}

pub(super) fn container_name(doc: &Value, segs: &[String]) -> String {
    match segs {
        [first, index, ..] if first == "containerDefinitions" => value_at(doc, &[first.clone(), index.clone()])
            .and_then(|c| c.get("name"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    }
}

fn python_class(schema_type: &str) -> &'static str {
    match schema_type {
        "string" => "<class 'str'>",
        "integer" => "<class 'int'>",
        "boolean" => "<class 'bool'>",
        "object" => "<class 'dict'>",
        _ => "<class 'list'>, <class 'tuple'>",
    }
}

/// Runs the schema and adds its findings.
pub fn check(doc: &Value, shape: DocShape, sink: &mut Sink<'_>) {
    let root = schema::schema();
    for e in RuntimeSchema::iter_errors(doc) {
        let segs = segments(e.instance_path().as_str());
        use jsonschema::error::ValidationErrorKind as K;
        match e.kind() {
            K::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    unknown_key(doc, root, &segs, key, shape, sink);
                }
            }
            K::Required { property } => missing(doc, root, &segs, property.as_str().unwrap_or_default(), sink),
            K::Type { .. } => wrong_type(doc, root, &segs, sink),
            K::Enum { options } => bad_enum(doc, root, &segs, options, sink),
            K::Minimum { limit } | K::Maximum { limit } => out_of_range(doc, root, &segs, limit, sink),
            K::MinLength { limit } => too_short(doc, root, &segs, *limit, sink),
            K::MaxLength { limit } => {
                let name = botocore_name(doc, &segs);
                let len = value_at(doc, &segs).and_then(Value::as_str).map_or(0, |s| s.chars().count());
                sink.push(&c::TOO_LONG, &pointer_of(&segs), format!("{name} is {len} characters long; at most {limit} are allowed."));
            }
            K::MinItems { .. } | K::MaxItems { .. } => item_count(doc, root, &segs, e.kind(), sink),
            K::MinProperties { .. } | K::MaxProperties { .. } => union(doc, root, &segs, sink),
            _ => {
                let message = format!("Invalid value for {}: it fails the schema's {} check.", botocore_name(doc, &segs), e.kind().keyword());
                sink.push(&c::OUT_OF_RANGE, &pointer_of(&segs), message);
            }
        }
    }
    if let Some(obj) = doc.as_object()
        && obj.contains_key("$schema")
    {
        unknown_key(doc, root, &[], "$schema", shape, sink);
    }
    float_integers(doc, doc, root, &mut Vec::new(), sink);
}

fn unknown_key(doc: &Value, root: &Value, segs: &[String], key: &str, shape: DocShape, sink: &mut Sink<'_>) {
    let object = resolve(root, segs).map(|r| r.schema).unwrap_or(root);
    let names = member_names(object);
    let name = botocore_name(doc, segs);
    let message = format!("Unknown parameter in {name}: \"{key}\", must be one of: {}", names.join(", "));
    let mut path = segs.to_vec();
    path.push(key.to_string());
    let pointer = pointer_of(&path);
    let index = doc.pointer(&pointer_of(segs)).and_then(Value::as_object).and_then(|m| m.keys().position(|k| k == key));
    let order = order_key(doc, segs, (2, index.unwrap_or(0)));
    let (rule, fix): (&'static Rule, _) = if segs.is_empty() && key == "taskDefinition" && shape == DocShape::DescribeWrapper {
        (&c::DESCRIBE_WRAPPER, unwrap_fix(doc))
    } else if segs.is_empty() && READ_ONLY_FIELDS.contains(&key) {
        let present: Vec<String> = READ_ONLY_FIELDS.iter().filter(|f| doc.get(**f).is_some()).map(|f| format!("/{f}")).collect();
        let n = present.len();
        let title = if n == 1 { "Remove the read-only field".to_string() } else { format!("Remove the {n} read-only fields") };
        (&c::READ_ONLY_FIELD, fixes::edits_fix(title, fixes::remove(sink.map, &present)))
    } else if segs.is_empty() && key == "$schema" {
        (&c::SCHEMA_KEY, fixes::edits_fix("Remove \"$schema\"", fixes::remove(sink.map, std::slice::from_ref(&pointer))))
    } else {
        let fix = match suggestion(key, &names) {
            Some(better) => fixes::rename_key(sink.map, &pointer, better)
                .and_then(|e| fixes::edits_fix(format!("Rename to \"{better}\""), vec![e])),
            None => fixes::edits_fix(format!("Remove \"{key}\""), fixes::remove(sink.map, std::slice::from_ref(&pointer))),
        };
        (&c::UNKNOWN_PARAMETER, fix)
    };
    let f = sink.push(rule, &pointer, message).with_fix(fix);
    f.botocore_order = order;
}

/// The member a mistyped key most likely meant: same name in another case, a known alias, or
/// one or two typing mistakes away.
fn suggestion<'a>(key: &str, names: &[&'a str]) -> Option<&'a str> {
    if let Some(n) = names.iter().find(|n| n.eq_ignore_ascii_case(key)) {
        return Some(n);
    }
    if let Some((_, to)) = ALIASES.iter().find(|(from, _)| *from == key) {
        return names.iter().find(|n| *n == to).copied();
    }
    let limit = if key.len() >= 6 { 2 } else { 1 };
    names.iter().map(|n| (edit_distance(&key.to_ascii_lowercase(), &n.to_ascii_lowercase()), *n)).filter(|(d, _)| *d <= limit).min().map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Replaces a `{"taskDefinition": …}` document with its inner definition, read-only fields removed.
fn unwrap_fix(doc: &Value) -> Option<super::report::Fix> {
    let mut inner = doc.get("taskDefinition")?.as_object()?.clone();
    for f in READ_ONLY_FIELDS {
        inner.shift_remove(*f);
    }
    let text = serde_json::to_string_pretty(&Value::Object(inner)).ok()?;
    Some(super::report::Fix {
        title: "Unwrap the task definition and drop its read-only fields".into(),
        change: super::report::FixChange::ReplaceDocument(text + "\n"),
    })
}

fn missing(doc: &Value, root: &Value, segs: &[String], property: &str, sink: &mut Sink<'_>) {
    let def = schema::definition_at(root, segs).unwrap_or_default();
    let pointer = pointer_of(segs);
    if def == "ContainerDefinition" && (property == "name" || property == "image") {
        let rule = if property == "name" { &c::CONTAINER_NAME_MISSING } else { &c::CONTAINER_IMAGE_MISSING };
        sink.push_at(rule, &pointer, Target::Value, format!("Container.{property} should not be null or empty."));
        return;
    }
    let object = resolve(root, segs).map(|r| r.schema).unwrap_or(root);
    let required: Vec<&str> = object.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let index = required.iter().position(|r| *r == property).unwrap_or(0);
    let name = botocore_name(doc, segs);
    let f = sink.push_at(&c::MISSING_PARAMETER, &pointer, Target::Value, format!("Missing required parameter in {name}: \"{property}\""));
    f.botocore_order = order_key(doc, segs, (1, index));
}

pub(super) fn wrong_type(doc: &Value, root: &Value, segs: &[String], sink: &mut Sink<'_>) {
    let Some(value) = value_at(doc, segs) else { return };
    let pointer = pointer_of(segs);
    if sink.findings.iter().any(|f| f.pointer == pointer && (f.rule == c::NULL_VALUE.id || f.rule == c::INVALID_TYPE.id)) {
        return;
    }
    let expected = resolve(root, segs).and_then(|r| r.schema.get("type")).and_then(Value::as_str).unwrap_or("object");
    let name = botocore_name(doc, segs);
    if value.is_boolean() && expected == "integer" {
        // botocore lets a bool through as a Python int; the service then refuses it.
        sink.push(&c::INVALID_TYPE, &pointer, format!("Invalid value for {name}: {} is a boolean, a number belongs here.", py_str(value)))
            .not_verbatim()
            .stage = super::report::Stage::Service;
        return;
    }
    let message = format!(
        "Invalid type for parameter {name}, value: {}, type: {}, valid types: {}",
        py_str(value),
        py_type_name(value),
        python_class(expected)
    );
    let order = order_key(doc, segs, (0, 0));
    let f = if value.is_null() {
        let nulls = null_pointers(doc);
        let n = nulls.len();
        let title = if n == 1 { "Remove the null value".to_string() } else { format!("Remove all {n} null values") };
        let fix = fixes::edits_fix(title, fixes::remove(sink.map, &nulls));
        sink.push(&c::NULL_VALUE, &pointer, message).with_fix(fix)
    } else {
        sink.push(&c::INVALID_TYPE, &pointer, message)
    };
    f.botocore_order = order;
}

/// Pointers of every `null` in the document.
pub fn null_pointers(doc: &Value) -> Vec<String> {
    fn walk(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Null => out.push(at.to_string()),
            Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, &format!("{at}/{}", escape_segment(k)), out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| walk(v, &format!("{at}/{i}"), out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, "", &mut out);
    out
}
