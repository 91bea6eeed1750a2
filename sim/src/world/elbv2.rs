//! Elastic Load Balancing v2 in one Region (ecs-facts.md §4): Application and Network Load Balancers, their
//! listeners (one per port) and listener rules, and target groups with their registered targets and each
//! target's health as the load balancer's health checks see it.
//!
//! Words: a *target* is an (id, port) pair in a target group: an EC2 instance id for target type `instance`
//! (with a task's dynamic host port in bridge mode), an IP address for type `ip` (an awsvpc task's ENI). A
//! target group is *in use* when a listener's default action or a rule forwards to it. Everything is kept in
//! creation order (Vec), which is the order Describe returns it in.

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use std::collections::BTreeMap;

/// `application` or `network`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LbType {
    Application,
    Network,
}

impl LbType {
    pub fn as_str(self) -> &'static str {
        match self {
            LbType::Application => "application",
            LbType::Network => "network",
        }
    }
    /// The ARN's type segment: `app` or `net`.
    pub fn arn_segment(self) -> &'static str {
        match self {
            LbType::Application => "app",
            LbType::Network => "net",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LbState {
    Provisioning,
    Active,
}

impl LbState {
    pub fn as_str(self) -> &'static str {
        match self {
            LbState::Provisioning => "provisioning",
            LbState::Active => "active",
        }
    }
}

/// A load balancer's presence in one Availability Zone: its subnet and the private address of its node there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LbZone {
    pub zone: String,
    pub subnet_id: String,
    pub node_ip: String,
}

#[derive(Debug, Clone)]
pub struct LoadBalancer {
    pub arn: String,
    pub name: String,
    pub lb_type: LbType,
    /// `internet-facing` or `internal`.
    pub scheme: String,
    pub dns_name: String,
    pub zones: Vec<LbZone>,
    /// None for a Network Load Balancer created without security groups.
    pub security_groups: Vec<String>,
    pub state: LbState,
    pub created_at: SimTime,
    pub ip_address_type: String,
    pub tags: Vec<(String, String)>,
}

impl LoadBalancer {
    /// The last two path segments of the ARN: `app/NAME/ID`.
    pub fn arn_suffix(&self) -> &str {
        self.arn.split_once(":loadbalancer/").map_or("", |(_, s)| s)
    }
}

/// Health check settings of a target group (ecs-facts.md §4, defaults per protocol).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthCheck {
    pub enabled: bool,
    pub protocol: String,
    /// `traffic-port` or a port number.
    pub port: String,
    pub path: Option<String>,
    pub interval_seconds: u32,
    pub timeout_seconds: u32,
    pub healthy_threshold: u32,
    pub unhealthy_threshold: u32,
    /// `HttpCode` (`200`, `200,302`, `200-299`) for HTTP(S) health checks.
    pub matcher: Option<String>,
}

/// Where a target stands in the health checker's eyes. What Describe shows also depends on whether its
/// target group is in use (`unused`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Registered; the load balancer is still setting it up (`initial`, `Elb.RegistrationInProgress`).
    Registering,
    /// Checked, not yet for a threshold's worth of times (`initial`, `Elb.InitialHealthChecking`).
    Initial,
    Healthy,
    Unhealthy(Failure),
    /// Deregistered; gone once the deregistration delay ends (`draining`, `Target.DeregistrationInProgress`).
    Draining { until: SimTime },
}

/// Why a health check failed (the reason codes of ecs-facts.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer: a security group dropped the packets, or the host is gone (`Target.Timeout`).
    Timeout,
    /// The target answered with a code the matcher does not accept (`Target.ResponseCodeMismatch`).
    ResponseCode(u16),
    /// The connection was refused: nothing listens on the port (`Target.FailedHealthChecks`).
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// An instance id or an IP address.
    pub id: String,
    pub port: u16,
    pub availability_zone: Option<String>,
    pub health: Health,
    /// Consecutive passed and failed checks since the last change of state.
    pub passes: u32,
    pub failures: u32,
    pub registered_at: SimTime,
}

#[derive(Debug, Clone)]
pub struct TargetGroup {
    pub arn: String,
    pub name: String,
    /// `instance`, `ip`, `lambda` or `alb`.
    pub target_type: String,
    pub protocol: Option<String>,
    pub protocol_version: Option<String>,
    pub port: Option<u16>,
    pub vpc_id: Option<String>,
    pub health_check: HealthCheck,
    /// Attributes by key; Describe lists them in [`ATTRIBUTE_ORDER`] order.
    pub attributes: BTreeMap<String, String>,
    pub targets: Vec<Target>,
    pub ip_address_type: String,
    /// A health-check round is on the scheduler.
    pub checks_scheduled: bool,
    /// Requests forwarded so far, for round robin.
    pub requests: u64,
    pub tags: Vec<(String, String)>,
}

impl TargetGroup {
    pub fn deregistration_delay_seconds(&self) -> u64 {
        self.attributes.get("deregistration_delay.timeout_seconds").and_then(|v| v.parse().ok()).unwrap_or(300)
    }
}

