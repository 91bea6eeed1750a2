//! What the terminal shows and how typed or pasted text becomes command lines. Pure, so the byte-for-byte
//! agreement with `ecs_sim::transcript_entry` (what `ecs-sim run` prints) is tested natively.
//!
//! Words: an *entry* is one command with its output, or a page *notice* (a refused paste); a *segment* is a
//! run of text drawn in one style (prompt, stdout, stderr, notice); *pending* lines are the lines of a
//! command the shell has not seen the end of yet (an open quote, `$(`, a trailing `\` or `|`): the terminal
//! shows them with the `> ` continuation prompt.

use ecs_sim::commands::needs_more_input;
use ecs_sim::{Chunk, Stream};

/// One entry of the scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TerminalEntry {
    Command { command: String, chunks: Vec<Chunk>, exit_code: i32 },
    /// A message from the page itself (not from a command), shown like stderr.
    Notice { text: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// `$ command` and `> continuation` lines.
    Prompt,
    Stdout,
    Stderr,
    Notice,
}

impl SegmentKind {
    pub fn class(self) -> &'static str {
        match self {
            SegmentKind::Prompt => "t-cmd",
            SegmentKind::Stdout => "t-out",
            SegmentKind::Stderr => "t-err",
            SegmentKind::Notice => "t-notice",
        }
    }
}

impl TerminalEntry {
    /// The entry as styled runs of text. Their concatenation is exactly `ecs_sim::transcript_entry` for a
    /// command.
    pub fn segments(&self) -> Vec<(SegmentKind, String)> {
        match self {
            TerminalEntry::Command { command, chunks, .. } => {
                let mut segs = Vec::with_capacity(chunks.len() + 2);
                let mut prompt = String::with_capacity(command.len() + 4);
                for (i, line) in command.trim_end_matches('\n').split('\n').enumerate() {
                    prompt.push_str(if i == 0 { "$ " } else { "> " });
                    prompt.push_str(line);
                    prompt.push('\n');
                }
                segs.push((SegmentKind::Prompt, prompt));
                for c in chunks.iter().filter(|c| !c.text.is_empty()) {
                    let kind = match c.stream {
                        Stream::Stdout => SegmentKind::Stdout,
                        Stream::Stderr => SegmentKind::Stderr,
                    };
                    segs.push((kind, c.text.clone()));
                }
                if chunks.iter().rev().find(|c| !c.text.is_empty()).is_some_and(|c| !c.text.ends_with('\n')) {
                    segs.push((SegmentKind::Stdout, "\n".into()));
                }
                segs
            }
            TerminalEntry::Notice { text } => {
                let mut t = text.clone();
                if !t.ends_with('\n') {
                    t.push('\n');
                }
                vec![(SegmentKind::Notice, t)]
            }
        }
    }

    /// The entry's text, as the terminal shows it.
    pub fn text(&self) -> String {
        self.segments().into_iter().map(|(_, s)| s).collect()
    }
}

/// Whether a line has nothing for the shell: blank, or only a comment.
pub fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// What Enter does with the typed `line` after the `pending` continuation lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submit {
    /// Nothing to run (an empty line at the `$ ` prompt).
    Nothing,
    /// The command is complete: run it.
    Run(String),
    /// The shell needs more: these are the pending lines now.
    More(Vec<String>),
}

pub fn submit(pending: &[String], line: &str) -> Submit {
    if pending.is_empty() && line.trim().is_empty() {
        return Submit::Nothing;
    }
    let mut acc = pending.join("\n");
    if !pending.is_empty() {
        acc.push('\n');
    }
    acc.push_str(line);
    if needs_more_input(&acc) {
        let mut lines = pending.to_vec();
        lines.push(line.to_string());
        Submit::More(lines)
    } else {
        Submit::Run(acc)
    }
}

/// A paste, split as the terminal runs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PasteSplit {
    /// Complete command lines, to run in order.
    pub commands: Vec<String>,
    /// Lines of a command still open at the end of the paste.
    pub pending: Vec<String>,
    /// The text after the last newline: it stays in the input, not run.
    pub rest: String,
}

