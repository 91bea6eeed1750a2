//! The AWS CLI's own commands that are not API operations (awscli/customizations): `aws ecr
//! get-login-password`, `aws logs tail`, `aws ecs execute-command`, and `aws s3 ls`. Each returns `None`
//! when the command is not one of them.

use super::globals::Globals;
use super::model;
use super::usage::CliFailure;
use crate::sandbox::Sandbox;
use crate::workspace::Workspace;

/// The customization commands of a service, for the CLI's lists of valid choices.
pub fn commands(service: &str) -> &'static [&'static str] {
    match service {
        "ecr" => &["get-login-password"],
        "logs" => &["tail"],
        _ => &[],
    }
}

pub fn run(
    sb: &mut Sandbox,
    service: &str,
    command: &str,
    g: &Globals,
    args: &[String],
    _stdin: &str,
    _ws: &mut dyn Workspace,
) -> Option<Result<String, CliFailure>> {
    match (service, command) {
        ("ecr", "get-login-password") => Some(get_login_password(sb, g, args)),
        ("logs", "tail") => Some(super::logs_tail::run(sb, g, args)),
        ("ecs", "execute-command") => Some(super::execute_command::run(sb, g, args, _ws)),
        _ => None,
    }
}

/// `aws ecr get-login-password`: a fresh authorization token's password, alone on a line, for
/// `docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com` (ecs-facts.md §6).
fn get_login_password(sb: &mut Sandbox, g: &Globals, args: &[String]) -> Result<String, CliFailure> {
    if let Some(extra) = args.iter().find(|a| *a != "help") {
        return Err(CliFailure::unknown_options(std::slice::from_ref(extra)));
    }
    if args.iter().any(|a| a == "help") {
        return Ok("get-login-password\n\nSYNOPSIS\n    aws ecr get-login-password\n\nPrints an authorization token's password for docker login. Valid for 12 hours.\n".into());
    }
    let ecr = model::service("ecr").ok_or_else(|| CliFailure::other("the ECR model is missing"))?;
    let region = super::region(g, sb, ecr)?;
    let mut ctx = sb.ctx();
    Ok(format!("{}\n", crate::services::ecr::login_password(&mut ctx, &region)))
}
