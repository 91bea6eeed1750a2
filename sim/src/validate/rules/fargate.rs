//! Fargate's rules (§1.3, §1.5, §1.7, §1.8), checked when `requiresCompatibilities` lists
//! FARGATE: awsvpc, task cpu and memory from the Fargate table, an execution role for awslogs and
//! ECR, and the host-level settings Fargate does not offer.

use serde_json::Value;

use super::{Doc, quoted};
use crate::task_definition::attributes::is_ecr_image;
use crate::task_definition::sizes::fargate_memory_options;
use crate::tuning::ACCOUNT_ID;
use crate::validate::catalog as c;
use crate::validate::fixes;
use crate::validate::sink::{FindingExt, Sink};

const LOG_DRIVERS: &[&str] = &["awslogs", "splunk", "awsfirelens"];
/// Longest stopTimeout on Fargate, and startTimeout's range (§1.5).
const MAX_STOP_TIMEOUT: i64 = 120;
const START_TIMEOUT: std::ops::RangeInclusive<i64> = 2..=120;

/// Memory sizes (MiB) for a Fargate cpu, including 32 vCPU when the options allow it (§1.3, §11).
pub fn memory_options(cpu: u32, newest: bool) -> Vec<u32> {
    if cpu == 32_768 && newest { vec![61_440, 122_880, 249_856] } else { fargate_memory_options(cpu) }
}

pub fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if !doc.fargate() {
        return;
    }
    network_and_size(doc, sink);
    execution_role(doc, sink);
    if doc.root.get("ipcMode").is_some_and(|v| !v.is_null()) {
        let fix = fixes::edits_fix("Remove ipcMode", fixes::remove(sink.map, &["/ipcMode".to_string()]));
        sink.push(&c::FARGATE_IPC_MODE, "/ipcMode", "Tasks using the Fargate launch type do not support ipcMode.").with_fix(fix);
    }
    if let Some(pid) = doc.str("pidMode").filter(|p| *p != "task") {
        let message = format!("Tasks using the Fargate launch type do not support pidMode '{pid}'. The supported value for pidMode is 'task'.");
        sink.push(&c::FARGATE_PID_MODE, "/pidMode", message).explain("(Wording from moto; ECS's own text is not verified.)");
    }
    if doc.root.get("placementConstraints").and_then(Value::as_array).is_some_and(|l| !l.is_empty()) {
        sink.push(&c::FARGATE_PLACEMENT_CONSTRAINTS, "/placementConstraints", "Placement constraints are not supported for tasks using the Fargate launch type.");
    }
    for (i, volume) in doc.volumes().filter(|(_, v)| v.contains_key("dockerVolumeConfiguration")) {
        let name = volume.get("name").and_then(Value::as_str).unwrap_or_default();
        let message = format!("Docker volumes are not supported on Fargate (volume {}).", quoted(name));
        sink.push(&c::FARGATE_UNSUPPORTED, &format!("/volumes/{i}/dockerVolumeConfiguration"), message);
    }
    containers(doc, sink);
}

