//! The role cards beside a cluster: each IAM role its tasks and container instances use, with how it is
//! used (execution role of 2 tasks, instance role of 1 instance), the service it trusts (a warning when that
//! does not fit its use), its policies, and ✓ (yes), ◐ (some resources only) or ✗ (no) for each action those uses need, the ones that made a task
//! fail to start called out. A role's name is a toggle button: pressed, the tasks and instances that use it
//! are outlined in the drawing; a chosen task's roles are outlined here. Marks have text equivalents.

use crate::scene::roles::{Access, RoleCard};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct RoleCardsProps {
    pub cards: Rc<Vec<RoleCard>>,
    /// What the cards are about, for the heading: `Roles used in demo`.
    pub title: AttrValue,
    /// The task chosen in the drawing: the roles it uses are outlined.
    #[prop_or_default]
    pub selected_task: Option<AttrValue>,
    /// The role whose users the drawing outlines.
    #[prop_or_default]
    pub selected_role: Option<AttrValue>,
    /// A role's button was pressed: its name, or `None` to clear.
    #[prop_or_default]
    pub on_select_role: Callback<Option<String>>,
}

fn check(c: &crate::scene::roles::ActionCheck) -> Html {
    let (class, mark, words, title) = match c.allowed {
        Some(Access::Yes) => ("yes", "✓", "allowed: ", "Allowed on every resource"),
        Some(Access::Some) => ("some", "◐", "allowed on some resources only: ", "Allowed only on some resources"),
        Some(Access::No) => ("no", "✗", "not allowed: ", "Not allowed"),
        None => ("unknown", "?", "unknown: ", "The role is not in the account"),
    };
    html! {
        <li class={classes!("role-check", class, c.failed_a_task.then_some("failed"))} data-action={c.action.clone()} data-allowed={class} {title}>
            <span class="check-mark" aria-hidden="true">{ mark }</span>
            <span class="sr-only">{ words }</span>
            { c.action.clone() }
            if c.failed_a_task {
                <span class="failed-note">{ " — a task failed to start for it" }</span>
            }
        </li>
    }
}

fn card(c: &RoleCard, props: &RoleCardsProps) -> Html {
    let selected = props.selected_role.as_deref() == Some(c.name.as_str());
    let linked = props.selected_task.as_deref().is_some_and(|t| c.used_by(t));
    let onclick = {
        let (cb, name) = (props.on_select_role.clone(), c.name.clone());
        Callback::from(move |_: MouseEvent| cb.emit((!selected).then(|| name.clone())))
    };
    let mut policies: Vec<String> = c.managed_policies.clone();
    policies.extend(c.inline_policies.iter().map(|p| format!("{p} (inline)")));
    let trust_ok = c.trust_problems.is_empty();
    html! {
        <li key={c.name.clone()} class={classes!("role-card", selected.then_some("selected"), linked.then_some("linked"),
                (!trust_ok).then_some("trust-bad"), (!c.found).then_some("missing"))}
            data-role={c.name.clone()}>
            <div class="role-head">
                <button class="role-name" aria-pressed={selected.to_string()} {onclick}
                    title="Outline the tasks and instances that use this role">
                    <span class="role-icon" aria-hidden="true">{ "IAM" }</span>{ c.name.clone() }
                </button>
                if !c.uses.is_empty() {
                    <span class="role-uses">{ c.uses_text() }</span>
                }
            </div>
            if !c.found {
                <p class="role-missing">{ "✗ No role of this name in the account: ECS cannot assume it." }</p>
            } else {
                <p class="role-about">
                    if trust_ok {
                        <span class="role-trust ok">
                            <span aria-hidden="true">{ "✓ " }</span>
                            { format!("trusts {}", if c.trusted_services.is_empty() { "no service".to_string() } else { c.trusted_services.join(", ") }) }
                        </span>
                    } else {
                        { for c.trust_problems.iter().map(|p| html! {
                            <span class="role-trust bad"><span aria-hidden="true">{ "⚠ " }</span><span class="sr-only">{ "Warning: " }</span>{ p.clone() }</span>
                        }) }
                    }
                    <span class="role-policies">
                        { " · " }
                        if policies.is_empty() { { "no policies" } } else { { format!("policies: {}", policies.join(", ")) } }
                    </span>
                </p>
            }
            <ul class="role-checks" aria-label={format!("What {} may do", c.name)}>
                { for c.checks.iter().map(check) }
            </ul>
        </li>
    }
}

#[component]
pub fn RoleCards(props: &RoleCardsProps) -> Html {
    if props.cards.is_empty() {
        return Html::default();
    }
    html! {
        <section class="role-cards" aria-label={props.title.clone()}>
            <h3 class="roles-title">{ props.title.clone() }</h3>
            <ul class="role-list">
                { for props.cards.iter().map(|c| card(c, props)) }
            </ul>
        </section>
    }
}
