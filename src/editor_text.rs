//! The editor's text work, pure and tested natively: where each finding's squiggle goes in the text being
//! typed, how the highlight layer splits the text into plain runs and squiggles, the smallest edit between two
//! texts (so a fix or a completion goes through the textarea's own undo), names for new files, and how the
//! completion list narrows as the learner types.
//!
//! Words: a *mark* is a finding's byte range in the current text (a finding's span, moved over the edits made
//! since the text was validated); a *piece* is a run of the highlight layer (plain text, a squiggle, or a
//! point squiggle where a finding has no width). Offsets are byte offsets unless a name says `utf16`.

use ecs_sim::shared_sort::SharedSort;
use ecs_sim::validate::{Completion, Finding, Severity};

/// Whether the editor validates a file: task definitions are `.json` files; a shell script or a Dockerfile
/// is not checked.
pub fn is_task_definition_file(name: &str) -> bool {
    name.len() > 5 && name.get(name.len() - 5..).is_some_and(|ext| ext.eq_ignore_ascii_case(".json"))
}

/// A finding's range in the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    /// Index of the finding in its report.
    pub finding: usize,
}

/// The edit that turns `old` into `new`: `(start, old_end, new_end)`, so `old[start..old_end]` became
/// `new[start..new_end]` and the rest is common. Offsets are character boundaries of both texts.
///
/// ```
/// use ecs_sandbox::editor_text::changed_range;
/// assert_eq!(changed_range("hostPort: 80", "hostPort: 8080"), (12, 12, 14));
/// assert_eq!(changed_range("same", "same"), (4, 4, 4));
/// ```
pub fn changed_range(old: &str, new: &str) -> (usize, usize, usize) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !(old.is_char_boundary(prefix) && new.is_char_boundary(prefix)) {
        prefix -= 1;
    }
    let room = a.len().min(b.len()) - prefix;
    let mut suffix = a.iter().rev().zip(b.iter().rev()).take(room).take_while(|(x, y)| x == y).count();
    while !(old.is_char_boundary(a.len() - suffix) && new.is_char_boundary(b.len() - suffix)) {
        suffix -= 1;
    }
    (prefix, a.len() - suffix, b.len() - suffix)
}

/// Moves the byte range `start..end` of `old` over the edit [`changed_range`] found: a range before the edit
/// stays, one after it shifts, one the edit cuts into stretches over what replaced the cut.
pub fn rebase(range: (usize, usize), edit: (usize, usize, usize)) -> (usize, usize) {
    let (p, old_end, new_end) = edit;
    let shift = |x: usize| x - old_end + new_end;
    let (start, end) = range;
    let s = if start >= old_end { shift(start) } else if start <= p { start } else { p };
    let e = if end <= p { end } else if end >= old_end { shift(end) } else { new_end };
    (s, e.max(s))
}

/// The squiggles of `findings` (validated against `validated`) in `current`, the text the learner sees now.
pub fn marks(findings: &[Finding], validated: &str, current: &str) -> Vec<Mark> {
    let edit = if validated == current { None } else { Some(changed_range(validated, current)) };
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (start, end) = (f.span.start.min(validated.len()), f.span.end.min(validated.len()));
            let (start, end) = edit.map_or((start, end), |e| rebase((start, end), e));
            Mark { start: start.min(current.len()), end: end.min(current.len()), severity: f.severity, finding: i }
        })
        .collect()
}

/// The findings whose squiggle holds byte `at` (touching either end counts, so a caret just after a value
/// still shows its finding).
pub fn findings_at(marks: &[Mark], at: usize) -> Vec<usize> {
    marks.iter().filter(|m| m.start <= at && at <= m.end).map(|m| m.finding).collect()
}

/// One run of the highlight layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text { start: usize, end: usize },
    /// A squiggle under `start..end`: the worst severity of the findings under it, and their indices.
    Squiggle { start: usize, end: usize, severity: Severity, findings: Vec<usize> },
    /// A finding with no width on an empty line (or in an empty text): drawn as a short squiggle at `at`.
    Point { at: usize, severity: Severity, findings: Vec<usize> },
}

fn worse(a: Severity, b: Severity) -> Severity {
    if a == Severity::Error || b == Severity::Error { Severity::Error } else { Severity::Warning }
}

