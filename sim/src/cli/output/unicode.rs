//! Character-level helpers shared by the formatters: the display width the
//! CLI's table code assumes for a string (`awscli.table.get_text_length`) and
//! Python's notion of a printable character (used by `repr`).

use super::unicode_tables::{NOT_PRINTABLE, WIDE_OR_AMBIGUOUS};

/// Whether `c` lies in one of the sorted, disjoint inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = u32::from(c);
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Port of `awscli.table.get_text_length`: every character whose East Asian
/// Width is W (wide), F (fullwidth) or A (ambiguous) counts 2, any other 1.
/// Combining marks and zero-width characters count 1 too, as in the CLI.
pub fn text_length(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if in_ranges(WIDE_OR_AMBIGUOUS, c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Python's `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    !in_ranges(NOT_PRINTABLE, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_one_column() {
        assert_eq!(text_length("hello"), 5);
        assert_eq!(text_length(""), 0);
    }

    #[test]
    fn wide_fullwidth_and_ambiguous_are_two() {
        // tests/unit/test_table.py::test_width_with_full_width_characters
        assert_eq!(text_length("\u{4e00}"), 2);
        assert_eq!(text_length("Ａ"), 2); // fullwidth A
        assert_eq!(text_length("é"), 2); // U+00E9 is East Asian Width "A"
        assert_eq!(text_length("✓"), 1); // U+2713 is "N"
        assert_eq!(text_length("😀"), 2); // emoji are "W"
    }

    #[test]
    fn printable() {
        assert!(is_printable('a'));
        assert!(is_printable('é'));
        assert!(is_printable(' '));
        assert!(!is_printable('\n'));
        assert!(!is_printable('\u{7f}'));
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{200b}'));
    }
}
