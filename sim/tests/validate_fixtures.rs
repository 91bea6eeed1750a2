//! Every real task definition of fixtures/taskdefs gets the verdict real ECS gives it
//! (SOURCES.md), for the reason SOURCES.md names; the offered fixes repair what they claim to.
//! The fixtures are read from /work/shared when present, else from the copy in tests/data (CI).

use std::path::{Path, PathBuf};

use ecs_sim::validate::{DocShape, Report, Stage, Verdict, apply_fix, validate};

const ORIGINAL: &str = "/work/shared/fixtures/taskdefs";

fn dir() -> PathBuf {
    if Path::new(ORIGINAL).exists() { PathBuf::from(ORIGINAL) } else { PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/taskdefs") }
}

fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn rules(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule).collect()
}

fn errors(r: &Report) -> Vec<&str> {
    r.errors().map(|f| f.rule).collect()
}

#[test]
fn the_copies_in_tests_data_are_current() {
    let copy = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/taskdefs");
    let Ok(entries) = std::fs::read_dir(ORIGINAL) else { return };
    for e in entries.flatten() {
        let name = e.file_name();
        let original = std::fs::read(e.path()).expect("read");
        let ours = std::fs::read(copy.join(&name)).unwrap_or_default();
        assert_eq!(ours, original, "refresh sim/tests/data/taskdefs/{}", name.to_string_lossy());
    }
}

#[test]
fn every_fixture_gets_the_verdict_sources_md_gives() {
    let sources = text("SOURCES.md");
    let mut checked = 0;
    for line in sources.lines().filter(|l| l.starts_with("| ") && l.contains(".json")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let (file, verdict) = (cells[0], cells[2]);
        let expected = if verdict.starts_with("accepted") { Verdict::Accepted } else { Verdict::Rejected };
        let report = validate(&text(file));
        assert_eq!(report.verdict, expected, "{file}: {}", report.render_lines(file));
        checked += 1;
    }
    assert_eq!(checked, 13);
}

