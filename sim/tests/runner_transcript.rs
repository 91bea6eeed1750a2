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
        let export = Command::new(bin).args(["export-lesson", &lesson.id]).arg(&dir).output().expect("export runs");
        assert!(export.status.success());
        // It prints the command that replays the lesson.
        assert!(String::from_utf8_lossy(&export.stdout).contains("--workspace"), "{}", String::from_utf8_lossy(&export.stdout));
        // Run from inside the directory with relative names: the learner's files are `files/` (a Dockerfile's
        // build context lists them, so nothing else may be there).
        let out = Command::new(bin)
            .current_dir(&dir)
            .args(["run", "--seed", &lesson.seed.to_string(), "--setup", "setup.sh", "--workspace", "files", "solution.sh"])
            .output()
            .expect("run runs");
        assert!(out.status.success(), "{}: {}", lesson.id, String::from_utf8_lossy(&out.stderr));
        let (_, expected) = ecs_sim::lesson::run_solution(&lesson).expect("the solution runs");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "lesson {}", lesson.id);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_bare_script_name_reads_the_current_directory() {
    let bin = env!("CARGO_BIN_EXE_ecs-sim");
    let dir = std::env::temp_dir().join(format!("ecs-sim-bare-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("script.sh"), "ls\ncat a.txt\n").unwrap();
    std::fs::write(dir.join("a.txt"), "hello\n").unwrap();
    let out = Command::new(bin).current_dir(&dir).args(["run", "script.sh"]).output().expect("run runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    // Directories are not files of the workspace.
    assert_eq!(stdout, "$ ls\na.txt\nscript.sh\n$ cat a.txt\nhello\n");
    let _ = std::fs::remove_dir_all(&dir);
}
