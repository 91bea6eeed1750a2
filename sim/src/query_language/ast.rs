//! The parsed form of an expression: subjects, operators, typed arguments and the boolean tree.

use super::regex::Regex;

/// What a simple expression looks at on a container instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    AgentConnected,
    AgentVersion,
    Attribute(String),
    Ec2InstanceId,
    RegisteredAt,
    RunningTasksCount,
    TaskGroup,
}

impl Subject {
    /// The operators the docs allow for this subject. `attribute:` and `task:group` have no
    /// "Valid operators" line in the docs, so every operator of the operator table is allowed.
    pub(crate) fn allows(&self, op: Operator) -> bool {
        use Operator::*;
        match self {
            Subject::AgentConnected | Subject::Ec2InstanceId => {
                matches!(op, Eq | Ne | In | NotIn | Matches | NotMatches)
            }
            Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount => {
                matches!(op, Eq | Ne | Gt | Ge | Lt | Le)
            }
            Subject::Attribute(_) | Subject::TaskGroup => true,
        }
    }

    /// Documentation-style list of the valid operators, for error messages.
    pub(crate) fn valid_operators(&self) -> &'static str {
        match self {
            Subject::AgentConnected | Subject::Ec2InstanceId => {
                "equals (==), not_equals (!=), in, not_in (!in), matches (=~), not_matches (!~)"
            }
            Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount => {
                "equals (==), not_equals (!=), greater_than (>), greater_than_equal (>=), \
                 less_than (<), less_than_equal (<=)"
            }
            Subject::Attribute(_) | Subject::TaskGroup => "all operators",
        }
    }

    pub(crate) fn name(&self) -> String {
        match self {
            Subject::AgentConnected => "agentConnected".into(),
            Subject::AgentVersion => "agentVersion".into(),
            Subject::Attribute(n) => format!("attribute:{n}"),
            Subject::Ec2InstanceId => "ec2InstanceId".into(),
            Subject::RegisteredAt => "registeredAt".into(),
            Subject::RunningTasksCount => "runningTasksCount".into(),
            Subject::TaskGroup => "task:group".into(),
        }
    }
}

/// The twelve comparison operators of the docs' operator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operator {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Exists,
    NotExists,
    In,
    NotIn,
    Matches,
    NotMatches,
}

impl Operator {
    /// (symbol form, word form) as in the docs.
    pub(crate) fn forms(self) -> (Option<&'static str>, &'static str) {
        use Operator::*;
        match self {
            Eq => (Some("=="), "equals"),
            Ne => (Some("!="), "not_equals"),
            Gt => (Some(">"), "greater_than"),
            Ge => (Some(">="), "greater_than_equal"),
            Lt => (Some("<"), "less_than"),
            Le => (Some("<="), "less_than_equal"),
            Exists => (None, "exists"),
            NotExists => (Some("!exists"), "not_exists"),
            In => (None, "in"),
            NotIn => (Some("!in"), "not_in"),
            Matches => (Some("=~"), "matches"),
            NotMatches => (Some("!~"), "not_matches"),
        }
    }

    pub(crate) const ALL: [Operator; 12] = [
        Operator::Eq,
        Operator::Ne,
        Operator::Gt,
        Operator::Ge,
        Operator::Lt,
        Operator::Le,
        Operator::Exists,
        Operator::NotExists,
        Operator::In,
        Operator::NotIn,
        Operator::Matches,
        Operator::NotMatches,
    ];

    pub(crate) fn from_word(word: &str) -> Option<Operator> {
        Operator::ALL
            .into_iter()
            .find(|op| op.forms().1.eq_ignore_ascii_case(word))
    }

    pub(crate) fn display(self) -> &'static str {
        let (sym, word) = self.forms();
        sym.unwrap_or(word)
    }
}

/// An argument value, typed for its subject at parse time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Bool(bool),
    Version(Vec<u64>),
    /// Seconds since the Unix epoch (may be negative for dates before 1970).
    Epoch(i64),
    Count(u64),
}

/// The argument of a simple expression.
#[derive(Debug, Clone)]
pub(crate) enum Argument {
    None,
    Single(Value),
    List(Vec<Value>),
    Pattern(Regex),
}

/// `subject operator [argument]`.
#[derive(Debug, Clone)]
pub(crate) struct Simple {
    pub(crate) subject: Subject,
    pub(crate) op: Operator,
    pub(crate) arg: Argument,
}

/// A compound expression.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Simple(Simple),
    Not(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
}
