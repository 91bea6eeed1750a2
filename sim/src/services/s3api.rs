//! Amazon S3 (`aws s3api …`): listing buckets and objects, creating a bucket. `aws s3 ls` is the CLI's
//! high-level command over the same calls (in `cli::customizations`).

use super::{Call, Handler, ServiceError};
use crate::context::Ctx;
use crate::world::s3::Bucket;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "ListBuckets" => list_buckets,
        "ListObjectsV2" => list_objects,
        "CreateBucket" => create_bucket,
        "HeadBucket" => head_bucket,
        _ => return None,
    })
}

pub fn no_such_bucket() -> ServiceError {
    ServiceError::new("NoSuchBucket", "The specified bucket does not exist")
}

fn list_buckets(ctx: &mut Ctx<'_>, _call: &Call<'_>) -> Result<Value, ServiceError> {
    let list: Vec<Value> =
        ctx.world.s3.buckets.values().map(|b| json!({"Name": b.name, "CreationDate": b.created_at.to_cli_string()})).collect();
    Ok(json!({ "Buckets": list, "Owner": {"ID": "b0ecfa1c5d3e8d2ecb28a0e5a0e1b1a7e5b30f3f2d6d6e3f1b3e5d0b6a4d2c1e"} }))
}

fn list_objects(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let bucket = req.str("Bucket").unwrap_or_default();
    let prefix = req.str("Prefix").unwrap_or_default();
    let b = ctx.world.s3.buckets.get(bucket).ok_or_else(no_such_bucket)?;
    let contents: Vec<Value> = b
        .objects
        .iter()
        .filter(|(k, _)| k.starts_with(prefix))
        .map(|(k, o)| json!({
            "Key": k,
            "LastModified": o.modified.to_cli_string(),
            "ETag": format!("\"{:032x}\"", u128::from(crate::world::amis::stable_hash(&[k]))),
            "Size": o.size,
            "StorageClass": "STANDARD",
        }))
        .collect();
    Ok(json!({ "IsTruncated": false, "Contents": contents, "Name": bucket, "Prefix": prefix, "MaxKeys": 1000, "KeyCount": contents.len() }))
}

fn create_bucket(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("Bucket").unwrap_or_default().to_string();
    if ctx.world.s3.buckets.contains_key(&name) {
        return Err(ServiceError::new("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it."));
    }
    ctx.world.s3.buckets.insert(name.clone(), Bucket { name: name.clone(), region: call.region.into(), created_at: ctx.now, objects: BTreeMap::new() });
    Ok(json!({ "Location": format!("/{name}") }))
}

fn head_bucket(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("Bucket").unwrap_or_default();
    let b = ctx.world.s3.buckets.get(name).ok_or_else(|| ServiceError::new("404", "Not Found"))?;
    Ok(json!({ "BucketRegion": b.region, "AccessPointAlias": false }))
}
