//! Small text filters for pipelines: `grep [-i] [-v] [-c] PATTERN` (plain substring match), `head`/`tail`
//! `[-n N]`, and `wc [-l]`.

use super::interpreter::Io;

pub fn run(name: &str, args: &[String], stdin: &str) -> Io {
    match name {
        "grep" => grep(args, stdin),
        "head" | "tail" => head_tail(name, args, stdin),
        _ => wc(args, stdin),
    }
}

fn grep(args: &[String], stdin: &str) -> Io {
    let (mut ignore_case, mut invert, mut count) = (false, false, false);
    let mut pattern = None;
    for a in args {
        match a.as_str() {
            "-i" => ignore_case = true,
            "-v" => invert = true,
            "-c" => count = true,
            _ if pattern.is_none() => pattern = Some(a.clone()),
            _ => {}
        }
    }
    let Some(pattern) = pattern else {
        return Io { stderr: "Usage: grep [-i] [-v] [-c] PATTERN\n".into(), status: 2, ..Io::default() };
    };
    let needle = if ignore_case { pattern.to_lowercase() } else { pattern };
    let matched: Vec<&str> = stdin
        .lines()
        .filter(|l| {
            let hay = if ignore_case { l.to_lowercase() } else { (*l).to_string() };
            hay.contains(&needle) != invert
        })
        .collect();
    let status = if matched.is_empty() { 1 } else { 0 };
    let stdout = if count { format!("{}\n", matched.len()) } else { matched.iter().map(|l| format!("{l}\n")).collect() };
    Io { stdout, status, ..Io::default() }
}

fn head_tail(name: &str, args: &[String], stdin: &str) -> Io {
    let mut n = 10usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-n" {
            n = it.next().and_then(|v| v.parse().ok()).unwrap_or(n);
        } else if let Some(v) = a.strip_prefix("-n").or_else(|| a.strip_prefix('-')) {
            n = v.parse().unwrap_or(n);
        }
    }
    let lines: Vec<&str> = stdin.lines().collect();
    let chosen = if name == "head" { &lines[..n.min(lines.len())] } else { &lines[lines.len().saturating_sub(n)..] };
    Io { stdout: chosen.iter().map(|l| format!("{l}\n")).collect(), ..Io::default() }
}

fn wc(args: &[String], stdin: &str) -> Io {
    let lines = stdin.matches('\n').count();
    let stdout = if args.iter().any(|a| a == "-l") {
        format!("{lines}\n")
    } else {
        format!("{:>7} {:>7} {:>7}\n", lines, stdin.split_whitespace().count(), stdin.len())
    };
    Io { stdout, ..Io::default() }
}
