//! An operation's command-line arguments → its API request, exactly as the AWS CLI v2 builds it: the
//! argparse table made from the botocore model and awscli's customizations, `file://` parameters, shorthand
//! syntax and JSON values, `--cli-input-json`, `--generate-cli-skeleton`, and botocore's parameter
//! validation, with the CLI's own error texts.
//!
//! The caller has already taken the global options (`--region`, `--output`, `--query`, …) and the service
//! and operation names out of `argv`.
//!
//! What the request holds is what botocore would serialize, with these differences, left to the caller:
//! `ec2 run-instances` keeps `UserData` as plain text (botocore base64-encodes it); idempotency tokens
//! (`clientToken`) stay absent when not given (botocore fills in a UUID); paginated operations carry the
//! `--starting-token`/`--page-size`/`--max-items` values under `PaginationConfig` (`StartingToken`,
//! `PageSize`, `MaxItems`), for the paginator; a request that carries the operation's own token or limit
//! member (`nextToken`, `maxResults`) means the CLI turned automatic pagination off.

mod argparse;
mod backcompat;
mod cliinput;
mod custom_args;
pub mod customizations;
pub mod paginators;
mod paramfile;
mod pyjson;
mod pynum;
mod pyvalue;
mod shorthand;
mod skeleton;
mod table;
mod timestamp;
mod unpack;
mod validate;

#[cfg(test)]
mod tests_ec2;
#[cfg(test)]
mod tests_ecs;
#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_fuzz;
#[cfg(test)]
mod tests_shorthand;

pub use customizations::Customizations;
pub use skeleton::{output_skeleton, skeleton};

use crate::cli::model::ServiceModel;
use crate::workspace::Workspace;
use argparse::Slot;
use pyvalue::{Py, PyDict};
use serde_json::Value;
use table::Kind;
use unpack::Unpacker;

/// The outcome of parsing an operation's arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationArgs {
    /// The API request, member names as in the model (camelCase for ECS, PascalCase for EC2).
    pub request: Value,
    /// `--generate-cli-skeleton [input|output|yaml-input]`: print the skeleton instead of calling. For
    /// `output` the request has been built and validated as for a real call.
    pub generate_cli_skeleton: Option<String>,
    /// `aws <service> <operation> help` (alone, or as a trailing word): show the operation's help.
    pub help: bool,
}

/// Why the CLI refuses the command line. Every variant but `Other` exits with 252.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArgError {
    /// An argparse error: the caller prints the usage block, then `aws: error: {0}`.
    #[error("{0}")]
    Usage(String),
    /// `Unknown options: a, b`, printed after the usage block.
    #[error("Unknown options: {}", .0.join(", "))]
    UnknownOptions(Vec<String>),
    /// botocore's `ParamValidationError`: the full `Parameter validation failed:\n…` text.
    #[error("{0}")]
    ParamValidation(String),
    /// awscli's `ParamError`/`ParamSyntaxError`: the full message, `Error parsing parameter '--x': …`.
    #[error("{0}")]
    ParamError(String),
    /// Whatever the CLI's generic handler prints (exit 255), e.g. `invalid literal for int() with base 10: 'abc'`.
    #[error("{0}")]
    Other(String),
}

impl ArgError {
    /// The AWS CLI v2's exit status for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            ArgError::Other(_) => 255,
            _ => 252,
        }
    }
}

/// botocore's parameter validation of `value` against `shape_name`: `Err` holds the whole
/// `Parameter validation failed:\n…` text. (Objects count as plain `dict`s here; the values the CLI
/// parses from JSON options are `OrderedDict`s, which [`parse_operation_args`] reports as such.)
pub fn validate(model: &ServiceModel, shape_name: &str, value: &Value) -> Result<(), String> {
    validate::report(model, shape_name, &Py::from_json(value, false))
}

