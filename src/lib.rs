//! The ECS Sandbox page (Yew): four panes — the lesson, a file editor, the terminal and the cluster view —
//! over the `ecs-sim` model. The page changes the model only by running commands through
//! `Sandbox::execute`; it draws the model's events as an animation.
//!
//! - [`state`]: the one reducer (model, workspace, scrollback, history, lesson, animation queue, journal);
//! - [`hooks`]: `use_sandbox()` and the provider's effects; [`components`]: one component per file;
//! - [`scene`]: events folded into a drawable scene, its layout and the animation queue (pure, tested natively);
//! - [`transcript`]: terminal text and paste splitting; [`persist`]: localStorage; [`route`]: `#/lesson/<id>`;
//! - [`editor_text`]: the editor's squiggles, edits and completion filtering (pure, tested natively);
//! - [`bench`]: the browser benchmarks of the `#/bench` route (the page shows [`components::BenchPage`] there);
//! - [`tuning`]: every number that tunes the page.

// Sorting goes through `ecs_sim::shared_sort` (one compiled copy in the .wasm); clippy.toml names std's sorts.
#![cfg_attr(not(test), warn(clippy::disallowed_methods))]

pub mod bench;
pub mod components;
pub mod editor_text;
pub mod hooks;
pub mod markdown;
pub mod panic;
pub mod persist;
pub mod route;
pub mod scene;
pub mod state;
pub mod transcript;
pub mod tuning;
pub mod typist;

pub use components::{App, AppProps};

/// Starts the page: installs the panic banner and renders [`App`] into `#app` (or the body).
pub fn start() {
    panic::install();
    let document = gloo::utils::document();
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let root = document.get_element_by_id("app").or_else(|| document.body().map(Into::into));
    let Some(root) = root else { return };
    // `#/bench` shows the browser benchmarks instead of the sandbox; moving to or from it reloads the page.
    let bench = route::is_bench(&route::current_hash());
    gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        if route::is_bench(&route::current_hash()) != bench {
            let _ = gloo::utils::window().location().reload();
        }
    })
    .forget();
    if bench {
        yew::Renderer::<components::BenchPage>::with_root(root).render();
    } else {
        yew::Renderer::<App>::with_root(root).render();
    }
}
