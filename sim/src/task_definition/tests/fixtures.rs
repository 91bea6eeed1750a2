//! The shared real-world fixtures: each must reach the AWS CLI's verdict with its wording.

use super::{fixture, report};
use crate::task_definition::parse::{
    RequestParseError, from_value, parse_request, validate_params,
};

/// Fixtures that the CLI passes to ECS (ECS accepts the first five; the last three are
/// rejected by the service's own rules, which are checked elsewhere).
const PARSEABLE: &[&str] = &[
    "consul-host-mode.json",
    "firelens-datadog-secret-options.json",
    "depends-on-healthy.json",
    "bridge-links.json",
    "gpu-resource-requirements.json",
    "nginx-fargate-awslogs-no-execution-role.json",
    "tomcat-awsvpc-port-mismatch.json",
    "secrets-placeholders.json",
];

const REQUEST_MEMBERS: &str = "family, taskRoleArn, executionRoleArn, networkMode, \
    containerDefinitions, volumes, placementConstraints, requiresCompatibilities, cpu, memory, \
    tags, pidMode, ipcMode, proxyConfiguration, inferenceAccelerators, ephemeralStorage, \
    runtimePlatform, enableFaultInjection, trustedExecutionConfiguration";

#[test]
fn accepted_fixtures_parse() {
    for name in PARSEABLE {
        let parsed = parse_request(&fixture(name));
        assert!(parsed.is_ok(), "{name}: {parsed:?}");
    }
}

