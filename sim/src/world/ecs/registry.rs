//! Registered task definitions: families, their revisions, and lookup by `family`, `family:revision` or ARN
//! (ecs-facts.md §1.2: the first registration of a family is revision 1, each later one increments;
//! deregistering makes a revision INACTIVE, which keeps running tasks but refuses new ones).

use crate::clock::SimTime;
use crate::task_definition::RegisterTaskDefinitionRequest;
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

/// One revision of a family.
#[derive(Debug, Clone)]
pub struct Registered {
    pub region: String,
    pub family: String,
    pub revision: u32,
    pub active: bool,
    pub request: RegisterTaskDefinitionRequest,
    pub registered_at: SimTime,
    pub deregistered_at: Option<SimTime>,
    /// Launch types the definition satisfies (`compatibilities` in Describe output).
    pub compatibilities: Vec<String>,
    /// `requiresAttributes`: attributes an instance needs to run it, as name and optional value.
    pub requires_attributes: Vec<String>,
}

impl Registered {
    pub fn arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:task-definition/{}:{}", self.region, self.family, self.revision)
    }
    pub fn status(&self) -> &'static str {
        if self.active { "ACTIVE" } else { "INACTIVE" }
    }
}

#[derive(Debug, Clone, Default)]
pub struct TaskDefinitionRegistry {
    /// Revisions per family, revision 1 first. Family order is name order (`list-task-definition-families`).
    families: BTreeMap<String, Vec<Registered>>,
}

/// Why a `--task-definition` value names nothing usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    NotFound,
    Inactive,
}

impl TaskDefinitionRegistry {
    /// Adds the next revision of the request's family and returns it.
    pub fn register(&mut self, region: &str, request: RegisterTaskDefinitionRequest, now: SimTime,
                    compatibilities: Vec<String>, requires_attributes: Vec<String>) -> &Registered {
        let family = request.family.clone().unwrap_or_default();
        let revisions = self.families.entry(family.clone()).or_default();
        let revision = revisions.len() as u32 + 1;
        revisions.push(Registered {
            region: region.to_string(),
            family,
            revision,
            active: true,
            request,
            registered_at: now,
            deregistered_at: None,
            compatibilities,
            requires_attributes,
        });
        &revisions[revisions.len() - 1]
    }

    /// Resolves `family`, `family:revision` or a task definition ARN. A bare family means its latest ACTIVE
    /// revision. With `allow_inactive`, an INACTIVE revision named exactly is returned (Describe allows it).
    pub fn resolve(&self, key: &str, allow_inactive: bool) -> Result<&Registered, Lookup> {
        let key = key.rsplit_once(":task-definition/").map_or(key, |(_, k)| k);
        let (family, revision) = match key.rsplit_once(':') {
            Some((f, r)) => (f, Some(r.parse::<u32>().map_err(|_| Lookup::NotFound)?)),
            None => (key, None),
        };
        let revisions = self.families.get(family).ok_or(Lookup::NotFound)?;
        match revision {
            Some(r) => {
                let reg = revisions.get((r as usize).wrapping_sub(1)).ok_or(Lookup::NotFound)?;
                if reg.active || allow_inactive { Ok(reg) } else { Err(Lookup::Inactive) }
            }
            None => revisions.iter().rev().find(|r| r.active).ok_or(Lookup::NotFound),
        }
    }

    /// The container definitions a task runs (none if its task definition cannot be found).
    pub fn containers_of(&self, t: &super::Task) -> &[crate::task_definition::ContainerDefinition] {
        self.resolve(&format!("{}:{}", t.family, t.revision), true)
            .ok()
            .and_then(|r| r.request.container_definitions.as_deref())
            .unwrap_or(&[])
    }

    pub fn resolve_mut(&mut self, key: &str) -> Option<&mut Registered> {
        let (family, revision) = {
            let found = self.resolve(key, true).ok()?;
            (found.family.clone(), found.revision)
        };
        self.families.get_mut(&family)?.get_mut(revision as usize - 1)
    }

    /// Every revision of every family, families by name and revisions in order.
    pub fn all(&self) -> impl Iterator<Item = &Registered> {
        self.families.values().flatten()
    }

    pub fn families(&self) -> impl Iterator<Item = (&str, &[Registered])> {
        self.families.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}
