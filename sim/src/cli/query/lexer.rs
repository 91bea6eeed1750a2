//! Tokenizer for JMESPath expressions, modelled on the behaviour of the
//! Python `jmespath` library (the one the AWS CLI uses): the same token
//! kinds, the same positions (counted in characters) and the same error
//! texts, including the deprecated ``` `foo` ``` literal form that is read
//! as the string `"foo"`.

use serde_json::Value;

use super::QueryError;
use super::pyfmt;

/// One kind of token, with its payload.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Dot,
    Star,
    Rbracket,
    Comma,
    Colon,
    Current,
    Lparen,
    Rparen,
    Lbrace,
    Rbrace,
    Lbracket,
    Flatten,
    Filter,
    Pipe,
    Or,
    And,
    Expref,
    Not,
    Lt,
    Lte,
    Gt,
    Gte,
    Eq,
    Ne,
    Number(i64),
    Unquoted(String),
    Quoted(String),
    Literal(Value),
    Eof,
}

impl Tok {
    /// The token type as the Python library names it.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Tok::Dot => "dot",
            Tok::Star => "star",
            Tok::Rbracket => "rbracket",
            Tok::Comma => "comma",
            Tok::Colon => "colon",
            Tok::Current => "current",
            Tok::Lparen => "lparen",
            Tok::Rparen => "rparen",
            Tok::Lbrace => "lbrace",
            Tok::Rbrace => "rbrace",
            Tok::Lbracket => "lbracket",
            Tok::Flatten => "flatten",
            Tok::Filter => "filter",
            Tok::Pipe => "pipe",
            Tok::Or => "or",
            Tok::And => "and",
            Tok::Expref => "expref",
            Tok::Not => "not",
            Tok::Lt => "lt",
            Tok::Lte => "lte",
            Tok::Gt => "gt",
            Tok::Gte => "gte",
            Tok::Eq => "eq",
            Tok::Ne => "ne",
            Tok::Number(_) => "number",
            Tok::Unquoted(_) => "unquoted_identifier",
            Tok::Quoted(_) => "quoted_identifier",
            Tok::Literal(_) => "literal",
            Tok::Eof => "eof",
        }
    }

    /// The token value as Python's `str()` would print it in an error.
    pub(crate) fn value_text(&self) -> String {
        let s = match self {
            Tok::Dot => ".",
            Tok::Star => "*",
            Tok::Rbracket => "]",
            Tok::Comma => ",",
            Tok::Colon => ":",
            Tok::Current => "@",
            Tok::Lparen => "(",
            Tok::Rparen => ")",
            Tok::Lbrace => "{",
            Tok::Rbrace => "}",
            Tok::Lbracket => "[",
            Tok::Flatten => "[]",
            Tok::Filter => "[?",
            Tok::Pipe => "|",
            Tok::Or => "||",
            Tok::And => "&&",
            Tok::Expref => "&",
            Tok::Not => "!",
            Tok::Lt => "<",
            Tok::Lte => "<=",
            Tok::Gt => ">",
            Tok::Gte => ">=",
            Tok::Eq => "==",
            Tok::Ne => "!=",
            Tok::Eof => "",
            Tok::Number(n) => return n.to_string(),
            Tok::Unquoted(s) | Tok::Quoted(s) => return s.clone(),
            Tok::Literal(v) => return pyfmt::py_str(v),
        };
        s.to_string()
    }

    /// Left binding power used by the Pratt parser.
    pub(crate) fn bp(&self) -> u8 {
        match self {
            Tok::Pipe => 1,
            Tok::Or => 2,
            Tok::And => 3,
            Tok::Eq | Tok::Ne | Tok::Lt | Tok::Lte | Tok::Gt | Tok::Gte => 5,
            Tok::Flatten => 9,
            Tok::Star => 20,
            Tok::Filter => 21,
            Tok::Dot => 40,
            Tok::Not => 45,
            Tok::Lbrace => 50,
            Tok::Lbracket => 55,
            Tok::Lparen => 60,
            _ => 0,
        }
    }
}

