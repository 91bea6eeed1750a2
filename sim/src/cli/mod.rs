//! The `aws` command: an AWS CLI v2 driven by botocore's API models. It takes the global options out,
//! finds the service and operation, turns the operation's options into an API request exactly as the CLI
//! does, calls the sandbox's implementation of the operation, and prints the response in the requested
//! output format after `--query`, or the failure in the CLI's own words and exit codes.

pub mod args;
mod customizations;
mod execute_command;
mod logs_tail;
mod s3_commands;
mod globals;
mod help;
pub mod model;
mod order;
mod paginate;
pub mod output;
pub mod query;
mod usage;
mod waiter;

use crate::shared_sort::SharedSort;
use crate::commands::Io;
use crate::sandbox::Sandbox;
use crate::services::{self, Call};
use crate::tuning::DEFAULT_REGION;
use crate::workspace::Workspace;
use crate::world::network;
use args::ArgError;
use globals::Globals;
use model::ServiceModel;
use output::OutputFormat;
use serde_json::Value;
pub use usage::{CliFailure, EXIT_OTHER, EXIT_SERVICE, EXIT_USAGE};

/// The version string `aws --version` prints: the last CLI v2 line before the 2026 error-format change
/// (see `usage`), which is the behaviour this emulator reproduces.
pub const VERSION: &str = "aws-cli/2.32.0 Python/3.13.7 Linux/6.1.0 exe/x86_64.ecs-sandbox";

/// Runs `aws ARGS…`.
pub fn run(sb: &mut Sandbox, argv: &[String], stdin: &str, ws: &mut dyn Workspace) -> Io {
    match run_inner(sb, argv, stdin, ws) {
        Ok(stdout) => Io { stdout, ..Io::default() },
        Err(f) => Io { stderr: f.stderr, status: f.code, ..Io::default() },
    }
}

fn run_inner(sb: &mut Sandbox, argv: &[String], stdin: &str, ws: &mut dyn Workspace) -> Result<String, CliFailure> {
    let (globals, rest) = globals::split(argv)?;
    if globals.version {
        return Ok(format!("{VERSION}\n"));
    }
    let Some(service_name) = rest.first() else {
        return Err(CliFailure::usage("the following arguments are required: command".into()));
    };
    if service_name == "help" {
        return Ok(help::top());
    }
    if service_name == "s3" {
        return s3_commands::run(sb, &globals, &rest[1..]);
    }
    let Some(model) = model::service(service_name) else {
        return Err(unknown_service(service_name));
    };
    let Some(op_cli) = rest.get(1) else {
        return Err(CliFailure::usage("the following arguments are required: operation".into()));
    };
    if op_cli == "help" {
        return Ok(help::service(service_name, model));
    }
    if op_cli == "wait" {
        return waiter::run(sb, service_name, model, &globals, &rest[2..], ws);
    }
    if let Some(out) = customizations::run(sb, service_name, op_cli, &globals, &rest[2..], stdin, ws) {
        return out;
    }
    let Some(api_op) = model.operation_name(op_cli) else {
        let mut choices: Vec<&str> = model.operation_cli_names().collect();
        choices.extend(customizations::commands(service_name));
        if !model.waiters.is_empty() {
            choices.push("wait");
        }
        choices.push("help");
        return Err(CliFailure::usage(usage::invalid_choice("operation", op_cli, &choices)));
    };
    let op_args = &rest[2..];
    // A real operation whose shapes the sandbox does not carry (sim/models/extract.py keeps the names of all).
    if model.operation(api_op).is_none() {
        return Err(not_modelled(service_name, op_cli));
    }
    let parsed = args::parse_operation_args(model, api_op, op_args, ws).map_err(arg_failure)?;
    if parsed.help {
        return Ok(help::operation(service_name, model, api_op));
    }
    let format = output_format(&globals, sb)?;
    let query = compile_query(&globals)?;
    if let Some(which) = parsed.generate_cli_skeleton {
        let op = model.operation(api_op);
        if which == "output" {
            // The CLI prints a stubbed response through --query and the output format.
            let shape = op.and_then(|o| o.output.clone());
            let stub = shape.map_or(Value::Object(Default::default()), |s| args::output_skeleton(model, &s));
            return print(&stub, query.as_ref(), format, api_op);
        }
        let shape = op.and_then(|o| o.input.clone());
        let skeleton = shape.map_or(Value::Object(Default::default()), |s| args::skeleton(model, &s));
        return Ok(output::json(&skeleton));
    }
    let handler = services::handler(service_name, api_op).ok_or_else(|| not_modelled(service_name, op_cli))?;
    let region = region(&globals, sb, model)?;
    let caller = sb.shell.caller.clone();
    if caller == crate::services::caller::Caller::NoCredentials {
        return Err(CliFailure { stderr: format!("\n{}\n", crate::services::caller::NO_CREDENTIALS), code: 253 });
    }
    if let Some(action) = crate::services::caller::iam_action(service_name, api_op) {
        caller
            .authorize(sb.world(), &action, "*")
            .map_err(|m| CliFailure::service(crate::services::caller::denied_code(service_name), api_op, &m))?;
    }
    let call = Call { region: &region, request: &parsed.request, stdin, workspace: ws, caller: &caller };
    let mut ctx = sb.ctx();
    let response = handler(&mut ctx, &call).map_err(|e| CliFailure::service(&e.code, api_op, &e.message))?;
    let response = order::by_output_shape(model, api_op, response);
    let (response, token) = paginate::apply(&model.metadata.endpoint_prefix, api_op, &parsed.request, response, globals.no_paginate)?;
    if let (OutputFormat::Text, Some(token)) = (format, &token) {
        // awscli's TextFormatter prints the resume token as a record of its own, through --query like each
        // page: `NEXTTOKEN <token>`, or `None` when a query is given (CLI 2.32; aws-cli issues 5654 and 7277,
        // changed by pull request 10486 in July 2026).
        let mut out = print(&response, query.as_ref(), format, api_op)?;
        out.push_str(&print(&serde_json::json!({"NextToken": {"NextToken": token}}), query.as_ref(), format, api_op)?);
        return Ok(out);
    }
    print(&paginate::with_token(response, token), query.as_ref(), format, api_op)
}

