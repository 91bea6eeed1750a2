//! Load balancing as the page draws it, folded from the model's events (issue 6): each *load balancer* (name,
//! DNS name, `provisioning`/`active`), its *listeners* (port, protocol) and the *targets* of each target group
//! (instance id or IP, port, the state DescribeTargetHealth shows and its reason code). What has no event of
//! its own — rules, target group names — the page reads from [`ecs_sim::View`]; [`Path`] is the route one
//! request took, for the step that plays it.

use ecs_sim::EventKind;
use ecs_sim::shared_sort::SharedSort;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadBalancerNode {
    pub region: String,
    pub arn: String,
    pub name: String,
    /// `application` or `network`.
    pub lb_type: String,
    pub dns_name: String,
    /// `provisioning` or `active`.
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerNode {
    pub arn: String,
    pub load_balancer_arn: String,
    pub port: u16,
    pub protocol: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetNode {
    pub target_group_arn: String,
    /// An EC2 instance id or an IP address.
    pub id: String,
    pub port: u16,
    /// `initial`, `healthy`, `unhealthy`, `unused` or `draining`.
    pub state: String,
    pub reason: Option<String>,
}

impl TargetNode {
    /// `i-0abc…:32768` or `10.0.1.5:80`.
    pub fn address(&self) -> String {
        format!("{}:{}", self.id, self.port)
    }
}

/// The load balancers, listeners and targets that exist, in creation order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadBalancing {
    pub load_balancers: Vec<LoadBalancerNode>,
    pub listeners: Vec<ListenerNode>,
    pub targets: Vec<TargetNode>,
}

/// The route one request took (`RequestRouted`); parts it did not reach are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub load_balancer_arn: String,
    pub listener_arn: Option<String>,
    pub rule_arn: Option<String>,
    pub target_group_arn: Option<String>,
    /// `(id, port)` of the target that served it.
    pub target: Option<(String, u16)>,
    pub path: String,
    pub status_code: u16,
}

impl Path {
    /// The route of a `RequestRouted` event; `None` for any other event.
    pub fn of(kind: &EventKind) -> Option<Path> {
        match kind {
            EventKind::RequestRouted {
                load_balancer_arn,
                listener_arn,
                rule_arn,
                target_group_arn,
                target_id,
                target_port,
                path,
                status_code,
                ..
            } => Some(Path {
                load_balancer_arn: load_balancer_arn.clone(),
                listener_arn: listener_arn.clone(),
                rule_arn: rule_arn.clone(),
                target_group_arn: target_group_arn.clone(),
                target: target_id.clone().zip(*target_port),
                path: path.clone(),
                status_code: *status_code,
            }),
            _ => None,
        }
    }
}

impl LoadBalancing {
    /// Folds one event; returns whether it was a load-balancing event.
    pub fn apply(&mut self, kind: &EventKind) -> bool {
        match kind {
            EventKind::LoadBalancerCreated { region, load_balancer_arn, name, lb_type, dns_name } => {
                self.load_balancers.push(LoadBalancerNode {
                    region: region.clone(),
                    arn: load_balancer_arn.clone(),
                    name: name.clone(),
                    lb_type: lb_type.clone(),
                    dns_name: dns_name.clone(),
                    state: "provisioning".into(),
                });
            }
            EventKind::LoadBalancerStateChanged { load_balancer_arn, state, .. } => {
                if let Some(lb) = self.load_balancers.iter_mut().find(|lb| &lb.arn == load_balancer_arn) {
                    lb.state = state.clone();
                }
            }
            EventKind::LoadBalancerDeleted { load_balancer_arn, .. } => {
                self.load_balancers.retain(|lb| &lb.arn != load_balancer_arn);
                self.listeners.retain(|l| &l.load_balancer_arn != load_balancer_arn);
            }
            EventKind::ListenerCreated { load_balancer_arn, listener_arn, port, protocol, .. } => {
                self.listeners.push(ListenerNode {
                    arn: listener_arn.clone(),
                    load_balancer_arn: load_balancer_arn.clone(),
                    port: *port,
                    protocol: protocol.clone(),
                });
            }
            EventKind::ListenerDeleted { listener_arn, .. } => self.listeners.retain(|l| &l.arn != listener_arn),
            EventKind::TargetRegistered { target_group_arn, target_id, port, .. } => {
                self.targets.retain(|t| !(&t.target_group_arn == target_group_arn && &t.id == target_id && t.port == *port));
                self.targets.push(TargetNode {
                    target_group_arn: target_group_arn.clone(),
                    id: target_id.clone(),
                    port: *port,
                    state: "initial".into(),
                    reason: Some("Elb.RegistrationInProgress".into()),
                });
            }
            EventKind::TargetDeregistered { target_group_arn, target_id, port, .. } => {
                self.targets.retain(|t| !(&t.target_group_arn == target_group_arn && &t.id == target_id && t.port == *port));
            }
            EventKind::TargetHealthChanged { target_group_arn, target_id, port, state, reason, .. } => {
                if let Some(t) =
                    self.targets.iter_mut().find(|t| &t.target_group_arn == target_group_arn && &t.id == target_id && t.port == *port)
                {
                    t.state = state.clone();
                    t.reason = reason.clone();
                }
            }
            EventKind::RequestRouted { .. } => {}
            _ => return false,
        }
        true
    }

    /// The listeners of a load balancer, by port.
    pub fn listeners_of<'a>(&'a self, load_balancer_arn: &'a str) -> Vec<&'a ListenerNode> {
        let mut ls: Vec<&ListenerNode> = self.listeners.iter().filter(|l| l.load_balancer_arn == load_balancer_arn).collect();
        ls.shared_sort_by_key(|l| l.port);
        ls
    }

    /// The targets of a target group, in registration order.
    pub fn targets_of<'a>(&'a self, target_group_arn: &'a str) -> impl Iterator<Item = &'a TargetNode> + 'a {
        self.targets.iter().filter(move |t| t.target_group_arn == target_group_arn)
    }
}

/// Words for a target's health, for screen readers and the hover title: `healthy`, or
/// `unhealthy (Target.Timeout)`.
///
/// ```
/// use ecs_sandbox::scene::load_balancing::health_words;
/// assert_eq!(health_words("unhealthy", Some("Target.Timeout")), "unhealthy (Target.Timeout)");
/// assert_eq!(health_words("healthy", None), "healthy");
/// ```
pub fn health_words(state: &str, reason: Option<&str>) -> String {
    match reason {
        Some(r) => format!("{state} ({r})"),
        None => state.to_string(),
    }
}
