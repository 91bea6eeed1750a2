//! End-to-end tests of [`super::parse`]: structure, assignments,
//! redirections, comments, and every incomplete-input and syntax error.

use super::*;
use Unfinished::{AndOr, Backslash, Brace, CommandSubst, DoubleQuote, Pipe, SingleQuote};

fn parsed(input: &str) -> Script {
    parse(input).unwrap_or_else(|e| panic!("{input:?}: {}", e.render(input)))
}

fn commands(script: &Script) -> Vec<&SimpleCommand> {
    let pipelines = script
        .items
        .iter()
        .flat_map(|i| std::iter::once(&i.first).chain(i.rest.iter().map(|(_, p)| p)));
    pipelines.flat_map(|p| &p.commands).collect()
}

/// Static words of every command, in order.
fn words(input: &str) -> Vec<Vec<String>> {
    let script = parsed(input);
    commands(&script)
        .iter()
        .map(|c| c.words.iter().map(|w| w.as_static().unwrap()).collect())
        .collect()
}

fn incomplete(input: &str) -> (Unfinished, usize) {
    match parse(input) {
        Err(ShellError::Incomplete { what, offset }) => {
            assert!(is_incomplete(input));
            (what, offset)
        }
        other => panic!("{input:?}: expected Incomplete, got {other:?}"),
    }
}

fn syntax(input: &str) -> (String, usize) {
    assert!(!is_incomplete(input));
    match parse(input) {
        Err(ShellError::Syntax { message, offset }) => (message, offset),
        other => panic!("{input:?}: expected Syntax, got {other:?}"),
    }
}

#[test]
fn empty_blank_and_comment_only_inputs() {
    for input in [
        "",
        "   ",
        "\t\n\n",
        "# just a comment",
        "  # c1\n# c2\n",
        "\r\n",
    ] {
        assert_eq!(parsed(input), Script::default(), "{input:?}");
    }
}

#[test]
fn words_split_on_blanks() {
    assert_eq!(
        words("aws  ecs\tlist-clusters  "),
        [["aws", "ecs", "list-clusters"]]
    );
    assert_eq!(
        words("echo 'a b' \"c  d\" e\\ f"),
        [["echo", "a b", "c  d", "e f"]]
    );
    assert_eq!(
        words("echo héllo 'wörld' \\é"),
        [["echo", "héllo", "wörld", "é"]]
    );
}

#[test]
fn line_continuation_between_and_within_words() {
    assert_eq!(
        words("aws ecs \\\n  list-tasks \\\r\n --cluster x"),
        [["aws", "ecs", "list-tasks", "--cluster", "x"]]
    );
    assert_eq!(words("ec\\\nho \"a\\\nb\""), [["echo", "ab"]]);
    assert_eq!(words("a |\\\n b &&\\\n c"), [["a"], ["b"], ["c"]]);
}

#[test]
fn comments_start_only_at_word_start() {
    assert_eq!(words("echo hi # note | x"), [["echo", "hi"]]);
    assert_eq!(words("echo a#b '#c' \\#d"), [["echo", "a#b", "#c", "#d"]]);
    assert_eq!(words("a;#c\nb # c2\n# c3\nc"), [["a"], ["b"], ["c"]]);
    assert_eq!(words("a | # comment\n b"), [["a"], ["b"]]);
    assert_eq!(words("echo $#"), [["echo", "$#"]]);
}

#[test]
fn lists_pipelines_and_connectors() {
    let script = parsed("a | b | c && d || e; f\ng;");
    assert_eq!(script.items.len(), 3);
    let first = &script.items[0];
    assert_eq!(first.first.commands.len(), 3);
    let connectors: Vec<Connector> = first.rest.iter().map(|(c, _)| *c).collect();
    assert_eq!(connectors, [Connector::And, Connector::Or]);
    assert_eq!(words("a|b&&c||d;e"), [["a"], ["b"], ["c"], ["d"], ["e"]]);
    assert_eq!(
        words("a &&\n\n b ||\n c |\n d"),
        [["a"], ["b"], ["c"], ["d"]]
    );
    assert_eq!(words("a\r\nb"), [["a"], ["b"]]);
}

