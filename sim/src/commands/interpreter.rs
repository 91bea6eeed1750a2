//! Running a parsed script: `;`/newline lists, `&&` and `||`, pipelines (each command's stdout is the next
//! one's stdin), redirections (`>`, `>>`, `<`, `2>&1`, `/dev/null`), `NAME=value` assignments and `$(…)`.

use super::builtins;
use crate::output::{CommandOutput, Stream};
use crate::sandbox::Sandbox;
use crate::shell::{self, Connector, Expander, Pipeline, RedirectKind, Script, SimpleCommand};
use crate::workspace::Workspace;

/// Output of one simple command before redirection.
#[derive(Debug, Default)]
pub struct Io {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    /// Both streams in the order written (`true` for stderr), when the command knows it; a terminal shows
    /// the last command of a pipeline in this order. Empty means: stdout, then stderr.
    pub ordered: Vec<(bool, String)>,
}

pub fn run_script(sb: &mut Sandbox, script: &Script, ws: &mut dyn Workspace, out: &mut CommandOutput) {
    for list in &script.items {
        let mut status = run_pipeline(sb, &list.first, ws, out);
        sb.shell.last_status = status;
        for (conn, p) in &list.rest {
            let run = match conn {
                Connector::And => status == 0,
                Connector::Or => status != 0,
            };
            if run {
                status = run_pipeline(sb, p, ws, out);
                sb.shell.last_status = status;
            }
        }
        out.exit_code = status;
        sb.shell.last_status = status;
    }
}

struct SubstExpander<'a> {
    sb: &'a mut Sandbox,
    ws: &'a mut dyn Workspace,
    /// Errors printed by commands inside `$(…)`: they reach the terminal, as in a shell.
    stderr: String,
}

impl Expander for SubstExpander<'_> {
    fn var(&self, name: &str) -> Option<String> {
        if name == "?" {
            return Some(self.sb.shell.last_status.to_string());
        }
        self.sb.shell.vars.get(name).cloned()
    }
    fn run(&mut self, script: &Script) -> String {
        let mut inner = CommandOutput::default();
        run_script(self.sb, script, self.ws, &mut inner);
        self.stderr.push_str(&inner.stderr());
        inner.stdout()
    }
}

fn run_pipeline(sb: &mut Sandbox, p: &Pipeline, ws: &mut dyn Workspace, out: &mut CommandOutput) -> i32 {
    let mut stdin = String::new();
    let mut status = 0;
    let last = p.commands.len().saturating_sub(1);
    for (i, cmd) in p.commands.iter().enumerate() {
        let io = run_simple(sb, cmd, &stdin, ws, out);
        status = io.status;
        if i == last {
            // A program's output, then its error: what a terminal shows for one that prints progress and
            // then fails (docker push), and for every command that writes only one of the two.
            if io.ordered.is_empty() {
                out.push(Stream::Stdout, &io.stdout);
                out.push(Stream::Stderr, &io.stderr);
            } else {
                for (is_err, text) in &io.ordered {
                    out.push(if *is_err { Stream::Stderr } else { Stream::Stdout }, text);
                }
            }
        } else {
            out.push(Stream::Stderr, &io.stderr);
            stdin = io.stdout;
        }
    }
    status
}

fn run_simple(sb: &mut Sandbox, cmd: &SimpleCommand, stdin: &str, ws: &mut dyn Workspace, out: &mut CommandOutput) -> Io {
    let mut ex = SubstExpander { sb, ws, stderr: String::new() };
    let words = shell::expand_words(&cmd.words, &mut ex);
    let assignments: Vec<(String, String)> =
        cmd.assignments.iter().map(|(k, w)| (k.clone(), shell::expand_word_no_split(w, &mut ex))).collect();
    let redirects: Vec<(u32, RedirectKind, String)> = cmd
        .redirects
        .iter()
        .map(|r| (r.fd, r.kind, shell::expand_word_no_split(&r.target, &mut ex)))
        .collect();
    let subst_errors = std::mem::take(&mut ex.stderr);
    out.push(Stream::Stderr, &subst_errors);

    if words.is_empty() {
        // `NAME=value` alone sets a shell variable.
        for (k, v) in assignments {
            sb.shell.vars.insert(k, v);
        }
        return Io::default();
    }
    // `NAME=value cmd`: the variables apply to this command only.
    let saved: Vec<(String, Option<String>)> =
        assignments.iter().map(|(k, _)| (k.clone(), sb.shell.vars.get(k).cloned())).collect();
    for (k, v) in &assignments {
        sb.shell.vars.insert(k.clone(), v.clone());
    }

    let mut input = stdin.to_string();
    let mut io = Io::default();
    for (_, kind, target) in &redirects {
        if *kind == RedirectKind::In {
            match ws.read(target) {
                Ok(text) => input = text,
                Err(e) => {
                    io.stderr = format!("sh: {target}: {e}\n");
                    io.status = 1;
                }
            }
        }
    }
    if io.status == 0 {
        io = builtins::dispatch(sb, &words, &input, ws, out);
    }
    for (k, old) in saved {
        match old {
            Some(v) => sb.shell.vars.insert(k, v),
            None => sb.shell.vars.remove(&k),
        };
    }
    apply_redirects(io, &redirects, ws, out)
}

/// Sends stdout and stderr where the redirections say; what is left goes to the terminal (stderr now,
/// stdout to the caller, which pipes it on or prints it).
fn apply_redirects(mut io: Io, redirects: &[(u32, RedirectKind, String)], ws: &mut dyn Workspace, out: &mut CommandOutput) -> Io {
    if !redirects.is_empty() {
        io.ordered.clear();
    }
    for (fd, kind, target) in redirects {
        let text = match (fd, kind) {
            (2, RedirectKind::DupOut(1)) => {
                let e = std::mem::take(&mut io.stderr);
                io.stdout.push_str(&e);
                continue;
            }
            (1, RedirectKind::DupOut(2)) => {
                let o = std::mem::take(&mut io.stdout);
                io.stderr.push_str(&o);
                continue;
            }
            (1, RedirectKind::Out | RedirectKind::Append) => std::mem::take(&mut io.stdout),
            (2, RedirectKind::Out | RedirectKind::Append) => std::mem::take(&mut io.stderr),
            _ => continue,
        };
        if target == "/dev/null" {
            continue;
        }
        let content = match (kind, ws.read(target)) {
            (RedirectKind::Append, Ok(old)) => old + &text,
            _ => text,
        };
        match ws.write(target, &content) {
            Ok(()) => {
                if !out.files_written.contains(target) {
                    out.files_written.push(target.clone());
                }
            }
            Err(e) => {
                io.stderr.push_str(&format!("sh: {target}: {e}\n"));
                io.status = 1;
            }
        }
    }
    io
}
