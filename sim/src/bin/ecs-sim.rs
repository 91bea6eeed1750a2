//! `ecs-sim`: the sandbox without a browser.
//!
//! - `ecs-sim run [--seed N] [--keep-going] [--events FILE] SCRIPT`: runs each command line of SCRIPT as the
//!   page's terminal would and prints exactly what the terminal shows; stops at the first failing command
//!   with its exit code. `file://NAME` reads files beside the script.
//! - `ecs-sim validate FILE`: checks a task definition file; prints `FILE:LINE:COL: error: …` per problem
//!   and exits 0 only when the file would be accepted.
//! - `ecs-sim check-lessons`: proves every shipped lesson (its start meets no goal; its solution meets all).
//! - `ecs-sim export-lesson ID DIR`: writes a lesson's starting files, `setup.sh`, `solution.sh` and `seed`
//!   into DIR, so that `ecs-sim run --seed $(cat DIR/seed) --setup DIR/setup.sh DIR/solution.sh` replays it.

use clap::{Parser, Subcommand};
use ecs_sim::{Sandbox, Workspace, WorkspaceError, commands, lesson, transcript_entry};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "ecs-sim", version, about = "ECS Sandbox without a browser")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a script of terminal commands and print the terminal's transcript.
    Run {
        #[arg(long, default_value_t = ecs_sim::tuning::DEFAULT_SEED)]
        seed: u64,
        /// Run every command even after one fails (the exit code is then the last command's).
        #[arg(long)]
        keep_going: bool,
        /// Write the event log, one JSON object a line, to this file.
        #[arg(long)]
        events: Option<PathBuf>,
        /// Run this script first without printing anything (a lesson's setup); stop if it fails.
        #[arg(long)]
        setup: Option<PathBuf>,
        /// The learner's files (what `file://NAME` reads and `docker build .` sends): this directory instead
        /// of the one the script is in.
        #[arg(long)]
        workspace: Option<PathBuf>,
        script: PathBuf,
    },
    /// Validate a task definition file.
    Validate { file: PathBuf },
    /// Prove every shipped lesson.
    CheckLessons,
    /// Write a lesson's files and solution script into a directory.
    ExportLesson { id: String, dir: PathBuf },
}

/// Files beside the script; what commands write (`> FILE`) stays in memory.
struct DirWorkspace {
    dir: PathBuf,
    written: BTreeMap<String, String>,
}

impl Workspace for DirWorkspace {
    fn read(&self, name: &str) -> Result<String, WorkspaceError> {
        let name = ecs_sim::workspace::normalize(name);
        if let Some(text) = self.written.get(name) {
            return Ok(text.clone());
        }
        let path = self.dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => WorkspaceError::NotFound(name.to_string()),
            _ => WorkspaceError::Unreadable(name.to_string(), e.to_string()),
        })
    }
    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.extend(self.written.keys().cloned());
        names.sort();
        names.dedup();
        names
    }
    fn write(&mut self, name: &str, content: &str) -> Result<(), WorkspaceError> {
        self.written.insert(ecs_sim::workspace::normalize(name).to_string(), content.to_string());
        Ok(())
    }
}

fn read(path: &Path) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("ecs-sim: {}: {e}", path.display());
        ExitCode::from(2)
    })
}

fn run(seed: u64, keep_going: bool, events: Option<&Path>, setup: Option<&Path>, workspace: Option<&Path>, script: &Path) -> ExitCode {
    let text = match read(script) {
        Ok(t) => t,
        Err(code) => return code,
    };
    // `solution.sh` has the parent "", which `read_dir` refuses: that is the current directory.
    let beside = script.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let dir = workspace.map_or(beside, Path::to_path_buf);
    let mut ws = DirWorkspace { dir, written: BTreeMap::new() };
    let mut sb = Sandbox::new(seed);
    if let Some(setup) = setup {
        let setup_text = match read(setup) {
            Ok(t) => t,
            Err(code) => return code,
        };
        for line in commands::split_script(&setup_text) {
            let out = sb.execute(&line, &mut ws);
            if out.exit_code != 0 {
                eprintln!("ecs-sim: setup command fails: {line}\n{}", out.text());
                return ExitCode::from(2);
            }
        }
    }
    let mut code = 0;
    for line in commands::split_script(&text) {
        let out = sb.execute(&line, &mut ws);
        print!("{}", transcript_entry(&line, &out));
        code = out.exit_code;
        if code != 0 && !keep_going {
            break;
        }
    }
    if let Some(path) = events {
        let log: String = sb.events().iter().filter_map(|e| serde_json::to_string(e).ok()).map(|l| l + "\n").collect();
        if let Err(e) = std::fs::write(path, log) {
            eprintln!("ecs-sim: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::from(u8::try_from(code.clamp(0, 255)).unwrap_or(1))
}

fn validate(file: &Path) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("ecs-sim: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let report = ecs_sim::validate::validate(&text);
    print!("{}", report.render_lines(&file.display().to_string()));
    if report.verdict == ecs_sim::validate::Verdict::Accepted { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn check_lessons() -> ExitCode {
    let mut failed = false;
    for (name, text) in lesson::builtin_sources() {
        match lesson::Lesson::parse(text) {
            Err(e) => {
                failed = true;
                println!("lessons/{name}: error: {e}");
            }
            Ok(l) => {
                let report = lesson::check(&l);
                if report.problems.is_empty() {
                    println!("lessons/{name}: ok ({} goals, {} solution commands)", l.goals.len(), l.solution.len());
                } else {
                    failed = true;
                    for p in &report.problems {
                        println!("lessons/{name}: error: {p}");
                    }
                    print!("{}", report.transcript);
                }
            }
        }
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn export_lesson(id: &str, dir: &Path) -> ExitCode {
    let Some(l) = lesson::builtin().into_iter().find(|l| l.id == id) else {
        eprintln!("ecs-sim: no lesson with id {id}");
        return ExitCode::from(2);
    };
    // The learner's files go in DIR/files, so that the scripts are not part of the workspace (a Dockerfile's
    // build context would count them).
    let files = dir.join("files");
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text);
    let result = std::fs::create_dir_all(&files)
        .and_then(|()| l.files.iter().try_for_each(|f| std::fs::write(files.join(&f.name), &f.content)))
        .and_then(|()| write("solution.sh", &l.solution_script()))
        .and_then(|()| write("setup.sh", &l.setup.iter().map(|c| format!("{c}\n")).collect::<String>()))
        .and_then(|()| write("seed", &format!("{}\n", l.seed)));
    match result {
        Ok(()) => {
            let d = dir.display();
            println!("ecs-sim run --seed {} --setup {d}/setup.sh --workspace {d}/files {d}/solution.sh", l.seed);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("ecs-sim: {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run { seed, keep_going, events, setup, workspace, script } => {
            run(seed, keep_going, events.as_deref(), setup.as_deref(), workspace.as_deref(), &script)
        }
        Command::Validate { file } => validate(&file),
        Command::CheckLessons => check_lessons(),
        Command::ExportLesson { id, dir } => export_lesson(&id, &dir),
    }
}
