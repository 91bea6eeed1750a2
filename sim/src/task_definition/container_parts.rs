//! Nested shapes of a `ContainerDefinition` (other than `linuxParameters` and `ulimits`,
//! which are in `linux_parts`): port mappings, logging, health check, environment, secrets,
//! mounts, dependencies, restart policy, resource requirements (with GPU sharing), FireLens,
//! registry credentials, sysctls and extra hosts. Members are in API-model order.

use std::collections::BTreeMap;

/// `portMappings[].protocol` values (`TransportProtocol` enum).
pub const TRANSPORT_PROTOCOLS: &[&str] = &["tcp", "udp"];
/// `portMappings[].appProtocol` values (`ApplicationProtocol` enum).
pub const APPLICATION_PROTOCOLS: &[&str] = &["http", "http2", "grpc"];
/// `logConfiguration.logDriver` values (`LogDriver` enum).
pub const LOG_DRIVERS: &[&str] = &[
    "json-file",
    "syslog",
    "journald",
    "gelf",
    "fluentd",
    "awslogs",
    "splunk",
    "awsfirelens",
];
/// `environmentFiles[].type` values (`EnvironmentFileType` enum).
pub const ENVIRONMENT_FILE_TYPES: &[&str] = &["s3"];
/// `dependsOn[].condition` values (`ContainerCondition` enum).
pub const CONTAINER_CONDITIONS: &[&str] = &["START", "COMPLETE", "SUCCESS", "HEALTHY"];
/// `resourceRequirements[].type` values (`ResourceType` enum).
pub const RESOURCE_TYPES: &[&str] = &["GPU", "InferenceAccelerator", "NeuronDevice"];
/// `firelensConfiguration.type` values (`FirelensConfigurationType` enum).
pub const FIRELENS_CONFIGURATION_TYPES: &[&str] = &["fluentd", "fluentbit"];

api_shape! {request
/// `portMappings[]`.
pub struct PortMapping {
    container_port: i64,
    host_port: i64,
    /// One of [`TRANSPORT_PROTOCOLS`].
    protocol: String,
    name: String,
    /// One of [`APPLICATION_PROTOCOLS`].
    app_protocol: String,
    /// `"first-last"`, e.g. `"8000-8010"`.
    container_port_range: String,
}}

api_shape! {request
/// `logConfiguration`. Required by the model: `logDriver`.
pub struct LogConfiguration {
    /// One of [`LOG_DRIVERS`].
    log_driver: String,
    options: BTreeMap<String, String>,
    secret_options: Vec<Secret>,
}}

api_shape! {request
/// `healthCheck`. Required by the model: `command`.
pub struct HealthCheck {
    command: Vec<String>,
    interval: i64,
    timeout: i64,
    retries: i64,
    start_period: i64,
}}

api_shape! {request
/// `secrets[]` and `logConfiguration.secretOptions[]`. Required: `name`, `valueFrom`.
pub struct Secret {
    name: String,
    value_from: String,
}}

api_shape! {request
/// `environment[]` and `proxyConfiguration.properties[]`.
pub struct KeyValuePair {
    name: String,
    value: String,
}}

api_shape! {request
/// `environmentFiles[]`. Required: `value`, `type`.
pub struct EnvironmentFile {
    value: String,
    /// One of [`ENVIRONMENT_FILE_TYPES`].
    r#type: String,
}}

api_shape! {request
/// `mountPoints[]`.
pub struct MountPoint {
    source_volume: String,
    container_path: String,
    read_only: bool,
}}

api_shape! {request
/// `volumesFrom[]`.
pub struct VolumeFrom {
    source_container: String,
    read_only: bool,
}}

api_shape! {request
/// `dependsOn[]`. Required: `containerName`, `condition`.
pub struct ContainerDependency {
    container_name: String,
    /// One of [`CONTAINER_CONDITIONS`].
    condition: String,
}}

api_shape! {request
/// `extraHosts[]`. Required: `hostname`, `ipAddress`.
pub struct HostEntry {
    hostname: String,
    ip_address: String,
}}

api_shape! {request
/// `resourceRequirements[]`. Required: `type`. `value` is needed unless `type` is `GPU`
/// and `sharingStrategy` is given.
pub struct ResourceRequirement {
    value: String,
    /// One of [`RESOURCE_TYPES`].
    r#type: String,
    sharing_strategy: SharingStrategy,
}}

api_shape! {request
/// `resourceRequirements[].sharingStrategy`: a tagged union (exactly one member set).
pub struct SharingStrategy {
    nvidia_mps: NvidiaMpsAllocation,
}}

api_shape! {request
/// `sharingStrategy.nvidiaMps`. Required: `memory` (MiB, min 1).
pub struct NvidiaMpsAllocation {
    memory: i64,
    max_compute_percent: i64,
}}

api_shape! {request
/// `firelensConfiguration`. Required: `type`.
pub struct FirelensConfiguration {
    /// One of [`FIRELENS_CONFIGURATION_TYPES`].
    r#type: String,
    options: BTreeMap<String, String>,
}}

api_shape! {request
/// `repositoryCredentials`. Required: `credentialsParameter`.
pub struct RepositoryCredentials {
    credentials_parameter: String,
}}

api_shape! {request
/// `restartPolicy`. Required: `enabled`.
pub struct ContainerRestartPolicy {
    enabled: bool,
    ignored_exit_codes: Vec<i64>,
    restart_attempt_period: i64,
}}

api_shape! {request
/// `systemControls[]` (sysctls).
pub struct SystemControl {
    namespace: String,
    value: String,
}}
