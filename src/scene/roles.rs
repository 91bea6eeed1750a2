//! The role cards drawn beside a cluster: every IAM role its tasks and container instances use — a task's
//! execution role and task role, a container instance's instance role — with the service it trusts (flagged
//! when that does not fit its use), its policies, and whether it may perform each action its uses need
//! (`yes`, `some` or `no`, from the model's view, which evaluates the policies). Roles are matched to the view by name, the last
//! part of the ARN. Pure, so it is tested natively.

use super::ClusterNode;
use super::details::Details;
use super::start_failure::{RoleUse, role_name};
use ecs_sim::view::iam::RoleView;
use ecs_sim::shared_sort::SharedSort;

/// One use of a role: how, and by which tasks (ids) or container instances (ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleUsers {
    pub role_use: RoleUse,
    pub ids: Vec<String>,
}

/// Whether a role may perform an action, as the model's view says it: `yes` (on every resource), `some`
/// (an Allow names the action but only for some resources) or `no`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Yes,
    Some,
    No,
}

impl Access {
    /// The view's word; anything but `yes` and `some` is `no`.
    pub fn from_view(word: &str) -> Access {
        match word {
            "yes" => Access::Yes,
            "some" => Access::Some,
            _ => Access::No,
        }
    }
    /// `yes`, `some` or `no`, the view's word.
    pub fn word(self) -> &'static str {
        match self {
            Access::Yes => "yes",
            Access::Some => "some",
            Access::No => "no",
        }
    }
}

/// One action a card checks, and whether the role may perform it (`None` when the role is not in the
/// account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionCheck {
    pub action: String,
    pub allowed: Option<Access>,
    /// A task of the cluster failed to start because this role lacked this action.
    pub failed_a_task: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCard {
    pub name: String,
    /// Whether the account has a role of that name (a task definition may name one that does not exist).
    pub found: bool,
    /// Its uses in the cluster, in the order execution, task, instance.
    pub uses: Vec<RoleUsers>,
    pub trusted_services: Vec<String>,
    /// For each use whose service the trust policy does not name, a sentence saying so.
    pub trust_problems: Vec<String>,
    pub managed_policies: Vec<String>,
    pub inline_policies: Vec<String>,
    /// The actions its uses need, in the order of [`RoleUse::actions`], then what its tasks' `secrets` need.
    pub checks: Vec<ActionCheck>,
}

