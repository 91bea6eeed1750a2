//! Hash routing, so any static host serves the page without rewrite rules: `#/lesson/<id>` selects a lesson;
//! `#/bench` shows the browser benchmarks instead of the sandbox.

/// The lesson id a location hash names, if any: `#/lesson/first-task` → `first-task`.
///
/// ```
/// use ecs_sandbox::route::lesson_from_hash;
/// assert_eq!(lesson_from_hash("#/lesson/first-task"), Some("first-task"));
/// assert_eq!(lesson_from_hash("#/lesson/"), None);
/// assert_eq!(lesson_from_hash(""), None);
/// ```
pub fn lesson_from_hash(hash: &str) -> Option<&str> {
    let id = hash.strip_prefix('#').unwrap_or(hash).strip_prefix("/lesson/")?;
    let id = id.trim_end_matches('/');
    (!id.is_empty()).then_some(id)
}

/// Whether a location hash asks for the browser benchmarks.
///
/// ```
/// use ecs_sandbox::route::is_bench;
/// assert!(is_bench("#/bench"));
/// assert!(is_bench("#/bench/"));
/// assert!(!is_bench("#/lesson/first-task"));
/// ```
pub fn is_bench(hash: &str) -> bool {
    hash.strip_prefix('#').unwrap_or(hash).trim_end_matches('/') == "/bench"
}

/// The hash that selects a lesson.
pub fn hash_for(lesson_id: &str) -> String {
    format!("#/lesson/{lesson_id}")
}

/// The browser's current location hash (empty outside a browser).
pub fn current_hash() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Points the location hash at a lesson, unless it already does.
pub fn set_lesson_hash(lesson_id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let wanted = hash_for(lesson_id);
        if let (true, Some(w)) = (current_hash() != wanted, web_sys::window()) {
            let _ = w.location().set_hash(&wanted);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lesson_id;
}
