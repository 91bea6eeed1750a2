//! Recursive-descent parser: text → [`Node`] tree, with every argument checked and typed for
//! its subject at parse time.
//!
//! Grammar (lowest precedence first; `and`, `or`, `not` and word operators in any letter case):
//! ```text
//! expr    := and_expr (("||" | "or") and_expr)*
//! and_expr:= unary (("&&" | "and") unary)*
//! unary   := ("!" | "not") unary | primary
//! primary := "(" expr ")" | simple
//! simple  := subject operator [argument]
//! ```
//! The docs' note "A single expression can't contain parentheses" is read as: no parenthesis
//! inside `subject operator argument` (e.g. `task:group == (database)` or an unquoted regex
//! `(g2|p2).*`), while a whole simple expression may be wrapped, as in the docs' example
//! `not(task:group == database)`. Parentheses inside a quoted argument are plain text.

use super::ast::{Argument, Node, Operator, Simple, Subject, Value};
use super::error::{ErrorKind, QueryLanguageError};
use super::lexer::{Arg, Lexer};
use super::regex::Regex;
use super::values::{parse_bool, parse_count, parse_date, parse_version};

/// How deep parentheses and `not`/`!` may nest (sandbox-defined, keeps evaluation shallow).
pub const MAX_NESTING: usize = 100;

const SUBJECTS: [&str; 7] = [
    "agentConnected",
    "agentVersion",
    "attribute:<name>",
    "ec2InstanceId",
    "registeredAt",
    "runningTasksCount",
    "task:group",
];

struct Parser<'a> {
    lx: Lexer<'a>,
    depth: usize,
}

fn err(kind: ErrorKind, at: usize, message: impl Into<String>) -> QueryLanguageError {
    QueryLanguageError::new(kind, at, message)
}

/// Parses a whole expression.
pub(crate) fn parse(src: &str) -> Result<Node, QueryLanguageError> {
    let mut p = Parser {
        lx: Lexer::new(src),
        depth: 0,
    };
    p.lx.skip_ws();
    if p.lx.peek().is_none() {
        return Err(err(ErrorKind::Empty, p.lx.pos(), "the expression is empty"));
    }
    let node = p.or_expr()?;
    p.lx.skip_ws();
    match p.lx.peek() {
        None => Ok(node),
        Some(')') => Err(err(
            ErrorKind::UnbalancedParenthesis,
            p.lx.pos(),
            "')' has no matching '('",
        )),
        Some(_) => Err(p.unexpected("'and', 'or' or the end of the expression")),
    }
}

