//! EC2 instances that are not (or no longer) registered with a cluster, apart from the cluster drawing, each
//! with where its ECS agent stands and why (no instance profile, a cluster that does not exist, no agent).

use crate::scene::{AgentState, Ec2Node, Scene};
use ecs_sim::View;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct Ec2ListProps {
    pub scene: Rc<Scene>,
    /// The model's view, for what events do not say (the user data's notes).
    pub view: Rc<View>,
}

fn agent_text(i: &Ec2Node) -> (&'static str, String) {
    match &i.agent {
        AgentState::NoAgent => (
            "no-agent",
            "No ECS agent: this image is not an ECS-optimized AMI, so the instance never joins a cluster.".into(),
        ),
        AgentState::Waiting if i.state == "pending" => ("starting", "Booting…".into()),
        AgentState::Waiting => ("starting", "ECS agent starting…".into()),
        AgentState::CannotRegister { reason } => ("cannot-register", format!("ECS agent cannot register. {reason}")),
        AgentState::Stopped => ("stopped", "ECS agent stopped.".into()),
        AgentState::Registered { cluster, .. } => ("registered", format!("Registered in {cluster}.")),
    }
}

#[component]
pub fn Ec2List(props: &Ec2ListProps) -> Html {
    let instances: Vec<&Ec2Node> = props.scene.unregistered().collect();
    if instances.is_empty() {
        return Html::default();
    }
    html! {
        <div class="ec2-apart">
            <h3>{ format!("EC2 instances not in a cluster ({})", instances.len()) }</h3>
            <ul class="ec2-list">
                { for instances.iter().map(|i| {
                    let (status, text) = agent_text(i);
                    let notes = props.view.instances.iter().find(|v| v.id == i.id).map(|v| v.notes.clone()).unwrap_or_default();
                    html! {
                        <li key={i.id.clone()} class={classes!("ec2", format!("agent-{status}"), format!("state-{}", i.state))}
                            data-instance={i.id.clone()} data-agent={status}>
                            <div class="ec2-head">
                                <strong>{ i.id.clone() }</strong>
                                <span class="ec2-meta">{ format!("{} · {} · {}", i.instance_type, i.availability_zone, i.state) }</span>
                            </div>
                            <div class="ec2-agent">{ text }</div>
                            { for notes.iter().map(|n| html! { <div class="ec2-note">{ n.clone() }</div> }) }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
