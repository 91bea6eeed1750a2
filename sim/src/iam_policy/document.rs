//! The typed model of an IAM policy document and its structural parsing.
//!
//! Grammar (IAM User Guide, "Grammar of the IAM JSON policy language"): a document is an
//! object with `Version`, optional `Id` and `Statement` (one object or an array). A statement
//! has `Sid`, `Effect`, `Action`|`NotAction`, `Resource`|`NotResource`,
//! `Principal`|`NotPrincipal` and `Condition`; where IAM allows it a value is a string or an
//! array of strings. The original JSON is kept (key order included) so that
//! [`PolicyDocument::to_pretty_json`] gives back what was written.
//!
//! [`PolicyDocument::from_json`] checks structure only (any problem is IAM's
//! "Syntax errors in policy."); the per-kind rules live in `validate`.

use serde::Serialize;
use serde_json::{Map, Value};

use super::PolicyError;

/// IAM's message for a document that is not valid JSON or breaks the grammar.
pub const SYNTAX_ERRORS: &str = "Syntax errors in policy.";

/// The policy language version (`Version` element).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PolicyVersion {
    /// `2012-10-17`: current; supports policy variables.
    V2012_10_17,
    /// `2008-10-17`: legacy; `${...}` is taken literally.
    V2008_10_17,
}

impl PolicyVersion {
    /// The text used in documents.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyVersion::V2012_10_17 => "2012-10-17",
            PolicyVersion::V2008_10_17 => "2008-10-17",
        }
    }
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Effect {
    /// Grants when the statement applies.
    Allow,
    /// Explicitly denies when the statement applies; beats every Allow.
    Deny,
}

impl Effect {
    /// `"Allow"` or `"Deny"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// The key of a principal map (`{"AWS": …}`, `{"Service": …}`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum PrincipalType {
    /// `AWS`: accounts, users, roles, role sessions, or `*`.
    Aws,
    /// `Service`: service principals such as `ecs-tasks.amazonaws.com`.
    Service,
    /// `Federated`: identity providers.
    Federated,
    /// `CanonicalUser` (S3).
    CanonicalUser,
    /// Anything else (IAM rejects it in trust policies).
    Other(String),
}

impl PrincipalType {
    fn from_key(key: &str) -> Self {
        match key {
            "AWS" => PrincipalType::Aws,
            "Service" => PrincipalType::Service,
            "Federated" => PrincipalType::Federated,
            "CanonicalUser" => PrincipalType::CanonicalUser,
            other => PrincipalType::Other(other.to_string()),
        }
    }

    /// The key as written in documents.
    pub fn key(&self) -> &str {
        match self {
            PrincipalType::Aws => "AWS",
            PrincipalType::Service => "Service",
            PrincipalType::Federated => "Federated",
            PrincipalType::CanonicalUser => "CanonicalUser",
            PrincipalType::Other(k) => k,
        }
    }
}

/// A `Principal` / `NotPrincipal` value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Principal {
    /// `"*"`: everyone (same as `{"AWS": "*"}`).
    Any,
    /// `{"AWS": …, "Service": …}` in document order.
    Map(Vec<(PrincipalType, Vec<String>)>),
}

/// One `"Operator": {"key": values}` entry of a `Condition` block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConditionEntry {
    /// Operator as written, e.g. `ForAnyValue:StringLikeIfExists`.
    pub operator: String,
    /// Condition key as written, e.g. `aws:SourceAccount`.
    pub key: String,
    /// Values (JSON booleans and numbers are kept as their text).
    pub values: Vec<String>,
}

/// One statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// `Sid`, if any.
    pub sid: Option<String>,
    /// The effect.
    pub effect: Effect,
    /// `Effect` exactly as written (IAM matches it case-sensitively in its second pass).
    pub effect_text: String,
    /// `Action` patterns.
    pub action: Option<Vec<String>>,
    /// `NotAction` patterns.
    pub not_action: Option<Vec<String>>,
    /// `Resource` patterns.
    pub resource: Option<Vec<String>>,
    /// `NotResource` patterns.
    pub not_resource: Option<Vec<String>>,
    /// `Principal`.
    pub principal: Option<Principal>,
    /// `NotPrincipal`.
    pub not_principal: Option<Principal>,
    /// `Condition` entries in document order.
    pub conditions: Vec<ConditionEntry>,
}

impl Statement {
    /// The Sid when present and non-empty, else `Statement[index]`.
    pub fn label(&self, index: usize) -> String {
        match &self.sid {
            Some(s) if !s.is_empty() => s.clone(),
            _ => format!("Statement[{index}]"),
        }
    }
}

/// A parsed policy document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolicyDocument {
    /// `Version`; `None` when absent (IAM then uses 2008-10-17 rules).
    pub version: Option<PolicyVersion>,
    /// `Id`.
    pub id: Option<String>,
    /// Statements in order.
    pub statements: Vec<Statement>,
    /// True when `Statement` was a single object rather than an array.
    pub statement_is_object: bool,
    #[serde(skip)]
    raw: Value,
}

