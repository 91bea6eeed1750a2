//! Static descriptions of the top-level `RegisterTaskDefinitionRequest`, the volume shapes
//! and the other task-level shapes, in API-model member order (see the parent module).

use super::Kind::{Boolean as B, Integer as I, String as S, StringMap as M};
use super::container::{CONTAINER_DEFINITION, KEY_VALUE_PAIR};
use super::{Kind, Member, Shape, opt, req, shape};
use crate::task_definition::request::{COMPATIBILITIES, IPC_MODES, NETWORK_MODES, PID_MODES};
use crate::task_definition::task_parts::*;
use crate::task_definition::volumes::*;
pub static REGISTER_TASK_DEFINITION_REQUEST: Shape = shape(
    "RegisterTaskDefinitionRequest",
    &[
        req("family", S),
        opt("taskRoleArn", S),
        opt("executionRoleArn", S),
        opt("networkMode", Kind::Enum(NETWORK_MODES)),
        req(
            "containerDefinitions",
            Kind::List(&Kind::Structure(&CONTAINER_DEFINITION)),
        ),
        opt("volumes", Kind::List(&Kind::Structure(&VOLUME))),
        opt(
            "placementConstraints",
            Kind::List(&Kind::Structure(&PLACEMENT_CONSTRAINT)),
        ),
        opt(
            "requiresCompatibilities",
            Kind::List(&Kind::Enum(COMPATIBILITIES)),
        ),
        opt("cpu", S),
        opt("memory", S),
        Member {
            name: "tags",
            kind: Kind::List(&Kind::Structure(&TAG)),
            required: false,
            min: Some(0),
        },
        opt("pidMode", Kind::Enum(PID_MODES)),
        opt("ipcMode", Kind::Enum(IPC_MODES)),
        opt("proxyConfiguration", Kind::Structure(&PROXY_CONFIGURATION)),
        opt(
            "inferenceAccelerators",
            Kind::List(&Kind::Structure(&INFERENCE_ACCELERATOR)),
        ),
        opt("ephemeralStorage", Kind::Structure(&EPHEMERAL_STORAGE)),
        opt("runtimePlatform", Kind::Structure(&RUNTIME_PLATFORM)),
        opt("enableFaultInjection", B),
        opt(
            "trustedExecutionConfiguration",
            Kind::Structure(&TRUSTED_EXECUTION_CONFIGURATION),
        ),
    ],
);

pub static VOLUME: Shape = shape(
    "Volume",
    &[
        opt("name", S),
        opt("host", Kind::Structure(&HOST_VOLUME_PROPERTIES)),
        opt(
            "dockerVolumeConfiguration",
            Kind::Structure(&DOCKER_VOLUME_CONFIGURATION),
        ),
        opt(
            "efsVolumeConfiguration",
            Kind::Structure(&EFS_VOLUME_CONFIGURATION),
        ),
        opt(
            "s3filesVolumeConfiguration",
            Kind::Structure(&S3FILES_VOLUME_CONFIGURATION),
        ),
        opt(
            "fsxWindowsFileServerVolumeConfiguration",
            Kind::Structure(&FSX_VOLUME_CONFIGURATION),
        ),
        opt("configuredAtLaunch", B),
    ],
);

pub static HOST_VOLUME_PROPERTIES: Shape = shape("HostVolumeProperties", &[opt("sourcePath", S)]);

pub static DOCKER_VOLUME_CONFIGURATION: Shape = shape(
    "DockerVolumeConfiguration",
    &[
        opt("scope", Kind::Enum(SCOPES)),
        opt("autoprovision", B),
        opt("driver", S),
        opt("driverOpts", M),
        opt("labels", M),
    ],
);

pub static EFS_VOLUME_CONFIGURATION: Shape = shape(
    "EFSVolumeConfiguration",
    &[
        req("fileSystemId", S),
        opt("rootDirectory", S),
        opt(
            "transitEncryption",
            Kind::Enum(EFS_TRANSIT_ENCRYPTION_VALUES),
        ),
        opt("transitEncryptionPort", I),
        opt(
            "authorizationConfig",
            Kind::Structure(&EFS_AUTHORIZATION_CONFIG),
        ),
    ],
);

pub static EFS_AUTHORIZATION_CONFIG: Shape = shape(
    "EFSAuthorizationConfig",
    &[
        opt("accessPointId", S),
        opt("iam", Kind::Enum(EFS_AUTHORIZATION_CONFIG_IAM_VALUES)),
    ],
);

pub static S3FILES_VOLUME_CONFIGURATION: Shape = shape(
    "S3FilesVolumeConfiguration",
    &[
        req("fileSystemArn", S),
        opt("rootDirectory", S),
        opt("transitEncryptionPort", I),
        opt("accessPointArn", S),
    ],
);

pub static FSX_VOLUME_CONFIGURATION: Shape = shape(
    "FSxWindowsFileServerVolumeConfiguration",
    &[
        req("fileSystemId", S),
        req("rootDirectory", S),
        req(
            "authorizationConfig",
            Kind::Structure(&FSX_AUTHORIZATION_CONFIG),
        ),
    ],
);

pub static FSX_AUTHORIZATION_CONFIG: Shape = shape(
    "FSxWindowsFileServerAuthorizationConfig",
    &[req("credentialsParameter", S), req("domain", S)],
);

pub static PLACEMENT_CONSTRAINT: Shape = shape(
    "TaskDefinitionPlacementConstraint",
    &[
        opt(
            "type",
            Kind::Enum(TASK_DEFINITION_PLACEMENT_CONSTRAINT_TYPES),
        ),
        opt("expression", S),
    ],
);

pub static PROXY_CONFIGURATION: Shape = shape(
    "ProxyConfiguration",
    &[
        opt("type", Kind::Enum(PROXY_CONFIGURATION_TYPES)),
        req("containerName", S),
        opt("properties", Kind::List(&Kind::Structure(&KEY_VALUE_PAIR))),
    ],
);

pub static EPHEMERAL_STORAGE: Shape = shape("EphemeralStorage", &[req("sizeInGiB", I)]);

pub static RUNTIME_PLATFORM: Shape = shape(
    "RuntimePlatform",
    &[
        opt("cpuArchitecture", Kind::Enum(CPU_ARCHITECTURES)),
        opt("operatingSystemFamily", Kind::Enum(OS_FAMILIES)),
    ],
);

pub static INFERENCE_ACCELERATOR: Shape = shape(
    "InferenceAccelerator",
    &[req("deviceName", S), req("deviceType", S)],
);

pub static TAG: Shape = shape(
    "Tag",
    &[
        Member {
            name: "key",
            kind: S,
            required: false,
            min: Some(1),
        },
        Member {
            name: "value",
            kind: S,
            required: false,
            min: Some(0),
        },
    ],
);

pub static TRUSTED_EXECUTION_CONFIGURATION: Shape = shape(
    "TrustedExecutionConfiguration",
    &[
        req("isolationMode", Kind::Enum(ISOLATION_MODES)),
        opt("attestationPolicy", S),
    ],
);
