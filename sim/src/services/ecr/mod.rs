//! Amazon ECR operations: repositories, images, authorization tokens, lifecycle and repository policies,
//! scanning, tags, retagging with PutImage (ecs-facts.md §6).

mod auth;
mod images;
mod policies;
mod put_image;
pub mod registry;
mod render;
mod repositories;

use super::{Handler, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::ecr::{Ecr, Repository};

pub use auth::login_password;

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "CreateRepository" => repositories::create,
        "DescribeRepositories" => repositories::describe,
        "DeleteRepository" => repositories::delete,
        "PutImageTagMutability" => repositories::put_tag_mutability,
        "PutImageScanningConfiguration" => repositories::put_scanning,
        "TagResource" => repositories::tag,
        "UntagResource" => repositories::untag,
        "ListTagsForResource" => repositories::list_tags,
        "GetAuthorizationToken" => auth::get_token,
        "DescribeImages" => images::describe,
        "ListImages" => images::list,
        "BatchDeleteImage" => images::batch_delete,
        "BatchGetImage" => images::batch_get,
        "PutImage" => put_image::put,
        "StartImageScan" => images::start_scan,
        "DescribeImageScanFindings" => images::scan_findings,
        "PutLifecyclePolicy" => policies::put_lifecycle,
        "GetLifecyclePolicy" => policies::get_lifecycle,
        "DeleteLifecyclePolicy" => policies::delete_lifecycle,
        "StartLifecyclePolicyPreview" => policies::start_preview,
        "GetLifecyclePolicyPreview" => policies::get_preview,
        "SetRepositoryPolicy" => policies::set_repository_policy,
        "GetRepositoryPolicy" => policies::get_repository_policy,
        "DeleteRepositoryPolicy" => policies::delete_repository_policy,
        _ => return None,
    })
}

/// `RepositoryNotFoundException`, in ECR's words (§6).
pub fn repository_not_found(name: &str) -> ServiceError {
    ServiceError::new(
        "RepositoryNotFoundException",
        format!("The repository with name '{name}' does not exist in the registry with id '{ACCOUNT_ID}'"),
    )
}

fn repo<'a>(ecr: &'a Ecr, name: &str) -> Result<&'a Repository, ServiceError> {
    ecr.repositories.get(name).ok_or_else(|| repository_not_found(name))
}

fn repo_mut<'a>(ecr: &'a mut Ecr, name: &str) -> Result<&'a mut Repository, ServiceError> {
    ecr.repositories.get_mut(name).ok_or_else(|| repository_not_found(name))
}

/// A registry id other than this account's names a registry the learner cannot see.
fn check_registry(registry_id: Option<&str>) -> Result<(), ServiceError> {
    match registry_id {
        Some(id) if id != ACCOUNT_ID => Err(ServiceError::new(
            "AccessDeniedException",
            format!("User: arn:aws:iam::{ACCOUNT_ID}:user/learner is not authorized to access the registry {id}"),
        )),
        _ => Ok(()),
    }
}
