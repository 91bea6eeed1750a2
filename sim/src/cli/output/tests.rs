//! Tests of the public API: `--output text` cases ported from aws/aws-cli
//! (branch v2) `tests/unit/test_text.py` and
//! `tests/unit/output/test_text_output.py`, `--output json` cases from
//! `tests/unit/output/test_json_output.py`, ECS-shaped responses (expected
//! text is what awscli's own `text.format_text` prints), and `--output`
//! parsing.

use serde_json::{Value, json};

use super::*;

fn text(value: &Value) -> String {
    format(value, OutputFormat::Text, "Op", false)
}

fn parsed(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or(Value::Null)
}

// ---- tests/unit/test_text.py::TestSection ----

#[test]
fn dict_format() {
    assert_eq!(text(&json!({"a": 1, "b": 2, "c": 3})), "1\t2\t3\n");
}

#[test]
fn list_format() {
    assert_eq!(text(&json!([1, 2, 3])), "1\t2\t3\n");
}

#[test]
fn list_of_dicts() {
    let v = json!({"foo": [{"a": 1, "b": 2, "c": 3}, {"a": 4, "b": 5, "c": 6}]});
    assert_eq!(text(&v), "FOO\t1\t2\t3\nFOO\t4\t5\t6\n");
}

#[test]
fn multiple_list_of_dicts() {
    let v = json!({
        "foo": [{"a": 1, "b": 2, "c": 3}, {"a": 4, "b": 5, "c": 6}],
        "zoo": [{"a": 7, "b": 8, "c": 9}, {"a": 0, "b": 1, "c": 2}]
    });
    assert_eq!(
        text(&v),
        "FOO\t1\t2\t3\nFOO\t4\t5\t6\nZOO\t7\t8\t9\nZOO\t0\t1\t2\n"
    );
}

#[test]
fn different_keys_in_sublists() {
    let v = json!({"foo": [{"a": 1, "b": 2, "c": 3}, {"a": 4, "c": 5}, {"a": 6, "d": 7}]});
    assert_eq!(text(&v), "FOO\t1\t2\t3\t\nFOO\t4\t\t5\t\nFOO\t6\t\t\t7\n");
}

#[test]
fn different_keys_in_nested_sublists() {
    let v = json!({"bar": [
        {"foo": [{"a": 1, "b": 2, "c": 3}, {"a": 4, "c": 5}]},
        {"foo": [{"b": 6, "d": 7}, {"b": 8, "c": 9}]}
    ]});
    assert_eq!(
        text(&v),
        "FOO\t1\t2\t3\nFOO\t4\t\t5\nFOO\t6\t\t7\nFOO\t8\t9\t\n"
    );
}

#[test]
fn scalars_and_complex_types() {
    let v = json!({"foo": [
        {"a": 1, "b": {"y": "y", "z": "z"}, "c": 3},
        {"a": 4, "b": {"y": "y", "z": "z"}, "c": 6}
    ]});
    assert_eq!(text(&v), "FOO\t1\t3\nB\ty\tz\nFOO\t4\t6\nB\ty\tz\n");
}

#[test]
fn nested_list_of_lists() {
    assert_eq!(
        text(&json!([["1", "2", "3"], ["4", "5", "6"]])),
        "1\t2\t3\n4\t5\t6\n"
    );
}

#[test]
fn deeply_nested_lists() {
    let v = json!([
        [["1", "2", "3"], ["4", "5", "6"]],
        [["7", "8", "9"], ["0", "1", "2"]]
    ]);
    assert_eq!(text(&v), "1\t2\t3\n4\t5\t6\n7\t8\t9\n0\t1\t2\n");
}

#[test]
fn unicode_text() {
    assert_eq!(text(&json!([["1", "2", "\u{2713}"]])), "1\t2\t\u{2713}\n");
}

#[test]
fn single_scalar_value() {
    assert_eq!(text(&json!("foobarbaz")), "foobarbaz\n");
}

#[test]
fn empty_list() {
    assert_eq!(text(&json!([])), "");
}

#[test]
fn empty_inner_list() {
    assert_eq!(text(&json!([[]])), "");
}

// ---- tests/unit/output/test_text_output.py ----

#[test]
fn text_response_list_users() {
    let v = json!({"Users": [{
        "UserName": "testuser-50", "Path": "/", "CreateDate": "2013-02-12T19:08:52Z",
        "UserId": "EXAMPLEUSERID", "Arn": "arn:aws:iam::12345:user/testuser1"
    }], "Groups": []});
    assert_eq!(
        text(&v),
        "USERS\tarn:aws:iam::12345:user/testuser1\t2013-02-12T19:08:52Z\t/\tEXAMPLEUSERID\ttestuser-50\n"
    );
}

#[test]
fn text_response_engine_defaults_none() {
    let v = json!({"EngineDefaults": {"Parameters": [], "Marker": null}});
    assert_eq!(text(&v), "ENGINEDEFAULTS\tNone\n");
}

// ---- ECS-shaped text output ----

