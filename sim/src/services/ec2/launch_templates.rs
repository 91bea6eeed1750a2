//! CreateLaunchTemplate, DescribeLaunchTemplates, DescribeLaunchTemplateVersions, DeleteLaunchTemplate: what an
//! Auto Scaling group launches (ecs-facts.md §3.5). The API takes `UserData` as base64 (the CLI does not
//! encode it for launch templates, unlike `run-instances`), so it is decoded here and the instance runs the
//! text, which the ECS agent reads for `ECS_CLUSTER` (§7).

use super::{dry_run, passes};
use crate::context::Ctx;
use crate::services::{Call, Req, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::autoscaling::{LaunchTemplate, LaunchTemplateData, LaunchTemplateVersion};
use base64::Engine;
use serde_json::{Value, json};

/// Launch template names: 3–128 characters of letters, digits and `( ) . - / _` (the EC2 API reference).
fn valid_name(name: &str) -> bool {
    (3..=128).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_alphanumeric() || "()./_-".contains(c))
}

fn decode_user_data(b64: &str) -> Result<String, ServiceError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| ServiceError::new("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data."))?;
    String::from_utf8(bytes).map_err(|_| ServiceError::new("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data."))
}

fn read_data(d: Req<'_>) -> Result<LaunchTemplateData, ServiceError> {
    let b64 = d.str("UserData").map(str::to_string);
    let user_data = b64.as_deref().map(decode_user_data).transpose()?;
    Ok(LaunchTemplateData {
        image_id: d.str("ImageId").map(str::to_string),
        instance_type: d.str("InstanceType").map(str::to_string),
        iam_instance_profile_name: d.at("IamInstanceProfile").str("Name").map(str::to_string),
        iam_instance_profile_arn: d.at("IamInstanceProfile").str("Arn").map(str::to_string),
        security_group_ids: d.strings("SecurityGroupIds").into_iter().map(str::to_string).collect(),
        key_name: d.str("KeyName").map(str::to_string),
        user_data_base64: b64,
        user_data,
    })
}

fn render_template(t: &LaunchTemplate) -> Value {
    let mut v = json!({
        "LaunchTemplateId": t.id,
        "LaunchTemplateName": t.name,
        "CreateTime": t.created_at.to_cli_string(),
        "CreatedBy": format!("arn:aws:iam::{ACCOUNT_ID}:root"),
        "DefaultVersionNumber": t.default_version,
        "LatestVersionNumber": t.latest_version(),
    });
    if !t.tags.is_empty() {
        v["Tags"] = Value::Array(t.tags.iter().map(|(k, val)| json!({"Key": k, "Value": val})).collect());
    }
    v
}

fn render_data(d: &LaunchTemplateData) -> Value {
    let mut v = json!({});
    if let Some(x) = &d.image_id {
        v["ImageId"] = json!(x);
    }
    if let Some(x) = &d.instance_type {
        v["InstanceType"] = json!(x);
    }
    if d.iam_instance_profile_name.is_some() || d.iam_instance_profile_arn.is_some() {
        let mut p = json!({});
        if let Some(a) = &d.iam_instance_profile_arn {
            p["Arn"] = json!(a);
        }
        if let Some(n) = &d.iam_instance_profile_name {
            p["Name"] = json!(n);
        }
        v["IamInstanceProfile"] = p;
    }
    if let Some(x) = &d.key_name {
        v["KeyName"] = json!(x);
    }
    if let Some(x) = &d.user_data_base64 {
        v["UserData"] = json!(x);
    }
    if !d.security_group_ids.is_empty() {
        v["SecurityGroupIds"] = json!(d.security_group_ids);
    }
    v
}

fn render_version(t: &LaunchTemplate, ver: &LaunchTemplateVersion) -> Value {
    let mut v = json!({
        "LaunchTemplateId": t.id,
        "LaunchTemplateName": t.name,
        "VersionNumber": ver.number,
        "CreateTime": ver.created_at.to_cli_string(),
        "CreatedBy": format!("arn:aws:iam::{ACCOUNT_ID}:root"),
        "DefaultVersion": ver.number == t.default_version,
        "LaunchTemplateData": render_data(&ver.data),
    });
    if let Some(d) = &ver.description {
        v["VersionDescription"] = json!(d);
    }
    v
}

fn not_found_names() -> ServiceError {
    ServiceError::new(
        "InvalidLaunchTemplateName.NotFoundException",
        "At least one of the launch templates specified in the request does not exist.",
    )
}

