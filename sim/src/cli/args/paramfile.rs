//! `file://` and `fileb://` parameter values (awscli `paramfile.py`, CLI v2: no `http://` fetching), read
//! through the learner's [`Workspace`].

use super::pyvalue::{Py, str_repr};
use crate::workspace::{Workspace, WorkspaceError};

/// `get_paramfile(value, LOCAL_PREFIX_MAP)`: `Ok(None)` when `value` names no file, the file's text
/// (`file://`) or bytes (`fileb://`) otherwise, or the `ResourceLoadingError` message.
pub(crate) fn get_paramfile(value: &str, files: &dyn Workspace) -> Result<Option<Py>, String> {
    let (path, binary) = if let Some(p) = value.strip_prefix("file://") {
        (p, false)
    } else if let Some(p) = value.strip_prefix("fileb://") {
        (p, true)
    } else {
        return Ok(None);
    };
    match files.read(path) {
        Ok(text) if binary => Ok(Some(Py::Bytes(text.into_bytes()))),
        Ok(text) => Ok(Some(Py::Str(text))),
        Err(WorkspaceError::NotFound(_)) => {
            Err(format!("Unable to load paramfile {value}: [Errno 2] No such file or directory: {}", str_repr(path)))
        }
        Err(e @ WorkspaceError::Unreadable(..)) => Err(format!("Unable to load paramfile {value}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::MemoryWorkspace;

    #[test]
    fn reads_text_and_bytes_and_reports_missing_files() {
        let ws = MemoryWorkspace::new().with_file("a.txt", "hi");
        assert_eq!(get_paramfile("file://a.txt", &ws), Ok(Some(Py::str("hi"))));
        assert_eq!(get_paramfile("fileb://./a.txt", &ws), Ok(Some(Py::Bytes(b"hi".to_vec()))));
        assert_eq!(get_paramfile("a.txt", &ws), Ok(None));
        assert_eq!(
            get_paramfile("file://x.json", &ws),
            Err("Unable to load paramfile file://x.json: [Errno 2] No such file or directory: 'x.json'".into())
        );
    }
}
