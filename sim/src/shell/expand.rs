//! Word expansion: variables and command substitutions through an
//! [`Expander`], then field splitting of unquoted results on blanks and
//! newlines. No globbing, no tilde expansion.

use super::ast::{Script, Word, WordPart};

/// What expansion needs from the interpreter.
pub trait Expander {
    /// The value of a variable (`"?"` for `$?`); `None` if unset.
    fn var(&self, name: &str) -> Option<String>;
    /// Runs a command substitution and returns its stdout (the caller strips
    /// nothing; trailing newlines are stripped here, as POSIX does).
    fn run(&mut self, script: &Script) -> String;
}

fn is_field_separator(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

/// Value of a `Var` or `CommandSubst` part; `None` for literal/quoted parts.
fn expansion(part: &WordPart, ex: &mut dyn Expander) -> Option<String> {
    match part {
        WordPart::Literal(_) | WordPart::Quoted(_) => None,
        WordPart::Var { name, .. } => Some(ex.var(name).unwrap_or_default()),
        WordPart::CommandSubst { script, .. } => {
            let mut out = ex.run(script);
            out.truncate(out.trim_end_matches('\n').len());
            Some(out)
        }
    }
}

/// Expands words into fields (arguments). Unquoted expansions are split on
/// blanks and newlines and vanish when empty; quoted ones never split; a word
/// of only quotes (`""`) gives one empty field.
pub fn expand_words(words: &[Word], ex: &mut dyn Expander) -> Vec<String> {
    let mut fields = Vec::with_capacity(words.len());
    for word in words {
        expand_fields_into(word, ex, &mut fields);
    }
    fields
}

fn expand_fields_into(word: &Word, ex: &mut dyn Expander, fields: &mut Vec<String>) {
    let mut current = String::new();
    // Whether `current` is a field even if empty (something quoted or literal was seen).
    let mut started = false;
    for part in &word.parts {
        match part {
            WordPart::Literal(text) | WordPart::Quoted(text) => {
                current.push_str(text);
                started = true;
            }
            WordPart::Var { quoted: true, .. } | WordPart::CommandSubst { quoted: true, .. } => {
                current.push_str(&expansion(part, ex).unwrap_or_default());
                started = true;
            }
            WordPart::Var { quoted: false, .. } | WordPart::CommandSubst { quoted: false, .. } => {
                let value = expansion(part, ex).unwrap_or_default();
                for c in value.chars() {
                    if !is_field_separator(c) {
                        current.push(c);
                        started = true;
                    } else if started {
                        fields.push(std::mem::take(&mut current));
                        started = false;
                    }
                }
            }
        }
    }
    if started {
        fields.push(current);
    }
}

/// Expands a word to a single string without field splitting (for
/// assignment values and redirection targets).
pub fn expand_word_no_split(word: &Word, ex: &mut dyn Expander) -> String {
    let mut out = String::new();
    for part in &word.parts {
        match part {
            WordPart::Literal(text) | WordPart::Quoted(text) => out.push_str(text),
            WordPart::Var { .. } | WordPart::CommandSubst { .. } => {
                out.push_str(&expansion(part, ex).unwrap_or_default());
            }
        }
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use std::collections::HashMap;

    use super::super::parse;
    use super::*;

    /// Test interpreter: `echo` joins with spaces, `tabs` joins with tabs,
    /// `raw` prints its single argument unchanged; each adds a newline.
    #[derive(Default)]
    pub(in super::super) struct TestShell {
        pub vars: HashMap<String, String>,
        pub runs: usize,
    }

    impl Expander for TestShell {
        fn var(&self, name: &str) -> Option<String> {
            self.vars.get(name).cloned()
        }
        fn run(&mut self, script: &Script) -> String {
            self.runs += 1;
            let mut out = String::new();
            for item in &script.items {
                for cmd in &item.first.commands {
                    let args = expand_words(&cmd.words, self);
                    match args.split_first() {
                        Some((c, rest)) if c == "echo" => out.push_str(&(rest.join(" ") + "\n")),
                        Some((c, rest)) if c == "tabs" => out.push_str(&(rest.join("\t") + "\n")),
                        Some((c, rest)) if c == "raw" => out.push_str(&rest.concat()),
                        _ => {}
                    }
                }
            }
            out
        }
    }

    pub(in super::super) fn shell(vars: &[(&str, &str)]) -> TestShell {
        TestShell {
            vars: vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            runs: 0,
        }
    }

    /// Parses a one-command input and expands its words.
    pub(in super::super) fn fields(input: &str, sh: &mut TestShell) -> Vec<String> {
        let script = parse(input).unwrap();
        expand_words(&script.items[0].first.commands[0].words, sh)
    }

    #[test]
    fn literal_and_quoted_concatenate() {
        let mut sh = shell(&[("X", "1 2")]);
        assert_eq!(
            fields(r#"a"$X"b 'c d' e\ f"#, &mut sh),
            ["a1 2b", "c d", "e f"]
        );
    }

    #[test]
    fn unquoted_expansions_split_and_vanish() {
        let mut sh = shell(&[("X", " a  b\t\nc "), ("E", "")]);
        assert_eq!(fields("cmd $X", &mut sh), ["cmd", "a", "b", "c"]);
        assert_eq!(
            fields("cmd x$X.y", &mut sh),
            ["cmd", "x", "a", "b", "c", ".y"]
        );
        assert_eq!(fields("cmd $E $UNSET ${E}", &mut sh), ["cmd"]);
        assert_eq!(fields("cmd \"$X\"", &mut sh), ["cmd", " a  b\t\nc "]);
    }

    #[test]
    fn empty_quotes_give_one_empty_field() {
        let mut sh = shell(&[("E", "")]);
        assert_eq!(
            fields(r#"cmd "" '' "$E" "$(raw)" $E"""#, &mut sh),
            ["cmd", "", "", "", "", ""]
        );
    }

    #[test]
    fn command_substitution_strips_trailing_newlines_only() {
        let mut sh = shell(&[("NL", "a\n\n")]);
        assert_eq!(
            fields(
                r#"cmd "$(raw "$NL")" "$(raw '
 x
')""#,
                &mut sh
            ),
            ["cmd", "a", "\n x"]
        );
    }

    #[test]
    fn nested_command_substitution() {
        let mut sh = shell(&[("X", "in")]);
        assert_eq!(
            fields("cmd $(echo out $(echo $X))", &mut sh),
            ["cmd", "out", "in"]
        );
        assert_eq!(fields(r#"cmd "$(echo ")")""#, &mut sh), ["cmd", ")"]);
        assert_eq!(sh.runs, 3);
    }

    #[test]
    fn tab_separated_output_gives_several_args() {
        let mut sh = shell(&[]);
        let args = fields(
            "aws ecs describe-tasks --tasks $(tabs arn:1 arn:2 arn:3)",
            &mut sh,
        );
        assert_eq!(
            args,
            [
                "aws",
                "ecs",
                "describe-tasks",
                "--tasks",
                "arn:1",
                "arn:2",
                "arn:3"
            ]
        );
        let args = fields("aws --tasks \"$(tabs a b)\"", &mut sh);
        assert_eq!(args, ["aws", "--tasks", "a\tb"]);
    }

    #[test]
    fn no_split_for_assignments_and_redirects() {
        let mut sh = shell(&[("X", " a b ")]);
        let script = parse("V=$X$(echo  c  d) cmd >$X.log").unwrap();
        let cmd = &script.items[0].first.commands[0];
        assert_eq!(
            expand_word_no_split(&cmd.assignments[0].1, &mut sh),
            " a b c d"
        );
        assert_eq!(
            expand_word_no_split(&cmd.redirects[0].target, &mut sh),
            " a b .log"
        );
        assert_eq!(expand_word_no_split(&Word::default(), &mut sh), "");
    }

    #[test]
    fn status_variable() {
        let mut sh = shell(&[("?", "0")]);
        assert_eq!(fields("echo $? \"$?\"", &mut sh), ["echo", "0", "0"]);
    }
}
