//! Turning one option's parsed value into its request value, as awscli's `argprocess.py` does: the
//! `file://`/`fileb://` handler first (`load-cli-arg`), then shorthand syntax (`ParamShorthandParser`) for
//! complex options unless the value looks like JSON, then `unpack_cli_arg` (JSON for structures, maps and
//! `[`-lists; `int()`/`float()` for numbers).

use super::ArgError;
use super::backcompat::{self, VisitFail};
use super::paramfile::get_paramfile;
use super::pyjson::{JsonFail, loads};
use super::pynum::{float_of, int_of};
use super::pyvalue::{Py, py_isspace, py_strip};
use super::shorthand::{self, ShorthandFail};
use crate::cli::model::{ServiceModel, Shape, ShapeKind};
use crate::workspace::Workspace;

pub(crate) fn param_error(cli_name: &str, message: &str) -> ArgError {
    ArgError::ParamError(format!("Error parsing parameter '{cli_name}': {message}"))
}

/// `URIArgumentHandler`: a one-element list is looked at as its element; a `file://` or `fileb://` value is
/// replaced by the file's contents.
pub(crate) fn resolve_paramfile(cli_name: &str, value: &Py, files: &dyn Workspace) -> Result<Option<Py>, ArgError> {
    let candidate = match value {
        Py::List(items) if items.len() == 1 => items.first().unwrap_or(value),
        other => other,
    };
    let Py::Str(text) = candidate else { return Ok(None) };
    get_paramfile(text, files).map_err(|e| param_error(cli_name, &e))
}

/// Errors inside `unpack_cli_arg`, kept apart because a list's unpacking turns only `ValueError` and
/// `TypeError` into a `ParamError`.
enum Fail {
    Arg(ArgError),
    ValueOrType(String),
    Uncaught(String),
}

impl From<Fail> for ArgError {
    fn from(f: Fail) -> ArgError {
        match f {
            Fail::Arg(e) => e,
            Fail::ValueOrType(m) | Fail::Uncaught(m) => ArgError::Other(m),
        }
    }
}

pub(crate) struct Unpacker<'a> {
    pub model: &'a ServiceModel,
    pub files: &'a dyn Workspace,
}

