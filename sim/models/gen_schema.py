#!/usr/bin/env python3
"""Generates static/schema/task-definition.schema.json: a JSON Schema (draft-07) of the ECS
RegisterTaskDefinition request, for editors (completion and hover through "$schema") and for the
validator in sim/src/validate/ (which compiles it with the `jsonschema` crate).

Sources:
  * sim/models/ecs.json (botocore 1.44.5's ECS model, trimmed by extract.py): every shape reachable from
    RegisterTaskDefinitionRequest, with members in model order, required lists, enums and min/max;
  * CONSTRAINTS below: the limits ECS enforces that the model does not state (ecs-facts.md §1): name
    patterns, health-check ranges, port ranges, ephemeral storage, counts;
  * DESCRIPTIONS below: one short, learner-facing sentence per field, with the fact it comes from
    (`x-fact`, shown by the sandbox's hover help; editors ignore unknown keywords).

The output is committed. Run it again after changing a table or ecs.json:

    python3 sim/models/gen_schema.py

Every object has "additionalProperties": false, as botocore's parameter validation rejects unknown keys.
The top level also allows "$schema", so a file can name this schema for its editor.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "ecs.json")
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "static", "schema", "task-definition.schema.json"))
# The copy the validator compiles (jsonschema's `validator` macro, at build time): no annotations, and no
# `pattern` (the validator checks names and images in Rust, so no regex engine is linked into the page).
RUNTIME_OUT = os.path.normpath(os.path.join(HERE, "..", "src", "validate", "runtime-schema.json"))
ANNOTATIONS = {"description", "x-fact", "x-source", "title", "default"}
ROOT = "RegisterTaskDefinitionRequest"

# Shapes that task-definition-fields.md lists although a task definition does not contain them (RunTask,
# CreateService and capacity providers use them). They are kept under "definitions" so the schema covers
# the whole table; members that lead to further service shapes become plain objects.
SERVICE_SHAPES = [
    "PlacementStrategy", "PlacementConstraint", "CapacityProviderStrategyItem", "DeploymentConfiguration",
    "DeploymentCircuitBreaker", "LoadBalancer", "NetworkConfiguration", "AwsVpcConfiguration",
    "ManagedScaling", "AutoScalingGroupProvider",
]

NAME_PATTERN = "^[a-zA-Z0-9_-]{1,255}$"
# Tag form: up to 255 of letters, digits, - _ : . / # ; digest form: the same before "@sha256:<64 hex>" (§1.2).
IMAGE_PATTERN = "^[a-zA-Z0-9_.:/#-]{1,255}(@sha256:[a-f0-9]{64})?$"
PORT_RANGE_PATTERN = "^[0-9]{1,5}-[0-9]{1,5}$"

# Limits ECS applies beyond the model (ecs-facts.md §1), keyed by (shape, member).
CONSTRAINTS = {
    (ROOT, "family"): {"pattern": NAME_PATTERN},
    (ROOT, "containerDefinitions"): {"minItems": 1, "maxItems": 10},
    ("ContainerDefinition", "name"): {"minLength": 1, "pattern": NAME_PATTERN},
    ("ContainerDefinition", "image"): {"minLength": 1, "pattern": IMAGE_PATTERN},
    ("ContainerDefinition", "cpu"): {"minimum": 0},
    ("ContainerDefinition", "memory"): {"minimum": 0},
    ("ContainerDefinition", "memoryReservation"): {"minimum": 0},
    ("ContainerDefinition", "environmentFiles"): {"maxItems": 10},
    ("PortMapping", "containerPort"): {"minimum": 1, "maximum": 65535},
    ("PortMapping", "hostPort"): {"minimum": 0, "maximum": 65535},
    ("PortMapping", "containerPortRange"): {"pattern": PORT_RANGE_PATTERN},
    ("HealthCheck", "interval"): {"minimum": 5, "maximum": 300},
    ("HealthCheck", "timeout"): {"minimum": 2, "maximum": 60},
    ("HealthCheck", "retries"): {"minimum": 1, "maximum": 10},
    ("HealthCheck", "startPeriod"): {"minimum": 0, "maximum": 300},
    ("HealthCheck", "command"): {"minItems": 1},
    ("EphemeralStorage", "sizeInGiB"): {"minimum": 21, "maximum": 200},
    ("EFSVolumeConfiguration", "transitEncryptionPort"): {"minimum": 1, "maximum": 65535},
}

# Members the model leaves optional but the service requires (ecs-facts.md §1.1).
SERVICE_REQUIRED = {"ContainerDefinition": ["name", "image"]}

# Defaults ECS applies when a member is omitted (ecs-facts.md §1), shown in hover help.
DEFAULTS = {
    (ROOT, "networkMode"): "bridge",
    ("ContainerDefinition", "essential"): True,
    ("PortMapping", "protocol"): "tcp",
    ("HealthCheck", "interval"): 30,
    ("HealthCheck", "timeout"): 5,
    ("HealthCheck", "retries"): 3,
    ("DockerVolumeConfiguration", "scope"): "task",
    ("EFSVolumeConfiguration", "rootDirectory"): "/",
    ("EFSVolumeConfiguration", "transitEncryption"): "DISABLED",
    ("EFSAuthorizationConfig", "iam"): "DISABLED",
    ("EphemeralStorage", "sizeInGiB"): 20,
}

# (description, fact) per shape and member. Facts are sections of ecs-facts.md.
D = {
    ROOT: {
        "": ("The body of `aws ecs register-task-definition --cli-input-json`: a family name and up to 10 "
             "container definitions, plus task-level settings.", "§1.1"),
        "$schema": ("Names this JSON Schema for your editor. Editors use it; the AWS CLI does not accept it, so "
                    "remove it before registering.", "§8.7"),
        "family": ("The task definition's name. Each registration adds a revision (family:1, family:2, ...). Up "
                   "to 255 letters, digits, hyphens and underscores.", "§1.2"),
        "taskRoleArn": ("IAM role the containers' own code assumes to call AWS APIs (S3, DynamoDB, ...). Not the "
                        "execution role.", "§10"),
        "executionRoleArn": ("IAM role ECS itself uses to pull ECR images, send awslogs logs and fetch secrets. "
                             "Required on Fargate with ECR images or awslogs.", "§1.7"),
        "networkMode": ("How containers get their network: awsvpc (own ENI; required on Fargate), bridge (Docker "
                        "bridge, dynamic host ports; the Linux default), host (the instance's network), none.",
                        "§1.4"),
        "containerDefinitions": ("The containers of the task: 1 to 10. At least one must be essential.", "§1.2"),
        "volumes": ("Volumes containers can mount through mountPoints: host paths, Docker volumes, EFS, FSx.",
                    "§1.9"),
        "placementConstraints": ("memberOf constraints (cluster query language) every task of this definition "
                                 "must satisfy. Not supported on Fargate.", "§2.3"),
        "requiresCompatibilities": ("Launch types ECS validates this definition against. List FARGATE to get "
                                    "Fargate's rules checked at registration.", "§1.5"),
        "cpu": ("Task CPU, as a string: units (\"1024\") or vCPU (\"1 vCPU\"). Required on Fargate, where it must "
                "pair with memory from the Fargate table.", "§1.3"),
        "memory": ("Task memory, as a string: MiB (\"2048\") or GB (\"2GB\"). Required on Fargate; on EC2 give it "
                   "here or on every container.", "§1.3"),
        "tags": ("Up to 50 key/value tags for the task definition.", "§1.2"),
        "pidMode": ("Process namespace: host or task. Fargate supports only task.", "§1.5"),
        "ipcMode": ("IPC namespace: host, task or none. Not supported on Fargate.", "§1.5"),
        "proxyConfiguration": ("App Mesh proxy settings (type APPMESH).", "§1.1"),
        "inferenceAccelerators": ("Elastic Inference accelerators for the task.", "§1.1"),
        "ephemeralStorage": ("Fargate task storage: 20 GiB unless you ask for 21 to 200 GiB.", "§1.9"),
        "runtimePlatform": ("CPU architecture and operating system family the task needs.", "§1.1"),
        "enableFaultInjection": ("Lets the task accept fault-injection requests (chaos testing).", "§1.1"),
        "trustedExecutionConfiguration": ("Isolation settings; Managed Instances only.", "§1.1"),
    },
    "ContainerDefinition": {
        "": ("One container of the task: its image, resources, ports, environment and logging.", "§1.1"),
        "name": ("The container's name, unique in the task; links, dependsOn and load balancers refer to it. Up "
                 "to 255 letters, digits, hyphens and underscores. Required by ECS.", "§1.2"),
        "image": ("Image to run: repository[:tag] or repository@sha256:digest; ECR images look like "
                  "<account>.dkr.ecr.<region>.amazonaws.com/<repo>:tag. Required by ECS.", "§1.2"),
        "repositoryCredentials": ("Private registry credentials (a Secrets Manager secret); needs an execution "
                                  "role.", "§1.8"),
        "cpu": ("CPU units for the container (1024 = 1 vCPU), a relative share when CPU is contended.", "§1.3"),
        "memory": ("Hard memory limit in MiB: the container is killed above it.", "§1.3"),
        "memoryReservation": ("Soft memory limit in MiB, what placement reserves; must not exceed memory.",
                              "§1.3"),
        "links": ("Other containers to reach by name (name or name:alias). Bridge mode only.", "§1.4"),
        "portMappings": ("Ports the container listens on and, outside awsvpc, how the host maps them.", "§1.4"),
        "essential": ("If an essential container stops, the whole task stops. Default true; at least one "
                      "container must be essential.", "§1.6"),
        "restartPolicy": ("Restart the container in place when it exits, instead of stopping the task.", "§1.6"),
        "entryPoint": ("Overrides the image's ENTRYPOINT.", "§1.1"),
        "command": ("Overrides the image's CMD.", "§1.1"),
        "environment": ("Plain-text environment variables. Do not put secrets here: use secrets.", "§1.8"),
        "environmentFiles": ("Up to 10 .env files in S3 to load variables from; environment wins on conflict.",
                             "§1.2"),
        "mountPoints": ("Where the task's volumes appear in this container.", "§1.9"),
        "volumesFrom": ("Mount every volume of another container of the task.", "§1.9"),
        "linuxParameters": ("Linux-specific settings: capabilities, devices, init process, tmpfs, swap.", "§1.5"),
        "secrets": ("Environment variables filled from Secrets Manager or SSM Parameter Store at start; needs "
                    "an execution role allowed to read them.", "§1.8"),
        "dependsOn": ("Containers that must reach a condition (START, COMPLETE, SUCCESS, HEALTHY) before this "
                      "one starts.", "§1.6"),
        "startTimeout": ("Seconds to wait for dependencies to be met before giving up on this container.",
                         "§1.6"),
        "stopTimeout": ("Seconds between SIGTERM and SIGKILL when the container is stopped (Fargate: at most "
                        "120).", "§1.6"),
        "versionConsistency": ("enabled resolves the image tag to a digest once, so every task runs the same "
                               "image.", "§1.1"),
        "hostname": ("Container hostname. Not supported in awsvpc mode.", "§1.4"),
        "user": ("User (name, uid, uid:gid) the container runs as.", "§1.1"),
        "workingDirectory": ("Working directory of the command.", "§1.1"),
        "disableNetworking": ("Turns networking off inside the container.", "§1.1"),
        "privileged": ("Gives the container root-like access to the host.", "§1.1"),
        "readonlyRootFilesystem": ("Mounts the root file system read-only.", "§1.1"),
        "dnsServers": ("DNS servers for the container.", "§1.1"),
        "dnsSearchDomains": ("DNS search domains for the container.", "§1.1"),
        "extraHosts": ("Extra /etc/hosts entries. Not supported in awsvpc mode.", "§1.4"),
        "dockerSecurityOptions": ("SELinux/AppArmor labels for Docker. Not on Fargate.", "§1.5"),
        "interactive": ("Keeps stdin open (docker run -i).", "§1.1"),
        "pseudoTerminal": ("Allocates a TTY (docker run -t).", "§1.1"),
        "dockerLabels": ("Docker labels on the container.", "§1.1"),
        "ulimits": ("Resource limits (nofile, nproc, ...) for the container.", "§1.1"),
        "logConfiguration": ("Where the container's output goes: a log driver and its options.", "§1.7"),
        "healthCheck": ("A command ECS runs to decide whether the container is HEALTHY.", "§1.6"),
        "systemControls": ("Kernel parameters (sysctl) for the container.", "§1.1"),
        "resourceRequirements": ("GPUs or inference accelerators the container needs.", "§1.1"),
        "firelensConfiguration": ("Makes this container the FireLens log router (Fluent Bit or Fluentd) for "
                                  "containers using the awsfirelens driver.", "§1.7"),
        "credentialSpecs": ("Active Directory credential specs (gMSA).", "§1.1"),
    },
    "PortMapping": {
        "": ("A port the container listens on.", "§1.4"),
        "containerPort": ("Port inside the container (1-65535).", "§1.4"),
        "hostPort": ("Port on the host. awsvpc and host: omit it or equal containerPort. bridge: 0 or omitted "
                     "gives a dynamic port.", "§1.4"),
        "protocol": ("tcp (default) or udp.", "§1.1"),
        "name": ("Name of the mapping, used by Service Connect.", "§1.1"),
        "appProtocol": ("Application protocol for Service Connect: http, http2 or grpc.", "§1.1"),
        "containerPortRange": ("A range like \"8000-8099\" instead of containerPort (bridge or awsvpc, no "
                               "hostPort).", "§1.4"),
    },
    "LogConfiguration": {
        "": ("A log driver and its options.", "§1.7"),
        "logDriver": ("Log driver. Fargate: awslogs, splunk or awsfirelens. EC2 also json-file, syslog, "
                      "journald, gelf, fluentd.", "§1.7"),
        "options": ("Driver options; awslogs needs awslogs-group and awslogs-region (and on Fargate "
                    "awslogs-stream-prefix).", "§1.7"),
        "secretOptions": ("Secrets passed to the log driver (API keys of a log service).", "§1.7"),
    },
    "HealthCheck": {
        "": ("Container health check. Task health follows the essential containers.", "§1.6"),
        "command": ("Command starting with CMD (run directly) or CMD-SHELL (run by the shell).", "§1.6"),
        "interval": ("Seconds between checks: 5-300, default 30.", "§1.6"),
        "timeout": ("Seconds a check may take: 2-60, default 5.", "§1.6"),
        "retries": ("Failures in a row before UNHEALTHY: 1-10, default 3.", "§1.6"),
        "startPeriod": ("Grace period in seconds before failures count: 0-300.", "§1.6"),
    },
    "Secret": {
        "": ("An environment variable (or log option) filled from a secret.", "§1.8"),
        "name": ("Name of the environment variable or log option to set.", "§1.8"),
        "valueFrom": ("Secrets Manager secret ARN (optionally :json-key:stage:version) or SSM parameter ARN or "
                      "name.", "§1.8"),
    },
    "KeyValuePair": {
        "": ("A name and a value.", "§1.8"),
        "name": ("Variable name.", "§1.8"),
        "value": ("Variable value, in plain text.", "§1.8"),
    },
    "EnvironmentFile": {
        "": ("An S3 object holding VARIABLE=value lines.", "§1.2"),
        "value": ("S3 object ARN of the .env file.", "§1.2"),
        "type": ("Where the file lives: s3.", "§1.2"),
    },
    "MountPoint": {
        "": ("Mounts one of the task's volumes in the container.", "§1.9"),
        "sourceVolume": ("Name of a volume declared in the task's volumes.", "§1.9"),
        "containerPath": ("Path inside the container.", "§1.9"),
        "readOnly": ("Mount read-only.", "§1.9"),
    },
    "VolumeFrom": {
        "": ("Mounts another container's volumes.", "§1.9"),
        "sourceContainer": ("Name of another container in the same task.", "§1.9"),
        "readOnly": ("Mount read-only.", "§1.9"),
    },
    "ContainerDependency": {
        "": ("Wait for another container before starting.", "§1.6"),
        "containerName": ("The container to wait for.", "§1.6"),
        "condition": ("START (started), COMPLETE (exited), SUCCESS (exited 0; not on essential containers), "
                      "HEALTHY (passes its healthCheck).", "§1.6"),
    },
    "LinuxParameters": {
        "": ("Linux-specific container settings.", "§1.5"),
        "capabilities": ("Linux capabilities to add or drop. Fargate can add only SYS_PTRACE.", "§1.5"),
        "devices": ("Host devices to expose. Not on Fargate.", "§1.5"),
        "initProcessEnabled": ("Runs an init process (PID 1) that reaps zombies and forwards signals.", "§1.1"),
        "sharedMemorySize": ("Size of /dev/shm in MiB. Not on Fargate.", "§1.5"),
        "tmpfs": ("tmpfs mounts. Not on Fargate.", "§1.5"),
        "maxSwap": ("Swap the container may use, in MiB. Not on Fargate.", "§1.5"),
        "swappiness": ("Swap tendency 0-100. Not on Fargate.", "§1.5"),
    },
    "KernelCapabilities": {
        "": ("Linux capabilities.", "§1.5"),
        "add": ("Capabilities to add (e.g. SYS_PTRACE).", "§1.5"),
        "drop": ("Capabilities to drop.", "§1.5"),
    },
    "Tmpfs": {
        "": ("A tmpfs mount.", "§1.5"),
        "containerPath": ("Mount path in the container.", "§1.5"),
        "size": ("Size in MiB.", "§1.5"),
        "mountOptions": ("Mount options (e.g. noexec).", "§1.5"),
    },
    "Device": {
        "": ("A host device exposed to the container.", "§1.5"),
        "hostPath": ("Device path on the host.", "§1.5"),
        "containerPath": ("Device path in the container.", "§1.5"),
        "permissions": ("read, write and/or mknod.", "§1.1"),
    },
    "Ulimit": {
        "": ("A resource limit.", "§1.1"),
        "name": ("Which limit (nofile, nproc, ...).", "§1.1"),
        "softLimit": ("Soft limit.", "§1.1"),
        "hardLimit": ("Hard limit.", "§1.1"),
    },
    "ResourceRequirement": {
        "": ("A GPU, inference accelerator or Neuron device the container needs.", "§1.1"),
        "value": ("How many GPUs (as a string), or the accelerator's deviceName.", "§1.1"),
        "type": ("GPU, InferenceAccelerator or NeuronDevice.", "§1.1"),
        "sharingStrategy": ("How a GPU is shared between containers (NVIDIA MPS).", "§1.1"),
    },
    "SharingStrategy": {
        "": ("GPU sharing: set exactly one member.", "§1.1"),
        "nvidiaMps": ("Share the GPU with NVIDIA MPS.", "§1.1"),
    },
    "NvidiaMpsAllocation": {
        "": ("This container's share of an MPS-shared GPU.", "§1.1"),
        "memory": ("GPU memory in MiB (at least 1).", "§1.1"),
        "maxComputePercent": ("Share of the GPU's compute, 1-100 percent.", "§1.1"),
    },
    "FirelensConfiguration": {
        "": ("Makes the container the FireLens log router.", "§1.7"),
        "type": ("fluentbit or fluentd.", "§1.7"),
        "options": ("Router options, e.g. enable-ecs-log-metadata, config-file-type (file only on Fargate) and "
                    "config-file-value.", "§1.5"),
    },
    "RepositoryCredentials": {
        "": ("Credentials for a private registry.", "§1.8"),
        "credentialsParameter": ("Secrets Manager secret ARN (or name in the same Region) holding the registry "
                                 "login.", "§1.8"),
    },
    "ContainerRestartPolicy": {
        "": ("Restart the container in place when it exits.", "§1.6"),
        "enabled": ("Turns the restart policy on.", "§1.6"),
        "ignoredExitCodes": ("Exit codes that do not trigger a restart.", "§1.6"),
        "restartAttemptPeriod": ("Seconds the container must run before a restart is allowed again.", "§1.6"),
    },
    "SystemControl": {
        "": ("A kernel parameter.", "§1.1"),
        "namespace": ("sysctl name, e.g. net.core.somaxconn.", "§1.1"),
        "value": ("sysctl value.", "§1.1"),
    },
    "HostEntry": {
        "": ("An /etc/hosts line.", "§1.4"),
        "hostname": ("Host name.", "§1.4"),
        "ipAddress": ("IP address.", "§1.4"),
    },
    "Volume": {
        "": ("A volume containers can mount. Give at most one of host, dockerVolumeConfiguration, "
             "efsVolumeConfiguration, fsx... (none: a Docker-managed scratch volume).", "§1.9"),
        "name": ("Name that mountPoints' sourceVolume refers to.", "§1.9"),
        "host": ("Bind mount of a host path (or, with no sourcePath, a scratch volume). No sourcePath on "
                 "Fargate.", "§1.9"),
        "dockerVolumeConfiguration": ("A Docker volume (driver, scope). Not on Fargate.", "§1.9"),
        "efsVolumeConfiguration": ("An Amazon EFS file system.", "§1.9"),
        "s3filesVolumeConfiguration": ("An S3 Files file system.", "§1.1"),
        "fsxWindowsFileServerVolumeConfiguration": ("An FSx for Windows File Server share.", "§1.1"),
        "configuredAtLaunch": ("The volume (EBS) is configured when the task is run or the service created.",
                               "§1.1"),
    },
    "HostVolumeProperties": {
        "": ("A host volume.", "§1.9"),
        "sourcePath": ("Host path to bind-mount; omit it for a scratch volume. Not on Fargate.", "§1.9"),
    },
    "DockerVolumeConfiguration": {
        "": ("A Docker volume.", "§1.9"),
        "scope": ("task: removed when the task stops; shared: kept.", "§1.9"),
        "autoprovision": ("Create the volume if missing; only with scope shared.", "§1.9"),
        "driver": ("Volume driver (Windows: local only).", "§1.9"),
        "driverOpts": ("Driver options.", "§1.9"),
        "labels": ("Volume labels.", "§1.9"),
    },
    "EFSVolumeConfiguration": {
        "": ("An EFS file system. The mount target's security group must allow NFS (TCP 2049).", "§1.9"),
        "fileSystemId": ("EFS file system id, fs-....", "§1.9"),
        "rootDirectory": ("Directory of the file system to mount; default /. Must be / or omitted with an "
                          "access point.", "§1.9"),
        "transitEncryption": ("ENABLED encrypts NFS traffic; required with an access point or IAM "
                              "authorization.", "§1.9"),
        "transitEncryptionPort": ("Port for the encrypted NFS traffic; the mount helper picks one if "
                                  "omitted.", "§1.9"),
        "authorizationConfig": ("Access point and IAM authorization.", "§1.9"),
    },
    "EFSAuthorizationConfig": {
        "": ("EFS authorization.", "§1.9"),
        "accessPointId": ("EFS access point id, fsap-... (needs transitEncryption ENABLED).", "§1.9"),
        "iam": ("ENABLED mounts with the task role (needs transitEncryption ENABLED).", "§1.9"),
    },
    "S3FilesVolumeConfiguration": {
        "": ("An S3 Files volume.", "§1.1"),
        "fileSystemArn": ("ARN of the S3 Files file system.", "§1.1"),
        "rootDirectory": ("Directory to mount.", "§1.1"),
        "transitEncryptionPort": ("Port for encrypted traffic.", "§1.1"),
        "accessPointArn": ("Access point ARN.", "§1.1"),
    },
    "FSxWindowsFileServerVolumeConfiguration": {
        "": ("An FSx for Windows File Server volume (Windows tasks).", "§1.1"),
        "fileSystemId": ("FSx file system id.", "§1.1"),
        "rootDirectory": ("Directory of the share to mount.", "§1.1"),
        "authorizationConfig": ("Domain and credentials secret used to mount.", "§1.1"),
    },
    "FSxWindowsFileServerAuthorizationConfig": {
        "": ("FSx authorization.", "§1.1"),
        "credentialsParameter": ("Secret or SSM parameter ARN holding the domain credentials.", "§1.1"),
        "domain": ("Active Directory domain.", "§1.1"),
    },
    "TaskDefinitionPlacementConstraint": {
        "": ("A placement constraint of the task definition.", "§2.3"),
        "type": ("memberOf (the only type allowed in a task definition).", "§2.3"),
        "expression": ("Cluster query language expression, e.g. attribute:ecs.instance-type =~ t3.*", "§2.3"),
    },
    "ProxyConfiguration": {
        "": ("App Mesh proxy configuration.", "§1.1"),
        "type": ("APPMESH.", "§1.1"),
        "containerName": ("Name of the proxy container.", "§1.1"),
        "properties": ("Proxy settings as name/value pairs.", "§1.1"),
    },
    "EphemeralStorage": {
        "": ("Fargate ephemeral storage.", "§1.9"),
        "sizeInGiB": ("21-200 GiB (20 GiB if omitted).", "§1.9"),
    },
    "RuntimePlatform": {
        "": ("Platform the task needs.", "§1.1"),
        "cpuArchitecture": ("X86_64 or ARM64 (Graviton).", "§1.1"),
        "operatingSystemFamily": ("LINUX or a WINDOWS_SERVER_* family. Windows on Fargate needs at least 1 "
                                  "vCPU.", "§1.3"),
    },
    "InferenceAccelerator": {
        "": ("An Elastic Inference accelerator.", "§1.1"),
        "deviceName": ("Name containers' resourceRequirements refer to.", "§1.1"),
        "deviceType": ("Accelerator type, e.g. eia2.medium.", "§1.1"),
    },
    "Tag": {
        "": ("A tag.", "§1.2"),
        "key": ("Tag key, 1-128 characters.", "§1.2"),
        "value": ("Tag value, 0-256 characters.", "§1.2"),
    },
    "TrustedExecutionConfiguration": {
        "": ("Isolation of the task (Managed Instances).", "§1.1"),
        "isolationMode": ("SHARED, ISOLATED_SANDBOX or CONFIDENTIAL_SANDBOX.", "§1.1"),
        "attestationPolicy": ("Attestation policy for confidential sandboxes.", "§1.1"),
    },
    # Service-side shapes (not part of a task definition).
    "PlacementStrategy": {
        "": ("RunTask/CreateService placement strategy (not part of a task definition).", "§2.2"),
        "type": ("random, spread or binpack.", "§2.2"),
        "field": ("What to spread or binpack on: instanceId, attribute:..., cpu or memory.", "§2.2"),
    },
    "PlacementConstraint": {
        "": ("RunTask/CreateService placement constraint (not part of a task definition).", "§2.3"),
        "type": ("distinctInstance or memberOf.", "§2.3"),
        "expression": ("Cluster query language expression (memberOf).", "§2.3"),
    },
    "CapacityProviderStrategyItem": {
        "": ("One capacity provider of a strategy (RunTask/CreateService).", "§3.5"),
        "capacityProvider": ("Capacity provider name.", "§3.5"),
        "weight": ("Relative share of tasks, 0-1000.", "§3.5"),
        "base": ("Tasks placed here first, 0-100000.", "§3.5"),
    },
    "DeploymentConfiguration": {
        "": ("How a service rolls out a new task definition (CreateService/UpdateService).", "§3.2"),
        "deploymentCircuitBreaker": ("Stops (and optionally rolls back) a failing deployment.", "§3.2"),
        "maximumPercent": ("Upper limit of running tasks during a deployment, % of desired (default 200).",
                           "§3.2"),
        "minimumHealthyPercent": ("Lower limit of healthy tasks during a deployment, % of desired (default "
                                  "100).", "§3.2"),
        "alarms": ("CloudWatch alarms that fail the deployment.", "§3.2"),
        "strategy": ("ROLLING, BLUE_GREEN, LINEAR or CANARY.", "§3.2"),
        "bakeTimeInMinutes": ("Minutes to keep the old version after shifting traffic.", "§3.2"),
        "lifecycleHooks": ("Lambda hooks run at deployment stages.", "§3.2"),
        "linearConfiguration": ("Traffic steps of a LINEAR deployment.", "§3.2"),
        "canaryConfiguration": ("Canary step of a CANARY deployment.", "§3.2"),
        "earlySuccessCriteria": ("When a deployment may finish early.", "§3.2"),
    },
    "DeploymentCircuitBreaker": {
        "": ("Deployment circuit breaker.", "§3.2"),
        "enable": ("Turns the circuit breaker on.", "§3.2"),
        "rollback": ("Roll back to the last COMPLETED deployment on failure.", "§3.2"),
        "resetOnHealthyTask": ("Reset the failure count when a task becomes healthy.", "§3.2"),
        "thresholdConfiguration": ("Failure threshold settings.", "§3.2"),
    },
    "LoadBalancer": {
        "": ("A load balancer target for a service's tasks.", "§4"),
        "targetGroupArn": ("Target group ARN (ALB/NLB).", "§4"),
        "loadBalancerName": ("Classic Load Balancer name.", "§4"),
        "containerName": ("Container to register.", "§4"),
        "containerPort": ("Its containerPort to register.", "§4"),
        "advancedConfiguration": ("Blue/green settings.", "§4"),
    },
    "NetworkConfiguration": {
        "": ("Network settings of a task or service (awsvpc).", "§1.4"),
        "awsvpcConfiguration": ("Subnets, security groups and public IP.", "§1.4"),
    },
    "AwsVpcConfiguration": {
        "": ("awsvpc network settings.", "§1.4"),
        "subnets": ("Up to 16 subnets, all in one VPC.", "§1.4"),
        "securityGroups": ("Up to 5 security groups (default: the VPC's default group).", "§1.4"),
        "assignPublicIp": ("ENABLED or DISABLED (default).", "§1.4"),
    },
    "ManagedScaling": {
        "": ("Managed scaling of an Auto Scaling group capacity provider.", "§3.5"),
        "status": ("ENABLED or DISABLED.", "§3.5"),
        "targetCapacity": ("Target utilization, 1-100 %.", "§3.5"),
        "minimumScalingStepSize": ("Fewest instances added or removed at once, 1-10000.", "§3.5"),
        "maximumScalingStepSize": ("Most instances added or removed at once, 1-10000.", "§3.5"),
        "instanceWarmupPeriod": ("Seconds a new instance needs before it counts, 0-10000.", "§3.5"),
    },
    "AutoScalingGroupProvider": {
        "": ("An Auto Scaling group behind a capacity provider.", "§3.5"),
        "autoScalingGroupArn": ("Auto Scaling group ARN or name.", "§3.5"),
        "managedScaling": ("Managed scaling settings.", "§3.5"),
        "managedTerminationProtection": ("Protects instances running tasks from scale-in.", "§3.5"),
        "managedDraining": ("Drains instances before they are terminated.", "§3.5"),
    },
}


def load_model():
    with open(MODEL) as f:
        return json.load(f)["shapes"]


def describe(target, shape, member):
    text, fact = D[shape][member]
    target["description"] = text
    target["x-fact"] = fact


class Generator:
    def __init__(self, shapes):
        self.shapes = shapes
        self.definitions = {}
        self.order = []
        self.service = set(SERVICE_SHAPES)

    def kind(self, shape_name, owner):
        """The schema of a value of model shape `shape_name`; structures become $refs."""
        s = self.shapes[shape_name]
        t = s["type"]
        if t == "structure":
            if owner in self.service and shape_name not in self.service:
                return {"type": "object", "description": f"ECS API shape {shape_name} (not expanded here)."}
            self.structure(shape_name)
            return {"$ref": f"#/definitions/{shape_name}"}
        if t == "list":
            out = {"type": "array", "items": self.kind(s["member"], owner)}
            if "min" in s:
                out["minItems"] = s["min"]
            if "max" in s:
                out["maxItems"] = s["max"]
            return out
        if t == "map":
            return {"type": "object", "additionalProperties": self.kind(s["value"], owner)}
        if t == "string":
            out = {"type": "string"}
            if "enum" in s:
                out["enum"] = s["enum"]
            if "min" in s and s["min"] > 0:
                out["minLength"] = s["min"]
            if "max" in s:
                out["maxLength"] = s["max"]
            # The model's only pattern here (tag keys and values, `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`) needs Unicode
            # property classes, which editors' regex engines read differently; the validator checks it in Rust.
            return out
        if t in ("integer", "long"):
            out = {"type": "integer"}
            if "min" in s:
                out["minimum"] = s["min"]
            if "max" in s:
                out["maximum"] = s["max"]
            return out
        if t == "boolean":
            return {"type": "boolean"}
        raise ValueError(f"unhandled shape type {t} ({shape_name})")

    def object_schema(self, name):
        s = self.shapes[name]
        out = {"type": "object"}
        describe(out, name, "")
        props = {}
        for member, member_shape in ((m[0], m[1]) for m in s["members"]):
            prop = self.kind(member_shape, name)
            if "$ref" not in prop:
                prop.update(CONSTRAINTS.get((name, member), {}))
            if (name, member) in DEFAULTS:
                prop["default"] = DEFAULTS[(name, member)]
            describe(prop, name, member)
            props[member] = prop
        required = list(s.get("required", [])) + SERVICE_REQUIRED.get(name, [])
        if required:
            out["required"] = required
        if s.get("union"):
            # A tagged union: exactly one member set (botocore checks this client-side).
            out["minProperties"] = 1
            out["maxProperties"] = 1
        out["properties"] = props
        out["additionalProperties"] = False
        missing = set(D[name]) - {"", "$schema"} - set(props)
        if missing:
            raise ValueError(f"descriptions for unknown members of {name}: {sorted(missing)}")
        return out

    def structure(self, name):
        if name in self.definitions or name == ROOT:
            return
        self.definitions[name] = None  # reserve the slot (and the order) before recursing
        self.order.append(name)
        self.definitions[name] = self.object_schema(name)


def runtime_copy(schema):
    """`schema` without annotations and patterns (the names under "properties" are kept as they are)."""
    if isinstance(schema, list):
        return [runtime_copy(x) for x in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key in ANNOTATIONS or key == "pattern":
            continue
        if key in ("properties", "definitions"):
            out[key] = {name: runtime_copy(sub) for name, sub in value.items()}
        else:
            out[key] = runtime_copy(value)
    return out


def main():
    shapes = load_model()
    gen = Generator(shapes)
    root = gen.object_schema(ROOT)
    for name in SERVICE_SHAPES:
        gen.structure(name)
    schema_prop = {"type": "string"}
    describe(schema_prop, ROOT, "$schema")
    properties = {"$schema": schema_prop}
    properties.update(root["properties"])
    out = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Amazon ECS task definition (RegisterTaskDefinition request)",
        "description": root["description"],
        "x-fact": root["x-fact"],
        "x-source": "Generated by sim/models/gen_schema.py from botocore 1.44.5's ECS model and ecs-facts.md; "
                    "do not edit by hand.",
        "type": "object",
        "required": root["required"],
        "properties": properties,
        "additionalProperties": False,
        "definitions": {name: gen.definitions[name] for name in gen.order},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{OUT}: {len(out['definitions'])} definitions, {os.path.getsize(OUT)} bytes")
    runtime = runtime_copy(out)
    # Only what a task definition reaches (not the service shapes kept for the field table).
    runtime["definitions"] = {n: d for n, d in runtime["definitions"].items() if n not in SERVICE_SHAPES}
    with open(RUNTIME_OUT, "w") as f:
        json.dump(runtime, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"{RUNTIME_OUT}: {os.path.getsize(RUNTIME_OUT)} bytes")


if __name__ == "__main__":
    main()
