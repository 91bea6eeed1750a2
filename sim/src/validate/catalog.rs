//! Every rule the validator applies: its id, severity, stage, the fact it comes from
//! (ecs-facts.md section), whether its message is AWS's exact wording, and the learner-facing
//! explanation (why it matters, how to fix it). [`RULES`] is also the order in which errors of the
//! same stage are reported: the schema's service-side checks, then the rules of §1.10 in the
//! order that table lists them, then the other rules of §1 in section order.

use serde::Serialize;

use super::report::{Severity, Stage};

/// One rule.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub stage: Stage,
    pub fact: &'static str,
    /// The message is AWS's exact text (false: ECS's wording is unknown, the sandbox wrote one).
    pub verbatim: bool,
    pub explanation: &'static str,
}

macro_rules! rules {
    ($( $name:ident = $id:literal, $sev:ident, $stage:ident, $fact:literal, $verbatim:literal, $expl:literal; )*) => {
        $( pub static $name: Rule = Rule {
            id: $id, severity: Severity::$sev, stage: Stage::$stage, fact: $fact, verbatim: $verbatim, explanation: $expl,
        }; )*
        /// Every rule, in reporting order.
        pub static RULES: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    // The document itself (the CLI, before anything is sent).
    JSON_SYNTAX = "json-syntax", Error, Json, "§9", true,
        "The file is not valid JSON, so the AWS CLI stops before sending anything. Look at the position given: usually a missing comma between two members, a trailing comma, or an unclosed quote or bracket.";
    NOT_AN_OBJECT = "not-an-object", Error, Cli, "§1.1", true,
        "A task definition is one JSON object with family and containerDefinitions. This document is a different kind of JSON value.";
    CONTAINER_ARRAY = "container-array", Error, Cli, "§1.1", true,
        "This is a bare containerDefinitions list (what Terraform's container_definitions holds), not a task definition. Wrap it in an object that adds a family name: {\"family\": \"…\", \"containerDefinitions\": [ … ]}.";
    // botocore's parameter validation.
    DESCRIBE_WRAPPER = "describe-wrapper", Error, Parameters, "§1.1", true,
        "This is describe-task-definition output: the definition sits inside {\"taskDefinition\": …} and carries read-only fields ECS added. Register the inner object without the read-only fields (the fix does both).";
    READ_ONLY_FIELD = "read-only-field", Error, Parameters, "§1.1", true,
        "ECS adds this field when it registers a definition (describe-task-definition shows it); it cannot be sent back. Remove it, with the other read-only fields: taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt, registeredBy, deregisteredAt.";
    SCHEMA_KEY = "schema-key", Error, Parameters, "§8.7", true,
        "\"$schema\" gives your editor completion and hover help, but the AWS CLI sends every key to ECS's parameter validation, which knows no such parameter. Remove it from the copy you register (or map the schema in your editor's settings instead).";
    NULL_VALUE = "null-value", Error, Parameters, "§1.1", true,
        "JSON null is not \"unset\" for the AWS CLI: every null is a value of the wrong type. Leave the member out instead (deploy tools strip nulls before registering).";
    UNKNOWN_PARAMETER = "unknown-parameter", Error, Parameters, "§1.10", true,
        "The AWS CLI checks every key against the ECS API model and refuses names it does not know; keys are case-sensitive camelCase (portMappings, not PortMappings or portBindings).";
    MISSING_PARAMETER = "missing-parameter", Error, Parameters, "§1.1", true,
        "The ECS API model marks this member as required, so the AWS CLI refuses the request without it.";
    INVALID_TYPE = "invalid-type", Error, Parameters, "§1.1", true,
        "The value has the wrong JSON type for this member. Task-level cpu and memory are strings (\"512\"); container cpu, memory and ports are numbers; lists are [ … ].";
    INVALID_LENGTH = "invalid-length", Error, Parameters, "§1.1", true,
        "The ECS API model sets a minimum length for this value.";
    INVALID_VALUE = "invalid-value", Error, Parameters, "§1.1", true,
        "The ECS API model sets a minimum for this number.";
    UNION_MEMBERS = "union-members", Error, Parameters, "§1.1", true,
        "This structure is a union: set exactly one of its members.";
    // The service: checks the schema expresses.
    CONTAINER_NAME_MISSING = "container-name-missing", Error, Service, "§1.1", true,
        "Every container needs a name: links, dependsOn, load balancers and log streams refer to containers by name.";
    CONTAINER_IMAGE_MISSING = "container-image-missing", Error, Service, "§1.1", true,
        "Every container needs an image to run, e.g. nginx:1.27 or <account>.dkr.ecr.<region>.amazonaws.com/app:1.0.";
    CONTAINERS_EMPTY = "containers-empty", Error, Service, "§1.10", true,
        "A task definition runs at least one container: add one to containerDefinitions.";
    CONTAINERS_MAX = "containers-max", Error, Service, "§1.2", false,
        "A task definition holds at most 10 containers (a fixed quota). Split the work into several task definitions or services.";
    INVALID_ENUM = "invalid-enum", Error, Service, "§1.1", false,
        "This member takes one of a fixed set of values, spelled exactly (case matters).";
    OUT_OF_RANGE = "out-of-range", Error, Service, "§1.1", false,
        "This number is outside the range ECS allows for the member.";
    TOO_LONG = "too-long", Error, Service, "§1.2", false,
        "This text is longer than ECS allows for the member.";
    TOO_MANY_ITEMS = "too-many-items", Error, Service, "§1.2", false,
        "This list has more entries than ECS allows.";
    HEALTH_CHECK_RANGE = "health-check-range", Error, Service, "§1.6", false,
        "Health-check timings have fixed ranges: interval 5–300 s (default 30), timeout 2–60 s (default 5), retries 1–10 (default 3), startPeriod 0–300 s.";
    EPHEMERAL_STORAGE_SIZE = "ephemeral-storage-size", Error, Service, "§1.9", false,
        "Fargate tasks get 20 GiB of ephemeral storage; sizeInGiB can raise it to between 21 and 200 GiB.";
    PORT_RANGE = "port-range", Error, Service, "§1.4", false,
        "Ports are numbers from 1 to 65535 (a hostPort of 0 in bridge mode asks for a dynamic port).";
    // The service: the rules of §1.10, in the table's order.
    CONTAINER_MEMORY_MISSING = "container-memory-missing", Error, Service, "§1.3", true,
        "Without task-level memory, ECS needs every container's memory (hard limit) or memoryReservation (soft limit) to know how much to reserve on an instance. Set task memory or one of the two on this container.";
    NO_ESSENTIAL_CONTAINER = "no-essential-container", Error, Service, "§1.6", true,
        "A task runs as long as its essential containers do, so at least one container must be essential (essential defaults to true; here every container sets it to false).";
    AWSVPC_HOST_PORT = "awsvpc-host-port", Error, Service, "§1.4", true,
        "In awsvpc mode each task has its own network interface, so there is no host port to translate: hostPort must be left out or equal containerPort. Clients (and load balancer targets) use the container port on the task's IP.";
    AWSVPC_LINKS = "awsvpc-links", Error, Service, "§1.4", true,
        "links exist only in bridge mode. In awsvpc mode the containers of a task share one network interface and reach each other on localhost.";
    AWSVPC_HOSTNAME = "awsvpc-hostname", Error, Service, "§1.4", true,
        "In awsvpc mode the task's network interface determines the hostname; remove hostname from the container.";
    FARGATE_NETWORK_MODE = "fargate-network-mode", Error, Service, "§1.4", true,
        "Fargate gives every task its own network interface, so it needs networkMode awsvpc (without networkMode the default is bridge).";
    FARGATE_CPU_MISSING = "fargate-cpu-missing", Error, Service, "§1.3", true,
        "Fargate sizes (and bills) the task from task-level cpu and memory, so both must be set at the task level, e.g. \"cpu\": \"256\", \"memory\": \"512\".";
    FARGATE_MEMORY_MISSING = "fargate-memory-missing", Error, Service, "§1.3", false,
        "Fargate sizes (and bills) the task from task-level cpu and memory, so both must be set at the task level, e.g. \"cpu\": \"256\", \"memory\": \"512\".";
    FARGATE_SIZE = "fargate-size", Error, Service, "§1.3", true,
        "Fargate offers fixed cpu/memory pairs: 256 → 512, 1024, 2048; 512 → 1024–4096; 1024 → 2048–8192; 2048 → 4096–16384; 4096 → 8192–30720 (steps of 1024); 8192 → 16384–61440 (steps of 4096); 16384 → 32768–122880 (steps of 8192). Windows needs at least 1024.";
    FARGATE_AWSLOGS_EXECUTION_ROLE = "fargate-awslogs-execution-role", Error, Service, "§1.7", true,
        "On Fargate there is no instance role: ECS sends awslogs logs to CloudWatch with the task execution role. Add executionRoleArn (e.g. the ecsTaskExecutionRole role).";
    FARGATE_ECR_EXECUTION_ROLE = "fargate-ecr-execution-role", Error, Service, "§1.8", true,
        "On Fargate there is no instance role: ECS pulls ECR images with the task execution role. Add executionRoleArn (e.g. the ecsTaskExecutionRole role).";
    FARGATE_IPC_MODE = "fargate-ipc-mode", Error, Service, "§1.5", true,
        "Fargate does not let tasks share an IPC namespace with anything: remove ipcMode.";
    AWSLOGS_OPTIONS = "awslogs-options", Error, Service, "§1.7", true,
        "The awslogs driver needs to know where to send logs: options awslogs-group (the log group) and awslogs-region.";
    CONTAINER_CPU_SUM = "container-cpu-sum", Error, Service, "§1.3", true,
        "Container cpu values share the task's cpu, so together they cannot exceed it. Lower the containers' cpu or raise the task's.";
    CONTAINER_RESERVATION_SUM = "container-reservation-sum", Error, Service, "§1.3", true,
        "Container memoryReservation values are carved out of the task's memory, so together they cannot exceed it.";
    CONTAINER_MEMORY_OVER_TASK = "container-memory-over-task", Error, Service, "§1.3", true,
        "A container's hard memory limit cannot be larger than the memory of the task it runs in.";
    CONTAINER_PORT_INVALID = "container-port-invalid", Error, Service, "§1.4", true,
        "Each port mapping needs the port the container listens on: containerPort, a number from 1 to 65535 (or a containerPortRange).";
    DEPENDS_ON_ESSENTIAL = "depends-on-essential", Error, Service, "§1.6", true,
        "COMPLETE and SUCCESS wait for a container to exit, but when an essential container exits the whole task stops. Make the dependency container essential: false, or wait for START or HEALTHY.";
    MOUNT_POINT_VOLUME = "mount-point-volume", Error, Service, "§1.9", true,
        "A mount point's sourceVolume must be the name of a volume declared in the task's volumes list.";
    FARGATE_SOURCE_PATH = "fargate-source-path", Error, Service, "§1.9", true,
        "Fargate tasks cannot bind-mount paths of a host they do not control. Remove sourcePath (a task-scoped scratch volume) or use EFS.";
    HOST_SOURCE_PATH_BLANK = "host-source-path-blank", Error, Service, "§1.9", true,
        "An empty sourcePath names no host path. Leave sourcePath out for a scratch volume, or give an absolute path.";
    // The service: other rules of §1, in section order. ECS's exact wording is unknown for these.
    FAMILY_NAME = "family-name", Error, Service, "§1.2", false,
        "A family name is 1 to 255 letters, digits, hyphens and underscores: no spaces, dots or other characters.";
    CONTAINER_NAME_INVALID = "container-name-invalid", Error, Service, "§1.2", false,
        "A container name is 1 to 255 letters, digits, hyphens and underscores.";
    CONTAINER_NAME_DUPLICATE = "container-name-duplicate", Error, Service, "§1.2", false,
        "Container names must be unique within a task definition: links, dependsOn and load balancers find containers by name.";
    IMAGE_INVALID = "image-invalid", Error, Service, "§1.2", false,
        "An image reference is up to 255 letters, digits and - _ : . / # (before an optional @sha256: and 64 hex digits). Template placeholders such as ${tag} must be filled in first.";
    TAG_INVALID = "tag-invalid", Error, Service, "§1.2", false,
        "Tag keys and values may hold letters, digits, spaces and _ . : / = + - @ only.";
    TASK_SIZE_INVALID = "task-size-invalid", Error, Service, "§1.3", true,
        "Task cpu is CPU units (\"1024\") or vCPU (\"1 vCPU\"), from 128 to 196608 units; task memory is MiB (\"2048\") or GB (\"2GB\").";
    MEMORY_RESERVATION_OVER_MEMORY = "memory-reservation-over-memory", Error, Service, "§1.3", false,
        "memoryReservation is the soft limit and memory the hard limit, so the reservation cannot be larger (equal is accepted).";
    AWSVPC_EXTRA_HOSTS = "awsvpc-extra-hosts", Error, Service, "§1.4", false,
        "extraHosts edits /etc/hosts through Docker's network settings, which awsvpc mode does not use.";
    HOST_PORT_MISMATCH = "host-port-mismatch", Error, Service, "§1.4", false,
        "In host mode containers listen directly on the instance's ports, so hostPort must be left out or equal containerPort (no dynamic ports).";
    NONE_PORT_MAPPINGS = "none-port-mappings", Error, Service, "§1.4", false,
        "networkMode none gives containers no external network, so there is nothing to map ports to.";
    CONTAINER_PORT_RANGE = "container-port-range", Error, Service, "§1.4", false,
        "containerPortRange (\"first-last\", 1–65535, first < last) works only in bridge and awsvpc mode, without hostPort and without containerPort; ranges may not overlap, at most 100 per container.";
    FARGATE_PID_MODE = "fargate-pid-mode", Error, Service, "§1.5", false,
        "Fargate tasks cannot share the host's process namespace: pidMode may only be task.";
    FARGATE_PLACEMENT_CONSTRAINTS = "fargate-placement-constraints", Error, Service, "§1.5", false,
        "Fargate chooses where tasks run, so placement constraints do not apply. Remove them (an empty list is fine).";
    FARGATE_LOG_DRIVER = "fargate-log-driver", Error, Service, "§1.5", false,
        "Fargate supports the awslogs, splunk and awsfirelens log drivers only.";
    FARGATE_UNSUPPORTED = "fargate-unsupported", Error, Service, "§1.5", false,
        "Fargate does not support host-level Docker settings: devices, sharedMemorySize, maxSwap, swappiness, dockerSecurityOptions and Docker volumes.";
    FARGATE_CAPABILITIES = "fargate-capabilities", Error, Service, "§1.5", false,
        "On Fargate the only Linux capability a container may add is SYS_PTRACE.";
    FARGATE_TIMEOUTS = "fargate-timeouts", Error, Service, "§1.5", false,
        "On Fargate stopTimeout is at most 120 seconds and startTimeout between 2 and 120 seconds.";
    FARGATE_FIRELENS_CONFIG = "fargate-firelens-config", Error, Service, "§1.5", false,
        "On Fargate FireLens can read its extra configuration only from a file in the image: config-file-type must be file.";
    FARGATE_AWSLOGS_STREAM_PREFIX = "fargate-awslogs-stream-prefix", Error, Service, "§1.7", false,
        "On Fargate the awslogs driver needs awslogs-stream-prefix; streams are named prefix/container-name/task-id.";
    HEALTH_CHECK_COMMAND = "health-check-command", Error, Service, "§1.6", false,
        "A health-check command starts with CMD (run the rest directly) or CMD-SHELL (run it with the shell), e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"].";
    DEPENDS_ON_UNKNOWN = "depends-on-unknown", Error, Service, "§1.6", false,
        "dependsOn names another container of the same task definition.";
    DEPENDS_ON_HEALTHY_CHECK = "depends-on-healthy-check", Error, Service, "§1.6", false,
        "HEALTHY waits for the other container's health check to pass, so that container needs a healthCheck.";
    DEPENDS_ON_CYCLE = "depends-on-cycle", Error, Service, "§1.6", false,
        "Containers that wait for each other would never start: remove one dependency of the cycle.";
    LINKS_UNKNOWN = "links-unknown", Error, Service, "§1.4", false,
        "A link (name or name:alias) must name another container of the same task definition.";
    VOLUMES_FROM_UNKNOWN = "volumes-from-unknown", Error, Service, "§1.9", false,
        "volumesFrom's sourceContainer must name another container of the same task definition.";
    AWSFIRELENS_ROUTER = "awsfirelens-router", Error, Service, "§1.7", false,
        "The awsfirelens driver sends logs to a FireLens log router: another container of the task with firelensConfiguration (e.g. the aws-for-fluent-bit image).";
    EFS_TRANSIT_ENCRYPTION = "efs-transit-encryption", Error, Service, "§1.9", false,
        "EFS access points and IAM authorization work only over TLS: set transitEncryption to ENABLED.";
    EFS_ACCESS_POINT_ROOT = "efs-access-point-root", Error, Service, "§1.9", false,
        "An access point sets the directory itself: leave rootDirectory out (or \"/\") when using accessPointId.";
    VOLUME_NAME_DUPLICATE = "volume-name-duplicate", Error, Service, "§1.9", false,
        "Volume names must be unique: mount points refer to volumes by name.";
    EXTERNAL_EFS = "external-efs", Error, Service, "§1.9", false,
        "EFS volumes are not supported on EXTERNAL (ECS Anywhere) instances.";
    ROLE_ARN_INVALID = "role-arn-invalid", Error, Service, "§1.8", false,
        "A role is given as an IAM role ARN, arn:aws:iam::<account>:role/<name> (or just the name). Template placeholders must be replaced first.";
    SECRET_VALUE_FROM = "secret-value-from", Error, Service, "§1.8", false,
        "valueFrom is a Secrets Manager secret ARN, an SSM parameter ARN, or the name of an SSM parameter in the same Region (letters, digits, _ . - /).";
    SECRETS_EXECUTION_ROLE = "secrets-execution-role", Error, Service, "§1.8", false,
        "ECS fetches secrets with the task execution role before the container starts, so secrets need executionRoleArn.";
    TASK_SIZE_LIMIT = "task-size-limit", Error, Service, "§1.2", false,
        "A task definition may be at most 64 KiB. Move long values (scripts, configuration) into the image, S3 environment files or SSM parameters.";
    MANAGED_INSTANCES_ONLY = "managed-instances-only", Error, Service, "§1.1", false,
        "trustedExecutionConfiguration applies to Managed Instances only: list MANAGED_INSTANCES in requiresCompatibilities.";
    // Advice: ECS accepts these.
    PLAINTEXT_SECRET = "plaintext-secret", Warning, Advice, "§1.8", false,
        "Anyone who can describe the task definition can read environment values. Keep passwords and keys in Secrets Manager or SSM and reference them from secrets (valueFrom).";
    SHARED_ROLE = "shared-role", Warning, Advice, "§10", false,
        "The execution role is for ECS (pull images, send logs, read secrets); the task role is for your code. One role for both gives your code ECS's permissions: use two roles.";
    IMAGE_LATEST_TAG = "image-latest-tag", Warning, Advice, "§1.2", false,
        "Without a tag Docker pulls latest, which changes under you: two tasks of one revision can run different code. Pin a version tag or a digest.";
    PLACEHOLDER_VALUE = "placeholder-value", Warning, Advice, "§9", false,
        "This looks like a template placeholder (${…}, $$$…$$$, XXXXXXXXXXXX); it must be replaced with a real value before the task can run.";
    DUPLICATE_KEY = "duplicate-key", Warning, Advice, "§9", false,
        "This key appears twice in one object; only the last value counts (the AWS CLI silently drops the other).";
    AWSLOGS_OPTION_UNKNOWN = "awslogs-option-unknown", Warning, Advice, "§1.7", false,
        "awslogs understands awslogs-create-group, awslogs-datetime-format, awslogs-group, awslogs-multiline-pattern, awslogs-region, awslogs-stream-prefix, max-buffer-size and mode; Docker refuses other options when the container starts.";
    AWSLOGS_DATETIME_MULTILINE = "awslogs-datetime-multiline", Warning, Advice, "§1.7", false,
        "awslogs-datetime-format and awslogs-multiline-pattern are mutually exclusive; keep one.";
    DOCKER_AUTOPROVISION_SCOPE = "docker-autoprovision-scope", Warning, Advice, "§1.9", false,
        "autoprovision applies only to shared Docker volumes (scope shared); task-scoped volumes are always created.";
    CONTAINER_MEMORY_TINY = "container-memory-tiny", Warning, Advice, "§1.3", false,
        "Docker needs at least 6 MiB of memory for a container (4 MiB on Docker 19.03 and older); the container would fail to start.";
    REPOSITORY_CREDENTIALS_ROLE = "repository-credentials-role", Warning, Advice, "§1.8", false,
        "ECS reads private registry credentials from Secrets Manager with the task execution role: add executionRoleArn.";
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Position of a rule in [`RULES`] (its reporting order).
pub fn order(rule: &Rule) -> usize {
    RULES.iter().position(|r| r.id == rule.id).unwrap_or(usize::MAX)
}
