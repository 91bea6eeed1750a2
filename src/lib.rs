//! The ECS Sandbox page (Yew): four panes — the lesson, a file editor, the terminal and the cluster view —
//! over the `ecs-sim` model. The page changes the model only by running commands through
//! `Sandbox::execute`; it draws the model's events as an animation.
//!
//! - [`state`]: the one reducer (model, workspace, scrollback, history, lesson, animation queue, journal);
//! - [`hooks`]: `use_sandbox()` and the provider's effects; [`components`]: one component per file;
//! - [`scene`]: events folded into a drawable scene, its layout and the animation queue (pure, tested natively);
//! - [`transcript`]: terminal text and paste splitting; [`persist`]: localStorage; [`route`]: `#/lesson/<id>`;
//! - [`tuning`]: every number that tunes the page.

pub mod components;
pub mod hooks;
pub mod markdown;
pub mod panic;
pub mod persist;
pub mod route;
pub mod scene;
pub mod state;
pub mod transcript;
pub mod tuning;

pub use components::{App, AppProps};

/// Starts the page: installs the panic banner and renders [`App`] into `#app` (or the body).
pub fn start() {
    panic::install();
    let document = gloo::utils::document();
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
