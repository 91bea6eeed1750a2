//! Tests of the cluster query language: docs examples, parsing, evaluation, the regex subset,
//! and a fuzz-style no-panic check.

mod docs_examples;
mod errors;
mod evaluation;
mod fuzz;
mod regex_subset;

use super::{Expression, Instance, QueryLanguageError, parse};

/// A container instance for tests.
#[derive(Debug, Clone)]
pub(crate) struct Inst {
    pub attrs: Vec<(String, Option<String>)>,
    pub id: String,
    pub connected: bool,
    pub version: String,
    pub registered: u64,
    pub running: u64,
    pub groups: Vec<String>,
}

impl Instance for Inst {
    fn attribute(&self, name: &str) -> Option<Option<&str>> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref())
    }
    fn ec2_instance_id(&self) -> &str {
        &self.id
    }
    fn agent_connected(&self) -> bool {
        self.connected
    }
    fn agent_version(&self) -> &str {
        &self.version
    }
    fn registered_at_epoch_secs(&self) -> u64 {
        self.registered
    }
    fn running_tasks_count(&self) -> u64 {
        self.running
    }
    fn task_groups(&self) -> Vec<&str> {
        self.groups.iter().map(String::as_str).collect()
    }
}

/// An instance with no attributes, no tasks, agent 1.14.5, registered 2018-06-18T22:28:28Z.
pub(crate) fn inst() -> Inst {
    Inst {
        attrs: Vec::new(),
        id: "i-abcd1234".into(),
        connected: true,
        version: "1.14.5".into(),
        registered: 1_529_360_908,
        running: 0,
        groups: Vec::new(),
    }
}

impl Inst {
    pub fn attr(mut self, name: &str, value: &str) -> Self {
        self.attrs.push((name.into(), Some(value.into())));
        self
    }
    pub fn cap(mut self, name: &str) -> Self {
        self.attrs.push((name.into(), None));
        self
    }
    pub fn groups(mut self, groups: &[&str]) -> Self {
        self.groups = groups.iter().map(|g| g.to_string()).collect();
        self.running = groups.len() as u64;
        self
    }
}

pub(crate) fn expr(text: &str) -> Expression {
    match parse(text) {
        Ok(e) => e,
        Err(err) => panic!("{text:?} should parse, got {err}"),
    }
}

pub(crate) fn m(text: &str, i: &Inst) -> bool {
    expr(text).matches(i)
}

pub(crate) fn fail(text: &str) -> QueryLanguageError {
    match parse(text) {
        Ok(e) => panic!("{text:?} should not parse, got {e:?}"),
        Err(err) => err,
    }
}
