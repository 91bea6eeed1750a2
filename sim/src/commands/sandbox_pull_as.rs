//! `sandbox pull-as ACCOUNT[/ROLE] IMAGE`: pulls one of this account's ECR images as another AWS account
//! would, to try a repository policy (ecs-facts.md §6, "repository policies for another account's pull";
//! §5 policy evaluation). The sandbox has one account of its own, so the other account is imagined: its
//! identity (the account root, or a session of ROLE in it) is assumed to be allowed everything by its own
//! IAM policies, and what decides is the repository policy, as for any cross-account request. Without a
//! statement that names the account (or `*`) and allows `ecr:BatchGetImage` and
//! `ecr:GetDownloadUrlForLayer`, Docker prints ECR's denial with "because no resource-based policy allows".

use super::interpreter::Io;
use crate::docker::Reference;
use crate::iam_policy::messages::resource_policy_denied_message;
use crate::iam_policy::{PolicyDocument, Request, evaluate};
use crate::sandbox::Sandbox;
use crate::tuning::ACCOUNT_ID;
use crate::world::ecr::host_region;

fn fail(msg: String) -> Io {
    Io { stderr: msg, status: 1, ..Io::default() }
}

pub fn run(sb: &mut Sandbox, who: &str, image: &str) -> Io {
    let (account, role) = match who.split_once('/') {
        Some((a, r)) => (a, Some(r)),
        None => (who, None),
    };
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Io { stderr: format!("sandbox: {account}: an account id is 12 digits\n"), status: 2, ..Io::default() };
    }
    if account == ACCOUNT_ID {
        return Io { stderr: format!("sandbox: {account} is your own account: use docker pull\n"), status: 2, ..Io::default() };
    }
    let Ok(r) = Reference::parse(image).map(Reference::with_default_tag) else {
        return Io { stderr: format!("sandbox: invalid reference format: {image}\n"), status: 2, ..Io::default() };
    };
    let Some(region) = host_region(&r.domain).map(str::to_string).filter(|_| r.domain.starts_with(ACCOUNT_ID)) else {
        return Io { stderr: format!("sandbox: {image} is not in this account's ECR ({ACCOUNT_ID}.dkr.ecr.REGION.amazonaws.com)\n"), status: 2, ..Io::default() };
    };
    let principal = match role {
        Some(name) => format!("arn:aws:sts::{account}:assumed-role/{name}/pull"),
        None => format!("arn:aws:iam::{account}:root"),
    };
    let repo_arn = format!("arn:aws:ecr:{region}:{ACCOUNT_ID}:repository/{}", r.path);
    let world = sb.world();
    let repo = world.region(&region).and_then(|x| x.ecr.repositories.get(&r.path));
    let policy = repo.and_then(|x| x.policy.as_deref()).and_then(|t| PolicyDocument::from_json(t).ok());
    let header = format!("[sandbox] pulling as {principal}\n");
    for action in ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] {
        let request = Request::new(principal.clone(), action, repo_arn.clone());
        let decision = match &policy {
            Some(doc) => evaluate(&request, &[doc]),
            None => crate::iam_policy::Decision::ImplicitDeny,
        };
        if let Some(message) = resource_policy_denied_message(&request, &decision) {
            return Io {
                stdout: header,
                stderr: format!(
                    "Error response from daemon: pull access denied for {}, repository does not exist or may require 'docker login': denied: {message}\n",
                    r.name()
                ),
                status: 1,
                ordered: Vec::new(),
            };
        }
    }
    let tag = r.tag.clone().unwrap_or_else(|| "latest".into());
    let found = repo.and_then(|x| match &r.digest {
        Some(d) => x.image_by_digest(d),
        None => x.image_by_tag(&tag),
    });
    match found {
        Some(i) => Io {
            stdout: format!(
                "{header}{}: Pulling from {}\nDigest: {}\nStatus: Downloaded newer image for {}\n{}\n",
                r.digest.as_deref().unwrap_or(&tag),
                r.path,
                i.digest,
                r.full_string(),
                r.full_string()
            ),
            ..Io::default()
        },
        None => fail(format!("{header}Error response from daemon: manifest for {} not found: manifest unknown: Requested image not found\n", r.full_string())),
    }
}
