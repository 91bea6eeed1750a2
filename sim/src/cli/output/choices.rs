//! The `--output` choices and the argparse error the CLI gives for a value
//! outside them, including the "maybe you meant" suggestions, which come from
//! Python's `difflib.get_close_matches(value, choices, cutoff=0.8)` (ported
//! here for short strings).

use crate::shared_sort::SharedSort;
use std::collections::HashMap;

/// The values `aws --output` accepts, in the order the CLI lists them
/// (`awscli/data/cli.json`; `off` was added in 2026, aws/aws-cli#10094).
pub const OUTPUT_CHOICES: [&str; 6] = ["json", "text", "table", "yaml", "yaml-stream", "off"];

/// The message of the `argparse.ArgumentError` the CLI raises for an
/// invalid `--output` value, without the `argument --output: ` prefix.
///
/// `Found invalid choice '<value>'` and a newline, then, when difflib finds
/// close matches, a blank line, `Maybe you meant:`, a blank line and one
/// `  * <choice>` line per match.
pub fn invalid_choice_message(value: &str) -> String {
    let mut parts = vec![format!("Found invalid choice '{value}'\n")];
    let possible = get_close_matches(value, &OUTPUT_CHOICES, 3, 0.8);
    if !possible.is_empty() {
        parts.push("Maybe you meant:\n".to_owned());
        parts.extend(possible.iter().map(|word| format!("  * {word}")));
    }
    parts.join("\n")
}

/// Port of `difflib.get_close_matches(word, possibilities, n, cutoff)`: the
/// best `n` possibilities whose `SequenceMatcher(None, x, word).ratio()` is
/// at least `cutoff`, best first (ties: the greater string first).
pub fn get_close_matches<'a>(
    word: &str,
    possibilities: &[&'a str],
    n: usize,
    cutoff: f64,
) -> Vec<&'a str> {
    let b: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &'a str)> = Vec::new();
    for &x in possibilities {
        let a: Vec<char> = x.chars().collect();
        if real_quick_ratio(&a, &b) >= cutoff
            && quick_ratio(&a, &b) >= cutoff
            && ratio(&a, &b) >= cutoff
        {
            scored.push((ratio(&a, &b), x));
        }
    }
    // heapq.nlargest on (score, x) tuples.
    scored.shared_sort_by(|l, r| r.0.total_cmp(&l.0).then_with(|| r.1.cmp(l.1)));
    scored.into_iter().take(n).map(|(_, x)| x).collect()
}

fn calculate_ratio(matches: usize, length: usize) -> f64 {
    if length == 0 {
        1.0
    } else {
        2.0 * matches as f64 / length as f64
    }
}

fn real_quick_ratio(a: &[char], b: &[char]) -> f64 {
    calculate_ratio(a.len().min(b.len()), a.len() + b.len())
}

fn quick_ratio(a: &[char], b: &[char]) -> f64 {
    let mut avail: HashMap<char, usize> = HashMap::new();
    for &c in b {
        *avail.entry(c).or_insert(0) += 1;
    }
    let mut matches = 0;
    for c in a {
        if let Some(n) = avail.get_mut(c).filter(|n| **n > 0) {
            *n -= 1;
            matches += 1;
        }
    }
    calculate_ratio(matches, a.len() + b.len())
}

/// `SequenceMatcher.ratio()` without junk (the CLI passes no junk function,
/// and the autojunk heuristic only applies to sequences of 200 or more,
/// which `real_quick_ratio` already rules out against these short choices).
fn ratio(a: &[char], b: &[char]) -> f64 {
    let mut matched = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = find_longest_match(a, b, alo, ahi, blo, bhi);
        if k > 0 {
            matched += k;
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    calculate_ratio(matched, a.len() + b.len())
}

/// `SequenceMatcher.find_longest_match` without junk: the longest common
/// block of `a[alo..ahi]` and `b[blo..bhi]`, earliest in `a` on ties, then
/// earliest in `b`.
fn find_longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
    // j2len[j + 1] = length of the match ending at a[i - 1], b[j].
    let mut j2len = vec![0usize; b.len() + 1];
    for i in alo..ahi {
        let mut new = vec![0usize; b.len() + 1];
        for j in blo..bhi {
            if a.get(i) == b.get(j) {
                let k = j2len.get(j).copied().unwrap_or(0) + 1;
                if let Some(slot) = new.get_mut(j + 1) {
                    *slot = k;
                }
                if k > bestsize {
                    besti = i + 1 - k;
                    bestj = j + 1 - k;
                    bestsize = k;
                }
            }
        }
        j2len = new;
    }
    (besti, bestj, bestsize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_matches_like_difflib() {
        // Expected lists are CPython 3.11's
        // difflib.get_close_matches(word, OUTPUT_CHOICES, cutoff=0.8).
        assert_eq!(get_close_matches("jsn", &OUTPUT_CHOICES, 3, 0.8), ["json"]);
        assert_eq!(
            get_close_matches("jsonn", &OUTPUT_CHOICES, 3, 0.8),
            ["json"]
        );
        assert_eq!(
            get_close_matches("tabel", &OUTPUT_CHOICES, 3, 0.8),
            ["table"]
        );
        assert_eq!(get_close_matches("tex", &OUTPUT_CHOICES, 3, 0.8), ["text"]);
        assert_eq!(get_close_matches("yml", &OUTPUT_CHOICES, 3, 0.8), ["yaml"]);
        assert_eq!(
            get_close_matches("yaml-strem", &OUTPUT_CHOICES, 3, 0.8),
            ["yaml-stream"]
        );
        assert!(get_close_matches("tsv", &OUTPUT_CHOICES, 3, 0.8).is_empty());
        assert!(get_close_matches("JSON", &OUTPUT_CHOICES, 3, 0.8).is_empty());
        assert!(get_close_matches("", &OUTPUT_CHOICES, 3, 0.8).is_empty());
        assert_eq!(
            get_close_matches("ab", &["ab", "ba", "abc"], 3, 0.6),
            ["ab", "abc"]
        );
    }

    #[test]
    fn ratio_matches_sequence_matcher() {
        // SequenceMatcher(None, a, b).ratio() in CPython 3.11.
        let r = |a: &str, b: &str| {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            ratio(&a, &b)
        };
        assert_eq!(r("json", "jsn"), 6.0 / 7.0);
        assert_eq!(r("abcd", "bcda"), 0.75);
        assert_eq!(r("table", "tabel"), 0.8);
        assert_eq!(r("", ""), 1.0);
    }

    #[test]
    fn invalid_choice_messages() {
        assert_eq!(
            invalid_choice_message("tsv"),
            "Found invalid choice 'tsv'\n"
        );
        assert_eq!(
            invalid_choice_message("jsn"),
            "Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json"
        );
    }
}
