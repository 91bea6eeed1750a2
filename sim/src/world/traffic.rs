//! Steady traffic the learner sends through a load balancer with `sandbox load` (issue 6, "Traffic"), and
//! what it has done so far: requests per task and per target group over virtual time, the input of the
//! scaling issue's metrics.

use crate::clock::SimTime;
use std::collections::BTreeMap;

/// One `sandbox load URL --rps N --for D`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadGenerator {
    pub id: u64,
    pub url: String,
    pub rps: u32,
    pub started: SimTime,
    pub until: SimTime,
}

/// Requests answered in one tick of one generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrafficSample {
    pub at: SimTime,
    pub generator: u64,
    pub requests: u64,
    /// By HTTP status (0: no answer — DNS, refused or timed out).
    pub by_status: BTreeMap<u16, u64>,
}

#[derive(Debug, Clone, Default)]
pub struct Traffic {
    /// Generators still running.
    pub generators: Vec<LoadGenerator>,
    pub next_id: u64,
    /// Requests each task has served, by task id.
    pub per_task: BTreeMap<String, u64>,
    /// Requests each target group has received, by ARN.
    pub per_target_group: BTreeMap<String, u64>,
    /// Each task's requests in the latest batch that reached it: (when, how many).
    pub recent: BTreeMap<String, (SimTime, u64)>,
    /// Oldest first, at most [`MAX_SAMPLES`].
    pub samples: Vec<TrafficSample>,
}

/// A day of 10-second ticks.
pub const MAX_SAMPLES: usize = 8_640;

impl Traffic {
    pub fn record(&mut self, sample: TrafficSample) {
        self.samples.push(sample);
        if self.samples.len() > MAX_SAMPLES {
            let excess = self.samples.len() - MAX_SAMPLES;
            self.samples.drain(..excess);
        }
    }
}
