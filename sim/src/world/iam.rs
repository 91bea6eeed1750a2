//! IAM, one per account (not per Region): roles with their trust policy and permissions (attached managed
//! policies and inline policies), customer managed policies, instance profiles, and the learner's own
//! identity. Evaluation is `crate::iam_policy`'s. The account starts as the ECS console leaves it: the
//! `ecsInstanceRole` role and instance profile and the `ecsTaskExecutionRole` role (ecs-facts.md §5).

use crate::clock::SimTime;
use crate::iam_policy::{self, Decision, Explanation, NamedPolicy, PolicyDocument, Request, managed_policy_by_arn};
use crate::tuning::{ACCOUNT_ID, CALLER_USER};
use std::collections::BTreeMap;

/// The trust policy the ECS console writes for the container instance role.
pub const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
/// The trust policy the ECS console writes for the task execution role.
pub const ECS_TASKS_TRUST: &str = r#"{"Version":"2008-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
pub const EC2_CONTAINER_SERVICE_FOR_EC2_ROLE: &str = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
pub const ECS_TASK_EXECUTION_ROLE_POLICY: &str = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
pub const ADMINISTRATOR_ACCESS: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub name: String,
    pub path: String,
    pub role_id: String,
    pub description: Option<String>,
    pub trust: PolicyDocument,
    /// Attached managed policies (AWS or customer), by ARN, in attachment order.
    pub attached: Vec<String>,
    /// Inline policies by name.
    pub inline: BTreeMap<String, PolicyDocument>,
    pub max_session_duration: i64,
    pub tags: Vec<(String, String)>,
    pub created_at: SimTime,
}

impl Role {
    pub fn arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:role{}{}", self.path, self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceProfile {
    pub name: String,
    pub path: String,
    pub profile_id: String,
    pub roles: Vec<String>,
    pub created_at: SimTime,
}

impl InstanceProfile {
    pub fn arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:instance-profile{}{}", self.path, self.name)
    }
}

/// A customer managed policy.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerPolicy {
    pub name: String,
    pub path: String,
    pub policy_id: String,
    pub description: Option<String>,
    pub document: PolicyDocument,
    pub created_at: SimTime,
}

impl CustomerPolicy {
    pub fn arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:policy{}{}", self.path, self.name)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Iam {
    pub roles: BTreeMap<String, Role>,
    pub instance_profiles: BTreeMap<String, InstanceProfile>,
    /// Customer managed policies by ARN.
    pub policies: BTreeMap<String, CustomerPolicy>,
    /// The learner's own permissions (`AdministratorAccess` unless a lesson restricts them).
    pub learner_policies: Vec<PolicyDocument>,
}

impl Iam {
    /// The account as the ECS console leaves it.
    pub fn seeded(now: SimTime) -> Self {
        let mut iam = Iam::default();
        let admin = managed_policy_by_arn(ADMINISTRATOR_ACCESS).and_then(|p| p.document().ok());
        iam.learner_policies = admin.into_iter().collect();
        for (name, id, trust, policy) in [
            ("ecsInstanceRole", "AROAQEXAMPLEINSTROLE", EC2_TRUST, EC2_CONTAINER_SERVICE_FOR_EC2_ROLE),
            ("ecsTaskExecutionRole", "AROAQEXAMPLEEXECROLE", ECS_TASKS_TRUST, ECS_TASK_EXECUTION_ROLE_POLICY),
        ] {
            // The documents are constants that parse (a test checks); a role whose trust failed to parse would
            // simply be missing.
            let Ok(trust) = PolicyDocument::from_json(trust) else { continue };
            iam.roles.insert(
                name.into(),
                Role {
                    name: name.into(),
                    path: "/".into(),
                    role_id: id.into(),
                    description: None,
                    trust,
                    attached: vec![policy.into()],
                    inline: BTreeMap::new(),
                    max_session_duration: 3600,
                    tags: Vec::new(),
                    created_at: now,
                },
            );
        }
        iam.instance_profiles.insert(
            "ecsInstanceRole".into(),
            InstanceProfile {
                name: "ecsInstanceRole".into(),
                path: "/".into(),
                profile_id: "AIPAQEXAMPLEINSTPROF".into(),
                roles: vec!["ecsInstanceRole".into()],
                created_at: now,
            },
        );
        iam
    }

    /// Finds an instance profile by name or by ARN, as `--iam-instance-profile Name=…` or `Arn=…` give it.
    pub fn instance_profile(&self, name_or_arn: &str) -> Option<&InstanceProfile> {
        let name = name_or_arn.rsplit_once(":instance-profile").map_or(name_or_arn, |(_, n)| n);
        let name = name.rsplit('/').next().unwrap_or(name);
        self.instance_profiles.get(name)
    }

