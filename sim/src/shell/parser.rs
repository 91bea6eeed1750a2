//! The grammar on top of the lexer: lists (`;`, newlines), and/or lists,
//! pipelines, simple commands with assignments and redirections, and the
//! syntax errors for operators in the wrong place or unsupported constructs.

use super::ast::{
    AndOrList, Connector, Pipeline, Redirect, RedirectKind, Script, SimpleCommand, Word, WordPart,
    is_name,
};
use super::error::{ShellError, Unfinished};
use super::lexer::Parser;

/// Splits `NAME=value` (with `NAME=` unquoted) into its name and value.
fn split_assignment(word: Word) -> Result<(String, Word), Word> {
    let Some(WordPart::Literal(first)) = word.parts.first() else {
        return Err(word);
    };
    let Some(eq) = first.find('=') else {
        return Err(word);
    };
    let (Some(name), Some(value)) = (first.get(..eq), first.get(eq + 1..)) else {
        return Err(word);
    };
    if !is_name(name) {
        return Err(word);
    }
    let (name, value) = (name.to_owned(), value.to_owned());
    let mut parts: Vec<WordPart> = word.parts.into_iter().skip(1).collect();
    if !value.is_empty() {
        parts.insert(0, WordPart::Literal(value));
    }
    Ok((name, Word { parts }))
}