impl PolicyDocument {
    /// Structural parse of JSON text (no per-kind rules: see `parse_identity_policy` and
    /// `parse_trust_policy`). Errors carry IAM's "Syntax errors in policy.".
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let raw: Value = serde_json::from_str(text)
            .map_err(|e| PolicyError::malformed_with(SYNTAX_ERRORS, format!("not valid JSON: {e}")))?;
        Self::from_value(raw)
    }

    /// Structural parse of an already-parsed JSON value.
    pub fn from_value(raw: Value) -> Result<Self, PolicyError> {
        let syntax = |d: String| PolicyError::malformed_with(SYNTAX_ERRORS, d);
        let obj = raw.as_object().ok_or_else(|| syntax("the document is not a JSON object".into()))?;
        for key in obj.keys() {
            if !matches!(key.as_str(), "Version" | "Id" | "Statement") {
                return Err(syntax(format!("unknown top-level element {key:?}")));
            }
        }
        let version = match obj.get("Version") {
            None => None,
            Some(Value::String(v)) if v == "2012-10-17" => Some(PolicyVersion::V2012_10_17),
            Some(Value::String(v)) if v == "2008-10-17" => Some(PolicyVersion::V2008_10_17),
            Some(v) => return Err(syntax(format!("Version must be \"2012-10-17\" or \"2008-10-17\", not {v}"))),
        };
        let id = match obj.get("Id") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(syntax("Id must be a string".into())),
        };
        let (items, statement_is_object): (Vec<&Value>, bool) = match obj.get("Statement") {
            Some(Value::Object(_)) => (obj.get("Statement").into_iter().collect(), true),
            Some(Value::Array(a)) => (a.iter().collect(), false),
            Some(_) => return Err(syntax("Statement must be an object or an array".into())),
            None => return Err(syntax("the Statement element is missing".into())),
        };
        if items.is_empty() {
            return Err(syntax("Statement is an empty array".into()));
        }
        let mut statements = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let s = item.as_object().ok_or_else(|| syntax(format!("Statement[{i}] is not an object")))?;
            statements.push(parse_statement(s).map_err(|d| syntax(format!("Statement[{i}]: {d}")))?);
        }
        Ok(PolicyDocument { version, id, statements, statement_is_object, raw })
    }

    /// The document as pretty JSON, with the keys in their original order.
    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(&self.raw).unwrap_or_default()
    }

    /// The document as compact JSON, keys in original order.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.raw).unwrap_or_default()
    }

    /// The original JSON value.
    pub fn raw(&self) -> &Value {
        &self.raw
    }

    /// True when policy variables (`${...}`) are substituted (Version 2012-10-17).
    pub fn uses_variables(&self) -> bool {
        self.version == Some(PolicyVersion::V2012_10_17)
    }
}

fn parse_statement(s: &Map<String, Value>) -> Result<Statement, String> {
    const KNOWN: [&str; 9] =
        ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"];
    for key in s.keys() {
        if !KNOWN.contains(&key.as_str()) {
            return Err(format!("unknown element {key:?}"));
        }
    }
    for (a, b) in [("Action", "NotAction"), ("Resource", "NotResource"), ("Principal", "NotPrincipal")] {
        if s.contains_key(a) && s.contains_key(b) {
            return Err(format!("{a} and {b} cannot both be present"));
        }
    }
    let sid = match s.get("Sid") {
        None => None,
        Some(Value::String(v)) => Some(v.clone()),
        Some(_) => return Err("Sid must be a string".into()),
    };
    let effect_text = match s.get("Effect") {
        Some(Value::String(e)) => e.clone(),
        Some(_) => return Err("Effect must be a string".into()),
        None => return Err("the Effect element is missing".into()),
    };
    let effect = if effect_text.eq_ignore_ascii_case("Allow") {
        Effect::Allow
    } else if effect_text.eq_ignore_ascii_case("Deny") {
        Effect::Deny
    } else {
        return Err(format!("Effect must be \"Allow\" or \"Deny\", not {effect_text:?}"));
    };
    Ok(Statement {
        sid,
        effect,
        effect_text,
        action: string_list(s, "Action")?,
        not_action: string_list(s, "NotAction")?,
        resource: string_list(s, "Resource")?,
        not_resource: string_list(s, "NotResource")?,
        principal: principal(s, "Principal")?,
        not_principal: principal(s, "NotPrincipal")?,
        conditions: conditions(s.get("Condition"))?,
    })
}

fn string_list(s: &Map<String, Value>, key: &str) -> Result<Option<Vec<String>>, String> {
    match s.get(key) {
        None => Ok(None),
        Some(v) => strings(v).map(Some).ok_or_else(|| format!("{key} must be a string or an array of strings")),
    }
}

fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => items.iter().map(|i| i.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}

fn principal(s: &Map<String, Value>, key: &str) -> Result<Option<Principal>, String> {
    match s.get(key) {
        None => Ok(None),
        Some(Value::String(p)) if p == "*" => Ok(Some(Principal::Any)),
        Some(Value::Object(m)) => {
            let mut entries = Vec::with_capacity(m.len());
            for (k, v) in m {
                let vals = strings(v).ok_or_else(|| format!("{key}.{k} must be a string or an array of strings"))?;
                entries.push((PrincipalType::from_key(k), vals));
            }
            Ok(Some(Principal::Map(entries)))
        }
        Some(_) => Err(format!("{key} must be \"*\" or an object")),
    }
}

fn conditions(v: Option<&Value>) -> Result<Vec<ConditionEntry>, String> {
    let Some(v) = v else { return Ok(Vec::new()) };
    let ops = v.as_object().ok_or("Condition must be an object")?;
    let mut out = Vec::new();
    for (op, body) in ops {
        let keys = body.as_object().ok_or_else(|| format!("Condition.{op} must be an object"))?;
        for (key, values) in keys {
            let list = condition_values(values)
                .ok_or_else(|| format!("Condition.{op}.{key} has a value of the wrong type"))?;
            out.push(ConditionEntry { operator: op.clone(), key: key.clone(), values: list });
        }
    }
    Ok(out)
}

fn condition_values(v: &Value) -> Option<Vec<String>> {
    fn scalar(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
    match v {
        Value::Array(items) => items.iter().map(scalar).collect(),
        other => scalar(other).map(|s| vec![s]),
    }
}
