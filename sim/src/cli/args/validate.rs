//! botocore's `ParamValidator` (`validate.py`): every error of a request against its input shape, in
//! botocore's order and wording (`Missing required parameter in input: "taskDefinition"`, `Invalid type for
//! parameter count, value: 2, type: <class 'str'>, valid types: <class 'int'>`, …), Python `str()` of the
//! offending values included.

use super::pyvalue::Py;
use crate::cli::model::{ServiceModel, Shape, ShapeKind};

/// `ParamValidationError`'s text: `Parameter validation failed:` and one line per error.
pub(crate) fn report(model: &ServiceModel, shape: &str, params: &Py) -> Result<(), String> {
    let Some(shape) = model.shape(shape) else { return Ok(()) };
    let mut v = Validator { model, errors: Vec::new(), depth: 0 };
    v.validate(params, shape, "");
    if v.errors.is_empty() { Ok(()) } else { Err(format!("Parameter validation failed:\n{}", v.errors.join("\n"))) }
}

struct Validator<'a> {
    model: &'a ServiceModel,
    errors: Vec<String>,
    depth: usize,
}

/// `ValidationErrors._get_name`.
fn display_name(name: &str) -> &str {
    if name.is_empty() { "input" } else { name.strip_prefix('.').unwrap_or(name) }
}

/// The model's `min` as Python prints it: botocore's models write it as an integer except on
/// `double`/`float` shapes (`"min":0.0`).
fn number(min: f64, kind: &ShapeKind) -> String {
    let float = matches!(kind, ShapeKind::Double | ShapeKind::Float);
    if !float && min.fract() == 0.0 && min.abs() < 1e15 {
        format!("{}", min as i64)
    } else {
        super::pynum::float_repr(min)
    }
}

const STR: &[&str] = &["<class 'str'>"];
const INT: &[&str] = &["<class 'int'>"];
const FLOAT: &[&str] = &["<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>"];
const BOOL: &[&str] = &["<class 'bool'>"];
const DICT: &[&str] = &["<class 'dict'>"];
const LIST: &[&str] = &["<class 'list'>", "<class 'tuple'>"];

/// `isinstance(value, valid_types)` for the scalar and container type sets (`bool` is an `int`).
fn type_ok(kind: &ShapeKind, value: &Py) -> bool {
    match kind {
        ShapeKind::String => matches!(value, Py::Str(_)),
        ShapeKind::Integer | ShapeKind::Long => matches!(value, Py::Int(_) | Py::Bool(_)),
        ShapeKind::Float | ShapeKind::Double => matches!(value, Py::Int(_) | Py::Bool(_) | Py::Float(_)),
        ShapeKind::Boolean => matches!(value, Py::Bool(_)),
        ShapeKind::Structure | ShapeKind::Map => matches!(value, Py::Dict(_)),
        ShapeKind::List => matches!(value, Py::List(_)),
        ShapeKind::Timestamp | ShapeKind::Blob => true,
    }
}

fn valid_types(kind: &ShapeKind) -> &'static [&'static str] {
    match kind {
        ShapeKind::String => STR,
        ShapeKind::Integer | ShapeKind::Long => INT,
        ShapeKind::Float | ShapeKind::Double => FLOAT,
        ShapeKind::Boolean => BOOL,
        ShapeKind::Structure | ShapeKind::Map => DICT,
        ShapeKind::List => LIST,
        ShapeKind::Blob => &["<class 'bytes'>", "<class 'bytearray'>", "file-like object"],
        ShapeKind::Timestamp => &["<class 'datetime.datetime'>", "timestamp-string"],
    }
}

fn as_number(value: &Py) -> Option<f64> {
    match value {
        Py::Int(i) => Some(*i as f64),
        Py::Bool(b) => Some(f64::from(u8::from(*b))),
        Py::Float(f) => Some(*f),
        _ => None,
    }
}