#[test]
fn assignments_only_at_command_start() {
    let script = parsed("A=1 B=\"x y\" C= cmd D=2 --flag=3");
    let cmd = commands(&script)[0];
    let names: Vec<&str> = cmd.assignments.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    let values: Vec<String> = cmd
        .assignments
        .iter()
        .map(|(_, v)| v.as_static().unwrap())
        .collect();
    assert_eq!(values, ["1", "x y", ""]);
    assert_eq!(
        words("A=1 B=2 cmd D=2 --flag=3"),
        [["cmd", "D=2", "--flag=3"]]
    );
    assert_eq!(words("cmd A=1"), [["cmd", "A=1"]]);
    assert_eq!(words("export A=1"), [["export", "A=1"]]);
    assert_eq!(
        words("\"A\"=1 x; A\\=1; 1A=2"),
        [vec!["A=1", "x"], vec!["A=1"], vec!["1A=2"]]
    );
    let script = parsed("A=1");
    assert!(commands(&script)[0].words.is_empty());
    let script = parsed("X=$(echo hi)");
    let (_, value) = &commands(&script)[0].assignments[0];
    assert!(matches!(
        value.parts.as_slice(),
        [WordPart::CommandSubst { quoted: false, .. }]
    ));
    let script = parsed(">out A=1 cmd");
    assert_eq!(commands(&script)[0].assignments.len(), 1);
}

#[test]
fn nested_command_substitution_structure() {
    let script = parsed("cmd $(a $(b c))");
    let [_, word] = commands(&script)[0].words.as_slice() else {
        panic!()
    };
    let [
        WordPart::CommandSubst {
            script: outer,
            quoted: false,
        },
    ] = word.parts.as_slice()
    else {
        panic!()
    };
    let [_, inner] = commands(outer)[0].words.as_slice() else {
        panic!()
    };
    let [WordPart::CommandSubst { script: inner, .. }] = inner.parts.as_slice() else {
        panic!()
    };
    assert_eq!(commands(inner)[0].words.len(), 2);
    let script = parsed("echo $( ) $()x");
    assert_eq!(commands(&script)[0].words.len(), 3);
    let script = parsed("echo $(a | b; c\n d) $(# comment\n e)");
    assert_eq!(commands(&script)[0].words.len(), 3);
    assert_eq!(commands(&script).len(), 1);
}

fn redirects(input: &str) -> Vec<(u32, RedirectKind, String)> {
    let script = parsed(input);
    let cmd = commands(&script)[0];
    cmd.redirects
        .iter()
        .map(|r| (r.fd, r.kind, r.target.as_static().unwrap()))
        .collect()
}

#[test]
fn redirections() {
    use RedirectKind::{Append, DupOut, In, Out};
    let s = String::new;
    assert_eq!(
        redirects("cmd >f >> g <h"),
        [
            (1, Out, "f".into()),
            (1, Append, "g".into()),
            (0, In, "h".into())
        ]
    );
    assert_eq!(
        redirects("cmd 2>err 1>>log 0<in"),
        [
            (2, Out, "err".into()),
            (1, Append, "log".into()),
            (0, In, "in".into())
        ]
    );
    assert_eq!(
        redirects("cmd 2>&1 >&2 1>&2"),
        [
            (2, DupOut(1), s()),
            (1, DupOut(2), s()),
            (1, DupOut(2), s())
        ]
    );
    assert_eq!(
        redirects("cmd >'a b' >|c"),
        [(1, Out, "a b".into()), (1, Out, "c".into())]
    );
    assert_eq!(words("cmd a2>f 2x>y 2 >z"), [["cmd", "a2", "2x", "2"]]);
    assert_eq!(words("cmd 2>&1 | grep x"), [vec!["cmd"], vec!["grep", "x"]]);
    assert!(redirects("cmd 2>&1")[0].2.is_empty());
}

#[test]
fn keywords_and_braces_are_plain_words() {
    assert_eq!(
        words("if x; then y; fi"),
        [vec!["if", "x"], vec!["then", "y"], vec!["fi"]]
    );
    assert_eq!(words("{ a; }"), [vec!["{", "a"], vec!["}"]]);
    assert_eq!(words("echo {a,b} a=b"), [["echo", "{a,b}", "a=b"]]);
}

#[test]
fn every_incomplete_kind() {
    assert_eq!(incomplete("echo 'abc"), (SingleQuote, 5));
    assert_eq!(incomplete("echo 'a\nb"), (SingleQuote, 5));
    assert_eq!(incomplete("echo \"abc"), (DoubleQuote, 5));
    assert_eq!(incomplete("echo \"abc\\"), (DoubleQuote, 5));
    assert_eq!(incomplete("echo $(ls"), (CommandSubst, 5));
    assert_eq!(incomplete("echo \"$(ls\n"), (CommandSubst, 6));
    assert_eq!(incomplete("echo $(ls # )"), (CommandSubst, 5));
    assert_eq!(incomplete("echo ${HOME"), (Brace, 5));
    assert_eq!(incomplete("echo ${"), (Brace, 5));
    assert_eq!(incomplete("echo \\"), (Backslash, 5));
    assert_eq!(incomplete("aws ecs \\\n"), (Backslash, 8));
    assert_eq!(incomplete("aws ecs \\\r\n"), (Backslash, 8));
    assert_eq!(incomplete("echo > \\\n"), (Backslash, 7));
    assert_eq!(incomplete("a |"), (Pipe, 2));
    assert_eq!(incomplete("a |\n  # more\n"), (Pipe, 2));
    assert_eq!(incomplete("a &&"), (AndOr, 2));
    assert_eq!(incomplete("a ||\n"), (AndOr, 2));
    assert_eq!(incomplete("echo $(a |"), (Pipe, 9));
}

