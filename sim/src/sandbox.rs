//! The sandbox: one value that owns the simulated world, the virtual clock, the seeded RNG, the scheduler and
//! the event log. Its face is small: [`Sandbox::execute`] runs one command line, [`Sandbox::advance`] moves
//! the clock, [`Sandbox::view`] describes the world as plain data for drawing.

use crate::clock::{Clock, SimDuration, SimTime};
use crate::commands;
use crate::context::Ctx;
use crate::events::{Event, EventLog};
use crate::lifecycle;
use crate::output::CommandOutput;
use crate::rng::SimRng;
use crate::scheduler::Scheduler;
use crate::view::{self, View};
use crate::workspace::Workspace;
use crate::world::World;
use std::collections::BTreeMap;

/// The interpreter's state between commands: shell variables, the last exit code (`$?`), and whose AWS
/// credentials `aws` uses (the learner's, or inside `execute-command` the task role's).
#[derive(Debug, Clone, Default)]
pub struct ShellState {
    pub vars: BTreeMap<String, String>,
    pub last_status: i32,
    pub caller: crate::services::caller::Caller,
    /// How many `sh FILE` / `source FILE` scripts are running inside each other (bounded, so a script that
    /// runs itself stops).
    pub script_depth: u8,
}

#[derive(Debug, Clone)]
pub struct Sandbox {
    seed: u64,
    clock: Clock,
    rng: SimRng,
    world: World,
    scheduler: Scheduler,
    log: EventLog,
    pub(crate) shell: ShellState,
    /// The learner's machine's Docker: local images, tags, saved registry logins.
    pub(crate) docker: crate::docker::DockerClient,
}

impl Sandbox {
    /// A fresh account at the fixed start instant, with every random choice drawn from `seed`.
    pub fn new(seed: u64) -> Self {
        let clock = Clock::default();
        let mut scheduler = Scheduler::default();
        crate::lifecycle::metrics::start(&mut scheduler, clock.now());
        Sandbox {
            seed,
            world: World::new(clock.now()),
            clock,
            rng: SimRng::new(seed),
            scheduler,
            log: EventLog::default(),
            shell: ShellState::default(),
            docker: crate::docker::DockerClient::new(),
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn now(&self) -> SimTime {
        self.clock.now()
    }

    /// Runs one command line (which may hold several commands, pipes and continuation lines) and returns
    /// what the terminal shows, its exit code and the events it caused (including those of any virtual time
    /// it waited, as `sleep` and `aws … wait` do).
    pub fn execute(&mut self, line: &str, workspace: &mut dyn Workspace) -> CommandOutput {
        let first_event = self.log.len();
        let mut out = commands::run_line(self, line, workspace);
        out.events = self.log.since(first_event).to_vec();
        out
    }

    /// Moves the clock forward by `d`, applying every scheduled change that falls due on the way, in time
    /// order, and returns the events they caused.
    pub fn advance(&mut self, d: SimDuration) -> Vec<Event> {
        let first_event = self.log.len();
        let target = self.clock.now() + d;
        while let Some((at, action)) = self.scheduler.pop_due(target) {
            self.clock.set(at);
            let mut ctx = self.ctx();
            lifecycle::apply(&mut ctx, action);
        }
        self.clock.set(target);
        self.log.since(first_event).to_vec()
    }

    /// When the next scheduled change falls due, if any (the page can skip idle time to it).
    pub fn next_change_at(&self) -> Option<SimTime> {
        self.scheduler.next_due()
    }

    /// The world as plain data, for drawing and for lesson goals.
    pub fn view(&self) -> View {
        view::build(&self.world, self.clock.now())
    }

    /// Why a task went where it did (or, with `task` `None`, why the cluster's last placement failed).
    pub fn explain_placement(&self, region: &str, cluster: &str, task: Option<&str>) -> Option<crate::placement::Explanation> {
        let c = self.world.region(region)?.ecs.clusters.get(cluster)?;
        match task {
            Some(t) => c.placements.explain_task(crate::world::ecs::short_id(t)),
            None => c.placements.explain_last_failure(),
        }
    }

    /// The whole event log, in order.
    pub fn events(&self) -> &[Event] {
        self.log.all()
    }

    pub fn world(&self) -> &World {
        &self.world
    }

    /// The learner's local Docker images and logins.
    pub fn docker(&self) -> &crate::docker::DockerClient {
        &self.docker
    }

    /// Borrows everything a command or a scheduled change works with.
    pub(crate) fn ctx(&mut self) -> Ctx<'_> {
        Ctx {
            now: self.clock.now(),
            world: &mut self.world,
            rng: &mut self.rng,
            scheduler: &mut self.scheduler,
            log: &mut self.log,
        }
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new(crate::tuning::DEFAULT_SEED)
    }
}
