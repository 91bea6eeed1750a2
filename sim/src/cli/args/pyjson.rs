//! Python's `json.loads`, ported from CPython's C scanner (3.13+ messages): the same accepted language
//! (`NaN`, `Infinity`, duplicate keys keep the first position and the last value) and the same
//! `JSONDecodeError` texts, e.g. `Expecting ',' delimiter: line 1 column 10 (char 9)`, with positions counted
//! in characters as Python does.

use super::pyvalue::{Py, PyDict};

/// Deeper documents fail with Python's `RecursionError` text. (The real CLI's limit is higher; this one
/// keeps every later recursive walk within WebAssembly's 1 MiB stack.)
const MAX_DEPTH: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum JsonFail {
    /// `JSONDecodeError` (a `ValueError`): the full message with line, column and char.
    Decode(String),
    /// `RecursionError`, which the CLI does not catch.
    Recursion(String),
}

enum Stop {
    /// `StopIteration(idx)`: no value starts here.
    NoValue(usize),
    Error(String, usize),
    Recursion(&'static str),
}

struct Scanner {
    s: Vec<char>,
    ordered: bool,
    depth: usize,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Formats a decode error the way `JSONDecodeError.__str__` does.
fn located(chars: &[char], msg: &str, pos: usize) -> String {
    let before = chars.get(..pos).unwrap_or(chars);
    let lineno = before.iter().filter(|c| **c == '\n').count() + 1;
    let colno = match before.iter().rposition(|c| *c == '\n') {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    format!("{msg}: line {lineno} column {colno} (char {pos})")
}

/// `json.loads(text)`; `ordered` uses `OrderedDict` for objects (the CLI's `object_pairs_hook`).
pub(crate) fn loads(text: &str, ordered: bool) -> Result<Py, JsonFail> {
    let mut sc = Scanner { s: text.chars().collect(), ordered, depth: 0 };
    if sc.s.first() == Some(&'\u{feff}') {
        return Err(JsonFail::Decode(located(&sc.s, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)));
    }
    let start = sc.skip_ws(0);
    let result = sc.scan_once(start).and_then(|(value, end)| {
        let end = sc.skip_ws(end);
        if end != sc.s.len() { Err(Stop::Error("Extra data".into(), end)) } else { Ok(value) }
    });
    result.map_err(|stop| match stop {
        Stop::NoValue(idx) => JsonFail::Decode(located(&sc.s, "Expecting value", idx)),
        Stop::Error(msg, idx) => JsonFail::Decode(located(&sc.s, &msg, idx)),
        Stop::Recursion(what) => JsonFail::Recursion(format!(
            "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
        )),
    })
}

impl Scanner {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn starts_with(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.at(i + k) == Some(c))
    }

    fn scan_once(&mut self, idx: usize) -> Result<(Py, usize), Stop> {
        let Some(c) = self.at(idx) else { return Err(Stop::NoValue(idx)) };
        match c {
            '"' => self.scan_string(idx + 1).map(|(s, end)| (Py::Str(s), end)),
            '{' => self.nested(idx + 1, true),
            '[' => self.nested(idx + 1, false),
            'n' if self.starts_with(idx, "null") => Ok((Py::None, idx + 4)),
            't' if self.starts_with(idx, "true") => Ok((Py::Bool(true), idx + 4)),
            'f' if self.starts_with(idx, "false") => Ok((Py::Bool(false), idx + 5)),
            'N' if self.starts_with(idx, "NaN") => Ok((Py::Float(f64::NAN), idx + 3)),
            'I' if self.starts_with(idx, "Infinity") => Ok((Py::Float(f64::INFINITY), idx + 8)),
            '-' if self.starts_with(idx, "-Infinity") => Ok((Py::Float(f64::NEG_INFINITY), idx + 9)),
            _ => self.scan_number(idx),
        }
    }

    fn nested(&mut self, idx: usize, object: bool) -> Result<(Py, usize), Stop> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Stop::Recursion(if object { "object" } else { "array" }));
        }
        let result = if object { self.parse_object(idx) } else { self.parse_array(idx) };
        self.depth -= 1;
        result
    }

    fn scan_number(&self, start: usize) -> Result<(Py, usize), Stop> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut idx = start;
        if self.at(idx) == Some('-') {
            idx += 1;
        }
        match self.at(idx) {
            Some('1'..='9') => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            Some('0') => idx += 1,
            _ => return Err(Stop::NoValue(start)),
        }
        let mut is_float = false;
        if self.at(idx) == Some('.') && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some('e' | 'E')) {
            let e_start = idx;
            idx += 1;
            if matches!(self.at(idx), Some('-' | '+')) {
                idx += 1;
            }
            let digits_from = idx;
            while digit(idx) {
                idx += 1;
            }
            if idx > digits_from {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text: String = self.s.get(start..idx).unwrap_or_default().iter().collect();
        let value = if is_float {
            Py::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            Py::Int(super::pynum::py_int(&text).unwrap_or(0))
        };
        Ok((value, idx))
    }

    /// `scanstring`: `end` is just past the opening quote.
    fn scan_string(&self, end: usize) -> Result<(String, usize), Stop> {
        let begin = end.saturating_sub(1);
        let unterminated = || Stop::Error("Unterminated string starting at".into(), begin);
        let mut out = String::new();
        let mut next = end;
        loop {
            let c = loop {
                let Some(c) = self.at(next) else { return Err(unterminated()) };
                if c == '"' || c == '\\' {
                    break c;
                }
                if (c as u32) <= 0x1f {
                    return Err(Stop::Error("Invalid control character at".into(), next));
                }
                out.push(c);
                next += 1;
            };
            next += 1;
            if c == '"' {
                return Ok((out, next));
            }
            let Some(esc) = self.at(next) else { return Err(unterminated()) };
            if esc != 'u' {
                let decoded = match esc {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(Stop::Error("Invalid \\escape".into(), next - 1)),
                };
                out.push(decoded);
                next += 1;
                continue;
            }
            next += 1;
            let end = next + 4;
            if end >= self.s.len() {
                return Err(Stop::Error("Invalid \\uXXXX escape".into(), next - 1));
            }
            let mut code = self.hex4(next).ok_or_else(|| Stop::Error("Invalid \\uXXXX escape".into(), next - 1))?;
            next = end;
            if (0xd800..0xdc00).contains(&code)
                && end + 6 < self.s.len()
                && self.at(end) == Some('\\')
                && self.at(end + 1) == Some('u')
            {
                let low = self.hex4(end + 2).ok_or_else(|| Stop::Error("Invalid \\uXXXX escape".into(), end + 1))?;
                if (0xdc00..0xe000).contains(&low) {
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                    next = end + 6;
                }
            }
            // Lone surrogates cannot live in a Rust string.
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }

    /// Four hex digits at `at`, or `None` if one of them is not a hex digit.
    fn hex4(&self, at: usize) -> Option<u32> {
        (0..4).try_fold(0u32, |code, k| Some((code << 4) | self.at(at + k)?.to_digit(16)?))
    }

    fn parse_object(&mut self, start: usize) -> Result<(Py, usize), Stop> {
        let mut dict = PyDict::new(self.ordered);
        let mut idx = self.skip_ws(start);
        if self.at(idx) != Some('}') {
            loop {
                if self.at(idx) != Some('"') {
                    return Err(Stop::Error("Expecting property name enclosed in double quotes".into(), idx));
                }
                let (key, after) = self.scan_string(idx + 1)?;
                idx = self.skip_ws(after);
                if self.at(idx) != Some(':') {
                    return Err(Stop::Error("Expecting ':' delimiter".into(), idx));
                }
                idx = self.skip_ws(idx + 1);
                let (value, after) = self.scan_once(idx)?;
                dict.set(&key, value);
                idx = self.skip_ws(after);
                if self.at(idx) == Some('}') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Stop::Error("Expecting ',' delimiter".into(), idx));
                }
                let comma = idx;
                idx = self.skip_ws(idx + 1);
                if self.at(idx) == Some('}') {
                    return Err(Stop::Error("Illegal trailing comma before end of object".into(), comma));
                }
            }
        }
        Ok((Py::Dict(dict), idx + 1))
    }

    fn parse_array(&mut self, start: usize) -> Result<(Py, usize), Stop> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(start);
        if self.at(idx) != Some(']') {
            loop {
                let (value, after) = self.scan_once(idx)?;
                items.push(value);
                idx = self.skip_ws(after);
                if self.at(idx) == Some(']') {
                    break;
                }
                if self.at(idx) != Some(',') {
                    return Err(Stop::Error("Expecting ',' delimiter".into(), idx));
                }
                let comma = idx;
                idx = self.skip_ws(idx + 1);
                if self.at(idx) == Some(']') {
                    return Err(Stop::Error("Illegal trailing comma before end of array".into(), comma));
                }
            }
        }
        Ok((Py::List(items), idx + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match loads(text, false) {
            Err(JsonFail::Decode(m)) => m,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn messages_match_python() {
        assert_eq!(err(""), "Expecting value: line 1 column 1 (char 0)");
        assert_eq!(err("{\"a\": 1"), "Expecting ',' delimiter: line 1 column 8 (char 7)");
        assert_eq!(err("{a: 1}"), "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
        assert_eq!(err("[1, 2,]"), "Illegal trailing comma before end of array: line 1 column 6 (char 5)");
        assert_eq!(err("{\"a\" 1}"), "Expecting ':' delimiter: line 1 column 6 (char 5)");
        assert_eq!(err("\"abc"), "Unterminated string starting at: line 1 column 1 (char 0)");
        assert_eq!(err("[1]\n x"), "Extra data: line 2 column 2 (char 5)");
        assert_eq!(err("\"\\x\""), "Invalid \\escape: line 1 column 2 (char 1)");
        assert_eq!(err("\"\\u12\""), "Invalid \\uXXXX escape: line 1 column 3 (char 2)");
        assert_eq!(err("[01]"), "Expecting ',' delimiter: line 1 column 3 (char 2)");
    }

    #[test]
    fn values_match_python() {
        let v = loads("{\"a\": [1, 2.5, true, null, \"\\u00e9\\ud83d\\ude00\"], \"a\": 3, \"b\": -0}", true);
        let Ok(Py::Dict(d)) = v else { panic!("{v:?}") };
        assert!(d.ordered);
        assert_eq!(d.items.len(), 2);
        assert_eq!(d.get("a"), Some(&Py::Int(3)));
        assert!(matches!(loads("NaN", false), Ok(Py::Float(f)) if f.is_nan()));
        assert_eq!(loads(" \"é😀\" ", false), Ok(Py::Str("é😀".into())));
        let deep = "[".repeat(5000);
        assert!(matches!(loads(&deep, false), Err(JsonFail::Recursion(_))));
    }
}