/// Splits `pending` lines plus the input with `pasted` inserted (between `before` and `after`, the input's
/// text around the cursor) into command lines, the same way `ecs-sim run` splits a script: lines accumulate
/// until the shell needs no more input; blank and comment-only lines between commands are skipped.
pub fn split_paste(pending: &[String], before: &str, pasted: &str, after: &str) -> PasteSplit {
    let text = format!("{before}{pasted}{after}").replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = text.split('\n').collect();
    let rest = lines.pop().unwrap_or_default().to_string();
    let mut acc = pending.join("\n");
    let mut commands = Vec::new();
    for line in lines {
        if acc.is_empty() && is_blank_or_comment(line) {
            continue;
        }
        if !acc.is_empty() {
            acc.push('\n');
        }
        acc.push_str(line);
        if !needs_more_input(&acc) {
            commands.push(std::mem::take(&mut acc));
        }
    }
    let pending = if acc.is_empty() { Vec::new() } else { acc.split('\n').map(String::from).collect() };
    PasteSplit { commands, pending, rest }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use ecs_sim::{CommandOutput, MemoryWorkspace, Sandbox, transcript_entry};

    fn entry(command: &str, out: &CommandOutput) -> TerminalEntry {
        TerminalEntry::Command { command: command.into(), chunks: out.chunks.clone(), exit_code: out.exit_code }
    }

    #[test]
    fn segments_concatenate_to_the_runners_transcript() {
        let mut sb = Sandbox::new(1);
        let mut ws = MemoryWorkspace::new();
        for line in [
            "aws ecs create-cluster --cluster-name demo",
            "echo -n no newline",
            "aws ecs describe-clusters --clusters nope --bogus",
            "echo 'two\nlines'",
            "echo out; echo err >&2; echo out2",
            "aws ecs list-clusters \\\n  --output text",
            "",
            "nosuchcommand",
        ] {
            let out = sb.execute(line, &mut ws);
            assert_eq!(entry(line, &out).text(), transcript_entry(line, &out), "{line:?}");
        }
    }

    #[test]
    fn stderr_is_its_own_segment() {
        let mut sb = Sandbox::new(1);
        let out = sb.execute("echo a; nosuchcommand; echo b", &mut MemoryWorkspace::new());
        let kinds: Vec<SegmentKind> = entry("x", &out).segments().into_iter().map(|(k, _)| k).collect();
        assert_eq!(kinds, [SegmentKind::Prompt, SegmentKind::Stdout, SegmentKind::Stderr, SegmentKind::Stdout]);
    }

    #[test]
    fn enter_asks_for_more_until_the_command_is_complete() {
        assert_eq!(submit(&[], "  "), Submit::Nothing);
        assert_eq!(submit(&[], "echo hi"), Submit::Run("echo hi".into()));
        assert_eq!(submit(&[], "echo 'a"), Submit::More(vec!["echo 'a".into()]));
        assert_eq!(submit(&["echo 'a".into()], "b'"), Submit::Run("echo 'a\nb'".into()));
        assert_eq!(submit(&["aws ecs list-clusters \\".into()], "--output text"), Submit::Run("aws ecs list-clusters \\\n--output text".into()));
    }

    #[test]
    fn a_paste_runs_each_complete_command_and_keeps_the_rest() {
        let p = split_paste(&[], "", "# setup\n\necho one\r\necho 'two\nlines'\n  # note\necho three\necho fo", "");
        assert_eq!(p.commands, ["echo one", "echo 'two\nlines'", "echo three"]);
        assert!(p.pending.is_empty());
        assert_eq!(p.rest, "echo fo");

        let p = split_paste(&[], "echo ", "a\necho 'open\nstill", "");
        assert_eq!(p.commands, ["echo a"]);
        assert_eq!(p.pending, ["echo 'open"]);
        assert_eq!(p.rest, "still");

        let p = split_paste(&["echo 'open".into()], "", "close'\n", "");
        assert_eq!(p.commands, ["echo 'open\nclose'"]);
        assert_eq!(p.rest, "");
    }
}
