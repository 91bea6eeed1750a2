//! Fuzz-style tests: random small documents and requests never panic (deterministic PRNG).

use serde_json::{Value, json};

use crate::iam_policy::explain::explain;
use crate::iam_policy::trust::{can_assume, explain_assume_role};
use crate::iam_policy::variables::Context;
use crate::iam_policy::wildcard::{action_matches, arn_like, resource_matches, wildcard_match};
use crate::iam_policy::{PolicyDocument, Request, evaluate, parse_identity_policy, parse_trust_policy, trusts_service};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ATOMS: &[&str] = &[
    "*",
    "?",
    "",
    ":",
    "::",
    "ecs:*",
    "ecs:Run?ask",
    "ECR:batchgetimage",
    "s3:a:b",
    "*:x",
    "arn:aws:ecs:*:*:task/*",
    "arn:aws:iam::123456789012:role/r",
    "arn:aws:s3:::b/*",
    "arn:aws",
    "arn:aws:*:::x",
    "${aws:username}",
    "${",
    "${a, 'b'}",
    "ecs-tasks.amazonaws.com",
    "2026-01-01T00:00:00Z",
    "10.0.0.0/8",
    "true",
    "-1e400",
    "\u{10FFFF}",
    "é*",
    "a*b*c*d*e*f*g",
    "123456789012",
    "arn:aws:sts::123456789012:assumed-role/r/s",
    "Allow",
    "Deny",
    "allow",
];
const OPS: &[&str] = &[
    "StringEquals",
    "StringNotLike",
    "ForAnyValue:StringLike",
    "ForAllValues:ArnLikeIfExists",
    "Null",
    "Bool",
    "NumericLessThan",
    "DateGreaterThan",
    "IpAddress",
    "NotIpAddress",
    "BinaryEquals",
    "ArnNotEquals",
    "Bogus",
    "StringEqualsIfExists",
    "ForAnyValue:Null",
    "DateEqualsIfExists",
    "NumericNotEquals",
];
const KEYS: &[&str] = &[
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
    "Junk",
];

fn value(r: &mut Rng, depth: u32) -> Value {
    match r.below(if depth > 2 { 3 } else { 6 }) {
        0 => Value::String(r.pick(ATOMS).to_string()),
        1 => json!(r.below(3) == 0),
        2 => json!(r.below(1000) as i64 - 500),
        3 => Value::Array((0..r.below(4)).map(|_| value(r, depth + 1)).collect()),
        4 => json!({"Service": r.pick(ATOMS), "AWS": [r.pick(ATOMS)]}),
        _ => json!({ r.pick(OPS): { r.pick(ATOMS): value(r, depth + 1) } }),
    }
}

fn statement(r: &mut Rng) -> Value {
    let mut m = serde_json::Map::new();
    if r.below(10) > 0 {
        m.insert("Effect".into(), Value::String(r.pick(&["Allow", "Deny", "allow"]).to_string()));
    }
    for _ in 0..r.below(6) {
        let k = r.pick(KEYS);
        let v = match (k, r.below(4)) {
            ("Effect", 0..=2) => Value::String(r.pick(&["Allow", "Deny"]).to_string()),
            ("Action" | "NotAction" | "Resource" | "NotResource" | "Sid", 0..=2) => {
                if r.below(2) == 0 {
                    Value::String(r.pick(ATOMS).to_string())
                } else {
                    json!([r.pick(ATOMS), r.pick(ATOMS)])
                }
            }
            ("Condition", 0..=2) => {
                json!({ r.pick(OPS): { r.pick(&["aws:SourceAccount", "k", "aws:SourceArn"]): value(r, 1) } })
            }
            ("Principal", 0) => json!("*"),
            _ => value(r, 0),
        };
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

fn document(r: &mut Rng) -> Value {
    let statements: Vec<Value> = (0..r.below(4)).map(|_| statement(r)).collect();
    let mut doc = json!({"Version": r.pick(&["2012-10-17", "2008-10-17", "2012-10-18"]), "Statement": statements});
    if r.below(5) == 0 {
        doc["Statement"] = statement(r);
    }
    if r.below(10) == 0 {
        doc = value(r, 0);
    }
    doc
}

fn request(r: &mut Rng) -> Request {
    let mut ctx = Context::new();
    for _ in 0..r.below(3) {
        let vals: Vec<String> = (0..r.below(3)).map(|_| r.pick(ATOMS).to_string()).collect();
        ctx.insert(r.pick(&["aws:SourceAccount", "k", "aws:username", "AWS:SOURCEARN"]).to_string(), vals);
    }
    Request {
        principal_arn: r.pick(ATOMS).into(),
        action: r.pick(ATOMS).into(),
        resource: r.pick(ATOMS).into(),
        context: ctx,
    }
}

#[test]
fn random_documents_and_requests_never_panic() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut parsed = 0;
    for _ in 0..4000 {
        let text = document(&mut r).to_string();
        let _ = parse_identity_policy(&text);
        let _ = parse_trust_policy(&text);
        if let Ok(doc) = PolicyDocument::from_json(&text) {
            parsed += 1;
            let req = request(&mut r);
            let d = evaluate(&req, &[&doc]);
            let e = explain(&req, &[&doc]);
            assert_eq!(d, e.decision);
            let _ = e.summary();
            let _ = doc.to_pretty_json();
            let _ = trusts_service(&doc, r.pick(ATOMS));
            let _ = can_assume(&doc, r.pick(ATOMS), &req.context);
            let _ = explain_assume_role(&doc, r.pick(ATOMS), r.pick(ATOMS), &req.context);
        }
    }
    assert!(parsed > 100, "the generator should produce parseable documents ({parsed})");
}

#[test]
fn random_text_never_panics() {
    let mut r = Rng(42);
    let alphabet: Vec<char> = "{}[]\":,*?$ aAzZ019-\\/\u{0}\u{7f}é".chars().collect();
    for _ in 0..3000 {
        let len = r.below(40);
        let s: String = (0..len).map(|_| alphabet[r.below(alphabet.len())]).collect();
        let _ = parse_identity_policy(&s);
        let _ = parse_trust_policy(&s);
        let _ = PolicyDocument::from_json(&s);
        let t: String = (0..r.below(20)).map(|_| alphabet[r.below(alphabet.len())]).collect();
        let _ = (wildcard_match(&s, &t), action_matches(&s, &t), resource_matches(&s, &t), arn_like(&s, &t));
    }
}

#[test]
fn deep_and_large_inputs_do_not_panic() {
    let deep = "[".repeat(10_000);
    assert!(parse_identity_policy(&deep).is_err());
    let long_pattern = "*a".repeat(2000);
    let long_text = "a".repeat(4000);
    assert!(wildcard_match(&long_pattern, &long_text));
    assert!(!resource_matches(&long_pattern, &"b".repeat(4000)));
}
