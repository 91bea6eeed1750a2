//! `sandbox learner-policy`: what the learner's own IAM user may do. The learner is an administrator
//! (`AdministratorAccess`) unless a lesson's setup restricts them, which is how a lesson shows the
//! `iam:PassRole` denial and other AccessDenied answers to the learner's own calls (ecs-facts.md §5).
//!
//! - `sandbox learner-policy`: prints the policies in force.
//! - `sandbox learner-policy FILE` (or `file://FILE`): replaces them with the identity policy in FILE, checked
//!   as IAM checks a policy document.
//! - `sandbox learner-policy arn:aws:iam::aws:policy/NAME`: replaces them with an AWS managed policy.
//! - `sandbox learner-policy --admin`: back to `AdministratorAccess`.

use super::interpreter::Io;
use crate::iam_policy::{managed_policy_by_arn, parse_identity_policy};
use crate::sandbox::Sandbox;
use crate::workspace::Workspace;
use crate::world::iam::ADMINISTRATOR_ACCESS;

fn fail(msg: String) -> Io {
    Io { stderr: msg, status: 2, ..Io::default() }
}

pub fn run(sb: &mut Sandbox, arg: Option<&str>, ws: &dyn Workspace) -> Io {
    let Some(arg) = arg else {
        let docs: Vec<String> = sb.world().iam.learner_policies.iter().map(|d| d.to_pretty_json()).collect();
        return Io { stdout: format!("{}\n", docs.join("\n")), ..Io::default() };
    };
    let arn = if arg == "--admin" { ADMINISTRATOR_ACCESS } else { arg };
    let doc = if arn.starts_with("arn:") {
        match managed_policy_by_arn(arn).map(|p| p.document()) {
            Some(Ok(d)) => d,
            _ => return fail(format!("sandbox: the sandbox has no managed policy {arn}\n")),
        }
    } else {
        let name = arg.strip_prefix("file://").unwrap_or(arg);
        let text = match ws.read(name) {
            Ok(t) => t,
            Err(e) => return fail(format!("sandbox: {e}\n")),
        };
        match parse_identity_policy(&text) {
            Ok(d) => d,
            Err(e) => return fail(format!("sandbox: {name}: MalformedPolicyDocument: {e}\n")),
        }
    };
    sb.ctx().world.iam.learner_policies = vec![doc];
    let who = sb.world().iam.learner_arn();
    Io { stdout: format!("{who} now has the policy from {arg}\n"), ..Io::default() }
}
