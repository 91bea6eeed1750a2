//! Keeps the location hash (`#/lesson/<id>`) and the current lesson in step: the hash follows the lesson
//! picker, and editing the hash (or the back button) switches lesson.

use super::SandboxHandle;
use crate::route;
use yew::prelude::*;

#[hook]
pub fn use_hash_route(sandbox: &SandboxHandle, enabled: bool) {
    let id = sandbox.lesson.id.clone();
    use_effect_with((id, enabled), |(id, enabled)| {
        if *enabled {
            route::set_lesson_hash(id);
        }
    });
    let sandbox = sandbox.clone();
    use_effect_with(enabled, move |enabled| {
        let listener = (*enabled).then(|| {
            let window = gloo::utils::window();
            gloo::events::EventListener::new(&window, "hashchange", move |_| {
                if let Some(id) = route::lesson_from_hash(&route::current_hash()) {
                    sandbox.select_lesson(id);
                }
            })
        });
        move || drop(listener)
    });
}