const DESCRIBE_CLUSTERS: &str = r#"{"clusters": [{"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default", "clusterName": "default", "status": "ACTIVE", "registeredContainerInstancesCount": 0, "runningTasksCount": 2, "pendingTasksCount": 0, "activeServicesCount": 1, "statistics": [], "tags": [{"key": "team", "value": "learning"}], "settings": [{"name": "containerInsights", "value": "disabled"}], "capacityProviders": ["FARGATE", "FARGATE_SPOT"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 0}]}, {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "clusterName": "web", "status": "ACTIVE", "registeredContainerInstancesCount": 3, "runningTasksCount": 0, "pendingTasksCount": 1, "activeServicesCount": 0, "statistics": [], "tags": [], "settings": [{"name": "containerInsights", "value": "enabled"}], "capacityProviders": [], "defaultCapacityProviderStrategy": []}], "failures": []}"#;

#[test]
fn ecs_list_clusters_text() {
    assert_eq!(
        text(&json!({"clusterArns": ["arn:a", "arn:b"]})),
        "CLUSTERARNS\tarn:a\nCLUSTERARNS\tarn:b\n"
    );
}

#[test]
fn ecs_describe_clusters_text() {
    let want = "CLUSTERS\t1\tarn:aws:ecs:us-east-1:123456789012:cluster/default\tdefault\t0\t0\t2\tACTIVE\n\
CAPACITYPROVIDERS\tFARGATE\n\
CAPACITYPROVIDERS\tFARGATE_SPOT\n\
DEFAULTCAPACITYPROVIDERSTRATEGY\t0\tFARGATE\t1\n\
SETTINGS\tcontainerInsights\tdisabled\n\
TAGS\tteam\tlearning\n\
CLUSTERS\t0\tarn:aws:ecs:us-east-1:123456789012:cluster/web\tweb\t1\t3\t0\tACTIVE\n\
SETTINGS\tcontainerInsights\tenabled\n";
    assert_eq!(text(&parsed(DESCRIBE_CLUSTERS)), want);
}

#[test]
fn ecs_describe_clusters_failure_text() {
    let v = json!({"clusters": [], "failures": [
        {"arn": "arn:aws:ecs:us-east-1:123456789012:cluster/nope", "reason": "MISSING"}
    ]});
    assert_eq!(
        text(&v),
        "FAILURES\tarn:aws:ecs:us-east-1:123456789012:cluster/nope\tMISSING\n"
    );
}

#[test]
fn query_results_in_text() {
    assert_eq!(text(&json!(["default", "web"])), "default\tweb\n");
    assert_eq!(
        text(&json!([["default", 2, true], ["web", 0, false, null, 1.5]])),
        "default\t2\tTrue\nweb\t0\tFalse\tNone\t1.5\n"
    );
    assert_eq!(
        text(&json!(["a", ["b", "c"], "d", [["e"]]])),
        "a\td\nb\tc\ne\n"
    );
    assert_eq!(text(&json!(null)), "None\n");
    assert_eq!(text(&json!(true)), "True\n");
    assert_eq!(text(&json!(0.5)), "0.5\n");
    assert_eq!(text(&json!({})), "");
}

#[test]
fn scalar_in_one_dict_nested_in_another() {
    // "n" is a scalar in the second dict, so it is a column for both, and the
    // list in the first prints as Python's str() of it.
    let v = json!({"items": [{"k": "v", "n": [1, 2]}, {"k": "w", "n": 3}]});
    assert_eq!(text(&v), "ITEMS\tv\t[1, 2]\nITEMS\tw\t3\n");
}

#[test]
fn unicode_in_text() {
    let v = json!({"tags": [{"key": "名前", "value": "café ✓"}]});
    assert_eq!(text(&v), "TAGS\t名前\tcafé ✓\n");
}

#[test]
fn mixed_dict_list_fails_like_the_cli() {
    let v = json!({"a": ["x"], "b": [{"k": 1}, "oops"]});
    let err = try_format(
        &v,
        OutputFormat::Text,
        "Op",
        true,
        &FormatOptions::default(),
    );
    assert_eq!(
        err,
        Err(FormatError {
            stdout: "A\tx\n".to_owned(),
            message: "'str' object has no attribute 'items'".to_owned()
        })
    );
    assert_eq!(format(&v, OutputFormat::Text, "Op", true), "A\tx\n");
}

// ---- JSON, tests/unit/output/test_json_output.py ----

#[test]
fn empty_dict_response_prints_nothing() {
    assert_eq!(format(&json!({}), OutputFormat::Json, "Op", false), "");
    assert_eq!(format(&json!({}), OutputFormat::Json, "Op", true), "");
}

#[test]
fn empty_list_prints_list() {
    assert_eq!(format(&json!([]), OutputFormat::Json, "Op", true), "[]\n");
}

#[test]
fn empty_string_prints_quotes() {
    assert_eq!(format(&json!(""), OutputFormat::Json, "Op", true), "\"\"\n");
}

#[test]
fn zero_value_is_printed() {
    assert_eq!(format(&json!(0), OutputFormat::Json, "Op", true), "0\n");
}

