//! The root: the sandbox provider around the four panes (lesson, cluster view, editor, terminal), a header
//! and a status bar.

use super::{ClusterPane, Editor, Header, LessonPane, SandboxProvider, StatusBar, Terminal};
use crate::tuning::STORAGE_KEY;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the work is saved in localStorage; `None` saves nothing (the browser tests use that).
    #[prop_or(Some(AttrValue::Static(STORAGE_KEY)))]
    pub storage_key: Option<AttrValue>,
    /// The lesson to open, overriding the location hash and what was saved.
    #[prop_or_default]
    pub lesson: Option<AttrValue>,
    /// Whether the location hash (`#/lesson/<id>`) follows and selects the lesson.
    #[prop_or(true)]
    pub routing: bool,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps { storage_key: Some(AttrValue::Static(STORAGE_KEY)), lesson: None, routing: true }
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    html! {
        <SandboxProvider storage_key={props.storage_key.clone()} lesson={props.lesson.clone()} routing={props.routing}>
            <div class="app">
                <Header />
                <main class="panes">
                    <LessonPane />
                    <ClusterPane />
                    <Editor />
                    <Terminal />
                </main>
                <StatusBar />
            </div>
        </SandboxProvider>
    }
}
