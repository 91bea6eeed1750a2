//! cobra's and pflag's wording, exit codes, help and the commands the sandbox does not have.
use super::*;

#[test]
fn cobra_errors_and_exit_codes() {
    let mut s = Sandbox::new();
    let out = s.docker("foo");
    assert_eq!((out.stderr.as_str(), out.exit_code), ("docker: 'foo' is not a docker command.\nSee 'docker --help'\n", 1));
    let out = s.docker("--foo");
    assert_eq!((out.stderr.as_str(), out.exit_code), ("unknown flag: --foo\nSee 'docker --help'.\n", 125));
    let out = s.docker("push");
    assert_eq!(out.stderr, "\"docker push\" requires exactly 1 argument.\nSee 'docker push --help'.\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n");
    assert_eq!(s.docker("push a b").exit_code, 1);
    assert_eq!(s.docker("tag x").stderr, "\"docker tag\" requires exactly 2 arguments.\nSee 'docker tag --help'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n");
    assert!(s.docker("rmi").stderr.starts_with("\"docker rmi\" requires at least 1 argument.\n"));
    assert!(s.docker("image rm").stderr.starts_with("\"docker image rm\" requires at least 1 argument.\nSee 'docker image rm --help'.\n\nUsage:  docker image rm [OPTIONS] IMAGE [IMAGE...]"));
    assert!(s.docker("login a b").stderr.starts_with("\"docker login\" requires at most 1 argument.\n"));
    assert!(s.docker("version x").stderr.starts_with("\"docker version\" accepts no arguments.\n"));
    let out = s.docker("images --foo");
    assert_eq!((out.stderr.as_str(), out.exit_code), ("unknown flag: --foo\nSee 'docker images --help'.\n", 125));
    assert_eq!(s.docker("image ls -z").stderr, "unknown shorthand flag: 'z' in -z\nSee 'docker image ls --help'.\n");
    assert_eq!(s.docker("pull --platform").stderr, "flag needs an argument: --platform\nSee 'docker pull --help'.\n");
    let out = s.docker("build");
    assert!(out.stderr.starts_with("ERROR: \"docker buildx build\" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n"));
    assert_eq!(s.docker("build --nope .").exit_code, 125);
}

#[test]
fn containers_are_not_here() {
    let mut s = Sandbox::new();
    for line in ["run nginx", "run -d -p 80:80 --name web nginx", "ps", "ps -a", "exec -it web sh", "logs web", "stop web", "container ls"] {
        let out = s.docker(line);
        assert_eq!(out.exit_code, 1, "{line}");
        assert!(out.stderr.contains("has no container runtime"), "{line}: {}", out.stderr);
    }
    assert_eq!(s.docker("run --bogus nginx").exit_code, 125);
    assert!(s.docker("run").stderr.starts_with("\"docker run\" requires at least 1 argument.\n"));
    assert!(s.docker("network ls").stderr.contains("not available in the ECS Sandbox"));
}

#[test]
fn version_and_help() {
    let mut s = Sandbox::new();
    assert_eq!(s.docker("--version").stdout, "Docker version 27.5.1, build 9f9e405\n");
    assert_eq!(s.docker("-v").stdout, "Docker version 27.5.1, build 9f9e405\n");
    assert!(s.docker("version").stdout.starts_with("Client: Docker Engine - Community\n Version:           27.5.1\n API version:       1.47\n"));
    assert_eq!(s.argv(&["version", "--format", "{{.Client.Version}}"]).stdout, "27.5.1\n");
    assert!(s.docker("--help").stdout.contains("Usage:  docker [OPTIONS] COMMAND"));
    assert!(s.docker("help").stdout.contains("Common Commands:"));
    let out = s.docker("push --help");
    assert!(out.stdout.starts_with("\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n\nAliases:\n  docker image push, docker push\n\nOptions:\n"));
    assert!(s.docker("help login").stdout.contains("--password-stdin"));
    assert_eq!(s.docker("").exit_code, 0);
}