#[test]
fn json_prints_unicode_chars() {
    let v = json!({"UserId": "\u{2713}"});
    assert_eq!(
        format(&v, OutputFormat::Json, "Op", false),
        "{\n    \"UserId\": \"\u{2713}\"\n}\n"
    );
}

#[test]
fn json_query_results() {
    assert_eq!(
        format(&json!(null), OutputFormat::Json, "Op", true),
        "null\n"
    );
    assert_eq!(
        format(&json!("x"), OutputFormat::Json, "Op", true),
        "\"x\"\n"
    );
    assert_eq!(text(&json!("x")), "x\n");
    assert_eq!(
        format(&json!(["arn:a", "arn:b"]), OutputFormat::Json, "Op", true),
        "[\n    \"arn:a\",\n    \"arn:b\"\n]\n"
    );
}

#[test]
fn ecs_list_clusters_json() {
    let v = json!({"clusterArns": ["arn:a", "arn:b"]});
    assert_eq!(
        format(&v, OutputFormat::Json, "ListClusters", false),
        "{\n    \"clusterArns\": [\n        \"arn:a\",\n        \"arn:b\"\n    ]\n}\n"
    );
    let empty = json!({"clusterArns": []});
    assert_eq!(
        format(&empty, OutputFormat::Json, "ListClusters", false),
        "{\n    \"clusterArns\": []\n}\n"
    );
}

// ---- other formats and options ----

#[test]
fn off_prints_nothing() {
    assert_eq!(
        format(
            &parsed(DESCRIBE_CLUSTERS),
            OutputFormat::Off,
            "DescribeClusters",
            false
        ),
        ""
    );
}

#[test]
fn default_width_is_80_and_width_is_honoured() {
    // Expected tables are what awscli's TableFormatter renders at 80 and 200
    // columns: 83 columns do not fit in 80, so the one-row section is turned
    // into key/value rows.
    let v = json!({"cluster": {"clusterName": "default", "status": "ACTIVE",
        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default"}});
    let at_80 = r#"-------------------------------------------------------------------------
|                             CreateCluster                             |
+-----------------------------------------------------------------------+
||                               cluster                               ||
|+-------------+-------------------------------------------------------+|
||  clusterArn |  arn:aws:ecs:us-east-1:123456789012:cluster/default   ||
||  clusterName|  default                                              ||
||  status     |  ACTIVE                                               ||
|+-------------+-------------------------------------------------------+|
"#;
    let at_200 = r#"-----------------------------------------------------------------------------------
|                                  CreateCluster                                  |
+---------------------------------------------------------------------------------+
||                                    cluster                                    ||
|+-----------------------------------------------------+--------------+----------+|
||                     clusterArn                      | clusterName  | status   ||
|+-----------------------------------------------------+--------------+----------+|
||  arn:aws:ecs:us-east-1:123456789012:cluster/default |  default     |  ACTIVE  ||
|+-----------------------------------------------------+--------------+----------+|
"#;
    assert_eq!(
        format(&v, OutputFormat::Table, "CreateCluster", false),
        at_80
    );
    assert_eq!(
        format_with_width(&v, OutputFormat::Table, "CreateCluster", false, 80),
        at_80
    );
    assert_eq!(
        format_with_width(&v, OutputFormat::Table, "CreateCluster", false, 200),
        at_200
    );
}

#[test]
fn text_and_json_ignore_width() {
    let v = parsed(DESCRIBE_CLUSTERS);
    for f in [OutputFormat::Json, OutputFormat::Text] {
        assert_eq!(
            format(&v, f, "T", false),
            format_with_width(&v, f, "T", false, 7)
        );
    }
}

// ---- --output parsing ----

#[test]
fn parse_output_formats() {
    assert_eq!("json".parse(), Ok(OutputFormat::Json));
    assert_eq!("text".parse(), Ok(OutputFormat::Text));
    assert_eq!("table".parse(), Ok(OutputFormat::Table));
    assert_eq!("off".parse(), Ok(OutputFormat::Off));
    assert_eq!(
        "yaml".parse::<OutputFormat>(),
        Err(ParseOutputFormatError::Unsupported("yaml".to_owned()))
    );
    assert_eq!(
        "yaml-stream".parse::<OutputFormat>(),
        Err(ParseOutputFormatError::Unsupported(
            "yaml-stream".to_owned()
        ))
    );
}

#[test]
fn invalid_output_choice_messages() {
    let err = |s: &str| s.parse::<OutputFormat>().err().map(|e| e.to_string());
    assert_eq!(
        err("tsv"),
        Some("argument --output: Found invalid choice 'tsv'\n".to_owned())
    );
    assert_eq!(
        err("JSON"),
        Some("argument --output: Found invalid choice 'JSON'\n".to_owned())
    );
    assert_eq!(
        err("tabel"),
        Some(
            "argument --output: Found invalid choice 'tabel'\n\nMaybe you meant:\n\n  * table"
                .to_owned()
        )
    );
}
