//! The syntax tree of a compiled expression. It mirrors the node kinds of
//! the Python `jmespath` library, whose evaluation order and quirks the
//! interpreter reproduces. Every node records its depth so the parser can
//! refuse trees deep enough to exhaust the stack when evaluated or dropped.

use serde_json::Value;

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cmp {
    Eq,
    Ne,
    Lt,
    Lte,
    Gt,
    Gte,
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub kind: Kind,
    /// 1 for a leaf, else 1 + the deepest child.
    pub depth: usize,
}

/// The node kinds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// `@`, and the implicit right-hand side of projections.
    Identity,
    Field(String),
    Index(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    Literal(Value),
    /// `a.b.c`: each child is applied to the result of the previous one.
    Subexpr(Vec<Node>),
    /// `a[0][1]`: evaluated like `Subexpr`, kept apart because the parser
    /// appends later bracket suffixes to it (as Python's parser does).
    IndexExpr(Vec<Node>),
    Pipe(Box<Node>, Box<Node>),
    /// `lhs[*]rhs`, slices and flatten: rhs applied to each element.
    Projection(Box<Node>, Box<Node>),
    /// `lhs.*rhs`: rhs applied to each value of an object.
    ValueProjection(Box<Node>, Box<Node>),
    /// `lhs[?cond]rhs`.
    FilterProjection(Box<Node>, Box<Node>, Box<Node>),
    Flatten(Box<Node>),
    MultiList(Vec<Node>),
    MultiHash(Vec<(String, Node)>),
    Or(Box<Node>, Box<Node>),
    And(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Compare(Cmp, Box<Node>, Box<Node>),
    Function(String, Vec<Node>),
    Expref(Box<Node>),
}

impl Node {
    /// Wraps a kind, computing its depth from its direct children.
    pub(crate) fn new(kind: Kind) -> Node {
        let child = match &kind {
            Kind::Identity
            | Kind::Field(_)
            | Kind::Index(_)
            | Kind::Slice(..)
            | Kind::Literal(_) => 0,
            Kind::Subexpr(v) | Kind::IndexExpr(v) | Kind::MultiList(v) | Kind::Function(_, v) => {
                v.iter().map(|n| n.depth).max().unwrap_or(0)
            }
            Kind::MultiHash(v) => v.iter().map(|(_, n)| n.depth).max().unwrap_or(0),
            Kind::Pipe(a, b)
            | Kind::Projection(a, b)
            | Kind::ValueProjection(a, b)
            | Kind::Or(a, b)
            | Kind::And(a, b)
            | Kind::Compare(_, a, b) => a.depth.max(b.depth),
            Kind::FilterProjection(a, b, c) => a.depth.max(b.depth).max(c.depth),
            Kind::Flatten(a) | Kind::Not(a) | Kind::Expref(a) => a.depth,
        };
        Node {
            kind,
            depth: child + 1,
        }
    }

    /// Appends a step to a `Subexpr` or `IndexExpr` node.
    pub(crate) fn append(&mut self, child: Node) {
        self.depth = self.depth.max(child.depth + 1);
        if let Kind::Subexpr(v) | Kind::IndexExpr(v) = &mut self.kind {
            v.push(child);
        }
    }

    pub(crate) fn identity() -> Node {
        Node::new(Kind::Identity)
    }
}
