//! The validator and the editor helpers never panic, whatever the text: every prefix of every
//! fixture (what an editor holds while a file is typed or pasted), every offset of a fixture for
//! hover and completions, and a few hostile documents.

use std::path::{Path, PathBuf};

use ecs_sim::validate::{Verdict, apply_fix, completions, hover, validate};

fn fixtures() -> Vec<String> {
    let original = Path::new("/work/shared/fixtures/taskdefs");
    let dir = if original.exists() { original.to_path_buf() } else { PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/taskdefs") };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("dir").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("read")).collect()
}

#[test]
fn every_prefix_of_every_fixture_is_handled() {
    for text in fixtures() {
        for (end, _) in text.char_indices() {
            let r = validate(&text[..end]);
            assert_eq!(r.verdict, if r.findings.iter().any(|f| f.is_error()) { Verdict::Rejected } else { Verdict::Accepted });
            for f in &r.findings {
                assert!(f.span.start <= f.span.end && f.span.end <= end, "{f:?}");
                if let Some(fix) = &f.fix {
                    let _ = apply_fix(&text[..end], fix);
                }
            }
        }
    }
}

#[test]
fn hover_and_completions_at_every_offset() {
    for text in fixtures() {
        for offset in 0..=text.len() {
            let _ = hover(&text, offset);
            let _ = completions(&text, offset);
        }
    }
}

#[test]
fn hostile_documents() {
    let deep = "[".repeat(5000);
    let deep_objects = "{\"a\":".repeat(3000);
    for text in [
        "", " ", "\u{feff}{}", "null", "[]", "[1]", "{}", "{\"containerDefinitions\": null}", "{\"containerDefinitions\": [null, 1, \"x\"]}",
        "{\"family\": 1e999}", "{\"family\": -0.0}", "{\"a\": \"\\ud800\"}", deep.as_str(), deep_objects.as_str(),
        "{\"containerDefinitions\": [{\"dependsOn\": [{\"containerName\": \"\", \"condition\": \"HEALTHY\"}]}]}",
        "{\"containerDefinitions\": [{\"name\": \"a\", \"portMappings\": [{\"containerPortRange\": \"1-99999999999\"}]}]}",
    ] {
        let _ = validate(text);
        let _ = hover(text, text.len() / 2);
        let _ = completions(text, text.len());
    }
}
