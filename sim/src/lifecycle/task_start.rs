//! What ECS does for a task between PENDING and RUNNING, with the identity it uses for each step, and the
//! ways each fails (ecs-facts.md §1.7, §1.8, §3.3, §5, §6):
//!
//! 1. **Execution resources**: registry authorization for private ECR images and the `secrets`, fetched
//!    with the execution role (Fargate, or EC2 with `executionRoleArn`), else on EC2 the instance role.
//! 2. **Image pull**: `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` on the repository, and the image
//!    must exist. A Fargate task without a public IP in the default VPC's public subnets has no route out
//!    (no NAT gateway, no VPC endpoints), so every pull and fetch times out.
//! 3. **Logging**: the awslogs driver needs the log group (or `awslogs-create-group` and
//!    `logs:CreateLogGroup`) and `logs:CreateLogStream` / `logs:PutLogEvents`.
//!
//! Texts follow what Fargate (platform 1.4, containerd) and the EC2 agent (Docker) report; where the wording
//! is from public issue reports rather than AWS documentation, the function says so.

use crate::docker::public_catalog::{CatalogMiss, lookup, public_registry};
use crate::docker::{RefKind, Reference};
use crate::services::caller::Caller;
use crate::task_definition::RegisterTaskDefinitionRequest;
use crate::tuning::ACCOUNT_ID;
use crate::world::World;
use crate::world::ec2::AgentStatus;
use crate::world::ecr::host_region;
use crate::world::ecs::{LaunchType, Task};

/// Which step of starting a task failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Getting an ECR authorization token.
    RegistryAuth,
    /// Fetching `secrets` from SSM Parameter Store or Secrets Manager.
    Secrets,
    /// Pulling an image.
    Pull,
    /// Setting up the awslogs driver.
    Logs,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::RegistryAuth => "registry authorization",
            Stage::Secrets => "secrets",
            Stage::Pull => "image pull",
            Stage::Logs => "logging",
        }
    }
}

/// Why a task could not start: the `stoppedReason`, and for the page the step, the identity that was used
/// (a role ARN, or none), and the IAM action it lacked when a permission was the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartFailure {
    pub reason: String,
    pub stage: Stage,
    pub role_arn: Option<String>,
    pub missing_action: Option<String>,
}

impl StartFailure {
    fn new(stage: Stage, reason: String) -> Self {
        StartFailure { reason, stage, role_arn: None, missing_action: None }
    }
    fn denied(stage: Stage, world: &World, who: &Caller, action: &str, reason: String) -> Self {
        let role_arn = match who {
            Caller::Role { role, .. } => world.iam.role(role).map(|r| r.arn()),
            _ => None,
        };
        StartFailure { reason, stage, role_arn, missing_action: Some(action.to_string()) }
    }
}

/// Where an image comes from.
enum Source {
    /// This account's private ECR: Region, repository, tag or digest.
    Ecr { region: String, repository: String, reference: RefKind, full: String },
    /// Docker Hub or ECR Public.
    Public { reference: Reference, full: String },
    /// Any other registry: the sandbox cannot know what it holds and assumes the image is there.
    Other,
}

fn classify(image: &str) -> Source {
    let Ok(r) = Reference::parse(image) else { return Source::Other };
    let r = r.with_default_tag();
    let reference = match (&r.digest, &r.tag) {
        (Some(d), _) => RefKind::Digest(d.clone()),
        (None, Some(t)) => RefKind::Tag(t.clone()),
        (None, None) => RefKind::Tag("latest".into()),
    };
    if let Some(region) = host_region(&r.domain) {
        return Source::Ecr { region: region.to_string(), repository: r.path.clone(), reference, full: image.to_string() };
    }
    if public_registry(&r.domain).is_some() {
        return Source::Public { full: r.full_string(), reference: r };
    }
    Source::Other
}

