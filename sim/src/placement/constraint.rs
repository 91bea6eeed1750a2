//! Placement constraints (ecs-facts.md §2.3): binding rules an instance must meet. `distinctInstance` puts
//! each task of the group on a different instance; `memberOf` keeps the instances that match a cluster query
//! language expression. RunTask and services take both; a task definition takes only `memberOf`. At most 10
//! constraints per task, the definition's and the call's together (§2.2).

use super::snapshot::InstanceSnapshot;
use crate::query_language::{self, Expression};
use serde_json::Value;

#[derive(Debug, Clone)]
pub enum Constraint {
    DistinctInstance,
    MemberOf(Expression),
}

pub const MAX_CONSTRAINTS: usize = 10;

impl Constraint {
    pub fn describe(&self) -> String {
        match self {
            Constraint::DistinctInstance => "distinctInstance".into(),
            Constraint::MemberOf(e) => format!("memberOf({})", e.text()),
        }
    }

    /// The API form, as DescribeServices echoes it.
    pub fn to_api(&self) -> Value {
        match self {
            Constraint::DistinctInstance => serde_json::json!({"type": "distinctInstance"}),
            Constraint::MemberOf(e) => serde_json::json!({"type": "memberOf", "expression": e.text()}),
        }
    }

    /// Whether the instance meets the constraint for a task of `group`.
    pub fn allows(&self, inst: &InstanceSnapshot, group: &str) -> bool {
        match self {
            Constraint::DistinctInstance => inst.task_groups.get(group).copied().unwrap_or(0) == 0,
            Constraint::MemberOf(e) => e.matches(inst),
        }
    }
}

/// Reads `placementConstraints` (from a call, or from a task definition when `in_task_definition`).
/// Errors are the service's message: for `distinctInstance` in a task definition the real wording
/// (aws-samples/aws-cdk-examples#628); for a bad expression the query language's.
pub fn parse(list: &[Value], in_task_definition: bool) -> Result<Vec<Constraint>, String> {
    list.iter()
        .map(|c| {
            let kind = c.get("type").and_then(Value::as_str).unwrap_or_default();
            let expr = c.get("expression").and_then(Value::as_str);
            match (kind, expr) {
                ("distinctInstance", _) if in_task_definition => Err("constraint.type 'distinctInstance' is not supported.".into()),
                // Wording: https://github.com/hashicorp/terraform/issues/11471
                ("distinctInstance", Some(_)) => Err("distinctInstance expression should not be specified.".into()),
                ("distinctInstance", None) => Ok(Constraint::DistinctInstance),
                ("memberOf", Some(e)) => query_language::parse(e).map(Constraint::MemberOf).map_err(|err| err.service_message()),
                ("memberOf", None) => Err("The memberOf constraint requires an expression.".into()),
                (other, _) => Err(format!("Invalid placement constraint type: {other}. Use distinctInstance or memberOf.")),
            }
        })
        .collect()
}

impl query_language::Instance for InstanceSnapshot {
    fn attribute(&self, name: &str) -> Option<Option<&str>> {
        match name {
            "ecs.availability-zone" => Some(Some(self.availability_zone.as_str())),
            "ecs.instance-type" => Some(Some(self.instance_type.as_str())),
            _ => self.attributes.get(name).map(|v| v.as_deref()),
        }
    }
    fn ec2_instance_id(&self) -> &str {
        &self.ec2_instance_id
    }
    fn agent_connected(&self) -> bool {
        self.agent_connected
    }
    fn agent_version(&self) -> &str {
        &self.agent_version
    }
    fn registered_at_epoch_secs(&self) -> u64 {
        self.registered_at_secs
    }
    fn running_tasks_count(&self) -> u64 {
        self.running_tasks_count
    }
    fn task_groups(&self) -> Vec<&str> {
        self.task_groups.keys().map(String::as_str).collect()
    }
}
