//! Charts over virtual time (issue 7, "Seeing it"): hand-written SVG line charts with a table view of the
//! same points, and the Scaling panel that shows them beside the cluster view.
//!
//! - [`chart_data`]: what a chart shows (series, reference lines, markers), its summary and table rows;
//! - [`scale`]: the time window, axis ticks and paths in SVG coordinates;
//! - [`line_chart`], [`chart_table`]: the chart and its table (components);
//! - [`scaling_data`]: the panel's charts from the view, and where the coming scaling fields plug in;
//! - [`scaling_panel`]: the panel (component).

pub mod chart_data;
pub mod chart_table;
pub mod line_chart;
pub mod scale;
pub mod scaling_data;
pub mod scaling_panel;
#[cfg(test)]
mod tests;

pub use chart_table::{ChartTable, ChartTableProps};
pub use line_chart::{LineChart, LineChartProps};
pub use scaling_panel::ScalingPanel;
