//! Schema findings about values: enums, ranges, lengths, list sizes, unions, and numbers written
//! as floats where an integer belongs. botocore's minimums keep botocore's wording; the service's
//! limits use §1.10's text where it has one (`Invalid 'containerPort' setting for container
//! 'web'.`, `Container list cannot be empty.`), else a plain sentence.

use serde_json::Value;

use super::catalog as c;
use super::fixes;
use super::schema::{botocore_name, member_names, resolve};
use super::schema_check::{container_name, order_key, pointer_of, value_at, wrong_type};
use super::sink::{FindingExt, Sink, Target};
use crate::task_definition::pyrepr::{is_py_int, py_str};

pub(super) fn bad_enum(doc: &Value, root: &Value, segs: &[String], options: &Value, sink: &mut Sink<'_>) {
    let Some(value) = value_at(doc, segs) else { return };
    if !value.is_string() {
        // The compiled schema reports a null (or other non-string) enum member as an enum miss.
        let pointer = pointer_of(segs);
        if !sink.findings.iter().any(|f| f.pointer == pointer) {
            wrong_type(doc, root, segs, sink);
        }
        return;
    }
    let allowed: Vec<&str> = options.as_array().map(|o| o.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let name = botocore_name(doc, segs);
    let pointer = pointer_of(segs);
    let shown = value.as_str().map_or_else(|| value.to_string(), str::to_string);
    let message = format!("Invalid value '{shown}' for {name}: must be one of {}.", allowed.join(", "));
    let fix = value.as_str().and_then(|s| allowed.iter().find(|a| a.eq_ignore_ascii_case(s))).and_then(|a| {
        fixes::set_value(sink.map, &pointer, &Value::from(*a).to_string()).and_then(|e| fixes::edits_fix(format!("Use \"{a}\""), vec![e]))
    });
    sink.push_at(&c::INVALID_ENUM, &pointer, Target::Value, message).with_fix(fix);
}

fn limits(schema: &Value) -> (Option<i64>, Option<i64>) {
    (schema.get("minimum").and_then(Value::as_i64), schema.get("maximum").and_then(Value::as_i64))
}

pub(super) fn out_of_range(doc: &Value, root: &Value, segs: &[String], limit: &Value, sink: &mut Sink<'_>) {
    let Some(value) = value_at(doc, segs) else { return };
    let resolved = resolve(root, segs);
    let owner = resolved.and_then(|r| r.owner).unwrap_or(("", ""));
    let (min, max) = resolved.map(|r| limits(r.schema)).unwrap_or((None, None));
    let name = botocore_name(doc, segs);
    let pointer = pointer_of(segs);
    let range = match (min, max) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
        (None, None) => limit.to_string(),
    };
    let plain = format!("Invalid value for {name}: {value} (allowed: {range}).");
    let below_min = min.is_some_and(|m| value.as_f64().is_some_and(|v| v < m as f64));
    match owner {
        ("PortMapping", "containerPort") => {
            sink.push(&c::CONTAINER_PORT_INVALID, &pointer, format!("Invalid 'containerPort' setting for container '{}'.", container_name(doc, segs)));
        }
        ("PortMapping", "hostPort") | ("EFSVolumeConfiguration", "transitEncryptionPort") => {
            sink.push(&c::PORT_RANGE, &pointer, plain);
        }
        ("HealthCheck", _) => {
            sink.push(&c::HEALTH_CHECK_RANGE, &pointer, plain);
        }
        ("EphemeralStorage", "sizeInGiB") => {
            sink.push(&c::EPHEMERAL_STORAGE_SIZE, &pointer, plain);
        }
        ("NvidiaMpsAllocation", _) if below_min => {
            let message = format!("Invalid value for parameter {name}, value: {}, valid min value: {}", py_str(value), min.unwrap_or(1));
            let order = order_key(doc, segs, (0, 0));
            sink.push(&c::INVALID_VALUE, &pointer, message).botocore_order = order;
        }
        _ => {
            sink.push(&c::OUT_OF_RANGE, &pointer, plain);
        }
    }
}

