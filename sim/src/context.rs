//! What a command or a scheduled change works with: the world, the clock's current time, the RNG, the
//! scheduler and the event log, borrowed together from the sandbox.

use crate::clock::{SimDuration, SimTime};
use crate::events::{Event, EventKind, EventLog};
use crate::rng::SimRng;
use crate::scheduler::{Action, Scheduler};
use crate::world::World;

pub struct Ctx<'a> {
    pub now: SimTime,
    pub world: &'a mut World,
    pub rng: &'a mut SimRng,
    pub scheduler: &'a mut Scheduler,
    pub log: &'a mut EventLog,
}

impl Ctx<'_> {
    pub fn emit(&mut self, kind: EventKind) -> Event {
        self.log.push(self.now, kind)
    }
    pub fn schedule(&mut self, after: SimDuration, action: Action) {
        self.scheduler.schedule(self.now + after, action);
    }
}
