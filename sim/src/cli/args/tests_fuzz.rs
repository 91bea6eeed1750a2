//! Garbage in, an error out: random short argument vectors (options, shorthand and JSON fragments, odd
//! Unicode) never panic, for every modelled operation.

use super::*;
use crate::cli::model;
use crate::workspace::MemoryWorkspace;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "--cluster",
    "--count",
    "--tags",
    "--overrides",
    "--filters",
    "--cli-input-json",
    "--cli-input-yaml",
    "--generate-cli-skeleton",
    "--network-configuration",
    "--image-id",
    "--user-data",
    "--max-items",
    "--page-size",
    "--starting-token",
    "--dry-run",
    "--no-dry-run",
    "--protocol",
    "--port",
    "--ip-permissions",
    "--c",
    "--",
    "-",
    "-1",
    "-.5",
    "help",
    "",
    " ",
    "x",
    "a=b",
    "a=[",
    "a={b=",
    "'",
    "\"",
    "\\",
    "{",
    "[",
    "{}",
    "[]",
    "{\"a\":",
    "[1,]",
    "NaN",
    "file://x",
    "fileb://x",
    "file://f.json",
    "k@=file://x",
    "Name=a,Values=b,c",
    "key=a,value=b",
    "😀",
    "é=ü",
    "1:2:3",
    "output",
    "yaml-input",
    "=",
    "a==b",
    "a=b,,c",
    "--count=",
    "--tags=a=",
    "[{\"a\": [{}]}]",
    "\u{0}",
];

#[test]
fn random_argv_never_panics() {
    let ws = MemoryWorkspace::new().with_file("f.json", "{\"cluster\": [1, {\"x\": null}]}");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for service in ["ecs", "ec2", "elbv2", "ssm", "sts"] {
        let m = model::service(service).expect("model");
        let ops: Vec<&String> = m.operations.keys().collect();
        for round in 0..400 {
            let op = ops[round % ops.len()];
            let n = (rng.next() % 7) as usize;
            let mut argv: Vec<String> = Vec::new();
            for _ in 0..n {
                let mut w = rng.pick(WORDS).to_string();
                if rng.next().is_multiple_of(4) {
                    w.push_str(rng.pick(WORDS));
                }
                argv.push(w);
            }
            let result = parse_operation_args(m, op, &argv, &ws);
            if let Err(e) = result {
                assert!(!e.to_string().is_empty() || matches!(e, ArgError::Other(_)), "{argv:?}");
            }
        }
    }
}

#[test]
fn random_bytes_in_values_never_panic() {
    let m = model::service("ecs").expect("model");
    let ws = MemoryWorkspace::new();
    let mut rng = Rng(42);
    let alphabet: Vec<char> = "ab=,[]{}'\"\\ \n:@é😀0-.".chars().collect();
    for _ in 0..3000 {
        let len = (rng.next() % 16) as usize;
        let value: String = (0..len).map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize]).collect();
        for option in ["--overrides", "--tags", "--network-configuration", "--placement-strategy", "--count"] {
            let argv = vec!["--task-definition".to_string(), "t".to_string(), option.to_string(), value.clone()];
            let _ = parse_operation_args(m, "RunTask", &argv, &ws);
        }
    }
}

/// WebAssembly gets a 1 MiB stack: the deepest input the parsers accept must fit in it.
#[test]
fn deep_nesting_fits_a_small_stack() {
    let worker = std::thread::Builder::new().stack_size(1 << 20).spawn(|| {
        let m = model::service("ecs").expect("model");
        let ws = MemoryWorkspace::new();
        let json = format!("{}{}", "[".repeat(199), "]".repeat(199));
        let shorthand = format!("containerOverrides={}{}", "[".repeat(199), "]".repeat(199));
        let doc = format!("{{\"overrides\": {}1{}}}", "{\"a\": ".repeat(198), "}".repeat(198));
        let deep_cpu = format!("{{\"cpu\": {}1{}}}", "{\"a\": ".repeat(198), "}".repeat(198));
        for argv in [
            vec!["--task-definition", "t", "--placement-strategy", json.as_str()],
            vec!["--task-definition", "t", "--overrides", shorthand.as_str()],
            vec!["--task-definition", "t", "--cli-input-json", doc.as_str()],
            vec!["--task-definition", "t", "--overrides", json.as_str()],
            vec!["--task-definition", "t", "--overrides", deep_cpu.as_str()],
        ] {
            let argv: Vec<String> = argv.into_iter().map(String::from).collect();
            let _ = parse_operation_args(m, "RunTask", &argv, &ws);
        }
    });
    assert!(worker.expect("spawn").join().is_ok());
}
