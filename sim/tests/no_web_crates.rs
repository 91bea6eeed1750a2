//! The model depends on no web crate (issue 2, "Layout"): `cargo tree -p ecs-sim -e normal` names none of
//! yew, web-sys, js-sys, gloo or wasm-bindgen. On wasm32 one link exists that the model does not use:
//! `getrandom` (which seeds jsonschema's hash maps, ahash) reaches the browser's entropy through
//! wasm-bindgen. The second test allows exactly that path and nothing else.

const WEB: [&str; 4] = ["yew", "web-sys", "js-sys", "wasm-bindgen"];

fn tree(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "-p", "ecs-sim", "-e", "normal", "--offline"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn is_web(name: &str) -> bool {
    WEB.contains(&name) || name.starts_with("gloo")
}

#[test]
fn the_model_depends_on_no_web_crate() {
    let t = tree(&["--prefix", "none"]);
    assert!(t.lines().next().is_some_and(|l| l.starts_with("ecs-sim")), "{t}");
    for line in t.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(!is_web(name), "ecs-sim depends on the web crate {name}");
    }
}

#[test]
fn on_wasm32_only_getrandom_reaches_wasm_bindgen() {
    let t = tree(&["--prefix", "none", "--target", "wasm32-unknown-unknown"]);
    for line in t.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(!is_web(name) || name == "wasm-bindgen", "ecs-sim (wasm32) depends on the web crate {name}");
    }
    // Whatever depends on wasm-bindgen directly must be getrandom.
    let inverted = tree(&["--prefix", "depth", "--target", "wasm32-unknown-unknown", "-i", "wasm-bindgen"]);
    for line in inverted.lines().filter(|l| l.starts_with('1')) {
        assert!(line[1..].starts_with("getrandom "), "wasm-bindgen is reached through {line}");
    }
}