/// Parses `argv` (the words after `aws <service> <operation>`) for the operation `api_operation` (`RunTask`).
pub fn parse_operation_args(
    model: &ServiceModel,
    api_operation: &str,
    argv: &[String],
    files: &dyn Workspace,
) -> Result<OperationArgs, ArgError> {
    let op = model
        .operation(api_operation)
        .ok_or_else(|| ArgError::Other(format!("The sandbox does not model the operation {api_operation}")))?;
    let service = model.metadata.endpoint_prefix.as_str();
    let cli_operation = model
        .all_operations
        .iter()
        .find(|(_, v)| v.as_str() == Some(api_operation))
        .map_or(api_operation, |(k, _)| k.as_str());
    // The service parser's `operation` positional (`nargs=None`, pattern `-*A-*`) swallows a `--` that
    // directly follows the operation name.
    let argv = match argv {
        [first, rest @ ..] if first == "--" => rest,
        _ => argv,
    };
    let custom = Customizations::for_operation(service, cli_operation, api_operation);
    let (mut table, shadowed) = table::build(model, op, &custom);
    table::override_required(&mut table, argv);
    let help = || OperationArgs { request: Value::Object(Default::default()), generate_cli_skeleton: None, help: true };
    if let [only] = argv
        && only == "help"
    {
        return Ok(help());
    }

    let specs: Vec<argparse::Spec> = table.iter().map(|a| a.spec.clone()).collect();
    let parsed = argparse::parse(&specs, argv).map_err(ArgError::Usage)?;
    let mut remaining = parsed.extras.clone();
    match parsed.help.as_deref() {
        Some("help") => return Ok(help()),
        Some(word) if !word.is_empty() => remaining.push(word.to_string()),
        _ => {}
    }
    if !remaining.is_empty() {
        return Err(ArgError::UnknownOptions(remaining));
    }
    for check in &custom.checks {
        custom_args::check(*check, &parsed, &table)?;
    }
    if let Some(paging) = custom.paging {
        check_manual_paging(op, paging, &parsed, &shadowed)?;
    }

    let unpacker = Unpacker { model, files };
    let mut params = PyDict::new(false);
    for arg in &table {
        let Some(Slot::Val(value)) = parsed.get(&arg.py_name()) else { continue };
        let value = unpack::resolve_paramfile(&arg.cli_name(), value, files)?.unwrap_or_else(|| value.clone());
        if let Kind::TopBool { member, shape, positive } = &arg.kind {
            // `--x` alone means `{"Value": true}`; `--no-x` means `{"Value": false}`.
            let bare = |b: bool| Py::Dict(PyDict { ordered: false, items: vec![("Value".into(), Py::Bool(b))] });
            match (positive, &value) {
                (true, Py::None) => params.set(member, bare(true)),
                (true, _) => params.set(member, unpacker.unpack(&arg.cli_name(), shape, value)?),
                (false, v) if v.truthy() => params.set(member, bare(false)),
                (false, _) => {}
            }
            continue;
        }
        if matches!(value, Py::None) {
            continue;
        }
        match &arg.kind {
            Kind::Member { member, shape } => params.set(member, unpacker.unpack(&arg.cli_name(), shape, value)?),
            Kind::Boolean { member } => params.set(member, value),
            Kind::Page { key } => {
                let mut config = match params.remove("PaginationConfig") {
                    Some(Py::Dict(d)) => d,
                    _ => PyDict::new(false),
                };
                config.set(key, value);
                params.set("PaginationConfig", Py::Dict(config));
            }
            Kind::CliInput { .. } | Kind::Skeleton | Kind::TopBool { .. } => {}
            Kind::Custom(c) => custom_args::add_to_params(*c, &mut params, &value)?,
        }
    }

    cliinput::merge(&table, &parsed, &mut params, files)?;
    let generate_cli_skeleton = match parsed.get("generate_cli_skeleton") {
        Some(Slot::Val(Py::Str(s))) => Some(s.clone()),
        _ => None,
    };
    if generate_cli_skeleton.as_deref().is_some_and(|s| s != "output") {
        return Ok(OperationArgs { request: Py::Dict(params).to_json(), generate_cli_skeleton, help: false });
    }
    for hook in &custom.hooks {
        custom_args::hook(*hook, &mut params)?;
    }
    if let Some(input) = &op.input {
        // The paginator takes `PaginationConfig` away, unless a token or limit member (from the command line
        // or `--cli-input-json`) turned automatic pagination off: then the plain call gets it too.
        let mut checked = params.clone();
        let paginating = custom
            .paging
            .is_some_and(|p| !p.own_members().any(|member| checked.contains(member)));
        if paginating {
            checked.remove("PaginationConfig");
        }
        validate::report(model, input, &Py::Dict(checked)).map_err(ArgError::ParamValidation)?;
    }
    Ok(OperationArgs { request: Py::Dict(params).to_json(), generate_cli_skeleton, help: false })
}

/// `paginate.check_should_enable_pagination`: giving the operation's own token or limit option turns
/// automatic pagination off, which the CLI refuses alongside `--starting-token`/`--page-size`/`--max-items`.
fn check_manual_paging(
    op: &crate::cli::model::OperationModel,
    paging: paginators::Paging,
    parsed: &argparse::Parsed,
    shadowed: &[String],
) -> Result<(), ArgError> {
    let manual = paging.own_members().any(|member| {
        let cli = op.cli.get(member).and_then(Value::as_str).unwrap_or(member);
        let py = cli.replace('-', "_");
        !["start_token", "max_items"].contains(&py.as_str())
            && matches!(parsed.get(&py), Some(Slot::Val(v)) if !matches!(v, Py::None))
    });
    if !manual {
        return Ok(());
    }
    let used: Vec<String> = ["starting-token", "page-size", "max-items"]
        .iter()
        .filter(|name| !shadowed.iter().any(|s| s == *name))
        .filter(|name| matches!(parsed.get(&name.replace('-', "_")), Some(Slot::Val(v)) if v.truthy()))
        .map(|name| format!("--{name}"))
        .collect();
    if used.is_empty() {
        return Ok(());
    }
    Err(ArgError::Other(format!(
        "Error during pagination: Cannot specify --no-paginate along with pagination arguments: {}",
        used.join(", ")
    )))
}
