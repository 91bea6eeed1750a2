//! The proof CI runs for every lesson: its starting state meets no goal, and its solution, typed command by
//! command, succeeds and meets every goal.

use super::Lesson;
use crate::output::transcript_entry;
use crate::sandbox::Sandbox;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub lesson: String,
    /// Problems found; empty when the lesson is proven.
    pub problems: Vec<String>,
    /// The solution's transcript, as the terminal shows it.
    pub transcript: String,
}

/// Runs the solution in a fresh sandbox; returns the sandbox and the transcript, or the first failing
/// command's index and transcript so far.
pub fn run_solution(lesson: &Lesson) -> Result<(Sandbox, String), (usize, String)> {
    let (mut sb, mut ws) = lesson.start().map_err(|e| (0, e))?;
    let mut transcript = String::new();
    for (i, line) in lesson.solution.iter().enumerate() {
        let out = sb.execute(line, &mut ws);
        transcript.push_str(&transcript_entry(line, &out));
        if out.exit_code != 0 {
            return Err((i, transcript));
        }
    }
    Ok((sb, transcript))
}

pub fn check(lesson: &Lesson) -> CheckReport {
    let mut problems = Vec::new();
    match lesson.start() {
        Ok((sb, _)) => {
            for g in lesson.evaluate(&sb.view()) {
                if g.met {
                    problems.push(format!("goal `{}` is already met before the learner does anything", g.id));
                }
            }
        }
        Err(e) => problems.push(e),
    }
    let transcript = match run_solution(lesson) {
        Ok((sb, transcript)) => {
            for g in lesson.evaluate(&sb.view()) {
                if !g.met {
                    problems.push(format!("the solution does not meet goal `{}` ({})", g.id, g.title));
                }
            }
            transcript
        }
        Err((i, transcript)) => {
            problems.push(format!("solution command {} fails: {}", i + 1, lesson.solution[i]));
            transcript
        }
    };
    CheckReport { lesson: lesson.id.clone(), problems, transcript }
}
