//! What a chart shows, as plain data: its series (points `[millis, value]` over virtual time), horizontal
//! reference lines (a scaling target, min/max capacity), event markers (a scaling activity at a time) and the
//! words a screen reader hears. Pure, so the summary, the newest values and the table rows are tested natively.
//!
//! Words: a *series* is one line (`desired`, `running`, `average`); its *style* is a colour and a dash pattern
//! picked by its position, so no two lines of one chart differ by colour alone; a *reference line* is a
//! dashed horizontal line with a label; a *marker* is a vertical line at an instant with a short label and a
//! longer text (shown on focus or hover), naming what caused it (`cause`: a reference line's or a series'
//! name, highlighted while the marker has the focus).

use ecs_sim::shared_sort::SharedSort;

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// `[millis, value]`, oldest first.
    pub points: Vec<[f64; 2]>,
}

impl Series {
    pub fn new(name: impl Into<String>, points: Vec<[f64; 2]>) -> Self {
        Series { name: name.into(), points }
    }
    /// The newest value, if any.
    pub fn latest(&self) -> Option<f64> {
        self.points.last().map(|p| p[1])
    }
}

/// A horizontal line across the chart: a scaling target, a minimum or maximum capacity.
#[derive(Debug, Clone, PartialEq)]
pub struct RefLine {
    pub label: String,
    pub value: f64,
}

/// A vertical line at an instant: a scaling activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub at: f64,
    /// A few characters drawn beside the line (`+2`, `−1`).
    pub label: String,
    /// The whole story, shown on focus or hover and read by screen readers.
    pub text: String,
    /// The reference line or series that caused it (by name), highlighted while the marker has the focus.
    pub cause: Option<String>,
}

/// How values read: counts are whole numbers; percentages get a `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Percent,
}

impl Unit {
    /// `4`, `2.5`, `42.5%`.
    pub fn format(self, v: f64) -> String {
        let n = if (v - v.round()).abs() < 1e-9 { format!("{}", v.round() as i64) } else { format!("{v:.1}") };
        match self {
            Unit::Count => n,
            Unit::Percent => format!("{n}%"),
        }
    }
    /// The least top the y axis goes to, so a flat line of small counts does not fill the chart.
    pub fn least_top(self) -> f64 {
        match self {
            Unit::Count => 4.0,
            Unit::Percent => 100.0,
        }
    }
}

/// One chart: what it is about, its lines and what is drawn over them.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// Unique in the page (`tasks-us-east-1-shop-web`): the table's and the caption's ids derive from it.
    pub id: String,
    /// The caption (`Tasks of service web (cluster shop)`).
    pub title: String,
    /// What the screen-reader summary starts with (`web tasks`).
    pub subject: String,
    pub unit: Unit,
    pub series: Vec<Series>,
    pub ref_lines: Vec<RefLine>,
    pub markers: Vec<Marker>,
}

/// The most rows a chart's table shows (the newest ones).
pub const TABLE_ROWS: usize = 20;

/// `HH:MM` of an instant (UTC, as the status bar's clock).
pub fn hhmm(millis: f64) -> String {
    let minutes = (millis.max(0.0) / 60_000.0).floor() as u64;
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

/// `HH:MM:SS` of an instant, for the table's time column (timeline samples are 10 s apart).
pub fn hhmmss(millis: f64) -> String {
    let secs = (millis.max(0.0) / 1000.0).floor() as u64;
    format!("{:02}:{:02}:{:02}", (secs / 3600) % 24, (secs / 60) % 60, secs % 60)
}

/// One row of a chart's table: the time and each series' value then (`None` where a series has no point).
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub at: f64,
    pub values: Vec<Option<f64>>,
}

impl ChartData {
    /// Whether there is anything to draw: some series with two points or more (one point is no line).
    pub fn has_points(&self) -> bool {
        self.series.iter().any(|s| s.points.len() >= 2)
    }

    /// The screen-reader summary: `web tasks: desired 4, running 3, pending 1`, then the reference lines
    /// (`target 50%`) and how many scaling activities are marked.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = self
            .series
            .iter()
            .map(|s| match s.latest() {
                Some(v) => format!("{} {}", s.name, self.unit.format(v)),
                None => format!("{} no data", s.name),
            })
            .collect();
        parts.extend(self.ref_lines.iter().map(|r| format!("{} {}", r.label, self.unit.format(r.value))));
        match self.markers.len() {
            0 => {}
            1 => parts.push("1 scaling activity".to_string()),
            n => parts.push(format!("{n} scaling activities")),
        }
        format!("{}: {}", self.subject, parts.join(", "))
    }

    /// Every instant any series has a point at, newest first, at most `limit` of them, with each series'
    /// value at that instant.
    pub fn table_rows(&self, limit: usize) -> Vec<TableRow> {
        let mut times: Vec<f64> = self.series.iter().flat_map(|s| s.points.iter().map(|p| p[0])).collect();
        times.shared_sort_by(|a, b| b.total_cmp(a));
        times.dedup();
        times
            .into_iter()
            .take(limit)
            .map(|at| TableRow {
                at,
                values: self.series.iter().map(|s| s.points.iter().rev().find(|p| p[0] == at).map(|p| p[1])).collect(),
            })
            .collect()
    }

    /// How many distinct instants the table could show (for its caption: "newest 20 of 95").
    pub fn instants(&self) -> usize {
        let mut times: Vec<f64> = self.series.iter().flat_map(|s| s.points.iter().map(|p| p[0])).collect();
        times.shared_sort_by(f64::total_cmp);
        times.dedup();
        times.len()
    }
}
