//! The report as registration and `ecs-sim validate` use it: findings in the order ECS would
//! report them, the AWS error text of the first failing stage, `FILE:LINE:COL` lines, spans, the
//! JSON the page renders, and `validate_value` for a request without source text.

use ecs_sim::validate::{DocShape, Options, Severity, Stage, Verdict, validate, validate_value, validate_with};
use serde_json::json;

#[test]
fn findings_come_in_ecs_order() {
    // A parameter problem, then service rules in §1.10's order: memory before awsvpc ports.
    let text = r#"{
  "family": "web",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {"name": "web", "image": "nginx", "Essential": true,
     "portMappings": [{"containerPort": 80, "hostPort": 8080}]}
  ]
}"#;
    let r = validate(text);
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["unknown-parameter", "container-memory-missing", "awsvpc-host-port", "image-latest-tag"]);
    let stages: Vec<Stage> = r.findings.iter().map(|f| f.stage).collect();
    assert_eq!(stages, [Stage::Parameters, Stage::Service, Stage::Service, Stage::Advice]);
    assert_eq!(r.findings[3].severity, Severity::Warning);
    let (stage, text) = r.aws_error().expect("rejected");
    assert_eq!(stage, Stage::Parameters);
    assert!(text.starts_with("Parameter validation failed:\nUnknown parameter in containerDefinitions[0]: \"Essential\", must be one of: name, image,"));
    let fix = r.findings[0].fix.as_ref().expect("rename fix");
    assert_eq!(fix.title, "Rename to \"essential\"");
}

#[test]
fn the_first_service_error_is_the_client_exception() {
    let r = validate(r#"{"family": "f", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "nginx:1.27"}]}"#);
    let rules: Vec<&str> = r.errors().map(|f| f.rule).collect();
    assert_eq!(rules, ["fargate-network-mode", "fargate-cpu-missing", "fargate-memory-missing"]);
    assert_eq!(r.aws_error(), Some((Stage::Service, "Fargate only supports network mode 'awsvpc'.".to_string())));
    // The one-click fixes add what is missing.
    let mut text = r#"{"family": "f", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "nginx:1.27"}]}"#.to_string();
    for _ in 0..3 {
        let r = validate(&text);
        let Some(fix) = r.first_error().and_then(|f| f.fix.clone()) else { break };
        text = ecs_sim::validate::apply_fix(&text, &fix);
    }
    assert_eq!(validate(&text).verdict, Verdict::Accepted, "{text}");
}

#[test]
fn render_lines_prints_one_line_per_finding() {
    let text = "{\n  \"family\": \"bad family!\",\n  \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx\", \"memory\": 64}]\n}\n";
    let r = validate(text);
    assert_eq!(
        r.render_lines("td.json"),
        "td.json:2:3: error[family-name]: Invalid family name 'bad family!': up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.\n\
         td.json:3:42: warning[image-latest-tag]: Image 'nginx' of container 'a' has no tag, so it means nginx:latest; pin a version.\n"
    );
    assert_eq!(validate("{\"family\": \"f\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1\", \"memory\": 64}]}").render_lines("ok.json"), "");
}

#[test]
fn spans_give_lines_and_character_columns() {
    let text = "{\"family\": \"é\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"x:1\", \"memory\": 64, \"essential\": false}]}";
    let r = validate(text);
    let f = r.first_error().expect("no essential");
    assert_eq!(f.rule, "no-essential-container");
    assert_eq!(f.pointer, "/containerDefinitions");
    assert_eq!(f.span.start_line, 1);
    assert_eq!(f.span.start_column, text[..f.span.start].chars().count() + 1);
    assert_eq!(&text[f.span.start..f.span.start + 22], "\"containerDefinitions\"");
}

#[test]
fn validate_value_checks_a_request_without_source_text() {
    let request = json!({"family": "f", "networkMode": "awsvpc", "containerDefinitions": [
        {"name": "a", "image": "nginx:1.27", "memory": 128, "links": ["b"]}, {"name": "b", "image": "nginx:1.27", "memory": 128}]});
    let r = validate_value(&request);
    assert_eq!(r.verdict, Verdict::Rejected);
    let f = r.first_error().expect("links");
    assert_eq!(f.rule, "awsvpc-links");
    assert_eq!(f.client_exception_message(), "Links are not supported when networkMode=awsvpc.");
    assert!(f.span.start_line > 1, "spans point into the printed request");
    assert_eq!(validate_value(&json!({"family": "f", "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 128}]})).verdict, Verdict::Accepted);
}

#[test]
fn the_report_serializes_for_the_page() {
    let r = validate(r#"{"family": "f", "containerDefinitions": []}"#);
    let v = serde_json::to_value(&r).expect("json");
    assert_eq!(v["verdict"], "rejected");
    assert_eq!(v["shape"], "request");
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "containers-empty");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["stage"], "service");
    assert_eq!(f["message"], "Container list cannot be empty.");
    assert_eq!(f["verbatim"], true);
    assert_eq!(f["fact"], "§1.10");
    assert_eq!(f["pointer"], "/containerDefinitions");
    assert!(f["span"]["startLine"].is_null() && f["span"]["start_line"] == 1);
    assert!(f.get("botocore_order").is_none());
    let shapes = [validate("[1]").shape, validate("nope").shape, validate("{\"taskDefinition\": {}}").shape];
    assert_eq!(shapes, [DocShape::Other, DocShape::NotJson, DocShape::DescribeWrapper]);
}

#[test]
fn the_32_vcpu_fargate_sizes_are_behind_an_option() {
    let text = r#"{"family": "f", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "32768", "memory": "122880",
        "containerDefinitions": [{"name": "a", "image": "nginx:1.27"}]}"#;
    assert_eq!(validate(text).first_error().map(|f| f.rule), Some("fargate-size"));
    assert_eq!(validate_with(text, &Options { newest_fargate_sizes: true }).verdict, Verdict::Accepted);
    // 8 and 16 vCPU are in the default table.
    let eight = text.replace("32768", "8192").replace("122880", "61440");
    assert_eq!(validate(&eight).verdict, Verdict::Accepted);
    let sixteen = text.replace("32768", "16384");
    assert_eq!(validate(&sixteen).verdict, Verdict::Accepted);
}

#[test]
fn a_64_kib_definition_is_measured_by_its_json() {
    let big = "x".repeat(66_000);
    let text = format!(r#"{{"family": "f", "containerDefinitions": [{{"name": "a", "image": "nginx:1.27", "memory": 64, "command": ["{big}"]}}]}}"#);
    let r = validate(&text);
    assert_eq!(r.errors().map(|f| f.rule).collect::<Vec<_>>(), ["task-size-limit"]);
}
