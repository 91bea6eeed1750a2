//! The cluster pane: animation controls above the cluster view (as of the step being played) and the EC2
//! instances that are not in a cluster.

use super::{AnimationControls, ClusterView, Ec2List};
use crate::hooks::use_sandbox;
use yew::prelude::*;

#[component]
pub fn ClusterPane() -> Html {
    let sandbox = use_sandbox();
    let anim = &sandbox.animation;
    let current = anim.current().map(|s| s.event.seq);
    let step_ms = anim.current().map_or(0, |s| anim.scaled(s.duration_ms));
    let focus = anim.current().and_then(|s| s.focus()).map(|f| AttrValue::from(f.to_string()));
    let scene = anim.scene().clone();
    html! {
        <section class="pane cluster-pane" aria-label="Cluster view">
            <AnimationControls />
            <div class="cluster-scroll">
                <ClusterView scene={scene.clone()} {current} {focus} {step_ms} />
                <Ec2List {scene} view={sandbox.view.clone()} />
            </div>
        </section>
    }
}
