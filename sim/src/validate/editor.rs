//! Editor help from the published schema: [`hover`] (what a member is: description, type,
//! allowed values, range, default, fact) and [`completions`] (the keys an object may still take,
//! the values an enum or boolean member takes). Both work on text being typed, so they read it
//! with a forgiving scanner rather than the strict one. Offsets are byte offsets;
//! [`utf16_to_byte`] and [`byte_to_utf16`] convert from and to a browser textarea's positions.

use serde::Serialize;
use serde_json::Value;

use super::schema::{self, resolve, schema};
use super::source_map::escape_segment;

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hover {
    /// Pointer of the member or item.
    pub pointer: String,
    /// Byte range of the token under the cursor.
    pub start: usize,
    pub end: usize,
    /// The member's name (or the shape's, for list items).
    pub title: String,
    pub description: String,
    /// e.g. `string`, `integer`, `list of PortMapping`, `PortMapping`.
    pub type_text: String,
    pub allowed: Vec<String>,
    /// e.g. `5 to 300`.
    pub range: Option<String>,
    pub default: Option<String>,
    pub required: bool,
    /// Section of the fact sheet, e.g. `§1.4`.
    pub fact: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CompletionKind {
    Key,
    Value,
}

/// One suggestion: replace the bytes `start..end` with `insert_text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completion {
    pub label: String,
    pub insert_text: String,
    pub kind: CompletionKind,
    pub detail: String,
    pub start: usize,
    pub end: usize,
}

/// Byte offset of a UTF-16 position in `text` (clamped to the text).
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, ch) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// UTF-16 position of a byte offset in `text`.
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < byte).map(|(_, ch)| ch.len_utf16()).sum()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    /// Where a key goes (or is being typed).
    Key,
    /// The value of member `key`.
    Value,
}

#[derive(Debug, Clone)]
enum Frame {
    Object { key: Option<String>, expect_key: bool, keys: Vec<String> },
    Array { index: usize },
}

/// Where the cursor is, as the forgiving scanner sees it.
#[derive(Debug, Clone)]
struct Context {
    /// Segments from the root to the value under (or being typed at) the cursor.
    path: Vec<String>,
    slot: Slot,
    /// The token under the cursor, if any: its byte range.
    token: Option<(usize, usize)>,
    /// Keys already in the enclosing object (for key slots).
    siblings: Vec<String>,
    /// A ':' follows the key token.
    colon_follows: bool,
}

fn frames_path(stack: &[Frame]) -> Vec<String> {
    stack
        .iter()
        .filter_map(|f| match f {
            Frame::Object { key, .. } => key.clone(),
            Frame::Array { index } => Some(index.to_string()),
        })
        .collect()
}

/// Scans `text` forgivingly and reports the cursor's context at `offset`; the scan goes on to the
/// end of the enclosing object to learn all its keys.
fn context_at(text: &str, offset: usize) -> Option<Context> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // The context and the depth of its frame, once the cursor is passed.
    let mut found: Option<(Context, usize)> = None;
    let siblings = |stack: &[Frame], depth: usize| match depth.checked_sub(1).and_then(|d| stack.get(d)) {
        Some(Frame::Object { keys, .. }) => keys.clone(),
        _ => Vec::new(),
    };
    while let Some(&b) = bytes.get(i) {
        if found.is_none() && i >= offset && !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            // Between tokens: the slot the innermost frame expects.
            found = Some((slot_context(&stack, None, text)?, stack.len()));
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'{' => {
                stack.push(Frame::Object { key: None, expect_key: true, keys: Vec::new() });
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                i += 1;
            }
            b'}' | b']' => {
                if let Some((mut ctx, depth)) = found.take() {
                    if stack.len() <= depth {
                        ctx.siblings = siblings(&stack, depth);
                        return Some(ctx);
                    }
                    found = Some((ctx, depth));
                }
                stack.pop();
                i += 1;
            }
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key, .. }) => {
                        *key = None;
                        *expect_key = true;
                    }
                    Some(Frame::Array { index }) => *index += 1,
                    None => {}
                }
                i += 1;
            }
            _ => {
                let start = i;
                let end = token_end(bytes, i);
                let is_key = matches!(stack.last(), Some(Frame::Object { expect_key: true, .. }));
                if found.is_none() && start <= offset && offset <= end {
                    found = Some((slot_context(&stack, Some((start, end)), text)?, stack.len()));
                }
                if is_key && b == b'"' {
                    let name = text.get(start + 1..end.saturating_sub(1).max(start + 1)).unwrap_or_default().to_string();
                    if let Some(Frame::Object { key, keys, .. }) = stack.last_mut() {
                        keys.push(name.clone());
                        *key = Some(name);
                    }
                }
                i = end.max(i + 1);
            }
        }
    }
    match found {
        Some((mut ctx, depth)) => {
            ctx.siblings = siblings(&stack, depth);
            Some(ctx)
        }
        None => slot_context(&stack, None, text),
    }
}

/// End (exclusive) of the token starting at `i`: a string (to its closing quote or the end of
/// the line) or a bare word.
fn token_end(bytes: &[u8], i: usize) -> usize {
    if bytes.get(i) == Some(&b'"') {
        let mut j = i + 1;
        while let Some(&b) = bytes.get(j) {
            match b {
                b'\\' => j += 2,
                b'"' => return j + 1,
                b'\n' => return j,
                _ => j += 1,
            }
        }
        return bytes.len().min(j);
    }
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'{' | b'}' | b'[' | b']' | b'"') {
            break;
        }
        j += 1;
    }
    j
}

