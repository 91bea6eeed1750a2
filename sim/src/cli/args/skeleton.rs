//! `--generate-cli-skeleton input`: botocore's `ArgumentGenerator.generate_skeleton` over the input shape
//! (`""` for strings, `0`/`0.0` for numbers, `true`, one-element lists, `{"KeyName": …}` maps,
//! `1970-01-01T00:00:00` timestamps, `null` blobs, `{}` for a structure already being generated).

use crate::cli::model::{ServiceModel, ShapeKind};
use serde_json::{Map, Value, json};

/// The skeleton of `shape`. botocore picks a *random* enum value for enum strings; this picks the first, so
/// the output is reproducible.
pub fn skeleton(model: &ServiceModel, shape: &str) -> Value {
    let mut stack = Vec::new();
    generate(model, shape, &mut stack)
}

fn generate(model: &ServiceModel, name: &str, stack: &mut Vec<String>) -> Value {
    let Some(shape) = model.shape(name) else { return Value::Null };
    stack.push(name.to_string());
    let value = match shape.kind {
        ShapeKind::Structure => {
            if stack.iter().filter(|s| *s == name).count() > 1 {
                Value::Object(Map::new())
            } else {
                let mut map = Map::new();
                for member in &shape.members {
                    map.insert(member.name.clone(), generate(model, &member.shape, stack));
                }
                Value::Object(map)
            }
        }
        ShapeKind::List => match &shape.member {
            Some(member) => Value::Array(vec![generate(model, member, stack)]),
            None => json!([]),
        },
        ShapeKind::Map => {
            let mut map = Map::new();
            if let Some(value) = &shape.value {
                map.insert("KeyName".into(), generate(model, value, stack));
            }
            Value::Object(map)
        }
        ShapeKind::String => Value::String(shape.enum_values.first().cloned().unwrap_or_default()),
        ShapeKind::Integer | ShapeKind::Long => json!(0),
        ShapeKind::Float | ShapeKind::Double => json!(0.0),
        ShapeKind::Boolean => json!(true),
        ShapeKind::Timestamp => json!("1970-01-01T00:00:00"),
        ShapeKind::Blob => Value::Null,
    };
    stack.pop();
    value
}
