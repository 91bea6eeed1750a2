//! Embeds every lesson file (`../lessons/*.toml`) into the crate, so adding a lesson is adding a file.
//!
//! Each lesson is embedded twice: its TOML text (`LESSONS`, what `check-lessons` reads, with its parse errors)
//! and the same document converted to JSON here (`LESSONS_JSON`, what `lesson::builtin` reads). The page
//! parses JSON with serde_json, which it has anyway, so the TOML parser stays out of the `.wasm` (README, "Size
//! and speed"). A file that is not valid TOML gets no JSON entry; `builtin` would leave it out either way.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time, not with `env!`: a build script compiled in another checkout of the same workspace
    // (same relative path, so the same hash in a shared target directory) must still read this one's lessons.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
    let dir = Path::new(&manifest).join("../lessons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect(),
        Err(e) => {
            // Say so rather than embed no lessons in silence (tests that look lessons up would fail far away).
            println!("cargo:warning=no lessons embedded: cannot read {}: {e}", dir.display());
            Vec::new()
        }
    };
    names.sort();
    let mut out = String::from("/// Every lesson file: (file name, text).\npub static LESSONS: &[(&str, &str)] = &[\n");
    let mut json = String::from("/// Every lesson file that is valid TOML, as JSON, in file name order.\npub static LESSONS_JSON: &[&str] = &[\n");
    for p in &names {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = writeln!(out, "    ({name:?}, include_str!({:?})),", p.display().to_string());
        let text = std::fs::read_to_string(p).unwrap_or_default();
        if let Ok(value) = toml::from_str::<serde_json::Value>(&text) {
            let _ = writeln!(json, "    {:?},", value.to_string());
        }
    }
    out.push_str("];\n");
    json.push_str("];\n");
    out.push_str(&json);
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let _ = std::fs::write(Path::new(&out_dir).join("lessons.rs"), out);
}
