//! The learner's files: what `file://NAME` reads. In the page they are the editor's buffers; in the runner
//! they are the files beside the script.

use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkspaceError {
    #[error("No such file or directory: {0}")]
    NotFound(String),
    #[error("{0}: {1}")]
    Unreadable(String, String),
}

/// Where commands read files from.
pub trait Workspace {
    fn read(&self, name: &str) -> Result<String, WorkspaceError>;
    /// File names, sorted.
    fn names(&self) -> Vec<String>;
    /// Creates or replaces a file (what `> FILE` does).
    fn write(&mut self, name: &str, content: &str) -> Result<(), WorkspaceError>;
}

/// Files held in memory: the page's editor buffers, and the tests' fixtures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryWorkspace {
    files: BTreeMap<String, String>,
}

impl MemoryWorkspace {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn with_file(mut self, name: &str, content: &str) -> Self {
        self.put(name, content);
        self
    }
    pub fn put(&mut self, name: &str, content: &str) {
        self.files.insert(normalize(name).to_string(), content.to_string());
    }
    pub fn remove(&mut self, name: &str) {
        self.files.remove(normalize(name));
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(normalize(name)).map(String::as_str)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// `./task.json` and `task.json` name the same file.
pub fn normalize(name: &str) -> &str {
    name.strip_prefix("./").unwrap_or(name)
}

impl Workspace for MemoryWorkspace {
    fn read(&self, name: &str) -> Result<String, WorkspaceError> {
        self.files.get(normalize(name)).cloned().ok_or_else(|| WorkspaceError::NotFound(name.to_string()))
    }
    fn names(&self) -> Vec<String> {
        self.files.keys().cloned().collect()
    }
    fn write(&mut self, name: &str, content: &str) -> Result<(), WorkspaceError> {
        self.put(name, content);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_slash_names_the_same_file() {
        let ws = MemoryWorkspace::new().with_file("./a.json", "{}");
        assert_eq!(ws.read("a.json").as_deref(), Ok("{}"));
        assert_eq!(ws.read("b.json"), Err(WorkspaceError::NotFound("b.json".into())));
    }
}
