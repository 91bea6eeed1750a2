//! Parser for the subset of Java regular expressions (`java.util.regex.Pattern`) that the
//! sandbox implements. Valid Java that the sandbox does not implement is refused with
//! `UnsupportedRegex`; text Java itself would reject is refused with `InvalidRegex`.
//!
//! Implemented: literals, `.`, `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (and their lazy `?` forms),
//! classes `[a-z]`, `[^…]`, `\d \D \w \W \s \S` (also inside classes), anchors `^` `$`,
//! alternation `|`, groups `(…)`, `(?:…)`, `(?<name>…)`, escapes `\t \n \r \f \a \e \xhh
//! \uhhhh`, `\Q…\E`, and any escaped non-letter.

use super::charset::{CharSet, DIGIT, LINE_TERMINATORS, SPACE, WORD};
use super::error::{ErrorKind, QueryLanguageError};

/// The regular expression tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Re {
    Empty,
    Set(CharSet),
    Start,
    End,
    Concat(Vec<Re>),
    Alt(Vec<Re>),
    Repeat(Box<Re>, u32, Option<u32>),
}

const MAX_GROUP_DEPTH: usize = 100;
const MAX_COUNT: u32 = 1000;

/// An escape read by `escape`: one character, a set, or the start of a `\Q…\E` quote.
enum Item {
    Char(char),
    Set(CharSet),
    Quote,
}

/// Parses `pattern`; error offsets are byte offsets into `pattern`.
pub(crate) fn parse(pattern: &str) -> Result<Re, QueryLanguageError> {
    let mut p = P {
        chars: pattern.char_indices().collect(),
        i: 0,
        len: pattern.len(),
        depth: 0,
    };
    let re = p.alt()?;
    match p.peek() {
        None => Ok(re),
        Some(_) => Err(p.invalid(p.off(), "unmatched closing ')'")),
    }
}

struct P {
    chars: Vec<(usize, char)>,
    i: usize,
    len: usize,
    depth: usize,
}

