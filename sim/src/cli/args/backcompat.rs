//! `BackCompatVisitor` (awscli `shorthand.py`): walks a parsed shorthand value along the argument's model and
//! fits it to the types: integers and floats through Python's `int()`/`float()`, `true`/`false` booleans,
//! a single value where a list belongs wrapped in a list, and document types refused.

use super::pynum::{float_of, int_of};
use super::pyvalue::Py;
use crate::cli::model::{ServiceModel, Shape, ShapeKind};

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum VisitFail {
    /// A `ShorthandParseError` (the CLI wraps it as `Error parsing parameter ...`).
    Shorthand(String),
    /// A Python exception the CLI does not catch (`int('x')`, `'list' object has no attribute 'lower'`).
    Uncaught(String),
    /// `DocumentTypesNotSupportedError`, turned into `Shorthand` by the nearest enclosing structure.
    Document,
}

/// `BackCompatVisitor().visit(params, model)`: the top-level value itself is never replaced.
pub(crate) fn visit(value: &mut Py, model: &ServiceModel, shape: &str) -> Result<(), VisitFail> {
    match model.shape(shape) {
        Some(s) => Visitor { model, depth: 0 }.visit(value, s, false),
        None => Ok(()),
    }
}

struct Visitor<'a> {
    model: &'a ServiceModel,
    depth: usize,
}

impl Visitor<'_> {
    /// `writable`: whether assigning to this slot reaches the result (`parent[name] = …`).
    fn visit(&mut self, slot: &mut Py, shape: &Shape, writable: bool) -> Result<(), VisitFail> {
        // Shapes can be recursive; a parsed value is finite, but stay clear of the stack's end.
        if self.depth > 600 {
            return Ok(());
        }
        self.depth += 1;
        let result = match shape.kind {
            ShapeKind::Structure => self.structure(slot, shape),
            ShapeKind::List => self.list(slot, shape, writable),
            ShapeKind::Map => self.map(slot, shape),
            _ => scalar(slot, &shape.kind, writable),
        };
        self.depth -= 1;
        result
    }

    fn structure(&mut self, slot: &mut Py, shape: &Shape) -> Result<(), VisitFail> {
        if shape.document && !matches!(slot, Py::None) {
            return Err(VisitFail::Document);
        }
        let Py::Dict(dict) = slot else { return Ok(()) };
        for member in &shape.members {
            let (Some(value), Some(member_shape)) = (dict.get_mut(&member.name), self.model.shape(&member.shape))
            else {
                continue;
            };
            match self.visit(value, member_shape, true) {
                Err(VisitFail::Document) => {
                    return Err(VisitFail::Shorthand(format!(
                        "Shorthand syntax does not support document types. Use JSON input for top-level argument \
                         to specify nested parameter: {}",
                        member.name
                    )));
                }
                other => other?,
            }
        }
        Ok(())
    }

    fn list(&mut self, slot: &mut Py, shape: &Shape, writable: bool) -> Result<(), VisitFail> {
        match slot {
            Py::List(items) => {
                let Some(member) = shape.member.as_deref().and_then(|m| self.model.shape(m)) else { return Ok(()) };
                for item in items.iter_mut() {
                    self.visit(item, member, true)?;
                }
                Ok(())
            }
            Py::None => Ok(()),
            other => {
                if writable {
                    let single = std::mem::replace(other, Py::None);
                    *other = Py::List(vec![single]);
                }
                Ok(())
            }
        }
    }

    fn map(&mut self, slot: &mut Py, shape: &Shape) -> Result<(), VisitFail> {
        let Py::Dict(dict) = slot else { return Ok(()) };
        let Some(value_shape) = shape.value.as_deref().and_then(|v| self.model.shape(v)) else { return Ok(()) };
        for (_, value) in dict.items.iter_mut() {
            self.visit(value, value_shape, true)?;
        }
        Ok(())
    }
}

fn scalar(slot: &mut Py, kind: &ShapeKind, writable: bool) -> Result<(), VisitFail> {
    if matches!(slot, Py::None) {
        return Ok(());
    }
    let converted = match kind {
        ShapeKind::Integer | ShapeKind::Long => Some(Py::Int(int_of(slot).map_err(VisitFail::Uncaught)?)),
        ShapeKind::Double | ShapeKind::Float => Some(Py::Float(float_of(slot).map_err(VisitFail::Uncaught)?)),
        ShapeKind::Boolean => match slot {
            Py::Str(s) if s.to_lowercase() == "true" => Some(Py::Bool(true)),
            Py::Str(s) if s.to_lowercase() == "false" => Some(Py::Bool(false)),
            Py::Str(_) | Py::Bytes(_) => None,
            other => {
                return Err(VisitFail::Uncaught(format!("'{}' object has no attribute 'lower'", other.class_name())));
            }
        },
        _ => None,
    };
    if let (Some(v), true) = (converted, writable) {
        *slot = v;
    }
    Ok(())
}
