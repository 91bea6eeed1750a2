//! The CLI's paginator on the response (awscli `paginate.py`, botocore `PageIterator.build_full_result`). A
//! paginated operation is called through the paginator unless `--no-paginate` or the operation's own token
//! or limit option is given; the sandbox's services answer in one page, so there is nothing to merge, but the
//! paginator still shapes what is printed:
//! - the output holds the result keys (in the paginator's order), then the non-aggregate keys, then
//!   `NextToken`; any other member of the response is left out (IAM's `IsTruncated`);
//! - `--max-items N` keeps the first N items of the primary result key and, when items are left, adds the
//!   resume token; `--starting-token` resumes after them. The token is botocore's: base64 of the JSON
//!   `{"nextToken": null, "boto_truncate_amount": 1}` (each input token member, then the items shown).

use super::args::paginators::{Paging, paging};
use super::usage::CliFailure;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};

/// `response` as the CLI's paginator leaves it for `request` (which carries `PaginationConfig` when
/// `--max-items`, `--page-size` or `--starting-token` was given), and the resume token when items are left:
/// the JSON, YAML and table formats print it as a last member, `NextToken` ([`with_token`]); the text format
/// as a record of its own. Unchanged, with no token, when the operation is not paginated or pagination is off
/// (`no_paginate`, or the request names the operation's own token or limit).
pub fn apply(service: &str, api_operation: &str, request: &Value, response: Value, no_paginate: bool) -> Result<(Value, Option<String>), CliFailure> {
    let Some(p) = paging(service, api_operation) else { return Ok((response, None)) };
    if no_paginate || p.own_members().any(|m| request.get(m).is_some()) {
        return Ok((response, None));
    }
    let config = request.get("PaginationConfig");
    let skip = match config.and_then(|c| c.get("StartingToken")).and_then(Value::as_str) {
        Some(token) => starting_truncation(token)?,
        None => 0,
    };
    let max_items = config
        .and_then(|c| c.get("MaxItems"))
        .and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())));
    Ok(full_result(&p, response, skip, max_items))
}

/// `build_full_result`: the resume token as the output's last member, `NextToken`.
pub fn with_token(response: Value, token: Option<String>) -> Value {
    match (response, token) {
        (Value::Object(mut out), Some(t)) => {
            out.insert("NextToken".into(), json!(t));
            Value::Object(out)
        }
        (response, _) => response,
    }
}

/// The one page, truncated (`skip` items already shown, at most `max_items` now), rebuilt as botocore
/// builds the full result; and the resume token when items are left.
fn full_result(p: &Paging, mut page: Value, skip: usize, max_items: Option<u64>) -> (Value, Option<String>) {
    let mut next = None;
    if let Some((primary, secondary)) = p.result_keys.split_first() {
        if let Some(Value::Array(items)) = search_mut(&mut page, primary) {
            let rest: Vec<Value> = std::mem::take(items).into_iter().skip(skip).collect();
            let keep = max_items.map_or(rest.len(), |m| usize::try_from(m).unwrap_or(usize::MAX).min(rest.len()));
            if keep < rest.len() {
                next = Some(skip + keep);
            }
            *items = rest.into_iter().take(keep).collect();
        }
        // Resuming: the secondary result keys went out with the first page (`_handle_first_request`).
        if skip > 0 {
            for key in secondary {
                if let Some(v @ Value::Array(_)) = search_mut(&mut page, key) {
                    *v = json!([]);
                }
            }
        }
    }
    let mut full = Value::Object(Map::new());
    for key in p.result_keys {
        if let Some(v) = search(&page, key).filter(|v| !v.is_null()) {
            set(&mut full, key, v.clone());
        }
    }
    // The non-aggregate part: each key as the page has it (null when absent), merged in.
    let mut non_aggregate = Value::Object(Map::new());
    for key in p.non_aggregate_keys {
        set(&mut non_aggregate, key, search(&page, key).cloned().unwrap_or(Value::Null));
    }
    merge(&mut full, non_aggregate);
    let more = p.more_results.is_none_or(|m| search(&page, m).is_some_and(super::output::is_truthy));
    (full, next.map(|amount| encode(p, more, amount)))
}

fn search<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    key.split('.').try_fold(v, |v, k| v.get(k))
}

fn search_mut<'a>(v: &'a mut Value, key: &str) -> Option<&'a mut Value> {
    key.split('.').try_fold(v, |v, k| v.get_mut(k))
}

