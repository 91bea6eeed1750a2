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

fn caller_identity(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    use crate::services::caller::Caller;
    let (user_id, arn) = match call.caller {
        Caller::Learner => ("AIDAQEXAMPLELEARNER1".to_string(), format!("arn:aws:iam::{ACCOUNT_ID}:user/{CALLER_USER}")),
        Caller::Role { role, session } => {
            let id = ctx.world.iam.role(role).map_or_else(|| "AROAUNKNOWN".to_string(), |r| r.role_id.clone());
            (format!("{id}:{session}"), call.caller.arn(ctx.world))
        }
        Caller::NoCredentials => return Err(ServiceError::new("InvalidClientTokenId", "The security token included in the request is invalid.")),
    };
    Ok(json!({ "UserId": user_id, "Account": ACCOUNT_ID, "Arn": arn }))
}