impl Parser<'_> {
    /// "Unexpected token" at the cursor (or end of input).
    pub(super) fn unexpected(&self) -> ShellError {
        let b1 = self.byte_at(self.pos + 1);
        let token = match self.byte_at(self.pos) {
            None => match self.cont_at_eof {
                Some(offset) => {
                    return ShellError::Incomplete {
                        what: Unfinished::Backslash,
                        offset,
                    };
                }
                None => "newline",
            },
            Some(b';') if b1 == Some(b';') => ";;",
            Some(b'&') if b1 == Some(b'&') => "&&",
            Some(b'|') if b1 == Some(b'|') => "||",
            Some(b'>') if b1 == Some(b'>') => ">>",
            Some(b'\n' | b'#') => "newline",
            Some(b'\r') if b1 == Some(b'\n') => "newline",
            _ => {
                let c = self
                    .src
                    .get(self.pos..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or('?');
                return ShellError::syntax(
                    format!("syntax error near unexpected token '{c}'"),
                    self.pos,
                );
            }
        };
        ShellError::syntax(
            format!("syntax error near unexpected token '{token}'"),
            self.pos,
        )
    }

    /// A list of and/or lists. `subst_open` is the offset of the `$(` when
    /// parsing a command substitution: then the list ends at (without
    /// consuming) an unquoted `)`.
    pub(super) fn list(&mut self, subst_open: Option<usize>) -> Result<Script, ShellError> {
        let mut items = Vec::with_capacity(1);
        loop {
            self.skip_blanks_and_comments();
            if let Some(n) = self.newline_len() {
                self.pos += n;
                continue;
            }
            match (self.cur(), subst_open) {
                (None, None) | (Some(b')'), Some(_)) => return Ok(Script { items }),
                (None, Some(offset)) => {
                    return Err(ShellError::Incomplete {
                        what: Unfinished::CommandSubst,
                        offset,
                    });
                }
                (Some(b';' | b'|' | b'&' | b')'), _) => return Err(self.unexpected()),
                _ => {}
            }
            items.push(self.and_or()?);
            self.skip_blanks_and_comments();
            if let Some(n) = self.newline_len() {
                self.pos += n;
                continue;
            }
            match self.cur() {
                Some(b';') if self.byte_at(self.pos + 1) == Some(b';') => {
                    return Err(self.unexpected());
                }
                Some(b';') => self.pos += 1,
                None => {}
                Some(b')') if subst_open.is_some() => {}
                Some(_) => return Err(self.unexpected()),
            }
        }
    }

    fn and_or(&mut self) -> Result<AndOrList, ShellError> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            self.skip_blanks();
            let connector = match (self.cur(), self.byte_at(self.pos + 1)) {
                (Some(b'&'), Some(b'&')) => Connector::And,
                (Some(b'|'), Some(b'|')) => Connector::Or,
                _ => break,
            };
            let op = self.pos;
            self.pos += 2;
            self.skip_linebreaks();
            if self.cur().is_none() {
                return Err(ShellError::Incomplete {
                    what: Unfinished::AndOr,
                    offset: op,
                });
            }
            rest.push((connector, self.pipeline()?));
        }
        Ok(AndOrList { first, rest })
    }

    fn pipeline(&mut self) -> Result<Pipeline, ShellError> {
        let mut commands = vec![self.command()?];
        loop {
            self.skip_blanks();
            if self.cur() != Some(b'|') || self.byte_at(self.pos + 1) == Some(b'|') {
                break;
            }
            let op = self.pos;
            self.pos += 1;
            if self.byte_at(self.pos) == Some(b'&') {
                return Err(ShellError::syntax(
                    "'|&' is not supported; use '2>&1 |'",
                    op,
                ));
            }
            self.skip_linebreaks();
            if self.cur().is_none() {
                return Err(ShellError::Incomplete {
                    what: Unfinished::Pipe,
                    offset: op,
                });
            }
            commands.push(self.command()?);
        }
        Ok(Pipeline { commands })
    }

    fn command(&mut self) -> Result<SimpleCommand, ShellError> {
        let mut cmd = SimpleCommand::default();
        loop {
            self.skip_blanks();
            if self.newline_len().is_some() {
                break;
            }
            let Some(b) = self.cur() else { break };
            match b {
                b';' | b'|' | b')' => break,
                b'&' => match self.byte_at(self.pos + 1) {
                    Some(b'&') => break,
                    Some(b'>') => {
                        return Err(ShellError::syntax(
                            "'&>' is not supported; use '>file 2>&1'",
                            self.pos,
                        ));
                    }
                    _ => {
                        return Err(ShellError::syntax(
                            "background jobs (&) are not supported in the sandbox terminal",
                            self.pos,
                        ));
                    }
                },
                b'(' if cmd.is_empty() => {
                    return Err(ShellError::syntax(
                        "subshells ( … ) are not supported",
                        self.pos,
                    ));
                }
                b'#' => self.skip_comment(),
                b'<' | b'>' => {
                    let redirect = self.redirect(None)?;
                    cmd.redirects.push(redirect);
                }
                _ => {
                    if let Some(fd) = self.fd_prefix()? {
                        let redirect = self.redirect(Some(fd))?;
                        cmd.redirects.push(redirect);
                        continue;
                    }
                    let word = self.word()?;
                    if !cmd.words.is_empty() {
                        cmd.words.push(word);
                        continue;
                    }
                    match split_assignment(word) {
                        Ok(assignment) => cmd.assignments.push(assignment),
                        Err(word) => cmd.words.push(word),
                    }
                }
            }
        }
        if cmd.is_empty() {
            return Err(self.unexpected());
        }
        Ok(cmd)
    }

    /// If the cursor is at digits directly followed by `<` or `>`, consumes
    /// the digits and returns the descriptor number.
    fn fd_prefix(&mut self) -> Result<Option<u32>, ShellError> {
        let start = self.pos;
        let mut end = start;
        while self.byte_at(end).is_some_and(|b| b.is_ascii_digit()) {
            end += 1;
        }
        if end == start || !matches!(self.byte_at(end), Some(b'<' | b'>')) {
            return Ok(None);
        }
        let digits = self.src.get(start..end).unwrap_or("");
        let fd = digits
            .parse()
            .map_err(|_| ShellError::syntax(format!("bad file descriptor: {digits}"), start))?;
        self.pos = end;
        Ok(Some(fd))
    }

    /// A redirection operator at the cursor, then its target.
    fn redirect(&mut self, fd: Option<u32>) -> Result<Redirect, ShellError> {
        let op = self.pos;
        let input = self.byte_at(op) == Some(b'<');
        self.pos += 1;
        let unsupported = |what: &str| {
            ShellError::syntax(
                format!("{what} is not supported in the sandbox terminal"),
                op,
            )
        };
        let kind = match (input, self.byte_at(self.pos)) {
            (true, Some(b'<')) => return Err(unsupported("here-documents (<<)")),
            (_, Some(b'(')) => return Err(unsupported("process substitution <(…) / >(…)")),
            (true, Some(b'&')) => return Err(unsupported("'<&'")),
            (true, Some(b'>')) => return Err(unsupported("'<>'")),
            (true, _) => RedirectKind::In,
            (false, Some(b'>')) => {
                self.pos += 1;
                RedirectKind::Append
            }
            (false, Some(b'|')) => {
                self.pos += 1;
                RedirectKind::Out
            }
            (false, Some(b'&')) => {
                self.pos += 1;
                let start = self.pos;
                while self.byte_at(self.pos).is_some_and(|b| b.is_ascii_digit()) {
                    self.pos += 1;
                }
                let digits = self.src.get(start..self.pos).unwrap_or("");
                let Ok(to) = digits.parse() else {
                    return Err(ShellError::syntax(
                        "'>&' must be followed by a file descriptor number, as in 2>&1",
                        op,
                    ));
                };
                return Ok(Redirect {
                    fd: fd.unwrap_or(1),
                    kind: RedirectKind::DupOut(to),
                    target: Word::default(),
                });
            }
            (false, _) => RedirectKind::Out,
        };
        let fd = fd.unwrap_or(u32::from(!input));
        self.skip_blanks();
        if self.newline_len().is_some()
            || matches!(
                self.cur(),
                None | Some(b';' | b'|' | b'&' | b'<' | b'>' | b'(' | b')' | b'#')
            )
        {
            return Err(self.unexpected());
        }
        let target = self.word()?;
        Ok(Redirect { fd, kind, target })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assign(word: Word) -> Option<(String, Word)> {
        split_assignment(word).ok()
    }

    #[test]
    fn assignment_needs_unquoted_name_and_equals() {
        let (name, value) = assign(Word::literal("A=1")).unwrap();
        assert_eq!((name.as_str(), value), ("A", Word::literal("1")));
        let (name, value) = assign(Word::literal("_x=")).unwrap();
        assert_eq!((name.as_str(), value.parts.len()), ("_x", 0));
        let (_, value) = assign(Word::literal("A=b=c")).unwrap();
        assert_eq!(value, Word::literal("b=c"));
        assert!(assign(Word::literal("1A=1")).is_none());
        assert!(assign(Word::literal("=1")).is_none());
        assert!(assign(Word::literal("A-B=1")).is_none());
        assert!(
            assign(Word {
                parts: vec![WordPart::Quoted("A=1".into())]
            })
            .is_none()
        );
        let word = Word {
            parts: vec![WordPart::Literal("A".into()), WordPart::Quoted("=1".into())],
        };
        assert!(assign(word).is_none());
    }
}
