//! The commands the terminal knows besides `aws`: `help`, `clear`, `sleep` (advances the virtual clock),
//! `echo`, `export`, `unset`, `env`, `true`, `false`, `cat`, `ls`, the text tools in `text_tools`, and
//! `sh`/`bash`/`source` in `script_cmd`.

use super::interpreter::Io;
use super::{EXIT_NOT_FOUND, help, text_tools};
use crate::cli;
use crate::clock::SimDuration;
use crate::output::CommandOutput;
use crate::sandbox::Sandbox;
use crate::tuning;
use crate::workspace::Workspace;

pub fn dispatch(sb: &mut Sandbox, words: &[String], stdin: &str, ws: &mut dyn Workspace, out: &mut CommandOutput) -> Io {
    let args = &words[1..];
    match words[0].as_str() {
        "aws" => cli::run(sb, args, stdin, ws),
        "docker" => docker(sb, args, stdin, ws),
        "help" => ok(help::text(args.first().map(String::as_str))),
        "clear" => {
            out.clear = true;
            Io::default()
        }
        "sleep" => sleep(sb, args),
        "echo" => ok(echo(args)),
        "export" => export(sb, args),
        "unset" => {
            for a in args {
                sb.shell.vars.remove(a);
            }
            Io::default()
        }
        "env" | "printenv" => ok(sb.shell.vars.iter().map(|(k, v)| format!("{k}={v}\n")).collect()),
        "true" | ":" => Io::default(),
        "false" => Io { status: 1, ..Io::default() },
        "cat" => cat(args, stdin, ws),
        "ls" => ok(ws.names().iter().map(|n| format!("{n}\n")).collect()),
        "grep" | "head" | "tail" | "wc" => text_tools::run(&words[0], args, stdin, ws),
        "sandbox" => super::sandbox_cmd::run(sb, args, ws),
        "curl" => super::curl::run(sb, args, ws),
        "sh" | "bash" | "source" | "." => super::script_cmd::run(sb, &words[0], args, ws, out),
        name => Io {
            stderr: format!("{name}: command not found (type `help` for the commands the sandbox knows)\n"),
            status: EXIT_NOT_FOUND,
            ..Io::default()
        },
    }
}

fn ok(stdout: String) -> Io {
    Io { stdout, ..Io::default() }
}

fn fail(stderr: String, status: i32) -> Io {
    Io { stderr, status, ..Io::default() }
}

/// A time interval as `sleep` reads it: a number with an optional unit `s` (default), `m`, `h` or `d`, at
/// most `max`.
pub(crate) fn parse_interval(arg: &str, max: SimDuration) -> Option<SimDuration> {
    let (num, unit) = match arg.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((i, _)) => (&arg[..i], &arg[i..]),
        None => (arg, "s"),
    };
    let factor = match unit {
        "s" => 1000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        "d" => 86_400_000.0,
        _ => return None,
    };
    let n = num.parse::<f64>().ok().filter(|n| n.is_finite() && *n >= 0.0)?;
    Some(SimDuration::millis((n * factor).min(max.as_millis() as f64) as u64))
}

/// `sleep N[s|m|h]`: waits N seconds of virtual time, during which scheduled changes happen.
fn sleep(sb: &mut Sandbox, args: &[String]) -> Io {
    let Some(arg) = args.first() else { return fail("sleep: missing operand\n".into(), 1) };
    let Some(d) = parse_interval(arg, tuning::SLEEP_MAX) else { return fail(format!("sleep: invalid time interval '{arg}'\n"), 1) };
    sb.advance(d);
    Io::default()
}

fn echo(args: &[String]) -> String {
    let mut args = args;
    let mut newline = true;
    let mut escapes = false;
    while let Some(flag) = args.first().filter(|a| a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| "neE".contains(c))) {
        newline &= !flag.contains('n');
        escapes |= flag.contains('e');
        args = &args[1..];
    }
    let mut s = args.join(" ");
    if escapes {
        s = s.replace("\\n", "\n").replace("\\t", "\t");
    }
    if newline {
        s.push('\n');
    }
    s
}

fn export(sb: &mut Sandbox, args: &[String]) -> Io {
    for a in args {
        if let Some((k, v)) = a.split_once('=') {
            sb.shell.vars.insert(k.to_string(), v.to_string());
        }
    }
    Io::default()
}

fn cat(args: &[String], stdin: &str, ws: &dyn Workspace) -> Io {
    if args.is_empty() {
        return ok(stdin.to_string());
    }
    let mut io = Io::default();
    for name in args {
        match ws.read(name) {
            Ok(text) => io.stdout.push_str(&text),
            Err(e) => {
                io.stderr.push_str(&format!("cat: {e}\n"));
                io.status = 1;
            }
        }
    }
    io
}

/// `docker …`: the learner's Docker client, talking to the public registries and this account's ECR.
fn docker(sb: &mut Sandbox, args: &[String], stdin: &str, ws: &mut dyn Workspace) -> Io {
    let mut client = std::mem::take(&mut sb.docker);
    let now = sb.now().unix_seconds();
    let out = {
        let mut ctx = sb.ctx();
        let mut registries = crate::services::ecr::registry::EcrRegistries { ctx: &mut ctx };
        crate::docker::run(&mut client, &mut registries, args, stdin, ws, now)
    };
    sb.docker = client;
    Io { stdout: out.stdout, stderr: out.stderr, status: out.exit_code, ordered: out.chunks }
}