/// A listener's or a rule's action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Forward to target groups with weights (one group: weight 1).
    Forward { target_groups: Vec<(String, u32)> },
    FixedResponse { status_code: String, content_type: Option<String>, message_body: Option<String> },
    Redirect { protocol: String, port: String, host: String, path: String, query: String, status_code: String },
}

#[derive(Debug, Clone)]
pub struct Listener {
    pub arn: String,
    pub load_balancer_arn: String,
    pub port: u16,
    pub protocol: String,
    pub default_actions: Vec<Action>,
}

/// A condition of a rule: a field and the patterns any of which must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// `path-pattern`, `host-header`, …
    pub field: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub arn: String,
    pub listener_arn: String,
    /// 1–50000; the default rule has none.
    pub priority: u32,
    pub conditions: Vec<Condition>,
    pub actions: Vec<Action>,
}

/// ELBv2's state in one Region.
#[derive(Debug, Clone, Default)]
pub struct Elbv2 {
    pub load_balancers: Vec<LoadBalancer>,
    pub target_groups: Vec<TargetGroup>,
    pub listeners: Vec<Listener>,
    pub rules: Vec<Rule>,
    /// The HTTP status each task's application answers with when it is not 200, by task id: the hook a fault
    /// (`sandbox fail …`) sets to make an application unhealthy.
    pub app_status: BTreeMap<String, u16>,
}

impl Elbv2 {
    pub fn load_balancer(&self, arn: &str) -> Option<&LoadBalancer> {
        self.load_balancers.iter().find(|l| l.arn == arn)
    }
    pub fn target_group(&self, arn: &str) -> Option<&TargetGroup> {
        self.target_groups.iter().find(|t| t.arn == arn)
    }
    pub fn target_group_mut(&mut self, arn: &str) -> Option<&mut TargetGroup> {
        self.target_groups.iter_mut().find(|t| t.arn == arn)
    }
    pub fn listener(&self, arn: &str) -> Option<&Listener> {
        self.listeners.iter().find(|l| l.arn == arn)
    }

    /// The load balancers whose listeners or rules forward to the target group.
    pub fn load_balancers_of(&self, tg_arn: &str) -> Vec<&LoadBalancer> {
        let mut arns: Vec<&str> = Vec::new();
        for l in &self.listeners {
            let rules = self.rules.iter().filter(|r| r.listener_arn == l.arn).flat_map(|r| r.actions.iter());
            if l.default_actions.iter().chain(rules).any(|a| forwards_to(a, tg_arn)) && !arns.contains(&l.load_balancer_arn.as_str()) {
                arns.push(&l.load_balancer_arn);
            }
        }
        self.load_balancers.iter().filter(|lb| arns.contains(&lb.arn.as_str())).collect()
    }

    /// Whether a listener or rule forwards to the target group (ecs-facts.md §4: otherwise its targets are
    /// `unused`, `Target.NotInUse`).
    pub fn in_use(&self, tg_arn: &str) -> bool {
        !self.load_balancers_of(tg_arn).is_empty()
    }
}

pub fn forwards_to(action: &Action, tg_arn: &str) -> bool {
    matches!(action, Action::Forward { target_groups } if target_groups.iter().any(|(a, _)| a == tg_arn))
}

pub fn load_balancer_arn(region: &str, t: LbType, name: &str, id: &str) -> String {
    format!("arn:aws:elasticloadbalancing:{region}:{ACCOUNT_ID}:loadbalancer/{}/{name}/{id}", t.arn_segment())
}

pub fn target_group_arn(region: &str, name: &str, id: &str) -> String {
    format!("arn:aws:elasticloadbalancing:{region}:{ACCOUNT_ID}:targetgroup/{name}/{id}")
}

/// The target group attributes Describe lists, in the order it lists them, with their defaults for an
/// `instance` or `ip` target group behind an ALB (ecs-facts.md §4: deregistration delay 300, slow start 0,
/// stickiness off, round robin).
pub const ATTRIBUTE_ORDER: &[(&str, &str)] = &[
    ("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", "1"),
    ("stickiness.enabled", "false"),
    ("target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", "off"),
    ("deregistration_delay.timeout_seconds", "300"),
    ("target_group_health.dns_failover.minimum_healthy_targets.count", "1"),
    ("stickiness.app_cookie.cookie_name", ""),
    ("stickiness.type", "lb_cookie"),
    ("load_balancing.algorithm.type", "round_robin"),
    ("load_balancing.algorithm.anomaly_mitigation", "off"),
    ("stickiness.lb_cookie.duration_seconds", "86400"),
    ("load_balancing.cross_zone.enabled", "use_load_balancer_configuration"),
    ("slow_start.duration_seconds", "0"),
    ("target_group_health.dns_failover.minimum_healthy_targets.percentage", "off"),
    ("stickiness.app_cookie.duration_seconds", "86400"),
];
