//! One-click repairs as data: text edits computed from the source map (remove members, set a
//! value, rename a key, insert a member) and [`apply_fix`], which applies a [`Fix`] to the text.
//! Edits keep the author's formatting: removing a member also removes the comma that joined it.

use crate::shared_sort::SharedSort;
use serde_json::Value;

use super::report::{Fix, FixChange, TextEdit};
use super::source_map::SourceMap;

/// Applies `fix` to `text`. Edits that overlap an earlier one, or fall outside the text or
/// between the bytes of a character, are skipped.
pub fn apply_fix(text: &str, fix: &Fix) -> String {
    match &fix.change {
        FixChange::ReplaceDocument(doc) => doc.clone(),
        FixChange::Edits(edits) => {
            let mut sorted: Vec<&TextEdit> = edits.iter().collect();
            sorted.shared_sort_by_key(|e| (e.start, e.end));
            let mut out = String::with_capacity(text.len());
            let mut at = 0;
            for e in sorted {
                if e.start < at || e.end < e.start || e.end > text.len() {
                    continue;
                }
                let (Some(keep), true) = (text.get(at..e.start), text.is_char_boundary(e.end)) else { continue };
                out.push_str(keep);
                out.push_str(&e.text);
                at = e.end;
            }
            out.push_str(text.get(at..).unwrap_or_default());
            out
        }
    }
}

/// Edits that remove the values at `pointers` (members of objects, or items of arrays) with
/// their separating commas. Pointers inside another removed value are covered by it.
pub fn remove(map: &SourceMap, pointers: &[String]) -> Vec<TextEdit> {
    let mut ids: Vec<usize> = pointers.iter().filter_map(|p| map.index_of(p)).collect();
    ids.shared_sort();
    ids.dedup();
    // Drop nodes whose ancestor is removed too.
    let removed = |id: usize| ids.binary_search(&id).is_ok();
    let top: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|&id| {
            let mut p = map.nodes.get(id).and_then(|n| n.parent);
            while let Some(pid) = p {
                if removed(pid) {
                    return false;
                }
                p = map.nodes.get(pid).and_then(|n| n.parent);
            }
            true
        })
        .collect();
    let mut parents: Vec<usize> = top.iter().filter_map(|&id| map.nodes.get(id).and_then(|n| n.parent)).collect();
    parents.shared_sort();
    parents.dedup();
    let mut edits = Vec::new();
    for pid in parents {
        let Some(parent) = map.nodes.get(pid) else { continue };
        let kids = &parent.children;
        let gone: Vec<bool> = kids.iter().map(|c| top.contains(c)).collect();
        let start_of = |i: usize| map.nodes.get(kids[i]).map(|n| n.key.map_or(n.value.0, |k| k.0)).unwrap_or(0);
        let end_of = |i: usize| map.nodes.get(kids[i]).map(|n| n.value.1).unwrap_or(0);
        let mut i = 0;
        while i < kids.len() {
            if !gone[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < kids.len() && gone[j + 1] {
                j += 1;
            }
            let (start, end) = if i > 0 {
                (end_of(i - 1), end_of(j))
            } else if j + 1 < kids.len() {
                (start_of(i), start_of(j + 1))
            } else {
                (parent.value.0 + 1, parent.value.1.saturating_sub(1))
            };
            edits.push(TextEdit { start, end, text: String::new() });
            i = j + 1;
        }
    }
    edits
}

/// An edit that replaces the value at `pointer` with `json` (already serialized).
pub fn set_value(map: &SourceMap, pointer: &str, json: &str) -> Option<TextEdit> {
    let node = map.get(pointer)?;
    Some(TextEdit { start: node.value.0, end: node.value.1, text: json.to_string() })
}

/// An edit that renames the key of the member at `pointer`.
pub fn rename_key(map: &SourceMap, pointer: &str, new_key: &str) -> Option<TextEdit> {
    let (start, end) = map.get(pointer)?.key?;
    Some(TextEdit { start, end, text: Value::from(new_key).to_string() })
}

/// An edit that adds `"key": json` as the first member of the object at `object`, indented like
/// its first member.
pub fn insert_member(text: &str, map: &SourceMap, object: &str, key: &str, json: &str) -> Option<TextEdit> {
    let node = map.get(object)?;
    let open = node.value.0 + 1;
    let key_json = Value::from(key).to_string();
    let first = node.children.first().and_then(|&c| map.nodes.get(c)).map(|n| n.key.map_or(n.value.0, |k| k.0));
    let edit = match first {
        Some(first_start) => {
            // Reuse the whitespace between "{" and the first member, so the new line looks alike.
            let gap = text.get(open..first_start).filter(|g| !g.is_empty()).unwrap_or(" ");
            TextEdit { start: first_start, end: first_start, text: format!("{key_json}: {json},{gap}") }
        }
        None => TextEdit { start: open, end: node.value.1.saturating_sub(1), text: format!("{key_json}: {json}") },
    };
    Some(edit)
}

/// A fix made of edits, or `None` when there are none.
pub fn edits_fix(title: impl Into<String>, edits: Vec<TextEdit>) -> Option<Fix> {
    if edits.is_empty() { None } else { Some(Fix { title: title.into(), change: FixChange::Edits(edits) }) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::source_map::parse;

    fn run(text: &str, pointers: &[&str]) -> String {
        let (_, map) = parse(text).expect("json");
        let ps: Vec<String> = pointers.iter().map(|p| p.to_string()).collect();
        let fix = edits_fix("t", remove(&map, &ps)).expect("edits");
        apply_fix(text, &fix)
    }

    #[test]
    fn removing_members_keeps_valid_json() {
        let text = "{\n  \"a\": 1,\n  \"b\": null,\n  \"c\": null,\n  \"d\": 4\n}";
        assert_eq!(run(text, &["/b", "/c"]), "{\n  \"a\": 1,\n  \"d\": 4\n}");
        assert_eq!(run(text, &["/a", "/b"]), "{\n  \"c\": null,\n  \"d\": 4\n}");
        assert_eq!(run(text, &["/d"]), "{\n  \"a\": 1,\n  \"b\": null,\n  \"c\": null\n}");
        assert_eq!(run(text, &["/a", "/b", "/c", "/d"]), "{}");
        assert_eq!(run("[1, 2, 3]", &["/1"]), "[1, 3]");
        assert_eq!(run("{\"a\": {\"b\": null}, \"c\": 1}", &["/a", "/a/b"]), "{\"c\": 1}");
    }

    #[test]
    fn set_rename_and_insert() {
        let text = "{\n    \"a\": 80\n}";
        let (_, map) = parse(text).expect("json");
        let edits = vec![
            set_value(&map, "/a", "8080").expect("edit"),
            insert_member(text, &map, "", "b", "\"x\"").expect("edit"),
        ];
        let fixed = apply_fix(text, &Fix { title: "t".into(), change: FixChange::Edits(edits) });
        assert_eq!(fixed, "{\n    \"b\": \"x\",\n    \"a\": 8080\n}");
        let renamed = rename_key(&map, "/a", "A").expect("edit");
        assert_eq!(apply_fix(text, &Fix { title: "t".into(), change: FixChange::Edits(vec![renamed]) }), "{\n    \"A\": 80\n}");
        let (_, empty) = parse("{ }").expect("json");
        let add = insert_member("{ }", &empty, "", "k", "1").expect("edit");
        assert_eq!(apply_fix("{ }", &Fix { title: "t".into(), change: FixChange::Edits(vec![add]) }), "{\"k\": 1}");
    }
}
