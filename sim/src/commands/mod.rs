//! The terminal's command interpreter: parses a command line with the shell parser, expands words, runs
//! pipelines and redirections, and dispatches each command to a builtin or to the AWS CLI. This is the one
//! interpreter: the page's terminal and `ecs-sim run` both call it through `Sandbox::execute`.

mod builtins;
pub(crate) mod curl;
mod help;
mod interpreter;
mod sandbox_cmd;
mod sandbox_learner;
mod sandbox_pull_as;
mod sandbox_faults;
mod sandbox_spot;
mod sandbox_load;
mod script_cmd;

pub(crate) use interpreter::Io;
mod text_tools;

use crate::output::{CommandOutput, Stream};
use crate::sandbox::Sandbox;
use crate::shell;
use crate::tuning::MAX_COMMAND_BYTES;
use crate::workspace::Workspace;

/// Exit code for a line the shell cannot parse (as bash uses 2 for syntax errors).
pub const EXIT_SYNTAX: i32 = 2;
/// Exit code for an unknown command (as in every POSIX shell).
pub const EXIT_NOT_FOUND: i32 = 127;

pub fn run_line(sb: &mut Sandbox, line: &str, ws: &mut dyn Workspace) -> CommandOutput {
    let mut out = CommandOutput::default();
    if line.len() > MAX_COMMAND_BYTES {
        out.push(
            Stream::Stderr,
            &format!(
                "sh: input too long: {} bytes (a command line may have up to {} bytes). Put long content in a file in the editor and pass it with file://NAME.\n",
                line.len(),
                MAX_COMMAND_BYTES
            ),
        );
        out.exit_code = EXIT_SYNTAX;
        sb.shell.last_status = out.exit_code;
        return out;
    }
    let trimmed;
    let line = if ends_with_empty_continuation(line) {
        trimmed = line.trim_end_matches('\n').trim_end_matches('\\').to_string();
        trimmed.as_str()
    } else {
        line
    };
    let script = match shell::parse(line) {
        Ok(s) => s,
        Err(e) => {
            out.push(Stream::Stderr, &format!("sh: {}\n", e.render(line)));
            out.exit_code = EXIT_SYNTAX;
            sb.shell.last_status = out.exit_code;
            return out;
        }
    };
    interpreter::run_script(sb, &script, ws, &mut out);
    out
}

/// Whether the terminal should ask for a continuation line (`> `) instead of running `line`. A continuation
/// followed by an empty line ends the command, as in bash.
pub fn needs_more_input(line: &str) -> bool {
    line.len() <= MAX_COMMAND_BYTES && !ends_with_empty_continuation(line) && shell::is_incomplete(line)
}

/// `cmd \` then an empty line: bash runs `cmd`.
fn ends_with_empty_continuation(line: &str) -> bool {
    line.strip_suffix('\n').is_some_and(|l| l.ends_with('\\') && !l.ends_with("\\\\"))
}

/// Splits a script into command lines as the terminal receives them: a line that leaves a quote, `$(`, a
/// pipe or a backslash open continues on the next. Blank and comment-only lines are skipped. The runner and
/// the page's multi-line paste both use it.
pub fn split_script(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut acc = String::new();
    for line in script.lines() {
        if acc.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        if !acc.is_empty() {
            acc.push('\n');
        }
        acc.push_str(line);
        if !needs_more_input(&acc) {
            out.push(std::mem::take(&mut acc));
        }
    }
    if !acc.is_empty() {
        out.push(acc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_continuation_then_an_empty_line_runs_as_in_bash() {
        assert!(needs_more_input("echo a \\"));
        assert!(!needs_more_input("echo a \\\n"));
        let mut sb = Sandbox::new(1);
        let out = run_line(&mut sb, "echo a \\\n", &mut crate::MemoryWorkspace::new());
        assert_eq!(out.stdout(), "a\n");
        assert_eq!(split_script("echo a \\\n\necho b\n"), vec!["echo a \\\n", "echo b"]);
    }
}
