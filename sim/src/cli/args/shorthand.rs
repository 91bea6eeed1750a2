//! The AWS CLI's shorthand syntax parser (`awscli/shorthand.py`, `ShorthandParser`), ported rule by rule:
//! `a=b,c=d`, csv lists `a=b,c`, explicit lists `[..]`, hash literals `{..}`, quoted values, `\,` escapes,
//! `key@=file://…` paramfiles, and the caret-style `ShorthandParseError` messages. It is purely syntactic;
//! `backcompat.rs` then fits the result to the model.

use super::paramfile::get_paramfile;
use super::pyvalue::{Py, PyDict, py_isspace};
use crate::workspace::Workspace;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ShorthandFail {
    /// A `ShorthandParseError`: the CLI prints `Error parsing parameter '--x': ` and this text.
    Parse(String),
    /// An exception the CLI does not catch here (a `ResourceLoadingError` from `key@=file://…`, or
    /// Python's `RecursionError` for absurdly deep nesting): printed as is, exit 255.
    Uncaught(String),
}

enum Fail {
    /// `ShorthandParseSyntaxError`, the one `_csv_value` backtracks on.
    Syntax(String),
    Other(ShorthandFail),
}

/// `ShorthandParser().parse(value)`.
pub(crate) fn parse(value: &str, files: &dyn Workspace) -> Result<PyDict, ShorthandFail> {
    let mut p = Parser { s: value.chars().collect(), i: 0, resolve: false, depth: 0, files };
    p.parameter().map_err(|f| match f {
        Fail::Syntax(m) => ShorthandFail::Parse(m),
        Fail::Other(o) => o,
    })
}

/// `ShorthandParseError._error_location`.
fn error_location(s: &[char], index: usize) -> String {
    let index = index.min(s.len());
    let (head, tail) = s.split_at(index);
    let num_spaces = match head.iter().rposition(|c| *c == '\n') {
        Some(nl) => index - nl - 1,
        None => index,
    };
    let (consumed, remaining) = match tail.iter().position(|c| *c == '\n') {
        Some(nl) => s.split_at(index + nl),
        None => (s, &[] as &[char]),
    };
    let consumed: String = consumed.iter().collect();
    let remaining: String = remaining.iter().collect();
    format!("{consumed}\n{}^{remaining}", " ".repeat(num_spaces))
}

fn start_word(c: char) -> bool {
    matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2B | 0x2D..=0x3C | 0x3E..=0x5A | 0x5C..=0x7A | 0x7C..=0xFFFF)
}

fn first_follow(c: char) -> bool {
    py_isspace(c) || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2B | 0x2D..=0x5C | 0x5E..=0x7C | 0x7E..=0xFFFF)
}

fn second_follow(c: char) -> bool {
    py_isspace(c) || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2B | 0x2D..=0x3C | 0x3E..=0xFFFF)
}

/// `string.whitespace`.
fn ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

struct Parser<'a> {
    s: Vec<char>,
    i: usize,
    resolve: bool,
    depth: usize,
    files: &'a dyn Workspace,
}

/// Nesting beyond this fails like Python's `RecursionError` (the real parser allows a few hundred levels
/// more); it keeps the later recursive walks within WebAssembly's 1 MiB stack.
const MAX_DEPTH: usize = 200;

