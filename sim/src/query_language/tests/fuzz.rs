//! Fuzz-style checks: random short strings over the language's alphabet never panic, and every
//! error offset is a character boundary inside the text.

use super::super::parse;
use super::super::regex::Regex;
use super::{Inst, inst};

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = (self.next() % items.len() as u64) as usize;
        items.get(i).copied().unwrap_or("")
    }
}

const FRAGMENTS: &[&str] = &[
    "agentConnected",
    "agentVersion",
    "attribute:",
    "attribute:ecs.instance-type",
    "ec2InstanceId",
    "registeredAt",
    "runningTasksCount",
    "task:group",
    "==",
    "!=",
    ">",
    ">=",
    "<",
    "<=",
    "=",
    "~",
    "exists",
    "!exists",
    "in",
    "!in",
    "not_in",
    "=~",
    "!~",
    "matches",
    "equals",
    "and",
    "or",
    "not",
    "&&",
    "||",
    "!",
    "(",
    ")",
    "[",
    "]",
    ",",
    "'",
    "\"",
    " ",
    " ",
    " ",
    "t2.*",
    "1.14.5",
    "0",
    "1",
    "2018-06-18",
    "2018-06-18T22:28:28Z",
    "true",
    "i-1",
    "a",
    "b",
    "é",
    "\\",
    "*",
    "+",
    "?",
    "{",
    "}",
    "{2}",
    "|",
    "^",
    "$",
    ".",
    "-",
    ":",
    "\\d",
    "[^a-z]",
    "(?",
    "\t",
    "\u{2028}",
];

const REGEX_ALPHABET: &[&str] = &[
    "a", "b", ".", "*", "+", "?", "|", "(", ")", "(?:", "[", "]", "^", "-", "\\", "d", "w", "Q",
    "E", "{", "}", "1", "2", ",", "$", "é", "&&", "\\x4", "\\u00", "(?<n>", "\n",
];

fn instances() -> Vec<Inst> {
    vec![
        inst(),
        inst()
            .attr("ecs.instance-type", "t2.micro")
            .cap("a")
            .groups(&["a", "b"]),
        Inst {
            version: "garbage".into(),
            registered: u64::MAX,
            running: u64::MAX,
            ..inst()
        },
    ]
}

#[test]
fn random_expressions_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let insts = instances();
    let mut parsed = 0usize;
    for _ in 0..60_000 {
        let len = 1 + rng.next() % 12;
        let text: String = (0..len).map(|_| rng.pick(FRAGMENTS)).collect();
        match parse(&text) {
            Ok(e) => {
                parsed += 1;
                for i in &insts {
                    let _ = e.matches(i);
                }
            }
            Err(err) => {
                assert!(
                    err.offset() <= text.len() && text.is_char_boundary(err.offset()),
                    "{text:?}: {err}"
                );
                assert!(!err.message().is_empty());
            }
        }
    }
    assert!(
        parsed > 100,
        "the generator should produce some valid expressions ({parsed})"
    );
}

#[test]
fn random_patterns_never_panic() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..40_000 {
        let len = 1 + rng.next() % 10;
        let pattern: String = (0..len).map(|_| rng.pick(REGEX_ALPHABET)).collect();
        match Regex::new(&pattern) {
            Ok(re) => {
                for _ in 0..3 {
                    let tl = rng.next() % 8;
                    let text: String = (0..tl)
                        .map(|_| rng.pick(&["a", "b", "1", "é", "\n", "-", "."]))
                        .collect();
                    let _ = re.is_full_match(&text);
                }
            }
            Err(err) => {
                assert!(
                    err.offset() <= pattern.len() && pattern.is_char_boundary(err.offset()),
                    "{pattern:?}: {err}"
                );
            }
        }
    }
}

#[test]
fn random_bytes_as_text_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let len = rng.next() % 40;
        let text: String = (0..len)
            .map(|_| char::from_u32((rng.next() % 0x250) as u32).unwrap_or('?'))
            .collect();
        if let Err(err) = parse(&text) {
            assert!(text.is_char_boundary(err.offset().min(text.len())));
        }
    }
}
