//! The terminal's command interpreter: parses a command line with the shell parser, expands words, runs
//! pipelines and redirections, and dispatches each command to a builtin or to the AWS CLI. This is the one
//! interpreter: the page's terminal and `ecs-sim run` both call it through `Sandbox::execute`.

mod builtins;
mod help;
mod interpreter;

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

/// Whether the terminal should ask for a continuation line (`> `) instead of running `line`.
pub fn needs_more_input(line: &str) -> bool {
    line.len() <= MAX_COMMAND_BYTES && shell::is_incomplete(line)
}
