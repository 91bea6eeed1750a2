//! The cluster pane: animation controls above the cluster view (as of the step being played) and the EC2
//! instances that are not in a cluster; beside them, when a task chip or a "Why?" button was chosen, the
//! "why this instance?" panel for that placement.

use super::placement_panel::{PlacementPanel, PlacementSubject};
use super::{AnimationControls, ClusterView, Ec2List};
use crate::hooks::use_sandbox;
use crate::scene::animation::short_id;
use std::rc::Rc;
use yew::prelude::*;

/// Gives the focus back to what opened the panel (a chip, or the cluster's "Why?" button).
fn refocus(subject: &PlacementSubject) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let selector = match subject {
            PlacementSubject::Task { task_id, .. } => format!("[data-task=\"{task_id}\"]"),
            PlacementSubject::LastFailure { cluster, .. } => format!("[data-cluster=\"{cluster}\"] .why-button"),
        };
        if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
                let _ = s.focus();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = subject;
}

#[component]
pub fn ClusterPane() -> Html {
    let sandbox = use_sandbox();
    let subject = use_state(|| None::<PlacementSubject>);
    {
        // Another lesson has other tasks, and a reset (the journal emptied) starts over: close the panel.
        let close = subject.clone();
        use_effect_with(sandbox.lesson.id.clone(), move |_| close.set(None));
        let close = subject.clone();
        use_effect_with(sandbox.journal.is_empty(), move |empty| {
            if *empty {
                close.set(None);
            }
        });
    }
    let anim = &sandbox.animation;
    let current = anim.current().map(|s| s.event.seq);
    let step_ms = anim.current().map_or(0, |s| anim.scaled(s.duration_ms));
    let focus = anim.current().and_then(|s| s.focus()).map(|f| AttrValue::from(f.to_string()));
    let scene = anim.scene().clone();
    let details = {
        let sandbox = sandbox.clone();
        use_memo(Rc::as_ptr(&sandbox.view) as usize, move |_| Rc::new(sandbox.scene_details()))
    };
    let on_select = {
        let subject = subject.clone();
        Callback::from(move |s: PlacementSubject| subject.set(Some(s)))
    };
    let on_close = {
        let subject = subject.clone();
        Callback::from(move |()| {
            if let Some(s) = &*subject {
                refocus(s);
            }
            subject.set(None);
        })
    };
    let panel = (*subject).as_ref().map(|s| {
        let explanation = sandbox.explain_placement(s.region(), s.cluster(), s.task_id()).map(Rc::new);
        let caption = match s {
            PlacementSubject::Task { cluster, task_id, .. } => {
                let task = sandbox.view.clusters.iter().filter(|c| &c.name == cluster).flat_map(|c| &c.tasks).find(|t| &t.id == task_id);
                match task {
                    Some(t) => format!(
                        "Task {}:{} {} · group {} · {} · {}{}",
                        t.family,
                        t.revision,
                        short_id(&t.id),
                        t.group,
                        t.launch_type,
                        t.last_status,
                        t.instance_type.as_ref().map_or(String::new(), |i| format!(" on {i} in {}", t.availability_zone)),
                    ),
                    None => format!("Task {}", short_id(task_id)),
                }
            }
            PlacementSubject::LastFailure { region, cluster } => {
                let f = scene.clusters.iter().find(|c| &c.region == region && &c.name == cluster).and_then(|c| c.failures.last());
                match f {
                    Some(f) => format!("run-task {} at {} in cluster {cluster}: {}", f.family, f.at, f.summary()),
                    None => format!("The last failed placement in cluster {cluster}"),
                }
            }
        };
        html! { <PlacementPanel subject={s.clone()} {explanation} caption={AttrValue::from(caption)} on_close={on_close.clone()} /> }
    });
    html! {
        <section class="pane cluster-pane" aria-label="Cluster view">
            <AnimationControls />
            <div class={classes!("cluster-body", panel.is_some().then_some("with-panel"))}>
                <div class="cluster-scroll">
                    <ClusterView scene={scene.clone()} details={(*details).clone()} {current} {focus} {step_ms}
                        selected={(*subject).clone()} {on_select} />
                    <Ec2List {scene} view={sandbox.view.clone()} />
                </div>
                { panel.unwrap_or_default() }
            </div>
        </section>
    }
}
