//! CloudWatch Logs in one Region: log groups and their streams of events. The awslogs driver writes a
//! stream per container, `PREFIX/CONTAINER/TASK_ID` (ecs-facts.md §1.7).

use crate::clock::SimTime;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEvent {
    pub timestamp: SimTime,
    pub message: String,
    pub ingested: SimTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogStream {
    pub created_at: SimTime,
    pub events: Vec<LogEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogGroup {
    pub name: String,
    pub created_at: SimTime,
    pub retention_days: Option<i64>,
    pub streams: BTreeMap<String, LogStream>,
}

impl LogGroup {
    pub fn arn(&self, region: &str) -> String {
        format!("arn:aws:logs:{region}:{}:log-group:{}:*", crate::tuning::ACCOUNT_ID, self.name)
    }
    pub fn stored_bytes(&self) -> usize {
        self.streams.values().flat_map(|s| s.events.iter()).map(|e| e.message.len() + 26).sum()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Logs {
    pub groups: BTreeMap<String, LogGroup>,
}

impl Logs {
    /// Appends events to a stream, creating the stream (the group must exist).
    pub fn append(&mut self, group: &str, stream: &str, at: SimTime, lines: &[String]) {
        let Some(g) = self.groups.get_mut(group) else { return };
        let s = g.streams.entry(stream.to_string()).or_insert_with(|| LogStream { created_at: at, events: Vec::new() });
        s.events.extend(lines.iter().map(|m| LogEvent { timestamp: at, message: m.clone(), ingested: at }));
    }
}
