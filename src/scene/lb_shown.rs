//! What the load-balancing panel draws (issue 6), as plain data: each load balancer with its listeners, each
//! listener's rules in the order the load balancer tries them (by priority, the default last), the target
//! group a rule forwards to with its targets as `host:port`, their health in words, and the task behind each.
//! Load balancers, listeners and target health come from the [`Scene`] (the step being played); rules,
//! target group names and the task behind a target from [`ecs_sim::View`], which has them without events.
//! A *route* is the part of the picture the request of the step on screen went through.

use super::Scene;
use super::load_balancing::{Path, health_words};
use ecs_sim::View;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadBalancerShown {
    pub arn: String,
    pub name: String,
    pub dns_name: String,
    pub state: String,
    pub lb_type: String,
    pub on_route: bool,
    pub listeners: Vec<ListenerShown>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerShown {
    pub arn: String,
    pub port: u16,
    pub protocol: String,
    pub on_route: bool,
    pub rules: Vec<RuleShown>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleShown {
    /// `priority 10` or `default`.
    pub label: String,
    /// `path-pattern=/api/*`, or `any request` for the default.
    pub conditions: String,
    /// `forward`, `fixed-response` or `redirect`.
    pub action: String,
    pub on_route: bool,
    pub target_group: Option<TargetGroupShown>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetGroupShown {
    pub arn: String,
    pub name: String,
    pub target_type: String,
    pub on_route: bool,
    pub targets: Vec<TargetShown>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetShown {
    /// `i-0abc…:32768` or `10.0.1.5:80`.
    pub address: String,
    pub state: String,
    /// `unhealthy (Target.Timeout)`, `healthy`.
    pub health: String,
    pub task_id: Option<String>,
    /// The request on screen was served by it.
    pub on_route: bool,
}

/// The panel's load balancers, in creation order, with `route` (the request being played, if any) marked.
pub fn shown(scene: &Scene, view: &View, route: Option<&Path>) -> Vec<LoadBalancerShown> {
    let lb = &scene.load_balancing;
    lb.load_balancers
        .iter()
        .map(|l| {
            let on_lb = route.is_some_and(|r| r.load_balancer_arn == l.arn);
            let view_lb = view.load_balancers.iter().find(|v| v.arn == l.arn);
            let listeners = lb
                .listeners_of(&l.arn)
                .into_iter()
                .map(|x| {
                    let on_listener = on_lb && route.is_some_and(|r| r.listener_arn.as_deref() == Some(x.arn.as_str()));
                    let rules = view_lb
                        .and_then(|v| v.listeners.iter().find(|vl| vl.arn == x.arn))
                        .map(|vl| {
                            vl.rules
                                .iter()
                                .map(|r| {
                                    let on_rule = on_listener
                                        && route.is_some_and(|p| match (&p.rule_arn, &r.arn) {
                                            (Some(a), Some(b)) => a == b,
                                            // The default action: the request reached no rule of its own.
                                            (None, None) => p.target_group_arn.is_some() && p.target_group_arn == r.target_group_arn,
                                            _ => false,
                                        });
                                    RuleShown {
                                        label: r.priority.map_or_else(|| "default".to_string(), |p| format!("priority {p}")),
                                        conditions: if r.conditions.is_empty() { "any request".into() } else { r.conditions.join(" and ") },
                                        action: r.action.clone(),
                                        on_route: on_rule,
                                        target_group: r.target_group_arn.as_deref().map(|tg| group(scene, view, tg, on_rule.then_some(route).flatten())),
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    ListenerShown { arn: x.arn.clone(), port: x.port, protocol: x.protocol.clone(), on_route: on_listener, rules }
                })
                .collect();
            LoadBalancerShown {
                arn: l.arn.clone(),
                name: l.name.clone(),
                dns_name: l.dns_name.clone(),
                state: l.state.clone(),
                lb_type: l.lb_type.clone(),
                on_route: on_lb,
                listeners,
            }
        })
        .collect()
}

fn group(scene: &Scene, view: &View, arn: &str, route: Option<&Path>) -> TargetGroupShown {
    let vg = view.target_groups.iter().find(|g| g.arn == arn);
    let on_group = route.is_some_and(|r| r.target_group_arn.as_deref() == Some(arn));
    let targets = scene
        .load_balancing
        .targets_of(arn)
        .map(|t| TargetShown {
            address: t.address(),
            state: t.state.clone(),
            health: health_words(&t.state, t.reason.as_deref()),
            task_id: task_behind(view, arn, &t.id, t.port),
            on_route: on_group && route.and_then(|r| r.target.as_ref()).is_some_and(|(id, p)| *id == t.id && *p == t.port),
        })
        .collect();
    TargetGroupShown {
        arn: arn.to_string(),
        name: vg.map_or_else(|| arn.rsplit('/').nth(1).unwrap_or(arn).to_string(), |g| g.name.clone()),
        target_type: vg.map(|g| g.target_type.clone()).unwrap_or_default(),
        on_route: on_group,
        targets,
    }
}

/// The task behind a target, as the view knows it.
pub fn task_behind(view: &View, target_group_arn: &str, id: &str, port: u16) -> Option<String> {
    view.target_groups
        .iter()
        .filter(|g| g.arn == target_group_arn)
        .flat_map(|g| &g.targets)
        .find(|t| t.id == id && t.port == port)
        .and_then(|t| t.task_id.clone())
}

/// The task that served a request, as the view knows it: `(task id, family:revision)`.
pub fn served_by(view: &View, route: &Path) -> Option<(String, String)> {
    let (id, port) = route.target.as_ref()?;
    let task_id = task_behind(view, route.target_group_arn.as_deref()?, id, *port)?;
    let label = view.clusters.iter().flat_map(|c| &c.tasks).find(|t| t.id == task_id).map(|t| format!("{}:{}", t.family, t.revision));
    Some((task_id, label.unwrap_or_default()))
}
