//! `sh FILE`, `bash FILE`, `source FILE` and `. FILE`: run a script from the workspace line by line, as the
//! terminal would run it typed. `sh` and `bash` run it in a child shell (variables it sets are gone
//! afterwards), `source` and `.` in this one. `sh -c 'COMMANDS'` runs a command string. Like bash without
//! `-e`, a failing command does not stop the script; the exit status is the last command's.
//!
//! Messages are bash's (Amazon Linux's `sh` is bash): `bash: FILE: No such file or directory` (status 127).

use super::interpreter::Io;
use crate::output::{CommandOutput, Stream};
use crate::sandbox::Sandbox;
use crate::workspace::Workspace;

/// Scripts running inside scripts, at most.
const MAX_DEPTH: u8 = 16;

pub fn run(sb: &mut Sandbox, name: &str, args: &[String], ws: &mut dyn Workspace, out: &mut CommandOutput) -> Io {
    let child = name == "sh" || name == "bash";
    let (text, label) = match args {
        [] => {
            return Io {
                stderr: format!("{name}: an interactive shell is not available here: type commands at the prompt, or run a file with `{name} FILE`\n"),
                status: 2,
                ..Io::default()
            };
        }
        [flag, command, ..] if child && flag == "-c" => (command.clone(), None),
        [flag] if child && flag == "-c" => return Io { stderr: format!("{name}: -c: option requires an argument\n"), status: 2, ..Io::default() },
        [file, ..] => match ws.read(file) {
            Ok(t) => (t, Some(file.clone())),
            Err(_) => {
                return Io { stderr: format!("{name}: {file}: No such file or directory\n"), status: if child { 127 } else { 1 }, ..Io::default() };
            }
        },
    };
    if sb.shell.script_depth >= MAX_DEPTH {
        let what = label.unwrap_or_else(|| "-c".into());
        return Io { stderr: format!("{name}: {what}: scripts nested more than {MAX_DEPTH} deep\n"), status: 2, ..Io::default() };
    }
    let saved_vars = child.then(|| sb.shell.vars.clone());
    sb.shell.script_depth += 1;
    let mut io = Io::default();
    for line in super::split_script(&text) {
        let inner = super::run_line(sb, &line, ws);
        for c in &inner.chunks {
            let err = c.stream == Stream::Stderr;
            if err { io.stderr.push_str(&c.text) } else { io.stdout.push_str(&c.text) }
            io.ordered.push((err, c.text.clone()));
        }
        for f in inner.files_written {
            if !out.files_written.contains(&f) {
                out.files_written.push(f);
            }
        }
        io.status = inner.exit_code;
    }
    sb.shell.script_depth -= 1;
    if let Some(vars) = saved_vars {
        sb.shell.vars = vars;
    }
    io
}

#[cfg(test)]
mod tests {
    use crate::{MemoryWorkspace, Sandbox};

    fn run(ws: &mut MemoryWorkspace, line: &str, sb: &mut Sandbox) -> (String, i32) {
        let o = sb.execute(line, ws);
        (o.text(), o.exit_code)
    }

    #[test]
    fn sh_runs_a_file_in_a_child_shell_and_source_in_this_one() {
        let mut sb = Sandbox::new(1);
        let mut ws = MemoryWorkspace::new().with_file("s.sh", "#!/bin/bash\nX=1\necho one $X\nfalse\necho two\n");
        assert_eq!(run(&mut ws, "sh s.sh", &mut sb), ("one 1\ntwo\n".into(), 0));
        assert_eq!(run(&mut ws, "echo [$X]", &mut sb).0, "[]\n");
        assert_eq!(run(&mut ws, "source s.sh", &mut sb).0, "one 1\ntwo\n");
        assert_eq!(run(&mut ws, "echo [$X]", &mut sb).0, "[1]\n");
        assert_eq!(run(&mut ws, "bash -c 'echo hi; false'", &mut sb), ("hi\n".into(), 1));
    }

    #[test]
    fn missing_files_and_self_recursion_are_errors_not_hangs() {
        let mut sb = Sandbox::new(1);
        let mut ws = MemoryWorkspace::new().with_file("loop.sh", "sh loop.sh\n");
        assert_eq!(run(&mut ws, "sh nope.sh", &mut sb), ("sh: nope.sh: No such file or directory\n".into(), 127));
        let (text, code) = run(&mut ws, "sh loop.sh", &mut sb);
        assert_eq!(code, 2);
        assert!(text.contains("nested more than 16 deep"), "{text}");
        assert_eq!(run(&mut ws, "sh", &mut sb).1, 2);
    }
}
