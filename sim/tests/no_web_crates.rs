//! The model depends on no web crate (issue 2, "Layout"): `cargo tree -p ecs-sim -e normal` names none of
//! yew, web-sys, js-sys, gloo or wasm-bindgen.

#[test]
fn the_model_depends_on_no_web_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "-p", "ecs-sim", "-e", "normal", "--prefix", "none", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.lines().next().is_some_and(|l| l.starts_with("ecs-sim")), "{tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(
            !["yew", "web-sys", "js-sys", "wasm-bindgen"].contains(&name) && !name.starts_with("gloo"),
            "ecs-sim depends on the web crate {name}"
        );
    }
}