/// Gives a mark of no width the character after it, else the one before it (not a line break), so it shows.
fn widen(text: &str, at: usize) -> Option<(usize, usize)> {
    if let Some(c) = text.get(at..).and_then(|s| s.chars().next()).filter(|c| *c != '\n') {
        return Some((at, at + c.len_utf8()));
    }
    text.get(..at).and_then(|s| s.chars().next_back()).filter(|c| *c != '\n').map(|c| (at - c.len_utf8(), at))
}

/// Splits `text` into the highlight layer's runs: squiggles where marks are (overlapping marks share runs,
/// the worst severity wins), plain text between them. At most `limit` marks are drawn.
pub fn pieces(text: &str, marks: &[Mark], limit: usize) -> Vec<Piece> {
    let mut ranges: Vec<(usize, usize, Severity, usize)> = Vec::new();
    let mut points: Vec<(usize, Severity, usize)> = Vec::new();
    for m in marks.iter().take(limit) {
        let (start, end) = (m.start.min(text.len()), m.end.min(text.len()));
        if start < end {
            ranges.push((start, end, m.severity, m.finding));
        } else {
            match widen(text, start) {
                Some((s, e)) => ranges.push((s, e, m.severity, m.finding)),
                None => points.push((start, m.severity, m.finding)),
            }
        }
    }
    let mut cuts: Vec<usize> = ranges.iter().flat_map(|r| [r.0, r.1]).collect();
    cuts.shared_sort();
    cuts.dedup();
    let mut out = Vec::new();
    let mut at = 0;
    let push_text = |out: &mut Vec<Piece>, from: usize, to: usize| {
        if from < to {
            out.push(Piece::Text { start: from, end: to });
        }
    };
    // Points sit only where no squiggle is (a squiggle over them already shows their findings).
    points.retain(|p| !ranges.iter().any(|r| r.0 < p.0 && p.0 < r.1));
    points.shared_sort_by_key(|p| p.0);
    let mut points = points.into_iter().peekable();
    for pair in cuts.windows(2) {
        let (s, e) = (pair[0], pair[1]);
        let under: Vec<&(usize, usize, Severity, usize)> = ranges.iter().filter(|r| r.0 <= s && e <= r.1).collect();
        if under.is_empty() {
            continue;
        }
        while let Some(p) = points.next_if(|p| p.0 <= s) {
            push_text(&mut out, at, p.0);
            at = at.max(p.0);
            out.push(Piece::Point { at: p.0, severity: p.1, findings: vec![p.2] });
        }
        push_text(&mut out, at, s);
        let severity = under.iter().fold(Severity::Warning, |acc, r| worse(acc, r.2));
        let mut findings: Vec<usize> = under.iter().map(|r| r.3).collect();
        findings.dedup();
        out.push(Piece::Squiggle { start: s, end: e, severity, findings });
        at = e;
    }
    for p in points {
        push_text(&mut out, at, p.0);
        at = at.max(p.0);
        out.push(Piece::Point { at: p.0, severity: p.1, findings: vec![p.2] });
    }
    push_text(&mut out, at, text.len());
    out
}

/// The line numbers of a text of `lines` lines, one per line.
pub fn gutter_text(lines: usize) -> String {
    (1..=lines.max(1)).map(|n| n.to_string()).collect::<Vec<_>>().join("\n")
}

/// Zero-based line and column (in characters, tabs to the next multiple of `tab`) of byte `at`.
pub fn line_and_column(text: &str, at: usize, tab: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[start..].chars().fold(0, |col, c| if c == '\t' { (col / tab + 1) * tab } else { col + 1 });
    (line, col)
}

/// A name for a new file `stem.ext` that `exists` does not know: `stem.ext`, else `stem-2.ext`, `stem-3.ext`…
///
/// ```
/// use ecs_sandbox::editor_text::new_file_name;
/// assert_eq!(new_file_name("fargate-web", "json", |n| n == "fargate-web.json"), "fargate-web-2.json");
/// ```
pub fn new_file_name(stem: &str, ext: &str, exists: impl Fn(&str) -> bool) -> String {
    let first = format!("{stem}.{ext}");
    if !exists(&first) {
        return first;
    }
    (2..).map(|n| format!("{stem}-{n}.{ext}")).find(|name| !exists(name)).unwrap_or(first)
}

