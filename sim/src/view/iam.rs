//! IAM roles as plain data: which service each trusts, which policies it has, and the permissions ECS
//! needs from it for the page's role cards and lesson goals (ecs-facts.md §5). `can` answers, per action
//! the sandbox's ECS checks, whether the role is allowed it on `*`, so a card can show ✓/✗ without the page
//! evaluating policies.

use crate::iam_policy::trust::trusted_services;
use crate::world::World;
use serde::Serialize;
use std::collections::BTreeMap;

/// Actions shown on role cards: what an execution role, a task role (for the lessons' S3 reads and ECS
/// Exec) and an instance role are checked for.
pub const SHOWN_ACTIONS: &[&str] = &[
    "ecr:GetAuthorizationToken",
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
    "ssm:GetParameters",
    "secretsmanager:GetSecretValue",
    "s3:ListAllMyBuckets",
    "s3:GetObject",
    "ssmmessages:CreateControlChannel",
    "ecs:RegisterContainerInstance",
];

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    pub name: String,
    pub arn: String,
    /// Services in the trust policy's `Principal.Service`, e.g. `ecs-tasks.amazonaws.com`.
    pub trusted_services: Vec<String>,
    /// Attached managed policies, by name.
    pub managed_policies: Vec<String>,
    pub inline_policies: Vec<String>,
    /// Instance profiles that hold this role.
    pub instance_profiles: Vec<String>,
    /// For each of [`SHOWN_ACTIONS`], whether the role may perform it on `*`.
    pub can: BTreeMap<String, bool>,
}

pub fn roles(world: &World) -> Vec<RoleView> {
    let iam = &world.iam;
    iam.roles
        .values()
        .map(|r| RoleView {
            name: r.name.clone(),
            arn: r.arn(),
            trusted_services: trusted_services(&r.trust),
            managed_policies: r.attached.iter().map(|a| a.rsplit('/').next().unwrap_or(a).to_string()).collect(),
            inline_policies: r.inline.keys().cloned().collect(),
            instance_profiles: iam.instance_profiles.values().filter(|p| p.roles.contains(&r.name)).map(|p| p.name.clone()).collect(),
            can: SHOWN_ACTIONS.iter().map(|a| (a.to_string(), iam.authorize_role(r, "view", a, "*").is_ok())).collect(),
        })
        .collect()
}
