//! The lesson file format (TOML), and its validation: every goal expression compiles, ids are unique, the
//! solution is non-empty.

use crate::cli::query::Query;
use crate::workspace::MemoryWorkspace;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonFile {
    pub name: String,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    /// What the learner reads in the checklist.
    pub title: String,
    /// A JMESPath expression over the sandbox's view; the goal is met when the result is truthy.
    pub check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// The goal this hint helps with, if any.
    #[serde(default)]
    pub goal: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    /// Where the lesson sits in the list.
    #[serde(default)]
    pub order: u32,
    /// One sentence for the lesson list.
    pub summary: String,
    /// The lesson's text, in Markdown.
    pub text: String,
    /// The RNG seed the lesson's sandbox starts with.
    #[serde(default = "default_seed")]
    pub seed: u64,
    #[serde(default)]
    pub files: Vec<LessonFile>,
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub hints: Vec<Hint>,
    /// Command lines run before the learner starts (the situation the lesson begins in); their output is not
    /// shown, and they are not part of the learner's history.
    #[serde(default)]
    pub setup: Vec<String>,
    /// Command lines that complete the lesson, typed in order.
    pub solution: Vec<String>,
}

fn default_seed() -> u64 {
    crate::tuning::DEFAULT_SEED
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LessonError {
    #[error("{0}")]
    Syntax(String),
    #[error("goal `{goal}`: its check does not compile: {message}")]
    BadCheck { goal: String, message: String },
    #[error("two goals have the id `{0}`")]
    DuplicateGoal(String),
    #[error("hint for unknown goal `{0}`")]
    UnknownHintGoal(String),
    #[error("the lesson has no goals")]
    NoGoals,
    #[error("the lesson has no solution")]
    NoSolution,
}

impl Lesson {
    /// Parses and checks a lesson file (TOML).
    pub fn parse(text: &str) -> Result<Lesson, LessonError> {
        let lesson: Lesson = toml::from_str(text).map_err(|e| LessonError::Syntax(e.to_string()))?;
        lesson.checked()
    }

    /// Like [`Lesson::parse`], for the JSON form `build.rs` makes of a lesson file (what the page reads, so that
    /// it needs no TOML parser).
    pub(crate) fn parse_json(text: &str) -> Result<Lesson, LessonError> {
        let lesson: Lesson = serde_json::from_str(text).map_err(|e| LessonError::Syntax(e.to_string()))?;
        lesson.checked()
    }

    /// The lesson, if its goals, hints and solution make sense.
    fn checked(self) -> Result<Lesson, LessonError> {
        let lesson = self;
        if lesson.goals.is_empty() {
            return Err(LessonError::NoGoals);
        }
        if lesson.solution.is_empty() {
            return Err(LessonError::NoSolution);
        }
        for (i, g) in lesson.goals.iter().enumerate() {
            if lesson.goals[..i].iter().any(|o| o.id == g.id) {
                return Err(LessonError::DuplicateGoal(g.id.clone()));
            }
            Query::compile(&g.check).map_err(|e| LessonError::BadCheck { goal: g.id.clone(), message: e.to_string() })?;
        }
        for h in &lesson.hints {
            if let Some(goal) = &h.goal
                && !lesson.goals.iter().any(|g| &g.id == goal) {
                    return Err(LessonError::UnknownHintGoal(goal.clone()));
                }
        }
        Ok(lesson)
    }

    /// The sandbox and files the learner starts with: a fresh sandbox with the lesson's seed, after the setup
    /// commands. A setup command that fails is an error in the lesson (CI's proof catches it).
    pub fn start(&self) -> Result<(crate::Sandbox, MemoryWorkspace), String> {
        let mut sb = crate::Sandbox::new(self.seed);
        let mut ws = self.workspace();
        for line in &self.setup {
            let out = sb.execute(line, &mut ws);
            if out.exit_code != 0 {
                return Err(format!("setup command fails: {line}\n{}", out.text()));
            }
        }
        Ok((sb, ws))
    }

    /// The lesson's starting files, as the editor opens them.
    pub fn workspace(&self) -> MemoryWorkspace {
        let mut ws = MemoryWorkspace::new();
        for f in &self.files {
            ws.put(&f.name, &f.content);
        }
        ws
    }

    /// The solution as a script `ecs-sim run` can replay: one command line per entry.
    pub fn solution_script(&self) -> String {
        self.solution.iter().map(|c| format!("{}\n", c.trim_end())).collect()
    }
}