/// A token and the character position where it starts.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub tok: Tok,
    pub start: usize,
}

/// Builds the error Python's `LexerError` prints.
pub(crate) fn lexer_error(expr: &str, position: usize, message: &str) -> QueryError {
    QueryError::Parse(format!(
        "Bad jmespath expression: {message}:\n{expr}\n{}^",
        " ".repeat(position)
    ))
}

/// Splits `expr` into tokens; the last one is always `Eof`.
pub(crate) fn tokenize(expr: &str) -> Result<Vec<Token>, QueryError> {
    if expr.is_empty() {
        return Err(QueryError::Parse(
            "Invalid JMESPath expression: cannot be empty.".to_string(),
        ));
    }
    let chars: Vec<char> = expr.chars().collect();
    let mut lx = Lexer {
        expr,
        chars: &chars,
        pos: 0,
        out: Vec::new(),
    };
    lx.run()?;
    Ok(lx.out)
}

struct Lexer<'a> {
    expr: &'a str,
    chars: &'a [char],
    pos: usize,
    out: Vec<Token>,
}

impl Lexer<'_> {
    fn cur(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.out.push(Token { tok, start });
    }

    fn run(&mut self) -> Result<(), QueryError> {
        while let Some(c) = self.cur() {
            let start = self.pos;
            let simple = match c {
                '.' => Some(Tok::Dot),
                '*' => Some(Tok::Star),
                ']' => Some(Tok::Rbracket),
                ',' => Some(Tok::Comma),
                ':' => Some(Tok::Colon),
                '@' => Some(Tok::Current),
                '(' => Some(Tok::Lparen),
                ')' => Some(Tok::Rparen),
                '{' => Some(Tok::Lbrace),
                '}' => Some(Tok::Rbrace),
                _ => None,
            };
            if let Some(tok) = simple {
                self.pos += 1;
                self.push(tok, start);
                continue;
            }
            match c {
                'a'..='z' | 'A'..='Z' | '_' => {
                    let mut s = String::new();
                    while let Some(ch) = self
                        .cur()
                        .filter(|ch| ch.is_ascii_alphanumeric() || *ch == '_')
                    {
                        s.push(ch);
                        self.pos += 1;
                    }
                    self.push(Tok::Unquoted(s), start);
                }
                ' ' | '\t' | '\n' | '\r' => self.pos += 1,
                '[' => {
                    self.pos += 1;
                    let tok = match self.cur() {
                        Some(']') => {
                            self.pos += 1;
                            Tok::Flatten
                        }
                        Some('?') => {
                            self.pos += 1;
                            Tok::Filter
                        }
                        _ => Tok::Lbracket,
                    };
                    self.push(tok, start);
                }
                '\'' => {
                    let raw = self.consume_until('\'')?;
                    self.push(Tok::Literal(Value::String(raw.replace("\\'", "'"))), start);
                }
                '|' => self.match_or_else('|', Tok::Or, Tok::Pipe),
                '&' => self.match_or_else('&', Tok::And, Tok::Expref),
                '<' => self.match_or_else('=', Tok::Lte, Tok::Lt),
                '>' => self.match_or_else('=', Tok::Gte, Tok::Gt),
                '!' => self.match_or_else('=', Tok::Ne, Tok::Not),
                '`' => {
                    let tok = self.consume_literal()?;
                    self.push(tok, start);
                }
                '0'..='9' | '-' => {
                    let mut buff = String::from(c);
                    self.pos += 1;
                    while let Some(d) = self.cur().filter(char::is_ascii_digit) {
                        buff.push(d);
                        self.pos += 1;
                    }
                    if buff == "-" {
                        return Err(lexer_error(self.expr, start, "Unknown token '-'"));
                    }
                    self.push(Tok::Number(parse_saturating(&buff)), start);
                }
                '"' => {
                    let tok = self.consume_quoted_identifier()?;
                    self.push(tok, start);
                }
                '=' => {
                    self.pos += 1;
                    if self.cur() == Some('=') {
                        self.pos += 1;
                        self.push(Tok::Eq, start);
                    } else {
                        return Err(lexer_error(self.expr, start, "Unknown token '='"));
                    }
                }
                other => {
                    return Err(lexer_error(
                        self.expr,
                        start,
                        &format!("Unknown token {other}"),
                    ));
                }
            }
        }
        self.push(Tok::Eof, self.chars.len());
        Ok(())
    }

    fn match_or_else(&mut self, expected: char, matched: Tok, otherwise: Tok) {
        let start = self.pos;
        self.pos += 1;
        if self.cur() == Some(expected) {
            self.pos += 1;
            self.push(matched, start);
        } else {
            self.push(otherwise, start);
        }
    }

    /// Consumes from the opening `delim` to the closing one; a backslash
    /// keeps the next character (and itself) in the returned text.
    fn consume_until(&mut self, delim: char) -> Result<String, QueryError> {
        let start = self.pos;
        let mut buff = String::new();
        self.pos += 1;
        loop {
            let mut c = self.cur();
            if c == Some(delim) {
                break;
            }
            if c == Some('\\') {
                buff.push('\\');
                self.pos += 1;
                c = self.cur();
            }
            let Some(ch) = c else {
                return Err(lexer_error(
                    self.expr,
                    start,
                    &format!("Unclosed {delim} delimiter"),
                ));
            };
            buff.push(ch);
            self.pos += 1;
        }
        self.pos += 1;
        Ok(buff)
    }

    fn consume_literal(&mut self) -> Result<Tok, QueryError> {
        let start = self.pos;
        let lexeme = self.consume_until('`')?.replace("\\`", "`");
        if let Ok(v) = serde_json::from_str::<Value>(&lexeme) {
            return Ok(Tok::Literal(v));
        }
        // Deprecated form (JEP-12): an invalid JSON literal is read as the
        // JSON string of its text, e.g. `foo` is "foo".
        let quoted = format!("\"{}\"", lexeme.trim_start());
        match serde_json::from_str::<Value>(&quoted) {
            Ok(v) => Ok(Tok::Literal(v)),
            Err(_) => Err(lexer_error(
                self.expr,
                start,
                &format!("Bad token {lexeme}"),
            )),
        }
    }

    fn consume_quoted_identifier(&mut self) -> Result<Tok, QueryError> {
        let start = self.pos;
        let lexeme = format!("\"{}\"", self.consume_until('"')?);
        match serde_json::from_str::<Value>(&lexeme) {
            Ok(Value::String(s)) => Ok(Tok::Quoted(s)),
            Ok(_) => Err(lexer_error(self.expr, start, "Invalid quoted identifier")),
            Err(_) => Err(lexer_error(self.expr, start, python_json_error(&lexeme))),
        }
    }
}

/// The first part (before the colon) of the message Python's json module
/// gives for a bad quoted identifier (`lexeme` includes the quotes).
fn python_json_error(lexeme: &str) -> &'static str {
    let mut chars = lexeme.chars().skip(1);
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('u') => {
                    let hex: String = chars.clone().take(4).collect();
                    if hex.len() != 4 || !hex.chars().all(|h| h.is_ascii_hexdigit()) {
                        return "Invalid \\uXXXX escape";
                    }
                }
                Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') => {}
                _ => return "Invalid \\escape",
            },
            c if u32::from(c) < 0x20 => return "Invalid control character at",
            _ => {}
        }
    }
    "Invalid quoted identifier"
}

/// Parses an optionally negative run of digits, saturating at the i64
/// bounds (a larger index or slice bound behaves the same as the bound).
fn parse_saturating(text: &str) -> i64 {
    let (neg, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut acc: i64 = 0;
    for d in digits.bytes() {
        let digit = i64::from(d.saturating_sub(b'0'));
        acc = acc.saturating_mul(10).saturating_add(digit);
    }
    if neg { acc.saturating_neg() } else { acc }
}
