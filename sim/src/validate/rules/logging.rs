//! Logging (§1.7): awslogs's required options, its known option names and exclusive pair, and
//! the FireLens log router that the awsfirelens driver needs.

use serde_json::Value;

use super::{Doc, quoted};
use crate::validate::catalog as c;
use crate::validate::sink::{FindingExt, Sink};
use crate::validate::source_map::escape_segment;

/// The option names awslogs understands (cfn-lint E3046's list, §1.7).
const AWSLOGS_OPTIONS: &[&str] = &[
    "awslogs-create-group", "awslogs-datetime-format", "awslogs-group", "awslogs-multiline-pattern", "awslogs-region",
    "awslogs-stream-prefix", "max-buffer-size", "mode",
];

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    let router = doc.containers.iter().any(|ct| ct.obj.get("firelensConfiguration").is_some_and(Value::is_object));
    for ct in &doc.containers {
        let Some(log) = ct.object("logConfiguration") else { continue };
        let driver = log.get("logDriver").and_then(Value::as_str).unwrap_or_default();
        let options = log.get("options").and_then(Value::as_object);
        let has = |k: &str| options.is_some_and(|o| o.get(k).and_then(Value::as_str).is_some_and(|v| !v.is_empty()));
        if driver == "awslogs" {
            let missing: Vec<&str> = ["awslogs-region", "awslogs-group"].into_iter().filter(|k| !has(k)).collect();
            if !missing.is_empty() {
                let message = format!("Log driver awslogs requires options: {}", missing.join(", "));
                let f = sink.push(&c::AWSLOGS_OPTIONS, &ct.ptr("/logConfiguration"), message);
                if missing.len() == 1 {
                    f.not_verbatim();
                }
            }
            for key in options.into_iter().flat_map(|o| o.keys()) {
                if !AWSLOGS_OPTIONS.contains(&key.as_str()) {
                    let message = format!("Unknown awslogs option \"{key}\" (container {}).", quoted(ct.name));
                    sink.push(&c::AWSLOGS_OPTION_UNKNOWN, &ct.ptr(&format!("/logConfiguration/options/{}", escape_segment(key))), message);
                }
            }
            if has("awslogs-datetime-format") && has("awslogs-multiline-pattern") {
                let message = format!("awslogs-datetime-format and awslogs-multiline-pattern are both set (container {}).", quoted(ct.name));
                sink.push(&c::AWSLOGS_DATETIME_MULTILINE, &ct.ptr("/logConfiguration/options"), message);
            }
        }
        if driver == "awsfirelens" && !router {
            let message = format!(
                "Container {} uses the awsfirelens log driver, but no container of the task has a firelensConfiguration (the log router).",
                quoted(ct.name)
            );
            sink.push(&c::AWSFIRELENS_ROUTER, &ct.ptr("/logConfiguration/logDriver"), message);
        }
    }
}