impl RoleCard {
    /// Whether a task or container instance of this id uses the role.
    pub fn used_by(&self, id: &str) -> bool {
        self.uses.iter().any(|u| u.ids.iter().any(|i| i == id))
    }
    /// `execution role of 2 tasks · task role of 1 task`.
    pub fn uses_text(&self) -> String {
        self.uses
            .iter()
            .map(|u| {
                let (one, many) = if u.role_use == RoleUse::Instance { ("instance", "instances") } else { ("task", "tasks") };
                let n = u.ids.len();
                format!("{} of {n} {}", u.role_use.label(), if n == 1 { one } else { many })
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// `extra` are actions the uses need beyond [`RoleUse::actions`] (what the tasks' `secrets` need from their
/// execution role), checked after those.
fn card(name: &str, uses: Vec<RoleUsers>, extra: &[&'static str], view: Option<&RoleView>, failed: &[(String, String)]) -> RoleCard {
    let trusted: Vec<String> = view.map(|v| v.trusted_services.clone()).unwrap_or_default();
    let mut trust_problems = Vec::new();
    if view.is_some() {
        let mut seen: Vec<&'static str> = Vec::new();
        for u in &uses {
            let service = u.role_use.service();
            if !trusted.iter().any(|t| t == service) && !seen.contains(&service) {
                seen.push(service);
                let trusts = if trusted.is_empty() { "no service".to_string() } else { trusted.join(", ") };
                trust_problems.push(format!("Trusts {trusts}, but {} must trust {service}.", u.role_use.with_article()));
            }
        }
    }
    let mut checks: Vec<ActionCheck> = Vec::new();
    for a in uses.iter().flat_map(|u| u.role_use.actions().iter()).chain(extra) {
        if !checks.iter().any(|c| c.action == *a) {
            checks.push(ActionCheck {
                action: (*a).to_string(),
                allowed: view.map(|v| v.can.get(*a).map_or(Access::No, |w| Access::from_view(w))),
                failed_a_task: failed.iter().any(|(r, act)| r == name && act == a),
            });
        }
    }
    RoleCard {
        name: name.to_string(),
        found: view.is_some(),
        uses,
        trusted_services: trusted,
        trust_problems,
        managed_policies: view.map(|v| v.managed_policies.clone()).unwrap_or_default(),
        inline_policies: view.map(|v| v.inline_policies.clone()).unwrap_or_default(),
        checks,
    }
}

fn add_use(uses: &mut Vec<(String, Vec<RoleUsers>)>, role: &str, role_use: RoleUse, id: &str) {
    let i = match uses.iter().position(|(r, _)| r == role) {
        Some(i) => i,
        None => {
            uses.push((role.to_string(), Vec::new()));
            uses.len() - 1
        }
    };
    let list = &mut uses[i].1;
    match list.iter_mut().find(|u| u.role_use == role_use) {
        Some(u) if !u.ids.iter().any(|x| x == id) => u.ids.push(id.to_string()),
        Some(_) => {}
        None => {
            list.push(RoleUsers { role_use, ids: vec![id.to_string()] });
            list.shared_sort_by_key(|u| u.role_use);
        }
    }
}

/// The roles the cluster's tasks (STOPPED ones too) and container instances use, in order of first use:
/// the instance roles, then the tasks' roles in placement order.
pub fn cluster_roles(cluster: &ClusterNode, details: &Details, roles: &[RoleView]) -> Vec<RoleCard> {
    let mut uses: Vec<(String, Vec<RoleUsers>)> = Vec::new();
    // What each execution role's tasks need for their secrets, by role name.
    let mut extra: Vec<(String, Vec<&'static str>)> = Vec::new();
    for ci in cluster.container_instances.iter().filter(|ci| ci.active) {
        if let Some(r) = details.instances.get(&ci.id).and_then(|d| d.instance_role.as_deref()) {
            add_use(&mut uses, r, RoleUse::Instance, &ci.id);
        }
    }
    for t in &cluster.tasks {
        let Some(d) = details.task(&t.id) else { continue };
        if let Some(arn) = &d.execution_role {
            add_use(&mut uses, role_name(arn), RoleUse::Execution, &t.id);
            let name = role_name(arn);
            let i = extra.iter().position(|(r, _)| r == name).unwrap_or_else(|| {
                extra.push((name.to_string(), Vec::new()));
                extra.len() - 1
            });
            for a in &d.secret_actions {
                if !extra[i].1.contains(a) {
                    extra[i].1.push(a);
                }
            }
        }
        if let Some(arn) = &d.task_role {
            add_use(&mut uses, role_name(arn), RoleUse::Task, &t.id);
        }
    }
    let failed: Vec<(String, String)> = cluster
        .start_failures
        .iter()
        .filter(|f| !f.resolved)
        .filter_map(|f| Some((f.role_name()?.to_string(), f.missing_action.clone()?)))
        .collect();
    uses.into_iter()
        .map(|(name, u)| {
            let needs = extra.iter().find(|(r, _)| *r == name).map_or(&[][..], |(_, a)| a.as_slice());
            card(&name, u, needs, roles.iter().find(|r| r.name == name), &failed)
        })
        .collect()
}

/// The account's roles no cluster uses, by name, with the actions of every use checked.
pub fn unused_roles<'a>(used: impl IntoIterator<Item = &'a str>, roles: &[RoleView]) -> Vec<RoleCard> {
    let used: Vec<&str> = used.into_iter().collect();
    roles
        .iter()
        .filter(|r| !used.contains(&r.name.as_str()))
        .map(|r| {
            let mut c = card(&r.name, Vec::new(), &[], Some(r), &[]);
            c.checks = r
                .can
                .iter()
                .map(|(a, w)| ActionCheck { action: a.clone(), allowed: Some(Access::from_view(w)), failed_a_task: false })
                .collect();
            c
        })
        .collect()
}

/// The use of `role_arn` by the task `task_id` (its execution or task role), else by the container
/// instance it runs on (the instance role), else `None`.
pub fn use_of(role_arn: &str, task_id: &str, cluster: &ClusterNode, details: &Details) -> Option<RoleUse> {
    let d = details.task(task_id);
    if d.and_then(|d| d.execution_role.as_deref()) == Some(role_arn) {
        return Some(RoleUse::Execution);
    }
    if d.and_then(|d| d.task_role.as_deref()) == Some(role_arn) {
        return Some(RoleUse::Task);
    }
    let ci = cluster.tasks.iter().find(|t| t.id == task_id)?.container_instance_id.as_ref()?;
    (details.instances.get(ci)?.instance_role.as_deref() == Some(role_name(role_arn))).then_some(RoleUse::Instance)
}
