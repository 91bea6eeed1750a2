//! Browser tests of issue 7's charts, on a chart with every kind of mark the Scaling panel will draw once
//! scaling lands (a target line, min/max lines, a scaling activity): the figure and its caption, the SVG's
//! `role="img"` and summary, each series' colour class and dash, the labelled dashed reference lines, the
//! marker as a button in the tab order whose text shows on focus (class `open`) while the line that caused it is drawn
//! thicker, and the "Table" toggle (`aria-pressed`) swapping the picture for a table, newest row first.
#![cfg(target_arch = "wasm32")]

use ecs_sandbox::components::charts::chart_data::{ChartData, Marker, RefLine, Series, Unit};
use ecs_sandbox::components::{LineChart, LineChartProps};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const START: f64 = 1_772_442_000_000.0;

fn chart() -> ChartData {
    let minute = |i: u32, v: f64| [START + f64::from(i) * 60_000.0, v];
    ChartData {
        id: "cpu-test".into(),
        title: "CPU utilization of service web".into(),
        subject: "web CPU utilization".into(),
        unit: Unit::Percent,
        series: vec![
            Series::new("average", (0..8).map(|i| minute(i, 20.0 + 10.0 * f64::from(i))).collect()),
            Series::new("maximum", (0..8).map(|i| minute(i, 25.0 + 10.0 * f64::from(i))).collect()),
        ],
        ref_lines: vec![RefLine { label: "target".into(), value: 50.0 }],
        markers: vec![Marker {
            at: START + 4.0 * 60_000.0,
            label: "→6".into(),
            text: "Setting desired count to 6. monitor alarm TargetTracking-AlarmHigh in state ALARM triggered policy cpu50".into(),
            cause: Some("target".into()),
        }],
    }
}

async fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let props = LineChartProps { chart: Rc::new(chart()), now: START + 7.0 * 60_000.0 };
    yew::Renderer::<LineChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn get(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn has_class(el: &Element, name: &str) -> bool {
    el.get_attribute("class").unwrap_or_default().split_whitespace().any(|c| c == name)
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

async fn fire(el: &Element, name: &str) {
    el.dispatch_event(&Event::new(name).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_chart_draws_series_reference_lines_and_a_focusable_marker_that_highlights_its_cause() {
    let root = mount().await;
    let figure = get(&root, "figure.chart[data-chart=cpu-test]");
    assert_eq!(get(&figure, "figcaption span").text_content().unwrap(), "CPU utilization of service web");
    let svg = get(&figure, "svg.chart-svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-label").unwrap(),
        "web CPU utilization: average 90%, maximum 95%, target 50%, 1 scaling activity"
    );
    let lines = root.query_selector_all("path.chart-line").unwrap();
    assert_eq!(lines.length(), 2);
    let second: Element = lines.item(1).unwrap().dyn_into().unwrap();
    assert!(has_class(&second, "series-1"));
    assert_eq!(second.get_attribute("stroke-dasharray").as_deref(), Some("6 3"));
    // The target: dashed and labelled.
    let target = get(&root, ".chart-ref[data-ref=target]");
    assert_eq!(get(&target, "line").get_attribute("stroke-dasharray").as_deref(), Some("4 3"));
    assert_eq!(get(&target, "text").text_content().unwrap(), "target 50%");
    // The legend: the newest values in words.
    assert_eq!(get(&root, ".chart-legend").text_content().unwrap(), "average90%maximum95%");
    // The marker: a button (in the tab order) whose text shows on focus, and its cause drawn thicker.
    assert_eq!(count(&root, "line.chart-marker-line"), 1);
    let marker = get(&root, "button.chart-marker");
    assert!(marker.get_attribute("aria-label").unwrap().starts_with("→6 at 09:04: Setting desired count to 6."));
    assert!(!has_class(&target, "caused"));
    fire(&marker, "focus").await;
    assert!(has_class(&get(&root, "button.chart-marker"), "open"));
    assert!(has_class(&get(&root, ".chart-ref[data-ref=target]"), "caused"));
    assert!(get(&root, ".chart-marker .marker-text").text_content().unwrap().starts_with("09:04 · Setting desired count to 6."));
    fire(&marker, "blur").await;
    assert!(!has_class(&get(&root, ".chart-ref[data-ref=target]"), "caused"));
}

#[wasm_bindgen_test]
async fn the_table_toggle_swaps_the_picture_for_a_table_of_the_same_points_newest_first() {
    let root = mount().await;
    let toggle = get(&root, ".chart-table-toggle").dyn_into::<HtmlElement>().unwrap();
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
    toggle.click();
    yew::scheduler::flush().await;
    assert_eq!(get(&root, ".chart-table-toggle").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(count(&root, "svg.chart-svg"), 0);
    let table = get(&root, "table.chart-table");
    assert_eq!(get(&table, "caption").text_content().unwrap(), "CPU utilization of service web: 8 samples, newest first");
    let heads: Vec<String> = (0..3).map(|i| get(&table, &format!("thead th:nth-child({})", i + 1)).text_content().unwrap()).collect();
    assert_eq!(heads, ["Time", "average", "maximum"]);
    assert_eq!(count(&table, "tbody tr"), 8);
    assert_eq!(get(&table, "tbody tr").text_content().unwrap(), "09:07:0090%95%");
    assert_eq!(get(&table, "tbody th").get_attribute("scope").as_deref(), Some("row"));
    let notes = get(&root, ".chart-table-wrap").text_content().unwrap();
    assert!(notes.contains("Reference lines: target 50%") && notes.contains("09:04 →6: Setting desired count to 6."), "{notes}");
    get(&root, ".chart-table-toggle").dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(count(&root, "svg.chart-svg"), 1);
}
