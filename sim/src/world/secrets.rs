//! Secrets Manager secrets and SSM parameters of the learner's own, in one Region: what a task definition's
//! `secrets` point at (ecs-facts.md §1.8).

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub name: String,
    /// The six random characters Secrets Manager appends to the ARN.
    pub suffix: String,
    pub description: Option<String>,
    pub value: String,
    pub version_id: String,
    pub created_at: SimTime,
    pub deleted_at: Option<SimTime>,
}

impl Secret {
    pub fn arn(&self, region: &str) -> String {
        format!("arn:aws:secretsmanager:{region}:{ACCOUNT_ID}:secret:{}-{}", self.name, self.suffix)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    pub name: String,
    /// `String`, `StringList` or `SecureString`.
    pub kind: String,
    pub value: String,
    pub version: i64,
    pub modified_at: SimTime,
    pub description: Option<String>,
}

impl Parameter {
    pub fn arn(&self, region: &str) -> String {
        let path = if self.name.starts_with('/') { self.name.clone() } else { format!("/{}", self.name) };
        format!("arn:aws:ssm:{region}:{ACCOUNT_ID}:parameter{path}")
    }
}

#[derive(Debug, Clone, Default)]
pub struct Secrets {
    pub secrets: BTreeMap<String, Secret>,
    pub parameters: BTreeMap<String, Parameter>,
}

impl Secrets {
    /// A secret by name, full ARN, or partial ARN (without the suffix), as Secrets Manager resolves a
    /// `SecretId`; a `valueFrom` may add `:json-key:version-stage:version-id` after the ARN (§1.8).
    pub fn secret(&self, id: &str, region: &str) -> Option<&Secret> {
        if let Some(rest) = id.strip_prefix(&format!("arn:aws:secretsmanager:{region}:{ACCOUNT_ID}:secret:")) {
            let name_part = rest.split(':').next().unwrap_or(rest);
            return self.secrets.values().find(|s| s.deleted_at.is_none() && (format!("{}-{}", s.name, s.suffix) == name_part || s.name == name_part));
        }
        self.secrets.get(id).filter(|s| s.deleted_at.is_none())
    }

    /// A parameter by name or ARN.
    pub fn parameter(&self, id: &str, region: &str) -> Option<&Parameter> {
        let name = id.strip_prefix(&format!("arn:aws:ssm:{region}:{ACCOUNT_ID}:parameter")).unwrap_or(id);
        self.parameters.get(name).or_else(|| self.parameters.get(name.trim_start_matches('/')))
    }
}
