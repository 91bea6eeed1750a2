//! Top-down operator precedence (Pratt) parser producing [`Node`] trees.
//! It follows the grammar and the error reporting of the Python `jmespath`
//! library used by the AWS CLI, so an expression is accepted or refused
//! exactly as there, with the same messages.

use super::QueryError;
use super::ast::{Cmp, Kind, Node};
use super::lexer::{Tok, Token, tokenize};

mod selects;

/// Deepest tree (and deepest parser recursion) accepted; far beyond any
/// real query, small enough that evaluation cannot exhaust the stack.
pub(crate) const MAX_DEPTH: usize = 128;

/// Binding powers of the tokens whose Python `nud`/`led` use them.
const BP_STAR: u8 = 20;
const BP_FILTER: u8 = 21;
const BP_FLATTEN: u8 = 9;
const BP_DOT: u8 = 40;
const BP_NOT: u8 = 45;
const BP_CMP: u8 = 5;
const PROJECTION_STOP: u8 = 10;

/// Parses a whole expression.
pub(crate) fn parse(expr: &str) -> Result<Node, QueryError> {
    let tokens = tokenize(expr)?;
    let mut p = Parser {
        expr,
        tokens,
        index: 0,
        nesting: 0,
    };
    let node = p.expression(0)?;
    if p.cur() != &Tok::Eof {
        let t = p.token(0);
        let msg = format!("Unexpected token: {}", t.tok.value_text());
        return Err(p.error_for(&t, &msg));
    }
    Ok(node)
}

struct Parser<'a> {
    expr: &'a str,
    tokens: Vec<Token>,
    index: usize,
    nesting: usize,
}

fn boxed(n: Node) -> Box<Node> {
    Box::new(n)
}

