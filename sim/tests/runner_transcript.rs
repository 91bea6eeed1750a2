//! `ecs-sim run` on a lesson's solution prints the same transcript as the page's terminal (issue 2, "Done
//! when"). The page's end-to-end test compares the terminal with `lesson::run_solution`; this test compares
//! the binary's output with `lesson::run_solution`, for every lesson (setup run silently first).

use std::process::Command;

#[test]
fn the_runner_prints_the_pages_transcript_for_every_lesson() {
    let bin = env!("CARGO_BIN_EXE_ecs-sim");
    for lesson in ecs_sim::lesson::builtin() {
        let dir = std::env::temp_dir().join(format!("ecs-sim-runner-{}-{}", lesson.id, std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let export = Command::new(bin).args(["export-lesson", &lesson.id]).arg(&dir).status().expect("export runs");
        assert!(export.success());
        let out = Command::new(bin)
            .args(["run", "--seed", &lesson.seed.to_string(), "--setup"])
            .arg(dir.join("setup.sh"))
            .arg(dir.join("solution.sh"))
            .output()
            .expect("run runs");
        assert!(out.status.success(), "{}: {}", lesson.id, String::from_utf8_lossy(&out.stderr));
        let (_, expected) = ecs_sim::lesson::run_solution(&lesson).expect("the solution runs");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "lesson {}", lesson.id);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