/// The identity that fetches execution resources: the execution role, else (EC2) the instance role.
fn execution_identity(world: &World, task: &Task, region: &str) -> Caller {
    if let Some(role) = task.execution_role_arn.as_deref().and_then(|a| world.iam.role(a)) {
        return Caller::Role { role: role.name.clone(), session: task.id.clone() };
    }
    let Some(r) = world.region(region) else { return Caller::NoCredentials };
    let ec2_id = task
        .container_instance_id
        .as_ref()
        .and_then(|id| r.ecs.clusters.get(&task.cluster)?.container_instances.get(id))
        .map(|ci| ci.ec2_instance_id.clone());
    let role = ec2_id.as_ref().and_then(|id| r.ec2.instances.get(id)).filter(|i| matches!(i.agent, AgentStatus::Registered { .. })).and_then(|i| {
        world.iam.instance_profile(i.iam_instance_profile.as_deref()?)?.roles.first().cloned()
    });
    match (role, ec2_id) {
        (Some(role), Some(session)) => Caller::Role { role, session },
        _ => Caller::NoCredentials,
    }
}

fn fargate_prefix() -> &'static str {
    "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: "
}

/// Checks everything the task needs before its containers start; the `stoppedReason` when something fails.
pub fn check(world: &mut World, task: &Task, td: &RegisterTaskDefinitionRequest, now: crate::clock::SimTime) -> Result<(), StartFailure> {
    let region = task.region.clone();
    let fargate = task.launch_type == LaunchType::Fargate;
    let online = !fargate || task.eni.as_ref().is_some_and(|e| e.public_ip.is_some());
    let who = execution_identity(world, task, &region);
    let containers = td.container_definitions.as_deref().unwrap_or_default();
    let ecr_api = format!("https://api.ecr.{region}.amazonaws.com/");

    // 1. Execution resources: ECR authorization, then secrets.
    let needs_ecr = containers.iter().any(|c| matches!(classify(c.image.as_deref().unwrap_or_default()), Source::Ecr { .. }));
    if needs_ecr {
        if !online {
            // Wording as reported in public issues (doctorray117/minecraft-ondemand#74).
            return Err(StartFailure::new(Stage::RegistryAuth, format!(
                "{}unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post \"{ecr_api}\": dial tcp 52.46.154.57:443: i/o timeout. Please check your task network configuration.",
                fargate_prefix()
            )));
        }
        if let Err(m) = who.authorize(world, "ecr:GetAuthorizationToken", "*") {
            let reason = if fargate {
                format!("{}unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: {m}", fargate_prefix())
            } else {
                format!("CannotPullContainerError: AccessDeniedException: {m}")
            };
            return Err(StartFailure::denied(Stage::RegistryAuth, world, &who, "ecr:GetAuthorizationToken", reason));
        }
    }
    for c in containers {
        for s in c.secrets.iter().flatten() {
            check_secret(world, &who, &region, s.value_from.as_deref().unwrap_or_default(), online)?;
        }
        if let Some(log) = &c.log_configuration {
            for s in log.secret_options.iter().flatten() {
                check_secret(world, &who, &region, s.value_from.as_deref().unwrap_or_default(), online)?;
            }
        }
    }

    // 2. Image pulls.
    for c in containers {
        pull(world, &who, c.image.as_deref().unwrap_or_default(), fargate, online, now)?;
    }

    // 3. The awslogs driver.
    for c in containers {
        let Some(log) = &c.log_configuration else { continue };
        if log.log_driver.as_deref() != Some("awslogs") {
            continue;
        }
        let opts = log.options.clone().unwrap_or_default();
        let group = opts.get("awslogs-group").cloned().unwrap_or_default();
        let log_region = opts.get("awslogs-region").cloned().unwrap_or_else(|| region.clone());
        let stream = awslogs_stream(task, c.name.as_deref().unwrap_or_default(), opts.get("awslogs-stream-prefix").map(String::as_str));
        let create = opts.get("awslogs-create-group").is_some_and(|v| v == "true");
        let log_err = |detail: String| {
            if fargate {
                format!("ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: {detail} : exit status 1")
            } else {
                format!("CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: {detail}")
            }
        };
        if !online {
            return Err(StartFailure::new(Stage::Logs, log_err(format!("RequestError: send request failed caused by: Post \"https://logs.{log_region}.amazonaws.com/\": dial tcp 3.236.94.33:443: i/o timeout"))));
        }
        let group_arn = format!("arn:aws:logs:{log_region}:{ACCOUNT_ID}:log-group:{group}");
        let exists = world.region(&log_region).is_some_and(|r| r.logs.groups.contains_key(&group));
        if !exists {
            if !create {
                return Err(StartFailure::new(Stage::Logs, log_err("ResourceNotFoundException: The specified log group does not exist.".into())));
            }
            if let Err(m) = who.authorize(world, "logs:CreateLogGroup", &format!("{group_arn}:log-stream:")) {
                let reason = log_err(format!("AccessDeniedException: {m}")).replace("create Cloudwatch log stream", "create Cloudwatch log group");
                return Err(StartFailure::denied(Stage::Logs, world, &who, "logs:CreateLogGroup", reason));
            }
            world.region_mut(&log_region).logs.groups.insert(
                group.clone(),
                crate::world::logs::LogGroup { name: group.clone(), created_at: now, retention_days: None, streams: Default::default() },
            );
        }
        for action in ["logs:CreateLogStream", "logs:PutLogEvents"] {
            if let Err(m) = who.authorize(world, action, &format!("{group_arn}:log-stream:{stream}")) {
                return Err(StartFailure::denied(Stage::Logs, world, &who, action, log_err(format!("AccessDeniedException: {m}"))));
            }
        }
        world.region_mut(&log_region).logs.append(&group, &stream, now, &[]);
    }
    Ok(())
}

