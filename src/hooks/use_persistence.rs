//! Saves the work after every change worth saving (a command, an edit, a lesson switch), so nothing is lost
//! on reload. A refusal (storage full) shows in the status bar instead of failing silently.

use super::SandboxHandle;
use crate::persist;
use yew::prelude::*;

#[hook]
pub fn use_persistence(sandbox: &SandboxHandle) {
    let key = (sandbox.persist_revision, sandbox.lesson.id.clone());
    let sandbox = sandbox.clone();
    use_effect_with(key, move |_| {
        if let Some(storage_key) = sandbox.storage_key() {
            let mut saved = persist::load(&storage_key).unwrap_or_default();
            saved.version = persist::VERSION;
            saved.lesson = Some(sandbox.lesson.id.clone());
            saved.history = (*sandbox.history).clone();
            saved.sessions.insert(sandbox.lesson.id.clone(), sandbox.session());
            let result = persist::store(&storage_key, &saved);
            let problem = result
                .err()
                .map(|e| format!("Your work is not saved: {e}. Files of several MiB do not fit; Reset starts over."));
            if problem != sandbox.storage_problem {
                sandbox.storage_problem(problem);
            }
        }
    });
}
