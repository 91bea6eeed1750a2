//! The Java regex subset: whole-string matching, supported constructs, and refusals.

use super::super::ErrorKind;
use super::super::regex::Regex;

fn full(pattern: &str, text: &str) -> bool {
    match Regex::new(pattern) {
        Ok(re) => re.is_full_match(text),
        Err(e) => panic!("{pattern:?} should compile: {e}"),
    }
}

fn refused(pattern: &str) -> (ErrorKind, usize) {
    match Regex::new(pattern) {
        Ok(re) => panic!("{pattern:?} should be refused, got {re:?}"),
        Err(e) => (e.kind(), e.offset()),
    }
}

#[test]
fn whole_string_semantics() {
    assert!(full("t2.*", "t2.micro"));
    assert!(
        !full("t2", "t2.micro"),
        "Java matches() needs the whole string"
    );
    assert!(!full("micro", "t2.micro"));
    assert!(full(".*micro", "t2.micro"));
    assert!(full("", ""));
    assert!(!full("", "a"));
    assert!(full("a|", ""));
}

#[test]
fn supported_constructs() {
    let cases: &[(&str, &str, bool)] = &[
        ("g2.*|p2.*", "p2.xlarge", true),
        ("(g2|p2)\\..*", "g2.2xlarge", true),
        ("(g2|p2)\\..*", "g22xlarge", false),
        ("(?:ab)+", "ababab", true),
        ("(?<kind>ab)+c", "ababc", true),
        ("a?b+c*", "bbb", true),
        ("a?b+c*", "ac", false),
        ("a{3}", "aaa", true),
        ("a{3}", "aaaa", false),
        ("a{2,}", "aaaaa", true),
        ("a{2,3}", "a", false),
        ("a{0,2}b", "b", true),
        ("[a-z]+-[a-z]+-\\d[a-z]", "us-east-1a", true),
        ("[^abc]+", "xyz", true),
        ("[^abc]+", "xaz", false),
        ("[a-cx-z]", "y", true),
        ("[-a]+", "-a-", true),
        ("[a-]+", "-a-", true),
        ("[\\d.]+", "1.14.5", true),
        ("[\\D]", "5", false),
        ("[^\\s]+", "a b", false),
        ("\\w+", "abc_123", true),
        ("\\W", "-", true),
        ("\\s\\S", " x", true),
        ("\\.", ".", true),
        ("\\.", "x", false),
        ("\\Q.*\\E", ".*", true),
        ("\\Q.*\\E", "ab", false),
        ("a\\Q.", "a.", true),
        ("\\x41\\u00e9", "Aé", true),
        ("\\t\\n", "\t\n", true),
        ("^t2.*$", "t2.micro", true),
        ("a$", "a\n", false),
        ("a$\n", "a\n", true),
        ("a^b", "ab", false),
        (".", "\n", false),
        (".", "é", true),
        ("é+", "ééé", true),
        ("a.*?b", "axxb", true),
        ("a+?", "aaa", true),
        ("(a*)*b", "aaaab", true),
        ("(a|b)*abb", "babababb", true),
        ("(a?){20}a{20}", "aaaaaaaaaaaaaaaaaaaa", true),
        ("]", "]", true),
        ("}", "}", true),
        ("a b", "a b", true),
        ("#", "#", true),
    ];
    for &(p, t, want) in cases {
        assert_eq!(full(p, t), want, "{p:?} on {t:?}");
    }
}

#[test]
fn refusals() {
    use ErrorKind::{InvalidRegex as I, UnsupportedRegex as U};
    let cases: &[(&str, ErrorKind, usize)] = &[
        ("*a", I, 0),
        ("a**", I, 2),
        ("a+*", I, 2),
        ("a??+", I, 3),
        ("(a", I, 0),
        ("a)", I, 1),
        ("[a", I, 0),
        ("[z-a]", I, 1),
        ("\\", I, 0),
        ("a{", I, 1),
        ("a{x}", I, 1),
        ("a{3,2}", I, 1),
        ("{3}", I, 0),
        ("\\y", I, 0),
        ("\\xZZ", I, 0),
        ("(?<x", I, 0),
        ("(?=a)", U, 0),
        ("(?!a)", U, 0),
        ("(?<=a)b", U, 0),
        ("(?>a)", U, 0),
        ("(?i)a", U, 0),
        ("a*+", U, 2),
        ("a{2}+", U, 4),
        ("(a)\\1", U, 3),
        ("\\0101", U, 0),
        ("\\p{L}", U, 0),
        ("\\bword\\b", U, 0),
        ("\\Aa\\z", U, 0),
        ("[a&&b]", U, 2),
        ("[[a]]", U, 1),
        ("[]a]", U, 1),
        ("[\\d-z]", U, 1),
        ("[\\Qa\\E]", U, 1),
        ("\\x{41}", U, 0),
        ("a{1001}", U, 1),
        ("((a{1000}){1000}){1000}", U, 0),
        ("((){1000}){1000}", U, 0),
    ];
    for &(p, kind, offset) in cases {
        assert_eq!(refused(p), (kind, offset), "{p:?}");
    }
    let deep = format!("{}a{}", "(".repeat(101), ")".repeat(101));
    assert_eq!(refused(&deep).0, U);
    assert!(full("(){1000}(){1000}a", "a"));
    let ok = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    assert!(full(&ok, "a"));
}

#[test]
fn offsets_are_bytes() {
    // 'é' is two bytes: the dangling '*' is at byte 3.
    assert_eq!(refused("é**"), (ErrorKind::InvalidRegex, 3));
}

#[test]
fn long_texts_are_linear() {
    let re = Regex::new("(a|aa)*(a|aa)*(a|aa)*b");
    let Ok(re) = re else { panic!("compiles") };
    let text = "a".repeat(5000);
    assert!(!re.is_full_match(&text));
}