#[test]
fn fargate_awslogs_without_execution_role() {
    let r = validate(&text("nginx-fargate-awslogs-no-execution-role.json"));
    let first = r.first_error().expect("an error");
    assert_eq!(first.rule, "fargate-awslogs-execution-role");
    assert_eq!(first.client_exception_message(), "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
    assert!(first.verbatim);
    assert_eq!(errors(&r), ["fargate-awslogs-execution-role"]);
    assert!(rules(&r).contains(&"image-latest-tag"));
    let fixed = apply_fix(&text("nginx-fargate-awslogs-no-execution-role.json"), first.fix.as_ref().expect("fix"));
    assert_eq!(validate(&fixed).verdict, Verdict::Accepted);
}

#[test]
fn awsvpc_port_mismatch_points_at_the_host_port() {
    let source = text("tomcat-awsvpc-port-mismatch.json");
    let r = validate(&source);
    assert_eq!(errors(&r), ["awsvpc-host-port"]);
    let f = r.first_error().expect("error");
    assert_eq!(f.message, "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    assert_eq!(f.pointer, "/containerDefinitions/0/portMappings/0/hostPort");
    assert_eq!(&source[f.span.start..f.span.end], "\"hostPort\": 80");
    assert_eq!((f.span.start_line, f.span.start_column, f.span.end_line, f.span.end_column), (12, 21, 12, 35));
    assert_eq!(r.render_lines("t.json").lines().next(), Some("t.json:12:21: error[awsvpc-host-port]: When networkMode=awsvpc, the host ports and container ports in port mappings must match."));
    let fixed = apply_fix(&source, f.fix.as_ref().expect("fix"));
    assert!(fixed.contains("\"hostPort\": 8080"));
    assert_eq!(validate(&fixed).verdict, Verdict::Accepted);
}

#[test]
fn broken_json_gives_one_finding_with_line_and_column() {
    let source = text("tomcat-broken-json.json");
    let r = validate(&source);
    assert_eq!(r.shape, DocShape::NotJson);
    assert_eq!(r.findings.len(), 1);
    let f = &r.findings[0];
    assert_eq!(f.rule, "json-syntax");
    assert_eq!(f.stage, Stage::Json);
    assert_eq!(f.message, "Expecting ',' delimiter: line 5 column 5 (char 72)");
    assert_eq!((f.span.start_line, f.span.start_column), (5, 5));
    assert_eq!(r.render_lines("broken.json"), "broken.json:5:5: error[json-syntax]: Expecting ',' delimiter: line 5 column 5 (char 72)\n");
    // The fix inserts the comma after "1024"; the file then parses, and shows its next problems.
    let fixed = apply_fix(&source, f.fix.as_ref().expect("fix"));
    assert!(fixed.contains("\"cpu\":\"1024\",\n"));
    let again = validate(&fixed);
    assert_eq!(errors(&again), ["awsvpc-host-port"]);
    assert!(rules(&again).contains(&"duplicate-key"), "the repeated awslogs-group key");
}

#[test]
fn describe_wrapper_is_named_and_unwrapped() {
    let source = text("firelens-efs-describe-wrapper.json");
    let r = validate(&source);
    assert_eq!(r.shape, DocShape::DescribeWrapper);
    let first = r.first_error().expect("error");
    assert_eq!(first.rule, "describe-wrapper");
    assert!(first.message.starts_with("Unknown parameter in input: \"taskDefinition\", must be one of: family, taskRoleArn,"));
    assert!(first.explanation.contains("describe-task-definition"));
    let (stage, aws) = r.aws_error().expect("aws error");
    assert_eq!(stage, Stage::Parameters);
    assert!(aws.starts_with("Parameter validation failed:\nMissing required parameter in input: \"family\"\nMissing required parameter in input: \"containerDefinitions\"\nUnknown parameter in input: \"taskDefinition\""));
    let unwrapped = apply_fix(&source, first.fix.as_ref().expect("fix"));
    let inner = validate(&unwrapped);
    assert_eq!(inner.shape, DocShape::Request);
    assert_eq!(inner.verdict, Verdict::Accepted, "{}", inner.render_lines("inner"));
}

#[test]
fn describe_output_names_each_read_only_field_and_removes_them_all() {
    let source = text("describe-output-read-only-fields.json");
    let r = validate(&source);
    assert_eq!(r.shape, DocShape::DescribeOutput);
    let read_only: Vec<&str> = r.errors().filter(|f| f.rule == "read-only-field").map(|f| f.pointer.as_str()).collect();
    assert_eq!(read_only, ["/taskDefinitionArn", "/revision", "/status", "/requiresAttributes", "/compatibilities", "/registeredAt", "/registeredBy"]);
    assert_eq!(errors(&r).len(), 7);
    let fix = r.first_error().and_then(|f| f.fix.as_ref()).expect("fix");
    assert_eq!(fix.title, "Remove the 7 read-only fields");
    let fixed = apply_fix(&source, fix);
    let again = validate(&fixed);
    assert_eq!(again.verdict, Verdict::Accepted, "{}", again.render_lines("fixed"));
    assert_eq!(again.shape, DocShape::Request);
}

#[test]
fn nulls_are_each_named_and_removed_in_one_click() {
    let source = text("fargate-with-nulls.json");
    let r = validate(&source);
    let nulls: Vec<&str> = r.errors().filter(|f| f.rule == "null-value").map(|f| f.pointer.as_str()).collect();
    assert_eq!(nulls.len(), 33);
    assert!(nulls.contains(&"/ipcMode") && nulls.contains(&"/containerDefinitions/0/memory") && nulls.contains(&"/proxyConfiguration"));
    assert_eq!(errors(&r).len(), 33, "{}", r.render_lines("n"));
    let f = r.first_error().expect("error");
    assert_eq!(f.message, "Invalid type for parameter ipcMode, value: None, type: <class 'NoneType'>, valid types: <class 'str'>");
    let fix = f.fix.as_ref().expect("fix");
    assert_eq!(fix.title, "Remove all 33 null values");
    let again = validate(&apply_fix(&source, fix));
    assert_eq!(again.verdict, Verdict::Accepted, "{}", again.render_lines("fixed"));
    assert_eq!(rules(&again), ["shared-role"], "same role as task and execution role: legal, worth a warning");
}

#[test]
fn container_array_is_recognised_and_wrapped() {
    let source = text("terraform-container-definitions-array.json");
    let r = validate(&source);
    assert_eq!(r.shape, DocShape::ContainerArray);
    assert_eq!(errors(&r), ["container-array"]);
    let f = r.first_error().expect("error");
    assert_eq!(f.message, "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>");
    assert!(f.explanation.contains("family"));
    let wrapped = apply_fix(&source, f.fix.as_ref().expect("fix"));
    assert!(wrapped.starts_with("{\n  \"family\": \"cloud-computing\",\n  \"containerDefinitions\": [\n"));
    let again = validate(&wrapped);
    assert_eq!(again.shape, DocShape::Request);
    // What is left is the real problem of the template: its image is a Terraform placeholder.
    assert_eq!(errors(&again), ["image-invalid"], "{}", again.render_lines("w"));
    assert!(again.findings[0].message.contains("placeholder"));
}

#[test]
fn placeholders_are_not_a_definition() {
    let r = validate(&text("secrets-placeholders.json"));
    assert_eq!(errors(&r), ["role-arn-invalid", "secret-value-from"]);
    assert!(r.findings[0].message.contains("$$$EXECUTION_ROLE$$$"));
    assert!(r.findings[1].message.contains("$$$SECRET_VALUE_FROM$$$"));
    assert!(rules(&r).contains(&"placeholder-value"), "the secret's name is a placeholder too");
}

#[test]
fn accepted_fixtures_carry_only_warnings() {
    for (file, warnings) in [
        ("consul-host-mode.json", vec!["image-latest-tag"]),
        ("firelens-datadog-secret-options.json", vec!["placeholder-value", "placeholder-value", "image-latest-tag", "placeholder-value"]),
        ("depends-on-healthy.json", vec!["image-latest-tag", "image-latest-tag"]),
        ("bridge-links.json", vec!["image-latest-tag", "image-latest-tag"]),
        ("gpu-resource-requirements.json", vec![]),
    ] {
        let r = validate(&text(file));
        assert_eq!(r.verdict, Verdict::Accepted, "{file}");
        assert_eq!(rules(&r), warnings, "{file}: {}", r.render_lines(file));
    }
}
