//! The AWS API models the sandbox's CLI is driven by: a trimmed copy of botocore's `service-2.json` and
//! `waiters-2.json` per service (`sim/models/*.json`, made by `sim/models/extract.py`). From them come, as in
//! the real AWS CLI: each operation's options and their types, required members, botocore's parameter
//! validation, the order of keys in every response, and the waiters.
//!
//! Words: a *shape* is a named type of the API model; a *member* is a field of a structure shape.

mod shape;

pub use shape::{Member, Shape, ShapeKind};

use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceMetadata {
    pub api_version: String,
    pub endpoint_prefix: String,
    pub protocol: String,
    pub service_id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OperationModel {
    pub input: Option<String>,
    pub output: Option<String>,
    /// Input member name → CLI option name without the dashes, in member order.
    #[serde(default)]
    pub cli: Map<String, Value>,
    #[serde(default)]
    pub errors: Vec<String>,
}

/// One service's model.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceModel {
    pub botocore: String,
    pub metadata: ServiceMetadata,
    /// Every operation of the service: CLI name → API name, in the model's order.
    pub all_operations: Map<String, Value>,
    /// The operations whose shapes were kept, by API name.
    pub operations: BTreeMap<String, OperationModel>,
    pub shapes: BTreeMap<String, Shape>,
    /// Waiters by CLI name (`tasks-running`), as botocore defines them.
    #[serde(default)]
    pub waiters: Map<String, Value>,
}

impl ServiceModel {
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.get(name)
    }

    /// The API name of the operation with this CLI name (`run-task` → `RunTask`), whether or not the sandbox
    /// models it.
    pub fn operation_name(&self, cli_name: &str) -> Option<&str> {
        self.all_operations.get(cli_name).and_then(Value::as_str)
    }

    /// CLI names of every operation, in the model's order.
    pub fn operation_cli_names(&self) -> impl Iterator<Item = &str> {
        self.all_operations.keys().map(String::as_str)
    }

    pub fn operation(&self, api_name: &str) -> Option<&OperationModel> {
        self.operations.get(api_name)
    }
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        /// The services whose models are embedded, by CLI name, with their JSON text.
        const EMBEDDED: &[(&str, &str)] = &[$(($name, include_str!(concat!("../../../models/", $name, ".json")))),*];
    };
}
embedded!(
    "application-autoscaling", "autoscaling", "cloudwatch", "ec2", "ecr", "ecs", "elbv2", "iam", "logs", "s3api",
    "secretsmanager", "ssm", "sts",
);

/// The model of a service by its CLI name (`ecs`), parsed once on first use.
pub fn service(name: &str) -> Option<&'static ServiceModel> {
    static MODELS: OnceLock<BTreeMap<&'static str, ServiceModel>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            EMBEDDED
                .iter()
                .filter_map(|(name, text)| serde_json::from_str(text).ok().map(|m| (*name, m)))
                .collect()
        })
        .get(name)
}

/// The CLI names of the services the sandbox models, sorted.
pub fn service_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_model_parses() {
        for name in service_names() {
            let m = service(name).unwrap_or_else(|| panic!("model {name} does not parse"));
            assert!(!m.operations.is_empty(), "{name}");
            for (op, o) in &m.operations {
                for s in o.input.iter().chain(o.output.iter()) {
                    assert!(m.shape(s).is_some(), "{name} {op}: shape {s} missing");
                }
            }
        }
    }

    #[test]
    fn run_task_options_come_from_the_model() {
        let ecs = service("ecs").unwrap();
        assert_eq!(ecs.operation_name("run-task"), Some("RunTask"));
        let op = ecs.operation("RunTask").unwrap();
        assert_eq!(op.cli.get("taskDefinition").and_then(Value::as_str), Some("task-definition"));
        let input = ecs.shape("RunTaskRequest").unwrap();
        assert_eq!(input.required(), ["taskDefinition"]);
    }
}
