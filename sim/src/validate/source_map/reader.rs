//! The strict reader behind [`super::parse`]: Python's JSON grammar, each value registered in the
//! source map with its key and value ranges, errors worded as Python words them.

use serde_json::{Map, Number, Value};

use super::{Node, SourceMap, SyntaxError, escape_segment, line_col_in, line_starts_of};

/// Deeper nesting is refused (keeps every recursive walk inside WebAssembly's stack).
const MAX_DEPTH: usize = 128;

pub(super) struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub(super) map: SourceMap,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let map = SourceMap { line_starts: line_starts_of(text), ..SourceMap::default() };
        Reader { text, bytes: text.as_bytes(), map, depth: 0 }
    }

    pub(super) fn error(&self, what: &str, offset: usize) -> SyntaxError {
        let (line, column) = line_col_in(&self.map.line_starts, self.text, offset);
        let char_pos = self.text.get(..offset).map_or(offset, |s| s.chars().count());
        SyntaxError { what: what.to_string(), offset, line, column, char_pos, insert_comma_at: None }
    }

    pub(super) fn skip_ws(&self, mut i: usize) -> usize {
        while matches!(self.bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }

    /// Registers a node before its children, so `nodes` stays in text order.
    fn open_node(&mut self, pointer: String, key: Option<(usize, usize)>, start: usize, parent: Option<usize>) -> usize {
        let id = self.map.nodes.len();
        self.map.nodes.push(Node { pointer, key, value: (start, start), parent, children: Vec::new() });
        id
    }

    fn close_node(&mut self, id: usize, end: usize) {
        if let Some(node) = self.map.nodes.get_mut(id) {
            node.value.1 = end;
            let pointer = node.pointer.clone();
            if let Some(parent) = node.parent
                && let Some(&old) = self.map.index.get(&pointer)
            {
                // A repeated key: the later value wins (as in Python), the earlier one is dropped.
                if let Some(p) = self.map.nodes.get_mut(parent) {
                    p.children.retain(|&c| c != old);
                }
                if let Some(k) = self.map.nodes.get(id).and_then(|n| n.key) {
                    self.map.duplicate_keys.push((pointer.clone(), k));
                }
            }
            if let Some(parent) = self.map.nodes.get(id).and_then(|n| n.parent)
                && let Some(p) = self.map.nodes.get_mut(parent)
            {
                p.children.push(id);
            }
            self.map.index.insert(pointer, id);
        }
    }

    pub(super) fn value(&mut self, i: usize, pointer: String, key: Option<(usize, usize)>, parent: Option<usize>) -> Result<(Value, usize), SyntaxError> {
        let Some(&b) = self.bytes.get(i) else { return Err(self.error("Expecting value", i)) };
        let id = self.open_node(pointer, key, i, parent);
        let (value, end) = match b {
            b'{' => self.object(i, id)?,
            b'[' => self.array(i, id)?,
            b'"' => {
                let (s, end) = self.string(i)?;
                (Value::String(s), end)
            }
            b'-' | b'0'..=b'9' => self.number(i)?,
            _ => {
                let rest = &self.bytes[i..];
                if rest.starts_with(b"true") {
                    (Value::Bool(true), i + 4)
                } else if rest.starts_with(b"false") {
                    (Value::Bool(false), i + 5)
                } else if rest.starts_with(b"null") {
                    (Value::Null, i + 4)
                } else {
                    return Err(self.error("Expecting value", i));
                }
            }
        };
        self.close_node(id, end);
        Ok((value, end))
    }

    fn enter(&mut self, at: usize) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("Document nested too deeply", at));
        }
        Ok(())
    }

    fn object(&mut self, start: usize, id: usize) -> Result<(Value, usize), SyntaxError> {
        self.enter(start)?;
        let base = self.map.nodes.get(id).map(|n| n.pointer.clone()).unwrap_or_default();
        let mut map = Map::new();
        let mut i = self.skip_ws(start + 1);
        if self.bytes.get(i) == Some(&b'}') {
            self.depth -= 1;
            return Ok((Value::Object(map), i + 1));
        }
        loop {
            if self.bytes.get(i) != Some(&b'"') {
                return Err(self.error("Expecting property name enclosed in double quotes", i));
            }
            let (key, key_end) = self.string(i)?;
            let key_span = (i, key_end);
            i = self.skip_ws(key_end);
            if self.bytes.get(i) != Some(&b':') {
                return Err(self.error("Expecting ':' delimiter", i));
            }
            i = self.skip_ws(i + 1);
            let pointer = format!("{base}/{}", escape_segment(&key));
            let (value, end) = self.value(i, pointer, Some(key_span), Some(id))?;
            map.insert(key, value);
            i = self.skip_ws(end);
            match self.bytes.get(i) {
                Some(b'}') => {
                    self.depth -= 1;
                    return Ok((Value::Object(map), i + 1));
                }
                Some(b',') => {
                    let comma = i;
                    i = self.skip_ws(i + 1);
                    if self.bytes.get(i) == Some(&b'}') {
                        return Err(self.error("Illegal trailing comma before end of object", comma));
                    }
                }
                _ => {
                    let mut e = self.error("Expecting ',' delimiter", i);
                    e.insert_comma_at = Some(end);
                    return Err(e);
                }
            }
        }
    }

    fn array(&mut self, start: usize, id: usize) -> Result<(Value, usize), SyntaxError> {
        self.enter(start)?;
        let base = self.map.nodes.get(id).map(|n| n.pointer.clone()).unwrap_or_default();
        let mut items = Vec::new();
        let mut i = self.skip_ws(start + 1);
        if self.bytes.get(i) == Some(&b']') {
            self.depth -= 1;
            return Ok((Value::Array(items), i + 1));
        }
        loop {
            let pointer = format!("{base}/{}", items.len());
            let (value, end) = self.value(i, pointer, None, Some(id))?;
            items.push(value);
            i = self.skip_ws(end);
            match self.bytes.get(i) {
                Some(b']') => {
                    self.depth -= 1;
                    return Ok((Value::Array(items), i + 1));
                }
                Some(b',') => {
                    let comma = i;
                    i = self.skip_ws(i + 1);
                    if self.bytes.get(i) == Some(&b']') {
                        return Err(self.error("Illegal trailing comma before end of array", comma));
                    }
                }
                _ => {
                    let mut e = self.error("Expecting ',' delimiter", i);
                    e.insert_comma_at = Some(end);
                    return Err(e);
                }
            }
        }
    }

    /// A string starting at the quote at `start`; returns it and the offset after its closing quote.
    fn string(&self, start: usize) -> Result<(String, usize), SyntaxError> {
        let mut out = String::new();
        let mut i = start + 1;
        loop {
            let run = i;
            while let Some(&b) = self.bytes.get(i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                i += 1;
            }
            out.push_str(self.text.get(run..i).unwrap_or_default());
            match self.bytes.get(i) {
                None => return Err(self.error("Unterminated string starting at", start)),
                Some(b'"') => return Ok((out, i + 1)),
                Some(b'\\') => {
                    let Some(&esc) = self.bytes.get(i + 1) else {
                        return Err(self.error("Unterminated string starting at", start));
                    };
                    let simple = match esc {
                        b'"' => Some('"'),
                        b'\\' => Some('\\'),
                        b'/' => Some('/'),
                        b'b' => Some('\u{8}'),
                        b'f' => Some('\u{c}'),
                        b'n' => Some('\n'),
                        b'r' => Some('\r'),
                        b't' => Some('\t'),
                        _ => None,
                    };
                    if let Some(c) = simple {
                        out.push(c);
                        i += 2;
                    } else if esc == b'u' {
                        let (c, next) = self.unicode_escape(i)?;
                        out.push(c);
                        i = next;
                    } else {
                        return Err(self.error("Invalid \\escape", i));
                    }
                }
                Some(_) => return Err(self.error("Invalid control character at", i)),
            }
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let s = self.text.get(at..at + 4)?;
        if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    }

    /// `\uXXXX` at `i` (the backslash), joining a surrogate pair; lone surrogates become U+FFFD.
    fn unicode_escape(&self, i: usize) -> Result<(char, usize), SyntaxError> {
        let Some(hi) = self.hex4(i + 2) else { return Err(self.error("Invalid \\uXXXX escape", i + 1)) };
        let next = i + 6;
        if (0xD800..0xDC00).contains(&hi)
            && self.bytes.get(next) == Some(&b'\\')
            && self.bytes.get(next + 1) == Some(&b'u')
            && let Some(lo) = self.hex4(next + 2)
            && (0xDC00..0xE000).contains(&lo)
        {
            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            return Ok((char::from_u32(c).unwrap_or('\u{fffd}'), next + 6));
        }
        Ok((char::from_u32(hi).unwrap_or('\u{fffd}'), next))
    }

    /// Python's number grammar: `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`.
    fn number(&self, start: usize) -> Result<(Value, usize), SyntaxError> {
        let digits = |mut i: usize| {
            while self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        let mut i = start;
        if self.bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        match self.bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(self.error("Expecting value", start)),
        }
        let mut float = false;
        if self.bytes.get(i) == Some(&b'.') && self.bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            float = true;
            i = digits(i + 1);
        }
        if matches!(self.bytes.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(self.bytes.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if self.bytes.get(j).is_some_and(u8::is_ascii_digit) {
                float = true;
                i = digits(j);
            }
        }
        let s = self.text.get(start..i).unwrap_or_default();
        let number = if float {
            s.parse::<f64>().ok().and_then(Number::from_f64)
        } else if let Ok(n) = s.parse::<i64>() {
            Some(Number::from(n))
        } else if let Ok(n) = s.parse::<u64>() {
            Some(Number::from(n))
        } else {
            s.parse::<f64>().ok().and_then(Number::from_f64)
        };
        match number {
            Some(n) => Ok((Value::Number(n), i)),
            None => Err(self.error("Number out of range", start)),
        }
    }
}