#[test]
fn parsed_fields_land_in_the_right_places() {
    let consul = parse_request(&fixture("consul-host-mode.json")).unwrap();
    assert_eq!(consul.family.as_deref(), Some("consulServer"));
    assert_eq!(consul.network_mode.as_deref(), Some("host"));
    let container = &consul.container_definitions.as_ref().unwrap()[0];
    assert_eq!(container.memory, Some(256));
    assert_eq!(container.memory_reservation, Some(64));
    let labels = container.docker_labels.as_ref().unwrap();
    assert_eq!(labels.get("Name").map(String::as_str), Some("consulServer"));
    let log = container.log_configuration.as_ref().unwrap();
    assert_eq!(log.log_driver.as_deref(), Some("awslogs"));

    let gpu = parse_request(&fixture("gpu-resource-requirements.json")).unwrap();
    let req = &gpu.container_definitions.unwrap()[0]
        .resource_requirements
        .clone()
        .unwrap()[0];
    assert_eq!(
        (req.r#type.as_deref(), req.value.as_deref()),
        (Some("GPU"), Some("1"))
    );
}

#[test]
fn round_trip_is_lossless() {
    for name in PARSEABLE {
        let first = parse_request(&fixture(name)).unwrap();
        let text = serde_json::to_string_pretty(&first).unwrap();
        let second = parse_request(&text).unwrap();
        assert_eq!(first, second, "{name}");
        let again = from_value(serde_json::to_value(&second).unwrap()).unwrap();
        assert_eq!(first, again, "{name}");
    }
}

#[test]
fn serialized_keys_follow_model_order() {
    let parsed = parse_request(&fixture("consul-host-mode.json")).unwrap();
    let text = serde_json::to_string(&parsed).unwrap();
    // The file has containerDefinitions first and family last; the model puts family first.
    assert!(text.starts_with(r#"{"family":"consulServer","networkMode":"host","containerDefinitions":[{"name":"consulServer","image":"consul","cpu":128,"memory":256,"memoryReservation":64,"#), "{text}");
}

#[test]
fn broken_json_gives_line_and_column() {
    match parse_request(&fixture("tomcat-broken-json.json")) {
        Err(RequestParseError::MalformedJson {
            line,
            column,
            offset,
            message,
        }) => {
            // Python: "Expecting ',' delimiter: line 5 column 5 (char 72)".
            assert_eq!((line, column, offset), (5, 5, 72), "{message}");
        }
        other => panic!("expected MalformedJson, got {other:?}"),
    }
    let err = parse_request("{\n  \"family\": \"é\" \"x\"}").unwrap_err();
    assert_eq!(
        err,
        RequestParseError::MalformedJson {
            line: 2,
            column: 17,
            offset: 18,
            message: "expected `,` or `}` at line 2 column 18".to_string(),
        }
    );
    assert_eq!(
        err.to_string(),
        "Error parsing parameter 'cli-input-json': Invalid JSON received."
    );
}

#[test]
fn describe_output_names_every_read_only_key() {
    let text = report(parse_request(&fixture(
        "describe-output-read-only-fields.json",
    )));
    let expected: Vec<String> = std::iter::once("Parameter validation failed:".to_string())
        .chain(
            [
                "taskDefinitionArn",
                "revision",
                "status",
                "requiresAttributes",
                "compatibilities",
                "registeredAt",
                "registeredBy",
            ]
            .iter()
            .map(|k| {
                format!("Unknown parameter in input: \"{k}\", must be one of: {REQUEST_MEMBERS}")
            }),
        )
        .collect();
    assert_eq!(text, expected.join("\n"));
}

#[test]
fn describe_wrapper_is_missing_everything() {
    let text = report(parse_request(&fixture(
        "firelens-efs-describe-wrapper.json",
    )));
    let expected = format!(
        "Parameter validation failed:\n\
         Missing required parameter in input: \"family\"\n\
         Missing required parameter in input: \"containerDefinitions\"\n\
         Unknown parameter in input: \"taskDefinition\", must be one of: {REQUEST_MEMBERS}"
    );
    assert_eq!(text, expected);
    // Unwrapped, the inner definition is fine.
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture("firelens-efs-describe-wrapper.json")).unwrap();
    let inner = value["taskDefinition"].take();
    assert!(from_value(inner).is_ok());
}

#[test]
fn nulls_are_each_reported() {
    let text = report(parse_request(&fixture("fargate-with-nulls.json")));
    let c = "containerDefinitions[0]";
    let null = |path: &str, valid: &str| {
        format!(
            "Invalid type for parameter {path}, value: None, type: <class 'NoneType'>, valid types: {valid}"
        )
    };
    let (s, i, b, l, d) = (
        "<class 'str'>",
        "<class 'int'>",
        "<class 'bool'>",
        "<class 'list'>, <class 'tuple'>",
        "<class 'dict'>",
    );
    let mut expected = vec![
        "Parameter validation failed:".to_string(),
        null("ipcMode", s),
    ];
    for (member, valid) in [
        ("dnsSearchDomains", l),
        ("environmentFiles", l),
        ("logConfiguration.secretOptions", l),
        ("entryPoint", l),
        ("command", l),
        ("linuxParameters", d),
        ("resourceRequirements", l),
        ("ulimits", l),
        ("dnsServers", l),
        ("workingDirectory", s),
        ("secrets", l),
        ("dockerSecurityOptions", l),
        ("memory", i),
        ("memoryReservation", i),
        ("stopTimeout", i),
        ("startTimeout", i),
        ("firelensConfiguration", d),
        ("dependsOn", l),
        ("disableNetworking", b),
        ("interactive", b),
        ("healthCheck", d),
        ("links", l),
        ("hostname", s),
        ("extraHosts", l),
        ("pseudoTerminal", b),
        ("user", s),
        ("readonlyRootFilesystem", b),
        ("dockerLabels", d),
        ("systemControls", l),
        ("privileged", b),
    ] {
        expected.push(null(&format!("{c}.{member}"), valid));
    }
    expected.push(null("pidMode", s));
    expected.push(null("proxyConfiguration", d));
    assert_eq!(text, expected.join("\n"));
}

#[test]
fn bare_container_array_is_not_a_map() {
    let text = fixture("terraform-container-definitions-array.json");
    let err = parse_request(&text).unwrap_err();
    assert_eq!(
        err,
        RequestParseError::NotAMap {
            received: "<class 'list'>"
        }
    );
    assert_eq!(
        err.to_string(),
        "Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>"
    );
    // What botocore itself says when handed the list directly (e.g. from boto3).
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let problems = validate_params(&value);
    assert_eq!(problems.len(), 1);
    let line = problems[0].to_string();
    assert!(
        line.starts_with("Invalid type for parameter input, value: [{'name': 'cloud-computing', 'image': '${aws_ecr_repository}:${tag}', 'essential': True, 'logConfiguration': {'logDriver': 'awslogs', "),
        "{line}"
    );
    assert!(
        line.ends_with("'volumesFrom': []}], type: <class 'list'>, valid types: <class 'dict'>"),
        "{line}"
    );
}