fn slot_context(stack: &[Frame], token: Option<(usize, usize)>, text: &str) -> Option<Context> {
    let (mut path, slot, siblings) = match stack.last()? {
        Frame::Object { expect_key: true, keys, .. } => {
            let mut path = frames_path(&stack[..stack.len() - 1]);
            if let Some((s, e)) = token {
                path.push(text.get(s + 1..e.saturating_sub(1).max(s + 1)).unwrap_or_default().to_string());
            }
            (path, Slot::Key, keys.clone())
        }
        Frame::Object { .. } | Frame::Array { .. } => (frames_path(stack), Slot::Value, Vec::new()),
    };
    if slot == Slot::Key && token.is_none() {
        path.push(String::new());
    }
    let colon_follows = token.is_some_and(|(_, e)| text.get(e..).is_some_and(|rest| rest.trim_start().starts_with(':')));
    Some(Context { path, slot, token, siblings, colon_follows })
}

fn text_of(v: Option<&Value>) -> Option<String> {
    v.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
}

fn type_text(member: &Value) -> String {
    if let Some(r) = member.get("$ref").and_then(Value::as_str) {
        return r.trim_start_matches("#/definitions/").to_string();
    }
    match member.get("type").and_then(Value::as_str) {
        Some("array") => format!("list of {}", member.get("items").map_or_else(String::new, type_text)),
        Some("object") if member.get("additionalProperties").is_some_and(Value::is_object) => "map of string to string".into(),
        Some(t) => t.to_string(),
        None => "value".into(),
    }
}

/// Help for the member under the cursor at byte `offset`.
pub fn hover(text: &str, offset: usize) -> Option<Hover> {
    let ctx = context_at(text, offset)?;
    let (start, end) = ctx.token?;
    let root = schema();
    let resolved = resolve(root, &ctx.path)?;
    let member = resolved.member.unwrap_or(resolved.schema);
    let (def_schema, _) = schema::deref(root, member);
    let description = text_of(member.get("description")).or_else(|| text_of(def_schema.get("description"))).unwrap_or_default();
    let allowed: Vec<String> = def_schema
        .get("enum")
        .or_else(|| def_schema.get("items").and_then(|i| i.get("enum")))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    let range = match (member.get("minimum"), member.get("maximum")) {
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        (Some(a), None) => Some(format!("at least {a}")),
        (None, Some(b)) => Some(format!("at most {b}")),
        (None, None) => None,
    };
    let required = match resolved.owner {
        Some((def, name)) => {
            let object = if def == schema::ROOT { Some(root) } else { root.get("definitions").and_then(|d| d.get(def)) };
            object.and_then(|o| o.get("required")).and_then(Value::as_array).is_some_and(|r| r.iter().any(|x| x == name))
        }
        None => false,
    };
    let title = match resolved.owner {
        Some((_, name)) => name.to_string(),
        None => type_text(member),
    };
    let pointer: String = ctx.path.iter().map(|s| format!("/{}", escape_segment(s))).collect();
    Some(Hover {
        pointer,
        start,
        end,
        title,
        description,
        type_text: type_text(member),
        allowed,
        range,
        default: text_of(member.get("default")),
        required,
        fact: text_of(member.get("x-fact")).or_else(|| text_of(def_schema.get("x-fact"))),
    })
}

fn skeleton(member: &Value) -> &'static str {
    if member.get("$ref").is_some() {
        return "{}";
    }
    match member.get("type").and_then(Value::as_str) {
        Some("string") => "\"\"",
        Some("integer") => "0",
        Some("boolean") => "true",
        Some("array") => "[]",
        _ => "{}",
    }
}

/// Suggestions at byte `offset`: member names not yet used in the enclosing object, or the values
/// an enum or boolean member takes.
pub fn completions(text: &str, offset: usize) -> Vec<Completion> {
    let Some(ctx) = context_at(text, offset) else { return Vec::new() };
    let root = schema();
    let (start, end) = ctx.token.unwrap_or((offset, offset));
    match ctx.slot {
        Slot::Key => {
            let object_path = &ctx.path[..ctx.path.len().saturating_sub(1)];
            let Some(object) = resolve(root, object_path).map(|r| r.schema) else { return Vec::new() };
            let typed = ctx.path.last().cloned().unwrap_or_default();
            let Some(props) = schema::properties(object) else { return Vec::new() };
            props
                .iter()
                .filter(|(name, _)| name.as_str() != "$schema")
                .filter(|(name, _)| **name == typed || !ctx.siblings.contains(name))
                .map(|(name, member)| {
                    let quoted = Value::from(name.as_str()).to_string();
                    let insert_text = if ctx.colon_follows { quoted } else { format!("{quoted}: {}", skeleton(member)) };
                    Completion {
                        label: name.clone(),
                        insert_text,
                        kind: CompletionKind::Key,
                        detail: text_of(member.get("description")).unwrap_or_default(),
                        start,
                        end,
                    }
                })
                .collect()
        }
        Slot::Value => {
            let Some(resolved) = resolve(root, &ctx.path) else { return Vec::new() };
            let s = resolved.schema;
            let values: Vec<String> = match s.get("type").and_then(Value::as_str) {
                Some("boolean") => vec!["true".into(), "false".into()],
                _ => s.get("enum").and_then(Value::as_array).map(|a| a.iter().map(Value::to_string).collect()).unwrap_or_default(),
            };
            let detail = text_of(resolved.member.and_then(|m| m.get("description"))).unwrap_or_default();
            values
                .into_iter()
                .map(|v| Completion {
                    label: v.trim_matches('"').to_string(),
                    insert_text: v,
                    kind: CompletionKind::Value,
                    detail: detail.clone(),
                    start,
                    end,
                })
                .collect()
        }
    }
}