    /// A role by name or ARN (`arn:aws:iam::ACCOUNT:role/path/name`).
    pub fn role(&self, name_or_arn: &str) -> Option<&Role> {
        let name = name_or_arn.rsplit_once(":role").map_or(name_or_arn, |(_, n)| n);
        let name = name.rsplit('/').next().unwrap_or(name);
        self.roles.get(name)
    }

    /// The document of a managed policy (AWS's or the account's) by ARN.
    pub fn managed_document(&self, arn: &str) -> Option<PolicyDocument> {
        match self.policies.get(arn) {
            Some(p) => Some(p.document.clone()),
            None => managed_policy_by_arn(arn).and_then(|p| p.document().ok()),
        }
    }

    /// A role's permission policies: attached ones with their names and ARNs, then inline ones.
    pub fn role_policies(&self, role: &Role) -> Vec<(String, Option<String>, PolicyDocument)> {
        let mut out = Vec::new();
        for arn in &role.attached {
            if let Some(doc) = self.managed_document(arn) {
                let name = arn.rsplit('/').next().unwrap_or(arn).to_string();
                out.push((name, Some(arn.clone()), doc));
            }
        }
        for (name, doc) in &role.inline {
            out.push((name.clone(), None, doc.clone()));
        }
        out
    }

    /// Evaluates a role's permissions, with the principal an AWS service sees when it acts as that role
    /// (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`).
    pub fn explain_role(&self, role: &Role, session: &str, action: &str, resource: &str, context: &[(&str, &str)]) -> (Request, Explanation) {
        let principal = iam_policy::messages::assumed_role_arn(&role.arn(), session).unwrap_or_else(|| role.arn());
        let mut request = Request::new(principal, action, resource);
        for (k, v) in context {
            request = request.with_context(*k, [*v]);
        }
        let policies = self.role_policies(role);
        let named: Vec<NamedPolicy<'_>> = policies
            .iter()
            .map(|(name, arn, doc)| NamedPolicy { document: doc, name: Some(name.as_str()), arn: arn.as_deref() })
            .collect();
        let explanation = iam_policy::explain_named(&request, &named);
        (request, explanation)
    }

    /// Whether a role may do `action` on `resource`; the AccessDenied text when not.
    pub fn authorize_role(&self, role: &Role, session: &str, action: &str, resource: &str) -> Result<(), String> {
        let (request, explanation) = self.explain_role(role, session, action, resource, &[]);
        match iam_policy::messages::access_denied_message_explained(&request, &explanation) {
            None => Ok(()),
            Some(text) => Err(text),
        }
    }

    /// The learner's ARN (`arn:aws:iam::ACCOUNT:user/learner`).
    pub fn learner_arn(&self) -> String {
        format!("arn:aws:iam::{ACCOUNT_ID}:user/{CALLER_USER}")
    }

    /// Whether the learner may do `action` on `resource` (with condition keys); the AccessDenied text when not.
    pub fn authorize_learner(&self, action: &str, resource: &str, context: &[(&str, &str)]) -> Result<(), String> {
        let mut request = Request::new(self.learner_arn(), action, resource);
        for (k, v) in context {
            request = request.with_context(*k, [*v]);
        }
        let docs: Vec<&PolicyDocument> = self.learner_policies.iter().collect();
        let decision = iam_policy::evaluate(&request, &docs);
        match decision {
            Decision::Allow { .. } => Ok(()),
            _ => Err(iam_policy::messages::access_denied_message(&request, &decision).unwrap_or_default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_console_roles_exist_and_do_their_jobs_fact_5() {
        let iam = Iam::seeded(SimTime(0));
        let exec = iam.role("ecsTaskExecutionRole").unwrap();
        assert!(iam_policy::trusts_service(&exec.trust, "ecs-tasks.amazonaws.com"));
        assert!(iam.authorize_role(exec, "s", "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/web").is_ok());
        let denied = iam.authorize_role(exec, "s", "logs:CreateLogGroup", "*").unwrap_err();
        assert!(denied.contains("assumed-role/ecsTaskExecutionRole/s is not authorized to perform: logs:CreateLogGroup"), "{denied}");
        let inst = iam.role("arn:aws:iam::123456789012:role/ecsInstanceRole").unwrap();
        assert!(iam_policy::trusts_service(&inst.trust, "ec2.amazonaws.com"));
        assert!(iam.authorize_role(inst, "i", "ecs:RegisterContainerInstance", "*").is_ok());
        assert!(iam.authorize_learner("iam:PassRole", &exec.arn(), &[]).is_ok(), "the learner is an administrator");
    }
}
