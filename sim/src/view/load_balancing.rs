//! Load balancers, target groups and security groups as plain data (issue 6): what the page draws beside the
//! cluster (load balancer → listeners → rules → target groups → targets with their health) and what lesson
//! goals test (`targetGroups[?name=='web'].targets[?state=='healthy']`).

use crate::services::elbv2::describe_health;
use crate::world::Region;
use crate::world::elbv2::{Action, Listener};
use crate::world::security_groups::Peer;
use crate::shared_sort::SharedSort;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadBalancerView {
    pub name: String,
    pub arn: String,
    pub region: String,
    /// `application` or `network`.
    pub lb_type: String,
    pub dns_name: String,
    /// `provisioning` or `active`.
    pub state: String,
    pub availability_zones: Vec<String>,
    pub security_groups: Vec<String>,
    pub listeners: Vec<ListenerView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListenerView {
    pub arn: String,
    pub port: u16,
    pub protocol: String,
    /// Rules by priority; the default action comes last as a rule with no priority and no conditions.
    pub rules: Vec<RuleView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleView {
    pub arn: Option<String>,
    pub priority: Option<u32>,
    /// `path-pattern=/api/*`, `host-header=api.example.com`, …
    pub conditions: Vec<String>,
    /// The target group it forwards to, if it forwards.
    pub target_group_arn: Option<String>,
    /// `forward`, `fixed-response` or `redirect`.
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetGroupView {
    pub name: String,
    pub arn: String,
    pub region: String,
    /// `instance` or `ip`.
    pub target_type: String,
    pub protocol: Option<String>,
    pub port: Option<u16>,
    pub health_check_path: Option<String>,
    pub deregistration_delay_seconds: u64,
    /// Whether a listener or rule forwards to it.
    pub in_use: bool,
    pub targets: Vec<TargetView>,
    /// Requests it has served (curl, sandbox load).
    pub requests: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetView {
    /// An EC2 instance id or an IP address.
    pub id: String,
    pub port: u16,
    /// As DescribeTargetHealth says: `initial`, `healthy`, `unhealthy`, `unused`, `draining`.
    pub state: String,
    pub reason: Option<String>,
    /// The task behind it, when one is.
    pub task_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityGroupView {
    pub id: String,
    pub name: String,
    pub region: String,
    pub ingress: Vec<IngressView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IngressView {
    /// `tcp`, `udp`, `-1` (all), …
    pub protocol: String,
    pub from_port: i64,
    pub to_port: i64,
    pub cidr: Option<String>,
    pub source_group: Option<String>,
}

fn forward_target(actions: &[Action]) -> (Option<String>, String) {
    match actions.first() {
        Some(Action::Forward { target_groups }) => {
            (target_groups.iter().find(|(_, w)| *w > 0).or(target_groups.first()).map(|(t, _)| t.clone()), "forward".into())
        }
        Some(Action::FixedResponse { .. }) => (None, "fixed-response".into()),
        Some(Action::Redirect { .. }) => (None, "redirect".into()),
        None => (None, String::new()),
    }
}

fn listener(r: &Region, l: &Listener) -> ListenerView {
    let mut rules: Vec<&crate::world::elbv2::Rule> = r.elbv2.rules.iter().filter(|x| x.listener_arn == l.arn).collect();
    rules.shared_sort_by_key(|x| x.priority);
    let mut out: Vec<RuleView> = rules
        .iter()
        .map(|x| {
            let (tg, action) = forward_target(&x.actions);
            RuleView {
                arn: Some(x.arn.clone()),
                priority: Some(x.priority),
                conditions: x.conditions.iter().map(|c| format!("{}={}", c.field, c.values.join(","))).collect(),
                target_group_arn: tg,
                action,
            }
        })
        .collect();
    let (tg, action) = forward_target(&l.default_actions);
    out.push(RuleView { arn: None, priority: None, conditions: Vec::new(), target_group_arn: tg, action });
    ListenerView { arn: l.arn.clone(), port: l.port, protocol: l.protocol.clone(), rules: out }
}

/// The task serving a target: an instance target by the host port on that instance, an ip target by the ENI.
fn task_at(r: &Region, id: &str, port: u16) -> Option<String> {
    r.ecs.clusters.values().flat_map(|c| c.tasks.values().map(move |t| (c, t))).find_map(|(c, t)| {
        if !t.holds_resources() {
            return None;
        }
        let hit = match &t.eni {
            Some(e) => e.private_ip == id,
            None => {
                t.container_instance_id.as_deref().and_then(|ci| c.container_instances.get(ci)).is_some_and(|ci| ci.ec2_instance_id == id)
                    && t.bindings.iter().any(|b| b.host_port == port)
            }
        };
        hit.then(|| t.id.clone())
    })
}

pub fn load_balancers(r: &Region) -> Vec<LoadBalancerView> {
    r.elbv2
        .load_balancers
        .iter()
        .map(|lb| LoadBalancerView {
            name: lb.name.clone(),
            arn: lb.arn.clone(),
            region: r.name.clone(),
            lb_type: lb.lb_type.as_str().into(),
            dns_name: lb.dns_name.clone(),
            state: lb.state.as_str().into(),
            availability_zones: lb.zones.iter().map(|z| z.zone.clone()).collect(),
            security_groups: lb.security_groups.clone(),
            listeners: r.elbv2.listeners.iter().filter(|l| l.load_balancer_arn == lb.arn).map(|l| listener(r, l)).collect(),
        })
        .collect()
}

pub fn target_groups(r: &Region) -> Vec<TargetGroupView> {
    r.elbv2
        .target_groups
        .iter()
        .map(|tg| TargetGroupView {
            name: tg.name.clone(),
            arn: tg.arn.clone(),
            region: r.name.clone(),
            target_type: tg.target_type.clone(),
            protocol: tg.protocol.clone(),
            port: tg.port,
            health_check_path: tg.health_check.path.clone(),
            deregistration_delay_seconds: tg.deregistration_delay_seconds(),
            in_use: r.elbv2.in_use(&tg.arn),
            targets: tg
                .targets
                .iter()
                .map(|t| {
                    let h = describe_health(r, tg, t);
                    TargetView {
                        id: t.id.clone(),
                        port: t.port,
                        state: h.state.into(),
                        reason: h.reason.map(str::to_string),
                        task_id: task_at(r, &t.id, t.port),
                    }
                })
                .collect(),
            requests: tg.requests,
        })
        .collect()
}

pub fn security_groups(r: &Region) -> Vec<SecurityGroupView> {
    r.network
        .security_groups
        .groups
        .values()
        .map(|g| SecurityGroupView {
            id: g.id.clone(),
            name: g.name.clone(),
            region: r.name.clone(),
            ingress: g
                .ingress
                .iter()
                .map(|x| IngressView {
                    protocol: x.protocol.clone(),
                    from_port: x.from_port,
                    to_port: x.to_port,
                    cidr: match &x.peer {
                        Peer::Cidr(c) => Some(c.clone()),
                        Peer::Group(_) => None,
                    },
                    source_group: match &x.peer {
                        Peer::Group(g) => Some(g.clone()),
                        Peer::Cidr(_) => None,
                    },
                })
                .collect(),
        })
        .collect()
}
