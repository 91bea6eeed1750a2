//! ECR lifecycle policies (ecs-facts.md §6): their validation, and which images they expire. Rules apply in
//! ascending `rulePriority`; an image selected by a rule is dealt with by that rule and no later one;
//! `imageCountMoreThan` keeps the newest N of the selection, `sinceImagePushed` expires those pushed more than
//! N days ago. A `tagStatus: any` rule must have the highest priority; `tagged` needs a prefix or pattern
//! list; `untagged` takes neither.

use crate::shared_sort::SharedSort;
use super::ecr::{EcrImage, Repository};
use crate::clock::SimTime;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub priority: i64,
    pub description: Option<String>,
    pub tag_status: String,
    pub prefixes: Vec<String>,
    pub patterns: Vec<String>,
    pub count_type: String,
    pub count_number: i64,
}

fn failure(why: &str) -> String {
    format!("Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure: {why}'")
}

/// Parses and checks a lifecycle policy; the error is ECR's InvalidParameterException message.
pub fn parse(text: &str) -> Result<Vec<Rule>, String> {
    if !(100..=30720).contains(&text.len()) {
        return Err("Invalid parameter at 'lifecyclePolicyText' failed to satisfy constraint: 'Member must have length between 100 and 30720'".into());
    }
    let v: Value = serde_json::from_str(text).map_err(|e| failure(&format!("could not parse the policy as JSON: {e}")))?;
    let rules = v.get("rules").and_then(Value::as_array).ok_or_else(|| failure("object has missing required properties ([\"rules\"])"))?;
    let mut out = Vec::new();
    for r in rules {
        let priority = r.get("rulePriority").and_then(Value::as_i64).ok_or_else(|| failure("rulePriority is required and must be a positive integer"))?;
        let sel = r.get("selection").ok_or_else(|| failure("object has missing required properties ([\"selection\"])"))?;
        let tag_status = sel.get("tagStatus").and_then(Value::as_str).unwrap_or_default().to_string();
        let list = |k: &str| -> Vec<String> {
            sel.get(k).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
        };
        let (prefixes, patterns) = (list("tagPrefixList"), list("tagPatternList"));
        match tag_status.as_str() {
            "tagged" if prefixes.is_empty() && patterns.is_empty() => {
                return Err(failure("tagPrefixList or tagPatternList is required when tagStatus is tagged"));
            }
            "untagged" | "any" if !prefixes.is_empty() || !patterns.is_empty() => {
                return Err(failure("tagPrefixList and tagPatternList can be used only when tagStatus is tagged"));
            }
            "tagged" | "untagged" | "any" => {}
            other => return Err(failure(&format!("instance value (\"{other}\") not found in enum (possible values: [\"tagged\",\"untagged\",\"any\"])"))),
        }
        if patterns.iter().any(|p| p.matches('*').count() > 4) {
            return Err(failure("a tagPatternList entry can contain at most 4 wildcards (*)"));
        }
        let count_type = sel.get("countType").and_then(Value::as_str).unwrap_or_default().to_string();
        if count_type != "imageCountMoreThan" && count_type != "sinceImagePushed" {
            return Err(failure("countType must be imageCountMoreThan or sinceImagePushed"));
        }
        if count_type == "sinceImagePushed" && sel.get("countUnit").and_then(Value::as_str) != Some("days") {
            return Err(failure("countUnit must be days when countType is sinceImagePushed"));
        }
        let count_number = sel.get("countNumber").and_then(Value::as_i64).filter(|n| *n > 0).ok_or_else(|| failure("countNumber must be a positive integer"))?;
        if r.get("action").and_then(|a| a.get("type")).and_then(Value::as_str).is_none_or(|t| !t.eq_ignore_ascii_case("expire")) {
            return Err(failure("action type must be expire"));
        }
        out.push(Rule {
            priority,
            description: r.get("description").and_then(Value::as_str).map(str::to_string),
            tag_status,
            prefixes,
            patterns,
            count_type,
            count_number,
        });
    }
    out.shared_sort_by_key(|r| r.priority);
    if out.windows(2).any(|w| w[0].priority == w[1].priority) {
        return Err(failure("rulePriority must be unique"));
    }
    if let Some(pos) = out.iter().position(|r| r.tag_status == "any")
        && pos + 1 != out.len()
    {
        return Err(failure("the rule with tagStatus any must have the highest rulePriority"));
    }
    Ok(out)
}

fn selects(rule: &Rule, image: &EcrImage) -> bool {
    match rule.tag_status.as_str() {
        "untagged" => image.tags.is_empty(),
        "any" => true,
        _ => {
            !image.tags.is_empty()
                && (rule.prefixes.iter().any(|p| image.tags.iter().any(|t| t.starts_with(p.as_str())))
                    || (!rule.patterns.is_empty()
                        && rule.patterns.iter().all(|p| image.tags.iter().any(|t| crate::iam_policy::wildcard::wildcard_match(p, t)))))
        }
    }
}

/// The images the policy expires at `now`, with the priority of the rule that expires each.
pub fn expired(rules: &[Rule], repo: &Repository, now: SimTime) -> Vec<(String, i64)> {
    let mut handled: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for rule in rules {
        let mut selected: Vec<&EcrImage> = repo.images.iter().filter(|i| !handled.contains(&i.digest) && selects(rule, i)).collect();
        selected.shared_sort_by(|a, b| b.pushed_at.cmp(&a.pushed_at).then(b.digest.cmp(&a.digest)));
        for (i, image) in selected.iter().enumerate() {
            handled.push(image.digest.clone());
            let expire = match rule.count_type.as_str() {
                "imageCountMoreThan" => i as i64 >= rule.count_number,
                _ => (now - image.pushed_at).as_secs() > (rule.count_number as u64).saturating_mul(86_400),
            };
            if expire {
                out.push((image.digest.clone(), rule.priority));
            }
        }
    }
    out
}