impl Validator<'_> {
    fn invalid_type(&mut self, name: &str, value: &Py, valid: &[&str]) {
        self.errors.push(format!(
            "Invalid type for parameter {}, value: {}, type: {}, valid types: {}",
            display_name(name),
            value.to_str(),
            value.type_repr(),
            valid.join(", ")
        ));
    }

    /// `range_check` against the shape's `min`.
    fn range(&mut self, name: &str, value: f64, shown: &str, shape: &Shape, length: bool) {
        let Some(min) = shape.min else { return };
        if value < min {
            let (what, bound) = if length { ("length", "length") } else { ("value", "value") };
            self.errors.push(format!(
                "Invalid {what} for parameter {}, value: {shown}, valid min {bound}: {}",
                display_name(name),
                number(min, &shape.kind)
            ));
        }
    }

    fn validate(&mut self, value: &Py, shape: &Shape, name: &str) {
        if self.depth > 600 {
            return;
        }
        self.depth += 1;
        if shape.kind == ShapeKind::Structure && shape.document {
            self.document(value, name);
        } else if !type_ok(&shape.kind, value) {
            self.invalid_type(name, value, valid_types(&shape.kind));
        } else {
            match shape.kind {
                ShapeKind::Structure => self.structure(value, shape, name),
                ShapeKind::List => self.list(value, shape, name),
                ShapeKind::Map => self.map(value, shape, name),
                ShapeKind::String => {
                    let len = if let Py::Str(s) = value { s.chars().count() } else { 0 };
                    self.range(name, len as f64, &len.to_string(), shape, true);
                }
                ShapeKind::Integer | ShapeKind::Long | ShapeKind::Float | ShapeKind::Double => {
                    if let Some(n) = as_number(value) {
                        self.range(name, n, &value.to_str(), shape, false);
                    }
                }
                ShapeKind::Blob if !matches!(value, Py::Str(_) | Py::Bytes(_)) => {
                    self.invalid_type(name, value, valid_types(&ShapeKind::Blob));
                }
                ShapeKind::Timestamp if !super::timestamp::parses(value) => {
                    self.invalid_type(name, value, valid_types(&ShapeKind::Timestamp));
                }
                _ => {}
            }
        }
        self.depth -= 1;
    }

    fn document(&mut self, value: &Py, name: &str) {
        match value {
            Py::None | Py::Str(_) | Py::Int(_) | Py::Bool(_) | Py::Float(_) => {}
            Py::Dict(d) => {
                for (k, v) in &d.items {
                    self.document(v, k);
                }
            }
            Py::List(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.document(v, &format!("{name}[{i}]"));
                }
            }
            Py::Bytes(_) => self.errors.push(format!(
                "Invalid type for document parameter {}, value: {}, type: {}, valid types: <class 'str'>, \
                 <class 'int'>, <class 'bool'>, <class 'float'>, <class 'list'>, <class 'dict'>",
                display_name(name),
                value.to_str(),
                value.type_repr()
            )),
        }
    }

    fn structure(&mut self, value: &Py, shape: &Shape, name: &str) {
        let Py::Dict(params) = value else { return };
        let member_names = || shape.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
        if shape.union && params.is_empty() {
            self.errors.push(format!(
                "Must set one of the following keys for tagged unionstructure {}: {}.",
                display_name(name),
                member_names()
            ));
        } else if shape.union && params.len() > 1 {
            self.errors.push(format!(
                "Invalid number of parameters set for tagged union structure {}. Can only set one of the \
                 following keys: {}.",
                display_name(name),
                member_names()
            ));
        }
        for required in shape.required() {
            if !params.contains(required) {
                self.errors.push(format!("Missing required parameter in {}: \"{required}\"", display_name(name)));
            }
        }
        let mut known = Vec::new();
        for (key, v) in &params.items {
            match shape.member(key) {
                Some(member) => known.push((key, v, member)),
                None => self.errors.push(format!(
                    "Unknown parameter in {}: \"{key}\", must be one of: {}",
                    display_name(name),
                    member_names()
                )),
            }
        }
        for (key, v, member) in known {
            if let Some(member_shape) = self.model.shape(&member.shape) {
                self.validate(v, member_shape, &format!("{name}.{key}"));
            }
        }
    }

    fn list(&mut self, value: &Py, shape: &Shape, name: &str) {
        let Py::List(items) = value else { return };
        self.range(name, items.len() as f64, &items.len().to_string(), shape, true);
        let Some(member) = shape.member.as_deref().and_then(|m| self.model.shape(m)) else { return };
        for (i, item) in items.iter().enumerate() {
            self.validate(item, member, &format!("{name}[{i}]"));
        }
    }

    fn map(&mut self, value: &Py, shape: &Shape, name: &str) {
        let Py::Dict(d) = value else { return };
        let key_shape = shape.key.as_deref().and_then(|k| self.model.shape(k));
        let value_shape = shape.value.as_deref().and_then(|v| self.model.shape(v));
        for (k, v) in &d.items {
            if let Some(ks) = key_shape {
                self.validate(&Py::Str(k.clone()), ks, &format!("{name} (key: {k})"));
            }
            if let Some(vs) = value_shape {
                self.validate(v, vs, &format!("{name}.{k}"));
            }
        }
    }
}
