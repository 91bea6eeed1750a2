//! Puts a response's keys in the order the AWS CLI prints them: botocore builds each structure by walking
//! the shape's members in model order, so the printed order is the model's, whatever order the service sent.
//! Keys the model does not know are dropped, as botocore drops them.

use super::model::{ServiceModel, ShapeKind};
use serde_json::{Map, Value};

pub fn by_output_shape(model: &ServiceModel, api_op: &str, response: Value) -> Value {
    match model.operation(api_op).and_then(|o| o.output.as_deref()) {
        Some(shape) => order(model, shape, response),
        None => Value::Object(Map::new()),
    }
}

pub fn order(model: &ServiceModel, shape_name: &str, value: Value) -> Value {
    let Some(shape) = model.shape(shape_name) else { return value };
    match (&shape.kind, value) {
        (ShapeKind::Structure, Value::Object(mut obj)) if !shape.document => {
            let mut out = Map::new();
            for m in &shape.members {
                if let Some(v) = obj.remove(&m.name)
                    && !v.is_null() {
                        out.insert(m.name.clone(), order(model, &m.shape, v));
                    }
            }
            Value::Object(out)
        }
        (ShapeKind::List, Value::Array(items)) => match &shape.member {
            Some(member) => Value::Array(items.into_iter().map(|v| order(model, member, v)).collect()),
            None => Value::Array(items),
        },
        (ShapeKind::Map, Value::Object(obj)) => match &shape.value {
            Some(vshape) => Value::Object(obj.into_iter().map(|(k, v)| (k, order(model, vshape, v))).collect()),
            None => Value::Object(obj),
        },
        (_, v) => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_follow_the_model_and_unknown_ones_are_dropped() {
        let ecs = crate::cli::model::service("ecs").unwrap();
        let v = json!({"clusters": [{"status": "ACTIVE", "clusterName": "demo", "bogus": 1, "clusterArn": "arn"}], "failures": []});
        let out = by_output_shape(ecs, "DescribeClusters", v);
        let keys: Vec<_> = out["clusters"][0].as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["clusterArn", "clusterName", "status"]);
    }
}
