//! The schema-level findings word and order parameter problems exactly as botocore's
//! `ParamValidator` does: checked against the sandbox's botocore port
//! (`task_definition::validate_params`) on every fixture, and on every fixture mutated at every
//! value (set to null, to a string, to a number, to a list; an unknown key added to each object).

use std::path::{Path, PathBuf};

use ecs_sim::validate::{Stage, validate};
use serde_json::Value;

fn fixtures() -> Vec<String> {
    let original = Path::new("/work/shared/fixtures/taskdefs");
    let dir = if original.exists() { original.to_path_buf() } else { PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/taskdefs") };
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir).expect("dir").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).expect("read")).collect()
}

/// botocore's report for a value, `None` when it has no problem.
fn botocore(value: &Value) -> Option<String> {
    let problems = ecs_sim::task_definition::validate_params(value);
    if problems.is_empty() {
        return None;
    }
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Some(format!("Parameter validation failed:\n{}", lines.join("\n")))
}

fn ours(value: &Value) -> Option<String> {
    validate(&serde_json::to_string_pretty(value).expect("json")).aws_error().filter(|(s, _)| *s == Stage::Parameters).map(|(_, t)| t)
}

fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_string());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, v)| pointers(v, &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| pointers(v, &format!("{at}/{i}"), out)),
        _ => {}
    }
}

#[test]
fn the_fixtures_match_botocore() {
    for text in fixtures() {
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        if !value.is_object() {
            continue;
        }
        assert_eq!(ours(&value), botocore(&value), "{text}");
    }
}

#[test]
fn every_mutation_of_every_fixture_matches_botocore() {
    let mut compared = 0;
    for text in fixtures() {
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        if !value.is_object() {
            continue;
        }
        let mut all = Vec::new();
        pointers(&value, "", &mut all);
        for pointer in all.iter().filter(|p| !p.is_empty()) {
            let replacements = [Value::Null, Value::from("x"), Value::from(7), Value::Array(vec![]), Value::from(1.0)];
            for replacement in replacements {
                let mut mutated = value.clone();
                if let Some(slot) = mutated.pointer_mut(pointer) {
                    *slot = replacement;
                }
                assert_eq!(ours(&mutated), botocore(&mutated), "{pointer} in {text}");
                compared += 1;
            }
            let mut extra = value.clone();
            if let Some(Value::Object(m)) = extra.pointer_mut(pointer) {
                m.insert("portBindings".into(), Value::from(1));
                assert_eq!(ours(&extra), botocore(&extra), "unknown key at {pointer}");
                compared += 1;
            }
        }
    }
    assert!(compared > 1500, "{compared}");
}
