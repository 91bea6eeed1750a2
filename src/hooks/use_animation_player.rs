//! Plays the animation queue: whenever the step on screen changes (or steps arrive at an idle queue), a
//! timer waits what `Animation::delay_ms` says at the chosen speed, then advances. Pausing cancels the timer;
//! the controls' "Step" advances by hand. No timer ever touches the model, only the shown scene.

use super::SandboxHandle;
use crate::state::Action;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[hook]
pub fn use_animation_player(sandbox: &SandboxHandle) {
    let anim = &sandbox.animation;
    let key = (anim.played(), anim.delay_ms(), anim.is_idle());
    let dispatcher = sandbox.dispatcher();
    use_effect_with(key, move |(_, delay, _)| {
        let timer = delay.map(|ms| Timeout::new(ms, move || dispatcher.dispatch(Action::AnimationAdvance)));
        move || drop(timer)
    });
}
