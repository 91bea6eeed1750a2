//! Syntax tree produced by [`super::parse`]: scripts, and/or lists, pipelines,
//! simple commands, redirections and words made of literal, quoted and
//! expansion parts.

/// A whole input: list items separated by `;` or newlines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    pub items: Vec<AndOrList>,
}

/// Pipelines joined by `&&` / `||`, evaluated left to right.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AndOrList {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
}

/// The operator between two pipelines of an [`AndOrList`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connector {
    /// `&&`: run the next pipeline only if the previous one succeeded.
    And,
    /// `||`: run the next pipeline only if the previous one failed.
    Or,
}

/// Simple commands joined by `|`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pipeline {
    pub commands: Vec<SimpleCommand>,
}

/// `NAME=value … word … redirect …`. Never entirely empty when produced by the parser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SimpleCommand {
    pub assignments: Vec<(String, Word)>,
    pub words: Vec<Word>,
    pub redirects: Vec<Redirect>,
}

impl SimpleCommand {
    /// True when the command has no assignment, word or redirection.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.assignments.is_empty() && self.words.is_empty() && self.redirects.is_empty()
    }
}

/// One redirection, e.g. `2>file` is `{ fd: 2, kind: Out, target: "file" }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The redirected descriptor (default 1 for output, 0 for input).
    pub fd: u32,
    pub kind: RedirectKind,
    /// The file; an empty word (no parts) for [`RedirectKind::DupOut`].
    pub target: Word,
}

/// The redirection operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectKind {
    /// `>`
    Out,
    /// `>>`
    Append,
    /// `<`
    In,
    /// `>&N`, e.g. `2>&1` is `DupOut(1)` on fd 2.
    DupOut(u32),
}

/// A shell word: adjacent parts concatenate (`a"$X"b` is one word of three parts).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub parts: Vec<WordPart>,
}

impl Word {
    /// A word made of one unquoted literal.
    #[must_use]
    pub fn literal(text: &str) -> Self {
        Word {
            parts: vec![WordPart::Literal(text.to_owned())],
        }
    }

    /// The word's text if it contains no expansion (quotes removed), else `None`.
    #[must_use]
    pub fn as_static(&self) -> Option<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                WordPart::Literal(s) | WordPart::Quoted(s) => out.push_str(s),
                WordPart::Var { .. } | WordPart::CommandSubst { .. } => return None,
            }
        }
        Some(out)
    }
}

/// One piece of a [`Word`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordPart {
    /// Unquoted text (after backslash-escape processing).
    Literal(String),
    /// Text from `'…'`, from `"…"` between expansions, or a backslash-escaped
    /// character: never split.
    Quoted(String),
    /// `$NAME`, `${NAME}` or `$?` (name `"?"`); `quoted` = inside `"…"`.
    Var { name: String, quoted: bool },
    /// `$(…)`, also inside `"…"`.
    CommandSubst { script: Script, quoted: bool },
}

/// Appends unquoted text, merging with a preceding literal.
pub(super) fn push_literal(parts: &mut Vec<WordPart>, text: &str) {
    if let Some(WordPart::Literal(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(WordPart::Literal(text.to_owned()));
    }
}

/// Appends quoted text (possibly empty), merging with a preceding quoted part.
pub(super) fn push_quoted(parts: &mut Vec<WordPart>, text: &str) {
    if let Some(WordPart::Quoted(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(WordPart::Quoted(text.to_owned()));
    }
}

/// True for `[A-Za-z_][A-Za-z0-9_]*`.
pub(super) fn is_name(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(is_name_start) && bytes.all(is_name_char)
}

pub(super) fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

pub(super) fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_name("A") && is_name("_x1") && is_name("AWS_REGION"));
        assert!(!is_name("") && !is_name("1A") && !is_name("A-B") && !is_name("é"));
    }

    #[test]
    fn merging_parts() {
        let mut parts = Vec::new();
        push_literal(&mut parts, "a");
        push_literal(&mut parts, "b");
        push_quoted(&mut parts, "");
        push_quoted(&mut parts, "c");
        push_literal(&mut parts, "d");
        assert_eq!(
            parts,
            vec![
                WordPart::Literal("ab".into()),
                WordPart::Quoted("c".into()),
                WordPart::Literal("d".into())
            ]
        );
        assert_eq!(Word { parts }.as_static().as_deref(), Some("abcd"));
    }
}
