//! Nothing lost on reload: the page saves, in localStorage, the terminal history, the current lesson and,
//! per lesson, a *session*: the editor's files and tabs, the hints shown, and the *journal* of what the
//! terminal did (each command line run, with the workspace it ran against when that differed from what the
//! previous command left; and each Ctrl-L). The model is deterministic, so replaying the journal in a fresh
//! sandbox with the lesson's seed rebuilds the exact state (see `SandboxState::restore`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The files of a workspace, by name.
pub type Files = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum JournalEntry {
    /// A command line the terminal ran; `files` is the workspace it ran against, when the editor changed it
    /// since the previous command.
    Run {
        line: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        files: Option<Files>,
    },
    /// Ctrl-L.
    ClearScreen,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Session {
    pub files: Files,
    pub tabs: Vec<String>,
    pub active_tab: Option<String>,
    pub journal: Vec<JournalEntry>,
    pub hints_shown: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Saved {
    pub version: u32,
    pub lesson: Option<String>,
    pub history: Vec<String>,
    pub sessions: BTreeMap<String, Session>,
}

pub const VERSION: u32 = 1;

impl Saved {
    /// Parses saved data; anything unreadable or of another version counts as nothing saved.
    pub fn parse(text: &str) -> Option<Saved> {
        serde_json::from_str::<Saved>(text).ok().filter(|s| s.version == VERSION)
    }
}

/// What is saved under `key`, if anything readable.
pub fn load(key: &str) -> Option<Saved> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = web_sys::window()?.local_storage().ok()??;
        Saved::parse(&storage.get_item(key).ok()??)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Saves under `key`; the error says why the browser refused (storage full or disabled).
pub fn store(key: &str, saved: &Saved) -> Result<(), String> {
    let text = serde_json::to_string(saved).map_err(|e| e.to_string())?;
    #[cfg(target_arch = "wasm32")]
    {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| "this browser offers no localStorage".to_string())?;
        storage.set_item(key, &text).map_err(|e| {
            let detail = e.as_string().or_else(|| {
                js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string())
            });
            format!("the browser refused to save {} KiB ({})", text.len() / 1024, detail.unwrap_or_else(|| "storage full?".into()))
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (key, text);
        Ok(())
    }
}

/// Forgets everything saved under `key`.
pub fn clear(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}
