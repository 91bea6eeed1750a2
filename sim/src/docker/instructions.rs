//! Each Dockerfile instruction checked into a [`Command`], with BuildKit's error texts (`unknown instruction:
//! FORM (did you mean from?)`, `COPY requires at least two arguments, but only one was provided…`). Strings
//! stay unexpanded: the build expands variables, knowing their values.

use super::dockerfile::{Instruction, ParseError};
use super::words::{json_array, split_words};

/// Shell or exec form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandLine {
    Exec(Vec<String>),
    Shell(String),
}

/// `HEALTHCHECK` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthcheckSpec {
    pub flags: Vec<(String, String)>,
    /// `None` for `HEALTHCHECK NONE`.
    pub command: Option<CommandLine>,
}

/// A checked instruction; strings are still unexpanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    From { image: String, stage: Option<String>, platform: Option<String> },
    Arg(Vec<(String, Option<String>)>),
    Env { pairs: Vec<(String, String)>, legacy: bool },
    Label { pairs: Vec<(String, String)>, legacy: bool },
    Run(CommandLine),
    Copy { add: bool, sources: Vec<String>, dest: String, from: Option<String> },
    Workdir(String),
    Expose(Vec<String>),
    Cmd(CommandLine),
    Entrypoint(CommandLine),
    User(String),
    Volume(Vec<String>),
    StopSignal(String),
    Healthcheck(HealthcheckSpec),
    Shell(Vec<String>),
    Onbuild(String),
    Maintainer(String),
}

const INSTRUCTIONS: [&str; 18] = ["add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label",
    "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir"];

fn err(ins: &Instruction, message: impl Into<String>) -> ParseError {
    ParseError { line: ins.line, end_line: ins.end_line, message: message.into() }
}

/// Leading `--name=value` flags of an instruction, and the rest.
fn take_flags(rest: &str, escape: char) -> (Vec<(String, String)>, String) {
    let mut flags = Vec::new();
    let mut remaining = rest.trim_start();
    while let Some(body) = remaining.strip_prefix("--") {
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        let (word, tail) = body.split_at(end);
        let (k, v) = word.split_once('=').unwrap_or((word, "true"));
        let v = split_words(v, escape).concat();
        flags.push((k.to_string(), v.trim_matches('"').to_string()));
        remaining = tail.trim_start();
    }
    (flags, remaining.to_string())
}

fn command_line(rest: &str) -> CommandLine {
    match json_array(rest) {
        Some(v) => CommandLine::Exec(v),
        None => CommandLine::Shell(rest.to_string()),
    }
}

fn name_values(ins: &Instruction, escape: char, what: &str) -> Result<(Vec<(String, String)>, bool), ParseError> {
    let words = split_words(&ins.rest, escape);
    let Some(first) = words.first() else {
        return Err(err(ins, format!("{what} requires at least one argument")));
    };
    if !first.contains('=') {
        let (_, value) = ins.rest.split_once(char::is_whitespace).unwrap_or((&ins.rest, ""));
        if value.trim().is_empty() {
            return Err(err(ins, format!("{what} must have two arguments")));
        }
        return Ok((vec![(first.clone(), value.trim().to_string())], true));
    }
    let mut pairs = Vec::new();
    for w in &words {
        let Some((k, v)) = w.split_once('=') else {
            return Err(err(ins, format!("Syntax error - can't find = in \"{w}\". Must be of the form: name=value")));
        };
        if k.is_empty() {
            return Err(err(ins, format!("{what} names can not be blank")));
        }
        pairs.push((k.to_string(), v.to_string()));
    }
    Ok((pairs, false))
}

