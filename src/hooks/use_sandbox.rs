//! `use_sandbox()`: the page's domain hook. Components call its methods (`run_command`, `replay_solution`,
//! `reset_lesson`, …) and read the state through `Deref`; they never touch the reducer or the model directly.

use crate::persist;
use crate::state::{Action, SandboxState};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// What the provider puts in the context: the reducer's handle and where the work is saved.
#[derive(Clone, PartialEq)]
pub struct SandboxContext {
    pub state: UseReducerHandle<SandboxState>,
    /// The localStorage key, or `None` when nothing is saved (tests).
    pub storage_key: Option<Rc<str>>,
}

/// The handle [`use_sandbox`] returns.
#[derive(Clone, PartialEq)]
pub struct SandboxHandle {
    ctx: SandboxContext,
}

impl Deref for SandboxHandle {
    type Target = SandboxState;
    fn deref(&self) -> &SandboxState {
        &self.ctx.state
    }
}

impl SandboxHandle {
    fn dispatch(&self, action: Action) {
        self.ctx.state.dispatch(action);
    }

    /// Runs one command line, as Enter does.
    pub fn run_command(&self, line: impl Into<String>) {
        self.dispatch(Action::Run(line.into()));
    }
    /// Runs command lines in order, as a multi-line paste does.
    pub fn run_commands(&self, lines: Vec<String>) {
        if !lines.is_empty() {
            self.dispatch(Action::RunAll(lines));
        }
    }
    /// Shows a message from the page in the terminal.
    pub fn notice(&self, text: impl Into<String>) {
        self.dispatch(Action::Notice(text.into()));
    }
    pub fn clear_screen(&self) {
        self.dispatch(Action::ClearScreen);
    }
    pub fn edit_file(&self, name: impl Into<String>, content: impl Into<String>) {
        self.dispatch(Action::EditFile { name: name.into(), content: content.into() });
    }
    pub fn select_tab(&self, name: impl Into<String>) {
        self.dispatch(Action::SelectTab(name.into()));
    }
    /// Switches lesson, restoring what was saved for it.
    pub fn select_lesson(&self, id: impl Into<String>) {
        let id = id.into();
        let saved = self.ctx.storage_key.as_deref().and_then(persist::load).and_then(|mut s| s.sessions.remove(&id));
        self.dispatch(Action::SelectLesson { id, saved });
    }
    pub fn reset_lesson(&self) {
        self.dispatch(Action::ResetLesson);
    }
    /// Starts the lesson over and types its solution into the terminal, command by command.
    pub fn replay_solution(&self) {
        self.dispatch(Action::ShowSolution);
    }
    /// Types a command into the terminal and runs it (the time buttons use it, so the transcript shows it).
    pub fn type_and_run(&self, line: impl Into<String>) {
        self.dispatch(Action::TypeAndRun(vec![line.into()]));
    }
    pub fn stop_typing(&self) {
        self.dispatch(Action::StopTyping);
    }
    pub fn reveal_hint(&self) {
        self.dispatch(Action::RevealHint);
    }
    /// Plays the next animation step now.
    pub fn step_animation(&self) {
        self.dispatch(Action::AnimationAdvance);
    }
    pub fn finish_animation(&self) {
        self.dispatch(Action::AnimationFinish);
    }
    pub fn toggle_pause(&self) {
        self.dispatch(Action::TogglePause);
    }
    pub fn set_speed(&self, index: usize) {
        self.dispatch(Action::SetSpeed(index));
    }
    /// Reports (or clears) a problem saving the work.
    pub fn storage_problem(&self, problem: Option<String>) {
        self.dispatch(Action::StorageProblem(problem));
    }
    /// The reducer's dispatcher, for timers that outlive a render.
    pub fn dispatcher(&self) -> UseReducerDispatcher<SandboxState> {
        self.ctx.state.dispatcher()
    }
    pub fn storage_key(&self) -> Option<Rc<str>> {
        self.ctx.storage_key.clone()
    }
}

/// The sandbox of the enclosing `SandboxProvider`.
///
/// ```ignore
/// #[component]
/// fn ClockButton() -> Html {
///     let sandbox = use_sandbox();
///     let onclick = { let sandbox = sandbox.clone(); Callback::from(move |_| sandbox.type_and_run("sleep 10")) };
///     html! { <button {onclick}>{ format!("+10 s (now {})", sandbox.view.clock) }</button> }
/// }
/// ```
#[hook]
pub fn use_sandbox() -> SandboxHandle {
    let ctx = use_context::<SandboxContext>().expect("use_sandbox() needs a SandboxProvider above it");
    SandboxHandle { ctx }
}
