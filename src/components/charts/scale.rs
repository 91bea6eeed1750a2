//! Where things go in a chart's SVG: the time window (the newest [`WINDOW_MS`] of virtual time, at least
//! [`MIN_SPAN_MS`]), the y axis' top and ticks (a few round numbers, whole ones for counts), the time ticks
//! (`HH:MM` every 1, 2, 5, 10, 15, 30 or 60 minutes) and each series' path (counts drawn as steps, since they
//! change all at once; percentages as lines). Pure and tested natively.

use super::chart_data::{ChartData, Unit};

/// The SVG's coordinate box; the page scales it to the panel's width.
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 132.0;
/// The plot area inside the box (room for the y labels on the left, the time labels below).
pub const LEFT: f64 = 30.0;
pub const RIGHT: f64 = WIDTH - 34.0;
pub const TOP: f64 = 8.0;
pub const BOTTOM: f64 = HEIGHT - 18.0;
/// How much virtual time a chart shows: its newest half hour…
pub const WINDOW_MS: f64 = 30.0 * 60_000.0;
/// …and at least three minutes, so the first samples do not stretch across the whole width.
pub const MIN_SPAN_MS: f64 = 3.0 * 60_000.0;
/// The most labelled ticks on each axis.
const MAX_Y_TICKS: f64 = 4.0;
const MAX_TIME_TICKS: f64 = 6.0;
/// Time tick steps to choose from, in minutes.
const TIME_STEPS_MIN: [f64; 8] = [1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0];

/// A chart's time window and y range, mapping values to SVG coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub t0: f64,
    pub t1: f64,
    /// The y axis' top value (its bottom is 0).
    pub top: f64,
    /// The distance between two y ticks.
    pub y_step: f64,
    pub unit: Unit,
}

/// A round step (1, 2 or 5 × 10ⁿ) that cuts `range` into at most `max_ticks` pieces.
fn nice_step(range: f64, max_ticks: f64) -> f64 {
    let rough = (range / max_ticks).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= rough).unwrap_or(10.0 * magnitude)
}

impl Frame {
    /// The window ending at `now` and a y range holding every point in it and every reference line.
    pub fn fit(chart: &ChartData, now: f64) -> Frame {
        let first = chart.series.iter().filter_map(|s| s.points.first()).map(|p| p[0]).fold(now, f64::min);
        let newest = chart.series.iter().filter_map(|s| s.points.last()).map(|p| p[0]).fold(now, f64::max);
        let t1 = newest;
        let t0 = first.max(t1 - WINDOW_MS).min(t1 - MIN_SPAN_MS);
        let highest = chart
            .series
            .iter()
            .flat_map(|s| s.points.iter().filter(|p| p[0] >= t0).map(|p| p[1]))
            .chain(chart.ref_lines.iter().map(|r| r.value))
            .fold(chart.unit.least_top(), f64::max);
        let mut y_step = nice_step(highest, MAX_Y_TICKS);
        if chart.unit == Unit::Count {
            y_step = y_step.max(1.0).round();
        }
        let top = (highest / y_step).ceil() * y_step;
        Frame { t0, t1, top, y_step, unit: chart.unit }
    }

    pub fn x(&self, t: f64) -> f64 {
        LEFT + (t - self.t0) / (self.t1 - self.t0).max(1.0) * (RIGHT - LEFT)
    }

    pub fn y(&self, v: f64) -> f64 {
        BOTTOM - v.clamp(0.0, self.top) / self.top.max(f64::MIN_POSITIVE) * (BOTTOM - TOP)
    }

    /// `x` as a percentage of the box's width (for HTML placed over the SVG).
    pub fn x_percent(&self, t: f64) -> f64 {
        self.x(t) / WIDTH * 100.0
    }

    /// 0, one step, two steps… up to the top.
    pub fn y_ticks(&self) -> Vec<f64> {
        let n = (self.top / self.y_step).round() as usize;
        (0..=n).map(|i| i as f64 * self.y_step).collect()
    }

    /// Round instants (whole minutes, a multiple of the step) inside the window.
    pub fn time_ticks(&self) -> Vec<f64> {
        let span_min = (self.t1 - self.t0) / 60_000.0;
        let step = TIME_STEPS_MIN.into_iter().find(|s| span_min / s < MAX_TIME_TICKS).unwrap_or(240.0) * 60_000.0;
        let mut t = (self.t0 / step).ceil() * step;
        let mut ticks = Vec::new();
        while t <= self.t1 {
            ticks.push(t);
            t += step;
        }
        ticks
    }

    /// The SVG path of a series' points inside the window: steps for counts, straight lines otherwise.
    pub fn path(&self, points: &[[f64; 2]]) -> String {
        let mut d = String::new();
        for p in points.iter().filter(|p| p[0] >= self.t0 && p[0] <= self.t1) {
            let (x, y) = (self.x(p[0]), self.y(p[1]));
            if d.is_empty() {
                d.push_str(&format!("M{x:.1},{y:.1}"));
            } else if self.unit == Unit::Count {
                d.push_str(&format!(" H{x:.1} V{y:.1}"));
            } else {
                d.push_str(&format!(" L{x:.1},{y:.1}"));
            }
        }
        d
    }
}