/// Levenshtein distance, for `did you mean`.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// Checks one instruction.
pub fn command(ins: &Instruction, escape: char) -> Result<Command, ParseError> {
    let lower = ins.keyword.to_ascii_lowercase();
    let words = split_words(&ins.rest, escape);
    let exactly_one = |what: &str| -> Result<String, ParseError> {
        match words.as_slice() {
            [one] => Ok(one.clone()),
            _ => Err(err(ins, format!("{what} requires exactly one argument"))),
        }
    };
    Ok(match lower.as_str() {
        "from" => {
            let (flags, rest) = take_flags(&ins.rest, escape);
            let platform = flags.iter().find(|(k, _)| k == "platform").map(|(_, v)| v.clone());
            if let Some((k, _)) = flags.iter().find(|(k, _)| k != "platform") {
                return Err(err(ins, format!("unknown flag: {k}")));
            }
            let w = split_words(&rest, escape);
            match w.as_slice() {
                [image] => Command::From { image: image.clone(), stage: None, platform },
                [image, as_kw, name] if as_kw.eq_ignore_ascii_case("as") => {
                    let lowered = name.to_ascii_lowercase();
                    let valid = lowered.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && lowered.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
                    if !valid {
                        return Err(err(ins, format!("invalid name for build stage: \"{name}\", name can't start with a number or contain symbols")));
                    }
                    Command::From { image: image.clone(), stage: Some(name.clone()), platform }
                }
                _ => return Err(err(ins, "FROM requires either one or three arguments")),
            }
        }
        "arg" => {
            if words.is_empty() {
                return Err(err(ins, "ARG requires at least one argument"));
            }
            let mut args = Vec::new();
            for w in &words {
                let (k, v) = match w.split_once('=') {
                    Some((k, v)) => (k.to_string(), Some(v.to_string())),
                    None => (w.clone(), None),
                };
                if k.is_empty() {
                    return Err(err(ins, "ARG names can not be blank"));
                }
                args.push((k, v));
            }
            Command::Arg(args)
        }
        "env" => {
            let (pairs, legacy) = name_values(ins, escape, "ENV")?;
            Command::Env { pairs, legacy }
        }
        "label" => {
            let (pairs, legacy) = name_values(ins, escape, "LABEL")?;
            Command::Label { pairs, legacy }
        }
        "run" => {
            let (_, rest) = take_flags(&ins.rest, escape);
            if rest.trim().is_empty() && ins.heredocs.is_empty() {
                return Err(err(ins, "RUN requires at least one argument"));
            }
            Command::Run(command_line(&rest))
        }
        "copy" | "add" => {
            let (flags, rest) = take_flags(&ins.rest, escape);
            let from = flags.iter().find(|(k, _)| k == "from").map(|(_, v)| v.clone());
            let known = ["from", "chown", "chmod", "link", "parents", "exclude", "keep-git-dir", "checksum"];
            if let Some((k, _)) = flags.iter().find(|(k, _)| !known.contains(&k.as_str())) {
                return Err(err(ins, format!("unknown flag: {k}")));
            }
            let mut w = json_array(&rest).unwrap_or_else(|| split_words(&rest, escape));
            let name = ins.name();
            if w.len() < 2 {
                let msg = if w.len() == 1 {
                    format!("{name} requires at least two arguments, but only one was provided. Destination could not be determined")
                } else {
                    format!("{name} requires at least two arguments")
                };
                return Err(err(ins, msg));
            }
            let dest = w.pop().unwrap_or_default();
            Command::Copy { add: lower == "add", sources: w, dest, from }
        }
        "workdir" => Command::Workdir(exactly_one("WORKDIR")?),
        "expose" => {
            if words.is_empty() {
                return Err(err(ins, "EXPOSE requires at least one argument"));
            }
            Command::Expose(words)
        }
        "cmd" => Command::Cmd(command_line(&ins.rest)),
        "entrypoint" => Command::Entrypoint(command_line(&ins.rest)),
        "user" => Command::User(exactly_one("USER")?),
        "volume" => {
            let v = json_array(&ins.rest).unwrap_or(words);
            if v.is_empty() {
                return Err(err(ins, "VOLUME requires at least one argument"));
            }
            Command::Volume(v)
        }
        "stopsignal" => Command::StopSignal(exactly_one("STOPSIGNAL")?),
        "healthcheck" => {
            let (flags, rest) = take_flags(&ins.rest, escape);
            let known = ["interval", "timeout", "start-period", "start-interval", "retries"];
            if let Some((k, _)) = flags.iter().find(|(k, _)| !known.contains(&k.as_str())) {
                return Err(err(ins, format!("unknown flag: {k}")));
            }
            let rest = rest.trim();
            let (kind, cmd) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            match kind.to_ascii_uppercase().as_str() {
                "" => return Err(err(ins, "HEALTHCHECK requires at least one argument")),
                "NONE" => Command::Healthcheck(HealthcheckSpec { flags, command: None }),
                "CMD" if !cmd.trim().is_empty() => Command::Healthcheck(HealthcheckSpec { flags, command: Some(command_line(cmd.trim())) }),
                "CMD" => return Err(err(ins, "Missing command after HEALTHCHECK CMD")),
                other => return Err(err(ins, format!("Unknown type \"{other}\" in HEALTHCHECK (try CMD)"))),
            }
        }
        "shell" => match json_array(&ins.rest) {
            Some(v) if !v.is_empty() => Command::Shell(v),
            _ => return Err(err(ins, "SHELL requires the arguments to be in JSON form")),
        },
        "onbuild" => {
            if ins.rest.trim().is_empty() {
                return Err(err(ins, "ONBUILD requires at least one argument"));
            }
            Command::Onbuild(ins.rest.clone())
        }
        "maintainer" => {
            if ins.rest.trim().is_empty() {
                return Err(err(ins, "MAINTAINER requires exactly one argument"));
            }
            Command::Maintainer(ins.rest.clone())
        }
        _ => {
            let mut message = format!("unknown instruction: {}", ins.keyword.to_ascii_uppercase());
            let best = INSTRUCTIONS.iter().map(|n| (distance(&lower, n), *n)).min();
            if let Some((d, n)) = best
                && d <= 2.max(lower.len() / 3) && d > 0 {
                    message.push_str(&format!(" (did you mean {n}?)"));
                }
            return Err(err(ins, message));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docker::dockerfile::parse;

    #[test]
    fn checks_like_buildkit() {
        let check = |t: &str| {
            let ins = parse(t).unwrap();
            command(&ins[0], '\\').map_err(|e| e.message)
        };
        assert_eq!(check("FORM nginx").unwrap_err(), "unknown instruction: FORM (did you mean from?)");
        assert_eq!(check("COPY a").unwrap_err(), "COPY requires at least two arguments, but only one was provided. Destination could not be determined");
        assert_eq!(check("FROM a b").unwrap_err(), "FROM requires either one or three arguments");
        assert_eq!(check("WORKDIR").unwrap_err(), "WORKDIR requires exactly one argument");
        assert_eq!(check("EXPOSE").unwrap_err(), "EXPOSE requires at least one argument");
        assert_eq!(check("FROM a AS 1x").unwrap_err(), "invalid name for build stage: \"1x\", name can't start with a number or contain symbols");
        assert_eq!(check("ENV A=1 B").unwrap_err(), "Syntax error - can't find = in \"B\". Must be of the form: name=value");
        assert_eq!(check("ENV A 1 2").unwrap(), Command::Env { pairs: vec![("A".into(), "1 2".into())], legacy: true });
        assert_eq!(check("CMD [\"a\"]").unwrap(), Command::Cmd(CommandLine::Exec(vec!["a".into()])));
        assert_eq!(check("COPY --from=build /a /b").unwrap(), Command::Copy { add: false, sources: vec!["/a".into()], dest: "/b".into(), from: Some("build".into()) });
        assert_eq!(check("HEALTHCHECK --interval=5s CMD curl -f http://localhost/").unwrap(),
            Command::Healthcheck(HealthcheckSpec { flags: vec![("interval".into(), "5s".into())], command: Some(CommandLine::Shell("curl -f http://localhost/".into())) }));
        assert!(parse("\n# only a comment\n").is_err());
    }
}
