//! Character sets for the regex engine: code point ranges, possibly negated, and Java's
//! predefined classes (`\d`, `\w`, `\s`, and the line terminators that `.` excludes).

use crate::shared_sort::SharedSort;

/// A set of characters: code point ranges, possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CharSet {
    ranges: Vec<(u32, u32)>,
    negated: bool,
}

impl CharSet {
    pub(crate) fn one(c: char) -> Self {
        CharSet {
            ranges: vec![(c as u32, c as u32)],
            negated: false,
        }
    }

    pub(crate) fn of(ranges: &[(u32, u32)], negated: bool) -> Self {
        CharSet {
            ranges: ranges.to_vec(),
            negated,
        }
    }

    pub(crate) fn matches(&self, c: char) -> bool {
        let c = c as u32;
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != self.negated
    }

    /// The ranges of the characters this set matches (negation applied).
    pub(crate) fn effective_ranges(&self) -> Vec<(u32, u32)> {
        if !self.negated {
            return self.ranges.clone();
        }
        let mut sorted = self.ranges.clone();
        sorted.shared_sort();
        let mut out = Vec::new();
        let mut next = 0u32;
        for (lo, hi) in sorted {
            if lo > next {
                out.push((next, lo - 1));
            }
            next = next.max(hi.saturating_add(1));
        }
        if next <= char::MAX as u32 {
            out.push((next, char::MAX as u32));
        }
        out
    }
}

pub(crate) const DIGIT: &[(u32, u32)] = &[(0x30, 0x39)];
pub(crate) const WORD: &[(u32, u32)] = &[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)];
pub(crate) const SPACE: &[(u32, u32)] = &[(0x09, 0x0D), (0x20, 0x20)];
pub(crate) const LINE_TERMINATORS: &[(u32, u32)] =
    &[(0x0A, 0x0A), (0x0D, 0x0D), (0x85, 0x85), (0x2028, 0x2029)];
