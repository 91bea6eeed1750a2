//! Every number that tunes the sandbox's behaviour, in one place. Real AWS durations are compressed so a
//! lesson moves at reading speed; each says what AWS does and what the sandbox does instead.

use crate::clock::SimDuration;

/// The sandbox's AWS account (the id AWS uses in its own documentation examples).
pub const ACCOUNT_ID: &str = "123456789012";
/// The Region commands use when neither `--region` nor `AWS_DEFAULT_REGION` says otherwise.
pub const DEFAULT_REGION: &str = "us-east-1";
/// The learner's identity, an administrator (issue 5 may restrict it per lesson).
pub const CALLER_USER: &str = "learner";
/// The seed a sandbox uses when the caller gives none.
pub const DEFAULT_SEED: u64 = 1;

/// EC2: `pending` to `running`. Real instances take 30–60 s; the sandbox takes 10 s.
pub const INSTANCE_BOOT: SimDuration = SimDuration::secs(10);
/// From `running` until the ECS agent has started and registered the instance. Real: about a minute.
pub const AGENT_START: SimDuration = SimDuration::secs(15);
/// An agent that could not register (its cluster does not exist yet) tries again after this long.
pub const AGENT_RETRY: SimDuration = SimDuration::secs(30);
/// EC2: `shutting-down` to `terminated`.
pub const INSTANCE_SHUTDOWN: SimDuration = SimDuration::secs(5);

/// Task start: PROVISIONING (capacity and network set up), PENDING (image pull), ACTIVATING, then RUNNING
/// (ecs-facts.md §1.6 start sequence).
pub const TASK_PROVISIONING: SimDuration = SimDuration::secs(2);
pub const TASK_PENDING: SimDuration = SimDuration::secs(6);
pub const TASK_ACTIVATING: SimDuration = SimDuration::secs(1);
/// Fargate takes longer to start a task: capacity and an ENI are provisioned first.
pub const FARGATE_PROVISIONING: SimDuration = SimDuration::secs(8);
pub const FARGATE_PENDING: SimDuration = SimDuration::secs(8);
/// The Fargate platform version `LATEST` resolves to for Linux.
pub const FARGATE_PLATFORM_VERSION: &str = "1.4.0";
/// Task stop: DEACTIVATING, STOPPING (the container's SIGTERM, then SIGKILL after the stop timeout: an app
/// that exits on SIGTERM takes about 2 s), DEPROVISIONING, then STOPPED (§1.6 stop sequence).
pub const TASK_DEACTIVATING: SimDuration = SimDuration::secs(1);
pub const TASK_STOPPING: SimDuration = SimDuration::secs(2);
pub const TASK_DEPROVISIONING: SimDuration = SimDuration::secs(1);

/// `sleep` takes at most this much virtual time per call, so a typo such as `sleep 99999999` stays harmless.
pub const SLEEP_MAX: SimDuration = SimDuration::minutes(24 * 60);
/// A waiter (`aws ecs wait …`) polls every 6 s and gives up after 100 attempts, as the CLI's waiters do.
pub const WAITER_DELAY: SimDuration = SimDuration::secs(6);
pub const WAITER_MAX_ATTEMPTS: u32 = 100;

/// The longest command line the interpreter accepts; longer input is refused with a message, not parsed.
pub const MAX_COMMAND_BYTES: usize = 1024 * 1024;

/// `sandbox load` sends its requests in batches this far apart, routing at most `LOAD_SAMPLES` of each batch
/// one by one and counting the rest with them (round robin spreads them the same way).
pub const LOAD_TICK: SimDuration = SimDuration::secs(10);
pub const LOAD_SAMPLES: u64 = 50;
/// The simulated application's CPU cost: CPU units (1024 = one vCPU) busy per request per second, and what it
/// uses when idle. 100 requests a second keep a 256-unit task at about 80 %.
pub const CPU_UNITS_PER_RPS: f64 = 2.0;
pub const CPU_UNITS_IDLE: f64 = 5.0;
/// The simulated application's memory: this share of the task's reservation is resident when idle, plus this
/// many MiB per request per second it is answering.
pub const MEMORY_RESIDENT_FRACTION: f64 = 0.25;
pub const MEMORY_MIB_PER_RPS: f64 = 0.5;
/// CloudWatch's clock: the sandbox samples its chart timeline this often and publishes every AWS metric once a
/// minute (on the sixth sample).
pub const METRICS_TICK: SimDuration = SimDuration::secs(10);
/// The most requests per second one `sandbox load` sends.
pub const LOAD_MAX_RPS: u32 = 10_000;
/// The longest a `sandbox load` runs.
pub const LOAD_MAX_DURATION: SimDuration = SimDuration::minutes(24 * 60);

/// The service scheduler looks at each service this often (ECS reacts within seconds).
pub const SERVICE_SCHEDULER_INTERVAL: SimDuration = SimDuration::secs(10);
/// A service task without a load balancer or container health check counts as healthy this long after it
/// reached RUNNING (ecs-facts.md §3.2).
pub const SERVICE_TASK_HEALTHY_AFTER: SimDuration = SimDuration::secs(40);
/// The service throttle (§3.3): after this many tasks in a row fail to start, the scheduler waits before the
/// next, doubling from the first wait up to 15 minutes (ECS documents the 15-minute ceiling, not the steps).
pub const SERVICE_THROTTLE_AFTER: u32 = 3;
pub const SERVICE_THROTTLE_FIRST: SimDuration = SimDuration::secs(30);
pub const SERVICE_THROTTLE_MAX: SimDuration = SimDuration::minutes(15);

/// ECR applies a new lifecycle policy within 24 hours; the sandbox does so after a minute, then every
/// six hours of virtual time.
pub const ECR_LIFECYCLE_FIRST_RUN: SimDuration = SimDuration::minutes(1);
pub const ECR_LIFECYCLE_INTERVAL: SimDuration = SimDuration::minutes(6 * 60);

/// A new load balancer is `provisioning` this long before it turns `active` (AWS takes a few minutes; the
/// `load-balancer-available` waiter polls every 15 s).
pub const LOAD_BALANCER_PROVISIONING: SimDuration = SimDuration::secs(90);
/// A registered target stays `initial` / `Elb.RegistrationInProgress` this long before its first health check.
pub const TARGET_REGISTRATION: SimDuration = SimDuration::secs(10);
/// The learner's own public address, as a load balancer's security group sees requests from `curl`.
pub const LEARNER_IP: &str = "203.0.113.10";
