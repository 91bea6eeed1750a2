//! Small text filters for pipelines: `grep [-i] [-v] [-c] PATTERN` (plain substring match), `head`/`tail`
//! `[-n N]`, and `wc [-l] [-w] [-c] [FILE…]`.

use super::interpreter::Io;

pub fn run(name: &str, args: &[String], stdin: &str, ws: &dyn crate::workspace::Workspace) -> Io {
    match name {
        "grep" => grep(args, stdin),
        "head" | "tail" => head_tail(name, args, stdin),
        _ => wc(args, stdin, ws),
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

/// `wc` as coreutils prints it: lines, words, bytes (or the ones asked for), then the file name; a total
/// line for several files.
fn wc(args: &[String], stdin: &str, ws: &dyn crate::workspace::Workspace) -> Io {
    let flags: String = args.iter().filter(|a| a.starts_with('-') && a.len() > 1).map(|a| &a[1..]).collect();
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with('-') || a.len() == 1).collect();
    let (lines, words, bytes) = (flags.contains('l'), flags.contains('w'), flags.contains('c'));
    let all = !(lines || words || bytes);
    let count = |text: &str| (text.matches('\n').count(), text.split_whitespace().count(), text.len());
    // coreutils pads to the widest number it will print for files, to 7 for stdin with several columns.
    let widest = |t: (usize, usize, usize)| [t.0, t.1, t.2].iter().map(|n| n.to_string().len()).max().unwrap_or(1);
    let mut file_width = 1;
    let row = |(l, w, c): (usize, usize, usize), name: Option<&str>, file_width: usize| {
        let mut cols = Vec::new();
        if all || lines {
            cols.push(l);
        }
        if all || words {
            cols.push(w);
        }
        if all || bytes {
            cols.push(c);
        }
        let width = match name {
            Some(_) => file_width,
            None if cols.len() == 1 => 0,
            None => 7,
        };
        let mut s: Vec<String> = cols.iter().map(|n| format!("{n:>width$}")).collect();
        if let Some(n) = name {
            s.push(n.to_string());
        }
        s.join(" ") + "\n"
    };
    if files.is_empty() {
        return Io { stdout: row(count(stdin), None, 0), ..Io::default() };
    }
    let mut io = Io::default();
    let mut total = (0, 0, 0);
    let mut counted = Vec::new();
    for f in &files {
        match ws.read(f) {
            Ok(text) => {
                let c = count(&text);
                total = (total.0 + c.0, total.1 + c.1, total.2 + c.2);
                counted.push((c, f.as_str()));
            }
            Err(e) => {
                io.stderr.push_str(&format!("wc: {e}\n"));
                io.status = 1;
            }
        }
    }
    file_width = file_width.max(widest(total));
    for (c, f) in counted {
        io.stdout.push_str(&row(c, Some(f), file_width));
    }
    if files.len() > 1 {
        io.stdout.push_str(&row(total, Some("total"), file_width));
    }
    io
}
