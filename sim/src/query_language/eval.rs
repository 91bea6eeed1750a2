//! Evaluation of a parsed expression against one container instance.
//!
//! Semantics (docs plus sandbox decisions, see `mod.rs`):
//! - A subject has a set of values: the fixed subjects exactly one; `attribute:<name>` one
//!   when the attribute is present with a value, none when absent or value-less;
//!   `task:group` one per task running on the instance.
//! - `exists` / `!exists` ask whether the attribute is present (with or without value), or for
//!   `task:group` whether any task runs there.
//! - Every other operator is true when **some** value satisfies it. So a missing attribute
//!   makes `attribute:x != v` false (as ECS does, aws/containers-roadmap#486), and
//!   `task:group == db` is affinity while `not(task:group == db)` is anti-affinity.

use std::cmp::Ordering;

use super::Instance;
use super::ast::{Argument, Node, Operator, Simple, Subject, Value};
use super::values::{compare_text, compare_versions, parse_version};

pub(crate) fn eval(node: &Node, inst: &dyn Instance) -> bool {
    match node {
        Node::Simple(s) => simple(s, inst),
        Node::Not(inner) => !eval(inner, inst),
        Node::And(a, b) => eval(a, inst) && eval(b, inst),
        Node::Or(a, b) => eval(a, inst) || eval(b, inst),
    }
}

fn ordered(ord: Option<Ordering>, op: Operator) -> bool {
    let Some(ord) = ord else { return false };
    match op {
        Operator::Eq => ord == Ordering::Equal,
        Operator::Ne => ord != Ordering::Equal,
        Operator::Gt => ord == Ordering::Greater,
        Operator::Ge => ord != Ordering::Less,
        Operator::Lt => ord == Ordering::Less,
        Operator::Le => ord != Ordering::Greater,
        _ => false,
    }
}

/// A comparison of one value of a subject against the argument. `cmp` orders the subject's
/// value against one argument value (`None` when they can't be compared); `text` is the value
/// as text, for `matches`.
fn compare(s: &Simple, text: &str, cmp: &dyn Fn(&Value) -> Option<Ordering>) -> bool {
    let equal = |v: &Value| cmp(v) == Some(Ordering::Equal);
    match (&s.arg, s.op) {
        (Argument::Single(v), op) => ordered(cmp(v), op),
        (Argument::List(items), Operator::In) => items.iter().any(equal),
        (Argument::List(items), Operator::NotIn) => !items.iter().any(equal),
        (Argument::Pattern(re), Operator::Matches) => re.is_full_match(text),
        (Argument::Pattern(re), Operator::NotMatches) => !re.is_full_match(text),
        _ => false,
    }
}

/// Plain text: `==`/`!=`/`in` compare exactly; `>`… use [`compare_text`].
fn text_value(s: &Simple, value: &str) -> bool {
    let exact = matches!(
        s.op,
        Operator::Eq | Operator::Ne | Operator::In | Operator::NotIn
    );
    compare(s, value, &|v| match v {
        Value::Text(t) if exact => Some(value.as_bytes().cmp(t.as_bytes())),
        Value::Text(t) => compare_text(value, t),
        _ => None,
    })
}

fn simple(s: &Simple, inst: &dyn Instance) -> bool {
    match &s.subject {
        Subject::AgentConnected => {
            let connected = inst.agent_connected();
            let text = if connected { "true" } else { "false" };
            compare(s, text, &|v| match v {
                Value::Bool(b) => Some(connected.cmp(b)),
                _ => None,
            })
        }
        Subject::AgentVersion => {
            let Some(version) = parse_version(inst.agent_version()) else {
                return false;
            };
            compare(s, inst.agent_version(), &|v| match v {
                Value::Version(arg) => Some(compare_versions(&version, arg)),
                _ => None,
            })
        }
        Subject::RegisteredAt => {
            let at = i128::from(inst.registered_at_epoch_secs());
            compare(s, "", &|v| match v {
                Value::Epoch(arg) => Some(at.cmp(&i128::from(*arg))),
                _ => None,
            })
        }
        Subject::RunningTasksCount => {
            let count = inst.running_tasks_count();
            compare(s, "", &|v| match v {
                Value::Count(arg) => Some(count.cmp(arg)),
                _ => None,
            })
        }
        Subject::Ec2InstanceId => text_value(s, inst.ec2_instance_id()),
        Subject::Attribute(name) => match (inst.attribute(name), s.op) {
            (None, op) => op == Operator::NotExists,
            (Some(_), Operator::Exists) => true,
            (Some(_), Operator::NotExists) => false,
            (Some(value), _) => value.is_some_and(|v| text_value(s, v)),
        },
        Subject::TaskGroup => {
            let groups = inst.task_groups();
            match s.op {
                Operator::Exists => !groups.is_empty(),
                Operator::NotExists => groups.is_empty(),
                _ => groups.iter().any(|g| text_value(s, g)),
            }
        }
    }
}
