//! Tree-walking interpreter over `serde_json::Value`.
//!
//! Results are `Cow`s: a sub-value of the input is borrowed, and only new
//! values (projections, multi-selects, function results) are built. Object
//! key order is kept: input objects keep theirs, multi-select hashes follow
//! the expression. Semantics (and quirks) follow the Python `jmespath`
//! library used by the AWS CLI. Work is bounded by a step budget and a copy
//! budget so that a pathological query fails instead of exhausting memory.

use std::borrow::Cow;
use std::cmp::Ordering;

use serde_json::{Map, Value};

use super::QueryError;
use super::ast::{Cmp, Kind, Node};
use super::functions;
use super::values::{is_truthy, json_eq, order, python_index, size_up_to, slice_indices};

/// A result: borrowed from the input (or the expression) or newly built.
pub(crate) type Out<'a> = Cow<'a, Value>;

/// Ordering comparators (`<`, `<=`, `>`, `>=`) accept strings as well as
/// numbers, as the Python library (and so the AWS CLI) does; the
/// JMESPath specification only defines them for numbers.
pub(crate) const STRING_ORDERING: bool = true;

/// Most nodes one search may evaluate.
const MAX_STEPS: u64 = 10_000_000;
/// Most JSON nodes one search may copy into its results.
const MAX_COPIED: u64 = 5_000_000;

pub(crate) static NULL: Value = Value::Null;

/// Evaluation state: the work budgets.
#[derive(Default)]
pub(crate) struct Interp {
    steps: u64,
    copied: u64,
}

fn null<'a>() -> Out<'a> {
    Cow::Borrowed(&NULL)
}

impl Interp {
    /// Turns a result into an owned value, charging the copy if borrowed.
    pub(crate) fn own(&mut self, v: Out<'_>) -> Result<Value, QueryError> {
        match v {
            Cow::Owned(o) => Ok(o),
            Cow::Borrowed(b) => {
                self.charge(b)?;
                Ok(b.clone())
            }
        }
    }

    /// Charges the size of a value about to be copied.
    pub(crate) fn charge(&mut self, v: &Value) -> Result<(), QueryError> {
        let left = MAX_COPIED.saturating_sub(self.copied);
        self.add_cost(size_up_to(v, left))
    }

    /// Charges a newly built string of `len` bytes.
    pub(crate) fn charge_text(&mut self, len: usize) -> Result<(), QueryError> {
        self.add_cost(1 + u64::try_from(len / 64).unwrap_or(u64::MAX))
    }

    fn add_cost(&mut self, units: u64) -> Result<(), QueryError> {
        self.copied = self.copied.saturating_add(units);
        if self.copied > MAX_COPIED {
            return Err(QueryError::Runtime(format!(
                "Query result too large: more than {MAX_COPIED} values copied"
            )));
        }
        Ok(())
    }

