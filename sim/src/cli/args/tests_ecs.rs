//! ECS operations end to end: `run-task`, `describe-tasks`, `register-task-definition`, booleans,
//! `--cli-input-json`, `--generate-cli-skeleton`, pagination options.

use super::*;
use crate::cli::model;
use crate::workspace::MemoryWorkspace;
use serde_json::json;

pub(super) fn argv(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

pub(super) fn run_in(service: &str, op: &str, words: &[&str], ws: &MemoryWorkspace) -> Result<OperationArgs, ArgError> {
    let m = model::service(service).expect("model");
    parse_operation_args(m, op, &argv(words), ws)
}

pub(super) fn run(service: &str, op: &str, words: &[&str]) -> Result<OperationArgs, ArgError> {
    run_in(service, op, words, &MemoryWorkspace::new())
}

pub(super) fn request(service: &str, op: &str, words: &[&str]) -> Value {
    match run(service, op, words) {
        Ok(a) => a.request,
        Err(e) => panic!("{words:?}: {e:?}"),
    }
}

#[test]
fn run_task_basic() {
    let r = request("ecs", "RunTask", &["--cluster", "demo", "--task-definition", "web:1", "--count", "2"]);
    assert_eq!(r, json!({"cluster": "demo", "count": 2, "taskDefinition": "web:1"}));
}

#[test]
fn network_configuration_shorthand_and_json_agree() {
    let short = request(
        "ecs",
        "RunTask",
        &[
            "--task-definition",
            "web",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED}",
        ],
    );
    let long = request(
        "ecs",
        "RunTask",
        &[
            "--task-definition",
            "web",
            "--network-configuration",
            r#"{"awsvpcConfiguration": {"subnets": ["subnet-1", "subnet-2"], "securityGroups": ["sg-1"], "assignPublicIp": "ENABLED"}}"#,
        ],
    );
    let expected = json!({"awsvpcConfiguration": {"subnets": ["subnet-1", "subnet-2"], "securityGroups": ["sg-1"], "assignPublicIp": "ENABLED"}});
    assert_eq!(short["networkConfiguration"], expected);
    assert_eq!(long["networkConfiguration"], expected);
}

#[test]
fn single_subnet_is_wrapped_in_a_list() {
    let r = request(
        "ecs",
        "RunTask",
        &[
            "--task-definition",
            "web",
            "--network-configuration",
            "awsvpcConfiguration={subnets=subnet-1,assignPublicIp=DISABLED}",
        ],
    );
    assert_eq!(r["networkConfiguration"]["awsvpcConfiguration"]["subnets"], json!(["subnet-1"]));
}

#[test]
fn placement_strategy_list_of_structures() {
    let r = request(
        "ecs",
        "RunTask",
        &[
            "--task-definition",
            "web",
            "--placement-strategy",
            "type=spread,field=attribute:ecs.availability-zone",
            "type=binpack,field=memory",
        ],
    );
    assert_eq!(
        r["placementStrategy"],
        json!([
            {"type": "spread", "field": "attribute:ecs.availability-zone"},
            {"type": "binpack", "field": "memory"}
        ])
    );
}

#[test]
fn overrides_json_and_tags_shorthand() {
    let r = request(
        "ecs",
        "RunTask",
        &[
            "--task-definition",
            "web",
            "--overrides",
            r#"{"containerOverrides":[{"name":"app","command":["echo","hi"],"environment":[{"name":"A","value":"1"}]}],"cpu":"256"}"#,
            "--tags",
            "key=a,value=b",
            "key=c,value=d",
        ],
    );
    assert_eq!(r["overrides"]["containerOverrides"][0]["command"], json!(["echo", "hi"]));
    assert_eq!(r["overrides"]["cpu"], json!("256"));
    assert_eq!(r["tags"], json!([{"key": "a", "value": "b"}, {"key": "c", "value": "d"}]));
}

#[test]
fn shorthand_coerces_nested_numbers() {
    let r = request(
        "ecs",
        "RunTask",
        &["--task-definition", "web", "--overrides", "containerOverrides=[{name=app,cpu=256,memory=512}]"],
    );
    assert_eq!(r["overrides"]["containerOverrides"], json!([{"name": "app", "cpu": 256, "memory": 512}]));
}

