//! A position-tracking JSON reader: it builds the `serde_json::Value` and, beside it, a
//! [`SourceMap`] from every JSON pointer (`/containerDefinitions/0/portMappings/0/hostPort`) to
//! the byte ranges of its key and its value. A syntax error is reported the way Python's `json`
//! module (and so the AWS CLI) words it, with its line and column:
//! `Expecting ',' delimiter: line 5 column 5 (char 72)`.
//!
//! Words: an *offset* is a byte offset into the text; a *column* counts characters from 1, as
//! Python does; a *char* position counts characters from 0 (Python's `char N`).

use std::collections::HashMap;

use serde_json::Value;

mod reader;
#[cfg(test)]
mod tests;

use reader::Reader;

/// One JSON value in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// RFC 6901 pointer; `""` for the whole document.
    pub pointer: String,
    /// Byte range of the member's key, quotes included (`None` for array items and the root).
    pub key: Option<(usize, usize)>,
    /// Byte range of the value.
    pub value: (usize, usize),
    /// Index of the enclosing object or array in [`SourceMap::nodes`].
    pub parent: Option<usize>,
    /// Members or items, in text order (for a duplicated key, only the occurrence that counts).
    pub children: Vec<usize>,
}

/// Where every value of a document is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// In text order of their start; the root is `nodes[0]`.
    pub nodes: Vec<Node>,
    /// pointer → index in `nodes`. Only looked up, never iterated, so its order cannot leak.
    pub(crate) index: HashMap<String, usize>,
    /// Byte offset where each line starts.
    pub(crate) line_starts: Vec<usize>,
    /// Keys that appear more than once in one object: (pointer of the later occurrence, its key range).
    pub duplicate_keys: Vec<(String, (usize, usize))>,
}

/// A syntax error, as Python's `json.JSONDecodeError` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Python's text without the position, e.g. `Expecting ',' delimiter`.
    pub what: String,
    /// Byte offset of the error.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 0-based character position (Python's `char N`).
    pub char_pos: usize,
    /// For a missing comma: where the comma belongs (the end of the previous value).
    pub insert_comma_at: Option<usize>,
}

impl SyntaxError {
    /// The whole `JSONDecodeError` text: `Expecting ',' delimiter: line 5 column 5 (char 72)`.
    pub fn python_message(&self) -> String {
        format!("{}: line {} column {} (char {})", self.what, self.line, self.column, self.char_pos)
    }
}

impl SourceMap {
    /// A map with no nodes, that only knows where the lines of `text` start (for positions in a
    /// text that is not JSON).
    pub fn lines_only(text: &str) -> Self {
        SourceMap { line_starts: line_starts_of(text), ..SourceMap::default() }
    }

    /// The node at `pointer`.
    pub fn get(&self, pointer: &str) -> Option<&Node> {
        self.index.get(pointer).and_then(|&i| self.nodes.get(i))
    }

    /// The index of the node at `pointer`.
    pub fn index_of(&self, pointer: &str) -> Option<usize> {
        self.index.get(pointer).copied()
    }

    /// 1-based (line, column in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        line_col_in(&self.line_starts, text, offset)
    }

    /// The innermost node whose key or value contains `offset`.
    pub fn node_at(&self, offset: usize) -> Option<&Node> {
        let mut best: Option<&Node> = None;
        for node in &self.nodes {
            let in_value = node.value.0 <= offset && offset <= node.value.1;
            let in_key = node.key.is_some_and(|(s, e)| s <= offset && offset <= e);
            let in_member = node.key.is_some_and(|(s, _)| s <= offset && offset <= node.value.1);
            if in_value || in_key || in_member {
                best = Some(node);
            } else if node.value.0 > offset {
                break;
            }
        }
        best
    }
}

pub(crate) fn line_starts_of(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
    starts
}

pub(crate) fn line_col_in(starts: &[usize], text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = starts.partition_point(|&s| s <= offset).max(1);
    let start = starts.get(line - 1).copied().unwrap_or(0);
    let column = text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
    (line, column)
}

/// Escapes one pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_segment(key: &str) -> String {
    if key.contains(['~', '/']) { key.replace('~', "~0").replace('/', "~1") } else { key.to_string() }
}

/// Reads `text` into a value and its source map.
pub fn parse(text: &str) -> Result<(Value, SourceMap), SyntaxError> {
    let mut p = Reader::new(text);
    if text.starts_with('\u{feff}') {
        return Err(p.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let start = p.skip_ws(0);
    let (value, end) = p.value(start, String::new(), None, None)?;
    let end = p.skip_ws(end);
    if end != text.len() {
        return Err(p.error("Extra data", end));
    }
    Ok((value, p.map))
}
