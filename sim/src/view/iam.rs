//! IAM roles as plain data: which service each trusts, which policies it has, and the permissions ECS
//! needs from it for the page's role cards and lesson goals (ecs-facts.md §5). `can` answers, per action
//! the sandbox's ECS checks, `yes` (allowed on every resource), `some` (an Allow statement names the action
//! but only for some resources, e.g. one parameter path or one repository) or `no`, so a card can show it
//! without the page evaluating policies.

use crate::iam_policy::document::Effect;
use crate::iam_policy::trust::trusted_services;
use crate::iam_policy::wildcard::wildcard_match_ignore_case;
use crate::world::iam::{Iam, Role};
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
    /// For each of [`SHOWN_ACTIONS`]: `yes`, `some` or `no`.
    pub can: BTreeMap<String, String>,
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
            can: SHOWN_ACTIONS.iter().map(|a| (a.to_string(), permission(iam, r, a).to_string())).collect(),
        })
        .collect()
}

/// `yes`, `some` or `no` for one action (see the module's documentation).
fn permission(iam: &Iam, role: &Role, action: &str) -> &'static str {
    if iam.authorize_role(role, "view", action, "*").is_ok() {
        return "yes";
    }
    let named = iam.role_policies(role).into_iter().any(|(_, _, doc)| {
        doc.statements.iter().any(|s| {
            s.effect == Effect::Allow && s.action.as_ref().is_some_and(|acts| acts.iter().any(|p| wildcard_match_ignore_case(p, action)))
        })
    });
    if named { "some" } else { "no" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SimTime;
    use crate::iam_policy::PolicyDocument;

    #[test]
    fn a_resource_scoped_allow_is_some_and_the_managed_execution_policy_is_yes() {
        let mut iam = Iam::seeded(SimTime(0));
        let exec = iam.role("ecsTaskExecutionRole").cloned().expect("seeded");
        assert_eq!(permission(&iam, &exec, "ecr:BatchGetImage"), "yes");
        assert_eq!(permission(&iam, &exec, "ssm:GetParameters"), "no");
        let doc = PolicyDocument::from_json(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter*","Resource":"arn:aws:ssm:us-east-1:123456789012:parameter/app/*"}]}"#,
        )
        .expect("parses");
        let mut role = exec.clone();
        role.inline.insert("params".into(), doc);
        iam.roles.insert(role.name.clone(), role.clone());
        assert_eq!(permission(&iam, &role, "ssm:GetParameters"), "some");
    }
}
