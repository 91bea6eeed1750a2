//! The cluster pane: two tabs, the cluster view and the registry, and the animation controls they share.
//! The cluster tab: the cluster view (as of the step being played) with the roles its tasks and instances
//! use, beside it the Scaling panel's charts over virtual time (issue 7), under them the load balancers with their targets and the services with their deployments (pointing at
//! a target or a service's task, or playing a request, outlines the task chip that serves it), then the EC2
//! instances that are not in a cluster; beside them, when a task chip or a "Why?" button
//! was chosen, the "why this instance?" panel for that placement (with a stopped task's reason and its
//! roles). The registry tab: the ECR repositories and their images. While steps play, the pane shows the
//! tab the step on screen changes (a push shows the registry, a task the cluster); the tabs can be chosen
//! at any time (click, or the arrow keys on a tab).

use super::placement_panel::{PlacementPanel, PlacementSubject};
use super::registry_view::RegistryView;
use super::{AnimationControls, ClusterView, Ec2List, LoadBalancingView, ScalingPanel, ServicesView};
use crate::hooks::use_sandbox;
use crate::scene::animation::short_id;
use crate::scene::lb_shown;
use crate::scene::load_balancing::Path;
use crate::scene::registry_shown::{self, Pending, Remembered};
use crate::scene::start_failure::role_name;
use std::rc::Rc;
use yew::prelude::*;

/// What the pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Cluster,
    Registry,
}

impl Tab {
    fn id(self) -> &'static str {
        match self {
            Tab::Cluster => "cluster",
            Tab::Registry => "registry",
        }
    }
}

