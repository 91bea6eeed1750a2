//! Parsing a learner's task-definition JSON the way `aws ecs register-task-definition
//! --cli-input-json` does, with the AWS CLI's own error wording:
//!
//! 1. not JSON → [`RequestParseError::MalformedJson`] (line/column for the caller);
//! 2. JSON but not an object → the CLI's `Invalid type: expecting map, received <class '…'>`;
//! 3. botocore's `ParamValidator` walk over the value (driven by `shapes`): every missing
//!    required member, unknown key, wrong type (`null` included) and `min` violation, all in
//!    one `Parameter validation failed:` report, in botocore's order and wording;
//! 4. serde deserialization into [`RegisterTaskDefinitionRequest`].

use std::fmt;

use serde_json::Value;
use thiserror::Error;

use super::pyrepr::{is_py_int, py_str, py_type_name};
use super::request::RegisterTaskDefinitionRequest;
use super::shapes::{Kind, REGISTER_TASK_DEFINITION_REQUEST, Shape};

/// Why a request could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RequestParseError {
    /// Not valid JSON. `line` and `column` are 1-based, the column counted in characters
    /// (as Python's `json` module counts); `offset` is the 0-based character offset
    /// (Python's `char N`). `message` is serde_json's description. Display is AWS CLI v2's
    /// text, which itself gives no position.
    #[error("Error parsing parameter 'cli-input-json': Invalid JSON received.")]
    MalformedJson {
        line: usize,
        column: usize,
        offset: usize,
        message: String,
    },
    /// Valid JSON whose top level is not an object (e.g. a bare `containerDefinitions`
    /// array). `received` is the Python type, e.g. `<class 'list'>`.
    #[error(
        "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received {received}"
    )]
    NotAMap { received: &'static str },
    /// botocore parameter validation failed; Display is the CLI's full report.
    #[error("Parameter validation failed:\n{}", join_lines(.problems))]
    ParamValidation { problems: Vec<ParamProblem> },
    /// Passed botocore's checks but does not fit the typed model (e.g. `true` or a number
    /// beyond `i64` where an integer belongs: botocore lets those through to the service,
    /// which rejects the request). `path` is like `containerDefinitions[0].cpu`.
    #[error("Could not read parameter {path}: {message}")]
    Deserialize { path: String, message: String },
}

fn join_lines(problems: &[ParamProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line of botocore's validation report. `path` is botocore's parameter name:
/// `input` for the top level, else like `containerDefinitions[0].portMappings[1].hostPort`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamProblem {
    MissingRequired {
        path: String,
        member: &'static str,
    },
    UnknownParameter {
        path: String,
        key: String,
        valid_names: Vec<&'static str>,
    },
    /// `value` is Python's `str()` of the value, `value_type` e.g. `<class 'NoneType'>`,
    /// `valid_types` e.g. `<class 'list'>, <class 'tuple'>`.
    InvalidType {
        path: String,
        value: String,
        value_type: &'static str,
        valid_types: &'static str,
    },
    /// String or list shorter than the model's `min`.
    InvalidLength {
        path: String,
        length: usize,
        min: i64,
    },
    /// Integer below the model's `min`.
    InvalidValue {
        path: String,
        value: String,
        min: i64,
    },
    /// Tagged union with more than one key set.
    UnionMultiple {
        path: String,
        members: Vec<&'static str>,
    },
    /// Tagged union with no key set.
    UnionEmpty {
        path: String,
        members: Vec<&'static str>,
    },
}

impl ParamProblem {
    /// botocore's name of the parameter the problem is about.
    pub fn path(&self) -> &str {
        match self {
            Self::MissingRequired { path, .. }
            | Self::UnknownParameter { path, .. }
            | Self::InvalidType { path, .. }
            | Self::InvalidLength { path, .. }
            | Self::InvalidValue { path, .. }
            | Self::UnionMultiple { path, .. }
            | Self::UnionEmpty { path, .. } => path,
        }
    }
}

impl fmt::Display for ParamProblem {
    // Wording from botocore/validate.py `ValidationErrors._format_error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingRequired { path, member } => {
                write!(f, "Missing required parameter in {path}: \"{member}\"")
            }
            Self::UnknownParameter {
                path,
                key,
                valid_names,
            } => write!(
                f,
                "Unknown parameter in {path}: \"{key}\", must be one of: {}",
                valid_names.join(", ")
            ),
            Self::InvalidType {
                path,
                value,
                value_type,
                valid_types,
            } => write!(
                f,
                "Invalid type for parameter {path}, value: {value}, type: {value_type}, valid types: {valid_types}"
            ),
            Self::InvalidLength { path, length, min } => write!(
                f,
                "Invalid length for parameter {path}, value: {length}, valid min length: {min}"
            ),
            Self::InvalidValue { path, value, min } => write!(
                f,
                "Invalid value for parameter {path}, value: {value}, valid min value: {min}"
            ),
            Self::UnionMultiple { path, members } => write!(
                f,
                "Invalid number of parameters set for tagged union structure {path}. Can only set one of the following keys: {}.",
                members.join(". ")
            ),
            // botocore's text really lacks the space in "unionstructure".
            Self::UnionEmpty { path, members } => write!(
                f,
                "Must set one of the following keys for tagged unionstructure {path}: {}.",
                members.join(". ")
            ),
        }
    }
}

/// Parses `--cli-input-json` text into a request, or says why the AWS CLI would refuse it.
pub fn parse_request(json_text: &str) -> Result<RegisterTaskDefinitionRequest, RequestParseError> {
    let value: Value = serde_json::from_str(json_text).map_err(|e| {
        let (column, offset) = char_position(json_text, e.line(), e.column());
        RequestParseError::MalformedJson {
            line: e.line(),
            column,
            offset,
            message: e.to_string(),
        }
    })?;
    from_value(value)
}

