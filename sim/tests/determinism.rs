//! Same seed and same commands ⇒ the same bytes out: transcript and event log (issue 2, "The model's shape").

use ecs_sim::{MemoryWorkspace, Sandbox, commands, transcript_entry};

fn run(seed: u64) -> (String, String) {
    let lesson = ecs_sim::lesson::builtin().into_iter().find(|l| l.id == "first-task").expect("first lesson");
    let mut ws: MemoryWorkspace = lesson.workspace();
    let mut sb = Sandbox::new(seed);
    let mut transcript = String::new();
    let script = lesson.solution_script() + "aws ecs describe-tasks --cluster demo --tasks $TASK\naws ec2 describe-instances\n";
    for line in commands::split_script(&script) {
        let out = sb.execute(&line, &mut ws);
        transcript.push_str(&transcript_entry(&line, &out));
    }
    let events = serde_json::to_string(sb.events()).expect("events serialize");
    (transcript, events)
}

#[test]
fn same_seed_gives_byte_identical_transcripts_and_event_logs() {
    let (t1, e1) = run(42);
    let (t2, e2) = run(42);
    assert_eq!(t1, t2);
    assert_eq!(e1, e2);
    assert!(e1.contains("\"type\":\"taskPlaced\""), "the run placed a task: {e1}");
}

#[test]
fn a_different_seed_gives_different_ids_but_the_same_story() {
    let (t1, e1) = run(1);
    let (t2, e2) = run(2);
    assert_ne!(t1, t2, "ids come from the seeded RNG");
    let kinds = |e: &str| {
        let v: Vec<serde_json::Value> = serde_json::from_str(e).unwrap();
        v.iter().map(|x| x["type"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(kinds(&e1), kinds(&e2));
}

#[test]
fn time_moves_only_when_the_caller_advances_it() {
    let mut sb = Sandbox::new(1);
    let mut ws = MemoryWorkspace::new();
    let t0 = sb.now();
    sb.execute("aws ecs create-cluster --cluster-name demo", &mut ws);
    sb.execute("aws ecs list-clusters", &mut ws);
    assert_eq!(sb.now(), t0, "commands that do not wait leave the clock alone");
    sb.execute("sleep 90", &mut ws);
    assert_eq!((sb.now() - t0).as_secs(), 90);
    sb.advance(ecs_sim::SimDuration::secs(10));
    assert_eq!((sb.now() - t0).as_secs(), 100);
}
