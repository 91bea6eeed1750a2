//! The AWS CLI's paginator (botocore `PageIterator`, awscli `paginate.py` and its text formatter), through
//! the sandbox's terminal: `--max-items`, `--starting-token`, the resume token in each output format, and the
//! output a paginated operation prints (result keys, then non-aggregate keys; nothing else).

use ecs_sim::{MemoryWorkspace, Sandbox};

fn run(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    out.stdout()
}

fn three_clusters() -> (Sandbox, MemoryWorkspace) {
    let (mut sb, mut ws) = (Sandbox::new(1), MemoryWorkspace::default());
    for name in ["a", "b", "c"] {
        run(&mut sb, &mut ws, &format!("aws ecs create-cluster --cluster-name {name}"));
    }
    (sb, ws)
}

/// base64 of `{"nextToken": null, "boto_truncate_amount": 1}`, as the real CLI prints it.
const AFTER_ONE: &str = "eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==";

#[test]
fn max_items_and_starting_token_walk_the_list_one_item_at_a_time() {
    let (mut sb, mut ws) = three_clusters();
    let first: serde_json::Value = serde_json::from_str(&run(&mut sb, &mut ws, "aws ecs list-clusters --max-items 1")).expect("json");
    assert_eq!(first["clusterArns"], serde_json::json!(["arn:aws:ecs:us-east-1:123456789012:cluster/a"]));
    assert_eq!(first["NextToken"], AFTER_ONE);
    let keys: Vec<&String> = first.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["clusterArns", "NextToken"], "NextToken comes last");
    let mut seen = vec!["a".to_string()];
    let mut token = AFTER_ONE.to_string();
    loop {
        let page: serde_json::Value =
            serde_json::from_str(&run(&mut sb, &mut ws, &format!("aws ecs list-clusters --max-items 1 --starting-token {token}"))).expect("json");
        seen.extend(page["clusterArns"].as_array().expect("arns").iter().filter_map(|a| a.as_str()?.rsplit('/').next().map(str::to_string)));
        match page["NextToken"].as_str() {
            Some(t) => token = t.to_string(),
            None => break,
        }
    }
    assert_eq!(seen, ["a", "b", "c"]);
}

#[test]
fn the_text_format_prints_the_token_as_a_record_and_none_through_a_query() {
    let (mut sb, mut ws) = three_clusters();
    let text = run(&mut sb, &mut ws, "aws ecs list-clusters --max-items 2 --output text");
    assert_eq!(
        text,
        "CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/a\nCLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/b\nNEXTTOKEN\teyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==\n"
    );
    // CLI 2.32's known quirk (aws-cli issues 5654 and 7277): the token record goes through --query too.
    let queried = run(&mut sb, &mut ws, "aws ecs list-clusters --max-items 1 --output text --query 'clusterArns[]'");
    assert_eq!(queried, "arn:aws:ecs:us-east-1:123456789012:cluster/a\nNone\n");
    // Everything shown: no token, no record.
    let all = run(&mut sb, &mut ws, "aws ecs list-clusters --max-items 5 --output text --query 'length(clusterArns)'");
    assert_eq!(all, "3\n");
}

#[test]
fn pagination_options_are_refused_with_the_operations_own_limit_and_bad_tokens_are_named() {
    let (mut sb, mut ws) = three_clusters();
    // botocore's PaginationError, a BotoCoreError: exit 255.
    let out = sb.execute("aws ecs list-clusters --max-items 1 --max-results 2", &mut ws);
    assert_eq!(out.exit_code, 255);
    assert!(out.text().contains("Cannot specify --no-paginate along with pagination arguments: --max-items"), "{}", out.text());
    let out = sb.execute("aws ecs list-clusters --starting-token nonsense", &mut ws);
    assert_eq!(out.exit_code, 255);
    assert!(out.text().contains("Bad starting token: nonsense"), "{}", out.text());
    // The operation's own limit turns the paginator off: the service's page as it is.
    let own = run(&mut sb, &mut ws, "aws ecs list-clusters --max-results 2 --query 'length(clusterArns)'");
    assert_eq!(own.trim(), "3", "the sandbox's services answer in one page");
}

#[test]
fn a_paginated_operation_prints_only_its_result_and_non_aggregate_keys() {
    let (mut sb, mut ws) = (Sandbox::new(1), MemoryWorkspace::default());
    // IAM's IsTruncated is neither: the paginator leaves it out, unless --no-paginate makes one plain call.
    let keys = run(&mut sb, &mut ws, "aws iam list-attached-role-policies --role-name ecsInstanceRole --query 'keys(@)' --output text");
    assert_eq!(keys.trim(), "AttachedPolicies");
    let plain = run(&mut sb, &mut ws, "aws iam list-attached-role-policies --role-name ecsInstanceRole --no-paginate --query 'keys(@)' --output text");
    assert_eq!(plain.trim(), "AttachedPolicies\tIsTruncated");
    // CloudWatch's alarms in the paginator's order of result keys.
    let keys = run(&mut sb, &mut ws, "aws cloudwatch describe-alarms --query 'keys(@)' --output text");
    assert_eq!(keys.trim(), "MetricAlarms\tCompositeAlarms");
    // The issue 7 services take --max-items like every paginated operation.
    run(&mut sb, &mut ws, "aws application-autoscaling describe-scaling-activities --service-namespace ecs --max-items 2");
    run(&mut sb, &mut ws, "aws autoscaling describe-auto-scaling-groups --max-items 1");
}
