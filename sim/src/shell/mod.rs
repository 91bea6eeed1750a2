//! Shell-style command-line parser for the sandbox terminal: turns what a
//! learner types (`aws …`, `docker …`, pipes, `&&`, quotes, `$VAR`, `$(…)`)
//! into a [`Script`] syntax tree, and expands words through an [`Expander`].
//!
//! Pure, deterministic, linear-time, never panics; `$(…)` nesting is capped
//! at [`MAX_SUBST_DEPTH`].

mod ast;
mod error;
mod expand;
mod lexer;
mod parser;

pub use ast::{
    AndOrList, Connector, Pipeline, Redirect, RedirectKind, Script, SimpleCommand, Word, WordPart,
};
pub use error::{MAX_SUBST_DEPTH, ShellError, Unfinished};
pub use expand::{Expander, expand_word_no_split, expand_words};

/// Parses a whole input (one or more lines) into a [`Script`].
///
/// # Errors
///
/// [`ShellError::Incomplete`] if the input ends inside a quote, `$(`, `${`,
/// after a trailing `\`, `|`, `&&` or `||`; [`ShellError::Syntax`] for
/// malformed or unsupported syntax; [`ShellError::TooDeep`] if `$(…)` nests
/// more than [`MAX_SUBST_DEPTH`] levels.
pub fn parse(input: &str) -> Result<Script, ShellError> {
    let mut parser = lexer::Parser::new(input);
    let script = parser.list(None)?;
    if let Some(offset) = parser.cont_at_eof {
        return Err(ShellError::Incomplete {
            what: Unfinished::Backslash,
            offset,
        });
    }
    Ok(script)
}

/// True iff [`parse`] reports [`ShellError::Incomplete`]: the terminal should
/// show a continuation prompt and append the next line.
#[must_use]
pub fn is_incomplete(input: &str) -> bool {
    matches!(parse(input), Err(ShellError::Incomplete { .. }))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod stress_tests {
    use super::*;

    #[test]
    fn ten_megabyte_line_parses() {
        let input = "a ".repeat(5 * 1024 * 1024);
        let script = parse(&input).unwrap();
        assert_eq!(script.items.len(), 1);
        assert_eq!(
            script.items[0].first.commands[0].words.len(),
            5 * 1024 * 1024
        );
    }

    #[test]
    fn ten_megabytes_in_an_unterminated_quote_is_incomplete() {
        let body = "x $(y) \\\" ".repeat(1024 * 1024);
        for input in [format!("echo '{body}"), format!("echo \"{body}")] {
            assert!(matches!(
                parse(&input),
                Err(ShellError::Incomplete { offset: 5, .. })
            ));
        }
    }

    #[test]
    fn deep_nesting_is_capped() {
        let nest = |n: usize| format!("echo {}x{}", "$(".repeat(n), ")".repeat(n));
        assert!(parse(&nest(MAX_SUBST_DEPTH)).is_ok());
        assert_eq!(
            parse(&nest(MAX_SUBST_DEPTH + 1)),
            Err(ShellError::TooDeep {
                offset: 5 + 2 * MAX_SUBST_DEPTH
            })
        );
        assert!(matches!(
            parse(&nest(1_000_000)),
            Err(ShellError::TooDeep { .. })
        ));
        let quoted = format!("{}x{}", "\"$(".repeat(40), ")\"".repeat(40));
        assert!(matches!(parse(&quoted), Err(ShellError::TooDeep { .. })));
    }

    /// Parses and, when it succeeds, expands everything: must never panic.
    fn exercise(input: &str) {
        let Ok(script) = parse(input) else { return };
        let mut sh = expand::tests::shell(&[("a", "x y"), ("b", "")]);
        for item in &script.items {
            for cmd in std::iter::once(&item.first)
                .chain(item.rest.iter().map(|(_, p)| p))
                .flat_map(|p| &p.commands)
            {
                expand_words(&cmd.words, &mut sh);
                for (_, value) in &cmd.assignments {
                    expand_word_no_split(value, &mut sh);
                }
            }
        }
    }

    #[test]
    fn all_short_strings_over_shell_alphabet_never_panic() {
        const ALPHABET: &[char] = &[
            '\'', '"', '\\', '$', '(', ')', '{', '}', '|', '&', ';', '<', '>', ' ', '#', '\n',
            '\t', 'a', 'b', '=',
        ];
        let mut buf = String::new();
        for len in 0..=5 {
            let mut stack = [0usize; 5];
            loop {
                buf.clear();
                buf.extend(stack.iter().take(len).map(|&d| ALPHABET[d]));
                exercise(&buf);
                // Odometer increment over the first `len` digits.
                let mut i = 0;
                while i < len && stack[i] + 1 == ALPHABET.len() {
                    stack[i] = 0;
                    i += 1;
                }
                if i == len {
                    break;
                }
                stack[i] += 1;
            }
        }
    }

    #[test]
    fn every_ascii_char_and_pseudo_random_input_never_panics() {
        const SHELLISH: &[u8] = b"'\"\\$(){}|&;<> #\n\tab=\r`?19";
        for b in 0u8..128 {
            let c = char::from(b);
            for input in [
                format!("{c}"),
                format!("a {c}"),
                format!("\"{c}\""),
                format!("$({c})"),
                format!("a{c}b c"),
            ] {
                exercise(&input);
            }
        }
        // xorshift64: deterministic pseudo-random bytes, lossily made UTF-8.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = usize::try_from(next() % 40).unwrap();
            let bytes: Vec<u8> = (0..len).map(|_| next().to_le_bytes()[0]).collect();
            exercise(&String::from_utf8_lossy(&bytes));
            let shellish: String = bytes
                .iter()
                .map(|&b| char::from(SHELLISH[usize::from(b) % SHELLISH.len()]))
                .collect();
            exercise(&shellish);
        }
    }
}