/// Gives the focus back to what opened the panel (a chip, or the cluster's "Why?" button).
fn refocus(subject: &PlacementSubject) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let selector = match subject {
            PlacementSubject::Task { task_id, .. } => format!(".task-chip[data-task=\"{task_id}\"]"),
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
    let selected_role = use_state_eq(|| None::<String>);
    let tab = use_state_eq(|| Tab::Cluster);
    let hovered_task = use_state_eq(|| None::<String>);
    {
        // Another lesson has other tasks, and a reset (the journal emptied) starts over: close the panel.
        let (close, unselect) = (subject.clone(), selected_role.clone());
        use_effect_with(sandbox.lesson.id.clone(), move |_| {
            close.set(None);
            unselect.set(None);
        });
        let (close, unselect) = (subject.clone(), selected_role.clone());
        use_effect_with(sandbox.journal.is_empty(), move |empty| {
            if *empty {
                close.set(None);
                unselect.set(None);
            }
        });
    }
    let anim = &sandbox.animation;
    {
        // Follow the animation: show the tab that the step on screen changes.
        let tab = tab.clone();
        let follow = anim.current().and_then(|s| {
            if s.is_registry() {
                Some(Tab::Registry)
            } else if s.is_cluster() || s.is_load_balancing() {
                Some(Tab::Cluster)
            } else {
                None
            }
        });
        use_effect_with(anim.played(), move |_| {
            if let Some(t) = follow {
                tab.set(t);
            }
        });
    }
    // The view's images as last seen, so an image the model has expired can still be drawn while it leaves.
    let remembered = use_mut_ref(Remembered::default);
    {
        let (view, remembered) = (sandbox.view.clone(), remembered.clone());
        use_memo(Rc::as_ptr(&view) as usize, move |_| remembered.borrow_mut().absorb(&view));
    }
    let current = anim.current().map(|s| s.event.seq);
    let step_ms = anim.current().map_or(0, |s| anim.scaled(s.duration_ms));
    let route = anim.current().and_then(|s| Path::of(&s.event.kind));
    // The chip to outline: the task that served the request on screen, else what the step changes, else
    // the task behind what the pointer is on.
    let focus = route
        .as_ref()
        .and_then(|r| lb_shown::served_by(&sandbox.view, r))
        .map(|(task, _)| task)
        .or_else(|| anim.current().and_then(|s| s.focus()).map(str::to_string))
        .or_else(|| (*hovered_task).clone())
        .map(AttrValue::from);
    let scene = anim.scene().clone();
    let load_balancers = Rc::new(lb_shown::shown(&scene, &sandbox.view, route.as_ref()));
    let services = {
        let view = sandbox.view.clone();
        use_memo(Rc::as_ptr(&view) as usize, move |_| {
            Rc::new(
                view.clusters
                    .iter()
                    .flat_map(|c| c.services.iter().filter(|s| s.status != "INACTIVE").map(|s| (c.name.clone(), s.clone())))
                    .collect::<Vec<_>>(),
            )
        })
    };
    let on_hover_task = {
        let hovered_task = hovered_task.clone();
        Callback::from(move |t: Option<String>| hovered_task.set(t))
    };
    let details = {
        let sandbox = sandbox.clone();
        use_memo(Rc::as_ptr(&sandbox.view) as usize, move |_| Rc::new(sandbox.scene_details()))
    };
    let roles = {
        let view = sandbox.view.clone();
        use_memo(Rc::as_ptr(&view) as usize, move |_| Rc::new(view.roles.clone()))
    };
    let repositories = Rc::new(registry_shown::shown(
        &scene,
        &sandbox.view,
        &remembered.borrow(),
        &Pending::from_steps(anim.pending()),
        current,
    ));
    let on_select = {
        let subject = subject.clone();
        Callback::from(move |s: PlacementSubject| subject.set(Some(s)))
    };
    let on_select_role = {
        let selected_role = selected_role.clone();
        Callback::from(move |r: Option<String>| selected_role.set(r))
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
    let panel = (*subject).as_ref().filter(|_| *tab == Tab::Cluster).map(|s| {
        let explanation = sandbox.explain_placement(s.region(), s.cluster(), s.task_id()).map(Rc::new);
        let task = match s {
            PlacementSubject::Task { region, cluster, task_id } => sandbox
                .view
                .clusters
                .iter()
                .filter(|c| &c.region == region && &c.name == cluster)
                .flat_map(|c| &c.tasks)
                .find(|t| &t.id == task_id),
            PlacementSubject::LastFailure { .. } => None,
        };
        let caption = match s {
            PlacementSubject::Task { task_id, .. } => match task {
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
            },
            PlacementSubject::LastFailure { region, cluster } => {
                let f = scene.clusters.iter().find(|c| &c.region == region && &c.name == cluster).and_then(|c| c.failures.last());
                match f {
                    Some(f) => format!("run-task {} at {} in cluster {cluster}: {}", f.family, f.at, f.summary()),
                    None => format!("The last failed placement in cluster {cluster}"),
                }
            }
        };
        let stopped_reason = task.and_then(|t| t.stopped_reason.clone()).map(AttrValue::from);
        let stop_code = task.and_then(|t| t.stop_code.clone()).map(AttrValue::from);
        let task_roles: Vec<(AttrValue, AttrValue)> = task
            .map(|t| {
                [("execution role", &t.execution_role_arn), ("task role", &t.task_role_arn)]
                    .into_iter()
                    .filter_map(|(k, arn)| Some((AttrValue::from(k), AttrValue::from(role_name(arn.as_deref()?).to_string()))))
                    .collect()
            })
            .unwrap_or_default();
        html! {
            <PlacementPanel subject={s.clone()} {explanation} caption={AttrValue::from(caption)} on_close={on_close.clone()}
                {stopped_reason} {stop_code} roles={task_roles} />
        }
    });
    let select_tab = |t: Tab| {
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| tab.set(t))
    };
    let on_tab_key = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowLeft" if *tab == Tab::Cluster => Tab::Registry,
                "ArrowRight" | "ArrowLeft" | "Home" => Tab::Cluster,
                "End" => Tab::Registry,
                _ => return,
            };
            e.prevent_default();
            tab.set(next);
            focus_tab(next);
        })
    };
    let repo_count = sandbox.view.repositories.len();
    let tab_button = |t: Tab, label: Html| {
        let active = *tab == t;
        html! {
            <button role="tab" id={format!("tab-{}", t.id())} class={classes!("pane-tab", active.then_some("active"))}
                aria-selected={active.to_string()} aria-controls={format!("tabpanel-{}", t.id())}
                tabindex={if active { "0" } else { "-1" }} onclick={select_tab(t)}>
                { label }
            </button>
        }
    };
    html! {
        <section class="pane cluster-pane" aria-label="Cluster view and registry">
            <div class="pane-bar cluster-bar">
                <div class="pane-tabs" role="tablist" aria-label="What the pane shows" onkeydown={on_tab_key}>
                    { tab_button(Tab::Cluster, html! { { "Cluster" } }) }
                    { tab_button(Tab::Registry, html! {
                        <>
                            { "Registry" }
                            if repo_count > 0 {
                                <span class="tab-count" aria-label={format!("{repo_count} repositories")}>{ repo_count.to_string() }</span>
                            }
                        </>
                    }) }
                </div>
                <AnimationControls />
            </div>
            if *tab == Tab::Cluster {
                <div id="tabpanel-cluster" role="tabpanel" aria-labelledby="tab-cluster"
                    class={classes!("cluster-body", panel.is_some().then_some("with-panel"))}>
                    <div class="cluster-scroll">
                        <ClusterView scene={scene.clone()} details={(*details).clone()} {current} {focus} {step_ms}
                            selected={(*subject).clone()} {on_select} roles={(*roles).clone()}
                            selected_role={(*selected_role).clone().map(AttrValue::from)} {on_select_role} />
                        <LoadBalancingView {load_balancers} status={route.as_ref().map(|r| r.status_code)} {step_ms}
                            on_hover_task={on_hover_task.clone()} />
                        <ServicesView services={(*services).clone()} {on_hover_task} />
                        <Ec2List {scene} view={sandbox.view.clone()} />
                    </div>
                    <ScalingPanel />
                    { panel.unwrap_or_default() }
                </div>
            } else {
                <div id="tabpanel-registry" role="tabpanel" aria-labelledby="tab-registry" class="registry-body">
                    <RegistryView {repositories} now={AttrValue::from(sandbox.view.now.clone())} {step_ms} />
                </div>
            }
        </section>
    }
}

/// Moves the focus to a tab (the arrow keys move it along the tab list).
fn focus_tab(t: Tab) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = gloo::utils::document().get_element_by_id(&format!("tab-{}", t.id()))
            && let Some(h) = el.dyn_ref::<web_sys::HtmlElement>()
        {
            let _ = h.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = t;
}