#[test]
fn describe_tasks_list_of_strings() {
    let r = request("ecs", "DescribeTasks", &["--cluster", "c", "--tasks", "arn:a", "arn:b"]);
    assert_eq!(r, json!({"cluster": "c", "tasks": ["arn:a", "arn:b"]}));
    let r = request("ecs", "DescribeTasks", &["--tasks", r#"["x","y"]"#]);
    assert_eq!(r["tasks"], json!(["x", "y"]));
    // `nargs='*'`: an empty list is accepted.
    assert_eq!(request("ecs", "DescribeTasks", &["--tasks"])["tasks"], json!([]));
}

#[test]
fn booleans_and_the_renamed_negative() {
    let on = request("ecs", "RunTask", &["--task-definition", "t", "--enable-execute-command"]);
    assert_eq!(on["enableExecuteCommand"], json!(true));
    // argrename.py: `--no-enable-execute-command` is `--disable-execute-command` in the real CLI.
    let off =
        request("ecs", "RunTask", &["--task-definition", "t", "--enable-execute-command", "--disable-execute-command"]);
    assert_eq!(off["enableExecuteCommand"], json!(false));
    assert_eq!(
        run("ecs", "RunTask", &["--task-definition", "t", "--no-enable-execute-command"]),
        Err(ArgError::UnknownOptions(vec!["--no-enable-execute-command".into()]))
    );
    assert!(request("ecs", "RunTask", &["--task-definition", "t"]).get("enableExecuteCommand").is_none());
    assert_eq!(
        run("ecs", "RunTask", &["--task-definition", "t", "--enable-execute-command=yes"]),
        Err(ArgError::Usage("argument --enable-execute-command: ignored explicit argument 'yes'".into()))
    );
}

#[test]
fn equals_form_prefixes_and_last_one_wins() {
    let r = request("ecs", "RunTask", &["--cluster=a", "--task-def", "t", "--cluster", "b"]);
    assert_eq!(r, json!({"cluster": "b", "taskDefinition": "t"}));
    assert_eq!(
        run("ecs", "RunTask", &["--task-definition", "t", "--c", "x"]),
        Err(ArgError::Usage("ambiguous option: --c could match --capacity-provider-strategy, --cluster, --count, --client-token, --cli-input-json, --cli-input-yaml".into()))
    );
}

#[test]
fn negative_numbers_are_values() {
    let r = request("ecs", "RunTask", &["--task-definition", "t", "--count", "-1"]);
    assert_eq!(r["count"], json!(-1));
}

#[test]
fn register_task_definition_from_file() {
    let td = r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512,
        "portMappings": [{"containerPort": 80}]}]}"#;
    let ws = MemoryWorkspace::new().with_file("td.json", td);
    let r = run_in("ecs", "RegisterTaskDefinition", &["--cli-input-json", "file://td.json"], &ws).expect("ok");
    assert_eq!(r.request["family"], json!("web"));
    assert_eq!(r.request["containerDefinitions"][0]["portMappings"][0]["containerPort"], json!(80));
    // Command-line options win over the document's keys.
    let r = run_in("ecs", "RegisterTaskDefinition", &["--cli-input-json", "file://td.json", "--family", "api"], &ws);
    assert_eq!(r.expect("ok").request["family"], json!("api"));
}

#[test]
fn cli_input_json_errors() {
    let ws = MemoryWorkspace::new().with_file("bad.json", "{\"family\": ").with_file("list.json", "[1, 2]");
    let op = "RegisterTaskDefinition";
    assert_eq!(
        run_in("ecs", op, &["--cli-input-json", "file://td.json"], &ws),
        Err(ArgError::ParamError("Error parsing parameter '--cli-input-json': Unable to load paramfile file://td.json: [Errno 2] No such file or directory: 'td.json'".into()))
    );
    assert_eq!(
        run_in("ecs", op, &["--cli-input-json", "file://bad.json"], &ws),
        Err(ArgError::ParamError(
            "Error parsing parameter 'cli-input-json': Invalid JSON received.\n(ECS Sandbox: bad.json: Expecting value: line 1 column 12 (char 11))".into()
        ))
    );
    assert_eq!(
        run_in("ecs", op, &["--cli-input-json", "file://list.json"], &ws),
        Err(ArgError::ParamError(
            "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>".into()
        ))
    );
    assert_eq!(
        run_in("ecs", op, &["--cli-input-json", "{}", "--cli-input-yaml", "{}"], &ws),
        Err(ArgError::ParamError("Only one --cli-input- parameter may be specified.".into()))
    );
    // Required options stay required when the option is spelled `--cli-input-json=…`.
    assert_eq!(
        run_in("ecs", op, &["--cli-input-json={}"], &ws),
        Err(ArgError::Usage("the following arguments are required: --family, --container-definitions".into()))
    );
}

