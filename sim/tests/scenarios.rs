//! Scenario tests: every `tests/scenarios/*.scenario` is run as `ecs-sim run --keep-going` would run it (seed 1,
//! files beside the script), and its transcript must equal `*.expected` byte for byte. A failing command's
//! exit code is recorded after its output as `[exit N]`.
//!
//! To accept new transcripts after a deliberate change, run with `UPDATE_GOLDEN=1`: the files are rewritten
//! and the test fails on purpose, so the flag is never left on.

use ecs_sim::{MemoryWorkspace, Sandbox, commands, transcript_entry};
use std::path::{Path, PathBuf};

fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

fn workspace_beside(dir: &Path) -> MemoryWorkspace {
    let mut ws = MemoryWorkspace::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let p = entry.path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".expected") && !name.ends_with(".scenario") {
            ws.put(&name, &std::fs::read_to_string(&p).unwrap());
        }
    }
    ws
}

pub fn run_transcript(script: &str, ws: &mut MemoryWorkspace, seed: u64) -> String {
    let mut sb = Sandbox::new(seed);
    let mut out = String::new();
    for line in commands::split_script(script) {
        let o = sb.execute(&line, ws);
        out.push_str(&transcript_entry(&line, &o));
        if o.exit_code != 0 {
            out.push_str(&format!("[exit {}]\n", o.exit_code));
        }
    }
    out
}

#[test]
fn scenario_transcripts_match_their_golden_files() {
    let dir = scenario_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut scripts: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "scenario")).collect();
    scripts.sort();
    assert!(!scripts.is_empty());
    let mut mismatches = Vec::new();
    for script in &scripts {
        let text = std::fs::read_to_string(script).unwrap();
        let got = run_transcript(&text, &mut workspace_beside(&dir), 1);
        let golden = script.with_extension("expected");
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if got != want {
            mismatches.push(format!("{}:\n--- expected\n{want}\n--- got\n{got}", script.display()));
        }
    }
    assert!(!update, "golden files rewritten; run again without UPDATE_GOLDEN");
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}
