//! Starter task definitions for the editor, one per common shape: a Fargate web service, an EC2
//! service in bridge mode with a dynamic host port, an app with a FireLens (Fluent Bit) log
//! router, and a task with an EFS volume. Each validates without a finding (a test checks).

use serde::Serialize;

/// One starter template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Template {
    /// Stable id, e.g. `fargate-web`.
    pub id: &'static str,
    pub title: &'static str,
    /// What it shows, in one sentence.
    pub summary: &'static str,
    /// The document (pretty JSON).
    pub text: &'static str,
}

static TEMPLATES: &[Template] = &[
    Template {
        id: "fargate-web",
        title: "Fargate web service",
        summary: "One nginx container on Fargate (awsvpc, 0.25 vCPU / 512 MiB), health check, awslogs through the task execution role.",
        text: include_str!("templates/fargate-web.json"),
    },
    Template {
        id: "ec2-bridge-dynamic-port",
        title: "EC2 service, bridge mode, dynamic host port",
        summary: "An httpd container on EC2 in bridge mode with hostPort 0, so ECS picks a free host port for each task (ALB-friendly).",
        text: include_str!("templates/ec2-bridge-dynamic-port.json"),
    },
    Template {
        id: "firelens-sidecar",
        title: "App with a FireLens log router",
        summary: "An app container whose logs go through a Fluent Bit sidecar (awsfirelens) to CloudWatch Logs.",
        text: include_str!("templates/firelens-sidecar.json"),
    },
    Template {
        id: "efs-volume",
        title: "Task with an EFS volume",
        summary: "A Fargate task mounting an EFS file system through an access point, with transit encryption and IAM authorization.",
        text: include_str!("templates/efs-volume.json"),
    },
];

/// The starter templates.
pub fn templates() -> &'static [Template] {
    TEMPLATES
}
