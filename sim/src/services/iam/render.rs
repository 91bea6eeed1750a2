//! IAM objects as the API returns them. Policy documents come back as JSON objects: the CLI decodes IAM's
//! URL-encoded documents (botocore's `json_decode_policies`).

use crate::world::iam::{CustomerPolicy, InstanceProfile, Iam, Role};
use serde_json::{Value, json};

fn ts(t: crate::clock::SimTime) -> Value {
    Value::String(t.to_cli_string())
}

pub fn document(doc: &crate::iam_policy::PolicyDocument) -> Value {
    serde_json::from_str(&doc.to_json()).unwrap_or(Value::Null)
}

pub fn role(r: &Role, full: bool) -> Value {
    let mut v = json!({
        "Path": r.path,
        "RoleName": r.name,
        "RoleId": r.role_id,
        "Arn": r.arn(),
        "CreateDate": ts(r.created_at),
        "AssumeRolePolicyDocument": document(&r.trust),
    });
    if let Some(d) = &r.description {
        v["Description"] = json!(d);
    }
    if full {
        v["MaxSessionDuration"] = json!(r.max_session_duration);
        v["RoleLastUsed"] = json!({});
    }
    if !r.tags.is_empty() {
        v["Tags"] = Value::Array(r.tags.iter().map(|(k, val)| json!({"Key": k, "Value": val})).collect());
    }
    v
}

pub fn instance_profile(iam: &Iam, p: &InstanceProfile) -> Value {
    json!({
        "Path": p.path,
        "InstanceProfileName": p.name,
        "InstanceProfileId": p.profile_id,
        "Arn": p.arn(),
        "CreateDate": ts(p.created_at),
        "Roles": p.roles.iter().filter_map(|r| iam.roles.get(r)).map(|r| role(r, false)).collect::<Vec<_>>(),
    })
}

pub fn customer_policy(p: &CustomerPolicy, attachments: usize) -> Value {
    let mut v = json!({
        "PolicyName": p.name,
        "PolicyId": p.policy_id,
        "Arn": p.arn(),
        "Path": p.path,
        "DefaultVersionId": "v1",
        "AttachmentCount": attachments,
        "PermissionsBoundaryUsageCount": 0,
        "IsAttachable": true,
        "CreateDate": ts(p.created_at),
        "UpdateDate": ts(p.created_at),
    });
    if let Some(d) = &p.description {
        v["Description"] = json!(d);
    }
    v
}

pub fn aws_policy(p: &crate::iam_policy::ManagedPolicy, attachments: usize) -> Value {
    json!({
        "PolicyName": p.name,
        "PolicyId": format!("ANPA{}", &crate::world::amis::stable_hash(&[p.name]).to_string().chars().take(17).collect::<String>()),
        "Arn": p.arn(),
        "Path": p.path,
        "DefaultVersionId": p.version_id,
        "AttachmentCount": attachments,
        "PermissionsBoundaryUsageCount": 0,
        "IsAttachable": true,
        "Description": p.description,
        "CreateDate": format!("{}T00:00:00+00:00", p.edited.get(..10).unwrap_or("2015-02-06")),
        "UpdateDate": format!("{}T00:00:00+00:00", p.edited.get(..10).unwrap_or("2015-02-06")),
    })
}
