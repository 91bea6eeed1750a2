//! A small regular-expression engine for `matches` / `not_matches`: the pattern is compiled to
//! an NFA program and run as a Pike VM (a set of threads stepped over the text), so matching
//! takes time linear in the text and never backtracks. Matching is whole-string, like Java's
//! `Matcher.matches()`: `t2.*` matches `t2.micro`, but `micro` does not match `t2.micro`.

use super::charset::CharSet;
use super::error::{ErrorKind, QueryLanguageError};
use super::regex_syntax::{self, Re};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Inst {
    Set(CharSet),
    Split(usize, usize),
    Jmp(usize),
    Start,
    End,
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Regex {
    prog: Vec<Inst>,
}

const MAX_PROGRAM: usize = 10_000;
const MAX_WORK: usize = 200_000;

struct Compiler {
    prog: Vec<Inst>,
    work: usize,
}

impl Compiler {
    fn too_large() -> QueryLanguageError {
        QueryLanguageError::new(
            ErrorKind::UnsupportedRegex,
            0,
            "unsupported regular expression: the pattern expands to more than 10000 steps",
        )
    }

    fn push(&mut self, inst: Inst) -> Result<usize, QueryLanguageError> {
        if self.prog.len() >= MAX_PROGRAM {
            return Err(Self::too_large());
        }
        self.prog.push(inst);
        Ok(self.prog.len() - 1)
    }

    fn patch(&mut self, at: usize, inst: Inst) {
        if let Some(slot) = self.prog.get_mut(at) {
            *slot = inst;
        }
    }

    fn emit(&mut self, re: &Re) -> Result<(), QueryLanguageError> {
        self.work += 1;
        if self.work > MAX_WORK {
            return Err(Self::too_large());
        }
        match re {
            Re::Empty => {}
            Re::Set(set) => {
                self.push(Inst::Set(set.clone()))?;
            }
            Re::Start => {
                self.push(Inst::Start)?;
            }
            Re::End => {
                self.push(Inst::End)?;
            }
            Re::Concat(items) => {
                for item in items {
                    self.emit(item)?;
                }
            }
            Re::Alt(branches) => {
                let mut jumps = Vec::new();
                let last = branches.len().saturating_sub(1);
                for (i, branch) in branches.iter().enumerate() {
                    if i == last {
                        self.emit(branch)?;
                    } else {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(branch)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.prog.len();
                        self.patch(split, Inst::Split(split + 1, next));
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
            }
            Re::Repeat(node, min, max) => {
                for _ in 0..*min {
                    self.emit(node)?;
                }
                match max {
                    None => {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(node)?;
                        self.push(Inst::Jmp(split))?;
                        let end = self.prog.len();
                        self.patch(split, Inst::Split(split + 1, end));
                    }
                    Some(max) => {
                        let mut holes = Vec::new();
                        for _ in *min..*max {
                            holes.push(self.push(Inst::Split(0, 0))?);
                            self.emit(node)?;
                        }
                        let end = self.prog.len();
                        for h in holes {
                            self.patch(h, Inst::Split(h + 1, end));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// A set of program counters, in insertion order, with O(1) membership.
struct Threads {
    dense: Vec<usize>,
    seen: Vec<bool>,
}

impl Threads {
    fn new(n: usize) -> Self {
        Threads {
            dense: Vec::new(),
            seen: vec![false; n],
        }
    }
    fn insert(&mut self, pc: usize) -> bool {
        match self.seen.get_mut(pc) {
            Some(seen) if !*seen => {
                *seen = true;
                self.dense.push(pc);
                true
            }
            _ => false,
        }
    }
    fn clear(&mut self) {
        for &pc in &self.dense {
            if let Some(seen) = self.seen.get_mut(pc) {
                *seen = false;
            }
        }
        self.dense.clear();
    }
}

/// Java's `$` (no MULTILINE): at the end, or before a line terminator that ends the input.
fn at_end(chars: &[char], pos: usize) -> bool {
    match chars.get(pos..) {
        Some([]) => true,
        Some(['\r', '\n']) => true,
        Some([c]) => matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'),
        _ => false,
    }
}

impl Regex {
    /// Compiles `pattern`; error offsets are byte offsets into `pattern`.
    pub(crate) fn new(pattern: &str) -> Result<Regex, QueryLanguageError> {
        let re = regex_syntax::parse(pattern)?;
        let mut c = Compiler {
            prog: Vec::new(),
            work: 0,
        };
        c.emit(&re)?;
        c.push(Inst::Match)?;
        Ok(Regex { prog: c.prog })
    }

    fn add(
        &self,
        list: &mut Threads,
        pc: usize,
        chars: &[char],
        pos: usize,
        stack: &mut Vec<usize>,
    ) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !list.insert(pc) {
                continue;
            }
            match self.prog.get(pc) {
                Some(Inst::Jmp(to)) => stack.push(*to),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Start) if pos == 0 => stack.push(pc + 1),
                Some(Inst::End) if at_end(chars, pos) => stack.push(pc + 1),
                _ => {}
            }
        }
    }

    /// Whether the whole of `text` matches (Java `Matcher.matches()`).
    pub(crate) fn is_full_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let n = self.prog.len();
        let (mut current, mut next) = (Threads::new(n), Threads::new(n));
        let mut stack = Vec::new();
        self.add(&mut current, 0, &chars, 0, &mut stack);
        for pos in 0..=chars.len() {
            if current.dense.is_empty() {
                return false;
            }
            for &pc in &current.dense {
                match self.prog.get(pc) {
                    Some(Inst::Match) if pos == chars.len() => return true,
                    Some(Inst::Set(set)) if chars.get(pos).is_some_and(|&c| set.matches(c)) => {
                        self.add(&mut next, pc + 1, &chars, pos + 1, &mut stack);
                    }
                    _ => {}
                }
            }
            std::mem::swap(&mut current, &mut next);
            next.clear();
        }
        false
    }
}
