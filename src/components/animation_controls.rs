//! The animation controls: pause/play, single step, skip to the end, speed (0.25×–4×), and what the step
//! on screen shows. A toolbar inside the cluster pane's bar, after its tabs (the cluster and the registry
//! play the same steps).

use super::{Icon, IconKind};
use crate::hooks::use_sandbox;
use crate::tuning::SPEEDS;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn speed_label(s: f64) -> String {
    if s < 1.0 { format!("{s}×") } else { format!("{}×", s as u32) }
}

#[component]
pub fn AnimationControls() -> Html {
    let sandbox = use_sandbox();
    let anim = &sandbox.animation;
    let idle = anim.is_idle();
    let on_pause = {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| sandbox.toggle_pause())
    };
    let on_step = {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| sandbox.step_animation())
    };
    let on_finish = {
        let sandbox = sandbox.clone();
        Callback::from(move |_: MouseEvent| sandbox.finish_animation())
    };
    let on_speed = {
        let sandbox = sandbox.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() {
                sandbox.set_speed(i);
            }
        })
    };
    let caption = match anim.current() {
        Some(step) => step.caption_in(&sandbox.view),
        None if !idle => "waiting…".into(),
        None => "Up to date.".into(),
    };
    html! {
        <div class="anim-controls" role="toolbar" aria-label="Animation">
            <button class="anim-pause" onclick={on_pause} aria-pressed={anim.paused.to_string()}
                title="Pause or play the animation">
                if anim.paused { <Icon kind={IconKind::Play} />{ " Play" } } else { <Icon kind={IconKind::Pause} />{ " Pause" } }
            </button>
            <button class="anim-step" onclick={on_step} disabled={idle} title="Play the next step now"><Icon kind={IconKind::Step} />{ " Step" }</button>
            <button class="anim-finish" onclick={on_finish} disabled={idle} title="Play every queued step at once"><Icon kind={IconKind::Skip} />{ " Skip" }</button>
            <label class="anim-speed">
                <span>{ "Speed" }</span>
                <select onchange={on_speed} aria-label="Animation speed">
                    { for SPEEDS.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={i == anim.speed_index()}>{ speed_label(*s) }</option>
                    }) }
                </select>
            </label>
            <span class="anim-status" aria-live="polite">
                <span class="anim-caption">{ caption }</span>
                if anim.pending_len() > 0 {
                    <span class="anim-queue">{ format!(" · {} queued", anim.pending_len()) }</span>
                }
            </span>
        </div>
    }
}
