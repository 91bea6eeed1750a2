//! The Scaling panel, a column beside the cluster view (where instances appear and leave): for each service
//! with samples its tasks chart (desired, running, pending) and CPU utilisation chart, for each cluster with
//! instances its instances chart, each with a table view. Hidden until some chart has two points; its
//! "Hide" button (`aria-expanded`) folds it to a narrow strip so the drawing gets the width back.

use super::LineChart;
use super::scaling_data::scaling_charts;
use crate::hooks::use_sandbox;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn ScalingPanel() -> Html {
    let sandbox = use_sandbox();
    let open = use_state_eq(|| true);
    let groups = {
        let view = sandbox.view.clone();
        // Each chart in an `Rc` once per view, so re-rendering the panel (every typed character) clones nothing.
        use_memo(Rc::as_ptr(&view) as usize, move |_| {
            scaling_charts(&view)
                .into_iter()
                .map(|g| (g.key, g.heading, g.charts.into_iter().map(Rc::new).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    };
    if groups.is_empty() {
        return html! {};
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    if !*open {
        return html! {
            <aside class="scaling-panel collapsed" data-testid="scaling" aria-label="Scaling charts (hidden)">
                <button type="button" class="scaling-toggle" aria-expanded="false" aria-controls="scaling-charts"
                    title="Show the scaling charts" onclick={toggle}>{ "◂ Scaling" }</button>
            </aside>
        };
    }
    let now = sandbox.view.now_millis as f64;
    html! {
        <aside class="scaling-panel" data-testid="scaling" aria-labelledby="scaling-title">
            <div class="scaling-head">
                <h3 class="traffic-title" id="scaling-title">{ "Scaling" }</h3>
                <span class="lb-muted">{ "virtual time" }</span>
                <button type="button" class="scaling-toggle" aria-expanded="true" aria-controls="scaling-charts"
                    title="Hide the scaling charts" onclick={toggle}>{ "Hide ▸" }</button>
            </div>
            <div id="scaling-charts">
                { for groups.iter().map(|(key, heading, charts)| html! {
                    <section class="scaling-group" data-group={key.clone()} aria-label={heading.clone()}>
                        <h4 class="scaling-heading">{ heading.clone() }</h4>
                        { for charts.iter().map(|c| html! { <LineChart key={c.id.clone()} chart={c.clone()} {now} /> }) }
                    </section>
                }) }
            </div>
        </aside>
    }
}
