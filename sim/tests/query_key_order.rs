//! Key order of objects in results must be the AWS CLI's (Python dicts):
//! input objects keep their order, multi-select hashes follow the
//! expression, `merge()` behaves like `dict.update`.

use ecs_sim::cli::query::Query;
use serde_json::Value;

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn search(expr: &str, data: &Value) -> Value {
    Query::compile(expr).unwrap().search(data).unwrap()
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap()
}

const DESCRIBE_TASKS: &str = r#"{
  "tasks": [
    {
      "attachments": [],
      "availabilityZone": "us-east-1a",
      "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
      "containers": [
        {"containerArn": "arn:aws:ecs:us-east-1:123456789012:container/demo/1", "taskArn": "t", "name": "web", "lastStatus": "RUNNING"}
      ],
      "cpu": "256",
      "createdAt": "2024-01-01T00:00:00+00:00",
      "desiredStatus": "RUNNING",
      "group": "service:web",
      "lastStatus": "RUNNING",
      "launchType": "FARGATE",
      "memory": "512",
      "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/demo/abc",
      "version": 1,
      "zeta": true,
      "alpha": false
    }
  ],
  "failures": []
}"#;

#[test]
fn identity_keeps_input_order() {
    let r = search("@", &parse(r#"{"b":1,"a":2}"#));
    assert_eq!(keys(&r), ["b", "a"]);
    assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"b":1,"a":2}"#);
}

#[test]
fn multi_select_hash_follows_expression() {
    let data = parse(r#"{"a":1,"b":2}"#);
    let r = search("{z: a, y: b}", &data);
    assert_eq!(keys(&r), ["z", "y"]);
    let r = search("{a: a, z: b, m: a}", &data);
    assert_eq!(keys(&r), ["a", "z", "m"]);
}

#[test]
fn describe_tasks_entry_keeps_order() {
    let data = parse(DESCRIBE_TASKS);
    let task = search("tasks[0]", &data);
    let want: Vec<&str> = keys(&data["tasks"][0]);
    assert_eq!(keys(&task), want);
    assert_eq!(keys(&task).last(), Some(&"alpha"));
    let c = search("tasks[0].containers[0]", &data);
    assert_eq!(keys(&c), ["containerArn", "taskArn", "name", "lastStatus"]);
    let projected = search("tasks[?lastStatus=='RUNNING']", &data);
    assert_eq!(keys(&projected[0]), want);
    let all = search(
        "tasks[].{status: lastStatus, arn: taskArn, cpu: cpu}",
        &data,
    );
    assert_eq!(keys(&all[0]), ["status", "arn", "cpu"]);
}

#[test]
fn merge_is_dict_update() {
    let r = search(r#"merge(`{"b":1,"a":2}`, `{"c":3,"b":4}`)"#, &Value::Null);
    assert_eq!(keys(&r), ["b", "a", "c"]);
    assert_eq!(r["b"], 4);
    let data = parse(DESCRIBE_TASKS);
    let r = search("merge(tasks[0], {zz: cpu, alpha: `1`})", &data);
    assert_eq!(keys(&r).first(), Some(&"attachments"));
    assert_eq!(keys(&r).last(), Some(&"zz"));
    assert_eq!(r["alpha"], 1);
}

#[test]
fn values_keys_literals_and_to_string_keep_order() {
    let data = parse(r#"{"z":{"q":1,"p":2},"y":3,"x":[1]}"#);
    assert_eq!(search("keys(@)", &data), parse(r#"["z","y","x"]"#));
    assert_eq!(
        search("values(@)", &data),
        parse(r#"[{"q":1,"p":2},3,[1]]"#)
    );
    assert_eq!(search("*", &data)[0], data["z"]);
    assert_eq!(keys(&search("*", &data)[0]), ["q", "p"]);
    let lit = search(r#"`{"b": 1, "a": {"d": 1, "c": 2}}`"#, &Value::Null);
    assert_eq!(keys(&lit), ["b", "a"]);
    assert_eq!(keys(&lit["a"]), ["d", "c"]);
    assert_eq!(
        search("to_string(@)", &data),
        r#"{"z":{"q":1,"p":2},"y":3,"x":[1]}"#
    );
}
