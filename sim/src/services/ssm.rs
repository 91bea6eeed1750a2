//! AWS Systems Manager Parameter Store, as far as the public parameters that name the ECS-optimized AMIs go:
//! `get-parameters`, `get-parameter`, `get-parameters-by-path`.

use super::{Call, Handler, ServiceError};
use crate::context::Ctx;
use crate::world::amis::{self, ECS_AGENT_VERSION, DOCKER_VERSION};
use serde_json::{Value, json};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "GetParameters" => get_parameters,
        "GetParameter" => get_parameter,
        "GetParametersByPath" => get_parameters_by_path,
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

fn get_parameters(_ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let mut found = Vec::new();
    let mut invalid = Vec::new();
    for name in call.req().strings("Names") {
        match parameter(call.region, name) {
            Some(p) => found.push(p),
            None => invalid.push(name),
        }
    }
    Ok(json!({ "Parameters": found, "InvalidParameters": invalid }))
}

/// A missing parameter is `ParameterNotFound` with an empty message, as SSM answers.
fn get_parameter(_ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let name = call.req().str("Name").unwrap_or_default();
    parameter(call.region, name).map(|p| json!({ "Parameter": p })).ok_or_else(|| ServiceError::new("ParameterNotFound", ""))
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
    names.sort();
    let list: Vec<Value> = names
        .iter()
        .filter(|n| n.starts_with(&path) && (recursive || !n[path.len()..].contains('/')))
        .filter_map(|n| parameter(call.region, n))
        .collect();
    Ok(json!({ "Parameters": list }))
}
