//! A service's error response: its code (`ClusterNotFoundException`) and message, which the CLI prints as
//! `An error occurred (CODE) when calling the OPERATION operation: MESSAGE`.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{code}: {message}")]
pub struct ServiceError {
    pub code: String,
    pub message: String,
}

impl ServiceError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        ServiceError { code: code.to_string(), message: message.into() }
    }
    /// ECS's `ClientException`: the request is wrong.
    pub fn client(message: impl Into<String>) -> Self {
        Self::new("ClientException", message)
    }
    /// ECS's `InvalidParameterException`.
    pub fn invalid_parameter(message: impl Into<String>) -> Self {
        Self::new("InvalidParameterException", message)
    }
    /// ECS's `ClusterNotFoundException`, whose message is always `Cluster not found.`
    pub fn cluster_not_found() -> Self {
        Self::new("ClusterNotFoundException", "Cluster not found.")
    }
}