pub fn create(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let name = req.str("LaunchTemplateName").unwrap_or_default();
    if !valid_name(name) {
        // Not verbatim: the documented pattern, in EC2's style.
        return Err(ServiceError::new(
            "InvalidLaunchTemplateName.MalformedException",
            "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.",
        ));
    }
    let data = read_data(req.at("LaunchTemplateData"))?;
    let r = ctx.world.region_mut(call.region);
    if r.autoscaling.launch_templates.contains_key(name) {
        return Err(ServiceError::new("InvalidLaunchTemplateName.AlreadyExistsException", "Launch template name already in use."));
    }
    if let Some(id) = data.security_group_ids.iter().find(|id| r.network.security_groups.get(id).is_none()) {
        return Err(ServiceError::new("InvalidGroupId.NotFound", format!("The security group '{id}' does not exist")));
    }
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    let tags: Vec<(String, String)> = req
        .list("TagSpecifications")
        .iter()
        .filter(|s| s.get("ResourceType").and_then(Value::as_str) == Some("launch-template"))
        .flat_map(|s| s.get("Tags").and_then(Value::as_array).cloned().unwrap_or_default())
        .filter_map(|t| Some((t.get("Key")?.as_str()?.to_string(), t.get("Value").and_then(Value::as_str).unwrap_or("").to_string())))
        .collect();
    let id = format!("lt-0{}", ctx.rng.hex(16));
    let t = LaunchTemplate {
        id,
        name: name.to_string(),
        created_at: ctx.now,
        default_version: 1,
        versions: vec![LaunchTemplateVersion {
            number: 1,
            description: req.str("VersionDescription").map(str::to_string),
            created_at: ctx.now,
            data,
        }],
        tags,
    };
    let out = render_template(&t);
    ctx.world.region_mut(call.region).autoscaling.launch_templates.insert(name.to_string(), t);
    Ok(json!({ "LaunchTemplate": out }))
}

pub fn describe(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let ids = req.strings("LaunchTemplateIds");
    let names = req.strings("LaunchTemplateNames");
    let r = ctx.world.region_mut(call.region);
    let lts = &r.autoscaling.launch_templates;
    if names.iter().any(|n| !lts.contains_key(*n)) {
        return Err(not_found_names());
    }
    if let Some(id) = ids.iter().find(|id| !lts.values().any(|t| t.id == **id)) {
        return Err(ServiceError::new("InvalidLaunchTemplateId.NotFound", format!("The specified launch template, with template ID {id}, does not exist.")));
    }
    let filters = req.list("Filters");
    let out: Vec<Value> = lts
        .values()
        .filter(|t| (ids.is_empty() || ids.contains(&t.id.as_str())) && (names.is_empty() || names.contains(&t.name.as_str())))
        .filter(|t| {
            passes(filters, |f| match f {
                "launch-template-name" => vec![t.name.clone()],
                _ => f.strip_prefix("tag:").map_or_else(Vec::new, |k| t.tags.iter().filter(|(tk, _)| tk == k).map(|(_, v)| v.clone()).collect()),
            })
        })
        .map(render_template)
        .collect();
    Ok(json!({ "LaunchTemplates": out }))
}

/// The template a request names by `LaunchTemplateId` or `LaunchTemplateName`.
fn named<'a>(r: &'a crate::world::Region, req: Req<'_>) -> Result<&'a LaunchTemplate, ServiceError> {
    let id = req.str("LaunchTemplateId");
    let name = req.str("LaunchTemplateName");
    if id.is_none() && name.is_none() {
        return Err(ServiceError::new("MissingParameter", "The request must contain the parameter LaunchTemplateName or LaunchTemplateId"));
    }
    r.autoscaling.launch_template(id, name).ok_or_else(|| match (id, name) {
        (Some(id), _) => ServiceError::new("InvalidLaunchTemplateId.NotFound", format!("The specified launch template, with template ID {id}, does not exist.")),
        (None, n) => ServiceError::new(
            "InvalidLaunchTemplateName.NotFoundException",
            format!("The specified launch template, with template name {}, does not exist.", n.unwrap_or_default()),
        ),
    })
}

pub fn describe_versions(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let t = named(r, req)?;
    let wanted = req.strings("Versions");
    let mut out = Vec::new();
    if wanted.is_empty() {
        // Newest first, as EC2 lists them.
        for v in t.versions.iter().rev() {
            out.push(render_version(t, v));
        }
    } else {
        for w in wanted {
            let v = t.version(Some(w)).ok_or_else(|| {
                ServiceError::new("InvalidLaunchTemplateId.VersionNotFound", format!("Could not find launch template version {w} for launch template {}.", t.id))
            })?;
            out.push(render_version(t, v));
        }
    }
    Ok(json!({ "LaunchTemplateVersions": out }))
}

pub fn delete(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let r = ctx.world.region_mut(call.region);
    let t = named(r, req)?.clone();
    if req.bool("DryRun") == Some(true) {
        return Err(dry_run());
    }
    r.autoscaling.launch_templates.remove(&t.name);
    Ok(json!({ "LaunchTemplate": render_template(&t) }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_follow_the_documented_pattern() {
        assert!(super::valid_name("ecs-lt"));
        assert!(super::valid_name("a/b(c).d_e"));
        assert!(!super::valid_name("ab"));
        assert!(!super::valid_name("has space"));
    }

    #[test]
    fn user_data_must_be_base64() {
        assert_eq!(super::decode_user_data("IyEvYmluL2Jhc2gK").ok().as_deref(), Some("#!/bin/bash\n"));
        assert_eq!(super::decode_user_data("#!/bin/bash").map_err(|e| e.code), Err("InvalidUserData.Malformed".to_string()));
    }
}
