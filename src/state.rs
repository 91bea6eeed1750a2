//! The page's one reducer: [`SandboxState`] and its [`Action`]s. It owns the model (a [`Sandbox`], changed
//! only by [`Sandbox::execute`]), the editor's workspace, the terminal's scrollback and history, the current
//! lesson with its goal statuses and hints, the animation queue, the typist that types "Show solution" and
//! the time buttons into the terminal, and the journal that persistence replays. Pure apart from the model:
//! tested natively (`tests` below) and in the browser.

use crate::persist::{Files, JournalEntry, Session};
use crate::scene::animation::Animation;
use crate::transcript::TerminalEntry;
use crate::tuning;
pub use crate::typist::Typist;
use ecs_sim::lesson::{GoalStatus, Lesson};
use ecs_sim::{CommandOutput, MemoryWorkspace, Sandbox, View};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Reducible;

pub enum Action {
    /// Run one command line (continuation lines joined with `\n`).
    Run(String),
    /// Run several command lines in order (a multi-line paste).
    RunAll(Vec<String>),
    /// Show a message from the page in the terminal.
    Notice(String),
    /// Ctrl-L: clear the terminal's screen.
    ClearScreen,
    EditFile { name: String, content: String },
    SelectTab(String),
    /// Switch lesson, restoring its saved session if any.
    SelectLesson { id: String, saved: Option<Session> },
    /// Start the current lesson over (the terminal history stays).
    ResetLesson,
    /// Start over and type the lesson's solution into the terminal.
    ShowSolution,
    /// Type these command lines into the terminal and run them (after any being typed).
    TypeAndRun(Vec<String>),
    TypistTick,
    StopTyping,
    RevealHint,
    /// End the animation step on screen and play the next.
    AnimationAdvance,
    /// Play every queued step at once.
    AnimationFinish,
    SetSpeed(usize),
    TogglePause,
    /// A problem saving the work (or `None` once saving works again).
    StorageProblem(Option<String>),
}

#[derive(Debug, Clone)]
pub struct SandboxState {
    pub lessons: Rc<Vec<Lesson>>,
    pub lesson: Rc<Lesson>,
    /// The model. Only `Sandbox::execute` changes it, from `run_line`.
    sandbox: Rc<RefCell<Sandbox>>,
    /// The editor's files: what the next command reads.
    pub workspace: Rc<MemoryWorkspace>,
    /// The workspace as the last command left it (a journal entry records the workspace when it differs).
    last_run_workspace: Rc<MemoryWorkspace>,
    pub tabs: Rc<Vec<String>>,
    pub active_tab: Option<String>,
    pub scrollback: Rc<Vec<Rc<TerminalEntry>>>,
    pub history: Rc<Vec<String>>,
    pub journal: Rc<Vec<JournalEntry>>,
    /// The model's view after the last command, and the lesson's goals against it.
    pub view: Rc<View>,
    pub goals: Rc<Vec<GoalStatus>>,
    pub hints_shown: usize,
    pub animation: Rc<Animation>,
    pub typist: Option<Rc<Typist>>,
    pub storage_problem: Option<String>,
    /// Bumped by every change, and by every change that must be saved.
    pub revision: u64,
    pub persist_revision: u64,
}

impl PartialEq for SandboxState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision && Rc::ptr_eq(&self.sandbox, &other.sandbox)
    }
}

