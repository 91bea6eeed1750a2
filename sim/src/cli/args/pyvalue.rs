//! The Python values the AWS CLI juggles while it builds a request (`str`, `int`, `dict`, `OrderedDict`, …),
//! with Python's `repr()`/`str()` and `type()` spellings, because botocore's error messages print them.
//! Conversion to and from `serde_json::Value` happens at the edges.

use super::pynum::float_repr;
use serde_json::{Map, Number, Value};

/// A Python value. Dict keys are always `str` here (JSON and shorthand produce nothing else).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Py {
    None,
    Bool(bool),
    /// Python `int`; values beyond `i128` saturate (Python would keep them exact).
    Int(i128),
    Float(f64),
    Str(String),
    /// What `fileb://` yields.
    Bytes(Vec<u8>),
    List(Vec<Py>),
    Dict(PyDict),
}

/// A `dict`, or a `collections.OrderedDict` (what the CLI's `json.loads(..., object_pairs_hook=OrderedDict)`
/// makes): both keep insertion order; only their `repr` and `type` differ.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct PyDict {
    pub ordered: bool,
    pub items: Vec<(String, Py)>,
}

impl PyDict {
    pub fn new(ordered: bool) -> Self {
        PyDict { ordered, items: Vec::new() }
    }
    pub fn get(&self, key: &str) -> Option<&Py> {
        self.items.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Py> {
        self.items.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    /// `d[key] = value`: an existing key keeps its position.
    pub fn set(&mut self, key: &str, value: Py) {
        match self.get_mut(key) {
            Some(slot) => *slot = value,
            None => self.items.push((key.to_string(), value)),
        }
    }
    pub fn remove(&mut self, key: &str) -> Option<Py> {
        let pos = self.items.iter().position(|(k, _)| k == key)?;
        Some(self.items.remove(pos).1)
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Py {
    pub fn str(s: &str) -> Py {
        Py::Str(s.to_string())
    }

    /// Python truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Py::None => false,
            Py::Bool(b) => *b,
            Py::Int(i) => *i != 0,
            Py::Float(f) => *f != 0.0,
            Py::Str(s) => !s.is_empty(),
            Py::Bytes(b) => !b.is_empty(),
            Py::List(l) => !l.is_empty(),
            Py::Dict(d) => !d.is_empty(),
        }
    }

    /// The bare class name, as in `'list' object has no attribute 'lower'`.
    pub fn class_name(&self) -> &'static str {
        match self {
            Py::None => "NoneType",
            Py::Bool(_) => "bool",
            Py::Int(_) => "int",
            Py::Float(_) => "float",
            Py::Str(_) => "str",
            Py::Bytes(_) => "bytes",
            Py::List(_) => "list",
            Py::Dict(d) if d.ordered => "OrderedDict",
            Py::Dict(_) => "dict",
        }
    }

    /// `str(type(value))`, e.g. `<class 'str'>`.
    pub fn type_repr(&self) -> String {
        match self {
            Py::Dict(d) if d.ordered => "<class 'collections.OrderedDict'>".to_string(),
            other => format!("<class '{}'>", other.class_name()),
        }
    }

    /// Python's `repr(value)` (Python 3.12+ spelling of `OrderedDict`).
    pub fn repr(&self) -> String {
        match self {
            Py::None => "None".to_string(),
            Py::Bool(true) => "True".to_string(),
            Py::Bool(false) => "False".to_string(),
            Py::Int(i) => i.to_string(),
            Py::Float(f) => float_repr(*f),
            Py::Str(s) => str_repr(s),
            Py::Bytes(b) => bytes_repr(b),
            Py::List(items) => format!("[{}]", items.iter().map(Py::repr).collect::<Vec<_>>().join(", ")),
            Py::Dict(d) => {
                let inner = d.items.iter().map(|(k, v)| format!("{}: {}", str_repr(k), v.repr())).collect::<Vec<_>>();
                match (d.ordered, inner.is_empty()) {
                    (true, true) => "OrderedDict()".to_string(),
                    (true, false) => format!("OrderedDict({{{}}})", inner.join(", ")),
                    (false, _) => format!("{{{}}}", inner.join(", ")),
                }
            }
        }
    }

    /// Python's `str(value)`: strings print bare, everything else as `repr`.
    pub fn to_str(&self) -> String {
        match self {
            Py::Str(s) => s.clone(),
            other => other.repr(),
        }
    }

    /// A JSON value as Python's `json.loads` would give it (`ordered`: with the `OrderedDict` hook).
    pub fn from_json(value: &Value, ordered: bool) -> Py {
        match value {
            Value::Null => Py::None,
            Value::Bool(b) => Py::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Py::Int(i128::from(i)),
                (None, Some(u)) => Py::Int(i128::from(u)),
                _ => Py::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => Py::Str(s.clone()),
            Value::Array(items) => Py::List(items.iter().map(|v| Py::from_json(v, ordered)).collect()),
            Value::Object(map) => Py::Dict(PyDict {
                ordered,
                items: map.iter().map(|(k, v)| (k.clone(), Py::from_json(v, ordered))).collect(),
            }),
        }
    }

    /// The request JSON. Bytes become base64 text (what the JSON protocols put on the wire); integers beyond
    /// 64 bits and non-finite floats, which JSON cannot hold, become floats and the strings `NaN`/`Infinity`.
    pub fn to_json(&self) -> Value {
        match self {
            Py::None => Value::Null,
            Py::Bool(b) => Value::Bool(*b),
            Py::Int(i) => {
                if let Ok(v) = i64::try_from(*i) {
                    Value::from(v)
                } else if let Ok(v) = u64::try_from(*i) {
                    Value::from(v)
                } else {
                    float_json(*i as f64)
                }
            }
            Py::Float(f) => float_json(*f),
            Py::Str(s) => Value::String(s.clone()),
            Py::Bytes(b) => Value::String(base64(b)),
            Py::List(items) => Value::Array(items.iter().map(Py::to_json).collect()),
            Py::Dict(d) => {
                let mut map = Map::new();
                for (k, v) in &d.items {
                    map.insert(k.clone(), v.to_json());
                }
                Value::Object(map)
            }
        }
    }
}

fn float_json(f: f64) -> Value {
    match Number::from_f64(f) {
        Some(n) => Value::Number(n),
        None if f.is_nan() => Value::String("NaN".into()),
        None if f > 0.0 => Value::String("Infinity".into()),
        None => Value::String("-Infinity".into()),
    }
}

/// Standard base64 with padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            match ALPHABET.get(((n >> shift) & 63) as usize) {
                Some(c) if i <= chunk.len() => out.push(char::from(*c)),
                _ => out.push('='),
            }
        }
    }
    out
}

/// Whether Python's `str.isprintable()` holds for `c` (approximated: controls, separators other than the
/// space, and the common format characters are not printable).
fn printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c, '\u{ad}' | '\u{600}'..='\u{605}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e000}'..='\u{f8ff}')
}

/// Python's `repr()` of a `str`.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of `bytes`.
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(char::from(quote));
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(char::from(c));
            }
            0x20..=0x7e => out.push(char::from(c)),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(char::from(quote));
    out
}

/// Python's `str.isspace()` for one character (what `strip()` removes).
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}