impl Parser<'_> {
    fn token(&self, ahead: usize) -> Token {
        match self.tokens.get(self.index + ahead) {
            Some(t) => t.clone(),
            None => Token {
                tok: Tok::Eof,
                start: self.expr.chars().count(),
            },
        }
    }

    fn cur(&self) -> &Tok {
        self.tokens.get(self.index).map_or(&Tok::Eof, |t| &t.tok)
    }

    fn peek(&self, ahead: usize) -> &Tok {
        self.tokens
            .get(self.index + ahead)
            .map_or(&Tok::Eof, |t| &t.tok)
    }

    fn advance(&mut self) {
        self.index += 1;
    }

    /// Python's `ParseError` text.
    fn error_at(&self, pos: usize, tok: &Tok, msg: &str) -> QueryError {
        QueryError::Parse(format!(
            "{msg}: Parse error at column {pos}, token \"{}\" ({}), for expression:\n\"{}\"\n{}^",
            tok.value_text(),
            tok.type_name().to_uppercase(),
            self.expr,
            " ".repeat(pos + 1)
        ))
    }

    fn error_for(&self, t: &Token, msg: &str) -> QueryError {
        self.error_at(t.start, &t.tok, msg)
    }

    /// Python's `IncompleteExpressionError` text.
    fn incomplete(&self) -> QueryError {
        QueryError::Parse(format!(
            "Invalid jmespath expression: Incomplete expression:\n\"{}\"\n{}^",
            self.expr,
            " ".repeat(self.expr.chars().count() + 1)
        ))
    }

    fn too_deep(&self) -> QueryError {
        let t = self.token(0);
        self.error_for(
            &t,
            &format!("Expression nested more than {MAX_DEPTH} levels deep"),
        )
    }

    /// Builds a node, refusing trees deeper than [`MAX_DEPTH`].
    fn mk(&self, kind: Kind) -> Result<Node, QueryError> {
        let node = Node::new(kind);
        if node.depth > MAX_DEPTH {
            Err(self.too_deep())
        } else {
            Ok(node)
        }
    }

    fn append(&self, mut left: Node, right: Node) -> Result<Node, QueryError> {
        left.append(right);
        if left.depth > MAX_DEPTH {
            Err(self.too_deep())
        } else {
            Ok(left)
        }
    }

    fn eat(&mut self, want: &Tok, name: &str) -> Result<(), QueryError> {
        if std::mem::discriminant(self.cur()) == std::mem::discriminant(want) {
            self.advance();
            return Ok(());
        }
        Err(self.error_maybe_eof(name))
    }

    fn error_maybe_eof(&self, expected: &str) -> QueryError {
        let t = self.token(0);
        if t.tok == Tok::Eof {
            return self.incomplete();
        }
        let msg = format!("Expecting: {expected}, got: {}", t.tok.type_name());
        self.error_for(&t, &msg)
    }

    fn expression(&mut self, bp: u8) -> Result<Node, QueryError> {
        if self.nesting >= MAX_DEPTH {
            return Err(self.too_deep());
        }
        self.nesting += 1;
        let result = self.expression_inner(bp);
        self.nesting -= 1;
        result
    }

    fn expression_inner(&mut self, bp: u8) -> Result<Node, QueryError> {
        let first = self.token(0);
        self.advance();
        let mut left = self.nud(first)?;
        while bp < self.cur().bp() {
            let t = self.token(0);
            self.advance();
            left = self.led(t, left)?;
        }
        Ok(left)
    }

    /// Null denotation: the token starts an expression. Longer arms are
    /// separate functions to keep this recursive frame small.
    fn nud(&mut self, t: Token) -> Result<Node, QueryError> {
        match t.tok {
            Tok::Literal(v) => self.mk(Kind::Literal(v)),
            Tok::Unquoted(name) => self.mk(Kind::Field(name)),
            Tok::Quoted(name) => self.nud_quoted(name),
            Tok::Star => self.nud_star(),
            Tok::Filter => self.led_filter(Node::identity()),
            Tok::Lbrace => self.multi_select_hash(),
            Tok::Lparen => self.nud_paren(),
            Tok::Flatten => self.led_flatten(Node::identity()),
            Tok::Not => self.nud_not(),
            Tok::Lbracket => self.nud_bracket(),
            Tok::Current => self.mk(Kind::Identity),
            Tok::Expref => self.nud_expref(),
            Tok::Eof => Err(self.incomplete()),
            _ => Err(self.error_for(&t, "invalid token")),
        }
    }

    fn nud_quoted(&mut self, name: String) -> Result<Node, QueryError> {
        if self.cur() == &Tok::Lparen {
            let next = self.token(0);
            let msg = "Quoted identifier not allowed for function names.";
            return Err(self.error_at(0, &next.tok, msg));
        }
        self.mk(Kind::Field(name))
    }

    fn nud_star(&mut self) -> Result<Node, QueryError> {
        let right = if self.cur() == &Tok::Rbracket {
            Node::identity()
        } else {
            self.projection_rhs(BP_STAR)?
        };
        self.mk(Kind::ValueProjection(boxed(Node::identity()), boxed(right)))
    }

    fn nud_paren(&mut self) -> Result<Node, QueryError> {
        let inner = self.expression(0)?;
        self.eat(&Tok::Rparen, "rparen")?;
        Ok(inner)
    }

    fn nud_not(&mut self) -> Result<Node, QueryError> {
        let inner = self.expression(BP_NOT)?;
        self.mk(Kind::Not(boxed(inner)))
    }

    fn nud_expref(&mut self) -> Result<Node, QueryError> {
        let inner = self.expression(0)?;
        self.mk(Kind::Expref(boxed(inner)))
    }

    fn nud_bracket(&mut self) -> Result<Node, QueryError> {
        match (self.cur(), self.peek(1)) {
            (Tok::Number(_) | Tok::Colon, _) => {
                let right = self.index_expression()?;
                self.project_if_slice(Node::identity(), right)
            }
            (Tok::Star, Tok::Rbracket) => {
                self.advance();
                self.advance();
                let right = self.projection_rhs(BP_STAR)?;
                self.mk(Kind::Projection(boxed(Node::identity()), boxed(right)))
            }
            _ => self.multi_select_list(),
        }
    }

    /// Left denotation: the token continues the expression `left`.
    fn led(&mut self, t: Token, left: Node) -> Result<Node, QueryError> {
        match t.tok {
            Tok::Dot => self.led_dot(left),
            Tok::Pipe | Tok::Or | Tok::And => self.led_binary(&t.tok, left),
            Tok::Lparen => self.led_function(left),
            Tok::Filter => self.led_filter(left),
            Tok::Eq => self.comparator(Cmp::Eq, left),
            Tok::Ne => self.comparator(Cmp::Ne, left),
            Tok::Lt => self.comparator(Cmp::Lt, left),
            Tok::Lte => self.comparator(Cmp::Lte, left),
            Tok::Gt => self.comparator(Cmp::Gt, left),
            Tok::Gte => self.comparator(Cmp::Gte, left),
            Tok::Flatten => self.led_flatten(left),
            Tok::Lbracket => self.led_bracket(left),
            // Tokens with a binding power but no led (`*`, `!`, `{`).
            _ => Err(self.error_for(&t, "invalid token")),
        }
    }

    fn led_dot(&mut self, left: Node) -> Result<Node, QueryError> {
        if self.cur() == &Tok::Star {
            self.advance();
            let right = self.projection_rhs(BP_DOT)?;
            return self.mk(Kind::ValueProjection(boxed(left), boxed(right)));
        }
        let right = self.dot_rhs(BP_DOT)?;
        if matches!(left.kind, Kind::Subexpr(_)) {
            self.append(left, right)
        } else {
            self.mk(Kind::Subexpr(vec![left, right]))
        }
    }

    fn led_binary(&mut self, tok: &Tok, left: Node) -> Result<Node, QueryError> {
        let right = boxed(self.expression(tok.bp())?);
        let left = boxed(left);
        self.mk(match tok {
            Tok::Pipe => Kind::Pipe(left, right),
            Tok::Or => Kind::Or(left, right),
            _ => Kind::And(left, right),
        })
    }

    fn led_flatten(&mut self, left: Node) -> Result<Node, QueryError> {
        let flat = self.mk(Kind::Flatten(boxed(left)))?;
        let right = self.projection_rhs(BP_FLATTEN)?;
        self.mk(Kind::Projection(boxed(flat), boxed(right)))
    }

    fn led_bracket(&mut self, left: Node) -> Result<Node, QueryError> {
        if matches!(self.cur(), Tok::Number(_) | Tok::Colon) {
            let right = self.index_expression()?;
            if matches!(left.kind, Kind::IndexExpr(_)) {
                return self.append(left, right);
            }
            return self.project_if_slice(left, right);
        }
        self.eat(&Tok::Star, "star")?;
        self.eat(&Tok::Rbracket, "rbracket")?;
        let right = self.projection_rhs(BP_STAR)?;
        self.mk(Kind::Projection(boxed(left), boxed(right)))
    }

    fn led_function(&mut self, left: Node) -> Result<Node, QueryError> {
        let Kind::Field(name) = left.kind else {
            // The token before '(' names the bad function.
            let prev = match self.index.checked_sub(2).and_then(|i| self.tokens.get(i)) {
                Some(t) => t.clone(),
                None => self.token(0),
            };
            let msg = format!("Invalid function name '{}'", prev.tok.value_text());
            return Err(self.error_for(&prev, &msg));
        };
        let mut args = Vec::new();
        while self.cur() != &Tok::Rparen {
            let arg = self.expression(0)?;
            if self.cur() == &Tok::Comma {
                self.advance();
            }
            args.push(arg);
        }
        self.advance();
        self.mk(Kind::Function(name, args))
    }

    fn led_filter(&mut self, left: Node) -> Result<Node, QueryError> {
        let condition = self.expression(0)?;
        self.eat(&Tok::Rbracket, "rbracket")?;
        let right = if self.cur() == &Tok::Flatten {
            Node::identity()
        } else {
            self.projection_rhs(BP_FILTER)?
        };
        self.mk(Kind::FilterProjection(
            boxed(left),
            boxed(right),
            boxed(condition),
        ))
    }

    fn comparator(&mut self, cmp: Cmp, left: Node) -> Result<Node, QueryError> {
        let right = self.expression(BP_CMP)?;
        self.mk(Kind::Compare(cmp, boxed(left), boxed(right)))
    }
}
