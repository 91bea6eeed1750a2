//! Low-level scanning shared by the parser: the cursor (with line-continuation
//! removal), blanks, comments, and lexing of one word — quotes, backslash
//! escapes and `$NAME` / `${NAME}` / `$?` / `$(…)` expansions.

use super::ast::{Word, WordPart, is_name_char, is_name_start, push_literal, push_quoted};
use super::error::{MAX_SUBST_DEPTH, ShellError, Unfinished};

/// Recursive-descent parser state over the whole input (offsets are absolute).
pub(super) struct Parser<'a> {
    pub(super) src: &'a str,
    pub(super) pos: usize,
    /// Current `$(…)` nesting depth.
    pub(super) depth: usize,
    /// Offset of a line continuation that ran into the end of the input.
    pub(super) cont_at_eof: Option<usize>,
}

/// Bytes that end a run of plain unquoted text.
fn is_special(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b'\n'
            | b'\r'
            | b';'
            | b'|'
            | b'&'
            | b'<'
            | b'>'
            | b'('
            | b')'
            | b'\''
            | b'"'
            | b'\\'
            | b'`'
            | b'$'
    )
}

fn backquote_error(offset: usize) -> ShellError {
    ShellError::syntax(
        "backquote command substitution is not supported; use $(…)",
        offset,
    )
}