/// The suggestions that fit what is typed of the token so far (`text[start..caret]`, its opening quote
/// and any closing quote dropped): labels starting with it first, then labels containing it (case-insensitive).
pub fn filter_completions(text: &str, caret: usize, items: &[Completion]) -> Vec<Completion> {
    let Some(first) = items.first() else { return Vec::new() };
    let typed = text.get(first.start..caret.max(first.start)).unwrap_or_default().trim_matches('"').to_lowercase();
    if typed.is_empty() {
        return items.to_vec();
    }
    let (mut starts, mut contains) = (Vec::new(), Vec::new());
    for c in items {
        let label = c.label.to_lowercase();
        if label.starts_with(&typed) {
            starts.push(c.clone());
        } else if label.contains(&typed) {
            contains.push(c.clone());
        }
    }
    starts.extend(contains);
    starts
}

/// Where the caret goes in an inserted suggestion: inside an empty `""`, `{}` or `[]` it ends with, else
/// after it.
pub fn caret_in_insert(insert: &str) -> usize {
    if insert.ends_with("\"\"") || insert.ends_with("{}") || insert.ends_with("[]") { insert.len() - 1 } else { insert.len() }
}

/// Whether an `input` event of this `inputType` is a keystroke (typing or deleting), whose check waits for
/// the learner to pause; a paste, a drop, a cut, an undo or a replacement is checked at once.
pub fn is_keystroke(input_type: &str) -> bool {
    let typing = input_type.starts_with("insert") || input_type.starts_with("delete");
    typing
        && !matches!(
            input_type,
            "insertFromPaste" | "insertFromPasteAsQuotation" | "insertFromDrop" | "insertFromYank" | "insertReplacementText" | "deleteByCut" | "deleteByDrag"
        )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use ecs_sim::validate::validate;

    #[test]
    fn only_json_files_are_task_definitions() {
        assert!(is_task_definition_file("task-definition.json"));
        assert!(is_task_definition_file("A.JSON"));
        assert!(!is_task_definition_file("user-data.sh"));
        assert!(!is_task_definition_file(".json"));
        assert!(!is_task_definition_file("Dockerfile"));
    }

    #[test]
    fn changed_range_keeps_the_common_ends_on_character_boundaries() {
        assert_eq!(changed_range("abc", "abXc"), (2, 2, 3));
        assert_eq!(changed_range("abXc", "abc"), (2, 3, 2));
        assert_eq!(changed_range("", "new"), (0, 0, 3));
        assert_eq!(changed_range("aaa", "aa"), (2, 3, 2));
        // é and è share their first byte: the edit starts at the character, not inside it.
        assert_eq!(changed_range("xéy", "xèy"), (1, 3, 3));
        let (p, o, n) = changed_range("{\"a\": 1}", "{\"a\": 12}");
        assert_eq!((&"{\"a\": 1}"[p..o], &"{\"a\": 12}"[p..n]), ("", "2"));
    }

    #[test]
    fn spans_move_over_edits() {
        let edit = (10, 10, 13); // three bytes typed at 10
        assert_eq!(rebase((2, 5), edit), (2, 5), "before the edit");
        assert_eq!(rebase((12, 15), edit), (15, 18), "after it");
        assert_eq!(rebase((8, 10), edit), (8, 10), "typing just after a squiggle does not stretch it");
        assert_eq!(rebase((10, 12), edit), (13, 15), "typing just before one pushes it");
        let cut = (10, 14, 11); // four bytes replaced by one
        assert_eq!(rebase((8, 12), cut), (8, 11), "a squiggle the edit cuts into stretches over the new text");
        assert_eq!(rebase((11, 13), cut), (10, 11));
    }

    #[test]
    fn marks_follow_the_text_being_typed() {
        let old = r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "a", "image": "x", "memory": 128, "portMappings": [{"containerPort": 8080, "hostPort": 80}]}]}"#;
        let report = validate(old);
        let f = report.findings.iter().position(|f| f.rule == "awsvpc-host-port").expect("finding");
        let new = old.replacen("{\"family\"", "{ \"family\"", 1);
        let m = marks(&report.findings, old, &new)[f];
        assert_eq!(&new[m.start..m.end], "\"hostPort\": 80");
    }

    fn mark(start: usize, end: usize, severity: Severity, finding: usize) -> Mark {
        Mark { start, end, severity, finding }
    }

    #[test]
    fn pieces_cover_the_text_once_and_the_worst_severity_wins() {
        let text = "0123456789";
        let got = pieces(text, &[mark(2, 6, Severity::Warning, 0), mark(4, 8, Severity::Error, 1)], 100);
        assert_eq!(
            got,
            [
                Piece::Text { start: 0, end: 2 },
                Piece::Squiggle { start: 2, end: 4, severity: Severity::Warning, findings: vec![0] },
                Piece::Squiggle { start: 4, end: 6, severity: Severity::Error, findings: vec![0, 1] },
                Piece::Squiggle { start: 6, end: 8, severity: Severity::Error, findings: vec![1] },
                Piece::Text { start: 8, end: 10 },
            ]
        );
        assert_eq!(pieces(text, &[], 100), [Piece::Text { start: 0, end: 10 }]);
        assert_eq!(pieces(text, &[mark(2, 6, Severity::Error, 0)], 0), [Piece::Text { start: 0, end: 10 }], "over the limit");
    }

    #[test]
    fn a_finding_of_no_width_still_shows() {
        assert_eq!(pieces("ab", &[mark(1, 1, Severity::Error, 0)], 10)[1], Piece::Squiggle {
            start: 1,
            end: 2,
            severity: Severity::Error,
            findings: vec![0]
        });
        assert_eq!(pieces("ab\n", &[mark(2, 2, Severity::Error, 0)], 10)[1], Piece::Squiggle {
            start: 1,
            end: 2,
            severity: Severity::Error,
            findings: vec![0]
        });
        assert_eq!(pieces("", &[mark(0, 0, Severity::Error, 0)], 10), [Piece::Point { at: 0, severity: Severity::Error, findings: vec![0] }]);
        assert_eq!(
            pieces("a\n\nb", &[mark(2, 2, Severity::Warning, 3)], 10),
            [
                Piece::Text { start: 0, end: 2 },
                Piece::Point { at: 2, severity: Severity::Warning, findings: vec![3] },
                Piece::Text { start: 2, end: 4 }
            ]
        );
    }

    #[test]
    fn the_broken_json_fixture_gets_a_squiggle() {
        let text = include_str!("../sim/tests/data/taskdefs/tomcat-broken-json.json");
        let report = validate(text);
        let m = marks(&report.findings, text, text);
        let got = pieces(text, &m, 100);
        assert!(got.iter().any(|p| matches!(p, Piece::Squiggle { severity: Severity::Error, .. })), "{got:?}");
        let covered: usize = got
            .iter()
            .map(|p| match p {
                Piece::Text { start, end } | Piece::Squiggle { start, end, .. } => end - start,
                Piece::Point { .. } => 0,
            })
            .sum();
        assert_eq!(covered, text.len());
    }

    #[test]
    fn keystrokes_wait_pastes_do_not() {
        assert!(is_keystroke("insertText") && is_keystroke("deleteContentBackward") && is_keystroke("insertLineBreak"));
        assert!(!is_keystroke("insertFromPaste") && !is_keystroke("historyUndo") && !is_keystroke("deleteByCut") && !is_keystroke(""));
    }

    #[test]
    fn lines_columns_and_names() {
        assert_eq!(gutter_text(3), "1\n2\n3");
        assert_eq!(gutter_text(0), "1");
        assert_eq!(line_and_column("ab\n\tcd", 5, 4), (1, 5));
        assert_eq!(line_and_column("é", 2, 4), (0, 1));
        assert_eq!(new_file_name("untitled", "json", |_| false), "untitled.json");
        assert_eq!(new_file_name("a", "json", |n| n == "a.json" || n == "a-2.json"), "a-3.json");
    }

    #[test]
    fn completions_narrow_as_the_key_is_typed() {
        let text = "{\n  \"family\": \"f\",\n  \"netw\n}";
        let caret = text.find("netw").unwrap() + 4;
        let all = ecs_sim::validate::completions(text, caret);
        let narrowed = filter_completions(text, caret, &all);
        assert_eq!(narrowed.first().map(|c| c.label.as_str()), Some("networkMode"));
        assert!(narrowed.len() < all.len());
        assert_eq!(caret_in_insert("\"image\": \"\""), "\"image\": \"".len());
        assert_eq!(caret_in_insert("\"awsvpc\""), "\"awsvpc\"".len());
    }
}