#[test]
fn cli_input_json_is_validated_by_botocore() {
    let bad_type = r#"{"family": "web", "containerDefinitions": [{"name": "app", "memory": "512"}]}"#;
    assert_eq!(
        run("ecs", "RegisterTaskDefinition", &["--cli-input-json", bad_type]),
        Err(ArgError::ParamValidation("Parameter validation failed:\nInvalid type for parameter containerDefinitions[0].memory, value: 512, type: <class 'str'>, valid types: <class 'int'>".into()))
    );
    let unknown = r#"{"family": "web", "containerDefinitions": [{"name": "app", "portBindings": []}]}"#;
    let Err(ArgError::ParamValidation(text)) = run("ecs", "RegisterTaskDefinition", &["--cli-input-json", unknown])
    else {
        panic!("expected a validation error")
    };
    assert!(text.starts_with("Parameter validation failed:\nUnknown parameter in containerDefinitions[0]: \"portBindings\", must be one of: name, image, repositoryCredentials, cpu, memory, memoryReservation, links, portMappings,"), "{text}");
    assert_eq!(
        run("ecs", "RegisterTaskDefinition", &["--cli-input-json", "{}"]),
        Err(ArgError::ParamValidation("Parameter validation failed:\nMissing required parameter in input: \"family\"\nMissing required parameter in input: \"containerDefinitions\"".into()))
    );
}

#[test]
fn json_options_are_ordered_dicts_in_messages() {
    let e = run("ecs", "RunTask", &["--task-definition", "t", "--overrides", r#"{"cpu": {"a": 1}}"#]);
    assert_eq!(e, Err(ArgError::ParamValidation("Parameter validation failed:\nInvalid type for parameter overrides.cpu, value: OrderedDict({'a': 1}), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>".into())));
}

#[test]
fn skeleton_for_run_task() {
    let m = model::service("ecs").expect("model");
    let s = skeleton(m, "RunTaskRequest");
    assert_eq!(s["cluster"], json!(""));
    assert_eq!(s["count"], json!(0));
    assert_eq!(s["enableECSManagedTags"], json!(true));
    assert_eq!(s["launchType"], json!("EC2"));
    assert_eq!(s["tags"], json!([{"key": "", "value": ""}]));
    assert_eq!(s["capacityProviderStrategy"], json!([{"capacityProvider": "", "weight": 0, "base": 0}]));
    let keys: Vec<&String> = s.as_object().expect("object").keys().collect();
    assert_eq!(keys.first().map(|k| k.as_str()), Some("capacityProviderStrategy"));
    let a = run("ecs", "RunTask", &["--generate-cli-skeleton"]).expect("skeleton");
    assert_eq!(a.generate_cli_skeleton.as_deref(), Some("input"));
    let out = run("ecs", "RunTask", &["--generate-cli-skeleton", "output"]);
    assert_eq!(out, Err(ArgError::Usage("the following arguments are required: --task-definition".into())));
}

#[test]
fn output_skeleton_names_the_members() {
    let m = model::service("ecs").expect("model");
    let s = output_skeleton(m, "ListTasksResponse");
    assert_eq!(s, json!({"taskArns": ["String"], "nextToken": "nextToken"}));
}

#[test]
fn cli_input_yaml_reads_the_json_form_only() {
    let r = run("ecs", "RunTask", &["--cli-input-yaml", r#"{"taskDefinition": "t"}"#]).expect("ok");
    assert_eq!(r.request, json!({"taskDefinition": "t"}));
    assert!(matches!(run("ecs", "RunTask", &["--cli-input-yaml", "taskDefinition: t"]), Err(ArgError::Other(_))));
}

#[test]
fn pagination_options() {
    let r = request("ecs", "ListTasks", &["--cluster", "c", "--max-items", "5", "--page-size", "2"]);
    assert_eq!(r, json!({"cluster": "c", "PaginationConfig": {"MaxItems": 5, "PageSize": 2}}));
    assert_eq!(
        run("ecs", "ListTasks", &["--next-token", "x", "--max-items", "5"]),
        Err(ArgError::Other(
            "Error during pagination: Cannot specify --no-paginate along with pagination arguments: --max-items".into()
        ))
    );
    let e = run("ecs", "ListTasks", &["--cli-input-json", r#"{"maxResults": 5}"#, "--max-items", "2"]);
    assert!(
        matches!(e, Err(ArgError::ParamValidation(m)) if m.contains("Unknown parameter in input: \"PaginationConfig\""))
    );
    assert_eq!(
        run("ecs", "ListTasks", &["--page-size", "many"]),
        Err(ArgError::Usage("argument --page-size: invalid int value: 'many'".into()))
    );
}

#[test]
fn help_word() {
    assert!(run("ecs", "RunTask", &["help"]).expect("help").help);
    assert!(run("ecs", "RunTask", &["--task-definition", "t", "help"]).expect("help").help);
}