impl Unpacker<'_> {
    /// `CLIArgument._unpack_argument`: the shorthand parser, else `unpack_cli_arg`.
    pub fn unpack(&self, cli_name: &str, shape_name: &str, value: Py) -> Result<Py, ArgError> {
        let Some(shape) = self.model.shape(shape_name) else { return Ok(value) };
        if let Some(parsed) = self.shorthand(cli_name, shape_name, shape, &value)? {
            return Ok(parsed);
        }
        self.unpack_cli_arg(shape, value, cli_name).map_err(ArgError::from)
    }

    /// `_supports_shorthand_syntax`: complex, and not (a list or map of) document types.
    fn supports_shorthand(&self, shape: &Shape) -> bool {
        let complex = match shape.kind {
            ShapeKind::Structure | ShapeKind::Map => true,
            ShapeKind::List => shape
                .member
                .as_deref()
                .and_then(|m| self.model.shape(m))
                .is_some_and(|m| matches!(m.kind, ShapeKind::Structure | ShapeKind::List | ShapeKind::Map)),
            _ => false,
        };
        complex && !self.document_container(shape, 0)
    }

    fn document_container(&self, shape: &Shape, depth: usize) -> bool {
        if shape.document {
            return true;
        }
        let inner = match shape.kind {
            ShapeKind::List => shape.member.as_deref(),
            ShapeKind::Map => shape.value.as_deref(),
            _ => None,
        };
        depth < 32 && inner.and_then(|n| self.model.shape(n)).is_some_and(|s| self.document_container(s, depth + 1))
    }

    /// `ParamShorthandParser.__call__`: `Ok(None)` when the value is not for the shorthand parser.
    fn shorthand(&self, cli_name: &str, shape_name: &str, shape: &Shape, value: &Py) -> Result<Option<Py>, ArgError> {
        let check = match value {
            Py::List(items) if !items.is_empty() => items.first().unwrap_or(value),
            other => other,
        };
        if let Py::Str(s) = check
            && py_strip(s).starts_with(['[', '{'])
        {
            return Ok(None);
        }
        if !self.supports_shorthand(shape) {
            return Ok(None);
        }
        // `--instance-initiated-shutdown-behavior stop` style: a structure whose only member is the string
        // `Value`.
        if shape.kind == ShapeKind::Structure
            && let [only] = shape.members.as_slice()
            && only.name == "Value"
            && self.model.shape(&only.shape).is_some_and(|s| s.kind == ShapeKind::String)
            && let Py::Str(s) = value
            && !s.contains('=')
        {
            let mut d = super::pyvalue::PyDict::new(false);
            d.set("Value", value.clone());
            return Ok(Some(Py::Dict(d)));
        }
        let parse_one = |v: &Py| -> Result<Py, ArgError> {
            match v {
                Py::Str(s) => match shorthand::parse(s, self.files) {
                    Ok(d) => Ok(Py::Dict(d)),
                    Err(ShorthandFail::Parse(m)) => Err(param_error(cli_name, &m)),
                    Err(ShorthandFail::Uncaught(m)) => Err(ArgError::Other(m)),
                },
                _ => Err(ArgError::Other("'in <string>' requires string as left operand, not int".into())),
            }
        };
        let mut parsed = match value {
            Py::List(items) => Py::List(items.iter().map(parse_one).collect::<Result<_, _>>()?),
            other => parse_one(other)?,
        };
        match backcompat::visit(&mut parsed, self.model, shape_name) {
            Ok(()) => Ok(Some(parsed)),
            Err(VisitFail::Shorthand(m)) => Err(param_error(cli_name, &m)),
            Err(VisitFail::Uncaught(m)) => Err(ArgError::Other(m)),
            Err(VisitFail::Document) => Err(ArgError::Other(String::new())),
        }
    }

    /// `_unpack_cli_arg`.
    fn unpack_cli_arg(&self, shape: &Shape, value: Py, cli_name: &str) -> Result<Py, Fail> {
        if shape.document {
            return json_arg(&value, cli_name);
        }
        match shape.kind {
            ShapeKind::Structure | ShapeKind::Map => {
                let text = text_of(&value);
                match text.trim_start_matches(py_isspace).chars().next() {
                    None => Err(Fail::Uncaught("string index out of range".into())),
                    Some('{') => json_arg(&value, cli_name),
                    Some(_) => Err(Fail::Arg(param_error(cli_name, &format!("Invalid JSON:\n{}", value.to_str())))),
                }
            }
            ShapeKind::List => self.unpack_list(shape, value, cli_name),
            _ => unpack_scalar(&shape.kind, value),
        }
    }

    fn unpack_list(&self, shape: &Shape, value: Py, cli_name: &str) -> Result<Py, Fail> {
        let items: Vec<Py> = match &value {
            Py::Str(s) => match s.trim_start_matches(py_isspace).chars().next() {
                None => return Err(Fail::Uncaught("string index out of range".into())),
                Some('[') => return json_arg(&value, cli_name),
                Some(_) => s.chars().map(|c| Py::Str(c.to_string())).collect(),
            },
            Py::List(items) => {
                if let [Py::Str(single)] = items.as_slice()
                    && py_strip(single).starts_with('[')
                {
                    return json_arg(&Py::Str(single.clone()), cli_name);
                }
                items.clone()
            }
            Py::Bytes(b) => b.iter().map(|x| Py::Int(i128::from(*x))).collect(),
            other => return Err(Fail::ValueOrType(format!("'{}' object is not iterable", other.class_name()))),
        };
        let first = items.first().map(Py::to_str).unwrap_or_default();
        let Some(member) = shape.member.as_deref().and_then(|m| self.model.shape(m)) else {
            return Ok(Py::List(items));
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match self.unpack_cli_arg(member, item, cli_name) {
                Ok(v) => out.push(v),
                Err(Fail::ValueOrType(_)) => return Err(Fail::Arg(param_error(cli_name, &first))),
                Err(other) => return Err(other),
            }
        }
        Ok(Py::List(out))
    }
}

fn text_of(value: &Py) -> String {
    match value {
        Py::Str(s) => s.clone(),
        Py::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => other.to_str(),
    }
}

/// `_unpack_json_cli_arg`: `json.loads(value, object_pairs_hook=OrderedDict)`.
fn json_arg(value: &Py, cli_name: &str) -> Result<Py, Fail> {
    match loads(&text_of(value), true) {
        Ok(v) => Ok(v),
        Err(JsonFail::Decode(e)) => {
            Err(Fail::Arg(param_error(cli_name, &format!("Invalid JSON: {e}\nJSON received: {}", value.to_str()))))
        }
        Err(JsonFail::Recursion(m)) => Err(Fail::Uncaught(m)),
    }
}

/// `unpack_scalar_cli_arg`.
fn unpack_scalar(kind: &ShapeKind, value: Py) -> Result<Py, Fail> {
    match kind {
        ShapeKind::Integer | ShapeKind::Long => int_of(&value).map(Py::Int).map_err(Fail::ValueOrType),
        ShapeKind::Float | ShapeKind::Double => float_of(&value).map(Py::Float).map_err(Fail::ValueOrType),
        ShapeKind::Boolean => Ok(Py::Bool(match &value {
            Py::Str(s) if s.to_lowercase() == "false" => false,
            other => other.truthy(),
        })),
        _ => Ok(value),
    }
}
