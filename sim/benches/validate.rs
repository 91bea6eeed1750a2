//! Timing of the task-definition validator (not a test): `cargo bench -p ecs-sim --bench validate`.
//! Prints, for a typical definition (1 container), a 10-container one and one just under the
//! 64 KiB limit, the time of `validate` (parse, schema, rules, report), of `hover` and of
//! `completions`: the work the editor does on a keystroke. The page calls `validate` debounced
//! on every edit; it must stay well under a 16 ms frame in the browser.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ecs_sim::validate::{completions, hover, templates, validate};
use serde_json::{Value, json};

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

fn definition(containers: usize, env_vars: usize, value_len: usize) -> String {
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

/// Runs `f` for about `budget`, returns (runs, mean, best).
fn time(budget: Duration, mut f: impl FnMut()) -> (u32, Duration, Duration) {
    f();
    let (mut runs, mut best, start) = (0u32, Duration::MAX, Instant::now());
    while start.elapsed() < budget || runs < 5 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    (runs, start.elapsed() / runs, best)
}

fn row(label: &str, text: &str) {
    let budget = Duration::from_millis(700);
    let (runs, mean, best) = time(budget, || {
        black_box(validate(black_box(text)));
    });
    let report = validate(text);
    let offset = text.find("\"interval\"").unwrap_or(text.len() / 2);
    let (_, hover_mean, _) = time(budget / 3, || {
        black_box(hover(black_box(text), offset));
    });
    let (_, completion_mean, _) = time(budget / 3, || {
        black_box(completions(black_box(text), offset));
    });
    println!(
        "{label:<34} {:>7} B  {:>3} findings  validate mean {:>8.3} ms  best {:>8.3} ms  ({runs} runs)  hover {:>7.3} ms  completions {:>7.3} ms",
        text.len(),
        report.findings.len(),
        mean.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3,
        hover_mean.as_secs_f64() * 1e3,
        completion_mean.as_secs_f64() * 1e3,
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let typical = templates().first().map(|t| t.text.to_string()).unwrap_or_default();
    row("typical (fargate-web template)", &typical);
    row("10 containers", &definition(10, 8, 24));
    // Grow the environment until the JSON is just under 64 KiB.
    let mut value_len = 24;
    let mut big = definition(10, 12, value_len);
    while serde_json::to_string(&serde_json::from_str::<Value>(&big).unwrap_or_default()).map_or(0, |s| s.len()) < 64 * 1024 - 130 {
        value_len += 1;
        big = definition(10, 12, value_len);
    }
    row("64 KiB (10 containers, compact JSON)", &big);
    if std::env::var_os("SHOW_FINDINGS").is_some() {
        print!("{}", validate(&big).render_lines("64k.json"));
    }
    let broken = big.replacen("\"essential\": true,", "\"essential\": true", 1);
    row("64 KiB with a syntax error", &broken);
}
