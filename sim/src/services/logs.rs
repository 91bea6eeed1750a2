//! CloudWatch Logs operations: log groups, streams and events.

use crate::shared_sort::SharedSort;
use super::{Call, Handler, ServiceError};
use crate::context::Ctx;
use crate::world::logs::LogGroup;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateLogGroup" => create_group,
        "DescribeLogGroups" => describe_groups,
        "DeleteLogGroup" => delete_group,
        "PutRetentionPolicy" => put_retention,
        "CreateLogStream" => create_stream,
        "DescribeLogStreams" => describe_streams,
        "PutLogEvents" => put_events,
        "GetLogEvents" => get_events,
        "FilterLogEvents" => filter_events,
        _ => return None,
    })
}

fn group_missing() -> ServiceError {
    ServiceError::new("ResourceNotFoundException", "The specified log group does not exist.")
}

fn millis(t: crate::clock::SimTime) -> u64 {
    t.0
}

fn create_group(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("logGroupName").unwrap_or_default();
    let now = ctx.now;
    let r = ctx.world.region_mut(call.region);
    if r.logs.groups.contains_key(name) {
        return Err(ServiceError::new("ResourceAlreadyExistsException", "The specified log group already exists"));
    }
    r.logs.groups.insert(name.into(), LogGroup { name: name.into(), created_at: now, retention_days: None, streams: BTreeMap::new() });
    Ok(json!({}))
}

fn describe_groups(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let prefix = call.req().str("logGroupNamePrefix").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r
        .logs
        .groups
        .values()
        .filter(|g| g.name.starts_with(prefix))
        .map(|g| {
            let mut v = json!({
                "logGroupName": g.name,
                "creationTime": millis(g.created_at),
                "metricFilterCount": 0,
                "arn": g.arn(call.region),
                "storedBytes": g.stored_bytes(),
                "logGroupClass": "STANDARD",
                "logGroupArn": g.arn(call.region).trim_end_matches(":*").to_string(),
            });
            if let Some(d) = g.retention_days {
                v["retentionInDays"] = json!(d);
            }
            v
        })
        .collect();
    Ok(json!({ "logGroups": list }))
}

fn delete_group(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("logGroupName").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    r.logs.groups.remove(name).ok_or_else(group_missing)?;
    Ok(json!({}))
}

/// Retention must be one of CloudWatch Logs' allowed periods.
fn put_retention(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    const ALLOWED: &[i64] = &[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
    let req = call.req();
    let name = req.str("logGroupName").unwrap_or_default();
    let days = req.int("retentionInDays").unwrap_or(0);
    if !ALLOWED.contains(&days) {
        return Err(ServiceError::new(
            "InvalidParameterException",
            format!("1 validation error detected: Value '{days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: {ALLOWED:?}"),
        ));
    }
    let r = ctx.world.region_mut(call.region);
    r.logs.groups.get_mut(name).ok_or_else(group_missing)?.retention_days = Some(days);
    Ok(json!({}))
}

fn create_stream(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (group, stream) = (req.str("logGroupName").unwrap_or_default(), req.str("logStreamName").unwrap_or_default());
    let now = ctx.now;
    let r = ctx.world.region_mut(call.region);
    let g = r.logs.groups.get_mut(group).ok_or_else(group_missing)?;
    if g.streams.contains_key(stream) {
        return Err(ServiceError::new("ResourceAlreadyExistsException", "The specified log stream already exists"));
    }
    g.streams.insert(stream.into(), crate::world::logs::LogStream { created_at: now, events: Vec::new() });
    Ok(json!({}))
}

fn describe_streams(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let group = req.str("logGroupName").unwrap_or_default();
    let prefix = req.str("logStreamNamePrefix").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    let g = r.logs.groups.get(group).ok_or_else(group_missing)?;
    let list: Vec<Value> = g
        .streams
        .iter()
        .filter(|(n, _)| n.starts_with(prefix))
        .map(|(n, s)| {
            let mut v = json!({
                "logStreamName": n,
                "creationTime": millis(s.created_at),
                "arn": format!("arn:aws:logs:{}:{}:log-group:{}:log-stream:{n}", call.region, crate::tuning::ACCOUNT_ID, g.name),
                "storedBytes": 0,
            });
            if let (Some(first), Some(last)) = (s.events.first(), s.events.last()) {
                v["firstEventTimestamp"] = json!(millis(first.timestamp));
                v["lastEventTimestamp"] = json!(millis(last.timestamp));
                v["lastIngestionTime"] = json!(millis(last.ingested));
            }
            v
        })
        .collect();
    Ok(json!({ "logStreams": list }))
}

fn put_events(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (group, stream) = (req.str("logGroupName").unwrap_or_default(), req.str("logStreamName").unwrap_or_default());
    let lines: Vec<String> = req.list("logEvents").iter().filter_map(|e| e.get("message")?.as_str().map(str::to_string)).collect();
    let now = ctx.now;
    let r = ctx.world.region_mut(call.region);
    let g = r.logs.groups.get(group).ok_or_else(group_missing)?;
    if !g.streams.contains_key(stream) {
        return Err(ServiceError::new("ResourceNotFoundException", "The specified log stream does not exist."));
    }
    r.logs.append(group, stream, now, &lines);
    Ok(json!({ "rejectedLogEventsInfo": null }))
}

fn event_json(e: &crate::world::logs::LogEvent, stream: Option<&str>) -> Value {
    let mut v = json!({ "timestamp": millis(e.timestamp), "message": e.message, "ingestionTime": millis(e.ingested) });
    if let Some(s) = stream {
        v["logStreamName"] = json!(s);
    }
    v
}

fn get_events(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let (group, stream) = (req.str("logGroupName").unwrap_or_default(), req.str("logStreamName").unwrap_or_default());
    let r = ctx.world.region_mut(call.region);
    let g = r.logs.groups.get(group).ok_or_else(group_missing)?;
    let s = g.streams.get(stream).ok_or_else(|| ServiceError::new("ResourceNotFoundException", "The specified log stream does not exist."))?;
    let events: Vec<Value> = s.events.iter().map(|e| event_json(e, None)).collect();
    Ok(json!({ "events": events, "nextForwardToken": "f/00000000000000000000000000000000000000000000000000000000", "nextBackwardToken": "b/00000000000000000000000000000000000000000000000000000000" }))
}

fn filter_events(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let group = req.str("logGroupName").unwrap_or_default();
    let pattern = req.str("filterPattern").unwrap_or_default().trim_matches('"').to_string();
    let start = req.int("startTime").map(|t| t.max(0) as u64);
    let r = ctx.world.region_mut(call.region);
    let g = r.logs.groups.get(group).ok_or_else(group_missing)?;
    let mut events: Vec<(u64, Value)> = g
        .streams
        .iter()
        .flat_map(|(n, s)| s.events.iter().map(move |e| (n, e)))
        .filter(|(_, e)| start.is_none_or(|st| e.timestamp.0 >= st) && (pattern.is_empty() || e.message.contains(&pattern)))
        .map(|(n, e)| (e.timestamp.0, event_json(e, Some(n))))
        .collect();
    events.shared_sort_by_key(|(t, _)| *t);
    Ok(json!({ "events": events.into_iter().map(|(_, v)| v).collect::<Vec<_>>(), "searchedLogStreams": [] }))
}