impl Parser<'_> {
    fn unexpected(&self, expected: &str) -> QueryLanguageError {
        let rest = self.lx.rest();
        let found: String = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .take(40)
            .collect();
        let found = if found.is_empty() {
            "the end of the expression".to_string()
        } else {
            format!("'{found}'")
        };
        err(
            ErrorKind::UnexpectedToken,
            self.lx.pos(),
            format!("expected {expected}, found {found}"),
        )
    }

    fn or_expr(&mut self) -> Result<Node, QueryLanguageError> {
        let mut left = self.and_expr()?;
        loop {
            self.lx.skip_ws();
            if self.lx.eat("||") || self.lx.eat_keyword("or") {
                let right = self.and_expr()?;
                left = Node::Or(Box::new(left), Box::new(right));
            } else {
                return Ok(left);
            }
        }
    }

    fn and_expr(&mut self) -> Result<Node, QueryLanguageError> {
        let mut left = self.unary()?;
        loop {
            self.lx.skip_ws();
            if self.lx.eat("&&") || self.lx.eat_keyword("and") {
                let right = self.unary()?;
                left = Node::And(Box::new(left), Box::new(right));
            } else {
                return Ok(left);
            }
        }
    }

    fn enter(&mut self) -> Result<(), QueryLanguageError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(err(
                ErrorKind::TooDeep,
                self.lx.pos(),
                format!("parentheses and not/! nest more than {MAX_NESTING} levels deep"),
            ));
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Node, QueryLanguageError> {
        self.lx.skip_ws();
        if self.lx.peek() == Some('!') || self.lx.at_keyword("not") {
            if !self.lx.eat("!") {
                self.lx.eat_keyword("not");
            }
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Node::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, QueryLanguageError> {
        self.lx.skip_ws();
        match self.lx.peek() {
            Some('(') => {
                let open = self.lx.pos();
                self.lx.eat("(");
                self.enter()?;
                let inner = self.or_expr()?;
                self.depth -= 1;
                self.lx.skip_ws();
                if self.lx.eat(")") {
                    Ok(inner)
                } else if self.lx.peek().is_none() {
                    Err(err(
                        ErrorKind::UnbalancedParenthesis,
                        open,
                        "'(' has no matching ')'",
                    ))
                } else {
                    Err(self.unexpected("'and', 'or' or ')'"))
                }
            }
            None | Some(')') => Err(self.unexpected("an expression")),
            Some(_) => self.simple().map(Node::Simple),
        }
    }

    fn subject(&mut self) -> Result<Subject, QueryLanguageError> {
        let (at, word) = self.lx.subject_word();
        let subject = match word {
            "agentConnected" => Some(Subject::AgentConnected),
            "agentVersion" => Some(Subject::AgentVersion),
            "ec2InstanceId" => Some(Subject::Ec2InstanceId),
            "registeredAt" => Some(Subject::RegisteredAt),
            "runningTasksCount" => Some(Subject::RunningTasksCount),
            "task:group" => Some(Subject::TaskGroup),
            _ => None,
        };
        if let Some(subject) = subject {
            return Ok(subject);
        }
        if let Some(name) = word.strip_prefix("attribute:") {
            return attribute_name(name, at + "attribute:".len()).map(Subject::Attribute);
        }
        if word.eq_ignore_ascii_case("and") || word.eq_ignore_ascii_case("or") {
            return Err(err(
                ErrorKind::UnexpectedToken,
                at,
                format!("expected an expression, found '{word}'"),
            ));
        }
        if word.is_empty() {
            return Err(self.unexpected(
                "a subject (agentConnected, agentVersion, attribute:<name>, \
                 ec2InstanceId, registeredAt, runningTasksCount or task:group)",
            ));
        }
        let hint = if let Some(s) = SUBJECTS.iter().find(|s| s.eq_ignore_ascii_case(word)) {
            format!("subjects are case-sensitive; did you mean '{s}'?")
        } else if word.eq_ignore_ascii_case("attribute") || word.eq_ignore_ascii_case("attribute:")
        {
            "an attribute subject needs a name, like attribute:ecs.instance-type".to_string()
        } else if word.to_ascii_lowercase().starts_with("task:") {
            "the only task subject is task:group".to_string()
        } else if word.contains('.') {
            format!("did you mean 'attribute:{word}'?")
        } else {
            format!("valid subjects: {}", SUBJECTS.join(", "))
        };
        Err(err(
            ErrorKind::UnknownSubject,
            at,
            format!("unknown subject '{word}': {hint}"),
        ))
    }

    fn simple(&mut self) -> Result<Simple, QueryLanguageError> {
        let subject = self.subject()?;
        self.lx.skip_ws();
        if self.lx.peek() == Some('(') {
            return Err(err(
                ErrorKind::ParenthesisInSimpleExpression,
                self.lx.pos(),
                "a simple expression can't contain parentheses",
            ));
        }
        let (op_at, op) = self.lx.operator()?;
        if !subject.allows(op) {
            return Err(err(
                ErrorKind::OperatorNotAllowed,
                op_at,
                format!(
                    "the operator '{}' is not valid for {}; valid operators: {}",
                    op.display(),
                    subject.name(),
                    subject.valid_operators()
                ),
            ));
        }
        let arg = self.argument(&subject, op)?;
        Ok(Simple { subject, op, arg })
    }

    fn missing(&self, op: Operator) -> QueryLanguageError {
        let example = match op {
            Operator::In | Operator::NotIn => "an argument list like [a, b]",
            Operator::Matches | Operator::NotMatches => "a Java regular expression like t2.*",
            _ => "an argument",
        };
        err(
            ErrorKind::MissingArgument,
            self.lx.pos(),
            format!("the operator '{}' needs {example}", op.display()),
        )
    }

    fn argument(
        &mut self,
        subject: &Subject,
        op: Operator,
    ) -> Result<Argument, QueryLanguageError> {
        self.lx.skip_ws();
        let at_end = |p: &Self| p.lx.peek().is_none_or(|c| c == ')') || p.lx.at_boolean_operator();
        match op {
            Operator::Exists | Operator::NotExists => {
                if at_end(self) {
                    Ok(Argument::None)
                } else {
                    Err(err(
                        ErrorKind::UnexpectedToken,
                        self.lx.pos(),
                        format!("the operator '{}' takes no argument", op.display()),
                    ))
                }
            }
            Operator::In | Operator::NotIn => {
                if self.lx.peek() != Some('[') {
                    if at_end(self) {
                        return Err(self.missing(op));
                    }
                    return Err(err(
                        ErrorKind::InvalidArgument,
                        self.lx.pos(),
                        format!(
                            "the operator '{}' expects an argument list like [a, b]",
                            op.display()
                        ),
                    ));
                }
                let items = self.lx.list()?;
                let values = items
                    .iter()
                    .map(|a| typed(subject, a))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Argument::List(values))
            }
            Operator::Matches | Operator::NotMatches => {
                let arg = self.lx.scalar(true)?.ok_or_else(|| self.missing(op))?;
                let regex = Regex::new(&arg.text).map_err(|e| e.shifted(arg.offset))?;
                Ok(Argument::Pattern(regex))
            }
            _ => {
                if self.lx.peek() == Some('[') {
                    return Err(err(
                        ErrorKind::InvalidArgument,
                        self.lx.pos(),
                        "argument lists are only valid with in and not_in (!in)",
                    ));
                }
                let arg = self.lx.scalar(false)?.ok_or_else(|| self.missing(op))?;
                typed(subject, &arg).map(Argument::Single)
            }
        }
    }
}

