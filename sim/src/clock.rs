//! The virtual clock: simulated time that moves only when the caller advances it.
//!
//! Words: a [`SimTime`] is an instant, counted in milliseconds since the Unix epoch; a [`SimDuration`] is a
//! span. The sandbox starts at [`START`], a fixed instant, so two runs print the same timestamps.

use serde::Serialize;
use std::fmt;
use std::ops::{Add, Sub};
use time::OffsetDateTime;
use time::macros::format_description;

/// An instant of virtual time, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct SimTime(pub u64);

/// A span of virtual time, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct SimDuration(pub u64);

/// Where every sandbox's clock starts: Monday 2026-03-02 09:00:00 UTC.
pub const START: SimTime = SimTime(1_772_442_000_000);

impl SimDuration {
    pub const ZERO: SimDuration = SimDuration(0);
    pub const fn millis(ms: u64) -> Self {
        SimDuration(ms)
    }
    pub const fn secs(s: u64) -> Self {
        SimDuration(s * 1000)
    }
    pub const fn minutes(m: u64) -> Self {
        SimDuration(m * 60_000)
    }
    pub const fn as_millis(self) -> u64 {
        self.0
    }
    /// Whole seconds, rounded down.
    pub const fn as_secs(self) -> u64 {
        self.0 / 1000
    }
}

impl Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
}

impl Sub<SimTime> for SimTime {
    type Output = SimDuration;
    fn sub(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0.saturating_sub(earlier.0))
    }
}

impl SimTime {
    fn datetime(self) -> OffsetDateTime {
        // i128 nanoseconds cover every u64 millisecond value; the fallback is never reached in practice.
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// The AWS CLI v2's rendering of a timestamp (`cli_timestamp_format = iso8601`), in UTC. The CLI prints
    /// Python's `datetime.isoformat()`, which leaves the fraction out when it is zero:
    /// `2026-03-02T09:00:00+00:00`, `2026-03-02T09:00:00.123000+00:00`.
    pub fn to_cli_string(self) -> String {
        let text = if self.0.is_multiple_of(1000) {
            self.datetime().format(&format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]+00:00"))
        } else {
            self.datetime().format(&format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]+00:00"
            ))
        };
        text.unwrap_or_default()
    }

    /// Clock-face time for the page's status bar: `09:00:05`.
    pub fn to_hms(self) -> String {
        let fmt = format_description!("[hour]:[minute]:[second]");
        self.datetime().format(&fmt).unwrap_or_default()
    }

    /// Whole seconds since the epoch (what ECS returns for some epoch-second fields).
    pub fn unix_seconds(self) -> u64 {
        self.0 / 1000
    }
}

impl fmt::Display for SimTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_cli_string())
    }
}

/// The one clock of a sandbox.
#[derive(Debug, Clone)]
pub struct Clock {
    now: SimTime,
}

impl Default for Clock {
    fn default() -> Self {
        Clock { now: START }
    }
}

impl Clock {
    pub fn now(&self) -> SimTime {
        self.now
    }
    /// Moves the clock to `t`; time never runs backwards, so an earlier `t` is ignored.
    pub(crate) fn set(&mut self, t: SimTime) {
        if t > self.now {
            self.now = t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_is_the_documented_instant() {
        // Python's isoformat() omits a zero fraction.
        assert_eq!(START.to_cli_string(), "2026-03-02T09:00:00+00:00");
        assert_eq!((START + SimDuration::millis(1500)).to_cli_string(), "2026-03-02T09:00:01.500000+00:00");
        assert_eq!(START.to_hms(), "09:00:00");
    }

    #[test]
    fn clock_never_runs_backwards() {
        let mut c = Clock::default();
        c.set(START + SimDuration::secs(5));
        c.set(START);
        assert_eq!(c.now(), START + SimDuration::secs(5));
    }
}