/// Applies `--query` and formats the result.
pub(crate) fn print(response: &Value, query: Option<&query::Query>, format: OutputFormat, title: &str) -> Result<String, CliFailure> {
    let value = match query {
        Some(q) => q.search(response).map_err(|e| CliFailure::other(&e.to_string()))?,
        None => response.clone(),
    };
    output::try_format(&value, format, title, query.is_some(), &output::FormatOptions::default())
        .map_err(|e| CliFailure { stderr: format!("{}\n{}\n", e.stdout, e.message), code: EXIT_OTHER })
}

pub(crate) fn output_format(g: &Globals, sb: &Sandbox) -> Result<OutputFormat, CliFailure> {
    let name = g.output.clone().or_else(|| sb.shell.vars.get("AWS_DEFAULT_OUTPUT").cloned()).unwrap_or_else(|| "json".into());
    name.parse::<OutputFormat>().map_err(|e| match e {
        output::ParseOutputFormatError::InvalidChoice(v) => {
            CliFailure::usage(usage::invalid_choice("--output", &v, &["json", "text", "table", "yaml", "yaml-stream"]))
        }
        other => CliFailure::other(&other.to_string()),
    })
}

pub(crate) fn compile_query(g: &Globals) -> Result<Option<query::Query>, CliFailure> {
    match &g.query {
        None => Ok(None),
        Some(expr) => query::Query::compile(expr)
            .map(Some)
            .map_err(|e| CliFailure::param(&format!("Bad value for --query {expr}: {e}"))),
    }
}

/// The Region commands use when they name none: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the sandbox's.
pub fn current_region(sb: &Sandbox) -> String {
    sb.shell
        .vars
        .get("AWS_REGION")
        .or_else(|| sb.shell.vars.get("AWS_DEFAULT_REGION"))
        .cloned()
        .unwrap_or_else(|| DEFAULT_REGION.to_string())
}

/// `--region`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the sandbox's Region. A name that is not a
/// Region fails as the CLI does when it cannot reach the endpoint it builds from it.
pub(crate) fn region(g: &Globals, sb: &Sandbox, model: &ServiceModel) -> Result<String, CliFailure> {
    let region = g
        .region
        .clone()
        .or_else(|| sb.shell.vars.get("AWS_REGION").cloned())
        .or_else(|| sb.shell.vars.get("AWS_DEFAULT_REGION").cloned())
        .unwrap_or_else(|| DEFAULT_REGION.to_string());
    if network::is_region(&region) {
        Ok(region)
    } else {
        let prefix = &model.metadata.endpoint_prefix;
        Err(CliFailure::other(&format!("Could not connect to the endpoint URL: \"https://{prefix}.{region}.amazonaws.com/\"")))
    }
}

fn arg_failure(e: ArgError) -> CliFailure {
    match e {
        ArgError::Usage(m) => CliFailure::usage(m),
        ArgError::UnknownOptions(list) => CliFailure::unknown_options(&list),
        ArgError::ParamValidation(m) | ArgError::ParamError(m) => CliFailure::param(&m),
        ArgError::Other(m) => CliFailure::other(&m),
    }
}

fn unknown_service(name: &str) -> CliFailure {
    let mut choices: Vec<&str> = model::service_names().collect();
    choices.push("s3");
    choices.shared_sort();
    choices.push("help");
    let mut f = CliFailure::usage(usage::invalid_choice("command", name, &choices));
    f.stderr.push_str(&format!(
        "\nECS Sandbox models the AWS CLI commands listed above; `{name}` is not one of them.\n"
    ));
    f
}

fn not_modelled(service: &str, op: &str) -> CliFailure {
    CliFailure::other(&format!(
        "`aws {service} {op}` is a real AWS CLI operation that ECS Sandbox does not model yet. `aws {service} help` lists the operations it models."
    ))
}
