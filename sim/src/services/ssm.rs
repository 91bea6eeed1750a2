//! AWS Systems Manager Parameter Store, as far as the public parameters that name the ECS-optimized AMIs go:
//! `get-parameters`, `get-parameter`, `get-parameters-by-path`.

use crate::shared_sort::SharedSort;
use super::{Call, Handler, ServiceError};
use crate::context::Ctx;
use crate::world::amis::{self, ECS_AGENT_VERSION, DOCKER_VERSION};
use serde_json::{Value, json};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "GetParameters" => get_parameters,
        "GetParameter" => get_parameter,
        "GetParametersByPath" => get_parameters_by_path,
        "PutParameter" => put_parameter,
        "DeleteParameter" => delete_parameter,
        "DescribeParameters" => describe_parameters,
        _ => return None,
    })
}

/// When the public parameters were last updated (they move with each AMI release).
const LAST_MODIFIED: &str = "2026-02-12T18:10:54.321000+00:00";
const VERSION: i64 = 142;

fn parameter(region: &str, name: &str) -> Option<Value> {
    let value = if let Some(img) = amis::by_ssm_parameter(name) {
        amis::ami_id(region, img)
    } else {
        let img = amis::by_ssm_metadata_parameter(name)?;
        json!({
            "ecs_agent_version": ECS_AGENT_VERSION,
            "ecs_runtime_version": format!("Docker version {DOCKER_VERSION}"),
            "image_id": amis::ami_id(region, img),
            "image_name": img.name,
            "os": if img.name.starts_with("al2023") { "Amazon Linux 2023" } else { "Amazon Linux 2" },
            "schema_version": 1,
            "source_image_name": img.name.replace("-ecs-", "-").replace("-gpu", ""),
        })
        .to_string()
    };
    Some(json!({
        "Name": name,
        "Type": "String",
        "Value": value,
        "Version": VERSION,
        "LastModifiedDate": LAST_MODIFIED,
        "ARN": format!("arn:aws:ssm:{region}::parameter{name}"),
        "DataType": "text",
    }))
}

/// The learner's own parameter, as GetParameter(s) returns it; a SecureString's value stays encrypted
/// unless `--with-decryption` is given.
fn user_parameter(ctx: &mut Ctx<'_>, region: &str, name: &str, decrypt: bool) -> Option<Value> {
    let r = ctx.world.region_mut(region);
    let p = r.secrets.parameter(name, region)?;
    let value = if p.kind == "SecureString" && !decrypt {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(format!("AQICAHh{}{}", p.name, p.version))
    } else {
        p.value.clone()
    };
    Some(json!({
        "Name": p.name,
        "Type": p.kind,
        "Value": value,
        "Version": p.version,
        "LastModifiedDate": p.modified_at.to_cli_string(),
        "ARN": p.arn(region),
        "DataType": "text",
    }))
}

fn get_parameters(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let decrypt = call.req().bool("WithDecryption") == Some(true);
    let mut found = Vec::new();
    let mut invalid = Vec::new();
    for name in call.req().strings("Names") {
        if let Some(p) = user_parameter(ctx, call.region, name, decrypt) {
            found.push(p);
            continue;
        }
        match parameter(call.region, name) {
            Some(p) => found.push(p),
            None => invalid.push(name),
        }
    }
    Ok(json!({ "Parameters": found, "InvalidParameters": invalid }))
}

/// A missing parameter is `ParameterNotFound` with an empty message, as SSM answers.
fn get_parameter(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("Name").unwrap_or_default();
    let decrypt = call.req().bool("WithDecryption") == Some(true);
    user_parameter(ctx, call.region, name, decrypt)
        .or_else(|| parameter(call.region, name))
        .map(|p| json!({ "Parameter": p }))
        .ok_or_else(|| ServiceError::new("ParameterNotFound", ""))
}

fn put_parameter(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("Name").unwrap_or_default().to_string();
    if name.starts_with("/aws/") || name.starts_with("aws") || name.starts_with("ssm") {
        return Err(ServiceError::new(
            "ValidationException",
            "No access to reserved parameter name: ".to_string() + &name + ".",
        ));
    }
    let now = ctx.now;
    let r = ctx.world.region_mut(call.region);
    let existing = r.secrets.parameters.get(&name).map(|p| p.version);
    if existing.is_some() && req.bool("Overwrite") != Some(true) {
        return Err(ServiceError::new(
            "ParameterAlreadyExists",
            "The parameter already exists. To overwrite this request value, set the overwrite option in the request to true.",
        ));
    }
    let version = existing.unwrap_or(0) + 1;
    r.secrets.parameters.insert(
        name.clone(),
        crate::world::secrets::Parameter {
            name,
            kind: req.str("Type").unwrap_or("String").to_string(),
            value: req.str("Value").unwrap_or_default().to_string(),
            version,
            modified_at: now,
            description: req.str("Description").map(str::to_string),
        },
    );
    Ok(json!({ "Version": version, "Tier": "Standard" }))
}

fn delete_parameter(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("Name").unwrap_or_default();
    let r = ctx.world.region_mut(call.region);
    r.secrets.parameters.remove(name).ok_or_else(|| ServiceError::new("ParameterNotFound", ""))?;
    Ok(json!({}))
}

fn describe_parameters(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    let list: Vec<Value> = r
        .secrets
        .parameters
        .values()
        .map(|p| json!({
            "Name": p.name,
            "ARN": p.arn(call.region),
            "Type": p.kind,
            "LastModifiedDate": p.modified_at.to_cli_string(),
            "Version": p.version,
            "Tier": "Standard",
            "DataType": "text",
        }))
        .collect();
    Ok(json!({ "Parameters": list }))
}

fn get_parameters_by_path(_ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let path = req.str("Path").unwrap_or("/").trim_end_matches('/').to_string() + "/";
    let recursive = req.bool("Recursive") == Some(true);
    let mut names: Vec<String> = Vec::new();
    for img in amis::IMAGES {
        names.push(img.ssm_parameter.to_string());
        if let Some(meta) = img.ssm_parameter.strip_suffix("/image_id")
            && img.runs_ecs_agent {
                names.push(meta.to_string());
            }
    }
    names.shared_sort();
    let list: Vec<Value> = names
        .iter()
        .filter(|n| n.starts_with(&path) && (recursive || !n[path.len()..].contains('/')))
        .filter_map(|n| parameter(call.region, n))
        .collect();
    Ok(json!({ "Parameters": list }))
}
