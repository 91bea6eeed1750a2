//! `--cli-input-json` and `--cli-input-yaml` (CLI v2 `customizations/cliinput.py`): the document's keys fill
//! in whatever the command line did not set.

use super::ArgError;
use super::argparse::{Parsed, Slot};
use super::paramfile::get_paramfile;
use super::pyjson::{JsonFail, loads};
use super::pyvalue::{Py, PyDict};
use super::table::{CliArg, Kind};
use crate::workspace::Workspace;

/// `CliInputArgument.add_to_call_parameters`, for each of the two options in table order.
pub(crate) fn merge(
    table: &[CliArg],
    parsed: &Parsed,
    params: &mut PyDict,
    files: &dyn Workspace,
) -> Result<(), ArgError> {
    for arg in table {
        let Kind::CliInput { yaml } = arg.kind else { continue };
        let Some(Slot::Val(value)) = parsed.get(&arg.spec.dest) else { continue };
        if matches!(value, Py::None) {
            continue;
        }
        let given = parsed
            .namespace
            .iter()
            .filter(|(dest, v)| dest.starts_with("cli_input") && !matches!(v, Slot::Val(Py::None)))
            .count();
        if given != 1 {
            return Err(ArgError::ParamError("Only one --cli-input- parameter may be specified.".into()));
        }
        let text = match value {
            Py::Str(s) => match get_paramfile(s, files).map_err(ArgError::Other)? {
                Some(Py::Str(content)) => content,
                Some(Py::Bytes(b)) => String::from_utf8_lossy(&b).into_owned(),
                _ => s.clone(),
            },
            other => other.to_str(),
        };
        let loaded = match (loads(&text, false), yaml) {
            (Ok(v), _) => v,
            (Err(JsonFail::Recursion(m)), _) => return Err(ArgError::Other(m)),
            (Err(JsonFail::Decode(why)), false) => {
                // The CLI's own line says neither where nor why; the sandbox adds a line that does, in
                // Python's json wording (`Expecting ',' delimiter: line 3 column 3 (char 22)`).
                let source = match value {
                    Py::Str(s) if s.starts_with("file://") => s.trim_start_matches("file://").to_string(),
                    _ => "the --cli-input-json value".to_string(),
                };
                return Err(ArgError::ParamError(format!(
                    "Error parsing parameter 'cli-input-json': Invalid JSON received.\n(ECS Sandbox: {source}: {why})"
                )));
            }
            (Err(JsonFail::Decode(_)), true) => {
                return Err(ArgError::Other(
                    "--cli-input-yaml: this sandbox reads only the JSON form of YAML; use --cli-input-json, or \
                     write the document in JSON syntax"
                        .into(),
                ));
            }
        };
        let Py::Dict(loaded) = loaded else {
            return Err(ArgError::ParamError(format!(
                "Error parsing parameter '{}': Invalid type: expecting map, received {}",
                arg.cli_name(),
                loaded.type_repr()
            )));
        };
        for (key, v) in loaded.items {
            if !params.contains(&key) {
                params.set(&key, v);
            }
        }
    }
    Ok(())
}
