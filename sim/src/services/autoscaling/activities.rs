//! DescribeScalingActivities: a group's launches and terminations, newest first, with AWS's descriptions and
//! causes (lifecycle::auto_scaling_group).

use crate::context::Ctx;
use crate::lifecycle::auto_scaling_group as asg;
use crate::services::{Call, ServiceError};
use crate::world::autoscaling::Activity;
use serde_json::{Value, json};

/// At most this many activities per call (MaxRecords' default).
const MAX_RECORDS: usize = 100;

pub fn render(group: &str, arn: &str, a: &Activity) -> Value {
    let mut v = json!({
        "ActivityId": a.id,
        "AutoScalingGroupName": group,
        "Description": a.description,
        "Cause": a.cause,
        "StartTime": a.start.to_cli_string(),
        "StatusCode": a.status_code,
        "Progress": if a.status_code == "InProgress" { 50 } else { 100 },
        "Details": a.details,
        "AutoScalingGroupARN": arn,
    });
    if let Some(end) = a.end {
        v["EndTime"] = json!(end.to_cli_string());
    }
    if let Some(m) = &a.status_message {
        v["StatusMessage"] = json!(m);
    }
    v
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    asg::refresh(ctx, call.region);
    let name = req.str("AutoScalingGroupName");
    let ids = req.strings("ActivityIds");
    let limit = req.int("MaxRecords").map_or(MAX_RECORDS, |n| usize::try_from(n.clamp(1, 100)).unwrap_or(MAX_RECORDS));
    let r = ctx.world.region_mut(call.region);
    let mut all: Vec<(&str, &str, &Activity)> = Vec::new();
    for g in r.autoscaling.groups.values().filter(|g| name.is_none_or(|n| n == g.name)) {
        for a in g.activities.iter().rev() {
            if ids.is_empty() || ids.contains(&a.id.as_str()) {
                all.push((g.name.as_str(), g.arn.as_str(), a));
            }
        }
    }
    use crate::shared_sort::SharedSort;
    all.shared_sort_by(|a, b| b.2.start.cmp(&a.2.start));
    let out: Vec<Value> = all.into_iter().take(limit).map(|(n, arn, a)| render(n, arn, a)).collect();
    Ok(json!({ "Activities": out }))
}
