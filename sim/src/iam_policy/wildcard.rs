//! Wildcard matching for actions, resource ARNs and condition values (no regex crate).
//!
//! Rules (IAM User Guide):
//! - Actions (`Action`/`NotAction`): `service:Action`, case-insensitive; `*` is any run of
//!   characters and `?` one character ("IAM JSON policy elements: Action").
//! - Resources (`Resource`/`NotResource`): case-sensitive. `*` and `?` work "within the
//!   individual segments of an ARN (the parts separated by colons)"; "if the `*` wildcard is
//!   the last character of a resource ARN segment, it can expand to match beyond the colon
//!   boundaries"; and "you can't use a wildcard in the service segment"
//!   ("IAM JSON policy elements: Resource", section "Using wildcards in resource ARNs").
//!   So here a `*` crosses `:` only when it ends a segment, `?` never matches `:`, and the
//!   service segment must be equal character for character.
//! - `StringLike`: case-sensitive, `*` and `?` anywhere.
//! - `ArnLike`/`ArnEquals`: like resources, except that the service segment may use wildcards
//!   too ("each of the six colon-delimited components ... can include ... wildcards").
//!
//! Matching is a dynamic programme over (pattern token, text position): linear memory,
//! no recursion, no backtracking blow-up.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Lit(char),
    /// `?`: one character; `colon` says whether it may be `:`.
    One {
        colon: bool,
    },
    /// `*`: any run; `cross` says whether the run may contain `:`.
    Star {
        cross: bool,
    },
}

fn tokens(pattern: &str, segmented: bool) -> Vec<Tok> {
    let chars: Vec<char> = pattern.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '*' => {
                let ends_segment = matches!(chars.get(i + 1), None | Some(':'));
                Tok::Star { cross: !segmented || ends_segment }
            }
            '?' => Tok::One { colon: !segmented },
            other => Tok::Lit(other),
        })
        .collect()
}

fn run(toks: &[Tok], text: &[char]) -> bool {
    let n = text.len();
    let mut cur = vec![false; n + 1];
    if let Some(first) = cur.first_mut() {
        *first = true;
    }
    for tok in toks {
        let mut next = vec![false; n + 1];
        match *tok {
            Tok::Star { cross } => {
                let mut left = false;
                for (j, slot) in next.iter_mut().enumerate() {
                    let empty = cur.get(j).copied().unwrap_or(false);
                    let extend = j > 0 && left && text.get(j - 1).is_some_and(|&ch| cross || ch != ':');
                    *slot = empty || extend;
                    left = *slot;
                }
            }
            Tok::Lit(c) => {
                for (j, slot) in next.iter_mut().enumerate().skip(1) {
                    *slot = cur.get(j - 1).copied().unwrap_or(false) && text.get(j - 1) == Some(&c);
                }
            }
            Tok::One { colon } => {
                for (j, slot) in next.iter_mut().enumerate().skip(1) {
                    *slot = cur.get(j - 1).copied().unwrap_or(false)
                        && text.get(j - 1).is_some_and(|&ch| colon || ch != ':');
                }
            }
        }
        if !next.iter().any(|b| *b) {
            return false;
        }
        cur = next;
    }
    cur.last().copied().unwrap_or(false)
}

fn glob(pattern: &str, text: &str, segmented: bool) -> bool {
    let text: Vec<char> = text.chars().collect();
    run(&tokens(pattern, segmented), &text)
}

/// `*`/`?` match, case-sensitive, `*` may cover any characters (StringLike semantics).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    glob(pattern, text, false)
}

/// Case-insensitive `*`/`?` match (StringEqualsIgnoreCase-style comparisons and actions).
pub fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    glob(&pattern.to_lowercase(), &text.to_lowercase(), false)
}

/// Does an `Action` pattern such as `ecs:Describe*` match the action `ecs:DescribeServices`?
/// Case-insensitive.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    pattern == "*" || wildcard_match_ignore_case(pattern, action)
}

/// Does a `Resource` pattern match a resource ARN (or `*`)? Case-sensitive; see the module
/// docs for the segment rules.
pub fn resource_matches(pattern: &str, resource: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let p: Vec<&str> = pattern.splitn(4, ':').collect();
    let r: Vec<&str> = resource.splitn(4, ':').collect();
    match (p.as_slice(), r.as_slice()) {
        ([p_arn, p_part, p_svc, p_rest], [r_arn, r_part, r_svc, r_rest]) => {
            glob(p_arn, r_arn, true) && glob(p_part, r_part, true) && p_svc == r_svc && glob(p_rest, r_rest, true)
        }
        _ => glob(pattern, resource, true),
    }
}

/// `ArnLike`/`ArnEquals`: ARN components matched with wildcards, a trailing `*` of a
/// component may run past `:`.
pub fn arn_like(pattern: &str, value: &str) -> bool {
    pattern == "*" || glob(pattern, value, true)
}

/// True when the text contains `*` or `?`.
pub fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?'])
}
