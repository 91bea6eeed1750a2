//! A chart's points as an HTML table, for keyboards and screen readers: a caption saying what it holds and
//! how many of the samples it shows, a time column (`HH:MM:SS`, row headers) and one column per series,
//! newest rows first; then the reference lines and the marked scaling activities in words.

use super::chart_data::{ChartData, hhmm, hhmmss};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ChartTableProps {
    pub chart: Rc<ChartData>,
    /// The most rows shown (the newest).
    pub rows: usize,
}

#[component]
pub fn ChartTable(props: &ChartTableProps) -> Html {
    let chart = &props.chart;
    let rows = chart.table_rows(props.rows);
    let total = chart.instants();
    let caption = if rows.len() < total {
        format!("{}: the newest {} of {total} samples, newest first", chart.title, rows.len())
    } else {
        format!("{}: {total} samples, newest first", chart.title)
    };
    html! {
        <div class="chart-table-wrap" tabindex="0" role="region" aria-label={format!("{} as a table", chart.title)}>
            <table class="chart-table" data-chart-table={chart.id.clone()}>
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Time" }</th>
                        { for chart.series.iter().map(|s| html! { <th scope="col">{ s.name.clone() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row"><time>{ hhmmss(r.at) }</time></th>
                            { for r.values.iter().map(|v| html! { <td>{ v.map_or_else(|| "–".to_string(), |v| chart.unit.format(v)) }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            if !chart.ref_lines.is_empty() {
                <p class="chart-table-note">
                    { "Reference lines: " }
                    { chart.ref_lines.iter().map(|r| format!("{} {}", r.label, chart.unit.format(r.value))).collect::<Vec<_>>().join(", ") }
                </p>
            }
            if !chart.markers.is_empty() {
                <ul class="chart-table-note" aria-label="Scaling activities">
                    { for chart.markers.iter().map(|m| html! { <li>{ format!("{} {}: {}", hhmm(m.at), m.label, m.text) }</li> }) }
                </ul>
            }
        </div>
    }
}
