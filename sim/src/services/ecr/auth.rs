//! GetAuthorizationToken: a token valid for 12 hours of virtual time, base64 of `AWS:<password>` (§6), and
//! the CLI's `get-login-password`, which prints the password alone for `docker login --password-stdin`.

use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use crate::world::ecr::{TOKEN_LIFETIME, Token, registry_host};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

/// Issues a new token and returns its password (what `aws ecr get-login-password` prints).
pub fn login_password(ctx: &mut Ctx<'_>, region: &str) -> String {
    // Real passwords are base64 of a JSON envelope ("eyJwYXlsb2FkIjoi…"); this one has the same look.
    let envelope = json!({
        "payload": ctx.rng.hex(96),
        "datakey": ctx.rng.hex(64),
        "version": "2",
        "type": "DATA_KEY",
        "expiration": (ctx.now + TOKEN_LIFETIME).unix_seconds(),
    });
    let password = STANDARD.encode(envelope.to_string());
    let expires_at = ctx.now + TOKEN_LIFETIME;
    ctx.world.region_mut(region).ecr.tokens.push(Token { password: password.clone(), expires_at });
    password
}

pub fn get_token(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let password = login_password(ctx, call.region);
    let expires = (ctx.now + TOKEN_LIFETIME).to_cli_string();
    Ok(json!({ "authorizationData": [{
        "authorizationToken": STANDARD.encode(format!("AWS:{password}")),
        "expiresAt": expires,
        "proxyEndpoint": format!("https://{}", registry_host(call.region)),
    }]}))
}
