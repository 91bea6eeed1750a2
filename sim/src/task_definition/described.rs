//! The `TaskDefinition` shape that `describe-task-definition` (and `register-task-definition`)
//! return: the request members plus the read-only ones the service fills in
//! (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`,
//! `registeredAt`, `deregisteredAt`, `registeredBy`), and `Attribute` for
//! `requiresAttributes`. Also the two response envelopes. Members are in API-model order, so
//! serializing gives the key order the AWS CLI prints. Unknown keys are ignored when
//! deserializing these (they are output shapes); the nested request shapes still reject
//! theirs.

use super::request::ContainerDefinition;
use super::task_parts::{
    EphemeralStorage, InferenceAccelerator, ProxyConfiguration, RuntimePlatform, Tag,
    TaskDefinitionPlacementConstraint, TrustedExecutionConfiguration,
};
use super::volumes::Volume;

/// `status` values (`TaskDefinitionStatus` enum).
pub const TASK_DEFINITION_STATUSES: &[&str] = &["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"];
/// `requiresAttributes[].targetType` values (`TargetType` enum).
pub const TARGET_TYPES: &[&str] = &["container-instance"];

/// Member names of [`TaskDefinition`] in model order (checked against the struct in tests).
pub const TASK_DEFINITION_MEMBERS: &[&str] = &[
    "taskDefinitionArn",
    "containerDefinitions",
    "family",
    "taskRoleArn",
    "executionRoleArn",
    "networkMode",
    "revision",
    "volumes",
    "status",
    "requiresAttributes",
    "placementConstraints",
    "compatibilities",
    "runtimePlatform",
    "requiresCompatibilities",
    "cpu",
    "memory",
    "inferenceAccelerators",
    "pidMode",
    "ipcMode",
    "proxyConfiguration",
    "registeredAt",
    "deregisteredAt",
    "registeredBy",
    "ephemeralStorage",
    "enableFaultInjection",
    "trustedExecutionConfiguration",
];

/// Members of [`TaskDefinition`] that a `RegisterTaskDefinition` request cannot carry.
pub const READ_ONLY_MEMBERS: &[&str] = &[
    "taskDefinitionArn",
    "revision",
    "status",
    "requiresAttributes",
    "compatibilities",
    "registeredAt",
    "deregisteredAt",
    "registeredBy",
];

api_shape! {response
/// A registered task definition as the API returns it.
pub struct TaskDefinition {
    task_definition_arn: String,
    container_definitions: Vec<ContainerDefinition>,
    family: String,
    task_role_arn: String,
    execution_role_arn: String,
    network_mode: String,
    revision: i64,
    volumes: Vec<Volume>,
    /// One of [`TASK_DEFINITION_STATUSES`].
    status: String,
    requires_attributes: Vec<Attribute>,
    placement_constraints: Vec<TaskDefinitionPlacementConstraint>,
    /// Launch types the definition was validated against and satisfies.
    compatibilities: Vec<String>,
    runtime_platform: RuntimePlatform,
    requires_compatibilities: Vec<String>,
    cpu: String,
    memory: String,
    inference_accelerators: Vec<InferenceAccelerator>,
    pid_mode: String,
    ipc_mode: String,
    proxy_configuration: ProxyConfiguration,
    /// Pre-formatted by the caller (the CLI prints ISO 8601).
    registered_at: String,
    /// Pre-formatted by the caller.
    deregistered_at: String,
    registered_by: String,
    ephemeral_storage: EphemeralStorage,
    enable_fault_injection: bool,
    trusted_execution_configuration: TrustedExecutionConfiguration,
}}

api_shape! {response
/// `requiresAttributes[]`: a container-instance attribute the task needs. Required: `name`.
pub struct Attribute {
    name: String,
    value: String,
    /// One of [`TARGET_TYPES`].
    target_type: String,
    target_id: String,
}}

api_shape! {response
/// `describe-task-definition` output: `{"taskDefinition": …, "tags": […]}`.
pub struct DescribeTaskDefinitionResponse {
    task_definition: TaskDefinition,
    tags: Vec<Tag>,
}}

api_shape! {response
/// `register-task-definition` output: `{"taskDefinition": …, "tags": […]}`.
pub struct RegisterTaskDefinitionResponse {
    task_definition: TaskDefinition,
    tags: Vec<Tag>,
}}
