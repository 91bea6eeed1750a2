//! Task-level nested shapes of the request other than volumes: placement constraints, App
//! Mesh proxy configuration, ephemeral storage, runtime platform, Elastic Inference
//! accelerators, tags and trusted execution. Members are in API-model order.

/// `placementConstraints[].type` values (`TaskDefinitionPlacementConstraintType` enum).
pub const TASK_DEFINITION_PLACEMENT_CONSTRAINT_TYPES: &[&str] = &["memberOf"];
/// `proxyConfiguration.type` values (`ProxyConfigurationType` enum).
pub const PROXY_CONFIGURATION_TYPES: &[&str] = &["APPMESH"];
/// `runtimePlatform.cpuArchitecture` values (`CPUArchitecture` enum).
pub const CPU_ARCHITECTURES: &[&str] = &["X86_64", "ARM64"];
/// `runtimePlatform.operatingSystemFamily` values (`OSFamily` enum).
pub const OS_FAMILIES: &[&str] = &[
    "WINDOWS_SERVER_2019_FULL",
    "WINDOWS_SERVER_2019_CORE",
    "WINDOWS_SERVER_2016_FULL",
    "WINDOWS_SERVER_2004_CORE",
    "WINDOWS_SERVER_2022_CORE",
    "WINDOWS_SERVER_2022_FULL",
    "WINDOWS_SERVER_2025_CORE",
    "WINDOWS_SERVER_2025_FULL",
    "WINDOWS_SERVER_20H2_CORE",
    "LINUX",
];
/// `trustedExecutionConfiguration.isolationMode` values (ECS API reference; the shape is
/// not in the fields table).
pub const ISOLATION_MODES: &[&str] = &["SHARED", "ISOLATED_SANDBOX", "CONFIDENTIAL_SANDBOX"];

api_shape! {request
/// `placementConstraints[]`.
pub struct TaskDefinitionPlacementConstraint {
    /// One of [`TASK_DEFINITION_PLACEMENT_CONSTRAINT_TYPES`].
    r#type: String,
    expression: String,
}}

api_shape! {request
/// `proxyConfiguration`. Required: `containerName`.
pub struct ProxyConfiguration {
    /// One of [`PROXY_CONFIGURATION_TYPES`].
    r#type: String,
    container_name: String,
    properties: Vec<super::container_parts::KeyValuePair>,
}}

api_shape! {request
/// `ephemeralStorage`. Required: `sizeInGiB`.
pub struct EphemeralStorage {
    #[serde(rename = "sizeInGiB")]
    size_in_gib: i64,
}}

api_shape! {request
/// `runtimePlatform`.
pub struct RuntimePlatform {
    /// One of [`CPU_ARCHITECTURES`].
    cpu_architecture: String,
    /// One of [`OS_FAMILIES`].
    operating_system_family: String,
}}

api_shape! {request
/// `inferenceAccelerators[]`. Required: `deviceName`, `deviceType`.
pub struct InferenceAccelerator {
    device_name: String,
    device_type: String,
}}

api_shape! {request
/// `tags[]`: key 1..=128 characters, value 0..=256.
pub struct Tag {
    key: String,
    value: String,
}}

api_shape! {request
/// `trustedExecutionConfiguration` (ECS Managed Instances only). Required: `isolationMode`.
pub struct TrustedExecutionConfiguration {
    /// One of [`ISOLATION_MODES`].
    isolation_mode: String,
    /// Base64 attestation policy envelope; needed for `CONFIDENTIAL_SANDBOX`.
    attestation_policy: String,
}}