/// Like [`parse_request`], for an already parsed JSON value.
pub fn from_value(value: Value) -> Result<RegisterTaskDefinitionRequest, RequestParseError> {
    if !value.is_object() {
        return Err(RequestParseError::NotAMap {
            received: py_type_name(&value),
        });
    }
    let problems = validate_params(&value);
    if !problems.is_empty() {
        return Err(RequestParseError::ParamValidation { problems });
    }
    serde_path_to_error::deserialize(value).map_err(|e| RequestParseError::Deserialize {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

/// botocore's `ParamValidator.validate(params, RegisterTaskDefinitionRequest)`: every
/// problem, in the order botocore reports them (per structure: union count, missing
/// required members, unknown keys in input order, then each known member in input order,
/// depth first). Empty when botocore would send the request.
pub fn validate_params(value: &Value) -> Vec<ParamProblem> {
    let mut problems = Vec::new();
    walk_structure(value, &REGISTER_TASK_DEFINITION_REQUEST, "", &mut problems);
    problems
}

/// botocore `ValidationErrors._get_name`.
fn display_name(name: &str) -> String {
    if name.is_empty() {
        "input".to_string()
    } else {
        name.strip_prefix('.').unwrap_or(name).to_string()
    }
}

fn type_error(value: &Value, name: &str, valid_types: &'static str, out: &mut Vec<ParamProblem>) {
    out.push(ParamProblem::InvalidType {
        path: display_name(name),
        value: py_str(value),
        value_type: py_type_name(value),
        valid_types,
    });
}

fn walk_structure(value: &Value, shape: &'static Shape, name: &str, out: &mut Vec<ParamProblem>) {
    let Some(obj) = value.as_object() else {
        return type_error(value, name, "<class 'dict'>", out);
    };
    if shape.union {
        let members: Vec<&'static str> = shape.member_names().collect();
        if obj.is_empty() {
            out.push(ParamProblem::UnionEmpty {
                path: display_name(name),
                members,
            });
        } else if obj.len() > 1 {
            out.push(ParamProblem::UnionMultiple {
                path: display_name(name),
                members,
            });
        }
    }
    for required in shape.required_members() {
        if !obj.contains_key(required) {
            out.push(ParamProblem::MissingRequired {
                path: display_name(name),
                member: required,
            });
        }
    }
    for key in obj.keys() {
        if shape.member(key).is_none() {
            out.push(ParamProblem::UnknownParameter {
                path: display_name(name),
                key: key.clone(),
                valid_names: shape.member_names().collect(),
            });
        }
    }
    for (key, item) in obj {
        if let Some(member) = shape.member(key) {
            walk_kind(
                item,
                &member.kind,
                member.min,
                &format!("{name}.{key}"),
                out,
            );
        }
    }
}

fn walk_kind(
    value: &Value,
    kind: &Kind,
    min: Option<i64>,
    name: &str,
    out: &mut Vec<ParamProblem>,
) {
    match kind {
        Kind::String | Kind::Enum(_) => match value.as_str() {
            Some(s) => check_length(s.chars().count(), min, name, out),
            None => type_error(value, name, "<class 'str'>", out),
        },
        Kind::Integer => {
            // Python's bool is an int, so botocore lets `true` through here.
            let number = match value {
                Value::Number(n) if is_py_int(n) => Some(n.as_i64().unwrap_or(i64::MAX)),
                Value::Bool(b) => Some(i64::from(*b)),
                _ => None,
            };
            match number {
                None => type_error(value, name, "<class 'int'>", out),
                Some(number) => {
                    if let Some(min) = min
                        && number < min
                    {
                        let (path, value) = (display_name(name), py_str(value));
                        out.push(ParamProblem::InvalidValue { path, value, min });
                    }
                }
            }
        }
        Kind::Boolean => {
            if !value.is_boolean() {
                type_error(value, name, "<class 'bool'>", out);
            }
        }
        Kind::List(inner) => match value.as_array() {
            Some(items) => {
                check_length(items.len(), min, name, out);
                for (i, item) in items.iter().enumerate() {
                    walk_kind(item, inner, None, &format!("{name}[{i}]"), out);
                }
            }
            None => type_error(value, name, "<class 'list'>, <class 'tuple'>", out),
        },
        Kind::StringMap => match value.as_object() {
            Some(map) => {
                for (key, item) in map {
                    walk_kind(item, &Kind::String, None, &format!("{name}.{key}"), out);
                }
            }
            None => type_error(value, name, "<class 'dict'>", out),
        },
        Kind::Structure(shape) => walk_structure(value, shape, name, out),
    }
}

fn check_length(length: usize, min: Option<i64>, name: &str, out: &mut Vec<ParamProblem>) {
    if let Some(min) = min
        && i64::try_from(length).unwrap_or(i64::MAX) < min
    {
        out.push(ParamProblem::InvalidLength {
            path: display_name(name),
            length,
            min,
        });
    }
}

/// serde_json's (1-based line, 1-based byte column) → (1-based character column,
/// 0-based character offset in the whole text), the units Python's `json` reports in.
fn char_position(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let mut offset = 0;
    for (index, line_text) in text.split('\n').enumerate() {
        if index + 1 == line {
            let mut end = byte_column.saturating_sub(1).min(line_text.len());
            while !line_text.is_char_boundary(end) {
                end -= 1;
            }
            let column = line_text[..end].chars().count() + 1;
            return (column, offset + column - 1);
        }
        offset += line_text.chars().count() + 1;
    }
    (byte_column, offset)
}
