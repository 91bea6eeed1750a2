//! The whole ECR flow: build, tag, push without login, login with --password-stdin, push, missing
//! repository, immutable tag, pull by tag and digest, rmi.
use super::*;

fn setup() -> Sandbox {
    let mut s = Sandbox::new().file("Dockerfile", DOCKERFILE).file("index.html", "<h1>hi</h1>\n");
    assert_eq!(s.docker("build -t web .").exit_code, 0);
    s
}

#[test]
fn push_without_login_then_with_login() {
    let mut s = setup();
    assert_eq!(s.docker(&format!("tag web {HOST}/web:v1")), Output::ok(""));
    let out = s.docker(&format!("push {HOST}/web:v1"));
    assert_eq!(out.exit_code, 1);
    assert!(out.stdout.starts_with(&format!("The push refers to repository [{HOST}/web]\n")));
    assert!(out.stdout.lines().skip(1).all(|l| l.ends_with(": Preparing ")));
    assert_eq!(out.stderr, "no basic auth credentials\n");

    let login = s.docker_in(&format!("login --username AWS --password-stdin {HOST}"), &format!("{TOKEN}\n"));
    assert_eq!(login.stdout, "Login Succeeded\n");
    assert_eq!(login.stderr, "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n");
    assert_eq!(login.exit_code, 0);
    assert!(s.client.credentials(HOST).is_some());

    let out = s.docker(&format!("push {HOST}/web:v1"));
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let image = s.client.image("web").unwrap().clone();
    assert_eq!(lines.len(), image.layers.len() + 2);
    assert_eq!(lines[1], format!("{}: Pushed ", &image.layers.last().unwrap().diff_id[7..19]));
    assert_eq!(*lines.last().unwrap(), format!("v1: digest: {} size: {}", image.digest, image.manifest_size()));
    // Pushing again: every layer already exists.
    let again = s.docker(&format!("push {HOST}/web:v1"));
    assert!(again.stdout.lines().skip(1).take(image.layers.len()).all(|l| l.ends_with(": Layer already exists ")));
    // The image now has a repo digest.
    let inspect = s.argv(&["inspect", "--format", "{{json .RepoDigests}}", &format!("{HOST}/web:v1")]);
    assert_eq!(inspect.stdout, format!("[\"{HOST}/web@{}\"]\n", image.digest));
}

#[test]
fn push_default_tag_and_missing_image() {
    let mut s = setup();
    s.docker_in(&format!("login -u AWS --password-stdin {HOST}"), TOKEN);
    s.docker(&format!("tag web {HOST}/web"));
    let out = s.docker(&format!("push {HOST}/web"));
    assert!(out.stdout.starts_with(&format!("Using default tag: latest\nThe push refers to repository [{HOST}/web]\n")));
    assert!(out.stdout.ends_with(&format!("latest: digest: {} size: {}\n", s.client.image("web").unwrap().digest, s.client.image("web").unwrap().manifest_size())));
    let out = s.docker(&format!("push {HOST}/nothing:v1"));
    assert_eq!(out.stdout, format!("The push refers to repository [{HOST}/nothing]\n"));
    assert_eq!((out.stderr.as_str(), out.exit_code), (&*format!("An image does not exist locally with the tag: {HOST}/nothing\n"), 1));
    let out = s.docker(&format!("push {HOST}/web:v9"));
    assert_eq!(out.stderr, format!("tag does not exist: {HOST}/web:v9\n"));
}

#[test]
fn push_to_missing_repository_and_immutable_tag() {
    let mut s = setup();
    s.docker_in(&format!("login -u AWS --password-stdin {HOST}"), TOKEN);
    s.docker(&format!("tag web {HOST}/missing:v1"));
    let out = s.docker(&format!("push {HOST}/missing:v1"));
    assert_eq!(out.stderr, format!("name unknown: The repository with name 'missing' does not exist in the registry with id '{ACCOUNT}'\n"));
    assert_eq!(out.exit_code, 1);

    s.docker(&format!("tag web {HOST}/locked:v1"));
    assert_eq!(s.docker(&format!("push {HOST}/locked:v1")).exit_code, 0);
    s.files.put("index.html", "<h1>changed</h1>\n");
    s.docker("build -t web .");
    s.docker(&format!("tag web {HOST}/locked:v1"));
    let out = s.docker(&format!("push {HOST}/locked:v1"));
    assert_eq!(out.stderr, "tag invalid: The image tag 'v1' already exists in the 'locked' repository and cannot be overwritten because the repository is immutable.\n");
    assert!(out.stdout.lines().nth(1).unwrap().ends_with(": Layer already exists "));
}

