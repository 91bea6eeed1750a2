//! `--generate-cli-skeleton`: botocore's `ArgumentGenerator.generate_skeleton`. For `input`, over the input
//! shape: `""` for strings, `0`/`0.0` for numbers, `true`, one-element lists, `{"KeyName": …}` maps,
//! `1970-01-01T00:00:00` timestamps, `null` blobs, `{}` for a structure already being generated. For
//! `output` (`use_member_names=True`), the fake response: strings hold their member's name.

use crate::cli::model::{ServiceModel, ShapeKind};
use serde_json::{Map, Value, json};

/// The `input` skeleton of `shape`. botocore picks a *random* enum value for enum strings; this picks the
/// first, so the output is reproducible.
pub fn skeleton(model: &ServiceModel, shape: &str) -> Value {
    Generator { model, member_names: false, stack: Vec::new() }.generate(shape, "")
}

/// The stubbed response `--generate-cli-skeleton output` prints (after `--query` and the output format):
/// every string is the name of its member (a list's elements: the list's member shape name; map values: "").
pub fn output_skeleton(model: &ServiceModel, shape: &str) -> Value {
    Generator { model, member_names: true, stack: Vec::new() }.generate(shape, "")
}

struct Generator<'a> {
    model: &'a ServiceModel,
    member_names: bool,
    stack: Vec<String>,
}

impl Generator<'_> {
    fn generate(&mut self, name: &str, member: &str) -> Value {
        let Some(shape) = self.model.shape(name) else { return Value::Null };
        self.stack.push(name.to_string());
        let value = match shape.kind {
            ShapeKind::Structure => {
                let mut map = Map::new();
                if self.stack.iter().filter(|s| *s == name).count() <= 1 {
                    for m in &shape.members {
                        map.insert(m.name.clone(), self.generate(&m.shape, &m.name));
                    }
                }
                Value::Object(map)
            }
            ShapeKind::List => match &shape.member {
                Some(element) => {
                    let element_name = if self.member_names { element.clone() } else { String::new() };
                    Value::Array(vec![self.generate(element, &element_name)])
                }
                None => json!([]),
            },
            ShapeKind::Map => {
                let mut map = Map::new();
                if let Some(value) = &shape.value {
                    map.insert("KeyName".into(), self.generate(value, ""));
                }
                Value::Object(map)
            }
            ShapeKind::String if self.member_names => Value::String(member.to_string()),
            ShapeKind::String => Value::String(shape.enum_values.first().cloned().unwrap_or_default()),
            ShapeKind::Integer | ShapeKind::Long => json!(0),
            ShapeKind::Float | ShapeKind::Double => json!(0.0),
            ShapeKind::Boolean => json!(true),
            ShapeKind::Timestamp => json!("1970-01-01T00:00:00"),
            ShapeKind::Blob => Value::Null,
        };
        self.stack.pop();
        value
    }
}
