//! What a command line gives back: its output as the terminal shows it (stdout and stderr chunks, in the
//! order they were written), its exit code, and the events it caused.

use crate::events::Event;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chunk {
    pub stream: Stream,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandOutput {
    pub chunks: Vec<Chunk>,
    pub exit_code: i32,
    pub events: Vec<Event>,
    /// `clear` asked the terminal to clear its screen.
    pub clear: bool,
    /// Files the command wrote (`> FILE`), so the page can open them.
    pub files_written: Vec<String>,
}

impl CommandOutput {
    pub fn push(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some(last) if last.stream == stream => last.text.push_str(text),
            _ => self.chunks.push(Chunk { stream, text: text.to_string() }),
        }
    }
    pub fn stdout(&self) -> String {
        self.stream_text(Stream::Stdout)
    }
    pub fn stderr(&self) -> String {
        self.stream_text(Stream::Stderr)
    }
    fn stream_text(&self, s: Stream) -> String {
        self.chunks.iter().filter(|c| c.stream == s).map(|c| c.text.as_str()).collect()
    }
    /// Everything the terminal shows for this command, both streams in order.
    pub fn text(&self) -> String {
        self.chunks.iter().map(|c| c.text.as_str()).collect()
    }
}

/// The transcript of one command as the terminal shows it: the prompt and the command as typed (continuation
/// lines prefixed with `> `), then its output. The page's terminal and `ecs-sim run` both print this.
pub fn transcript_entry(command: &str, output: &CommandOutput) -> String {
    let mut s = String::new();
    for (i, line) in command.trim_end_matches('\n').split('\n').enumerate() {
        s.push_str(if i == 0 { "$ " } else { "> " });
        s.push_str(line);
        s.push('\n');
    }
    let text = output.text();
    s.push_str(&text);
    if !text.is_empty() && !text.ends_with('\n') {
        s.push('\n');
    }
    s
}
