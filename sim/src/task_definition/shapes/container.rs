//! Static descriptions of `ContainerDefinition` and every shape nested in it, in API-model
//! member order (see the parent module).

use super::Kind::{Boolean as B, Integer as I, String as S, StringMap as M};
use super::{Kind, Member, STRINGS, Shape, opt, req, shape};
use crate::task_definition::container_parts::*;
use crate::task_definition::linux_parts::*;
use crate::task_definition::request::VERSION_CONSISTENCY_VALUES;

pub static CONTAINER_DEFINITION: Shape = shape(
    "ContainerDefinition",
    &[
        opt("name", S),
        opt("image", S),
        opt(
            "repositoryCredentials",
            Kind::Structure(&REPOSITORY_CREDENTIALS),
        ),
        opt("cpu", I),
        opt("memory", I),
        opt("memoryReservation", I),
        opt("links", STRINGS),
        opt("portMappings", Kind::List(&Kind::Structure(&PORT_MAPPING))),
        opt("essential", B),
        opt("restartPolicy", Kind::Structure(&CONTAINER_RESTART_POLICY)),
        opt("entryPoint", STRINGS),
        opt("command", STRINGS),
        opt("environment", Kind::List(&Kind::Structure(&KEY_VALUE_PAIR))),
        opt(
            "environmentFiles",
            Kind::List(&Kind::Structure(&ENVIRONMENT_FILE)),
        ),
        opt("mountPoints", Kind::List(&Kind::Structure(&MOUNT_POINT))),
        opt("volumesFrom", Kind::List(&Kind::Structure(&VOLUME_FROM))),
        opt("linuxParameters", Kind::Structure(&LINUX_PARAMETERS)),
        opt("secrets", Kind::List(&Kind::Structure(&SECRET))),
        opt(
            "dependsOn",
            Kind::List(&Kind::Structure(&CONTAINER_DEPENDENCY)),
        ),
        opt("startTimeout", I),
        opt("stopTimeout", I),
        opt("versionConsistency", Kind::Enum(VERSION_CONSISTENCY_VALUES)),
        opt("hostname", S),
        opt("user", S),
        opt("workingDirectory", S),
        opt("disableNetworking", B),
        opt("privileged", B),
        opt("readonlyRootFilesystem", B),
        opt("dnsServers", STRINGS),
        opt("dnsSearchDomains", STRINGS),
        opt("extraHosts", Kind::List(&Kind::Structure(&HOST_ENTRY))),
        opt("dockerSecurityOptions", STRINGS),
        opt("interactive", B),
        opt("pseudoTerminal", B),
        opt("dockerLabels", M),
        opt("ulimits", Kind::List(&Kind::Structure(&ULIMIT))),
        opt("logConfiguration", Kind::Structure(&LOG_CONFIGURATION)),
        opt("healthCheck", Kind::Structure(&HEALTH_CHECK)),
        opt(
            "systemControls",
            Kind::List(&Kind::Structure(&SYSTEM_CONTROL)),
        ),
        opt(
            "resourceRequirements",
            Kind::List(&Kind::Structure(&RESOURCE_REQUIREMENT)),
        ),
        opt(
            "firelensConfiguration",
            Kind::Structure(&FIRELENS_CONFIGURATION),
        ),
        opt("credentialSpecs", STRINGS),
    ],
);

pub static PORT_MAPPING: Shape = shape(
    "PortMapping",
    &[
        opt("containerPort", I),
        opt("hostPort", I),
        opt("protocol", Kind::Enum(TRANSPORT_PROTOCOLS)),
        opt("name", S),
        opt("appProtocol", Kind::Enum(APPLICATION_PROTOCOLS)),
        opt("containerPortRange", S),
    ],
);

pub static LOG_CONFIGURATION: Shape = shape(
    "LogConfiguration",
    &[
        req("logDriver", Kind::Enum(LOG_DRIVERS)),
        opt("options", M),
        opt("secretOptions", Kind::List(&Kind::Structure(&SECRET))),
    ],
);

pub static HEALTH_CHECK: Shape = shape(
    "HealthCheck",
    &[
        req("command", STRINGS),
        opt("interval", I),
        opt("timeout", I),
        opt("retries", I),
        opt("startPeriod", I),
    ],
);

