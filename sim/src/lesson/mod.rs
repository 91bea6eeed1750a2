//! Lessons: Markdown text, starting files, a checklist of named goals, hints, and a solution. Lessons are
//! data files (`lessons/*.toml`), embedded at build time. A goal is a JMESPath expression over the sandbox's
//! [`View`](crate::View) (the same language as `--query`), met when its result is truthy: not false, null,
//! or an empty string, list or object.

mod check;
mod file;

pub use check::{CheckReport, check, run_solution};
pub use file::{Goal, Hint, Lesson, LessonError, LessonFile};

use crate::shared_sort::SharedSort;
use crate::cli::query::Query;
use crate::view::View;
use serde::Serialize;

/// A goal and whether the world meets it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalStatus {
    pub id: String,
    pub title: String,
    pub met: bool,
}

/// JMESPath truthiness.
fn truthy(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Null => false,
        serde_json::Value::Bool(b) => *b,
        serde_json::Value::String(s) => !s.is_empty(),
        serde_json::Value::Array(a) => !a.is_empty(),
        serde_json::Value::Object(o) => !o.is_empty(),
        serde_json::Value::Number(_) => true,
    }
}

impl Lesson {
    /// Each goal with whether `view` meets it. A goal whose expression fails to evaluate is not met.
    pub fn evaluate(&self, view: &View) -> Vec<GoalStatus> {
        let data = serde_json::to_value(view).unwrap_or_default();
        self.goals
            .iter()
            .map(|g| GoalStatus {
                id: g.id.clone(),
                title: g.title.clone(),
                met: Query::compile(&g.check).and_then(|q| q.search(&data)).map(|v| truthy(&v)).unwrap_or(false),
            })
            .collect()
    }
}

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/lessons.rs"));
}

/// The lessons shipped with the sandbox (every `lessons/*.toml`), in their `order`. A lesson file that does
/// not parse is left out here; `ecs-sim check-lessons` and CI report it.
pub fn builtin() -> Vec<Lesson> {
    let mut list: Vec<Lesson> = builtin::LESSONS_JSON.iter().filter_map(|text| Lesson::parse_json(text).ok()).collect();
    list.shared_sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    list
}

/// The text of every shipped lesson file, by file name, for checks that must see the parse errors too.
pub fn builtin_sources() -> &'static [(&'static str, &'static str)] {
    builtin::LESSONS
}
