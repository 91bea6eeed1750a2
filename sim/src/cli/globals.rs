//! The AWS CLI's global options (`--region`, `--output`, `--query`, …), which argparse accepts anywhere on
//! the command line; they are taken out first and the rest is `<command> <subcommand> [parameters]`.

use super::usage::CliFailure;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Globals {
    pub region: Option<String>,
    pub output: Option<String>,
    pub query: Option<String>,
    pub profile: Option<String>,
    pub endpoint_url: Option<String>,
    pub version: bool,
    pub debug: bool,
    /// `--no-paginate`: one plain call, printed as the service answered it.
    pub no_paginate: bool,
}

/// Global options that take a value.
const WITH_VALUE: &[&str] = &[
    "--region", "--output", "--query", "--profile", "--endpoint-url", "--color", "--cli-read-timeout",
    "--cli-connect-timeout", "--cli-binary-format", "--ca-bundle",
];
/// Global flags.
const FLAGS: &[&str] = &[
    "--debug", "--no-paginate", "--no-verify-ssl", "--no-sign-request", "--no-cli-pager", "--cli-auto-prompt",
    "--no-cli-auto-prompt", "--version",
];

/// Splits argv into the global options and everything else, in order.
pub fn split(argv: &[String]) -> Result<(Globals, Vec<String>), CliFailure> {
    let mut g = Globals::default();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let arg = &argv[i];
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if WITH_VALUE.contains(&name) {
            let value = match inline {
                Some(v) => v,
                None => {
                    i += 1;
                    match argv.get(i) {
                        Some(v) if !v.starts_with("--") => v.clone(),
                        _ => return Err(CliFailure::usage(format!("argument {name}: expected one argument"))),
                    }
                }
            };
            match name {
                "--region" => g.region = Some(value),
                "--output" => g.output = Some(value),
                "--query" => g.query = Some(value),
                "--profile" => g.profile = Some(value),
                "--endpoint-url" => g.endpoint_url = Some(value),
                _ => {}
            }
        } else if FLAGS.contains(&name) && inline.is_none() {
            match name {
                "--version" => g.version = true,
                "--debug" => g.debug = true,
                "--no-paginate" => g.no_paginate = true,
                _ => {}
            }
        } else {
            rest.push(arg.clone());
        }
        i += 1;
    }
    Ok((g, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn globals_are_taken_from_anywhere() {
        let (g, rest) = split(&v("ecs --region eu-west-1 list-clusters --output=text --query clusterArns")).unwrap();
        assert_eq!(g.region.as_deref(), Some("eu-west-1"));
        assert_eq!(g.output.as_deref(), Some("text"));
        assert_eq!(g.query.as_deref(), Some("clusterArns"));
        assert_eq!(rest, v("ecs list-clusters"));
    }

    #[test]
    fn a_global_without_its_value_is_a_usage_error() {
        let e = split(&v("ecs list-clusters --region")).unwrap_err();
        assert_eq!(e, CliFailure::usage("argument --region: expected one argument".into()));
    }
}
