//! The scanner: a cursor over the expression text that the parser drives, because what a
//! token is depends on where it stands (a bare argument like `t2.*` or `service:production`
//! is one word, but `==` after a subject is an operator). Offsets are byte offsets.

use super::ast::Operator;
use super::error::{ErrorKind, QueryLanguageError};

/// One argument as written: its text (quotes removed), where its text starts, and whether it
/// was quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Arg {
    pub(crate) offset: usize,
    pub(crate) text: String,
    pub(crate) quoted: bool,
}

pub(crate) struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

/// Characters that end a subject word.
fn ends_subject(c: char) -> bool {
    c.is_whitespace() || "()=!<>~[],'\"&|".contains(c)
}

/// Symbol forms, longest first. `!exists` and `!in` also need a word boundary after them.
const SYMBOLS: [(&str, Operator); 10] = [
    ("!exists", Operator::NotExists),
    ("!in", Operator::NotIn),
    ("!=", Operator::Ne),
    ("!~", Operator::NotMatches),
    ("==", Operator::Eq),
    ("=~", Operator::Matches),
    (">=", Operator::Ge),
    ("<=", Operator::Le),
    (">", Operator::Gt),
    ("<", Operator::Lt),
];

impl<'a> Lexer<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    pub(crate) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub(crate) fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// Consumes `s` if the text continues with it.
    pub(crate) fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Whether a keyword (`and`, `or`, `not`; any letter case) comes next, followed by the end,
    /// whitespace, `(` or `!`.
    pub(crate) fn at_keyword(&self, kw: &str) -> bool {
        let rest = self.rest();
        let head = rest
            .get(..kw.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(kw));
        let after = rest.get(kw.len()..).and_then(|r| r.chars().next());
        head && after.is_none_or(|c| c.is_whitespace() || c == '(' || c == '!')
    }

    pub(crate) fn eat_keyword(&mut self, kw: &str) -> bool {
        let found = self.at_keyword(kw);
        if found {
            self.pos += kw.len();
        }
        found
    }

    /// Whether `&&`, `||`, `and` or `or` comes next.
    pub(crate) fn at_boolean_operator(&self) -> bool {
        let rest = self.rest();
        rest.starts_with("&&")
            || rest.starts_with("||")
            || self.at_keyword("and")
            || self.at_keyword("or")
    }

    /// The subject word at the cursor (possibly empty) and its offset.
    pub(crate) fn subject_word(&mut self) -> (usize, &'a str) {
        let start = self.pos;
        while self.peek().is_some_and(|c| !ends_subject(c)) {
            self.bump();
        }
        (start, self.src.get(start..self.pos).unwrap_or(""))
    }

    /// The operator at the cursor, in symbol or word form (word forms in any letter case).
    pub(crate) fn operator(&mut self) -> Result<(usize, Operator), QueryLanguageError> {
        let start = self.pos;
        let rest = self.rest();
        for (sym, op) in SYMBOLS {
            if let Some(after) = rest.strip_prefix(sym) {
                let needs_boundary = sym.ends_with(|c: char| c.is_ascii_alphabetic());
                let next = after.chars().next();
                if !needs_boundary || next.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
                    self.pos += sym.len();
                    return Ok((start, op));
                }
            }
        }
        let word_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let word = rest.get(..word_len).unwrap_or("");
        if let Some(op) = (!word.is_empty())
            .then(|| Operator::from_word(word))
            .flatten()
        {
            self.pos += word_len;
            return Ok((start, op));
        }
        let shown = if word.is_empty() {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            rest.get(..len).unwrap_or("")
        } else {
            word
        };
        let message = if shown.is_empty() {
            "missing operator: expected one of ==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ \
             (or their word forms)"
                .to_string()
        } else {
            format!(
                "unknown operator '{shown}': expected one of ==, !=, >, >=, <, <=, exists, !exists, in, \
                 !in, =~, !~ (or equals, not_equals, greater_than, greater_than_equal, less_than, \
                 less_than_equal, not_exists, not_in, matches, not_matches)"
            )
        };
        Err(QueryLanguageError::new(
            ErrorKind::UnknownOperator,
            start,
            message,
        ))
    }

    fn quoted(&mut self) -> Result<Arg, QueryLanguageError> {
        let start = self.pos;
        let quote = self.bump().unwrap_or('\'');
        let body_start = self.pos;
        let rest = self.rest();
        match rest.find(quote) {
            Some(len) => {
                self.pos += len + quote.len_utf8();
                Ok(Arg {
                    offset: body_start,
                    text: rest.get(..len).unwrap_or("").to_string(),
                    quoted: true,
                })
            }
            None => Err(QueryLanguageError::new(
                ErrorKind::UnterminatedQuote,
                start,
                format!("the quoted argument starting here has no closing {quote}"),
            )),
        }
    }

    fn paren_error(&self) -> QueryLanguageError {
        QueryLanguageError::new(
            ErrorKind::ParenthesisInSimpleExpression,
            self.pos,
            "a simple expression can't contain parentheses (quote the argument if it contains them)",
        )
    }

    /// A single argument: quoted, or a bare word ending at whitespace, a parenthesis, `&&` or
    /// `||` (and, unless `regex`, at `[ ] ,` or a quote). `None` when no argument is there
    /// (end of text, `)`, or a boolean operator).
    pub(crate) fn scalar(&mut self, regex: bool) -> Result<Option<Arg>, QueryLanguageError> {
        self.skip_ws();
        match self.peek() {
            None | Some(')') => return Ok(None),
            Some('\'' | '"') => return self.quoted().map(Some),
            Some('(') => return Err(self.paren_error()),
            _ if self.at_boolean_operator() => return Ok(None),
            _ => {}
        }
        let start = self.pos;
        while let Some(c) = self.peek() {
            let rest = self.rest();
            let stop = c.is_whitespace()
                || c == '('
                || c == ')'
                || rest.starts_with("&&")
                || rest.starts_with("||")
                || (!regex && "[],'\"".contains(c));
            if stop {
                break;
            }
            self.bump();
        }
        if self.peek() == Some('(') {
            return Err(self.paren_error());
        }
        let text = self.src.get(start..self.pos).unwrap_or("");
        if text.is_empty() {
            let found = self.peek().map(String::from).unwrap_or_default();
            return Err(QueryLanguageError::new(
                ErrorKind::UnexpectedToken,
                start,
                format!("unexpected '{found}' where an argument was expected"),
            ));
        }
        Ok(Some(Arg {
            offset: start,
            text: text.to_string(),
            quoted: false,
        }))
    }

    /// An argument list `[a, 'b', "c d"]`; the cursor is on `[`. Bare items end at `,` or `]`
    /// and are trimmed, so they may contain inner spaces.
    pub(crate) fn list(&mut self) -> Result<Vec<Arg>, QueryLanguageError> {
        let open = self.pos;
        self.bump();
        let unclosed = || {
            QueryLanguageError::new(
                ErrorKind::InvalidArgument,
                open,
                "the argument list has no closing ']'",
            )
        };
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            let item_at = self.pos;
            match self.peek() {
                None => return Err(unclosed()),
                Some('(' | ')') => return Err(self.paren_error()),
                Some(']' | ',') => {
                    let message = if items.is_empty() && self.peek() == Some(']') {
                        "the argument list is empty: write at least one value, like [a, b]"
                    } else {
                        "empty value in the argument list"
                    };
                    return Err(QueryLanguageError::new(
                        ErrorKind::InvalidArgument,
                        item_at,
                        message,
                    ));
                }
                Some('[') => {
                    return Err(QueryLanguageError::new(
                        ErrorKind::InvalidArgument,
                        item_at,
                        "argument lists can't be nested",
                    ));
                }
                Some('\'' | '"') => items.push(self.quoted()?),
                Some(_) => {
                    while self.peek().is_some_and(|c| !"[],()'\"".contains(c)) {
                        self.bump();
                    }
                    let text = self.src.get(item_at..self.pos).unwrap_or("").trim_end();
                    items.push(Arg {
                        offset: item_at,
                        text: text.to_string(),
                        quoted: false,
                    });
                }
            }
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {
                    self.bump();
                    return Ok(items);
                }
                None => return Err(unclosed()),
                Some('(' | ')') => return Err(self.paren_error()),
                Some(c) => {
                    return Err(QueryLanguageError::new(
                        ErrorKind::UnexpectedToken,
                        self.pos,
                        format!("expected ',' or ']' in the argument list, found '{c}'"),
                    ));
                }
            }
        }
    }
}
