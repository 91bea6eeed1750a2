//! `use_validation`: the editor's live check of a task definition. While the learner types, the open `.json`
//! file is validated [`crate::tuning::VALIDATE_DEBOUNCE_MS`] after the last keystroke ([`ValidationHandle::typed`]);
//! a paste, an undo, a fix, a template or a tab switch validates at once ([`ValidationHandle::now`]), and so
//! does a change from elsewhere (a command writing the file). The report is kept with the text it was made
//! from, so the editor can move its squiggles over the edits typed since ([`crate::editor_text::marks`]).

use crate::editor_text::is_task_definition_file;
use ecs_sim::validate::{Report, validate};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// A report and what it was made from.
#[derive(Debug)]
pub struct Validated {
    pub file: String,
    pub text: Rc<str>,
    pub report: Report,
    /// How long `validate` took, in milliseconds.
    pub millis: f64,
    /// Counts validations, so two results compare cheaply.
    pub generation: u64,
}

impl PartialEq for Validated {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// What [`use_validation`] returns.
#[derive(Clone)]
pub struct ValidationHandle {
    current: UseStateHandle<Option<Rc<Validated>>>,
    /// The wait of the last keystroke, and the file it is for.
    timer: Rc<RefCell<Option<(String, Timeout)>>>,
    generation: Rc<Cell<u64>>,
    delay_ms: u32,
}

impl ValidationHandle {
    /// The latest report, if any (it may be of an older text, or of another file).
    pub fn latest(&self) -> Option<Rc<Validated>> {
        (*self.current).clone()
    }

    fn run(current: &UseStateSetter<Option<Rc<Validated>>>, generation: &Cell<u64>, file: &str, text: &str) {
        let start = now_ms();
        let report = validate(text);
        let millis = now_ms() - start;
        generation.set(generation.get() + 1);
        current.set(Some(Rc::new(Validated {
            file: file.to_string(),
            text: Rc::from(text),
            report,
            millis,
            generation: generation.get(),
        })));
    }

    /// Validates `text` of `file` now (a paste, a fix, a template).
    pub fn now(&self, file: &str, text: &str) {
        self.timer.borrow_mut().take();
        if is_task_definition_file(file) {
            Self::run(&self.current.setter(), &self.generation, file, text);
        }
    }

    /// Validates `text` of `file` once the learner pauses: each call restarts the wait.
    pub fn typed(&self, file: &str, text: &str) {
        if self.delay_ms == 0 {
            return self.now(file, text);
        }
        if !is_task_definition_file(file) {
            return;
        }
        let (setter, generation, timer) = (self.current.setter(), self.generation.clone(), self.timer.clone());
        let (name, text) = (file.to_string(), text.to_string());
        let timeout = Timeout::new(self.delay_ms, move || {
            timer.borrow_mut().take();
            Self::run(&setter, &generation, &name, &text);
        });
        *self.timer.borrow_mut() = Some((file.to_string(), timeout));
    }
}

/// Validates `text`, the content of the open file `file` (only `.json` files are checked), keeping the report
/// current: call [`ValidationHandle::typed`] or [`ValidationHandle::now`] from the input handler; any other
/// change of the file (or a switch to another file) is validated after the render that shows it.
///
/// ```ignore
/// let validation = use_validation(Some("task.json"), &content, tuning::VALIDATE_DEBOUNCE_MS);
/// let oninput = Callback::from(move |e: InputEvent| validation.typed("task.json", &value_of(&e)));
/// ```
#[hook]
pub fn use_validation(file: Option<&str>, text: &str, delay_ms: u32) -> ValidationHandle {
    let current = use_state(|| None::<Rc<Validated>>);
    let timer = use_mut_ref(|| None::<(String, Timeout)>);
    let generation = use_memo((), |_| Cell::new(0u64));
    let handle = ValidationHandle { current, timer, generation, delay_ms };
    {
        let handle = handle.clone();
        let key = (file.map(str::to_string), text.to_string());
        use_effect_with(key, move |(file, text)| {
            if let Some(file) = file {
                let shown = handle.current.as_ref().is_some_and(|v| v.file == *file && *v.text == **text);
                // A keystroke's change waits for its timer; anything else is validated now.
                let waiting = handle.timer.borrow().as_ref().is_some_and(|(f, _)| f == file);
                if !shown && !waiting {
                    handle.now(file, text);
                }
            }
        });
    }
    handle
}