/// The awslogs stream of a container: `PREFIX/CONTAINER/TASK_ID`, or (EC2, no prefix) the Docker container id.
pub fn awslogs_stream(task: &Task, container: &str, prefix: Option<&str>) -> String {
    match prefix {
        Some(p) => format!("{p}/{container}/{}", task.id),
        None => task.containers.iter().find(|c| c.name == container).and_then(|c| c.runtime_id.clone()).unwrap_or_else(|| task.id.clone()),
    }
}

fn check_secret(world: &World, who: &Caller, region: &str, value_from: &str, online: bool) -> Result<(), StartFailure> {
    let fail = |reason: String| StartFailure::new(Stage::Secrets, reason);
    let asm = value_from.contains(":secretsmanager:");
    let (what, action) = if asm { ("unable to retrieve secret from asm", "secretsmanager:GetSecretValue") } else { ("unable to retrieve secrets from ssm", "ssm:GetParameters") };
    if !online {
        let host = if asm { format!("secretsmanager.{region}.amazonaws.com") } else { format!("ssm.{region}.amazonaws.com") };
        return Err(fail(format!("{}{what}: service call has been retried 1 time(s): RequestError: send request failed caused by: Post \"https://{host}/\": dial tcp 3.236.169.0:443: i/o timeout. Please check your task network configuration.", fargate_prefix())));
    }
    let secrets = world.region(region).map(|r| &r.secrets);
    let resource = if asm {
        value_from.split(':').take(7).collect::<Vec<_>>().join(":")
    } else if value_from.starts_with("arn:") {
        value_from.to_string()
    } else {
        let path = if value_from.starts_with('/') { value_from.to_string() } else { format!("/{value_from}") };
        format!("arn:aws:ssm:{region}:{ACCOUNT_ID}:parameter{path}")
    };
    if let Err(m) = who.authorize(world, action, &resource) {
        let reason = format!("{}{what}: service call has been retried 1 time(s): AccessDeniedException: {m}", fargate_prefix());
        return Err(StartFailure::denied(Stage::Secrets, world, who, action, reason));
    }
    let found = if asm {
        secrets.and_then(|s| s.secret(value_from, region)).is_some()
    } else {
        secrets.and_then(|s| s.parameter(value_from, region)).is_some()
    };
    if found {
        Ok(())
    } else if asm {
        Err(fail(format!("{}{what}: service call has been retried 1 time(s): ResourceNotFoundException: Secrets Manager can't find the specified secret.", fargate_prefix())))
    } else {
        Err(fail(format!("{}{what}: invalid parameters: {value_from}", fargate_prefix())))
    }
}

fn pull(world: &mut World, who: &Caller, image: &str, fargate: bool, online: bool, now: crate::clock::SimTime) -> Result<(), StartFailure> {
    pull_image(world, who, image, fargate, online, now).map_err(|(reason, action)| match action {
        Some(a) => StartFailure::denied(Stage::Pull, world, who, a, reason),
        None => StartFailure::new(Stage::Pull, reason),
    })
}

