//! A line chart over virtual time, hand-written SVG: a `<figure>` whose `<figcaption>` names it and holds a
//! "Table" toggle (`aria-pressed`) that swaps the picture for a [`ChartTable`] of the same points. The SVG
//! (`role="img"`, its `aria-label` the chart's summary) draws a y axis with a few ticks, `HH:MM` time ticks,
//! each series in its own colour *and* dash pattern, dashed labelled reference lines (a target, min/max
//! capacity) and a vertical line per marker. Markers are also buttons laid over the picture, in the tab order,
//! showing their text on focus or hover; while one has the focus, what caused it (a reference line or a
//! series) is drawn thicker. Over the picture (or the table), a legend gives each series' swatch and newest
//! value in words, so the chart reads at a glance.

use super::chart_data::{ChartData, Marker, TABLE_ROWS, hhmm};
use super::chart_table::ChartTable;
use super::scale::{BOTTOM, Frame, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use std::rc::Rc;
use yew::prelude::*;

/// The dash pattern of the `i`th series (its colour comes from the `series-<i>` class in style.css): solid,
/// dashed, dotted, dash-dot, so lines differ in more than colour.
pub fn dash(i: usize) -> &'static str {
    ["", "6 3", "2 3", "8 3 2 3"][i % 4]
}

#[derive(Properties, PartialEq, Clone)]
pub struct LineChartProps {
    pub chart: Rc<ChartData>,
    /// Virtual time now, in milliseconds: the window's right edge.
    pub now: f64,
}

fn marker_button(m: &Marker, frame: &Frame, i: usize, focused: &UseStateHandle<Option<usize>>) -> Html {
    let on = |v: Option<usize>| {
        let focused = focused.clone();
        move || focused.set(v)
    };
    let (enter, leave, focus, blur) = (on(Some(i)), on(None), on(Some(i)), on(None));
    let left = frame.x_percent(m.at).clamp(0.0, 100.0);
    html! {
        <button type="button" class={classes!("chart-marker", (**focused == Some(i)).then_some("open"))}
            style={format!("left: {left:.2}%")} data-at={m.at.to_string()}
            aria-label={format!("{} at {}: {}", m.label, hhmm(m.at), m.text)}
            onmouseenter={Callback::from(move |_: MouseEvent| enter())} onmouseleave={Callback::from(move |_: MouseEvent| leave())}
            onfocus={Callback::from(move |_: FocusEvent| focus())} onblur={Callback::from(move |_: FocusEvent| blur())}>
            <span class="marker-label" aria-hidden="true">{ m.label.clone() }</span>
            <span class="marker-text" aria-hidden="true">{ format!("{} · {}", hhmm(m.at), m.text) }</span>
        </button>
    }
}

fn svg(chart: &ChartData, frame: &Frame, caused: Option<&str>) -> Html {
    let y_ticks = frame.y_ticks();
    let t_ticks = frame.time_ticks();
    html! {
        <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={chart.summary()}
            preserveAspectRatio="xMidYMid meet">
            <g class="chart-grid">
                { for y_ticks.iter().map(|v| { let y = frame.y(*v); html! {
                    <>
                        <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} />
                        <text class="tick-y" x={(LEFT - 4.0).to_string()} y={format!("{:.1}", y + 3.5)} text-anchor="end">{ chart.unit.format(*v) }</text>
                    </>
                }}) }
                { for t_ticks.iter().map(|t| { let x = frame.x(*t); html! {
                    <>
                        <line class="tick-t-line" x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={BOTTOM.to_string()} y2={(BOTTOM + 3.0).to_string()} />
                        <text class="tick-t" x={format!("{x:.1}")} y={(HEIGHT - 4.0).to_string()} text-anchor="middle">{ hhmm(*t) }</text>
                    </>
                }}) }
                <line class="axis" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={BOTTOM.to_string()} />
                <line class="axis" x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={BOTTOM.to_string()} y2={BOTTOM.to_string()} />
            </g>
            { for chart.ref_lines.iter().map(|r| { let y = frame.y(r.value); html! {
                <g class={classes!("chart-ref", (caused == Some(r.label.as_str())).then_some("caused"))} data-ref={r.label.clone()}>
                    <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")} stroke-dasharray="4 3" />
                    <text x={(RIGHT + 2.0).to_string()} y={format!("{:.1}", y + 3.0)}>{ format!("{} {}", r.label, chart.unit.format(r.value)) }</text>
                </g>
            }}) }
            { for chart.markers.iter().map(|m| { let x = frame.x(m.at); html! {
                <line class="chart-marker-line" x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={TOP.to_string()} y2={BOTTOM.to_string()} />
            }}) }
            { for chart.series.iter().enumerate().map(|(i, s)| html! {
                <path class={classes!("chart-line", format!("series-{i}"), (caused == Some(s.name.as_str())).then_some("caused"))}
                    data-series={s.name.clone()} d={frame.path(&s.points)} stroke-dasharray={dash(i)} />
            }) }
        </svg>
    }
}

/// The legend: each series' swatch (its colour and dash), name and newest value.
fn legend(chart: &ChartData) -> Html {
    html! {
        <ul class="chart-legend" aria-label="Newest values">
            { for chart.series.iter().enumerate().map(|(i, s)| html! {
                <li class={format!("series-{i}")} data-series={s.name.clone()}>
                    <svg class="swatch" width="24" height="8" aria-hidden="true">
                        <line x1="0" x2="24" y1="4" y2="4" stroke-dasharray={dash(i)} />
                    </svg>
                    <span class="legend-name">{ s.name.clone() }</span>
                    <strong class="legend-value">{ s.latest().map_or_else(|| "–".to_string(), |v| chart.unit.format(v)) }</strong>
                </li>
            }) }
        </ul>
    }
}

#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let table = use_state_eq(|| false);
    let focused = use_state_eq(|| None::<usize>);
    let chart = &props.chart;
    let frame = Frame::fit(chart, props.now);
    let caused = (*focused).and_then(|i| chart.markers.get(i)).and_then(|m| m.cause.as_deref());
    let toggle = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| table.set(!*table))
    };
    let caption_id = format!("chart-{}-caption", chart.id);
    html! {
        <figure class="chart" data-chart={chart.id.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption class="chart-caption">
                <span id={caption_id}>{ chart.title.clone() }</span>
                <button type="button" class="chart-table-toggle" aria-pressed={table.to_string()}
                    title={if *table { "Show the chart" } else { "Show the same points as a table" }} onclick={toggle}>
                    { "Table" }
                </button>
            </figcaption>
            <div class="chart-body">
                { legend(chart) }
                if *table {
                    <ChartTable chart={chart.clone()} rows={TABLE_ROWS} />
                } else {
                    <div class={classes!("chart-plot", (!chart.markers.is_empty()).then_some("with-markers"))}>
                        { svg(chart, &frame, caused) }
                        { for chart.markers.iter().enumerate().map(|(i, m)| marker_button(m, &frame, i, &focused)) }
                    </div>
                }
            </div>
        </figure>
    }
}
