//! "Why this instance?": for one placement, every instance with each check it passed or failed, the
//! constraints' verdicts, and how each strategy ranked the instances that were left. The page draws it;
//! `sandbox explain-placement TASK` prints it.

use super::resources::Check;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rank {
    pub strategy: String,
    /// What the strategy looked at (`1024 MiB free`, `2 task(s) of family:web where … = us-east-1a`).
    pub value: String,
    /// Whether the instance was still in the running after this strategy.
    pub kept: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceVerdict {
    pub container_instance_id: String,
    pub ec2_instance_id: String,
    pub availability_zone: String,
    pub checks: Vec<Check>,
    /// The reason it was filtered out, spelled as RunTask's failures spell it.
    pub rejected: Option<String>,
    pub ranking: Vec<Rank>,
    pub chosen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub group: String,
    /// What the task needed, in words.
    pub needs: String,
    pub strategies: Vec<String>,
    pub constraints: Vec<String>,
    pub instances: Vec<InstanceVerdict>,
    /// The container instance chosen, if any.
    pub chosen: Option<String>,
    /// Why nothing was chosen, if so.
    pub failure: Option<String>,
    /// How a tie left after the last strategy was broken.
    pub tie_break: Option<String>,
}

impl Explanation {
    /// Plain text, for the terminal.
    pub fn render(&self) -> String {
        let mut s = format!("Task group {}: needs {}\n", self.group, self.needs);
        s.push_str(&format!(
            "Constraints: {}\nStrategies: {}\n\n",
            if self.constraints.is_empty() { "none".to_string() } else { self.constraints.join(", ") },
            if self.strategies.is_empty() { "none".to_string() } else { self.strategies.join(" then ") }
        ));
        for v in &self.instances {
            let mark = if v.chosen { "CHOSEN " } else if v.rejected.is_some() { "REJECTED " } else { "" };
            s.push_str(&format!("{mark}{} ({}, {})\n", v.container_instance_id, v.ec2_instance_id, v.availability_zone));
            for c in &v.checks {
                s.push_str(&format!("  [{}] {}: {}\n", if c.passed { "ok" } else { "FAIL" }, c.name, c.detail));
            }
            for r in &v.ranking {
                s.push_str(&format!("  {}: {}{}\n", r.strategy, r.value, if r.kept { "" } else { " (ranked lower)" }));
            }
        }
        if let Some(t) = &self.tie_break {
            s.push_str(&format!("\nTie: {t}\n"));
        }
        match (&self.chosen, &self.failure) {
            (Some(c), _) => s.push_str(&format!("\nPlaced on {c}.\n")),
            (None, Some(f)) => s.push_str(&format!("\nNot placed: {f}\n")),
            _ => {}
        }
        s
    }
}