/// `set_value_from_jmespath` for a dotted key: creates the objects on the way.
fn set(target: &mut Value, key: &str, value: Value) {
    let mut parts: Vec<&str> = key.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut at = target;
    for part in parts {
        let Value::Object(map) = at else { return };
        at = map.entry(part.to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
    if let Value::Object(map) = at {
        map.insert(last.to_string(), value);
    }
}

/// botocore's `merge_dicts`: objects merge member by member, anything else replaces.
fn merge(into: &mut Value, from: Value) {
    let (Value::Object(a), Value::Object(b)) = (into, from) else { return };
    for (k, v) in b {
        match (a.get_mut(&k), v) {
            (Some(existing @ Value::Object(_)), v @ Value::Object(_)) => merge(existing, v),
            (_, v) => {
                a.insert(k, v);
            }
        }
    }
}

/// botocore's `TokenEncoder`: the next-token dict as Python's `json.dumps` writes it, in base64. When the
/// page says no more pages follow (`more_results` false), the dict has no service token.
fn encode(p: &Paging, more: bool, truncate_amount: usize) -> String {
    let mut token = String::from("{");
    if more {
        for t in p.input_tokens {
            token.push_str(&format!("\"{t}\": null, "));
        }
    }
    token.push_str(&format!("\"boto_truncate_amount\": {truncate_amount}}}"));
    STANDARD.encode(token)
}

/// How many items of the first page a `--starting-token` says were shown already: botocore's token, or its
/// older `token___amount` form. botocore would pass anything else on to the service as the service's own
/// token; the sandbox's services issue none, so it is refused with botocore's `Bad starting token: …`.
fn starting_truncation(token: &str) -> Result<usize, CliFailure> {
    let bad = || CliFailure::other(&format!("Bad starting token: {token}"));
    let decoded = STANDARD.decode(token).ok().and_then(|b| serde_json::from_slice::<Map<String, Value>>(&b).ok());
    if let Some(map) = decoded {
        return match map.get("boto_truncate_amount") {
            None => Ok(0),
            Some(v) => v.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(bad),
        };
    }
    match token.rsplit_once("___") {
        Some((_, amount)) => amount.parse().map_err(|_| bad()),
        None => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(service: &str, op: &str) -> Paging {
        paging(service, op).expect("paginated")
    }

    #[test]
    fn the_token_is_botocores() {
        // The string the real CLI prints after `aws ecs list-clusters --max-items 1`.
        assert_eq!(encode(&p("ecs", "ListClusters"), true, 1), "eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==");
        assert_eq!(starting_truncation(&encode(&p("ecs", "ListClusters"), true, 7)).ok(), Some(7));
        assert_eq!(starting_truncation("abc___3").ok(), Some(3));
        assert_eq!(starting_truncation("nonsense").err().map(|e| e.stderr), Some("\nBad starting token: nonsense\n".to_string()));
        // IAM's page says IsTruncated false: the token holds only the amount.
        let (_, token) = full_result(&p("iam", "ListRoles"), json!({"Roles": [1, 2], "IsTruncated": false}), 0, Some(1));
        assert_eq!(token.as_deref(), Some(STANDARD.encode("{\"boto_truncate_amount\": 1}").as_str()));
    }

    #[test]
    fn max_items_keeps_the_first_items_and_the_token_resumes_after_them() {
        let lc = p("ecs", "ListClusters");
        let page = json!({"clusterArns": ["a", "b", "c"]});
        let (first, token) = full_result(&lc, page.clone(), 0, Some(2));
        assert_eq!(first, json!({"clusterArns": ["a", "b"]}));
        let token = token.expect("a NextToken");
        assert_eq!(with_token(first, Some(token.clone()))["NextToken"], json!(token));
        let skip = starting_truncation(&token).expect("decodes");
        assert_eq!(full_result(&lc, page.clone(), skip, Some(2)), (json!({"clusterArns": ["c"]}), None), "the last page has no token");
        assert_eq!(full_result(&lc, page.clone(), 0, Some(3)), (page, None), "everything shown: no token");
    }

    #[test]
    fn the_output_is_rebuilt_as_build_full_result_does() {
        // Result keys in the paginator's order; members that are neither result nor non-aggregate keys go.
        let (alarms, _) = full_result(&p("monitoring", "DescribeAlarms"), json!({"CompositeAlarms": [], "MetricAlarms": [1]}), 0, None);
        assert_eq!(alarms.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()), Some(vec!["MetricAlarms".to_string(), "CompositeAlarms".into()]));
        let (roles, _) = full_result(&p("iam", "ListRoles"), json!({"Roles": [], "IsTruncated": false}), 0, None);
        assert_eq!(roles, json!({"Roles": []}));
        // ECR's scan findings: the findings first, then the non-aggregate keys, the rest of imageScanFindings merged in.
        let page = json!({"registryId": "1", "repositoryName": "web", "imageId": {"imageTag": "1"}, "imageScanStatus": {"status": "COMPLETE"},
            "imageScanFindings": {"imageScanCompletedAt": "t", "findingSeverityCounts": {"HIGH": 1}, "findings": [{"name": "CVE-1"}]}});
        let (scan, _) = full_result(&p("api.ecr", "DescribeImageScanFindings"), page, 0, None);
        let keys = |v: &Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
        assert_eq!(keys(&scan), ["imageScanFindings", "registryId", "repositoryName", "imageId", "imageScanStatus"]);
        assert_eq!(keys(&scan["imageScanFindings"]), ["findings", "imageScanCompletedAt", "findingSeverityCounts"]);
        // S3's ListBuckets keeps Owner and Prefix (null when the page has none), from the sdk-extras merge.
        let (buckets, _) = full_result(&p("s3", "ListBuckets"), json!({"Buckets": [], "Owner": {"ID": "x"}}), 0, None);
        assert_eq!(buckets, json!({"Buckets": [], "Owner": {"ID": "x"}, "Prefix": null}));
    }
}
