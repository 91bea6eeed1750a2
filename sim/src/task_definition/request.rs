//! The `RegisterTaskDefinition` request body (`RegisterTaskDefinitionRequest`) and its
//! `ContainerDefinition` shape, field for field and in the member order of the ECS API model
//! (botocore `ecs/2014-11-13`). Nested container shapes live in `container_parts` and
//! `linux_parts`; volume shapes in `volumes`; other task-level shapes in `task_parts`.

use std::collections::BTreeMap;

use super::container_parts::{
    ContainerDependency, ContainerRestartPolicy, EnvironmentFile, FirelensConfiguration,
    HealthCheck, HostEntry, KeyValuePair, LogConfiguration, MountPoint, PortMapping,
    RepositoryCredentials, ResourceRequirement, Secret, SystemControl, VolumeFrom,
};
use super::linux_parts::{LinuxParameters, Ulimit};
use super::task_parts::{
    EphemeralStorage, InferenceAccelerator, ProxyConfiguration, RuntimePlatform, Tag,
    TaskDefinitionPlacementConstraint, TrustedExecutionConfiguration,
};
use super::volumes::Volume;

/// `networkMode` values (`NetworkMode` enum).
pub const NETWORK_MODES: &[&str] = &["bridge", "host", "awsvpc", "none"];
/// `requiresCompatibilities` / `compatibilities` values (`Compatibility` enum).
pub const COMPATIBILITIES: &[&str] = &["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"];
/// `pidMode` values (`PidMode` enum).
pub const PID_MODES: &[&str] = &["host", "task"];
/// `ipcMode` values (`IpcMode` enum).
pub const IPC_MODES: &[&str] = &["host", "task", "none"];
/// `containerDefinitions[].versionConsistency` values (`VersionConsistency` enum).
pub const VERSION_CONSISTENCY_VALUES: &[&str] = &["enabled", "disabled"];

api_shape! {request
/// The whole `register-task-definition` input (what `--cli-input-json` holds).
/// Required by the model: `family`, `containerDefinitions` (checked by the parser's
/// botocore-style walk, not by serde).
pub struct RegisterTaskDefinitionRequest {
    family: String,
    task_role_arn: String,
    execution_role_arn: String,
    /// One of [`NETWORK_MODES`].
    network_mode: String,
    container_definitions: Vec<ContainerDefinition>,
    volumes: Vec<Volume>,
    placement_constraints: Vec<TaskDefinitionPlacementConstraint>,
    /// Each one of [`COMPATIBILITIES`].
    requires_compatibilities: Vec<String>,
    /// Task-level CPU: a string in the API (`"256"`, `"1 vCPU"`).
    cpu: String,
    /// Task-level memory: a string in the API (`"512"`, `"1GB"`).
    memory: String,
    /// 0..=50 tags.
    tags: Vec<Tag>,
    /// One of [`PID_MODES`].
    pid_mode: String,
    /// One of [`IPC_MODES`].
    ipc_mode: String,
    proxy_configuration: ProxyConfiguration,
    inference_accelerators: Vec<InferenceAccelerator>,
    ephemeral_storage: EphemeralStorage,
    runtime_platform: RuntimePlatform,
    enable_fault_injection: bool,
    trusted_execution_configuration: TrustedExecutionConfiguration,
}}

api_shape! {request
/// One entry of `containerDefinitions`. The model marks no member required; the service
/// itself insists on `name` and `image`.
pub struct ContainerDefinition {
    name: String,
    image: String,
    repository_credentials: RepositoryCredentials,
    cpu: i64,
    memory: i64,
    memory_reservation: i64,
    links: Vec<String>,
    port_mappings: Vec<PortMapping>,
    essential: bool,
    restart_policy: ContainerRestartPolicy,
    entry_point: Vec<String>,
    command: Vec<String>,
    environment: Vec<KeyValuePair>,
    environment_files: Vec<EnvironmentFile>,
    mount_points: Vec<MountPoint>,
    volumes_from: Vec<VolumeFrom>,
    linux_parameters: LinuxParameters,
    secrets: Vec<Secret>,
    depends_on: Vec<ContainerDependency>,
    start_timeout: i64,
    stop_timeout: i64,
    /// One of [`VERSION_CONSISTENCY_VALUES`].
    version_consistency: String,
    hostname: String,
    user: String,
    working_directory: String,
    disable_networking: bool,
    privileged: bool,
    readonly_root_filesystem: bool,
    dns_servers: Vec<String>,
    dns_search_domains: Vec<String>,
    extra_hosts: Vec<HostEntry>,
    docker_security_options: Vec<String>,
    interactive: bool,
    pseudo_terminal: bool,
    docker_labels: BTreeMap<String, String>,
    ulimits: Vec<Ulimit>,
    log_configuration: LogConfiguration,
    health_check: HealthCheck,
    system_controls: Vec<SystemControl>,
    resource_requirements: Vec<ResourceRequirement>,
    firelens_configuration: FirelensConfiguration,
    credential_specs: Vec<String>,
}}
