//! The "why this instance?" panel's sentences, from the model's [`Explanation`] of one placement: what
//! was decided and why, in a few lines a learner reads at a glance (the panel lists every instance's checks
//! and ranks under them). Pure, so the wording is tested natively.
//!
//! Words: a *candidate* is an instance that passed every check and constraint; a strategy *keeps* the
//! candidates it ranks best and hands ties to the next strategy; the *binding requirement* of a failed
//! placement is the check the rejected instances failed first.

use ecs_sim::shared_sort::SharedSort;
use ecs_sim::placement::Explanation;

/// What the panel says above its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// One sentence: placed where, or not placed and why.
    pub headline: String,
    /// The steps that led there, in order.
    pub steps: Vec<String>,
    /// Whether the task was placed (or runs on Fargate).
    pub placed: bool,
}

/// The first 8 characters of a container instance id.
pub fn short(id: &str) -> &str {
    crate::scene::animation::short_id(id)
}

/// Checks the rejected instances failed first, each with how many instances failed it, most first (ties in
/// the order first seen).
pub fn binding_requirements(e: &Explanation) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for v in e.instances.iter().filter(|v| v.rejected.is_some()) {
        let name = v.checks.iter().find(|c| !c.passed).map_or_else(|| v.rejected.clone().unwrap_or_default(), |c| c.name.clone());
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, k)) => *k += 1,
            None => out.push((name, 1)),
        }
    }
    out.shared_sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The panel's headline and steps for an explanation.
pub fn summarize(e: &Explanation) -> Summary {
    let total = e.instances.len();
    let candidates = e.instances.iter().filter(|v| v.rejected.is_none()).count();
    let mut steps = Vec::new();
    if total == 0 && e.failure.is_none() {
        // Fargate: the explanation is written at launch, with nothing to compare.
        return Summary {
            headline: "Fargate: there is no container instance to choose.".into(),
            steps: e.tie_break.iter().cloned().collect(),
            placed: true,
        };
    }
    steps.push(format!(
        "{} of {} passed every check{}.",
        candidates,
        plural(total, "instance", "instances"),
        if e.constraints.is_empty() { "" } else { " and constraint" }
    ));
    let rejected = binding_requirements(e);
    if !rejected.is_empty() {
        let list: Vec<String> = rejected.iter().map(|(name, n)| format!("{name} ({})", plural(*n, "instance", "instances"))).collect();
        steps.push(format!("Rejected by: {}.", list.join(", ")));
    }
    for (i, s) in e.strategies.iter().enumerate() {
        let ranked: Vec<_> = e.instances.iter().filter(|v| v.ranking.get(i).is_some_and(|r| &r.strategy == s)).collect();
        if ranked.is_empty() {
            continue;
        }
        let kept = ranked.iter().filter(|v| v.ranking[i].kept).count();
        let chosen_value = ranked.iter().find(|v| v.chosen).map(|v| v.ranking[i].value.clone());
        let among = plural(ranked.len(), "candidate", "candidates");
        steps.push(match chosen_value {
            Some(v) if kept == 1 => format!("{s} ranked {among} and kept only the chosen one ({v})."),
            Some(v) => format!("{s} ranked {among} and kept {kept}, the chosen one among them ({v})."),
            None => format!("{s} ranked {among} and kept {kept}."),
        });
    }
    if let Some(t) = &e.tie_break {
        steps.push(format!("Tie: {t}."));
    }
    match (&e.chosen, &e.failure) {
        (Some(id), _) => {
            let v = e.instances.iter().find(|v| &v.container_instance_id == id);
            let where_ = v.map_or_else(String::new, |v| format!(" ({}, {})", v.ec2_instance_id, v.availability_zone));
            Summary { headline: format!("Placed on container instance {}{where_}.", short(id)), steps, placed: true }
        }
        (None, failure) => {
            let why = failure.clone().unwrap_or_else(|| "no container instance was chosen".into());
            let headline = match rejected.first() {
                Some((name, n)) if *n == total => format!("Not placed: every instance failed {name}."),
                Some((name, n)) => format!("Not placed: {why} ({name} rejected {n} of {total})."),
                None => format!("Not placed: {why}."),
            };
            Summary { headline, steps, placed: false }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use ecs_sim::lesson;

    fn lesson_named(id: &str) -> lesson::Lesson {
        lesson::builtin().into_iter().find(|l| l.id == id).unwrap()
    }

    #[test]
    fn a_binpack_placement_says_where_and_which_strategy_kept_it() {
        let l = lesson_named("placement-strategies");
        let (mut sb, mut ws) = l.start().unwrap();
        sb.execute(&l.solution[0], &mut ws);
        let view = sb.view();
        let lab = view.clusters.iter().find(|c| c.name == "lab").unwrap();
        let batch: Vec<_> = lab.tasks.iter().filter(|t| t.group == "batch").collect();
        assert_eq!(batch.len(), 4);
        // The second task: binpack keeps the instance the first one went to (the least memory left).
        let e = sb.explain_placement("us-east-1", "lab", Some(&batch[1].id)).unwrap();
        let s = summarize(&e);
        assert!(s.placed);
        let ci = batch[1].container_instance_id.clone().unwrap();
        assert!(s.headline.starts_with(&format!("Placed on container instance {}", short(&ci))), "{}", s.headline);
        assert_eq!(s.steps[0], "3 of 3 instances passed every check.");
        assert!(s.steps[1].starts_with("binpack(memory) ranked 3 candidates and kept only the chosen one ("), "{:?}", s.steps);
        assert!(s.steps[1].contains("MiB free"), "{:?}", s.steps);
        assert!(binding_requirements(&e).is_empty());
    }

    #[test]
    fn a_failed_placement_names_the_binding_requirement() {
        let l = lesson_named("placement-constraints");
        let (sb, _) = l.start().unwrap();
        let e = sb.explain_placement("us-east-1", "shop", None).unwrap();
        let s = summarize(&e);
        assert!(!s.placed);
        let name = "memberOf(attribute:ecs.instance-type == t3.large)";
        assert_eq!(binding_requirements(&e), vec![(name.to_string(), 4)]);
        assert_eq!(s.headline, format!("Not placed: every instance failed {name}."));
        assert_eq!(s.steps, vec!["0 of 4 instances passed every check and constraint.".to_string(), format!("Rejected by: {name} (4 instances).")]);
    }

    #[test]
    fn a_fargate_task_has_nothing_to_choose() {
        let e = Explanation {
            group: "family:api".into(),
            needs: "256 CPU units, 512 MiB on Fargate".into(),
            strategies: Vec::new(),
            constraints: Vec::new(),
            instances: Vec::new(),
            chosen: None,
            failure: None,
            tie_break: Some("Fargate has no container instances".into()),
        };
        let s = summarize(&e);
        assert!(s.placed);
        assert_eq!(s.headline, "Fargate: there is no container instance to choose.");
        assert_eq!(s.steps, vec!["Fargate has no container instances".to_string()]);
    }
}
