//! The Scaling panel, beside the cluster view (where instances appear and leave): for each service with
//! samples its tasks chart (desired, running, pending) and CPU utilisation chart, for each cluster with
//! instances its instances chart, each with a table view. Hidden until some chart has two points.

use super::LineChart;
use super::scaling_data::scaling_charts;
use crate::hooks::use_sandbox;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn ScalingPanel() -> Html {
    let sandbox = use_sandbox();
    let groups = {
        let view = sandbox.view.clone();
        use_memo(Rc::as_ptr(&view) as usize, move |_| scaling_charts(&view))
    };
    if groups.is_empty() {
        return html! {};
    }
    let now = sandbox.view.now_millis as f64;
    html! {
        <section class="scaling-panel" data-testid="scaling" aria-labelledby="scaling-title">
            <h3 class="traffic-title" id="scaling-title">{ "Scaling" }</h3>
            { for groups.iter().map(|g| html! {
                <section class="scaling-group" data-group={g.key.clone()} aria-label={g.heading.clone()}>
                    <h4 class="scaling-heading">{ g.heading.clone() }</h4>
                    { for g.charts.iter().map(|c| html! { <LineChart key={c.id.clone()} chart={Rc::new(c.clone())} {now} /> }) }
                </section>
            }) }
        </section>
    }
}
