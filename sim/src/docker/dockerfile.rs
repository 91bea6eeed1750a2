//! Dockerfile parsing as BuildKit's frontend does it: parser directives (`# escape=`), comments, line
//! continuations, heredocs (`RUN <<EOF`), then each instruction checked into a [`Command`] with BuildKit's
//! `instructions` checks each one with BuildKit's error texts.
//! Variables are expanded later, by the build, which knows the values.
//!
//! Words: an *instruction* is one logical line (continuations joined); `line` is its first line, 1-based.

use super::words::split_words;

/// One logical line of a Dockerfile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// As written (`from`, `RUN`).
    pub keyword: String,
    /// Everything after the keyword, continuations joined.
    pub rest: String,
    pub line: usize,
    pub end_line: usize,
    /// Heredoc bodies, in order (`RUN <<EOF`).
    pub heredocs: Vec<String>,
}

impl Instruction {
    /// The upper-case keyword.
    pub fn name(&self) -> String {
        self.keyword.to_ascii_uppercase()
    }
    /// How BuildKit names the step: `RUN apt-get update`.
    pub fn display(&self) -> String {
        format!("{} {}", self.name(), self.rest)
    }
}

/// A parse error and the lines it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub end_line: usize,
    pub message: String,
}

/// The escape character chosen by a `# escape=` directive (default `\`).
pub fn escape_char(text: &str) -> char {
    for line in text.lines() {
        let t = line.trim();
        let Some(body) = t.strip_prefix('#') else { break };
        let body = body.trim();
        if let Some((k, v)) = body.split_once('=') {
            if k.trim().eq_ignore_ascii_case("escape") && v.trim() == "`" {
                return '`';
            }
            continue;
        }
        break;
    }
    '\\'
}

/// Splits a Dockerfile into instructions.
pub fn parse(text: &str) -> Result<Vec<Instruction>, ParseError> {
    let escape = escape_char(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(raw) = lines.get(i) {
        i += 1;
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let start = i;
        let mut joined = String::new();
        let mut current = trimmed.to_string();
        loop {
            let t = current.trim_end();
            match t.strip_suffix(escape) {
                Some(body) => {
                    joined.push_str(body);
                    // Continue on the next non-comment, non-empty line.
                    let mut next = None;
                    while let Some(l) = lines.get(i) {
                        i += 1;
                        let lt = l.trim_start();
                        if lt.starts_with('#') || lt.is_empty() {
                            continue;
                        }
                        next = Some(l.to_string());
                        break;
                    }
                    match next {
                        Some(n) => current = n,
                        None => break,
                    }
                }
                None => {
                    joined.push_str(&current);
                    break;
                }
            }
        }
        let joined = joined.trim_end().to_string();
        let (keyword, rest) = match joined.split_once(char::is_whitespace) {
            Some((k, r)) => (k.to_string(), r.trim_start().to_string()),
            None => (joined.clone(), String::new()),
        };
        let mut heredocs = Vec::new();
        if matches!(keyword.to_ascii_lowercase().as_str(), "run" | "copy" | "add") {
            for word in split_words(&rest, escape) {
                let Some(name) = word.strip_prefix("<<") else { continue };
                let name = name.strip_prefix('-').unwrap_or(name).trim_matches(|c| c == '"' || c == '\'');
                if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                let mut body = String::new();
                let mut closed = false;
                while let Some(l) = lines.get(i) {
                    i += 1;
                    if l.trim() == name {
                        closed = true;
                        break;
                    }
                    body.push_str(l);
                    body.push('\n');
                }
                if !closed {
                    return Err(ParseError { line: start, end_line: i, message: format!("unterminated heredoc {name}") });
                }
                heredocs.push(body);
            }
        }
        out.push(Instruction { keyword, rest, line: start, end_line: i.max(start), heredocs });
    }
    if out.is_empty() {
        return Err(ParseError { line: 0, end_line: 0, message: "file with no instructions".into() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_continuations_and_skips_comments() {
        let text = "# syntax=docker/dockerfile:1\nFROM nginx\n\n# a comment\nRUN apt-get update && \\\n    # inner comment\n    apt-get install -y curl\nCOPY index.html /usr/share/nginx/html/\n";
        let ins = parse(text).unwrap();
        assert_eq!(ins.len(), 3);
        assert_eq!(ins[1].rest, "apt-get update &&     apt-get install -y curl");
        assert_eq!((ins[1].line, ins[1].end_line), (5, 7));
        assert_eq!(ins[2].display(), "COPY index.html /usr/share/nginx/html/");
    }

    #[test]
    fn heredocs_and_escape_directive() {
        let ins = parse("FROM alpine\nRUN <<EOF\necho hi\nEOF\nCMD [\"sh\"]\n").unwrap();
        assert_eq!(ins[1].heredocs, vec!["echo hi\n"]);
        assert_eq!(ins[2].name(), "CMD");
        assert_eq!(escape_char("# escape=`\nFROM x"), '`');
    }
}
