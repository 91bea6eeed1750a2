//! Every number that tunes how the page behaves, in one place: how long each animation step lasts, how fast
//! "Show solution" types, how much the terminal keeps. The model's own numbers (virtual durations, the
//! longest command line) live in `ecs_sim::tuning`.

/// Animation step durations at 1× speed, in milliseconds of wall time. A step is one model event; the
/// cluster view shows the scene as of the step being played for this long before the next step starts.
pub const CLUSTER_CREATED_MS: u32 = 500;
pub const CLUSTER_DELETED_MS: u32 = 400;
pub const INSTANCE_LAUNCHED_MS: u32 = 500;
pub const INSTANCE_STATE_MS: u32 = 350;
pub const AGENT_CANNOT_REGISTER_MS: u32 = 700;
pub const CONTAINER_INSTANCE_REGISTERED_MS: u32 = 600;
pub const CONTAINER_INSTANCE_DEREGISTERED_MS: u32 = 500;
/// A container instance set DRAINING or ACTIVE, or its agent disconnecting or reconnecting.
pub const CONTAINER_INSTANCE_STATE_MS: u32 = 300;
pub const TASK_DEFINITION_MS: u32 = 300;
/// A placed task's chip travels from the cluster's scheduler badge into its instance for this long.
pub const TASK_PLACED_MS: u32 = 600;
pub const TASK_STATE_MS: u32 = 350;
pub const TASK_PLACEMENT_FAILED_MS: u32 = 800;
/// A task that could not start: the image arrow from the registry breaks and the chip shakes.
pub const TASK_FAILED_TO_START_MS: u32 = 1400;
/// A request through a load balancer: its dot travels load balancer → listener → rule → target group → target.
pub const REQUEST_ROUTED_MS: u32 = 1200;
/// A load balancer, listener or target appearing or changing health.
pub const LOAD_BALANCING_MS: u32 = 400;
/// A repository created or deleted; a pushed image (or a moved tag) arriving; an expired image leaving.
pub const REPOSITORY_MS: u32 = 400;
pub const IMAGE_PUSHED_MS: u32 = 700;
pub const IMAGE_EXPIRED_MS: u32 = 700;

/// Animation speeds offered in the controls (multipliers of the durations above).
pub const SPEEDS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 4.0];
/// Index into [`SPEEDS`] the page starts with (1×).
pub const DEFAULT_SPEED_INDEX: usize = 2;

/// "Show solution" and the time buttons type into the terminal this many characters per tick…
pub const TYPE_CHARS_PER_TICK: usize = 3;
/// …one tick every this many milliseconds…
pub const TYPE_TICK_MS: u32 = 20;
/// …and wait this long with the whole command shown before pressing Enter.
pub const TYPE_ENTER_PAUSE_MS: u32 = 300;

/// The terminal keeps at most this many entries on screen (older ones scroll away, as in a real terminal).
pub const MAX_SCROLLBACK_ENTRIES: usize = 1000;
/// The terminal remembers at most this many command lines for ↑/↓.
pub const MAX_HISTORY: usize = 500;
/// The most text a paste into the terminal may hold; more is refused with a message (the model refuses
/// longer command lines anyway, see `ecs_sim::tuning::MAX_COMMAND_BYTES`).
pub const MAX_PASTE_BYTES: usize = ecs_sim::tuning::MAX_COMMAND_BYTES;
/// Placement failures the cluster view remembers per cluster.
pub const MAX_FAILURES_SHOWN: usize = 3;

/// The localStorage key the page saves its work under.
pub const STORAGE_KEY: &str = "ecs-sandbox/v1";

// ---- The editor (issue 3) ----
/// The editor validates a task definition this long after the last keystroke (a paste, an undo, a fix, a
/// template or a tab switch validates at once).
pub const VALIDATE_DEBOUNCE_MS: u32 = 150;
/// The most squiggles the highlight layer draws (a document with more findings lists them all below).
pub const MAX_SQUIGGLES: usize = 300;
/// The most suggestions the completion list shows at once.
pub const MAX_COMPLETIONS: usize = 60;
/// A `.json` file larger than this is not checked as it is typed (ECS takes at most 64 KiB; the editor says so).
pub const MAX_LIVE_CHECK_BYTES: usize = 1024 * 1024;

// ---- The cluster view and the browser benchmarks (issue 4) ----
/// The `#/bench` page runs this many RunTask calls between two redraws (only the calls are timed).
pub const BENCH_CALLS_PER_STEP: usize = 25;
/// The `#/bench` page times the validator on each document for about this long, as the native bench does.
pub const BENCH_VALIDATE_BUDGET_MS: f64 = 700.0;
