//! The placement decisions a cluster keeps so that `sandbox explain-placement` and the page's "why this
//! instance?" panel can explain them: each RunTask call's [`Record`] and which task was which placement in it.
//! A record holds a snapshot of every instance, so the log keeps the most recent records up to a budget of
//! instance snapshots; older tasks' explanations are then no longer available (lesson-sized clusters never
//! reach the budget).

use crate::placement::{self, Explanation, Record};
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

/// Instance snapshots kept across all records of a cluster.
pub const SNAPSHOT_BUDGET: usize = 20_000;

#[derive(Debug, Clone)]
enum Source {
    Placed { record: Arc<Record>, index: usize },
    /// Fargate tasks have no instance to choose; their explanation is written at launch.
    Written(Explanation),
}

#[derive(Debug, Clone, Default)]
pub struct PlacementLog {
    by_task: BTreeMap<String, Source>,
    records: VecDeque<(Arc<Record>, Vec<String>)>,
    kept_snapshots: usize,
    last_failure: Option<Arc<Record>>,
}

impl PlacementLog {
    /// Records one call: its record and the ids of the tasks it placed, in order.
    pub fn add(&mut self, record: Record, task_ids: Vec<String>) {
        let record = Arc::new(record);
        if record.failed {
            self.last_failure = Some(record.clone());
        }
        for (index, id) in task_ids.iter().enumerate() {
            self.by_task.insert(id.clone(), Source::Placed { record: record.clone(), index });
        }
        self.kept_snapshots += record.before.len();
        self.records.push_back((record, task_ids));
        while self.kept_snapshots > SNAPSHOT_BUDGET && self.records.len() > 1 {
            let Some((old, ids)) = self.records.pop_front() else { break };
            self.kept_snapshots -= old.before.len();
            for id in ids {
                self.by_task.remove(&id);
            }
        }
    }

    pub fn add_written(&mut self, task_id: &str, e: Explanation) {
        self.by_task.insert(task_id.to_string(), Source::Written(e));
    }

    pub fn explain_task(&self, task_id: &str) -> Option<Explanation> {
        match self.by_task.get(task_id)? {
            Source::Placed { record, index } => Some(placement::explain(record, *index)),
            Source::Written(e) => Some(e.clone()),
        }
    }

    pub fn explain_last_failure(&self) -> Option<Explanation> {
        self.last_failure.as_ref().map(|r| placement::explain(r, r.chosen.len()))
    }
}