pub static SECRET: Shape = shape("Secret", &[req("name", S), req("valueFrom", S)]);

pub static KEY_VALUE_PAIR: Shape = shape("KeyValuePair", &[opt("name", S), opt("value", S)]);

pub static ENVIRONMENT_FILE: Shape = shape(
    "EnvironmentFile",
    &[
        req("value", S),
        req("type", Kind::Enum(ENVIRONMENT_FILE_TYPES)),
    ],
);

pub static MOUNT_POINT: Shape = shape(
    "MountPoint",
    &[
        opt("sourceVolume", S),
        opt("containerPath", S),
        opt("readOnly", B),
    ],
);

pub static VOLUME_FROM: Shape = shape(
    "VolumeFrom",
    &[opt("sourceContainer", S), opt("readOnly", B)],
);

pub static CONTAINER_DEPENDENCY: Shape = shape(
    "ContainerDependency",
    &[
        req("containerName", S),
        req("condition", Kind::Enum(CONTAINER_CONDITIONS)),
    ],
);

pub static HOST_ENTRY: Shape = shape("HostEntry", &[req("hostname", S), req("ipAddress", S)]);

pub static RESOURCE_REQUIREMENT: Shape = shape(
    "ResourceRequirement",
    &[
        opt("value", S),
        req("type", Kind::Enum(RESOURCE_TYPES)),
        opt("sharingStrategy", Kind::Structure(&SHARING_STRATEGY)),
    ],
);

pub static SHARING_STRATEGY: Shape = Shape {
    name: "SharingStrategy",
    members: &[opt("nvidiaMps", Kind::Structure(&NVIDIA_MPS_ALLOCATION))],
    union: true,
};

pub static NVIDIA_MPS_ALLOCATION: Shape = shape(
    "NvidiaMpsAllocation",
    &[
        Member {
            name: "memory",
            kind: I,
            required: true,
            min: Some(1),
        },
        opt("maxComputePercent", I),
    ],
);

pub static FIRELENS_CONFIGURATION: Shape = shape(
    "FirelensConfiguration",
    &[
        req("type", Kind::Enum(FIRELENS_CONFIGURATION_TYPES)),
        opt("options", M),
    ],
);

pub static REPOSITORY_CREDENTIALS: Shape =
    shape("RepositoryCredentials", &[req("credentialsParameter", S)]);

pub static CONTAINER_RESTART_POLICY: Shape = shape(
    "ContainerRestartPolicy",
    &[
        req("enabled", B),
        opt("ignoredExitCodes", Kind::List(&I)),
        opt("restartAttemptPeriod", I),
    ],
);

pub static SYSTEM_CONTROL: Shape = shape("SystemControl", &[opt("namespace", S), opt("value", S)]);

pub static LINUX_PARAMETERS: Shape = shape(
    "LinuxParameters",
    &[
        opt("capabilities", Kind::Structure(&KERNEL_CAPABILITIES)),
        opt("devices", Kind::List(&Kind::Structure(&DEVICE))),
        opt("initProcessEnabled", B),
        opt("sharedMemorySize", I),
        opt("tmpfs", Kind::List(&Kind::Structure(&TMPFS))),
        opt("maxSwap", I),
        opt("swappiness", I),
    ],
);

pub static KERNEL_CAPABILITIES: Shape = shape(
    "KernelCapabilities",
    &[opt("add", STRINGS), opt("drop", STRINGS)],
);

pub static DEVICE: Shape = shape(
    "Device",
    &[
        req("hostPath", S),
        opt("containerPath", S),
        opt(
            "permissions",
            Kind::List(&Kind::Enum(DEVICE_CGROUP_PERMISSIONS)),
        ),
    ],
);

pub static TMPFS: Shape = shape(
    "Tmpfs",
    &[
        req("containerPath", S),
        req("size", I),
        opt("mountOptions", STRINGS),
    ],
);

pub static ULIMIT: Shape = shape(
    "Ulimit",
    &[
        req("name", Kind::Enum(ULIMIT_NAMES)),
        req("softLimit", I),
        req("hardLimit", I),
    ],
);
