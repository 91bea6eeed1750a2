//! The parts of the parser for bracket and brace forms: index and slice
//! expressions, multi-select lists and hashes, and the right-hand sides
//! of projections and dots (Python `jmespath` rules and messages).

use super::{BP_STAR, PROJECTION_STOP, Parser, boxed};
use crate::cli::query::QueryError;
use crate::cli::query::ast::{Kind, Node};
use crate::cli::query::lexer::Tok;

impl Parser<'_> {
    /// After `[` when the next token is a number or a colon.
    pub(super) fn index_expression(&mut self) -> Result<Node, QueryError> {
        if self.peek(0) == &Tok::Colon || self.peek(1) == &Tok::Colon {
            return self.slice_expression();
        }
        let t = self.token(0);
        let Tok::Number(n) = t.tok else {
            return Err(self.error_for(&t, "syntax error"));
        };
        self.advance();
        self.eat(&Tok::Rbracket, "rbracket")?;
        self.mk(Kind::Index(n))
    }

    fn slice_expression(&mut self) -> Result<Node, QueryError> {
        let mut parts: [Option<i64>; 3] = [None, None, None];
        let mut index = 0usize;
        while self.cur() != &Tok::Rbracket && index < 3 {
            match *self.cur() {
                Tok::Colon => {
                    index += 1;
                    if index == 3 {
                        let t = self.token(0);
                        return Err(self.error_for(&t, "syntax error"));
                    }
                    self.advance();
                }
                Tok::Number(n) => {
                    if let Some(slot) = parts.get_mut(index) {
                        *slot = Some(n);
                    }
                    self.advance();
                }
                _ => {
                    let t = self.token(0);
                    return Err(self.error_for(&t, "syntax error"));
                }
            }
        }
        self.eat(&Tok::Rbracket, "rbracket")?;
        let [start, stop, step] = parts;
        self.mk(Kind::Slice(start, stop, step))
    }

    pub(super) fn project_if_slice(&mut self, left: Node, right: Node) -> Result<Node, QueryError> {
        let is_slice = matches!(right.kind, Kind::Slice(..));
        let index_expr = self.mk(Kind::IndexExpr(vec![left, right]))?;
        if is_slice {
            let rhs = self.projection_rhs(BP_STAR)?;
            return self.mk(Kind::Projection(boxed(index_expr), boxed(rhs)));
        }
        Ok(index_expr)
    }

    pub(super) fn multi_select_list(&mut self) -> Result<Node, QueryError> {
        let mut items = Vec::new();
        loop {
            items.push(self.expression(0)?);
            if self.cur() == &Tok::Rbracket {
                break;
            }
            self.eat(&Tok::Comma, "comma")?;
        }
        self.eat(&Tok::Rbracket, "rbracket")?;
        self.mk(Kind::MultiList(items))
    }

    pub(super) fn multi_select_hash(&mut self) -> Result<Node, QueryError> {
        let mut pairs = Vec::new();
        loop {
            let key = match self.cur() {
                Tok::Quoted(k) | Tok::Unquoted(k) => k.clone(),
                _ => {
                    return Err(
                        self.error_maybe_eof("['quoted_identifier', 'unquoted_identifier']")
                    );
                }
            };
            self.advance();
            self.eat(&Tok::Colon, "colon")?;
            let value = self.expression(0)?;
            pairs.push((key, value));
            match self.cur() {
                Tok::Comma => self.advance(),
                Tok::Rbrace => {
                    self.advance();
                    break;
                }
                _ => {}
            }
        }
        self.mk(Kind::MultiHash(pairs))
    }

    pub(super) fn projection_rhs(&mut self, bp: u8) -> Result<Node, QueryError> {
        match self.cur() {
            t if t.bp() < PROJECTION_STOP => Ok(Node::identity()),
            Tok::Lbracket | Tok::Filter => self.expression(bp),
            Tok::Dot => {
                self.advance();
                self.dot_rhs(bp)
            }
            _ => {
                let t = self.token(0);
                Err(self.error_for(&t, "syntax error"))
            }
        }
    }

    pub(super) fn dot_rhs(&mut self, bp: u8) -> Result<Node, QueryError> {
        match self.cur() {
            Tok::Quoted(_) | Tok::Unquoted(_) | Tok::Star => self.expression(bp),
            Tok::Lbracket => {
                self.advance();
                self.multi_select_list()
            }
            Tok::Lbrace => {
                self.advance();
                self.multi_select_hash()
            }
            other => {
                let msg = format!(
                    "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: {}",
                    other.type_name()
                );
                let t = self.token(0);
                Err(self.error_for(&t, &msg))
            }
        }
    }
}
