//! BuildKit's plain progress output (`#3 [2/4] COPY . /app` … `#3 DONE 0.0s`), its error blocks (the failed
//! step, the `Dockerfile:N` source excerpt, `ERROR: failed to solve: …`), the build-check warnings summary,
//! and the build context: the workspace files under the context directory, minus `.dockerignore`.
//! Timings are fixed so that output is deterministic.

use crate::workspace::Workspace;

/// The text of a build as it is printed, vertex by vertex.
#[derive(Debug, Default)]
pub struct Progress {
    pub text: String,
    next: usize,
}

impl Progress {
    pub fn new() -> Progress {
        Progress { text: "#0 building with \"default\" instance using docker driver\n".into(), next: 1 }
    }
    /// Starts a vertex and returns its number.
    pub fn vertex(&mut self, name: &str) -> usize {
        let n = self.next;
        self.next += 1;
        self.text.push_str(&format!("\n#{n} {name}\n"));
        n
    }
    pub fn line(&mut self, n: usize, text: &str) {
        self.text.push_str(&format!("#{n} {text}\n"));
    }
    pub fn done(&mut self, n: usize, secs: &str) {
        self.text.push_str(&format!("#{n} DONE {secs}\n"));
    }
    pub fn cached(&mut self, n: usize) {
        self.text.push_str(&format!("#{n} CACHED\n"));
    }
    /// A failed vertex: its error line and the `------ > name: ------` block.
    pub fn fail(&mut self, n: usize, name: &str, message: &str) {
        self.text.push_str(&format!("#{n} ERROR: {message}\n------\n > {name}:\n------\n"));
    }
}

/// A build-check warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub rule: &'static str,
    pub message: String,
    pub line: usize,
}

/// `\n 1 warning found (use docker --debug to expand):\n - Rule: message (line N)\n`.
pub fn warnings_block(warnings: &[Warning]) -> String {
    if warnings.is_empty() {
        return String::new();
    }
    let n = warnings.len();
    let mut out = format!("\n {n} warning{} found (use docker --debug to expand):\n", if n == 1 { "" } else { "s" });
    for w in warnings {
        out.push_str(&format!(" - {}: {} (line {})\n", w.rule, w.message, w.line));
    }
    out
}

/// The source excerpt buildx prints under an error: up to two lines of context on each side of a one-line
/// range (one for longer ranges), the range marked `>>>`.
pub fn snippet(file_name: &str, text: &str, first: usize, last: usize) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    if first < 1 || first > lines.len() {
        return String::new();
    }
    let (mut start, mut end) = (first, last.clamp(first, lines.len()));
    let pad = if end == start { 4 } else { 2 };
    let mut p = 0;
    while p < pad {
        if start > 1 {
            start -= 1;
            p += 1;
        }
        if end != lines.len() {
            end += 1;
            p += 1;
        }
        p += 1;
    }
    let mut out = format!("{file_name}:{first}\n{}\n", "-".repeat(20));
    for i in start..=end {
        let pfx = if (first..=last).contains(&i) { ">>>" } else { "   " };
        let line = lines.get(i - 1).copied().unwrap_or("");
        out.push_str(&format!(" {i:>3} | {pfx} {line}\n"));
    }
    out.push_str(&format!("{}\n", "-".repeat(20)));
    out
}

/// Sizes as BuildKit's progress prints them (`2B`, `1.12kB`, `3.75MB`).
pub fn transfer_size(bytes: usize) -> String {
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes}B")
    } else if b < 1024.0 * 1024.0 {
        format!("{:.2}kB", b / 1024.0)
    } else {
        format!("{:.2}MB", b / 1024.0 / 1024.0)
    }
}

/// A file of the build context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextFile {
    /// Path relative to the context directory.
    pub path: String,
    pub content: String,
}

/// `path.Match`-style glob: `*` and `?` stay within a path segment, `**` crosses them.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    fn go(p: &[char], s: &[char]) -> bool {
        match p.split_first() {
            None => s.is_empty(),
            Some(('*', rest)) if rest.first() == Some(&'*') => {
                let rest = rest.get(1..).unwrap_or_default();
                let rest = rest.strip_prefix(&['/']).unwrap_or(rest);
                (0..=s.len()).any(|i| go(rest, s.get(i..).unwrap_or_default()))
            }
            Some(('*', rest)) => {
                let limit = s.iter().position(|c| *c == '/').unwrap_or(s.len());
                (0..=limit).any(|i| go(rest, s.get(i..).unwrap_or_default()))
            }
            Some(('?', rest)) => s.first().is_some_and(|c| *c != '/') && go(rest, s.get(1..).unwrap_or_default()),
            Some((c, rest)) => s.first() == Some(c) && go(rest, s.get(1..).unwrap_or_default()),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = path.chars().collect();
    go(&p, &s)
}