impl<'a> Parser<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Parser {
            src,
            pos: 0,
            depth: 0,
            cont_at_eof: None,
        }
    }

    pub(super) fn byte_at(&self, i: usize) -> Option<u8> {
        self.src.as_bytes().get(i).copied()
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.src.get(start..end).unwrap_or("")
    }

    /// The current byte after removing line continuations (`\` + `\n` or `\r\n`).
    pub(super) fn cur(&mut self) -> Option<u8> {
        while self.byte_at(self.pos) == Some(b'\\') {
            let len = match (self.byte_at(self.pos + 1), self.byte_at(self.pos + 2)) {
                (Some(b'\n'), _) => 2,
                (Some(b'\r'), Some(b'\n')) => 3,
                _ => break,
            };
            if self.pos + len >= self.src.len() {
                self.cont_at_eof = Some(self.pos);
            }
            self.pos += len;
        }
        self.byte_at(self.pos)
    }

    /// Length of the newline (`\n` or `\r\n`) at the cursor, if any.
    pub(super) fn newline_len(&mut self) -> Option<usize> {
        match (self.cur(), self.byte_at(self.pos + 1)) {
            (Some(b'\n'), _) => Some(1),
            (Some(b'\r'), Some(b'\n')) => Some(2),
            _ => None,
        }
    }

    pub(super) fn skip_blanks(&mut self) {
        while matches!(self.cur(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips a comment (a `#` at the cursor) up to, not including, the newline.
    pub(super) fn skip_comment(&mut self) {
        if self.cur() == Some(b'#') {
            let rest = self.src.get(self.pos..).unwrap_or("");
            self.pos += rest.find('\n').unwrap_or(rest.len());
        }
    }

    /// Skips blanks and comments, not newlines.
    pub(super) fn skip_blanks_and_comments(&mut self) {
        self.skip_blanks();
        self.skip_comment();
    }

    /// Skips blanks, comments and newlines (after `|`, `&&`, `||`).
    pub(super) fn skip_linebreaks(&mut self) {
        loop {
            self.skip_blanks_and_comments();
            match self.newline_len() {
                Some(n) => self.pos += n,
                None => break,
            }
        }
    }

    /// Lexes one unquoted word starting at the cursor; stops at a blank or operator.
    pub(super) fn word(&mut self) -> Result<Word, ShellError> {
        let mut parts = Vec::with_capacity(1);
        while let Some(b) = self.cur() {
            match b {
                b' ' | b'\t' | b'\n' | b';' | b'|' | b'&' | b'<' | b'>' | b')' => break,
                b'\r' if self.byte_at(self.pos + 1) == Some(b'\n') => break,
                b'(' => return Err(self.unexpected()),
                b'`' => return Err(backquote_error(self.pos)),
                b'\'' => self.single_quote(&mut parts)?,
                b'"' => self.double_quote(&mut parts)?,
                b'$' => self.dollar(&mut parts, false)?,
                b'\\' => {
                    let rest = self.src.get(self.pos + 1..).unwrap_or("");
                    let Some(c) = rest.chars().next() else {
                        return Err(ShellError::Incomplete {
                            what: Unfinished::Backslash,
                            offset: self.pos,
                        });
                    };
                    let mut buf = [0u8; 4];
                    push_quoted(&mut parts, c.encode_utf8(&mut buf));
                    self.pos += 1 + c.len_utf8();
                }
                _ => {
                    let start = self.pos;
                    self.pos += 1;
                    while self.byte_at(self.pos).is_some_and(|b| !is_special(b)) {
                        self.pos += 1;
                    }
                    push_literal(&mut parts, self.slice(start, self.pos));
                }
            }
        }
        Ok(Word { parts })
    }

    /// `'…'` at the cursor: literal text, no escapes.
    fn single_quote(&mut self, parts: &mut Vec<WordPart>) -> Result<(), ShellError> {
        let open = self.pos;
        let rest = self.src.get(open + 1..).unwrap_or("");
        let Some(len) = rest.find('\'') else {
            return Err(ShellError::Incomplete {
                what: Unfinished::SingleQuote,
                offset: open,
            });
        };
        push_quoted(parts, rest.get(..len).unwrap_or(""));
        self.pos = open + len + 2;
        Ok(())
    }

    /// `"…"` at the cursor: expansions inside, backslash escapes only `" \ $ `` `.
    fn double_quote(&mut self, parts: &mut Vec<WordPart>) -> Result<(), ShellError> {
        let open = self.pos;
        let incomplete = ShellError::Incomplete {
            what: Unfinished::DoubleQuote,
            offset: open,
        };
        self.pos += 1;
        let mut buf = String::new();
        let mut produced = false;
        loop {
            let Some(b) = self.cur() else {
                return Err(incomplete);
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'`' => return Err(backquote_error(self.pos)),
                b'\\' => match self.byte_at(self.pos + 1) {
                    None => return Err(incomplete),
                    Some(c @ (b'"' | b'\\' | b'$' | b'`')) => {
                        buf.push(char::from(c));
                        self.pos += 2;
                    }
                    Some(_) => {
                        buf.push('\\');
                        self.pos += 1;
                    }
                },
                b'$' => {
                    if !buf.is_empty() {
                        push_quoted(parts, &std::mem::take(&mut buf));
                    }
                    self.dollar(parts, true)?;
                    produced = true;
                }
                _ => {
                    let start = self.pos;
                    self.pos += 1;
                    while self
                        .byte_at(self.pos)
                        .is_some_and(|b| !matches!(b, b'"' | b'\\' | b'$' | b'`'))
                    {
                        self.pos += 1;
                    }
                    buf.push_str(self.slice(start, self.pos));
                }
            }
        }
        if !buf.is_empty() || !produced {
            push_quoted(parts, &buf);
        }
        Ok(())
    }

    /// `$` at the cursor: a variable, `$?`, `${NAME}`, `$(…)`, or a literal `$`.
    fn dollar(&mut self, parts: &mut Vec<WordPart>, quoted: bool) -> Result<(), ShellError> {
        let start = self.pos;
        self.pos += 1;
        match self.cur() {
            Some(b'{') => {
                let name = self.braced_name(start)?;
                parts.push(WordPart::Var { name, quoted });
            }
            Some(b'(') => {
                if self.byte_at(self.pos + 1) == Some(b'(') {
                    return Err(ShellError::syntax(
                        "arithmetic expansion $((…)) is not supported",
                        start,
                    ));
                }
                let script = self.command_subst(start)?;
                parts.push(WordPart::CommandSubst { script, quoted });
            }
            Some(b'?') => {
                self.pos += 1;
                parts.push(WordPart::Var {
                    name: "?".to_owned(),
                    quoted,
                });
            }
            Some(b) if is_name_start(b) => {
                let name_start = self.pos;
                while self.byte_at(self.pos).is_some_and(is_name_char) {
                    self.pos += 1;
                }
                let name = self.slice(name_start, self.pos).to_owned();
                parts.push(WordPart::Var { name, quoted });
            }
            _ if quoted => push_quoted(parts, "$"),
            _ => push_literal(parts, "$"),
        }
        Ok(())
    }

    /// `{NAME}` or `{?}` at the cursor (after `$` at `start`).
    fn braced_name(&mut self, start: usize) -> Result<String, ShellError> {
        self.pos += 1;
        let name_start = self.pos;
        if self.byte_at(self.pos) == Some(b'?') {
            self.pos += 1;
        } else if self.byte_at(self.pos).is_some_and(is_name_start) {
            while self.byte_at(self.pos).is_some_and(is_name_char) {
                self.pos += 1;
            }
        }
        if self.pos > name_start && self.byte_at(self.pos) == Some(b'}') {
            self.pos += 1;
            return Ok(self.slice(name_start, self.pos - 1).to_owned());
        }
        if self.src.get(self.pos..).unwrap_or("").contains('}') {
            Err(ShellError::syntax(
                "bad substitution: only ${NAME} is supported",
                start,
            ))
        } else {
            Err(ShellError::Incomplete {
                what: Unfinished::Brace,
                offset: start,
            })
        }
    }

    /// `(…)` at the cursor (after `$` at `start`): a nested script.
    fn command_subst(&mut self, start: usize) -> Result<super::ast::Script, ShellError> {
        if self.depth >= MAX_SUBST_DEPTH {
            return Err(ShellError::TooDeep { offset: start });
        }
        self.pos += 1;
        self.depth += 1;
        let script = self.list(Some(start))?;
        self.depth -= 1;
        self.pos += 1; // the `)` that `list` stopped at
        Ok(script)
    }
}

#[cfg(test)]
mod tests {
    use super::super::ast::WordPart::{self, CommandSubst, Literal, Quoted, Var};
    use super::*;

    fn one_word(input: &str) -> Vec<WordPart> {
        let mut p = Parser::new(input);
        let w = p.word().unwrap();
        assert_eq!(p.pos, input.len(), "word did not consume all of {input:?}");
        w.parts
    }
    fn l(s: &str) -> WordPart {
        Literal(s.into())
    }
    fn q(s: &str) -> WordPart {
        Quoted(s.into())
    }
    fn var(name: &str, quoted: bool) -> WordPart {
        Var {
            name: name.into(),
            quoted,
        }
    }

    #[test]
    fn single_quotes_are_literal() {
        assert_eq!(one_word(r"'a b\n$X\'"), vec![q(r"a b\n$X\")]);
        assert_eq!(one_word("''"), vec![q("")]);
        assert_eq!(one_word("a'b'c"), vec![l("a"), q("b"), l("c")]);
        assert_eq!(one_word("'a\nb'"), vec![q("a\nb")]);
    }

    #[test]
    fn double_quote_escapes_follow_bash() {
        assert_eq!(
            one_word(r#""a\"b\\c\$d\`e\qf\n""#),
            vec![q(r#"a"b\c$d`e\qf\n"#)]
        );
        assert_eq!(one_word(r#""""#), vec![q("")]);
        assert_eq!(one_word(r#""a b"'c d'"#), vec![q("a bc d")]);
        assert_eq!(one_word(r#""it's""#), vec![q("it's")]);
    }

    #[test]
    fn unquoted_backslash_escapes_next_char() {
        assert_eq!(one_word(r"a\ b"), vec![l("a"), q(" "), l("b")]);
        assert_eq!(one_word(r"\$X"), vec![q("$"), l("X")]);
        assert_eq!(one_word(r#"\"\'\\\é"#), vec![q("\"'\\é")]);
        assert_eq!(one_word(r"\|\;\&\(\)"), vec![q("|;&()")]);
    }

    #[test]
    fn line_continuation_inside_and_outside_quotes() {
        assert_eq!(one_word("ab\\\ncd"), vec![l("abcd")]);
        assert_eq!(one_word("ab\\\r\ncd"), vec![l("abcd")]);
        assert_eq!(one_word("\"ab\\\ncd\""), vec![q("abcd")]);
        assert_eq!(one_word("\"ab\\\r\ncd\""), vec![q("abcd")]);
        // Not removed inside single quotes.
        assert_eq!(one_word("'ab\\\ncd'"), vec![q("ab\\\ncd")]);
        assert_eq!(one_word("$\\\nHOME"), vec![var("HOME", false)]);
    }

    #[test]
    fn variables() {
        assert_eq!(one_word("$X"), vec![var("X", false)]);
        assert_eq!(one_word("${X}"), vec![var("X", false)]);
        assert_eq!(one_word("\"$X\""), vec![var("X", true)]);
        assert_eq!(one_word("\"${X}y\""), vec![var("X", true), q("y")]);
        assert_eq!(one_word("$?"), vec![var("?", false)]);
        assert_eq!(one_word("${?}"), vec![var("?", false)]);
        assert_eq!(one_word("$A_1-b"), vec![var("A_1", false), l("-b")]);
        assert_eq!(one_word("a\"$X\"b"), vec![l("a"), var("X", true), l("b")]);
        assert_eq!(one_word("${A}${B}"), vec![var("A", false), var("B", false)]);
    }

    #[test]
    fn lone_dollar_is_literal() {
        assert_eq!(one_word("$"), vec![l("$")]);
        assert_eq!(one_word("a$"), vec![l("a$")]);
        assert_eq!(one_word("$1"), vec![l("$1")]);
        assert_eq!(one_word("$-x"), vec![l("$-x")]);
        assert_eq!(one_word("\"$\""), vec![q("$")]);
        assert_eq!(one_word("\"a$ b\""), vec![q("a$ b")]);
        assert_eq!(one_word("$'x'"), vec![l("$"), q("x")]);
    }

    #[test]
    fn command_substitution_in_quotes() {
        let parts = one_word(r#""$(echo ")")""#);
        let [
            CommandSubst {
                script,
                quoted: true,
            },
        ] = parts.as_slice()
        else {
            panic!("{parts:?}")
        };
        let words = &script.items[0].first.commands[0].words;
        assert_eq!(words[1].parts, vec![q(")")]);
        let parts = one_word(r#""x $(a) y""#);
        assert!(
            matches!(parts.as_slice(), [Quoted(a), CommandSubst { quoted: true, .. }, Quoted(b)] if a == "x " && b == " y")
        );
    }

    #[test]
    fn word_stops_at_operators_but_not_hash_or_braces() {
        for (input, end) in [
            ("ab cd", 2),
            ("ab|c", 2),
            ("ab;c", 2),
            ("ab&c", 2),
            ("ab>c", 2),
            ("ab\r\nc", 2),
            ("a#b{c}=d", 8),
        ] {
            let mut p = Parser::new(input);
            p.word().unwrap();
            assert_eq!(p.pos, end, "{input:?}");
        }
        assert_eq!(one_word("a\rb"), vec![l("a\rb")]);
    }
}
