//! ECS's semantic rules, the ones a schema cannot express (ecs-facts.md §1): they read the
//! document through [`Doc`], a forgiving view that skips values of the wrong type (the schema
//! check reports those), and push findings into a [`Sink`]. One file per topic: containers and
//! sizes, networking, Fargate, logging, dependencies, volumes, identity (roles, secrets, images,
//! names) and advice (warnings about definitions ECS accepts).

mod advice;
mod containers;
mod dependencies;
mod fargate;
mod identity;
mod logging;
mod network;
mod volumes;

use serde_json::{Map, Value};

use super::Options;
use super::sink::Sink;
use crate::task_definition::sizes::{parse_cpu, parse_memory};

/// One container definition of the document.
pub struct Container<'a> {
    pub index: usize,
    pub obj: &'a Map<String, Value>,
    /// Its name, or `""` when absent or not a string.
    pub name: &'a str,
}

impl<'a> Container<'a> {
    /// Pointer of a member of this container, e.g. `ptr("/portMappings/0")`.
    pub fn ptr(&self, rest: &str) -> String {
        format!("/containerDefinitions/{}{rest}", self.index)
    }
    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.obj.get(key).and_then(Value::as_str)
    }
    pub fn int(&self, key: &str) -> Option<i64> {
        self.obj.get(key).and_then(Value::as_i64)
    }
    pub fn bool(&self, key: &str) -> Option<bool> {
        self.obj.get(key).and_then(Value::as_bool)
    }
    pub fn object(&self, key: &str) -> Option<&'a Map<String, Value>> {
        self.obj.get(key).and_then(Value::as_object)
    }
    /// The items of a list member (empty when absent or not a list).
    pub fn list(&self, key: &str) -> &'a [Value] {
        self.obj.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }
    /// The objects of a list member, with their indexes.
    pub fn objects(&self, key: &str) -> impl Iterator<Item = (usize, &'a Map<String, Value>)> {
        self.list(key).iter().enumerate().filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
    }
    /// `essential`, which defaults to true (§1.6).
    pub fn essential(&self) -> bool {
        self.bool("essential").unwrap_or(true)
    }
}

/// The document as the rules read it.
pub struct Doc<'a> {
    pub root: &'a Map<String, Value>,
    pub containers: Vec<Container<'a>>,
    /// `networkMode` as given, else `bridge` (the Linux default, §1.4).
    pub network_mode: &'a str,
    /// `requiresCompatibilities` values.
    pub compat: Vec<&'a str>,
    /// Task-level cpu (units) and memory (MiB), when given and readable.
    pub task_cpu: Option<u32>,
    pub task_memory: Option<u32>,
    pub options: &'a Options,
}

impl<'a> Doc<'a> {
    pub fn new(root: &'a Map<String, Value>, options: &'a Options) -> Self {
        let containers = root
            .get("containerDefinitions")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .enumerate()
                    .filter_map(|(index, v)| v.as_object().map(|obj| (index, obj)))
                    .map(|(index, obj)| Container { index, obj, name: obj.get("name").and_then(Value::as_str).unwrap_or_default() })
                    .collect()
            })
            .unwrap_or_default();
        let compat = root
            .get("requiresCompatibilities")
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        Doc {
            root,
            containers,
            network_mode: root.get("networkMode").and_then(Value::as_str).unwrap_or("bridge"),
            compat,
            task_cpu: root.get("cpu").and_then(Value::as_str).and_then(parse_cpu),
            task_memory: root.get("memory").and_then(Value::as_str).and_then(parse_memory),
            options,
        }
    }

    /// FARGATE is listed in `requiresCompatibilities`, so Fargate's rules apply (§1.5).
    pub fn fargate(&self) -> bool {
        self.compat.contains(&"FARGATE")
    }

    pub fn str(&self, key: &str) -> Option<&'a str> {
        self.root.get(key).and_then(Value::as_str)
    }

    /// The task's volumes (objects only), with their indexes.
    pub fn volumes(&self) -> impl Iterator<Item = (usize, &'a Map<String, Value>)> {
        self.root
            .get("volumes")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
    }

    pub fn container(&self, name: &str) -> Option<&Container<'a>> {
        self.containers.iter().find(|c| c.name == name)
    }
}

/// Runs every rule. Each rule file pushes its findings; the caller sorts them by rule order.
pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    containers::check(doc, sink);
    network::check(doc, sink);
    fargate::check(doc, sink);
    logging::check(doc, sink);
    dependencies::check(doc, sink);
    volumes::check(doc, sink);
    identity::check(doc, sink);
    advice::check(doc, sink);
}

/// `'name'` for messages (ECS quotes container names so).
pub fn quoted(name: &str) -> String {
    format!("'{name}'")
}