fn clean(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Whether `path` or one of its parent directories matches `pattern`.
fn matches_with_parents(pattern: &str, path: &str) -> bool {
    let mut prefix = String::new();
    for part in path.split('/') {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        if glob_match(pattern, &prefix) {
            return true;
        }
    }
    false
}

/// The context directory's files after `.dockerignore`; `None` if the directory does not exist. The
/// second value is the size of `.dockerignore` as transferred (`2B` when there is none).
pub fn load_context(files: &dyn Workspace, dir: &str) -> Option<(Vec<ContextFile>, usize)> {
    let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
    let names: Vec<String> = files.names().into_iter().map(|n| clean(&n)).filter(|n| n.starts_with(&prefix)).collect();
    if !dir.is_empty() && names.is_empty() {
        return None;
    }
    let ignore = files.read(&format!("{prefix}.dockerignore")).unwrap_or_default();
    let rules: Vec<(bool, String)> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_prefix('!') {
            Some(p) => (false, clean(p.trim())),
            None => (true, clean(l)),
        })
        .collect();
    let mut out = Vec::new();
    for name in names {
        let rel = name.strip_prefix(&prefix).unwrap_or(&name).to_string();
        let mut excluded = false;
        for (exclude, pattern) in &rules {
            if matches_with_parents(pattern, &rel) {
                excluded = *exclude;
            }
        }
        if excluded {
            continue;
        }
        let content = files.read(&name).unwrap_or_default();
        out.push(ContextFile { path: rel, content });
    }
    Some((out, if ignore.is_empty() { 2 } else { ignore.len() }))
}

/// The context files a `COPY` source names (a file, a directory, `.` or a glob); `None` if nothing matches.
pub fn match_source<'a>(context: &'a [ContextFile], source: &str) -> Option<Vec<&'a ContextFile>> {
    let src = clean(source);
    let found: Vec<&ContextFile> = if src.is_empty() {
        context.iter().collect()
    } else if src.contains(['*', '?', '[']) {
        context.iter().filter(|f| matches_with_parents(&src, &f.path)).collect()
    } else {
        let dir = format!("{src}/");
        context.iter().filter(|f| f.path == src || f.path.starts_with(&dir)).collect()
    };
    (!found.is_empty() || src.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::MemoryWorkspace;

    #[test]
    fn snippet_like_buildx() {
        let text = "FROM nginx\nCOPY missing.txt /app/\n";
        assert_eq!(snippet("Dockerfile", text, 2, 2),
            "Dockerfile:2\n--------------------\n   1 |     FROM nginx\n   2 | >>> COPY missing.txt /app/\n   3 |     \n--------------------\n");
        let long: String = (1..=10).map(|i| format!("L{i}\n")).collect();
        let s = snippet("Dockerfile", &long, 5, 5);
        assert!(s.starts_with("Dockerfile:5\n") && s.contains("   3 |     L3") && s.contains("   7 |     L7") && !s.contains("L8"));
        assert_eq!(snippet("Dockerfile", "x", 9, 9), "");
    }

    #[test]
    fn context_and_ignore() {
        let ws = MemoryWorkspace::new().with_file("Dockerfile", "FROM x").with_file("app/a.js", "1").with_file("app/b.js", "22")
            .with_file("secret.env", "k").with_file(".dockerignore", "*.env\nnode_modules\n");
        let (ctx, ignore) = load_context(&ws, "").unwrap();
        assert!(ctx.iter().all(|f| f.path != "secret.env"));
        assert_eq!(ignore, 19);
        assert_eq!(match_source(&ctx, "app").map(|v| v.len()), Some(2));
        assert_eq!(match_source(&ctx, "./app/*.js").map(|v| v.len()), Some(2));
        assert_eq!(match_source(&ctx, ".").map(|v| v.len()), Some(ctx.len()));
        assert!(match_source(&ctx, "secret.env").is_none());
        assert!(load_context(&ws, "nope").is_none());
        assert_eq!(transfer_size(2), "2B");
        assert_eq!(transfer_size(2232), "2.18kB");
    }
}
