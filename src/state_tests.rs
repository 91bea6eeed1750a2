//! Native tests of the page's reducer (`state.rs`): actions in, state out, the model driven through it.

use super::*;
use crate::scene::Scene;

fn lessons() -> Rc<Vec<Lesson>> {
    Rc::new(ecs_sim::lesson::builtin())
}

fn start() -> Rc<SandboxState> {
    Rc::new(SandboxState::restore(lessons(), Some("first-task"), None, Vec::new()))
}

fn reduce(s: Rc<SandboxState>, a: Action) -> Rc<SandboxState> {
    s.reduce(a)
}

#[test]
fn the_solution_typed_in_meets_every_goal_and_prints_the_runners_transcript() {
    let mut s = start();
    assert!(s.goals.iter().all(|g| !g.met));
    for line in s.lesson.solution.clone() {
        s = reduce(s, Action::Run(line));
    }
    assert!(s.lesson_complete(), "{:?}", s.goals);
    let (_, transcript) = ecs_sim::lesson::run_solution(&s.lesson).unwrap();
    assert_eq!(s.terminal_text(), transcript);
    assert_eq!(s.history.len(), s.lesson.solution.len());
}

#[test]
fn show_solution_types_every_command_then_stops() {
    let mut s = reduce(start(), Action::Run("echo before".into()));
    s = reduce(s, Action::ShowSolution);
    assert!(s.scrollback.is_empty(), "starts over");
    let mut ticks = 0;
    let mut seen_partial = false;
    while s.typist.is_some() {
        let t = s.typist.as_ref().unwrap();
        seen_partial |= !t.shown().is_empty() && !t.is_complete();
        s = reduce(s, Action::TypistTick);
        ticks += 1;
        assert!(ticks < 100_000);
    }
    assert!(seen_partial, "commands appear a few characters at a time");
    assert!(s.lesson_complete());
    let (_, transcript) = ecs_sim::lesson::run_solution(&s.lesson).unwrap();
    assert_eq!(s.terminal_text(), transcript);
    // Every event queued for animation; finishing the queue gives the scene of the whole log.
    let mut anim = (*s.animation).clone();
    anim.finish();
    assert_eq!(**anim.scene(), Scene::from_events(s.sandbox.borrow().events()));
}

#[test]
fn the_time_buttons_type_sleep_and_the_clock_moves() {
    let mut s = start();
    let before = s.view.now_millis;
    s = reduce(s, Action::TypeAndRun(vec!["sleep 10".into()]));
    s = reduce(s, Action::TypeAndRun(vec!["sleep 60".into()]));
    while s.typist.is_some() {
        s = reduce(s, Action::TypistTick);
    }
    assert_eq!(s.view.now_millis - before, 70_000);
    assert_eq!(s.terminal_text(), "$ sleep 10\n$ sleep 60\n");
}

#[test]
fn a_reload_replays_the_journal_to_the_same_state() {
    let mut s = start();
    let lines = s.lesson.solution.clone();
    s = reduce(s, Action::Run(lines[0].clone()));
    // The editor changes the user data before the instances launch: the journal keeps that workspace.
    s = reduce(s, Action::EditFile { name: "user-data.sh".into(), content: "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n".into() });
    for line in &lines[1..5] {
        s = reduce(s, Action::Run(line.clone()));
    }
    s = reduce(s, Action::ClearScreen);
    for line in &lines[5..] {
        s = reduce(s, Action::Run(line.clone()));
    }
    s = reduce(s, Action::Run("echo hello > notes.txt".into()));
    s = reduce(s, Action::EditFile { name: "notes.txt".into(), content: "edited after the last command".into() });
    s = reduce(s, Action::RevealHint);
    let snapshots = s.journal.iter().filter(|e| matches!(e, JournalEntry::Run { files: Some(_), .. })).count();
    assert_eq!(snapshots, 1, "a snapshot only when the editor changed the files");

    let session = s.session();
    let json = serde_json::to_string(&session).unwrap();
    let back: Session = serde_json::from_str(&json).unwrap();
    let r = SandboxState::restore(lessons(), Some("first-task"), Some(back), (*s.history).clone());
    assert_eq!(r.terminal_text(), s.terminal_text());
    assert_eq!(*r.view, *s.view);
    assert_eq!(*r.goals, *s.goals);
    assert_eq!(*r.workspace, *s.workspace);
    assert_eq!(*r.tabs, *s.tabs);
    assert_eq!(r.active_tab, s.active_tab);
    assert_eq!(r.hints_shown, 1);
    assert!(r.animation.is_idle());
    assert_eq!(**r.animation.scene(), Scene::from_events(s.sandbox.borrow().events()));
}

#[test]
fn clear_and_ctrl_l_clear_the_screen() {
    let mut s = reduce(start(), Action::Run("echo one".into()));
    s = reduce(s, Action::Run("clear".into()));
    assert_eq!(s.terminal_text(), "");
    s = reduce(s, Action::Run("echo two".into()));
    s = reduce(s, Action::ClearScreen);
    assert_eq!(s.terminal_text(), "");
    s = reduce(s, Action::Run("echo three".into()));
    assert_eq!(s.terminal_text(), "$ echo three\nthree\n");
}

#[test]
fn a_written_file_opens_as_a_tab_and_edits_reach_the_next_command() {
    let mut s = reduce(start(), Action::Run("echo '{}' > extra.json".into()));
    assert_eq!(s.tabs.last().map(String::as_str), Some("extra.json"));
    assert_eq!(s.active_tab.as_deref(), Some("extra.json"));
    s = reduce(s, Action::EditFile { name: "extra.json".into(), content: "changed".into() });
    s = reduce(s, Action::Run("cat extra.json".into()));
    assert!(s.terminal_text().ends_with("$ cat extra.json\nchanged\n"), "{}", s.terminal_text());
}

#[test]
fn an_overlong_line_gets_the_models_message() {
    let long = "x".repeat(ecs_sim::tuning::MAX_COMMAND_BYTES + 1);
    let s = reduce(start(), Action::Run(long));
    let TerminalEntry::Command { chunks, exit_code, .. } = &**s.scrollback.last().unwrap() else { panic!() };
    assert_ne!(*exit_code, 0);
    assert!(chunks[0].text.contains("input too long"), "{:?}", chunks[0].text);
}

#[test]
fn no_op_actions_return_the_same_state() {
    let s = start();
    let same = reduce(s.clone(), Action::AnimationAdvance);
    assert!(Rc::ptr_eq(&s, &same));
    let same = reduce(s.clone(), Action::TypistTick);
    assert!(Rc::ptr_eq(&s, &same));
    let same = reduce(s.clone(), Action::SelectLesson { id: "first-task".into(), saved: None });
    assert!(Rc::ptr_eq(&s, &same));
}