impl Parser<'_> {
    fn current(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn at_eof(&self) -> bool {
        self.i >= self.s.len()
    }

    fn syntax(&self, expected: &str, actual: &str, index: usize) -> Fail {
        Fail::Syntax(format!(
            "Expected: '{expected}', received: '{actual}' for input:\n{}",
            error_location(&self.s, index)
        ))
    }

    fn consume_ws(&mut self) {
        while self.current().is_some_and(ascii_ws) {
            self.i += 1;
        }
    }

    fn expect(&mut self, ch: char, ws: bool) -> Result<(), Fail> {
        if ws {
            self.consume_ws();
        }
        match self.current() {
            None => return Err(self.syntax(&ch.to_string(), "EOF", self.i)),
            Some(actual) if actual != ch => return Err(self.syntax(&ch.to_string(), &actual.to_string(), self.i)),
            Some(_) => self.i += 1,
        }
        if ws {
            self.consume_ws();
        }
        Ok(())
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.s.get(from..to).unwrap_or_default().iter().collect()
    }

    fn parameter(&mut self) -> Result<PyDict, Fail> {
        let mut params = PyDict::new(false);
        let (key, val) = self.keyval()?;
        params.set(&key, val);
        let mut last_index = self.i;
        while self.i < self.s.len() {
            self.expect(',', true)?;
            let (key, val) = self.keyval()?;
            if params.contains(&key) {
                return Err(Fail::Other(ShorthandFail::Parse(format!(
                    "Second instance of key \"{key}\" encountered for input:\n{}\nThis is often because there is a \
                     preceding \",\" instead of a space.",
                    error_location(&self.s, last_index + 1)
                ))));
            }
            params.set(&key, val);
            last_index = self.i;
        }
        Ok(params)
    }

    /// `key "=" values` or `key "@=" values` (the latter resolves `file://` values).
    fn key_and_assign(&mut self) -> Result<String, Fail> {
        let key = self.key();
        self.resolve = self.expect('@', true).is_ok();
        self.expect('=', true)?;
        Ok(key)
    }

    fn keyval(&mut self) -> Result<(String, Py), Fail> {
        let key = self.key_and_assign()?;
        let values = self.values()?;
        Ok((key, values))
    }

    fn key(&mut self) -> String {
        let start = self.i;
        while self.current().is_some_and(key_char) {
            self.i += 1;
        }
        self.text(start, self.i)
    }

    fn values(&mut self) -> Result<Py, Fail> {
        match self.current() {
            None => Ok(Py::str("")),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(),
        }
    }

    fn csv_value(&mut self) -> Result<Py, Fail> {
        let first = self.first_value()?;
        self.consume_ws();
        if self.current() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut list = vec![first.clone()];
        loop {
            let attempt = self.second_value().and_then(|current| {
                self.consume_ws();
                if self.at_eof() {
                    return Ok((current, true));
                }
                self.expect(',', true)?;
                Ok((current, false))
            });
            match attempt {
                Ok((current, done)) => {
                    list.push(current);
                    if done {
                        break;
                    }
                }
                Err(Fail::Syntax(m)) => {
                    if self.at_eof() {
                        return Err(Fail::Syntax(m));
                    }
                    while self.i > 0 && self.current() != Some(',') {
                        self.i -= 1;
                    }
                    break;
                }
                Err(other) => return Err(other),
            }
        }
        Ok(if list.len() == 1 { first } else { Py::List(list) })
    }

    /// Length of the `_FIRST_VALUE`/`_SECOND_VALUE` regex match at the cursor (0: no match).
    fn word_len(&self, follow: fn(char) -> bool) -> usize {
        let mut j = self.i;
        let mut first = true;
        loop {
            if self.s.get(j) == Some(&'\\') && self.s.get(j + 1) == Some(&',') {
                j += 2;
            } else if self.s.get(j).is_some_and(|c| if first { start_word(*c) } else { follow(*c) }) {
                j += 1;
            } else {
                break;
            }
            first = false;
        }
        j - self.i
    }

    fn finish_word(&mut self, len: usize) -> Result<Py, Fail> {
        let consumed = self.text(self.i, self.i + len);
        self.i += len;
        let processed = consumed.replace("\\,", ",").trim_end_matches(py_isspace).to_string();
        self.resolve_paramfile(processed)
    }

    fn value(&mut self) -> Result<Py, Fail> {
        let len = self.word_len(first_follow);
        if len == 0 {
            return Ok(Py::str(""));
        }
        self.finish_word(len)
    }

    fn second_value(&mut self) -> Result<Py, Fail> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => {
                let len = self.word_len(second_follow);
                if len == 0 {
                    return Err(self.syntax("<second>", "<none>", self.i));
                }
                self.finish_word(len)
            }
        }
    }

    fn first_value(&mut self) -> Result<Py, Fail> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => self.value(),
        }
    }

    /// `_SINGLE_QUOTED` / `_DOUBLE_QUOTED`: `q(?:\\q|[^q])*q`, with the regex engine's backtracking.
    fn quoted(&mut self, q: char) -> Result<Py, Fail> {
        let name = if q == '\'' { "singled quoted" } else { "double quoted" };
        let mut j = self.i + 1;
        let mut last_escape = None;
        let end = loop {
            match self.s.get(j) {
                Some('\\') if self.s.get(j + 1) == Some(&q) => {
                    last_escape = Some(j + 1);
                    j += 2;
                }
                Some(c) if *c == q => break Some(j),
                Some(_) => j += 1,
                None => break last_escape,
            }
        };
        let Some(end) = end else { return Err(self.syntax(&format!("<{name}>"), "<none>", self.i)) };
        let inner = self.text(self.i + 1, end);
        self.i = end + 1;
        let value = inner.replace(&format!("\\{q}"), &q.to_string()).replace("\\\\", "\\");
        self.resolve_paramfile(value)
    }

    fn resolve_paramfile(&self, value: String) -> Result<Py, Fail> {
        if !self.resolve {
            return Ok(Py::Str(value));
        }
        match get_paramfile(&value, self.files) {
            Ok(Some(content)) => Ok(content),
            Ok(None) => Ok(Py::Str(value)),
            Err(e) => Err(Fail::Other(ShorthandFail::Uncaught(e))),
        }
    }

    fn explicit_list(&mut self) -> Result<Py, Fail> {
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            values.push(self.explicit_values()?);
            self.consume_ws();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.consume_ws();
            }
        }
        self.expect(']', false)?;
        Ok(Py::List(values))
    }

    fn explicit_values(&mut self) -> Result<Py, Fail> {
        if self.depth > MAX_DEPTH {
            return Err(Fail::Other(ShorthandFail::Uncaught("maximum recursion depth exceeded".into())));
        }
        self.depth += 1;
        let result = match self.current() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.first_value(),
        };
        self.depth -= 1;
        result
    }

    fn hash_literal(&mut self) -> Result<Py, Fail> {
        self.expect('{', true)?;
        let mut keyvals = PyDict::new(false);
        while self.current() != Some('}') {
            let key = self.key_and_assign()?;
            let v = self.explicit_values()?;
            self.consume_ws();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.consume_ws();
            }
            keyvals.set(&key, v);
        }
        self.expect('}', false)?;
        Ok(Py::Dict(keyvals))
    }
}
