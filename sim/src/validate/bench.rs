//! The validator benchmark's documents, shared by the native benchmark (`sim/benches/validate.rs`,
//! `cargo bench -p ecs-sim --bench validate`) and the page's `#/bench` route, so both time the same
//! inputs: a typical definition (the first template), a 10-container one, one just under the 64 KiB
//! limit, and that one with a syntax error. Nothing here reads a clock; the callers time
//! [`validate`](super::validate), [`hover`](super::hover) and [`completions`](super::completions) on
//! each document with their own.
//!
//! ```
//! let docs = ecs_sim::validate::bench::documents();
//! assert_eq!(docs.len(), 4);
//! // Pretty-printed as an editor holds it; just under 64 KiB once compact.
//! let compact = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&docs[2].text).unwrap()).unwrap();
//! assert!(compact.len() < 64 * 1024 && compact.len() > 63 * 1024);
//! ```

use serde_json::{Value, json};

/// One document to time, with the label the benchmarks print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub label: &'static str,
    pub text: String,
}

fn container(i: usize, env_vars: usize, value_len: usize) -> Value {
    let environment: Vec<Value> =
        (0..env_vars).map(|j| json!({"name": format!("SETTING_{j}"), "value": "v".repeat(value_len)})).collect();
    json!({
        "name": format!("app-{i}"),
        "image": format!("123456789012.dkr.ecr.us-east-1.amazonaws.com/app-{i}:1.4.{i}"),
        "essential": i == 0,
        "cpu": 64,
        "memoryReservation": 128,
        "portMappings": [{"containerPort": 8000 + i, "protocol": "tcp", "name": format!("http-{i}")}],
        "environment": environment,
        "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}],
        "mountPoints": [{"sourceVolume": "shared", "containerPath": "/shared", "readOnly": i != 0}],
        "healthCheck": {"command": ["CMD-SHELL", format!("curl -f http://localhost:{}/health || exit 1", 8000 + i)], "interval": 30, "timeout": 5, "retries": 3},
        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/bench", "awslogs-region": "us-east-1", "awslogs-stream-prefix": format!("app-{i}")}}
    })
}

/// A Fargate definition of `containers` containers with `env_vars` environment variables each, whose
/// values are `value_len` characters long (pretty-printed).
pub fn definition(containers: usize, env_vars: usize, value_len: usize) -> String {
    let doc = json!({
        "family": "bench",
        "requiresCompatibilities": ["FARGATE"],
        "networkMode": "awsvpc",
        "cpu": "2048",
        "memory": "4096",
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "taskRoleArn": "arn:aws:iam::123456789012:role/appTaskRole",
        "volumes": [{"name": "shared"}],
        "containerDefinitions": (0..containers).map(|i| container(i, env_vars, value_len)).collect::<Vec<_>>()
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// The four documents, in the order the benchmarks print them.
pub fn documents() -> Vec<Document> {
    let typical = super::templates().first().map(|t| t.text.to_string()).unwrap_or_default();
    // Grow the environment until the compact JSON is just under 64 KiB.
    let mut value_len = 24;
    let mut big = definition(10, 12, value_len);
    while serde_json::to_string(&serde_json::from_str::<Value>(&big).unwrap_or_default()).map_or(0, |s| s.len()) < 64 * 1024 - 130 {
        value_len += 1;
        big = definition(10, 12, value_len);
    }
    let broken = big.replacen("\"essential\": true,", "\"essential\": true", 1);
    vec![
        Document { label: "typical (fargate-web template)", text: typical },
        Document { label: "10 containers", text: definition(10, 8, 24) },
        Document { label: "64 KiB (10 containers, compact JSON)", text: big },
        Document { label: "64 KiB with a syntax error", text: broken },
    ]
}

/// Where the benchmarks ask for hover and completions: at the first `"interval"` key.
pub fn probe_offset(text: &str) -> usize {
    text.find("\"interval\"").unwrap_or(text.len() / 2)
}
