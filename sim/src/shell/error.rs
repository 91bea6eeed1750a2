//! Parse errors: [`ShellError`] (incomplete input, syntax errors, nesting too
//! deep) and [`Unfinished`], the construct left open when input ended.

use std::fmt;

use thiserror::Error;

/// Maximum nesting depth of `$(…)` command substitutions.
pub const MAX_SUBST_DEPTH: usize = 32;

/// The construct that was still open when the input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfinished {
    /// `'…` without the closing quote.
    SingleQuote,
    /// `"…` without the closing quote.
    DoubleQuote,
    /// `$(…` without the closing parenthesis.
    CommandSubst,
    /// `${…` without the closing brace.
    Brace,
    /// A trailing backslash (or a line continuation at the very end).
    Backslash,
    /// A trailing `|`.
    Pipe,
    /// A trailing `&&` or `||`.
    AndOr,
}

impl Unfinished {
    /// Whether the offset names where the construct was opened (quotes,
    /// `$(`, `${`) rather than where a trailing operator stands.
    #[must_use]
    pub fn is_opener(self) -> bool {
        matches!(
            self,
            Self::SingleQuote | Self::DoubleQuote | Self::CommandSubst | Self::Brace
        )
    }
}

impl fmt::Display for Unfinished {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::SingleQuote => "unterminated single quote (')",
            Self::DoubleQuote => "unterminated double quote (\")",
            Self::CommandSubst => "unterminated command substitution $(",
            Self::Brace => "unterminated ${",
            Self::Backslash => "trailing backslash (\\)",
            Self::Pipe => "nothing after pipe (|)",
            Self::AndOr => "nothing after && or ||",
        })
    }
}

/// Why [`super::parse`] rejected its input. Offsets are byte offsets into the
/// parsed input; [`ShellError::line_col`] and [`ShellError::render`] turn them
/// into positions. `Display` is the message alone (print it as `sh: {err}`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShellError {
    /// Input ended inside a construct; a terminal shows a `> ` continuation
    /// prompt and asks for more.
    #[error("syntax error: unexpected end of input: {what}")]
    Incomplete { what: Unfinished, offset: usize },
    /// Malformed or unsupported syntax.
    #[error("{message}")]
    Syntax { message: String, offset: usize },
    /// `$(…)` nested more than [`MAX_SUBST_DEPTH`] levels.
    #[error("syntax error: command substitutions $(…) nested more than 32 levels deep")]
    TooDeep { offset: usize },
}

impl ShellError {
    pub(super) fn syntax(message: impl Into<String>, offset: usize) -> Self {
        Self::Syntax {
            message: message.into(),
            offset,
        }
    }

    /// Byte offset into the input where the error was detected (for
    /// [`ShellError::Incomplete`] with an opener, where the construct opened).
    #[must_use]
    pub fn offset(&self) -> usize {
        match self {
            Self::Incomplete { offset, .. }
            | Self::Syntax { offset, .. }
            | Self::TooDeep { offset } => *offset,
        }
    }

    /// 1-based line and column (column counted in chars) of [`Self::offset`]
    /// within `input`, the string that was parsed.
    #[must_use]
    pub fn line_col(&self, input: &str) -> (usize, usize) {
        let mut end = self.offset().min(input.len());
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        let before = input.get(..end).unwrap_or("");
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before.get(line_start..).unwrap_or("").chars().count() + 1;
        (line, col)
    }

    /// The message with its position, e.g. `syntax error: unexpected end of
    /// input: unterminated single quote (') opened at line 1, column 13`.
    #[must_use]
    pub fn render(&self, input: &str) -> String {
        let (line, col) = self.line_col(input);
        match self {
            Self::Incomplete { what, .. } if what.is_opener() => {
                format!("{self} opened at line {line}, column {col}")
            }
            Self::Incomplete { .. } => format!("{self} at line {line}, column {col}"),
            Self::Syntax { .. } | Self::TooDeep { .. } => {
                format!("{self} (line {line}, column {col})")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let e = ShellError::syntax("x", 7);
        assert_eq!(e.line_col("ab\né'c|d"), (2, 4));
        assert_eq!(ShellError::syntax("x", 0).line_col(""), (1, 1));
        // Past the end and inside a multi-byte char are clamped, not panics.
        assert_eq!(ShellError::syntax("x", 99).line_col("ab"), (1, 3));
        assert_eq!(ShellError::syntax("x", 1).line_col("é"), (1, 1));
    }

    #[test]
    fn display_and_render() {
        let input = "echo hello 'world";
        let e = ShellError::Incomplete {
            what: Unfinished::SingleQuote,
            offset: 11,
        };
        assert_eq!(
            e.to_string(),
            "syntax error: unexpected end of input: unterminated single quote (')"
        );
        assert_eq!(
            e.render(input),
            "syntax error: unexpected end of input: unterminated single quote (') opened at line 1, column 12"
        );
        let e = ShellError::Incomplete {
            what: Unfinished::Pipe,
            offset: 2,
        };
        assert_eq!(
            e.render("a |"),
            "syntax error: unexpected end of input: nothing after pipe (|) at line 1, column 3"
        );
        let e = ShellError::syntax("syntax error near unexpected token '|'", 0);
        assert_eq!(e.to_string(), "syntax error near unexpected token '|'");
        assert_eq!(
            e.render("| a"),
            "syntax error near unexpected token '|' (line 1, column 1)"
        );
        assert!(ShellError::TooDeep { offset: 0 }.to_string().contains("32"));
    }
}