pub(super) fn too_short(doc: &Value, root: &Value, segs: &[String], limit: u64, sink: &mut Sink<'_>) {
    let owner = resolve(root, segs).and_then(|r| r.owner).unwrap_or(("", ""));
    let name = botocore_name(doc, segs);
    let pointer = pointer_of(segs);
    let len = value_at(doc, segs).and_then(Value::as_str).map_or(0, |s| s.chars().count());
    match owner {
        ("ContainerDefinition", member @ ("name" | "image")) => {
            let rule = if member == "name" { &c::CONTAINER_NAME_MISSING } else { &c::CONTAINER_IMAGE_MISSING };
            sink.push(rule, &pointer, format!("Container.{member} should not be null or empty."));
        }
        _ => {
            let message = format!("Invalid length for parameter {name}, value: {len}, valid min length: {limit}");
            let order = order_key(doc, segs, (0, 0));
            sink.push(&c::INVALID_LENGTH, &pointer, message).botocore_order = order;
        }
    }
}

pub(super) fn item_count(doc: &Value, root: &Value, segs: &[String], kind: &jsonschema::error::ValidationErrorKind, sink: &mut Sink<'_>) {
    use jsonschema::error::ValidationErrorKind as K;
    let owner = resolve(root, segs).and_then(|r| r.owner).unwrap_or(("", ""));
    let n = value_at(doc, segs).and_then(Value::as_array).map_or(0, Vec::len);
    let name = botocore_name(doc, segs);
    let pointer = pointer_of(segs);
    match (kind, owner) {
        (K::MinItems { .. }, (_, "containerDefinitions")) => {
            sink.push(&c::CONTAINERS_EMPTY, &pointer, "Container list cannot be empty.");
        }
        (K::MinItems { .. }, ("HealthCheck", "command")) => {
            sink.push(&c::HEALTH_CHECK_COMMAND, &pointer, format!("Invalid health check command for container '{}': it is empty.", container_name(doc, segs)));
        }
        (K::MaxItems { limit }, (_, "containerDefinitions")) => {
            sink.push(&c::CONTAINERS_MAX, &pointer, format!("Too many containers: {n} container definitions, at most {limit} are allowed."));
        }
        (K::MaxItems { limit }, _) | (K::MinItems { limit }, _) => {
            let bound = if matches!(kind, K::MaxItems { .. }) { "at most" } else { "at least" };
            sink.push(&c::TOO_MANY_ITEMS, &pointer, format!("{name} has {n} entries; {bound} {limit} are allowed."));
        }
        _ => {}
    }
}

pub(super) fn union(doc: &Value, root: &Value, segs: &[String], sink: &mut Sink<'_>) {
    let object = resolve(root, segs).map(|r| r.schema).unwrap_or(root);
    let members = member_names(object).join(". ");
    let name = botocore_name(doc, segs);
    let empty = value_at(doc, segs).and_then(Value::as_object).is_none_or(|m| m.is_empty());
    let message = if empty {
        // botocore's text really lacks the space in "unionstructure".
        format!("Must set one of the following keys for tagged unionstructure {name}: {members}.")
    } else {
        format!("Invalid number of parameters set for tagged union structure {name}. Can only set one of the following keys: {members}.")
    };
    let order = order_key(doc, segs, (0, 0));
    sink.push(&c::UNION_MEMBERS, &pointer_of(segs), message).botocore_order = order;
}

/// Numbers written with a fraction or exponent (`1.0`, `1e3`) where an integer belongs: JSON
/// Schema counts them as integers, Python (and so botocore) as floats.
pub(super) fn float_integers(doc: &Value, v: &Value, root: &Value, segs: &mut Vec<String>, sink: &mut Sink<'_>) {
    match v {
        Value::Number(n)
            if !is_py_int(n)
                && n.as_f64().is_some_and(|f| f.fract() == 0.0)
                && resolve(root, segs).and_then(|r| r.schema.get("type")).and_then(Value::as_str) == Some("integer") =>
        {
            let name = botocore_name(doc, segs);
            let message = format!(
                "Invalid type for parameter {name}, value: {}, type: <class 'float'>, valid types: <class 'int'>",
                py_str(v)
            );
            let order = order_key(doc, segs, (0, 0));
            sink.push(&c::INVALID_TYPE, &pointer_of(segs), message).botocore_order = order;
        }
        Value::Object(m) => {
            for (k, item) in m {
                segs.push(k.clone());
                float_integers(doc, item, root, segs, sink);
                segs.pop();
            }
        }
        Value::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                segs.push(i.to_string());
                float_integers(doc, item, root, segs, sink);
                segs.pop();
            }
        }
        _ => {}
    }
}
