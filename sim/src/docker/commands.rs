//! `docker` itself: global options, routing to each command (and its `docker image …` alias), `version`,
//! `help`, and the commands the sandbox's Docker does not have (containers run as ECS tasks here).

use super::cli::{self, Args, Command};
use super::{build, images_cmd, inspect, transfer, DockerClient, Output, Registries};
use super::{DOCKER_API_VERSION, DOCKER_BUILT, DOCKER_GIT_COMMIT, DOCKER_GO_VERSION, DOCKER_VERSION};
use crate::workspace::Workspace;

/// What a command runs against.
pub struct Env<'a> {
    pub client: &'a mut DockerClient,
    pub registries: &'a mut dyn Registries,
    pub stdin: &'a str,
    pub files: &'a dyn Workspace,
    pub now: u64,
}

const ROOT_HELP: &str = "
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  push        Upload an image to a registry
  images      List images
  login       Log in to a registry
  logout      Log out from a registry
  version     Show the Docker version information

Management Commands:
  builder     Manage builds
  buildx*     Docker Buildx
  container   Manage containers
  image       Manage images

Commands:
  inspect     Return low-level information on Docker objects
  rmi         Remove one or more images
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

Global Options:
      --config string      Location of client config files (default \"/root/.docker\")
  -D, --debug              Enable debug mode
  -l, --log-level string   Set the logging level (\"debug\", \"info\", \"warn\", \"error\", \"fatal\") (default \"info\")
  -v, --version            Print version information and quit

Run 'docker COMMAND --help' for more information on a command.

For more help on how to use Docker, head to https://docs.docker.com/go/guides/
";

const IMAGE_HELP: &str = "
Usage:  docker image COMMAND

Manage images

Commands:
  build       Build an image from a Dockerfile
  inspect     Display detailed information on one or more images
  ls          List images
  pull        Download an image from a registry
  push        Upload an image to a registry
  rm          Remove one or more images
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

Run 'docker image COMMAND --help' for more information on a command.
";

const CONTAINER_COMMANDS: [&str; 23] = ["run", "create", "exec", "ps", "start", "stop", "restart", "kill", "rm", "logs", "attach",
    "cp", "top", "stats", "wait", "pause", "unpause", "port", "rename", "update", "commit", "diff", "export"];

const OTHER_COMMANDS: [&str; 26] = ["network", "volume", "system", "info", "events", "history", "save", "load", "import", "search",
    "context", "swarm", "service", "stack", "node", "secret", "config", "trust", "manifest", "plugin", "compose", "scout", "init",
    "debug", "prune", "checkpoint"];

/// The sentence for container commands.
pub fn no_runtime(what: &str) -> Output {
    Output::err(
        format!("docker {what}: the ECS Sandbox's Docker has no container runtime: it builds, tags, pushes and pulls images, and containers run as ECS tasks here (for example `aws ecs run-task`).\n"),
        1,
    )
}

fn not_available(what: &str) -> Output {
    Output::err(format!("docker {what}: not available in the ECS Sandbox, whose Docker emulates images, builds and registries only.\n"), 1)
}

pub fn build_command(path: &str) -> Command {
    let mut c = Command::new(path, "[OPTIONS] PATH | URL | -", "Start a build",
        "docker buildx build, docker buildx b, docker build, docker builder build, docker image build", cli::BUILD_FLAGS, Args::Exact(1));
    c.buildx = true;
    c
}

fn version_command() -> Command {
    Command::new("docker version", "[OPTIONS]", "Show the Docker version information", "", cli::VERSION_FLAGS, Args::None)
}

fn version(env: &Env<'_>, argv: &[String]) -> Output {
    let parsed = match version_command().parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let arch = env.client.architecture();
    if let Some(format) = parsed.string("format") {
        let value = serde_json::json!({"Client": {"Version": DOCKER_VERSION, "ApiVersion": DOCKER_API_VERSION,
            "GoVersion": DOCKER_GO_VERSION, "GitCommit": DOCKER_GIT_COMMIT, "Os": "linux", "Arch": arch, "Context": "default"}});
        return match super::template::render(format, &value, super::template::Missing::NoValue) {
            Ok(text) => Output::ok(format!("{text}\n")),
            Err(e) => Output::err(format!("{e}\n"), 1),
        };
    }
    Output::ok(format!(
        "Client: Docker Engine - Community\n Version:           {DOCKER_VERSION}\n API version:       {DOCKER_API_VERSION}\n Go version:        {DOCKER_GO_VERSION}\n Git commit:        {DOCKER_GIT_COMMIT}\n Built:             {DOCKER_BUILT}\n OS/Arch:           linux/{arch}\n Context:           default\n"
    ))
}

/// The `docker run` check: flag errors exit 125 as Docker's do; otherwise the no-runtime sentence.
fn run_like(what: &str, argv: &[String]) -> Output {
    let path = format!("docker {what}");
    let c = Command::new(&path, "[OPTIONS] IMAGE [COMMAND] [ARG...]", "Create and run a new container from an image", "", cli::RUN_FLAGS, Args::Min(1));
    match cli::parse_flags(cli::RUN_FLAGS, argv, false) {
        Err(msg) => c.flag_error(&msg),
        Ok(p) if p.help => Output::ok(c.help()),
        Ok(p) if p.args.is_empty() => c.parse(&[]).err().unwrap_or_default(),
        Ok(_) => no_runtime(what),
    }
}

/// Routes `docker ARGS…`.
pub fn dispatch(env: &mut Env<'_>, argv: &[String]) -> Output {
    let root = match cli::parse_flags(cli::ROOT_FLAGS, argv, false) {
        Ok(p) => p,
        Err(msg) => return Output::err(format!("{msg}\nSee 'docker --help'.\n"), 125),
    };
    if root.bool("version") {
        return Output::ok(format!("Docker version {DOCKER_VERSION}, build {DOCKER_GIT_COMMIT}\n"));
    }
    if root.help {
        return Output::ok(ROOT_HELP);
    }
    let Some((name, rest)) = root.args.split_first() else {
        return Output::err(ROOT_HELP, 0);
    };
    match name.as_str() {
        "build" => build::run(env, &build_command("docker buildx build"), rest),
        "builder" | "buildx" => match rest.split_first() {
            Some((sub, args)) if sub == "build" || (name == "buildx" && sub == "b") => build::run(env, &build_command("docker buildx build"), args),
            _ => not_available(name),
        },
        "images" => images_cmd::images(env, "docker images", rest),
        "tag" => images_cmd::tag(env, "docker tag", rest),
        "rmi" => images_cmd::rmi(env, "docker rmi", rest),
        "push" => transfer::push(env, "docker push", rest),
        "pull" => transfer::pull(env, "docker pull", rest),
        "login" => transfer::login(env, rest),
        "logout" => transfer::logout(env, rest),
        "inspect" => inspect::inspect(env, "docker inspect", rest),
        "version" => version(env, rest),
        "image" => image(env, rest),
        "help" => match rest.first() {
            None => Output::ok(ROOT_HELP),
            Some(cmd) => {
                let mut argv: Vec<String> = rest.to_vec();
                argv.truncate(1);
                argv.push("--help".into());
                if CONTAINER_COMMANDS.contains(&cmd.as_str()) || OTHER_COMMANDS.contains(&cmd.as_str()) || cmd == "image" {
                    return dispatch(env, &argv);
                }
                if ["build", "images", "tag", "rmi", "push", "pull", "login", "logout", "inspect", "version"].contains(&cmd.as_str()) {
                    return dispatch(env, &argv);
                }
                Output::err(format!("unknown help topic: {}\n", rest.join(" ")), 1)
            }
        },
        "container" => match rest.first().map(String::as_str) {
            None | Some("--help") | Some("-h") => no_runtime("container"),
            Some(sub) => no_runtime(&format!("container {sub}")),
        },
        n if n == "run" || n == "create" => run_like(n, rest),
        n if CONTAINER_COMMANDS.contains(&n) => no_runtime(n),
        n if OTHER_COMMANDS.contains(&n) => not_available(n),
        n => Output::err(format!("docker: '{n}' is not a docker command.\nSee 'docker --help'\n"), 1),
    }
}

fn image(env: &mut Env<'_>, argv: &[String]) -> Output {
    let Some((sub, rest)) = argv.split_first() else {
        return Output::err(IMAGE_HELP, 0);
    };
    match sub.as_str() {
        "--help" | "-h" => Output::ok(IMAGE_HELP),
        "build" => build::run(env, &build_command("docker buildx build"), rest),
        "ls" | "list" => images_cmd::images(env, &format!("docker image {sub}"), rest),
        "tag" => images_cmd::tag(env, "docker image tag", rest),
        "rm" | "remove" => images_cmd::rmi(env, &format!("docker image {sub}"), rest),
        "push" => transfer::push(env, "docker image push", rest),
        "pull" => transfer::pull(env, "docker image pull", rest),
        "inspect" => inspect::inspect(env, "docker image inspect", rest),
        "history" | "import" | "load" | "prune" | "save" => not_available(&format!("image {sub}")),
        s if s.starts_with('-') => Output::err(format!("unknown flag: {s}\nSee 'docker image --help'.\n"), 125),
        _ => Output::err(format!("\n{}\n", IMAGE_HELP.trim_matches('\n')), 1),
    }
}