fn network_and_size(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if doc.network_mode != "awsvpc" {
        let fix = match doc.root.get("networkMode") {
            Some(_) => fixes::set_value(sink.map, "/networkMode", "\"awsvpc\""),
            None => fixes::insert_member(sink.text, sink.map, "", "networkMode", "\"awsvpc\""),
        };
        let pointer = if doc.root.contains_key("networkMode") { "/networkMode" } else { "" };
        sink.push(&c::FARGATE_NETWORK_MODE, pointer, "Fargate only supports network mode 'awsvpc'.")
            .with_fix(fix.and_then(|e| fixes::edits_fix("Use networkMode awsvpc", vec![e])));
    }
    let newest = doc.options.newest_fargate_sizes;
    if !doc.root.contains_key("cpu") {
        let cpu = doc.task_memory.and_then(|m| [256, 512, 1024, 2048, 4096, 8192, 16384].into_iter().find(|c| memory_options(*c, newest).contains(&m)));
        let fix = fixes::insert_member(sink.text, sink.map, "", "cpu", &format!("\"{}\"", cpu.unwrap_or(256)));
        sink.push(&c::FARGATE_CPU_MISSING, "", "Fargate requires that 'cpu' be defined at the task level.")
            .with_fix(fix.and_then(|e| fixes::edits_fix("Add task-level cpu", vec![e])));
    }
    if !doc.root.contains_key("memory") {
        let memory = doc.task_cpu.and_then(|c| memory_options(c, newest).first().copied());
        let fix = fixes::insert_member(sink.text, sink.map, "", "memory", &format!("\"{}\"", memory.unwrap_or(512)));
        sink.push(&c::FARGATE_MEMORY_MISSING, "", "Fargate requires that 'memory' be defined at the task level.")
            .with_fix(fix.and_then(|e| fixes::edits_fix("Add task-level memory", vec![e])));
    }
    let (Some(cpu), Some(memory)) = (doc.task_cpu, doc.task_memory) else { return };
    let windows = doc.root.get("runtimePlatform").and_then(|p| p.get("operatingSystemFamily")).and_then(Value::as_str).is_some_and(|f| f.starts_with("WINDOWS"));
    let options = memory_options(cpu, newest);
    let invalid_cpu = format!("Invalid 'cpu' setting for task. {}", "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
    if options.is_empty() {
        sink.push(&c::FARGATE_SIZE, "/cpu", invalid_cpu).explain(&format!("{cpu} CPU units is not a Fargate size."));
    } else if windows && !(1024..=4096).contains(&cpu) {
        sink.push(&c::FARGATE_SIZE, "/cpu", invalid_cpu)
            .not_verbatim()
            .explain("Windows tasks on Fargate use 1, 2 or 4 vCPU (1024, 2048 or 4096).");
    } else if !options.contains(&memory) {
        let message = format!("No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the Amazon ECS documentation for the valid values.");
        let nearest = options.iter().copied().min_by_key(|m| m.abs_diff(memory));
        let fix = nearest.and_then(|m| {
            let edit = fixes::set_value(sink.map, "/memory", &format!("\"{m}\""))?;
            fixes::edits_fix(format!("Set memory to \"{m}\""), vec![edit])
        });
        let listed: Vec<String> = options.iter().map(u32::to_string).collect();
        sink.push(&c::FARGATE_SIZE, "/memory", message)
            .with_fix(fix)
            .explain(&format!("With cpu {cpu} the memory can be: {}.", listed.join(", ")));
    }
}

fn execution_role(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    if doc.root.get("executionRoleArn").is_some_and(|v| !v.is_null()) {
        return;
    }
    let role = format!("\"arn:aws:iam::{ACCOUNT_ID}:role/ecsTaskExecutionRole\"");
    let fix = || {
        fixes::insert_member(sink.text, sink.map, "", "executionRoleArn", &role)
            .and_then(|e| fixes::edits_fix("Add executionRoleArn (ecsTaskExecutionRole)", vec![e]))
    };
    let awslogs = doc.containers.iter().find(|ct| ct.object("logConfiguration").and_then(|l| l.get("logDriver")).and_then(Value::as_str) == Some("awslogs"));
    if let Some(ct) = awslogs {
        let f = fix();
        sink.push(&c::FARGATE_AWSLOGS_EXECUTION_ROLE, &ct.ptr("/logConfiguration/logDriver"), "Fargate requires task definition to have execution role ARN to support log driver awslogs.")
            .with_fix(f);
    }
    if let Some(ct) = doc.containers.iter().find(|ct| ct.str("image").is_some_and(is_ecr_image)) {
        let f = fix();
        sink.push(&c::FARGATE_ECR_EXECUTION_ROLE, &ct.ptr("/image"), "Fargate requires task definition to have execution role ARN to support ECR images.")
            .with_fix(f);
    }
}

fn containers(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    for ct in &doc.containers {
        let name = quoted(ct.name);
        if let Some(log) = ct.object("logConfiguration") {
            let driver = log.get("logDriver").and_then(Value::as_str).unwrap_or_default();
            if !driver.is_empty() && !LOG_DRIVERS.contains(&driver) {
                let message = format!("Log driver {driver} is not supported for tasks using the Fargate launch type (container {name}); use awslogs, splunk or awsfirelens.");
                sink.push(&c::FARGATE_LOG_DRIVER, &ct.ptr("/logConfiguration/logDriver"), message);
            }
            let options = log.get("options").and_then(Value::as_object);
            if driver == "awslogs" && !options.is_some_and(|o| o.contains_key("awslogs-stream-prefix")) {
                let message = format!("Log driver awslogs requires option awslogs-stream-prefix on Fargate (container {name}).");
                sink.push(&c::FARGATE_AWSLOGS_STREAM_PREFIX, &ct.ptr("/logConfiguration"), message);
            }
        }
        if let Some(linux) = ct.object("linuxParameters") {
            for member in ["devices", "sharedMemorySize", "maxSwap", "swappiness"] {
                let present = linux.get(member).is_some_and(|v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()));
                if present {
                    let message = format!("linuxParameters.{member} is not supported on Fargate (container {name}).");
                    sink.push(&c::FARGATE_UNSUPPORTED, &ct.ptr(&format!("/linuxParameters/{member}")), message);
                }
            }
            let added = linux.get("capabilities").and_then(|c| c.get("add")).and_then(Value::as_array);
            for (i, cap) in added.into_iter().flatten().enumerate() {
                if let Some(cap) = cap.as_str().filter(|c| *c != "SYS_PTRACE") {
                    let message = format!("Capability {cap} cannot be added on Fargate (container {name}); only SYS_PTRACE can.");
                    sink.push(&c::FARGATE_CAPABILITIES, &ct.ptr(&format!("/linuxParameters/capabilities/add/{i}")), message);
                }
            }
        }
        if !ct.list("dockerSecurityOptions").is_empty() {
            let message = format!("dockerSecurityOptions is not supported on Fargate (container {name}).");
            sink.push(&c::FARGATE_UNSUPPORTED, &ct.ptr("/dockerSecurityOptions"), message);
        }
        if let Some(t) = ct.int("stopTimeout").filter(|t| *t > MAX_STOP_TIMEOUT) {
            let message = format!("Invalid stopTimeout {t} for container {name}: at most {MAX_STOP_TIMEOUT} seconds on Fargate.");
            sink.push(&c::FARGATE_TIMEOUTS, &ct.ptr("/stopTimeout"), message);
        }
        if let Some(t) = ct.int("startTimeout").filter(|t| !START_TIMEOUT.contains(t)) {
            let message = format!("Invalid startTimeout {t} for container {name}: 2 to 120 seconds on Fargate.");
            sink.push(&c::FARGATE_TIMEOUTS, &ct.ptr("/startTimeout"), message);
        }
        let file_type = ct.object("firelensConfiguration").and_then(|f| f.get("options")).and_then(|o| o.get("config-file-type")).and_then(Value::as_str);
        if let Some(t) = file_type.filter(|t| *t != "file") {
            let message = format!("FireLens config-file-type {t} is not supported on Fargate (container {name}); use file.");
            sink.push(&c::FARGATE_FIRELENS_CONFIG, &ct.ptr("/firelensConfiguration/options/config-file-type"), message);
        }
    }
}