#[test]
fn pull_by_tag_and_digest_then_rmi() {
    let mut s = setup();
    s.docker_in(&format!("login -u AWS --password-stdin {HOST}"), TOKEN);
    s.docker(&format!("tag web {HOST}/web:v1"));
    s.docker(&format!("push {HOST}/web:v1"));
    let image = s.client.image("web").unwrap().clone();
    // A fresh machine with the same login pulls it.
    let mut fresh = Sandbox { client: DockerClient::new(), ecr: std::mem::take(&mut s.ecr), files: MemoryWorkspace::new(), now: s.now };
    let out = fresh.docker(&format!("pull {HOST}/web:v1"));
    assert_eq!(out.stderr, format!("Error response from daemon: Head \"https://{HOST}/v2/web/manifests/v1\": no basic auth credentials\n"));
    fresh.docker_in(&format!("login -u AWS --password-stdin {HOST}"), TOKEN);
    let out = fresh.docker(&format!("pull {HOST}/web:v1"));
    let mut want = "v1: Pulling from web\n".to_string();
    for l in &image.layers {
        want.push_str(&format!("{}: Pull complete \n", &l.digest[7..19]));
    }
    want.push_str(&format!("Digest: {}\nStatus: Downloaded newer image for {HOST}/web:v1\n{HOST}/web:v1\n", image.digest));
    assert_eq!(out.stdout, want);
    let by_digest = fresh.docker(&format!("pull {HOST}/web@{}", image.digest));
    assert_eq!(by_digest.stdout, format!("{0}: Pulling from web\nDigest: {0}\nStatus: Image is up to date for {HOST}/web@{0}\n{HOST}/web@{0}\n", image.digest));
    let out = fresh.docker(&format!("pull {HOST}/web:v2"));
    assert_eq!(out.stderr, format!("Error response from daemon: manifest for {HOST}/web:v2 not found: manifest unknown: Requested image not found\n"));
    let out = fresh.docker(&format!("pull {HOST}/nope:v1"));
    assert_eq!(out.stderr, format!("Error response from daemon: repository {HOST}/nope not found: name unknown: The repository with name 'nope' does not exist in the registry with id '{ACCOUNT}'\n"));

    // rmi by tag removes the tag, then the digest reference and the image with its layers.
    let out = fresh.docker(&format!("rmi {HOST}/web:v1"));
    let mut lines = out.stdout.lines();
    assert_eq!(lines.next(), Some(&*format!("Untagged: {HOST}/web:v1")));
    assert_eq!(lines.next(), Some(&*format!("Untagged: {HOST}/web@{}", image.digest)));
    assert_eq!(lines.next(), Some(&*format!("Deleted: {}", image.config_digest)));
    assert_eq!(lines.count(), image.layers.len());
    assert_eq!(fresh.docker("images -q").stdout, "");
}

#[test]
fn login_errors() {
    let mut s = Sandbox::new();
    let out = s.docker_in(&format!("login -u AWS --password-stdin {HOST}"), "wrong");
    assert_eq!(out.stderr, format!("Error response from daemon: login attempt to https://{HOST}/v2/ failed with status: 400 Bad Request\n"));
    let out = s.docker(&format!("login -u AWS -p {TOKEN} {HOST}"));
    assert!(out.stderr.starts_with("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n\nWARNING! Your credentials"));
    assert_eq!(out.stdout, "Login Succeeded\n");
    let out = s.docker(&format!("login -u AWS -p {TOKEN} -e none https://{HOST}"));
    assert_eq!((out.stderr.as_str(), out.exit_code), ("unknown shorthand flag: 'e' in -e\nSee 'docker login --help'.\n", 125));
    let out = s.docker_in(&format!("login --username AWS --password-stdin {HOST}"), "");
    assert_eq!(out.stderr, "Error: Cannot perform an interactive login from a non TTY device\n");
    assert_eq!(s.docker("login --password-stdin").stderr, "Must provide --username with --password-stdin\n");
    assert!(s.docker("login -p x --password-stdin -u a").stderr.ends_with("--password and --password-stdin are mutually exclusive\n"));
    let out = s.docker("login -u a -p b registry.example.com");
    assert!(out.stderr.ends_with("Error response from daemon: Get \"https://registry.example.com/v2/\": dial tcp: lookup registry.example.com: no such host\n"));
    let out = s.docker(&format!("logout {HOST}"));
    assert_eq!(out.stdout, format!("Removing login credentials for {HOST}\n"));
    assert!(s.client.credentials(HOST).is_none());
    assert_eq!(s.docker("logout").stdout, "Removing login credentials for https://index.docker.io/v1/\n");
    // Stored credentials are reused.
    s.docker_in(&format!("login -u AWS --password-stdin https://{HOST}"), TOKEN);
    let out = s.docker(&format!("login {HOST}"));
    assert!(out.stdout.starts_with("Authenticating with existing credentials... [Username: AWS]\n"));
    assert!(out.stdout.ends_with("Login Succeeded\n"));
}
