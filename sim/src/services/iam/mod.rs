//! AWS IAM operations: roles, their trust and permission policies, customer managed policies, instance
//! profiles, and `simulate-principal-policy`. IAM is global: the Region is ignored.

mod instance_profiles;
mod policies;
mod render;
mod roles;

use super::{Handler, ServiceError};
use crate::iam_policy::PolicyError;

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateRole" => roles::create,
        "GetRole" => roles::get,
        "DeleteRole" => roles::delete,
        "ListRoles" => roles::list,
        "UpdateAssumeRolePolicy" => roles::update_trust,
        "AttachRolePolicy" => roles::attach,
        "DetachRolePolicy" => roles::detach,
        "ListAttachedRolePolicies" => roles::list_attached,
        "PutRolePolicy" => roles::put_inline,
        "GetRolePolicy" => roles::get_inline,
        "DeleteRolePolicy" => roles::delete_inline,
        "ListRolePolicies" => roles::list_inline,
        "CreateInstanceProfile" => instance_profiles::create,
        "GetInstanceProfile" => instance_profiles::get,
        "AddRoleToInstanceProfile" => instance_profiles::add_role,
        "RemoveRoleFromInstanceProfile" => instance_profiles::remove_role,
        "ListInstanceProfiles" => instance_profiles::list,
        "DeleteInstanceProfile" => instance_profiles::delete,
        "GetPolicy" => policies::get,
        "GetPolicyVersion" => policies::get_version,
        "ListPolicies" => policies::list,
        "CreatePolicy" => policies::create,
        "DeletePolicy" => policies::delete,
        "SimulatePrincipalPolicy" => policies::simulate,
        "CreateServiceLinkedRole" => roles::create_service_linked,
        _ => return None,
    })
}

fn no_such_entity(message: impl Into<String>) -> ServiceError {
    ServiceError::new("NoSuchEntity", message)
}

fn malformed(e: &PolicyError) -> ServiceError {
    ServiceError::new(e.code(), e.message().to_string())
}

/// IAM names (roles, policies, instance profiles): `[\w+=,.@-]+`, checked by the service with this wording.
fn check_name(kind: &str, name: &str, max: usize) -> Result<(), ServiceError> {
    let ok = !name.is_empty() && name.len() <= max && name.chars().all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(ServiceError::new(
            "ValidationError",
            format!("1 validation error detected: Value '{name}' at '{kind}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"),
        ))
    }
}
