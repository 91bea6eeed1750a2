//! `aws <service> wait <waiter>`: polls an operation until botocore's acceptors say success or failure
//! (botocore/waiter.py, driven by the model's waiters-2.json). Between attempts the virtual clock moves on
//! by the waiter's delay, so the world changes while the learner waits.

use super::args;
use super::globals::Globals;
use super::model::ServiceModel;
use super::query::Query;
use super::usage::{CliFailure, invalid_choice};
use crate::clock::SimDuration;
use crate::sandbox::Sandbox;
use crate::services::{self, Call};
use crate::workspace::Workspace;
use serde_json::{Value, json};

pub fn run(sb: &mut Sandbox, service: &str, model: &ServiceModel, g: &Globals, rest: &[String], ws: &mut dyn Workspace) -> Result<String, CliFailure> {
    let names: Vec<&str> = model.waiters.keys().map(String::as_str).collect();
    let Some(name) = rest.first() else {
        return Err(CliFailure::usage("the following arguments are required: wait_name".into()));
    };
    let Some(config) = model.waiters.get(name.as_str()) else {
        let mut choices = names.clone();
        choices.push("help");
        return Err(CliFailure::usage(invalid_choice("wait_name", name, &choices)));
    };
    let api_op = config.get("operation").and_then(Value::as_str).unwrap_or_default().to_string();
    let delay = config.get("delay").and_then(Value::as_u64).unwrap_or(15);
    let max_attempts = config.get("maxAttempts").and_then(Value::as_u64).unwrap_or(40);
    let acceptors = config.get("acceptors").and_then(Value::as_array).cloned().unwrap_or_default();
    let waiter_name = to_pascal(name);
    let handler = services::handler(service, &api_op).ok_or_else(|| {
        CliFailure::other(&format!("`aws {service} wait {name}` needs {api_op}, which ECS Sandbox does not model yet."))
    })?;
    let parsed = args::parse_operation_args(model, &api_op, &rest[1..], ws).map_err(super::arg_failure)?;
    let region = super::region(g, sb, model)?;
    let mut attempts = 0u64;
    let mut last_matched: Option<Value> = None;
    loop {
        let response = {
            let caller = sb.shell.caller.clone();
            let call = Call { region: &region, request: &parsed.request, stdin: "", workspace: ws, caller: &caller };
            let mut ctx = sb.ctx();
            match handler(&mut ctx, &call) {
                Ok(v) => super::order::by_output_shape(model, &api_op, v),
                Err(e) => json!({"Error": {"Code": e.code, "Message": e.message}}),
            }
        };
        attempts += 1;
        let matched = acceptors.iter().find(|a| matches(a, &response));
        let state = matched.and_then(|a| a.get("state")).and_then(Value::as_str).unwrap_or("waiting");
        if let Some(a) = matched {
            last_matched = Some(a.clone());
        } else if let Some(err) = response.get("Error") {
            let code = err.get("Code").and_then(Value::as_str).unwrap_or("Unknown");
            let message = err.get("Message").and_then(Value::as_str).unwrap_or("Unknown");
            return Err(fail(&waiter_name, &format!("An error occurred ({code}): {message}")));
        }
        match state {
            "success" => return Ok(String::new()),
            "failure" => {
                let why = matched.map(explanation).unwrap_or_default();
                return Err(fail(&waiter_name, &format!("Waiter encountered a terminal failure state: {why}")));
            }
            _ => {}
        }
        if attempts >= max_attempts {
            let reason = match &last_matched {
                None => "Max attempts exceeded".to_string(),
                Some(a) => format!("Max attempts exceeded. Previously accepted state: {}", explanation(a)),
            };
            return Err(fail(&waiter_name, &reason));
        }
        sb.advance(SimDuration::secs(delay));
    }
}

fn fail(waiter: &str, reason: &str) -> CliFailure {
    CliFailure::other(&format!("Waiter {waiter} failed: {reason}"))
}

/// `tasks-running` → `TasksRunning`.
fn to_pascal(cli: &str) -> String {
    cli.split('-').map(|p| {
        let mut c = p.chars();
        c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
    }).collect()
}

fn matches(acceptor: &Value, response: &Value) -> bool {
    let matcher = acceptor.get("matcher").and_then(Value::as_str).unwrap_or_default();
    let expected = acceptor.get("expected").cloned().unwrap_or(Value::Null);
    let is_error = response.get("Error").is_some();
    let search = || {
        acceptor
            .get("argument")
            .and_then(Value::as_str)
            .and_then(|a| Query::compile(a).ok())
            .and_then(|q| q.search(response).ok())
            .unwrap_or(Value::Null)
    };
    match matcher {
        "path" => !is_error && search() == expected,
        "pathAll" => !is_error && matches!(search(), Value::Array(items) if !items.is_empty() && items.iter().all(|i| *i == expected)),
        "pathAny" => !is_error && matches!(search(), Value::Array(items) if items.contains(&expected)),
        // botocore's `status` matcher compares the HTTP status: 200 for a successful call.
        "status" => (expected == 200) != is_error,
        "error" => match expected {
            Value::Bool(true) => is_error,
            Value::Bool(false) => !is_error,
            Value::String(code) => response.pointer("/Error/Code").and_then(Value::as_str) == Some(code.as_str()),
            _ => false,
        },
        _ => false,
    }
}

/// botocore's `AcceptorConfig.explanation`.
fn explanation(a: &Value) -> String {
    let arg = a.get("argument").and_then(Value::as_str).unwrap_or_default();
    let expected = match a.get("expected") {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    match a.get("matcher").and_then(Value::as_str).unwrap_or_default() {
        "path" => format!("For expression \"{arg}\" we matched expected path: \"{expected}\""),
        "pathAll" => format!("For expression \"{arg}\" all members matched expected path: \"{expected}\""),
        "pathAny" => format!("For expression \"{arg}\" we matched expected path: \"{expected}\" at least once"),
        "status" => format!("Matched expected HTTP status code: {expected}"),
        "error" => format!("Matched expected service error code: {expected}"),
        other => format!("No explanation for unknown waiter type: \"{other}\""),
    }
}
