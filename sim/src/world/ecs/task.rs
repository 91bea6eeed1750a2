//! A task: one running copy of a task definition, its containers, and its lifecycle
//! (PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED,
//! ecs-facts.md §1.6).

use crate::clock::SimTime;
use crate::tuning::ACCOUNT_ID;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaskStatus {
    Provisioning,
    Pending,
    Activating,
    Running,
    Deactivating,
    Stopping,
    Deprovisioning,
    Stopped,
}

impl TaskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Provisioning => "PROVISIONING",
            TaskStatus::Pending => "PENDING",
            TaskStatus::Activating => "ACTIVATING",
            TaskStatus::Running => "RUNNING",
            TaskStatus::Deactivating => "DEACTIVATING",
            TaskStatus::Stopping => "STOPPING",
            TaskStatus::Deprovisioning => "DEPROVISIONING",
            TaskStatus::Stopped => "STOPPED",
        }
    }
    /// Before RUNNING.
    pub fn is_starting(self) -> bool {
        self < TaskStatus::Running
    }
    /// After RUNNING, not yet STOPPED.
    pub fn is_stopping(self) -> bool {
        self > TaskStatus::Running && self < TaskStatus::Stopped
    }
    /// What `list-tasks --desired-status` and the container instance's counts group a status under.
    pub fn parse(s: &str) -> Option<TaskStatus> {
        [
            TaskStatus::Provisioning,
            TaskStatus::Pending,
            TaskStatus::Activating,
            TaskStatus::Running,
            TaskStatus::Deactivating,
            TaskStatus::Stopping,
            TaskStatus::Deprovisioning,
            TaskStatus::Stopped,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }
}

impl fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchType {
    Ec2,
    Fargate,
    External,
}

impl LaunchType {
    pub fn as_str(self) -> &'static str {
        match self {
            LaunchType::Ec2 => "EC2",
            LaunchType::Fargate => "FARGATE",
            LaunchType::External => "EXTERNAL",
        }
    }
}

/// A container port published on the instance (`networkBindings` in DescribeTasks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkBinding {
    pub container_name: String,
    pub bind_ip: String,
    pub container_port: u16,
    pub host_port: u16,
    /// `tcp` or `udp`.
    pub protocol: String,
    /// Taken from the instance's ephemeral range (bridge mode, `hostPort` 0 or absent), not fixed.
    pub dynamic: bool,
}

/// The network interface of an awsvpc task (ecs-facts.md §1.4, §2.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskEni {
    pub id: String,
    pub subnet_id: String,
    pub private_ip: String,
    pub public_ip: Option<String>,
    pub mac: String,
}

/// One container of a task, as DescribeTasks reports it.
#[derive(Debug, Clone)]
pub struct TaskContainer {
    pub name: String,
    pub image: String,
    /// A UUID, the last part of the container ARN.
    pub id: String,
    /// The Docker container id once the container exists.
    pub runtime_id: Option<String>,
    pub last_status: String,
    pub exit_code: Option<i64>,
    pub reason: Option<String>,
    pub cpu: i64,
    pub memory: Option<i64>,
    pub memory_reservation: Option<i64>,
    pub essential: bool,
}

#[derive(Debug, Clone)]
pub struct Task {
    pub id: String,
    pub cluster: String,
    pub region: String,
    pub family: String,
    pub revision: u32,
    pub launch_type: LaunchType,
    pub container_instance_id: Option<String>,
    pub availability_zone: String,
    pub last_status: TaskStatus,
    pub desired_status: TaskStatus,
    /// CPU units and MiB this task holds on its instance until it is STOPPED.
    pub reserved_cpu: u32,
    pub reserved_memory: u32,
    /// Task-level cpu and memory as the task definition gives them (shown by DescribeTasks).
    pub cpu: Option<String>,
    pub memory: Option<String>,
    pub containers: Vec<TaskContainer>,
    pub group: String,
    /// The capacity provider the task was launched on (`FARGATE`, `FARGATE_SPOT` or an Auto Scaling group
    /// provider), when it came from a capacity provider strategy (ecs-facts.md §3.5).
    pub capacity_provider_name: Option<String>,
    pub started_by: Option<String>,
    pub created_at: SimTime,
    pub pull_started_at: Option<SimTime>,
    pub pull_stopped_at: Option<SimTime>,
    pub started_at: Option<SimTime>,
    pub connectivity_at: Option<SimTime>,
    pub stopping_at: Option<SimTime>,
    pub execution_stopped_at: Option<SimTime>,
    pub stopped_at: Option<SimTime>,
    pub stop_code: Option<String>,
    pub stopped_reason: Option<String>,
    /// Incremented on every change of state.
    pub version: u64,
    /// `overrides` as RunTask received it (container overrides by name).
    pub overrides: serde_json::Value,
    /// Host ports the task holds on its instance.
    pub bindings: Vec<NetworkBinding>,
    /// The task's own network interface, in awsvpc mode.
    pub eni: Option<TaskEni>,
    /// GPUs reserved on the instance.
    pub gpus: u32,
    /// The network mode it runs in.
    pub network_mode: String,
    /// The platform version, for Fargate tasks.
    pub platform_version: Option<String>,
    /// `--enable-execute-command` was given at launch.
    pub enable_execute_command: bool,
    /// The task role and execution role in effect (the definition's, or RunTask's overrides).
    pub task_role_arn: Option<String>,
    pub execution_role_arn: Option<String>,
    /// Since when its containers' health checks fail (`sandbox fail health`), if they do.
    pub health_fault_since: Option<SimTime>,
    pub tags: Vec<(String, String)>,
}

impl Task {
    pub fn arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:task/{}/{}", self.region, self.cluster, self.id)
    }
    pub fn task_definition_arn(&self) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:task-definition/{}:{}", self.region, self.family, self.revision)
    }
    pub fn container_arn(&self, c: &TaskContainer) -> String {
        format!("arn:aws:ecs:{}:{ACCOUNT_ID}:container/{}/{}/{}", self.region, self.cluster, self.id, c.id)
    }
    /// Whether the task still holds CPU, memory and ports on its instance.
    pub fn holds_resources(&self) -> bool {
        self.last_status != TaskStatus::Stopped
    }
}