    /// Evaluates `node` against `v`. Each kind is handled in its own
    /// function to keep this (recursive) frame small.
    pub(crate) fn eval<'a>(&mut self, node: &'a Node, v: &'a Value) -> Result<Out<'a>, QueryError> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(QueryError::Runtime(format!(
                "Query too expensive: more than {MAX_STEPS} evaluation steps"
            )));
        }
        match &node.kind {
            Kind::Identity => Ok(Cow::Borrowed(v)),
            Kind::Field(name) => Ok(field(v, name)),
            Kind::Index(i) => Ok(index(v, *i)),
            Kind::Slice(start, stop, step) => self.slice(v, *start, *stop, *step),
            Kind::Literal(lit) => Ok(Cow::Borrowed(lit)),
            Kind::Subexpr(steps) | Kind::IndexExpr(steps) => self.chain(steps, v),
            Kind::Pipe(lhs, rhs) => {
                let left = self.eval(lhs, v)?;
                self.then(left, rhs)
            }
            Kind::Projection(lhs, rhs) => self.projection(lhs, rhs, v),
            Kind::ValueProjection(lhs, rhs) => self.value_projection(lhs, rhs, v),
            Kind::FilterProjection(lhs, rhs, cond) => self.filter_projection(lhs, rhs, cond, v),
            Kind::Flatten(inner) => {
                let base = self.eval(inner, v)?;
                self.flatten(base)
            }
            Kind::MultiList(items) => self.multi_list(items, v),
            Kind::MultiHash(pairs) => self.multi_hash(pairs, v),
            Kind::Or(lhs, rhs) => self.or(lhs, rhs, v),
            Kind::And(lhs, rhs) => self.and(lhs, rhs, v),
            Kind::Not(inner) => self.not(inner, v),
            Kind::Compare(cmp, lhs, rhs) => self.compare(*cmp, lhs, rhs, v),
            Kind::Function(name, args) => functions::call(self, name, args, v),
            // A bare `&expr` outside a function argument has no JSON value.
            Kind::Expref(_) => Ok(null()),
        }
    }

    fn slice<'a>(
        &mut self,
        v: &'a Value,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<Out<'a>, QueryError> {
        let Value::Array(items) = v else {
            return Ok(null());
        };
        let picked = slice_indices(items.len(), start, stop, step)?;
        let mut out = Vec::with_capacity(picked.len());
        for idx in picked {
            if let Some(item) = items.get(idx) {
                out.push(self.own(Cow::Borrowed(item))?);
            }
        }
        Ok(Cow::Owned(Value::Array(out)))
    }

    fn chain<'a>(&mut self, steps: &'a [Node], v: &'a Value) -> Result<Out<'a>, QueryError> {
        let mut cur = Cow::Borrowed(v);
        for step in steps {
            cur = self.then(cur, step)?;
        }
        Ok(cur)
    }

    fn projection<'a>(
        &mut self,
        lhs: &'a Node,
        rhs: &'a Node,
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        match self.eval(lhs, v)? {
            Cow::Borrowed(Value::Array(items)) => self.project(items.iter(), rhs),
            Cow::Owned(Value::Array(items)) => self.project_owned(items, rhs),
            _ => Ok(null()),
        }
    }

    fn value_projection<'a>(
        &mut self,
        lhs: &'a Node,
        rhs: &'a Node,
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        match self.eval(lhs, v)? {
            Cow::Borrowed(Value::Object(map)) => self.project(map.values(), rhs),
            Cow::Owned(Value::Object(map)) => {
                let items: Vec<Value> = map.into_iter().map(|(_, x)| x).collect();
                self.project_owned(items, rhs)
            }
            _ => Ok(null()),
        }
    }

    fn filter_projection<'a>(
        &mut self,
        lhs: &'a Node,
        rhs: &'a Node,
        cond: &'a Node,
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        match self.eval(lhs, v)? {
            Cow::Borrowed(Value::Array(items)) => self.filter(items, rhs, cond),
            Cow::Owned(Value::Array(items)) => {
                let r = self.filter(&items, rhs, cond)?;
                Ok(Cow::Owned(self.own(r)?))
            }
            _ => Ok(null()),
        }
    }

    fn multi_list<'a>(&mut self, items: &'a [Node], v: &'a Value) -> Result<Out<'a>, QueryError> {
        if v.is_null() {
            return Ok(null());
        }
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let r = self.eval(item, v)?;
            out.push(self.own(r)?);
        }
        Ok(Cow::Owned(Value::Array(out)))
    }

    fn multi_hash<'a>(
        &mut self,
        pairs: &'a [(String, Node)],
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        if v.is_null() {
            return Ok(null());
        }
        let mut out = Map::new();
        for (key, item) in pairs {
            let r = self.eval(item, v)?;
            out.insert(key.clone(), self.own(r)?);
        }
        Ok(Cow::Owned(Value::Object(out)))
    }

    fn or<'a>(
        &mut self,
        lhs: &'a Node,
        rhs: &'a Node,
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        let left = self.eval(lhs, v)?;
        if is_truthy(&left) {
            Ok(left)
        } else {
            self.eval(rhs, v)
        }
    }

    fn and<'a>(
        &mut self,
        lhs: &'a Node,
        rhs: &'a Node,
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        let left = self.eval(lhs, v)?;
        if is_truthy(&left) {
            self.eval(rhs, v)
        } else {
            Ok(left)
        }
    }

    fn not<'a>(&mut self, inner: &'a Node, v: &'a Value) -> Result<Out<'a>, QueryError> {
        let r = self.eval(inner, v)?;
        Ok(Cow::Owned(Value::Bool(!is_truthy(&r))))
    }

    fn compare<'a>(
        &mut self,
        cmp: Cmp,
        lhs: &'a Node,
        rhs: &'a Node,
        v: &'a Value,
    ) -> Result<Out<'a>, QueryError> {
        let left = self.eval(lhs, v)?;
        let right = self.eval(rhs, v)?;
        Ok(compare(cmp, &left, &right).map_or_else(null, |b| Cow::Owned(Value::Bool(b))))
    }

    /// Applies `node` to an intermediate result.
    fn then<'a>(&mut self, cur: Out<'a>, node: &'a Node) -> Result<Out<'a>, QueryError> {
        match cur {
            Cow::Borrowed(b) => self.eval(node, b),
            Cow::Owned(o) => {
                let r = self.eval(node, &o)?;
                Ok(Cow::Owned(self.own(r)?))
            }
        }
    }

    fn project<'a, I>(&mut self, items: I, rhs: &'a Node) -> Result<Out<'a>, QueryError>
    where
        I: Iterator<Item = &'a Value>,
    {
        let mut out = Vec::new();
        for item in items {
            let r = self.eval(rhs, item)?;
            if !r.is_null() {
                out.push(self.own(r)?);
            }
        }
        Ok(Cow::Owned(Value::Array(out)))
    }

    fn project_owned<'a>(
        &mut self,
        items: Vec<Value>,
        rhs: &'a Node,
    ) -> Result<Out<'a>, QueryError> {
        if matches!(rhs.kind, Kind::Identity) {
            let kept = items.into_iter().filter(|x| !x.is_null()).collect();
            return Ok(Cow::Owned(Value::Array(kept)));
        }
        let mut out = Vec::new();
        for item in &items {
            let r = self.eval(rhs, item)?;
            if !r.is_null() {
                out.push(self.own(r)?);
            }
        }
        Ok(Cow::Owned(Value::Array(out)))
    }

    fn filter<'a>(
        &mut self,
        items: &'a [Value],
        rhs: &'a Node,
        cond: &'a Node,
    ) -> Result<Out<'a>, QueryError> {
        let mut out = Vec::new();
        for item in items {
            let keep = self.eval(cond, item)?;
            if is_truthy(&keep) {
                let r = self.eval(rhs, item)?;
                if !r.is_null() {
                    out.push(self.own(r)?);
                }
            }
        }
        Ok(Cow::Owned(Value::Array(out)))
    }

    fn flatten<'a>(&mut self, base: Out<'a>) -> Result<Out<'a>, QueryError> {
        let items: Vec<Value> = match base {
            Cow::Owned(Value::Array(items)) => items,
            Cow::Borrowed(b @ Value::Array(_)) => match self.own(Cow::Borrowed(b))? {
                Value::Array(items) => items,
                _ => return Ok(null()),
            },
            _ => return Ok(null()),
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::Array(inner) => out.extend(inner),
                other => out.push(other),
            }
        }
        Ok(Cow::Owned(Value::Array(out)))
    }
}

fn field<'a>(v: &'a Value, name: &str) -> Out<'a> {
    match v {
        Value::Object(map) => map.get(name).map_or_else(null, Cow::Borrowed),
        _ => null(),
    }
}

fn index(v: &Value, i: i64) -> Out<'_> {
    match v {
        Value::Array(items) => python_index(items.len(), i)
            .and_then(|idx| items.get(idx))
            .map_or_else(null, Cow::Borrowed),
        _ => null(),
    }
}

/// Comparison result; `None` (null) when an ordering is undefined.
fn compare(cmp: Cmp, left: &Value, right: &Value) -> Option<bool> {
    let ord = match cmp {
        Cmp::Eq => return Some(json_eq(left, right)),
        Cmp::Ne => return Some(!json_eq(left, right)),
        _ => {
            if !(STRING_ORDERING || left.is_number() && right.is_number()) {
                return None;
            }
            order(left, right)?
        }
    };
    Some(match cmp {
        Cmp::Lt => ord == Ordering::Less,
        Cmp::Lte => ord != Ordering::Greater,
        Cmp::Gt => ord == Ordering::Greater,
        _ => ord != Ordering::Less,
    })
}
