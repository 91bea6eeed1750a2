//! Which JSON files the editor checks as task definitions. A lesson's workspace also holds documents for
//! other services: IAM policy documents (`ecs-tasks-trust.json`, lessons 6 and 7) and EC2 launch template
//! data (`launch-template.json`, lesson 12). Those services write their members in PascalCase (`Statement`,
//! `ImageId`); RegisterTaskDefinition's are camelCase (`family`, `containerDefinitions`;
//! task-definition-fields.md). A document is another service's when every top-level member is PascalCase and
//! none is a task definition field in another case: `{"Family": …}` stays a task definition, so its
//! unknown-parameter error is still shown.

use super::schema::{member_names, schema};
use serde_json::Value;

/// A JSON document the editor recognises as another service's input, so it does not check it against
/// RegisterTaskDefinition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherDocument {
    /// `Version` and `Statement`: a trust or permissions policy (`aws iam create-role`, `put-role-policy`).
    IamPolicy,
    /// `ImageId`, `InstanceType`, `UserData`, …: `aws ec2 create-launch-template --launch-template-data`.
    LaunchTemplateData,
    /// PascalCase members, none of them a task definition field: the members, in document order.
    PascalCase(Vec<String>),
}

/// Members of EC2's `RequestLaunchTemplateData` that tell a launch template apart.
const LAUNCH_TEMPLATE_MEMBERS: [&str; 6] = ["ImageId", "InstanceType", "UserData", "IamInstanceProfile", "KeyName", "SecurityGroupIds"];

impl OtherDocument {
    /// What the editor says instead of a verdict.
    pub fn note(&self) -> String {
        let only = "The editor checks ECS task definitions only; the service reads this file when a command uses it (file://…).";
        match self {
            OtherDocument::IamPolicy => format!("An IAM policy document (Version, Statement), not a task definition. {only}"),
            OtherDocument::LaunchTemplateData => {
                format!("EC2 launch template data (ImageId, InstanceType, UserData, …), not a task definition. {only}")
            }
            OtherDocument::PascalCase(keys) => format!(
                "Not a task definition: its members ({}) are PascalCase, as EC2, IAM and Auto Scaling write them; a task definition's are camelCase (family, containerDefinitions). {only}",
                keys.join(", ")
            ),
        }
    }
}

/// The kind of `text` when it is clearly not a task definition; `None` for a task definition, anything
/// that is not a JSON object (the validator reports it), an empty object, and any document with a member
/// that is a task definition field in some case.
///
/// ```
/// use ecs_sim::validate::{OtherDocument, other_document};
/// assert_eq!(other_document(r#"{"Version": "2012-10-17", "Statement": []}"#), Some(OtherDocument::IamPolicy));
/// assert_eq!(other_document(r#"{"Family": "web"}"#), None);
/// assert_eq!(other_document(r#"{"family": "web"}"#), None);
/// ```
pub fn other_document(text: &str) -> Option<OtherDocument> {
    let Ok(Value::Object(members)) = serde_json::from_str::<Value>(text) else { return None };
    if members.is_empty() || !members.keys().all(|k| k.starts_with(|c: char| c.is_ascii_uppercase())) {
        return None;
    }
    let fields = member_names(schema());
    if members.keys().any(|k| fields.iter().any(|f| f.eq_ignore_ascii_case(k))) {
        return None;
    }
    if members.contains_key("Statement") {
        Some(OtherDocument::IamPolicy)
    } else if LAUNCH_TEMPLATE_MEMBERS.iter().any(|m| members.contains_key(*m)) {
        Some(OtherDocument::LaunchTemplateData)
    } else {
        Some(OtherDocument::PascalCase(members.keys().cloned().collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lessons_policy_and_launch_template_are_other_documents() {
        let trust = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
        assert_eq!(other_document(trust), Some(OtherDocument::IamPolicy));
        let lt = r#"{"ImageId": "ami-1", "InstanceType": "t3.medium", "UserData": "IyE="}"#;
        assert_eq!(other_document(lt), Some(OtherDocument::LaunchTemplateData));
        let Some(OtherDocument::PascalCase(mut keys)) = other_document(r#"{"Foo": 1, "Bar": 2}"#) else { panic!("PascalCase") };
        keys.sort_unstable();
        assert_eq!(keys, ["Bar", "Foo"]);
    }

    #[test]
    fn task_definitions_and_their_mistakes_are_still_checked() {
        for text in [
            r#"{"family": "web", "containerDefinitions": []}"#,
            r#"{"Family": "web", "ContainerDefinitions": []}"#,
            r#"{"Statement": 1, "family": "web"}"#,
            r#"{}"#,
            r#"[{"name": "web"}]"#,
            r#"{"Version": "#,
            "",
        ] {
            assert_eq!(other_document(text), None, "{text}");
        }
    }

    #[test]
    fn every_json_file_of_the_shipped_lessons_is_classified_as_its_name_says() {
        for l in crate::lesson::builtin() {
            for f in l.files.iter().filter(|f| f.name.ends_with(".json")) {
                let other = other_document(&f.content);
                let expected = match f.name.as_str() {
                    "ecs-tasks-trust.json" | "read-parameter.json" | "ecs-exec.json" => Some(OtherDocument::IamPolicy),
                    "launch-template.json" => Some(OtherDocument::LaunchTemplateData),
                    _ => None,
                };
                assert_eq!(other, expected, "{} of lesson {}", f.name, l.id);
            }
        }
    }
}