#[test]
fn complete_inputs_are_not_incomplete() {
    for input in [
        "",
        "a",
        "a\n",
        "a # \\",
        "echo 'x' \"y\" $(z)",
        "a \\\nb",
        "a; b;",
    ] {
        assert!(!is_incomplete(input), "{input:?}");
    }
    assert!(!is_incomplete("| a"));
}

#[test]
fn operator_syntax_errors() {
    let near = |t: &str| format!("syntax error near unexpected token '{t}'");
    assert_eq!(syntax("| a"), (near("|"), 0));
    assert_eq!(syntax("&& a"), (near("&&"), 0));
    assert_eq!(syntax("a\n|| b"), (near("||"), 2));
    assert_eq!(syntax("a | | b"), (near("|"), 4));
    assert_eq!(syntax("a && ; b"), (near(";"), 5));
    assert_eq!(syntax("a;;"), (near(";;"), 1));
    assert_eq!(syntax(";"), (near(";"), 0));
    assert_eq!(syntax("a; ;"), (near(";"), 3));
    assert_eq!(syntax("a )"), (near(")"), 2));
    assert_eq!(syntax("echo $(a |)"), (near(")"), 10));
    assert_eq!(syntax("a (b)"), (near("("), 2));
    assert_eq!(syntax("a b(c)"), (near("("), 3));
    assert_eq!(syntax("cat >"), (near("newline"), 5));
    assert_eq!(syntax("cat 2>"), (near("newline"), 6));
    assert_eq!(syntax("cat > | b"), (near("|"), 6));
    assert_eq!(syntax("cat <\nb"), (near("newline"), 5));
    assert_eq!(syntax("cat > # c"), (near("newline"), 6));
    assert_eq!(syntax("cat > >> x"), (near(">>"), 6));
}

#[test]
fn unsupported_construct_errors() {
    let msg = |input: &str| syntax(input).0;
    assert_eq!(
        msg("sleep 1 &"),
        "background jobs (&) are not supported in the sandbox terminal"
    );
    assert_eq!(
        msg("a & b"),
        "background jobs (&) are not supported in the sandbox terminal"
    );
    assert_eq!(msg("(cd x; ls)"), "subshells ( … ) are not supported");
    assert_eq!(msg("a; (b)"), "subshells ( … ) are not supported");
    assert_eq!(
        msg("echo `date`"),
        "backquote command substitution is not supported; use $(…)"
    );
    assert_eq!(
        msg("echo \"`date`\""),
        "backquote command substitution is not supported; use $(…)"
    );
    assert!(msg("cat <<EOF").contains("here-documents"));
    assert!(msg("diff <(a) b").contains("process substitution"));
    assert!(msg("tee >(a)").contains("process substitution"));
    assert!(msg("echo $((1+2))").contains("arithmetic"));
    assert!(msg("echo ${X:-y}").contains("bad substitution"));
    assert!(msg("echo ${}").contains("bad substitution"));
    assert!(msg("a |& b").contains("'|&'"));
    assert!(msg("a &> f").contains("'&>'"));
    assert!(msg("a >&x").contains("file descriptor"));
    assert!(msg("a 99999999999>f").contains("bad file descriptor"));
    assert!(msg("a <&0").contains("'<&'"));
}

#[test]
fn error_positions_are_absolute_lines_and_columns() {
    let input = "aws ecs list-tasks \\\n  --cluster 'déjà";
    let err = parse(input).unwrap_err();
    assert_eq!(err.line_col(input), (2, 13));
    assert_eq!(
        err.render(input),
        "syntax error: unexpected end of input: unterminated single quote (') opened at line 2, column 13"
    );
    let input = "echo ok\necho $(a; b |)";
    let err = parse(input).unwrap_err();
    assert_eq!(err.to_string(), "syntax error near unexpected token ')'");
    assert_eq!(err.line_col(input), (2, 14));
}
