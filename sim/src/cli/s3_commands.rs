//! `aws s3 ls` (the CLI's high-level S3 command): buckets, or a bucket's keys under a prefix, in the CLI's
//! column format. Other `aws s3` commands (cp, sync, …) are not modelled.

use super::globals::Globals;
use super::usage::{CliFailure, invalid_choice};
use crate::sandbox::Sandbox;
use crate::services::caller;

const COMMANDS: &[&str] = &["ls", "website", "cp", "mv", "rm", "sync", "mb", "rb", "presign"];

fn date(t: crate::clock::SimTime) -> String {
    // `2026-03-02 09:00:00`
    t.to_cli_string().replacen('T', " ", 1).chars().take(19).collect()
}

pub fn run(sb: &mut Sandbox, _g: &Globals, args: &[String]) -> Result<String, CliFailure> {
    let Some(cmd) = args.first() else {
        return Err(CliFailure::usage("the following arguments are required: subcommand".into()));
    };
    if cmd != "ls" {
        if COMMANDS.contains(&cmd.as_str()) {
            return Err(CliFailure::other(&format!("`aws s3 {cmd}` is a real AWS CLI command that ECS Sandbox does not model; `aws s3 ls` is.")));
        }
        return Err(CliFailure::usage(invalid_choice("subcommand", cmd, COMMANDS)));
    }
    let who = sb.shell.caller.clone();
    let world = sb.world();
    match args.get(1) {
        None => {
            who.authorize(world, "s3:ListAllMyBuckets", "*")
                .map_err(|m| CliFailure::service("AccessDenied", "ListBuckets", &m))?;
            Ok(world.s3.buckets.values().map(|b| format!("{} {}\n", date(b.created_at), b.name)).collect())
        }
        Some(path) => {
            let rest = path.strip_prefix("s3://").ok_or_else(|| CliFailure::other(&format!("Invalid argument type: {path}")))?;
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            who.authorize(world, "s3:ListBucket", &format!("arn:aws:s3:::{bucket}"))
                .map_err(|m| CliFailure::service("AccessDenied", "ListObjectsV2", &m))?;
            let b = world
                .s3
                .buckets
                .get(bucket)
                .ok_or_else(|| CliFailure::service("NoSuchBucket", "ListObjectsV2", "The specified bucket does not exist"))?;
            let mut dirs: Vec<String> = Vec::new();
            let mut files = String::new();
            for (key, o) in b.objects.iter().filter(|(k, _)| k.starts_with(prefix)) {
                let tail = &key[prefix.len()..];
                match tail.split_once('/') {
                    Some((dir, _)) => {
                        let d = format!("{dir}/");
                        if !dirs.contains(&d) {
                            dirs.push(d);
                        }
                    }
                    None => files.push_str(&format!("{} {:>10} {tail}\n", date(o.modified), o.size)),
                }
            }
            let mut out: String = dirs.iter().map(|d| format!("{:>30} {d}\n", "PRE")).collect();
            out.push_str(&files);
            let _ = caller::denied_code("s3");
            Ok(out)
        }
    }
}
