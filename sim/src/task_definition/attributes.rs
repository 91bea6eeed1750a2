//! What ECS derives from a task definition at registration: the instance attributes it requires
//! (`requiresAttributes`) and the launch types it is compatible with (`compatibilities`, §1.5).

use super::sizes::{is_fargate_size, parse_cpu, parse_memory};
use super::RegisterTaskDefinitionRequest;

/// True for an image in a private ECR registry (`<acct>.dkr.ecr.<region>.amazonaws.com/…`, §1.2).
pub fn is_ecr_image(image: &str) -> bool {
    image.split('/').next().is_some_and(|host| host.contains(".dkr.ecr.") && host.ends_with(".amazonaws.com"))
}

/// The attributes an instance must have to run the task, as ECS lists them in `requiresAttributes`.
pub fn requires_attributes(td: &RegisterTaskDefinitionRequest) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        if !out.iter().any(|x| x == s) {
            out.push(s.to_string());
        }
    };
    let containers = td.container_definitions.as_deref().unwrap_or_default();
    let has_execution_role = td.execution_role_arn.is_some();
    if td.network_mode.as_deref() == Some("awsvpc") {
        add("ecs.capability.task-eni");
    }
    if td.task_role_arn.is_some() {
        add("com.amazonaws.ecs.capability.task-iam-role");
    }
    for c in containers {
        if c.memory_reservation.is_some() {
            add("com.amazonaws.ecs.capability.docker-remote-api.1.21");
        }
        if c.docker_labels.is_some() {
            add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
        }
        if let Some(log) = &c.log_configuration
            && let Some(driver) = log.log_driver.as_deref() {
                add(&format!("com.amazonaws.ecs.capability.logging-driver.{driver}"));
                if driver == "awslogs" {
                    add("com.amazonaws.ecs.capability.docker-remote-api.1.19");
                    if has_execution_role {
                        add("ecs.capability.execution-role-awslogs");
                    }
                }
            }
        if c.image.as_deref().is_some_and(is_ecr_image) {
            add("com.amazonaws.ecs.capability.ecr-auth");
            if has_execution_role {
                add("ecs.capability.execution-role-ecr-pull");
            }
        }
        if c.health_check.is_some() {
            add("ecs.capability.container-health-check");
        }
        if c.depends_on.is_some() {
            add("ecs.capability.container-ordering");
        }
        if c.privileged == Some(true) {
            add("com.amazonaws.ecs.capability.privileged-container");
        }
        for s in c.secrets.iter().flatten() {
            let from = s.value_from.as_deref().unwrap_or_default();
            if from.contains(":secretsmanager:") {
                add("ecs.capability.secrets.asm.environment-variables");
            } else {
                add("ecs.capability.secrets.ssm.environment-variables");
            }
        }
        if let Some(fl) = &c.firelens_configuration {
            add(&format!("ecs.capability.firelens.{}", fl.r#type.as_deref().unwrap_or("fluentbit")));
        }
    }
    for v in td.volumes.iter().flatten() {
        if v.efs_volume_configuration.is_some() {
            add("ecs.capability.efs");
        }
    }
    out
}

/// The launch types the definition satisfies, in the order ECS lists them: `EXTERNAL` and `EC2` for any
/// definition not in awsvpc mode (real output lists `["EXTERNAL", "EC2"]`), `EC2` and `FARGATE` for one
/// that meets Fargate's rules.
pub fn compatibilities(td: &RegisterTaskDefinitionRequest) -> Vec<String> {
    let awsvpc = td.network_mode.as_deref() == Some("awsvpc");
    let fargate_size = match (td.cpu.as_deref().and_then(parse_cpu), td.memory.as_deref().and_then(parse_memory)) {
        (Some(c), Some(m)) => is_fargate_size(c, m),
        _ => false,
    };
    let mut out = Vec::new();
    if !awsvpc {
        out.push("EXTERNAL".to_string());
    }
    out.push("EC2".to_string());
    if awsvpc && fargate_size {
        out.push("FARGATE".to_string());
    }
    out
}
