//! Bad input never panics and always gets a clear message that says where and why (issue 2, "Done when").

use ecs_sim::{MemoryWorkspace, Sandbox};

fn run(line: &str) -> ecs_sim::CommandOutput {
    let mut ws = MemoryWorkspace::new().with_file("bad.json", "{\n  \"family\": \"web\"\n  \"containerDefinitions\": []\n}\n");
    Sandbox::new(1).execute(line, &mut ws)
}

#[test]
fn an_unterminated_quote_names_the_quote_and_where_it_opened() {
    let out = run("aws ecs create-cluster --cluster-name 'demo");
    assert_eq!(out.exit_code, 2);
    assert!(out.stderr().contains("unterminated single quote"), "{}", out.stderr());
    assert!(out.stderr().contains("line 1, column 39"), "{}", out.stderr());
}

#[test]
fn an_unknown_command_says_so_and_exits_127() {
    let out = run("kubectl get pods");
    assert_eq!(out.exit_code, 127);
    assert!(out.stderr().starts_with("kubectl: command not found"), "{}", out.stderr());
}

#[test]
fn an_unknown_option_is_named_with_the_cli_wording() {
    let out = run("aws ecs list-clusters --clusterz x");
    assert_eq!(out.exit_code, 252);
    assert!(out.stderr().ends_with("Unknown options: --clusterz, x\n"), "{}", out.stderr());
}

#[test]
fn a_missing_file_names_the_file() {
    let out = run("aws ecs register-task-definition --cli-input-json file://task.json");
    assert_eq!(out.exit_code, 252);
    assert!(out.stderr().contains("Unable to load paramfile file://task.json: [Errno 2] No such file or directory: 'task.json'"), "{}", out.stderr());
}

#[test]
fn invalid_json_gets_the_cli_message() {
    let out = run("aws ecs register-task-definition --cli-input-json file://bad.json");
    assert_eq!(out.exit_code, 252);
    assert!(out.stderr().contains("Error parsing parameter 'cli-input-json': Invalid JSON received."), "{}", out.stderr());
    assert!(out.stderr().contains("bad.json: Expecting ',' delimiter: line 3 column 3"), "{}", out.stderr());
}

#[test]
fn a_ten_megabyte_paste_is_refused_with_a_message() {
    let huge = format!("echo {}", "x".repeat(10 * 1024 * 1024));
    let out = run(&huge);
    assert_eq!(out.exit_code, 2);
    assert!(out.stderr().contains("input too long"), "{}", &out.stderr()[..200.min(out.stderr().len())]);
    assert!(out.stdout().is_empty());
}

#[test]
fn nonsense_never_panics() {
    let samples = [
        "", " ", "\\", "|", "&&", ";;", "$(", "${", "'", "\"", "aws", "aws ecs", "aws ecs run-task --count -1 --task-definition x",
        "aws ecs run-task --task-definition x --overrides '{'", "aws ec2 run-instances --count 0:0 --image-id x",
        "aws ecs describe-tasks --tasks", "aws --query 'a[' ecs list-clusters", "sleep -5", "sleep 1e400", "sleep nan",
        "echo $(echo $(echo $(echo $(echo deep))))", "cat < nothing", "> /dev/null", "2>&1", "a=b", "export =x",
        "aws ecs register-task-definition --family f --container-definitions '[null]'",
        "aws ecs register-task-definition --family f --container-definitions '[]'",
        "aws ecs register-task-definition --cli-input-json '[1,2]'", "aws ecs wait", "aws ecs wait nothing",
        "aws ecs wait tasks-running --tasks x", "aws ec2 describe-instances --instance-ids bogus",
    ];
    for s in samples {
        let out = run(s);
        assert!(out.exit_code >= 0, "{s}");
    }
}