fn files_of(ws: &MemoryWorkspace) -> Files {
    ws.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn workspace_of(files: &Files) -> MemoryWorkspace {
    let mut ws = MemoryWorkspace::new();
    for (k, v) in files {
        ws.put(k, v);
    }
    ws
}

impl SandboxState {
    /// The state of `lesson` (an id of `lessons`, else the first lesson), rebuilt from a saved session by
    /// replaying its journal, or fresh.
    pub fn restore(lessons: Rc<Vec<Lesson>>, lesson_id: Option<&str>, session: Option<Session>, history: Vec<String>) -> Self {
        let lesson = lessons
            .iter()
            .find(|l| Some(l.id.as_str()) == lesson_id)
            .or_else(|| lessons.first())
            .cloned()
            .unwrap_or_else(placeholder_lesson);
        let lesson = Rc::new(lesson);
        let mut state = SandboxState::fresh(lessons, lesson, Rc::new(history));
        if let Some(session) = session {
            state.replay(session);
        }
        state
    }

    /// The lesson's starting state: its setup commands already run (their events are drawn settled, not
    /// animated). A lesson whose setup fails still opens, on an empty sandbox, with a notice saying why.
    fn fresh(lessons: Rc<Vec<Lesson>>, lesson: Rc<Lesson>, history: Rc<Vec<String>>) -> Self {
        let (sandbox, workspace, setup_problem) = match lesson.start() {
            Ok((sb, ws)) => (sb, ws, None),
            Err(e) => (Sandbox::new(lesson.seed), lesson.workspace(), Some(e)),
        };
        let view = sandbox.view();
        let goals = lesson.evaluate(&view);
        let mut animation = Animation::settled(sandbox.events());
        animation.reconcile_registry(&view);
        let animation = Rc::new(animation);
        let workspace = Rc::new(workspace);
        let tabs: Vec<String> = lesson.files.iter().map(|f| f.name.clone()).collect();
        let mut state = SandboxState {
            active_tab: tabs.first().cloned(),
            tabs: Rc::new(tabs),
            lessons,
            lesson,
            sandbox: Rc::new(RefCell::new(sandbox)),
            last_run_workspace: workspace.clone(),
            workspace,
            scrollback: Rc::default(),
            history,
            journal: Rc::default(),
            view: Rc::new(view),
            goals: Rc::new(goals),
            hints_shown: 0,
            animation,
            typist: None,
            storage_problem: None,
            revision: 0,
            persist_revision: 0,
        };
        if let Some(e) = setup_problem {
            state.notice(format!("This lesson's setup failed, so it starts from an empty account: {e}"));
        }
        state
    }

    /// Replays a saved session's journal in this (fresh) state, then takes its editor files and tabs.
    fn replay(&mut self, session: Session) {
        for entry in &session.journal {
            match entry {
                JournalEntry::Run { line, files } => {
                    if let Some(files) = files {
                        self.workspace = Rc::new(workspace_of(files));
                    }
                    self.run_line(line, false);
                }
                JournalEntry::ClearScreen => self.clear_screen(),
            }
        }
        if !session.files.is_empty() || !session.journal.is_empty() {
            self.workspace = Rc::new(workspace_of(&session.files));
        }
        let mut tabs: Vec<String> = session.tabs.into_iter().filter(|t| self.workspace.get(t).is_some()).collect();
        for (name, _) in self.workspace.iter() {
            if !tabs.iter().any(|t| t == name) {
                tabs.push(name.to_string());
            }
        }
        self.active_tab = session.active_tab.filter(|t| tabs.contains(t)).or_else(|| tabs.first().cloned());
        self.tabs = Rc::new(tabs);
        self.hints_shown = session.hints_shown.min(self.lesson.hints.len());
        self.journal = Rc::new(session.journal);
        let mut animation = Animation::settled(self.sandbox.borrow().events());
        animation.reconcile_registry(&self.view);
        self.animation = Rc::new(animation);
    }

    /// What persistence saves for the current lesson.
    pub fn session(&self) -> Session {
        Session {
            files: files_of(&self.workspace),
            tabs: (*self.tabs).clone(),
            active_tab: self.active_tab.clone(),
            journal: (*self.journal).clone(),
            hints_shown: self.hints_shown,
        }
    }

    /// Whether every goal of the lesson is met.
    pub fn lesson_complete(&self) -> bool {
        !self.goals.is_empty() && self.goals.iter().all(|g| g.met)
    }

    /// The terminal's whole text, as `ecs-sim run` prints it for the same commands.
    pub fn terminal_text(&self) -> String {
        self.scrollback.iter().map(|e| e.text()).collect()
    }

    /// The seed the sandbox runs with (the lesson's).
    pub fn seed(&self) -> u64 {
        self.sandbox.borrow().seed()
    }

    /// Runs one command line through the model and shows its output. `interactive` adds it to the history
    /// and queues its events for animation (a replay after reload does neither).
    fn run_line(&mut self, line: &str, interactive: bool) -> i32 {
        let mut ws = (*self.workspace).clone();
        // A line the model refuses for its length changes nothing but `$?`: it is not worth saving or recalling.
        if interactive && line.len() <= ecs_sim::tuning::MAX_COMMAND_BYTES {
            let files = (*self.workspace != *self.last_run_workspace).then(|| files_of(&self.workspace));
            Rc::make_mut(&mut self.journal).push(JournalEntry::Run { line: line.to_string(), files });
            let history = Rc::make_mut(&mut self.history);
            if history.last().map(String::as_str) != Some(line) {
                history.push(line.to_string());
                let excess = history.len().saturating_sub(tuning::MAX_HISTORY);
                history.drain(..excess);
            }
        }
        let out = self.sandbox.borrow_mut().execute(line, &mut ws);
        let exit_code = out.exit_code;
        self.show_output(line, out, interactive);
        self.workspace = Rc::new(ws);
        self.last_run_workspace = self.workspace.clone();
        exit_code
    }

    fn show_output(&mut self, line: &str, out: CommandOutput, interactive: bool) {
        let entry = Rc::new(TerminalEntry::Command { command: line.to_string(), chunks: out.chunks, exit_code: out.exit_code });
        let scrollback = Rc::make_mut(&mut self.scrollback);
        if out.clear {
            // `clear` wipes the screen; output written around it stays, under its command line.
            scrollback.clear();
            if matches!(&*entry, TerminalEntry::Command { chunks, .. } if !chunks.is_empty()) {
                scrollback.push(entry);
            }
        } else {
            scrollback.push(entry);
        }
        self.trim_scrollback();
        for name in out.files_written {
            let name = ecs_sim::workspace::normalize(&name).to_string();
            if !self.tabs.contains(&name) {
                Rc::make_mut(&mut self.tabs).push(name.clone());
            }
            self.active_tab = Some(name);
        }
        if interactive {
            Rc::make_mut(&mut self.animation).enqueue(&out.events);
        }
        let view = self.sandbox.borrow().view();
        if interactive && self.animation.is_idle() && crate::scene::registry::differs(&self.animation.scene().repositories, &view) {
            Rc::make_mut(&mut self.animation).reconcile_registry(&view);
        }
        self.goals = Rc::new(self.lesson.evaluate(&view));
        self.view = Rc::new(view);
    }

    fn trim_scrollback(&mut self) {
        let scrollback = Rc::make_mut(&mut self.scrollback);
        let excess = scrollback.len().saturating_sub(tuning::MAX_SCROLLBACK_ENTRIES);
        scrollback.drain(..excess);
    }

    fn clear_screen(&mut self) {
        self.scrollback = Rc::default();
    }

    fn notice(&mut self, text: String) {
        Rc::make_mut(&mut self.scrollback).push(Rc::new(TerminalEntry::Notice { text }));
        self.trim_scrollback();
    }

    fn reset(&mut self) {
        let history = self.history.clone();
        let storage_problem = self.storage_problem.take();
        let speed = self.animation.speed_index();
        let (revision, persist_revision) = (self.revision, self.persist_revision);
        *self = SandboxState::fresh(self.lessons.clone(), self.lesson.clone(), history);
        Rc::make_mut(&mut self.animation).set_speed_index(speed);
        self.storage_problem = storage_problem;
        self.revision = revision;
        self.persist_revision = persist_revision;
    }

    fn typist_tick(&mut self) {
        let Some(mut typist) = self.typist.take() else { return };
        let t = Rc::make_mut(&mut typist);
        t.ticks += 1;
        let Some(front) = t.queue.front().cloned() else { return };
        if t.typed < front.len() {
            let rest = &front[t.typed..];
            t.typed += rest.char_indices().nth(tuning::TYPE_CHARS_PER_TICK).map_or(rest.len(), |(i, _)| i);
            self.typist = Some(typist);
            return;
        }
        t.queue.pop_front();
        t.typed = 0;
        let stop_on_error = t.stop_on_error;
        let more = !t.queue.is_empty();
        let code = self.run_line(&front, true);
        if code != 0 && stop_on_error && more {
            self.notice(format!("(Show solution stopped: that command exited with status {code}.)"));
        } else if more {
            self.typist = Some(typist);
        }
    }
}

// ---- The cluster view and the "why this instance?" panel (issue 4) ----
impl SandboxState {
    /// Why a task went where it did, or (`task` `None`) why the cluster's last placement failed, as the
    /// model explains it now (`sandbox explain-placement` prints the same).
    pub fn explain_placement(&self, region: &str, cluster: &str, task: Option<&str>) -> Option<ecs_sim::placement::Explanation> {
        self.sandbox.borrow().explain_placement(region, cluster, task)
    }

    /// What the cluster view draws that the events do not carry (zones, host ports, ENIs, reserved ports).
    pub fn scene_details(&self) -> crate::scene::details::Details {
        let sandbox = self.sandbox.borrow();
        crate::scene::details::Details::new(&self.view, sandbox.world())
    }
}
// ---- end of the cluster view's part ----

/// Stands in when no lesson ships (a build without lessons still shows a page).
fn placeholder_lesson() -> Lesson {
    Lesson {
        id: "sandbox".into(),
        title: "Sandbox".into(),
        order: 0,
        summary: "An empty sandbox.".into(),
        text: "# Sandbox\n\nNo lessons were built into this page. Type `help` in the terminal.".into(),
        seed: ecs_sim::tuning::DEFAULT_SEED,
        files: Vec::new(),
        goals: Vec::new(),
        hints: Vec::new(),
        setup: Vec::new(),
        solution: Vec::new(),
    }
}

impl Reducible for SandboxState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let mut persist = true;
        match action {
            Action::Run(line) => {
                s.run_line(&line, true);
            }
            Action::RunAll(lines) => {
                for line in lines {
                    s.run_line(&line, true);
                }
            }
            Action::Notice(text) => {
                s.notice(text);
                persist = false;
            }
            Action::ClearScreen => {
                s.clear_screen();
                Rc::make_mut(&mut s.journal).push(JournalEntry::ClearScreen);
            }
            Action::EditFile { name, content } => {
                if s.workspace.get(&name) == Some(content.as_str()) {
                    return self;
                }
                Rc::make_mut(&mut s.workspace).put(&name, &content);
                if !s.tabs.contains(&name) {
                    Rc::make_mut(&mut s.tabs).push(name);
                }
            }
            Action::SelectTab(name) => {
                if s.active_tab.as_deref() == Some(name.as_str()) || !s.tabs.contains(&name) {
                    return self;
                }
                s.active_tab = Some(name);
            }
            Action::SelectLesson { id, saved } => {
                if s.lesson.id == id || !s.lessons.iter().any(|l| l.id == id) {
                    return self;
                }
                let storage_problem = s.storage_problem.take();
                let speed = s.animation.speed_index();
                let (revision, persist_revision) = (s.revision, s.persist_revision);
                s = SandboxState::restore(s.lessons.clone(), Some(&id), saved, (*s.history).clone());
                Rc::make_mut(&mut s.animation).set_speed_index(speed);
                s.storage_problem = storage_problem;
                s.revision = revision;
                s.persist_revision = persist_revision;
            }
            Action::ResetLesson => s.reset(),
            Action::ShowSolution => {
                s.reset();
                let solution = s.lesson.solution.clone();
                if !solution.is_empty() {
                    s.typist = Some(Rc::new(Typist::new(solution, true)));
                }
            }
            Action::TypeAndRun(lines) => match &mut s.typist {
                Some(t) => Rc::make_mut(t).queue.extend(lines),
                None => s.typist = Some(Rc::new(Typist::new(lines, false))),
            },
            Action::TypistTick => {
                if s.typist.is_none() {
                    return self;
                }
                let queued = s.typist.as_ref().map(|t| t.queue.len());
                s.typist_tick();
                // Only a tick that ran a command changes what is saved.
                persist = s.typist.as_ref().map(|t| t.queue.len()) != queued;
            }
            Action::StopTyping => {
                if s.typist.is_none() {
                    return self;
                }
                s.typist = None;
                persist = false;
            }
            Action::RevealHint => {
                if s.hints_shown >= s.lesson.hints.len() {
                    return self;
                }
                s.hints_shown += 1;
            }
            Action::AnimationAdvance => {
                if s.animation.is_idle() {
                    return self;
                }
                let animation = Rc::make_mut(&mut s.animation);
                animation.advance();
                // The last step played: changes that came with no event (a deleted image) show now.
                animation.reconcile_registry(&s.view);
                persist = false;
            }
            Action::AnimationFinish => {
                if s.animation.is_idle() {
                    return self;
                }
                let animation = Rc::make_mut(&mut s.animation);
                animation.finish();
                animation.reconcile_registry(&s.view);
                persist = false;
            }
            Action::SetSpeed(i) => {
                Rc::make_mut(&mut s.animation).set_speed_index(i);
                persist = false;
            }
            Action::TogglePause => {
                let a = Rc::make_mut(&mut s.animation);
                a.paused = !a.paused;
                persist = false;
            }
            Action::StorageProblem(problem) => {
                if s.storage_problem == problem {
                    return self;
                }
                s.storage_problem = problem;
                persist = false;
            }
        }
        s.revision += 1;
        if persist {
            s.persist_revision += 1;
        }
        Rc::new(s)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "state_tests.rs"]
mod tests;