/// Attribute names: 1–128 letters, digits, `-`, `_`, `/`, `\` or `.` (the put-attributes rule).
fn attribute_name(name: &str, at: usize) -> Result<String, QueryLanguageError> {
    let ok = |c: char| c.is_ascii_alphanumeric() || "-_/\\.".contains(c);
    if name.is_empty() {
        return Err(err(
            ErrorKind::UnknownSubject,
            at,
            "an attribute subject needs a name, like attribute:ecs.instance-type",
        ));
    }
    if let Some((i, c)) = name.char_indices().find(|&(_, c)| !ok(c)) {
        return Err(err(
            ErrorKind::UnknownSubject,
            at + i,
            format!("'{c}' can't appear in an attribute name (letters, digits, - _ / \\ . only)"),
        ));
    }
    if name.len() > 128 {
        return Err(err(
            ErrorKind::UnknownSubject,
            at,
            "attribute names are at most 128 characters",
        ));
    }
    Ok(name.to_string())
}

/// Checks and converts one argument for its subject.
fn typed(subject: &Subject, arg: &Arg) -> Result<Value, QueryLanguageError> {
    let bad = |what: String| err(ErrorKind::InvalidArgument, arg.offset, what);
    let text = arg.text.as_str();
    match subject {
        Subject::AgentConnected => parse_bool(text)
            .map(Value::Bool)
            .ok_or_else(|| bad(format!("agentConnected takes true or false, not '{text}'"))),
        Subject::AgentVersion => parse_version(text)
            .map(Value::Version)
            .ok_or_else(|| bad(format!("'{text}' is not an agent version like 1.14.5"))),
        Subject::RegisteredAt => parse_date(text).map(Value::Epoch).ok_or_else(|| {
            bad(format!(
                "'{text}' is not a valid date; valid formats: 2018-06-18T22:28:28+00:00, \
                 2018-06-18T22:28:28Z, 2018-06-18T22:28:28, 2018-06-18"
            ))
        }),
        Subject::RunningTasksCount => parse_count(text).map(Value::Count).ok_or_else(|| {
            bad(format!(
                "runningTasksCount takes a whole number, not '{text}'"
            ))
        }),
        Subject::Attribute(_) | Subject::Ec2InstanceId | Subject::TaskGroup => {
            Ok(Value::Text(arg.text.clone()))
        }
    }
}
