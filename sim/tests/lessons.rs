//! Every shipped lesson parses, its starting state meets no goal, and its solution succeeds and meets every
//! goal (issue 2: "A test proves the starting state meets no goal and the solution meets all of them").

#[test]
fn every_lesson_is_proven() {
    let sources = ecs_sim::lesson::builtin_sources();
    assert!(!sources.is_empty(), "no lessons found");
    for (name, text) in sources {
        let lesson = ecs_sim::lesson::Lesson::parse(text).unwrap_or_else(|e| panic!("lessons/{name}: {e}"));
        let report = ecs_sim::lesson::check(&lesson);
        assert!(report.problems.is_empty(), "lessons/{name}: {:?}\n{}", report.problems, report.transcript);
    }
}

#[test]
fn a_goal_that_the_start_already_meets_is_reported() {
    let text = r#"
id = "t"
title = "t"
summary = "s"
text = "x"
solution = ["true"]
[[goals]]
id = "always"
title = "always"
check = "now"
"#;
    let lesson = ecs_sim::lesson::Lesson::parse(text).unwrap();
    let report = ecs_sim::lesson::check(&lesson);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
}

#[test]
fn a_check_that_does_not_compile_is_refused() {
    let text = "id='t'\ntitle='t'\nsummary='s'\ntext='x'\nsolution=['true']\n[[goals]]\nid='g'\ntitle='g'\ncheck='clusters['\n";
    assert!(matches!(ecs_sim::lesson::Lesson::parse(text), Err(ecs_sim::lesson::LessonError::BadCheck { .. })));
}
