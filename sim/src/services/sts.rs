//! AWS STS: `get-caller-identity`, which says who the learner is in the sandbox account.

use super::{Call, Handler, ServiceError};
use crate::context::Ctx;
use crate::tuning::{ACCOUNT_ID, CALLER_USER};
use serde_json::{Value, json};

pub fn handler(operation: &str) -> Option<Handler> {
    match operation {
        "GetCallerIdentity" => Some(caller_identity),
        _ => None,
    }
}

fn caller_identity(_ctx: &mut Ctx<'_>, _call: &Call<'_>) -> Result<Value, ServiceError> {
    Ok(json!({
        "UserId": "AIDAQEXAMPLELEARNER1",
        "Account": ACCOUNT_ID,
        "Arn": format!("arn:aws:iam::{ACCOUNT_ID}:user/{CALLER_USER}"),
    }))
}