/// Pulls one image; on failure the reason and the IAM action that was refused, if that was the cause.
fn pull_image(world: &mut World, who: &Caller, image: &str, fargate: bool, online: bool, now: crate::clock::SimTime) -> Result<(), (String, Option<&'static str>)> {
    let plain = |r: String| (r, None);
    match classify(image) {
        Source::Other => Ok(()),
        Source::Public { reference, full } => {
            let tag_or_digest = reference.digest.clone().or(reference.tag.clone()).unwrap_or_else(|| "latest".into());
            if fargate && !online {
                let host = if reference.domain == "docker.io" { "registry-1.docker.io".to_string() } else { reference.domain.clone() };
                return Err(plain(format!(
                    "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref {full}: failed to do request: Head \"https://{host}/v2/{}/manifests/{tag_or_digest}\": dial tcp 44.208.254.194:443: i/o timeout",
                    reference.path
                )));
            }
            let Some(registry) = public_registry(&reference.domain) else { return Ok(()) };
            let kind = match &reference.digest {
                Some(d) => RefKind::Digest(d.clone()),
                None => RefKind::Tag(tag_or_digest.clone()),
            };
            match lookup(registry, &reference.path, &kind, "amd64") {
                Ok(_) => Ok(()),
                // An unknown Docker Hub user repository or ECR Public repository may well exist: the sandbox's
                // catalogue has only the official images, so it assumes it does. An unknown official image
                // (`library/…`) is a typo.
                Err(CatalogMiss::NoRepository) if !reference.path.starts_with("library/") => Ok(()),
                Err(_) if fargate => Err(plain(format!("CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {full}: {full}: not found"))),
                Err(_) => Err(plain(format!(
                    "CannotPullContainerError: Error response from daemon: manifest for {} not found: manifest unknown: manifest unknown",
                    reference.familiar_string()
                ))),
            }
        }
        Source::Ecr { region, repository, reference, full } => {
            let host = format!("{ACCOUNT_ID}.dkr.ecr.{region}.amazonaws.com");
            let arn = format!("arn:aws:ecr:{region}:{ACCOUNT_ID}:repository/{repository}");
            let label = match &reference {
                RefKind::Tag(t) => t.clone(),
                RefKind::Digest(d) => d.clone(),
            };
            if let Err(m) = who.authorize(world, "ecr:BatchGetImage", &arn) {
                return Err((if fargate {
                    format!("CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {full}: pulling from host {host} failed with status code [manifests {label}]: 403 Forbidden")
                } else {
                    format!("CannotPullContainerError: Error response from daemon: pull access denied for {host}/{repository}, repository does not exist or may require 'docker login': denied: {m}")
                }, Some("ecr:BatchGetImage")));
            }
            let r = world.region_mut(&region);
            let Some(repo) = r.ecr.repositories.get_mut(&repository) else {
                return Err(plain(if fargate {
                    format!("CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {full}: {full}: not found")
                } else {
                    format!("CannotPullContainerError: Error response from daemon: repository {host}/{repository} not found: name unknown: The repository with name '{repository}' does not exist in the registry with id '{ACCOUNT_ID}'")
                }));
            };
            let Some(image) = repo.images.iter().find(|i| match &reference {
                RefKind::Tag(t) => i.tags.iter().any(|x| x == t),
                RefKind::Digest(d) => i.digest == *d,
            }) else {
                return Err(plain(if fargate {
                    format!("CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref {full}: {full}: not found")
                } else {
                    format!("CannotPullContainerError: Error response from daemon: manifest for {full} not found: manifest unknown: Requested image not found")
                }));
            };
            let digest = image.digest.clone();
            // The manifest came back; the layers are fetched through GetDownloadUrlForLayer. The Fargate text is
            // containerd's blob error inside Fargate's retry wrapper; the EC2 one is Docker's, which fetches the
            // image configuration blob first.
            let blob = image.config_digest.clone();
            if let Err(m) = who.authorize(world, "ecr:GetDownloadUrlForLayer", &arn) {
                return Err((if fargate {
                    format!("CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code https://{host}/v2/{repository}/blobs/{blob}: 403 Forbidden")
                } else {
                    format!("CannotPullContainerError: Error response from daemon: error pulling image configuration: download failed after attempts=6: denied: {m}")
                }, Some("ecr:GetDownloadUrlForLayer")));
            }
            if let Some(i) = world.region_mut(&region).ecr.repositories.get_mut(&repository).and_then(|r| r.images.iter_mut().find(|i| i.digest == digest)) {
                i.last_pulled = Some(now);
            }
            Ok(())
        }
    }
}
