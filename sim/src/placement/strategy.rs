//! Placement strategies (ecs-facts.md §2.2), applied in the given order to the instances that passed the
//! filters; each keeps the best candidates and hands ties to the next. Strategies are best effort: they
//! order, they never exclude an instance that fits.
//!
//! - `binpack` on `cpu` or `memory`: the instances with the least remaining amount of that resource.
//! - `spread` on `instanceId` (alias `host`) or `attribute:NAME`: the instances whose value has the fewest
//!   tasks of the task's group (the service, or the standalone task group).
//! - `random`: one at random (the seeded RNG).

use super::snapshot::InstanceSnapshot;
use crate::rng::SimRng;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    Cpu,
    Memory,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpreadField {
    InstanceId,
    Attribute(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    Binpack(Resource),
    Spread(SpreadField),
    Random,
}

/// At most 5 strategy rules per RunTask or service (§2.2).
pub const MAX_STRATEGIES: usize = 5;

impl Strategy {
    /// `binpack(memory)`, `spread(attribute:ecs.availability-zone)`, `random`.
    pub fn describe(&self) -> String {
        match self {
            Strategy::Binpack(Resource::Cpu) => "binpack(cpu)".into(),
            Strategy::Binpack(Resource::Memory) => "binpack(memory)".into(),
            Strategy::Spread(SpreadField::InstanceId) => "spread(instanceId)".into(),
            Strategy::Spread(SpreadField::Attribute(a)) => format!("spread(attribute:{a})"),
            Strategy::Random => "random".into(),
        }
    }

    /// The API form, as DescribeServices echoes it.
    pub fn to_api(&self) -> Value {
        match self {
            Strategy::Binpack(Resource::Cpu) => serde_json::json!({"type": "binpack", "field": "cpu"}),
            Strategy::Binpack(Resource::Memory) => serde_json::json!({"type": "binpack", "field": "memory"}),
            Strategy::Spread(SpreadField::InstanceId) => serde_json::json!({"type": "spread", "field": "instanceId"}),
            Strategy::Spread(SpreadField::Attribute(a)) => serde_json::json!({"type": "spread", "field": format!("attribute:{a}")}),
            Strategy::Random => serde_json::json!({"type": "random"}),
        }
    }
}

/// Reads `placementStrategy` from a request. The messages are not verbatim ECS (the reference does not
/// record them) but name the item and the rule.
pub fn parse(list: &[Value]) -> Result<Vec<Strategy>, String> {
    if list.len() > MAX_STRATEGIES {
        return Err(format!("A maximum of {MAX_STRATEGIES} placement strategies can be specified; {} were given.", list.len()));
    }
    list.iter()
        .map(|s| {
            let kind = s.get("type").and_then(Value::as_str).unwrap_or_default();
            let field = s.get("field").and_then(Value::as_str);
            match (kind, field) {
                ("random", None) => Ok(Strategy::Random),
                ("random", Some(_)) => Err("The random placement strategy does not take a field.".to_string()),
                ("binpack", Some(f)) if f.eq_ignore_ascii_case("cpu") => Ok(Strategy::Binpack(Resource::Cpu)),
                ("binpack", Some(f)) if f.eq_ignore_ascii_case("memory") => Ok(Strategy::Binpack(Resource::Memory)),
                ("binpack", f) => Err(format!("Invalid field for the binpack placement strategy: {}. Use cpu or memory.", f.unwrap_or("(none)"))),
                ("spread", Some("instanceId" | "host")) => Ok(Strategy::Spread(SpreadField::InstanceId)),
                ("spread", Some(f)) if f.starts_with("attribute:") && f.len() > "attribute:".len() => {
                    Ok(Strategy::Spread(SpreadField::Attribute(f["attribute:".len()..].to_string())))
                }
                ("spread", f) => Err(format!(
                    "Invalid field for the spread placement strategy: {}. Use instanceId, host or attribute:NAME.",
                    f.unwrap_or("(none)")
                )),
                (other, _) => Err(format!("Invalid placement strategy type: {other}. Use binpack, spread or random.")),
            }
        })
        .collect()
}

/// Tasks of the group per value of each spread attribute, over every ACTIVE instance: computed once per
/// placement call and kept up to date as tasks are placed, so spreading stays linear in the instances.
#[derive(Debug, Clone, Default)]
pub struct SpreadCounts {
    by_attribute: BTreeMap<String, BTreeMap<Option<String>, i64>>,
}

impl SpreadCounts {
    pub fn new(strategies: &[Strategy], all: &[InstanceSnapshot], group: &str) -> Self {
        let mut by_attribute: BTreeMap<String, BTreeMap<Option<String>, i64>> = BTreeMap::new();
        for s in strategies {
            if let Strategy::Spread(SpreadField::Attribute(a)) = s {
                let counts = by_attribute.entry(a.clone()).or_default();
                for inst in all.iter().filter(|i| i.status == "ACTIVE") {
                    *counts.entry(attribute_value(inst, a)).or_default() += inst.task_groups.get(group).copied().unwrap_or(0) as i64;
                }
            }
        }
        SpreadCounts { by_attribute }
    }

    /// Records a task of the group placed on `inst`.
    pub fn record(&mut self, inst: &InstanceSnapshot) {
        for (a, counts) in &mut self.by_attribute {
            *counts.entry(attribute_value(inst, a)).or_default() += 1;
        }
    }

    fn count(&self, attribute: &str, value: &Option<String>) -> i64 {
        self.by_attribute.get(attribute).and_then(|c| c.get(value)).copied().unwrap_or(0)
    }
}

/// The number a strategy ranks an instance by (lower is better).
pub fn rank(s: &Strategy, inst: &InstanceSnapshot, counts: &SpreadCounts, group: &str) -> i64 {
    match s {
        Strategy::Binpack(Resource::Cpu) => i64::from(inst.remaining_cpu),
        Strategy::Binpack(Resource::Memory) => i64::from(inst.remaining_memory),
        Strategy::Spread(SpreadField::InstanceId) => inst.task_groups.get(group).copied().unwrap_or(0) as i64,
        Strategy::Spread(SpreadField::Attribute(a)) => counts.count(a, &attribute_value(inst, a)),
        Strategy::Random => 0,
    }
}

/// What a strategy looked at, in words, for the explanation.
pub fn describe_value(s: &Strategy, inst: &InstanceSnapshot, counts: &SpreadCounts, group: &str) -> String {
    let n = rank(s, inst, counts, group);
    match s {
        Strategy::Binpack(Resource::Cpu) => format!("{n} CPU units free"),
        Strategy::Binpack(Resource::Memory) => format!("{n} MiB free"),
        Strategy::Spread(SpreadField::InstanceId) => format!("{n} task(s) of {group} on this instance"),
        Strategy::Spread(SpreadField::Attribute(a)) => {
            let v = attribute_value(inst, a).unwrap_or_else(|| "(none)".into());
            format!("{n} task(s) of {group} where {a} = {v}")
        }
        Strategy::Random => "random".into(),
    }
}

/// An instance's value for an attribute, with the built-in ones that are not stored as attributes.
pub fn attribute_value(inst: &InstanceSnapshot, name: &str) -> Option<String> {
    match name {
        "ecs.availability-zone" => Some(inst.availability_zone.clone()),
        "ecs.instance-type" => Some(inst.instance_type.clone()),
        _ => inst.attributes.get(name).map(|v| v.clone().unwrap_or_default()),
    }
}

/// Narrows `candidates` (indices into `all`) by one strategy: the best ones stay. Random keeps one.
pub fn narrow(s: &Strategy, candidates: &[usize], all: &[InstanceSnapshot], counts: &SpreadCounts, group: &str, rng: &mut SimRng) -> Vec<usize> {
    if candidates.len() <= 1 {
        return candidates.to_vec();
    }
    if *s == Strategy::Random {
        return vec![candidates[rng.below(candidates.len())]];
    }
    let values: Vec<i64> = candidates.iter().map(|&i| rank(s, &all[i], counts, group)).collect();
    let best = values.iter().copied().min().unwrap_or(0);
    candidates.iter().zip(values).filter(|(_, v)| *v == best).map(|(i, _)| *i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strategies_parse_as_the_api_spells_them_fact_2_2() {
        let s = parse(&[json!({"type": "spread", "field": "attribute:ecs.availability-zone"}), json!({"type": "binpack", "field": "memory"}), json!({"type": "random"})]).unwrap();
        assert_eq!(s, vec![
            Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            Strategy::Binpack(Resource::Memory),
            Strategy::Random
        ]);
        assert_eq!(parse(&[json!({"type": "spread", "field": "host"})]).unwrap(), vec![Strategy::Spread(SpreadField::InstanceId)]);
    }

    #[test]
    fn bad_strategies_are_refused_fact_2_2() {
        assert!(parse(&[json!({"type": "binpack", "field": "disk"})]).is_err());
        assert!(parse(&[json!({"type": "random", "field": "cpu"})]).is_err());
        assert!(parse(&[json!({"type": "pack"})]).is_err());
        assert!(parse(&vec![json!({"type": "random"}); 6]).is_err(), "at most 5 strategies");
    }
}
