//! The typist: command lines typed into the terminal a few characters a tick ("Show solution", the time
//! buttons), each run when fully shown. [`crate::state::SandboxState`] holds one and ticks it.

use crate::tuning;
use std::collections::VecDeque;

/// Command lines being typed into the terminal, a few characters a tick, each run when fully shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typist {
    pub queue: VecDeque<String>,
    /// Bytes of the first command shown so far (always on a character boundary).
    pub typed: usize,
    /// Stop when a command fails ("Show solution" does; the time buttons do not).
    pub stop_on_error: bool,
    /// Ticks so far, so a timer keyed on it fires once per tick.
    pub ticks: u64,
}

impl Typist {
    pub(crate) fn new(lines: Vec<String>, stop_on_error: bool) -> Typist {
        Typist { queue: lines.into(), typed: 0, stop_on_error, ticks: 0 }
    }
    /// The text shown in the terminal's input line.
    pub fn shown(&self) -> &str {
        self.queue.front().map_or("", |c| &c[..self.typed.min(c.len())])
    }
    /// Whether the first command is fully shown (the next tick presses Enter).
    pub fn is_complete(&self) -> bool {
        self.queue.front().is_none_or(|c| self.typed >= c.len())
    }
    /// The delay before the next tick.
    pub fn delay_ms(&self) -> u32 {
        if self.is_complete() { tuning::TYPE_ENTER_PAUSE_MS } else { tuning::TYPE_TICK_MS }
    }
}
