//! Typed model of an ECS task definition: the `RegisterTaskDefinition` request (what a
//! learner writes), the `TaskDefinition` shape that `describe-task-definition` returns, a
//! static description of the request shapes, and an AWS-CLI-faithful parser.
//!
//! Every struct field is `Option<…>` and is serialized only when present; struct fields are
//! declared in the member order of the ECS API model (botocore `ecs/2014-11-13`), which is
//! the order the AWS CLI prints them. Enum-typed members are plain `String`s; the allowed
//! values are the `pub const …: &[&str]` arrays beside each struct.

/// Declares one API structure: every field becomes `pub name: Option<T>`, skipped when
/// `None`, named in camelCase. `request` structs reject unknown keys (`deny_unknown_fields`);
/// `response` structs ignore them.
macro_rules! api_shape {
    (request $(#[$sattr:meta])* pub struct $name:ident {
        $( $(#[$fattr:meta])* $field:ident : $ty:ty ),* $(,)?
    }) => {
        $(#[$sattr])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$fattr])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
    };
    (response $(#[$sattr:meta])* pub struct $name:ident {
        $( $(#[$fattr:meta])* $field:ident : $ty:ty ),* $(,)?
    }) => {
        $(#[$sattr])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fattr])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
    };
}

pub mod attributes;
pub mod container_parts;
pub mod described;
pub mod linux_parts;
pub mod parse;
pub mod pyrepr;
pub mod request;
pub mod shapes;
pub mod sizes;
pub mod task_parts;
pub mod volumes;

#[cfg(test)]
mod tests;

pub use container_parts::*;
pub use described::{
    Attribute, DescribeTaskDefinitionResponse, RegisterTaskDefinitionResponse, TaskDefinition,
};
pub use linux_parts::*;
pub use parse::{ParamProblem, RequestParseError, from_value, parse_request, validate_params};
pub use request::{ContainerDefinition, RegisterTaskDefinitionRequest};
pub use task_parts::*;
pub use volumes::*;
