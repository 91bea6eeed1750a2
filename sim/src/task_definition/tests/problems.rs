//! botocore's other report lines: wrong types, `min` violations, tagged unions, required
//! members; and what gets past botocore but not the typed model.

use serde_json::json;

use super::report;
use crate::task_definition::parse::{RequestParseError, from_value, parse_request};

fn minimal(container: serde_json::Value) -> serde_json::Value {
    json!({"family": "web", "containerDefinitions": [container]})
}

#[test]
fn wrong_types_are_named_with_python_types() {
    let text = report(from_value(minimal(json!({
        "name": "web",
        "memory": "512",
        "cpu": 0.5,
        "essential": "true",
        "portMappings": {"containerPort": 80},
        "command": "npm start",
        "environment": [{"name": "PORT", "value": 8080}],
        "dockerLabels": {"team": 7, "tier": "web"},
        "healthCheck": ["CMD", "true"],
    }))));
    let c = "containerDefinitions[0]";
    let expected = [
        "Parameter validation failed:".to_string(),
        format!(
            "Invalid type for parameter {c}.memory, value: 512, type: <class 'str'>, valid types: <class 'int'>"
        ),
        format!(
            "Invalid type for parameter {c}.cpu, value: 0.5, type: <class 'float'>, valid types: <class 'int'>"
        ),
        format!(
            "Invalid type for parameter {c}.essential, value: true, type: <class 'str'>, valid types: <class 'bool'>"
        ),
        format!(
            "Invalid type for parameter {c}.portMappings, value: {{'containerPort': 80}}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>"
        ),
        format!(
            "Invalid type for parameter {c}.command, value: npm start, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>"
        ),
        format!(
            "Invalid type for parameter {c}.environment[0].value, value: 8080, type: <class 'int'>, valid types: <class 'str'>"
        ),
        format!(
            "Invalid type for parameter {c}.dockerLabels.team, value: 7, type: <class 'int'>, valid types: <class 'str'>"
        ),
        format!(
            "Invalid type for parameter {c}.healthCheck, value: ['CMD', 'true'], type: <class 'list'>, valid types: <class 'dict'>"
        ),
    ];
    assert_eq!(text, expected.join("\n"));
}

#[test]
fn task_level_cpu_and_memory_are_strings() {
    let mut v = minimal(json!({"name": "a", "image": "i"}));
    v["cpu"] = json!(256);
    v["memory"] = json!(512.0);
    assert_eq!(
        report(from_value(v)),
        "Parameter validation failed:\n\
         Invalid type for parameter cpu, value: 256, type: <class 'int'>, valid types: <class 'str'>\n\
         Invalid type for parameter memory, value: 512.0, type: <class 'float'>, valid types: <class 'str'>"
    );
}

#[test]
fn missing_required_members_come_before_unknown_keys() {
    let v = minimal(json!({
        "name": "a",
        "logConfiguration": {"options": {}, "driver": "awslogs"},
        "ulimits": [{"name": "nofile", "soft": 1}],
    }));
    assert_eq!(
        report(from_value(v)),
        "Parameter validation failed:\n\
         Missing required parameter in containerDefinitions[0].logConfiguration: \"logDriver\"\n\
         Unknown parameter in containerDefinitions[0].logConfiguration: \"driver\", must be one of: logDriver, options, secretOptions\n\
         Missing required parameter in containerDefinitions[0].ulimits[0]: \"softLimit\"\n\
         Missing required parameter in containerDefinitions[0].ulimits[0]: \"hardLimit\"\n\
         Unknown parameter in containerDefinitions[0].ulimits[0]: \"soft\", must be one of: name, softLimit, hardLimit"
    );
    assert_eq!(
        report(parse_request("{}")),
        "Parameter validation failed:\n\
         Missing required parameter in input: \"family\"\n\
         Missing required parameter in input: \"containerDefinitions\""
    );
}

#[test]
fn min_constraints_follow_botocore() {
    let mut v = minimal(json!({
        "name": "gpu",
        "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 0}}}],
    }));
    v["tags"] = json!([{"key": "", "value": ""}]);
    assert_eq!(
        report(from_value(v)),
        "Parameter validation failed:\n\
         Invalid value for parameter containerDefinitions[0].resourceRequirements[0].sharingStrategy.nvidiaMps.memory, value: 0, valid min value: 1\n\
         Invalid length for parameter tags[0].key, value: 0, valid min length: 1"
    );
}

#[test]
fn empty_tagged_union_uses_botocore_wording() {
    let v = minimal(
        json!({"name": "gpu", "resourceRequirements": [{"type": "GPU", "sharingStrategy": {}}]}),
    );
    assert_eq!(
        report(from_value(v)),
        "Parameter validation failed:\n\
         Must set one of the following keys for tagged unionstructure containerDefinitions[0].resourceRequirements[0].sharingStrategy: nvidiaMps."
    );
}

#[test]
fn top_level_scalars_are_not_maps() {
    for (text, received) in [
        ("null", "<class 'NoneType'>"),
        ("\"x\"", "<class 'str'>"),
        ("3", "<class 'int'>"),
    ] {
        assert_eq!(
            parse_request(text),
            Err(RequestParseError::NotAMap { received })
        );
    }
}

#[test]
fn what_botocore_lets_through_but_the_model_cannot_hold() {
    // Python's bool is an int, so botocore accepts `true` for an integer member.
    let err = from_value(minimal(json!({"name": "a", "cpu": true}))).unwrap_err();
    match err {
        RequestParseError::Deserialize { path, .. } => {
            assert_eq!(path, "containerDefinitions[0].cpu")
        }
        other => panic!("{other:?}"),
    }
    let err = parse_request(
        r#"{"family": "f", "containerDefinitions": [{"name": "a", "memory": 9223372036854775808}]}"#,
    )
    .unwrap_err();
    assert!(
        matches!(err, RequestParseError::Deserialize { ref path, .. } if path == "containerDefinitions[0].memory"),
        "{err:?}"
    );
}

#[test]
fn values_the_validator_judges_still_parse() {
    // Out-of-range numbers, unknown enum values and empty strings are the validator's job.
    let parsed = from_value(json!({
        "family": "",
        "networkMode": "bridged",
        "containerDefinitions": [{"name": "a", "cpu": -5, "memory": 99999999999i64,
            "portMappings": [{"containerPort": 70000, "protocol": "sctp"}]}],
        "ephemeralStorage": {"sizeInGiB": 5000},
    }))
    .unwrap();
    assert_eq!(parsed.network_mode.as_deref(), Some("bridged"));
    let c = &parsed.container_definitions.unwrap()[0];
    assert_eq!((c.cpu, c.memory), (Some(-5), Some(99_999_999_999)));
}