impl P {
    fn off(&self) -> usize {
        self.chars.get(self.i).map_or(self.len, |&(o, _)| o)
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|&(_, c)| c)
    }
    fn peek2(&self) -> Option<char> {
        self.chars.get(self.i + 1).map(|&(_, c)| c)
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }
    fn invalid(&self, at: usize, msg: &str) -> QueryLanguageError {
        QueryLanguageError::new(
            ErrorKind::InvalidRegex,
            at,
            format!("invalid regular expression: {msg}"),
        )
    }
    fn unsupported(&self, at: usize, msg: &str) -> QueryLanguageError {
        QueryLanguageError::new(
            ErrorKind::UnsupportedRegex,
            at,
            format!("unsupported regular expression construct: {msg}"),
        )
    }

    fn alt(&mut self) -> Result<Re, QueryLanguageError> {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.bump();
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Re::Empty)
        } else {
            Re::Alt(branches)
        })
    }

    fn concat(&mut self) -> Result<Re, QueryLanguageError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(match items.len() {
            0 => Re::Empty,
            1 => items.pop().unwrap_or(Re::Empty),
            _ => Re::Concat(items),
        })
    }

    fn atom(&mut self) -> Result<Re, QueryLanguageError> {
        let at = self.off();
        let Some(c) = self.bump() else {
            return Ok(Re::Empty);
        };
        match c {
            '(' => self.group(at),
            '[' => self.class(at).map(Re::Set),
            '.' => Ok(Re::Set(CharSet::of(LINE_TERMINATORS, true))),
            '^' => Ok(Re::Start),
            '$' => Ok(Re::End),
            '\\' => match self.escape(at, false)? {
                Item::Char(c) => Ok(Re::Set(CharSet::one(c))),
                Item::Set(s) => Ok(Re::Set(s)),
                Item::Quote => Ok(self.quoted()),
            },
            '*' | '+' | '?' => Err(self.invalid(at, &format!("dangling meta character '{c}'"))),
            '{' => Err(self.invalid(at, "illegal repetition '{' (escape it as \\{)")),
            c => Ok(Re::Set(CharSet::one(c))),
        }
    }

    /// The text after `\Q`, up to `\E` or the end of the pattern, as literals.
    fn quoted(&mut self) -> Re {
        let mut items = Vec::new();
        while let Some(c) = self.bump() {
            if c == '\\' && self.peek() == Some('E') {
                self.bump();
                break;
            }
            items.push(Re::Set(CharSet::one(c)));
        }
        Re::Concat(items)
    }

    fn quantified(&mut self, atom: Re) -> Result<Re, QueryLanguageError> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => return self.counted(atom),
            _ => return Ok(atom),
        };
        self.bump();
        self.after_quantifier()?;
        Ok(Re::Repeat(Box::new(atom), min, max))
    }

    fn counted(&mut self, atom: Re) -> Result<Re, QueryLanguageError> {
        let (min, max) = self.braces()?;
        self.after_quantifier()?;
        Ok(Re::Repeat(Box::new(atom), min, max))
    }

    /// A lazy `?` suffix is accepted (same result for a whole-string match); a possessive `+`
    /// suffix is refused; a further quantifier is Java's "dangling meta character".
    fn after_quantifier(&mut self) -> Result<(), QueryLanguageError> {
        match self.peek() {
            Some('?') => {
                self.bump();
            }
            Some('+') => return Err(self.unsupported(self.off(), "possessive quantifiers")),
            _ => {}
        }
        if let Some(c @ ('*' | '+' | '?' | '{')) = self.peek() {
            return Err(self.invalid(self.off(), &format!("dangling meta character '{c}'")));
        }
        Ok(())
    }

    /// `{n}`, `{n,}` or `{n,m}`; the cursor is on `{` and ends after `}`.
    fn braces(&mut self) -> Result<(u32, Option<u32>), QueryLanguageError> {
        let at = self.off();
        self.bump();
        let min = self
            .number()
            .ok_or_else(|| self.invalid(at, "illegal repetition"))?;
        let max = if self.peek() == Some(',') {
            self.bump();
            if self.peek() == Some('}') {
                None
            } else {
                Some(
                    self.number()
                        .ok_or_else(|| self.invalid(at, "illegal repetition"))?,
                )
            }
        } else {
            Some(min)
        };
        if self.bump() != Some('}') {
            return Err(self.invalid(at, "unclosed counted closure"));
        }
        if max.is_some_and(|m| m < min) {
            return Err(self.invalid(at, "illegal repetition range"));
        }
        if min > MAX_COUNT || max.is_some_and(|m| m > MAX_COUNT) {
            return Err(self.unsupported(at, "repetition counts above 1000"));
        }
        Ok((min, max))
    }

    fn number(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        let mut any = false;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            self.bump();
            any = true;
            value = value.saturating_mul(10).saturating_add(d);
        }
        any.then_some(value)
    }

    fn group(&mut self, at: usize) -> Result<Re, QueryLanguageError> {
        if self.peek() == Some('?') {
            self.bump();
            match (self.peek(), self.peek2()) {
                (Some(':'), _) => {
                    self.bump();
                }
                (Some('<'), Some(c)) if c.is_ascii_alphabetic() => {
                    self.bump();
                    while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                        self.bump();
                    }
                    if self.bump() != Some('>') {
                        return Err(self.invalid(at, "named group has no closing '>'"));
                    }
                }
                (Some('=' | '!'), _) | (Some('<'), Some('=' | '!')) => {
                    return Err(self.unsupported(at, "lookahead/lookbehind groups"));
                }
                (Some('>'), _) => return Err(self.unsupported(at, "atomic groups (?>…)")),
                _ => return Err(self.unsupported(at, "inline flags (?…)")),
            }
        }
        self.depth += 1;
        if self.depth > MAX_GROUP_DEPTH {
            return Err(self.unsupported(at, "groups nested more than 100 deep"));
        }
        let inner = self.alt()?;
        self.depth -= 1;
        if self.bump() != Some(')') {
            return Err(self.invalid(at, "unclosed group"));
        }
        Ok(inner)
    }

    /// After a backslash at `at`. Inside a class `\Q` is refused.
    fn escape(&mut self, at: usize, in_class: bool) -> Result<Item, QueryLanguageError> {
        let Some(c) = self.bump() else {
            return Err(self.invalid(at, "trailing backslash"));
        };
        Ok(match c {
            'd' => Item::Set(CharSet::of(DIGIT, false)),
            'D' => Item::Set(CharSet::of(DIGIT, true)),
            'w' => Item::Set(CharSet::of(WORD, false)),
            'W' => Item::Set(CharSet::of(WORD, true)),
            's' => Item::Set(CharSet::of(SPACE, false)),
            'S' => Item::Set(CharSet::of(SPACE, true)),
            't' => Item::Char('\t'),
            'n' => Item::Char('\n'),
            'r' => Item::Char('\r'),
            'f' => Item::Char('\u{0C}'),
            'a' => Item::Char('\u{07}'),
            'e' => Item::Char('\u{1B}'),
            'x' if self.peek() == Some('{') => return Err(self.unsupported(at, "\\x{…}")),
            'x' => Item::Char(self.hex(at, 2)?),
            'u' => Item::Char(self.hex(at, 4)?),
            'Q' if in_class => return Err(self.unsupported(at, "\\Q inside a character class")),
            'Q' => Item::Quote,
            '0'..='9' if c != '0' => return Err(self.unsupported(at, "back references")),
            '0' => return Err(self.unsupported(at, "octal escapes")),
            'b' | 'B' | 'A' | 'G' | 'Z' | 'z' => {
                return Err(self.unsupported(at, &format!("boundary \\{c}")));
            }
            'p' | 'P' => return Err(self.unsupported(at, "Unicode classes \\p{…}")),
            'k' | 'c' | 'h' | 'H' | 'v' | 'V' | 'R' | 'X' | 'N' => {
                return Err(self.unsupported(at, &format!("escape \\{c}")));
            }
            c if c.is_ascii_alphabetic() => {
                return Err(self.invalid(at, &format!("illegal escape sequence \\{c}")));
            }
            c => Item::Char(c),
        })
    }

    fn hex(&mut self, at: usize, n: usize) -> Result<char, QueryLanguageError> {
        let mut value = 0u32;
        for _ in 0..n {
            let d = self.bump().and_then(|c| c.to_digit(16));
            value = value * 16 + d.ok_or_else(|| self.invalid(at, "illegal hexadecimal escape"))?;
        }
        char::from_u32(value).ok_or_else(|| self.unsupported(at, "surrogate code units"))
    }

    /// A character class; the cursor is after `[`.
    fn class(&mut self, at: usize) -> Result<CharSet, QueryLanguageError> {
        let negated = self.peek() == Some('^');
        if negated {
            self.bump();
        }
        if self.peek() == Some(']') {
            return Err(self.unsupported(
                self.off(),
                "']' first in a character class (escape it as \\])",
            ));
        }
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        loop {
            let item_at = self.off();
            let item = match self.bump() {
                None => return Err(self.invalid(at, "unclosed character class")),
                Some(']') => break,
                Some('[') => return Err(self.unsupported(item_at, "nested character classes")),
                Some('&') if self.peek() == Some('&') => {
                    return Err(self.unsupported(item_at, "character class intersection &&"));
                }
                Some('\\') => self.escape(item_at, true)?,
                Some(c) => Item::Char(c),
            };
            let ranged = self.peek() == Some('-') && !matches!(self.peek2(), Some(']') | None);
            match item {
                Item::Set(_) if ranged => {
                    return Err(self.unsupported(item_at, "a range starting with a class escape"));
                }
                Item::Set(set) => ranges.extend(set.effective_ranges()),
                Item::Char(lo) if ranged => {
                    self.bump();
                    let hi_at = self.off();
                    let hi = match self.bump() {
                        Some('\\') => self.escape(hi_at, true)?,
                        Some('[') => {
                            return Err(self.unsupported(hi_at, "nested character classes"));
                        }
                        Some(c) => Item::Char(c),
                        None => return Err(self.invalid(at, "unclosed character class")),
                    };
                    match hi {
                        Item::Char(hi) if hi >= lo => ranges.push((lo as u32, hi as u32)),
                        _ => return Err(self.invalid(item_at, "illegal character range")),
                    }
                }
                Item::Char(c) => ranges.push((c as u32, c as u32)),
                Item::Quote => {
                    return Err(self.unsupported(item_at, "\\Q inside a character class"));
                }
            }
        }
        Ok(CharSet::of(&ranges, negated))
    }
}
