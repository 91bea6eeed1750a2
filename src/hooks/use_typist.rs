//! Drives the typist: while command lines are queued to be typed ("Show solution", the time buttons), a
//! timer ticks every few milliseconds; each tick shows a few more characters, and the tick after a command
//! is fully shown runs it.

use super::SandboxHandle;
use crate::state::Action;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[hook]
pub fn use_typist(sandbox: &SandboxHandle) {
    let key = sandbox.typist.as_ref().map(|t| (t.ticks, t.queue.len(), t.delay_ms()));
    let dispatcher = sandbox.dispatcher();
    use_effect_with(key, move |key| {
        let timer = key.map(|(_, _, ms)| Timeout::new(ms, move || dispatcher.dispatch(Action::TypistTick)));
        move || drop(timer)
    });
}
