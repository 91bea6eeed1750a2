//! The world as plain data: what the page draws and what lesson goals test. Built fresh from the model on
//! request; nothing in it is live. Keys are camelCase, like the AWS APIs, so goal expressions read naturally
//! (`clusters[?name=='demo'].containerInstances[]`).

pub mod autoscaling;
pub mod autoscaling_groups;
pub mod iam;
pub mod load_balancing;
pub mod metrics;
pub mod registry;
pub mod services;

use crate::shared_sort::SharedSort;
use crate::clock::SimTime;
use crate::world::World;
use crate::world::ec2::AgentStatus;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    /// Virtual time in the CLI's timestamp format, and in milliseconds.
    pub now: String,
    pub now_millis: u64,
    /// Clock-face time for the status bar.
    pub clock: String,
    /// Clusters of every Region, by Region then name.
    pub clusters: Vec<ClusterView>,
    /// Every EC2 instance, in launch order, with where its ECS agent stands.
    pub instances: Vec<InstanceView>,
    pub task_definitions: Vec<TaskDefinitionView>,
    /// ECR repositories of every Region.
    pub repositories: Vec<registry::RepositoryView>,
    pub log_groups: Vec<registry::LogGroupView>,
    /// IAM roles, by name.
    pub roles: Vec<iam::RoleView>,
    /// Whether the learner's own permissions are restricted (a lesson's `sandbox learner-policy`).
    pub learner_restricted: bool,
    /// ELBv2 load balancers with their listeners and rules, target groups with their targets' health, and
    /// the VPC's security groups, of every Region.
    pub load_balancers: Vec<load_balancing::LoadBalancerView>,
    pub target_groups: Vec<load_balancing::TargetGroupView>,
    pub security_groups: Vec<load_balancing::SecurityGroupView>,
    /// CloudWatch metrics of every Region (the newest hour of one-minute datapoints), and the sandbox's chart
    /// timeline (task and instance counts every 10 seconds).
    pub metrics: Vec<metrics::MetricView>,
    pub timeline: Vec<metrics::TimelineView>,
    /// Application Auto Scaling's scalable targets (with their policies and newest activities) and CloudWatch
    /// alarms, of every Region (ecs-facts.md §3.4).
    pub scalable_targets: Vec<autoscaling::ScalableTargetView>,
    pub alarms: Vec<autoscaling::AlarmView>,
    /// Auto Scaling groups and Auto Scaling group capacity providers of every Region (ecs-facts.md §3.5).
    pub auto_scaling_groups: Vec<autoscaling_groups::AutoScalingGroupView>,
    pub capacity_providers: Vec<autoscaling_groups::CapacityProviderView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterView {
    pub name: String,
    pub arn: String,
    pub region: String,
    /// `ACTIVE`, or `INACTIVE` once deleted.
    pub status: String,
    /// The Region's Availability Zones, for laying the cluster out by zone.
    pub availability_zones: Vec<String>,
    pub container_instances: Vec<ContainerInstanceView>,
    pub tasks: Vec<TaskView>,
    /// For each task group with tasks that are not STOPPED: how many, on which instances, in which zones.
    pub task_groups: Vec<TaskGroupView>,
    /// Services by name, deleted ones (INACTIVE) included.
    pub services: Vec<services::ServiceView>,
    /// Capacity providers associated with the cluster (ecs-facts.md §3.5), in the order given.
    pub capacity_providers: Vec<String>,
    pub default_capacity_provider_strategy: Vec<services::StrategyItemView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskGroupView {
    pub group: String,
    pub running: usize,
    pub pending: usize,
    /// Distinct container instance ids and Availability Zones the group's tasks are on.
    pub instances: Vec<String>,
    pub zones: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ResourceView {
    pub registered: u32,
    pub remaining: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerInstanceView {
    pub id: String,
    pub arn: String,
    pub ec2_instance_id: String,
    pub instance_type: String,
    pub availability_zone: String,
    pub status: String,
    pub agent_connected: bool,
    pub cpu: ResourceView,
    pub memory: ResourceView,
    pub running_tasks_count: usize,
    pub pending_tasks_count: usize,
    /// Attributes with a value (built-in ones such as `ecs.instance-type`, and custom ones); capabilities,
    /// which have no value, are left out.
    pub attributes: std::collections::BTreeMap<String, String>,
    /// The agent's settings that shape placement, from `ecs.config`.
    pub reserved_memory: u32,
    pub dynamic_port_range: (u16, u16),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerView {
    pub name: String,
    pub image: String,
    pub last_status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskView {
    pub id: String,
    pub arn: String,
    pub family: String,
    pub revision: u32,
    pub last_status: String,
    pub desired_status: String,
    pub launch_type: String,
    pub container_instance_id: Option<String>,
    /// The EC2 instance type the task runs on (EC2 launch type).
    pub instance_type: Option<String>,
    pub availability_zone: String,
    /// CPU units and MiB the task holds on its instance.
    pub cpu: u32,
    pub memory: u32,
    pub group: String,
    pub stopped_reason: Option<String>,
    pub stop_code: Option<String>,
    pub task_role_arn: Option<String>,
    pub execution_role_arn: Option<String>,
    pub containers: Vec<ContainerView>,
    /// Host ports the task holds on its instance (`container:host/protocol` for each binding).
    pub host_ports: Vec<PortView>,
    /// awsvpc: the task's own address and subnet.
    pub private_ip: Option<String>,
    pub subnet_id: Option<String>,
    pub network_mode: String,
    /// `FARGATE`, `FARGATE_SPOT` or an Auto Scaling group provider, when a strategy chose it (§3.5).
    pub capacity_provider_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortView {
    pub container_port: u16,
    pub host_port: u16,
    pub protocol: String,
    pub dynamic: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentView {
    /// `no-agent`, `starting`, `registered`, `cannot-register` or `stopped`.
    pub status: String,
    pub cluster: Option<String>,
    pub container_instance_id: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceView {
    pub id: String,
    pub region: String,
    pub instance_type: String,
    pub availability_zone: String,
    pub state: String,
    pub private_ip: String,
    pub iam_instance_profile: Option<String>,
    /// The role in the instance profile: what the ECS agent, and image pulls without an execution role, use.
    pub instance_role: Option<String>,
    pub agent: AgentView,
    /// How the user data was read (which cluster it names, or why it named none).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskDefinitionView {
    pub family: String,
    pub revision: u32,
    pub arn: String,
    pub status: String,
    pub containers: Vec<String>,
}

pub fn build(world: &World, now: SimTime) -> View {
    let mut clusters = Vec::new();
    let mut instances = Vec::new();
    let mut task_definitions = Vec::new();
    for region in world.regions() {
        let zones: Vec<String> = region.network.subnets.iter().map(|s| s.availability_zone.clone()).collect();
        for c in region.ecs.clusters.values() {
            let usage = c.usage();
            let container_instances = c
                .container_instances
                .values()
                .map(|ci| {
                    let u = usage.get(&ci.id).cloned().unwrap_or_default();
                    let (cpu, mem) = (ci.registered_cpu.saturating_sub(u.cpu), ci.registered_memory.saturating_sub(u.memory));
                    let (running, pending) = (u.running, u.pending);
                    ContainerInstanceView {
                        id: ci.id.clone(),
                        arn: ci.arn(),
                        ec2_instance_id: ci.ec2_instance_id.clone(),
                        instance_type: ci.instance_type.clone(),
                        availability_zone: ci.availability_zone.clone(),
                        status: ci.status.clone(),
                        agent_connected: ci.agent_connected,
                        cpu: ResourceView { registered: ci.registered_cpu, remaining: cpu },
                        memory: ResourceView { registered: ci.registered_memory, remaining: mem },
                        running_tasks_count: running,
                        pending_tasks_count: pending,
                        attributes: ci.attributes.iter().filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v))).collect(),
                        reserved_memory: ci.config.reserved_memory,
                        dynamic_port_range: ci.config.dynamic_host_port_range,
                    }
                })
                .collect();
            let mut tasks: Vec<_> = c.tasks.values().collect();
            tasks.shared_sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
            let tasks = tasks
                .into_iter()
                .map(|t| TaskView {
                    id: t.id.clone(),
                    arn: t.arn(),
                    family: t.family.clone(),
                    revision: t.revision,
                    last_status: t.last_status.as_str().into(),
                    desired_status: t.desired_status.as_str().into(),
                    launch_type: t.launch_type.as_str().into(),
                    container_instance_id: t.container_instance_id.clone(),
                    instance_type: t
                        .container_instance_id
                        .as_ref()
                        .and_then(|id| c.container_instances.get(id))
                        .map(|ci| ci.instance_type.clone()),
                    availability_zone: t.availability_zone.clone(),
                    cpu: t.reserved_cpu,
                    memory: t.reserved_memory,
                    group: t.group.clone(),
                    stopped_reason: t.stopped_reason.clone(),
                    stop_code: t.stop_code.clone(),
                    task_role_arn: t.task_role_arn.clone(),
                    execution_role_arn: t.execution_role_arn.clone(),
                    containers: t
                        .containers
                        .iter()
                        .map(|c| ContainerView { name: c.name.clone(), image: c.image.clone(), last_status: c.last_status.clone() })
                        .collect(),
                    host_ports: t
                        .bindings
                        .iter()
                        .map(|b| PortView {
                            container_port: b.container_port,
                            host_port: b.host_port,
                            protocol: b.protocol.clone(),
                            dynamic: b.dynamic,
                        })
                        .collect(),
                    private_ip: t.eni.as_ref().map(|e| e.private_ip.clone()),
                    subnet_id: t.eni.as_ref().map(|e| e.subnet_id.clone()),
                    network_mode: t.network_mode.clone(),
                    capacity_provider_name: t.capacity_provider_name.clone(),
                })
                .collect();
            let mut groups: std::collections::BTreeMap<String, TaskGroupView> = std::collections::BTreeMap::new();
            for t in c.tasks.values().filter(|t| t.last_status != crate::world::ecs::TaskStatus::Stopped) {
                let g = groups.entry(t.group.clone()).or_insert_with(|| TaskGroupView {
                    group: t.group.clone(),
                    running: 0,
                    pending: 0,
                    instances: Vec::new(),
                    zones: Vec::new(),
                });
                if t.last_status == crate::world::ecs::TaskStatus::Running {
                    g.running += 1;
                } else if t.last_status.is_starting() {
                    g.pending += 1;
                }
                if let Some(ci) = &t.container_instance_id
                    && !g.instances.contains(ci) {
                        g.instances.push(ci.clone());
                    }
                if !g.zones.contains(&t.availability_zone) {
                    g.zones.push(t.availability_zone.clone());
                }
            }
            clusters.push(ClusterView {
                name: c.name.clone(),
                arn: c.arn(),
                region: region.name.clone(),
                status: c.status.clone(),
                availability_zones: zones.clone(),
                container_instances,
                tasks,
                task_groups: groups.into_values().collect(),
                services: c.services.values().map(|s| services::service(c, s, &world.traffic, now)).collect(),
                capacity_providers: c.capacity_providers.clone(),
                default_capacity_provider_strategy: services::strategy(&c.default_capacity_provider_strategy),
            });
        }
        for i in region.ec2.in_launch_order() {
            let (status, cluster, ci, reason) = match &i.agent {
                AgentStatus::NoAgent => ("no-agent", None, None, None),
                AgentStatus::Starting => ("starting", None, None, None),
                AgentStatus::Registered { cluster, container_instance_id } => {
                    ("registered", Some(cluster.clone()), Some(container_instance_id.clone()), None)
                }
                AgentStatus::CannotRegister { reason } => ("cannot-register", None, None, Some(reason.clone())),
                AgentStatus::Stopped => ("stopped", None, None, None),
            };
            instances.push(InstanceView {
                id: i.id.clone(),
                region: region.name.clone(),
                instance_type: i.instance_type.clone(),
                availability_zone: i.availability_zone.clone(),
                state: i.state.name().into(),
                private_ip: i.private_ip.clone(),
                iam_instance_profile: i.iam_instance_profile.clone(),
                instance_role: i
                    .iam_instance_profile
                    .as_deref()
                    .and_then(|p| world.iam.instance_profile(p))
                    .and_then(|p| p.roles.first().cloned()),
                agent: AgentView { status: status.into(), cluster, container_instance_id: ci, reason },
                notes: i.user_data_notes.clone(),
            });
        }
        for r in region.ecs.task_definitions.all() {
            task_definitions.push(TaskDefinitionView {
                family: r.family.clone(),
                revision: r.revision,
                arn: r.arn(),
                status: r.status().into(),
                containers: r
                    .request
                    .container_definitions
                    .iter()
                    .flatten()
                    .map(|c| c.name.clone().unwrap_or_default())
                    .collect(),
            });
        }
    }
    let admin = crate::iam_policy::managed_policy_by_arn(crate::world::iam::ADMINISTRATOR_ACCESS).and_then(|p| p.document().ok());
    let learner_restricted = world.iam.learner_policies.len() != 1 || world.iam.learner_policies.first().map(|d| d.to_json()) != admin.map(|d| d.to_json());
    View {
        now: now.to_cli_string(),
        now_millis: now.0,
        clock: now.to_hms(),
        clusters,
        instances,
        task_definitions,
        repositories: registry::repositories(world),
        log_groups: registry::log_groups(world),
        roles: iam::roles(world),
        learner_restricted,
        load_balancers: world.regions().flat_map(load_balancing::load_balancers).collect(),
        target_groups: world.regions().flat_map(load_balancing::target_groups).collect(),
        security_groups: world.regions().flat_map(load_balancing::security_groups).collect(),
        metrics: world.regions().flat_map(|r| metrics::metrics(&r.name, &r.cloudwatch)).collect(),
        timeline: world.regions().flat_map(|r| metrics::timeline(&r.name, &r.cloudwatch)).collect(),
        scalable_targets: world
            .regions()
            .flat_map(|r| autoscaling::scalable_targets(&r.name, &r.application_autoscaling, &r.cloudwatch))
            .collect(),
        alarms: world.regions().flat_map(|r| autoscaling::alarms(&r.name, &r.cloudwatch)).collect(),
        auto_scaling_groups: world.regions().flat_map(autoscaling_groups::groups).collect(),
        capacity_providers: world.regions().flat_map(autoscaling_groups::capacity_providers).collect(),
    }
}
