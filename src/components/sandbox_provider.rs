//! Owns the page's one reducer and provides it as context. On first render it rebuilds the saved work (the
//! lesson from the location hash, else the one last open) by replaying its journal; then it runs the effects
//! that keep the page alive: the animation player, the typist, persistence and hash routing.

use crate::hooks::{SandboxContext, use_animation_player, use_hash_route, use_persistence, use_sandbox, use_typist};
use crate::persist;
use crate::route;
use crate::state::SandboxState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SandboxProviderProps {
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub storage_key: Option<AttrValue>,
    #[prop_or_default]
    pub lesson: Option<AttrValue>,
    #[prop_or(true)]
    pub routing: bool,
}

#[component]
pub fn SandboxProvider(props: &SandboxProviderProps) -> Html {
    let storage_key: Option<Rc<str>> = props.storage_key.as_ref().map(|k| Rc::from(k.as_str()));
    let state = {
        let storage_key = storage_key.clone();
        let lesson = props.lesson.clone();
        let routing = props.routing;
        use_reducer(move || {
            let lessons = Rc::new(ecs_sim::lesson::builtin());
            let mut saved = storage_key.as_deref().and_then(persist::load).unwrap_or_default();
            let hash = if routing { route::current_hash() } else { String::new() };
            let wanted = lesson
                .as_ref()
                .map(|l| l.to_string())
                .or_else(|| route::lesson_from_hash(&hash).map(String::from))
                .or_else(|| saved.lesson.clone());
            let id = wanted
                .filter(|w| lessons.iter().any(|l| &l.id == w))
                .or_else(|| lessons.first().map(|l| l.id.clone()));
            let session = id.as_ref().and_then(|id| saved.sessions.remove(id));
            SandboxState::restore(lessons, id.as_deref(), session, saved.history)
        })
    };
    let context = SandboxContext { state, storage_key };
    html! {
        <ContextProvider<SandboxContext> {context}>
            <SandboxEffects routing={props.routing} />
            { props.children.clone() }
        </ContextProvider<SandboxContext>>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct SandboxEffectsProps {
    routing: bool,
}

/// Renders nothing; runs the provider's effects inside the context.
#[component]
fn SandboxEffects(props: &SandboxEffectsProps) -> Html {
    let sandbox = use_sandbox();
    use_animation_player(&sandbox);
    use_typist(&sandbox);
    use_persistence(&sandbox);
    use_hash_route(&sandbox, props.routing);
    Html::default()
}
