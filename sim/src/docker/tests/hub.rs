//! Docker Hub and ECR Public: pulls, push denial, references.
use super::*;

#[test]
fn pulls_from_docker_hub() {
    let mut s = Sandbox::new();
    let image = crate::docker::public_image("nginx").unwrap();
    let out = s.docker("pull nginx");
    let mut want = "Using default tag: latest\nlatest: Pulling from library/nginx\n".to_string();
    for l in &image.layers {
        want.push_str(&format!("{}: Pull complete \n", &l.digest[7..19]));
    }
    want.push_str(&format!("Digest: {}\nStatus: Downloaded newer image for nginx:latest\ndocker.io/library/nginx:latest\n", image.index_digest.clone().unwrap()));
    assert_eq!(out.stdout, want);
    let out = s.docker("pull nginx:1.27");
    assert_eq!(out.stdout, format!("1.27: Pulling from library/nginx\nDigest: {}\nStatus: Downloaded newer image for nginx:1.27\ndocker.io/library/nginx:1.27\n", image.index_digest.clone().unwrap()));
    let out = s.docker("pull nginx");
    assert!(out.stdout.contains("Status: Image is up to date for nginx:latest\n"));
    // httpd shares the Debian base layer.
    let out = s.docker("pull httpd:2.4");
    assert!(out.stdout.lines().nth(1).unwrap().ends_with(": Already exists "));
    assert_eq!(s.docker("pull -q redis:alpine").stdout, "docker.io/library/redis:alpine\n");
}

#[test]
fn hub_and_ecr_public_errors() {
    let mut s = Sandbox::new();
    assert_eq!(s.docker("pull nosuchimage").stderr,
        "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n");
    assert_eq!(s.docker("pull nginx:0.0.1").stderr, "Error response from daemon: manifest for nginx:0.0.1 not found: manifest unknown: manifest unknown\n");
    assert_eq!(s.docker("pull public.ecr.aws/nginx/nginx:nope").stderr,
        "Error response from daemon: manifest for public.ecr.aws/nginx/nginx:nope not found: manifest unknown: Requested image not found\n");
    assert_eq!(s.docker("pull Nginx").stderr, "invalid reference format: repository name (library/Nginx) must be lowercase\n");
    assert_eq!(s.docker("pull --platform linux/s390x nginx").stderr, "Error response from daemon: no matching manifest for linux/s390x in the manifest list entries\n");
    let out = s.docker("pull public.ecr.aws/docker/library/alpine:3.21");
    assert!(out.stdout.ends_with("public.ecr.aws/docker/library/alpine:3.21\n"), "{}", out.stdout);
}

#[test]
fn pushing_to_docker_hub_is_denied() {
    let mut s = Sandbox::new().file("Dockerfile", "FROM alpine\nCMD [\"echo\", \"hi\"]\n");
    s.docker("build -t alice/app:1.0 .");
    let out = s.docker("push alice/app:1.0");
    assert_eq!(out.stdout, format!("The push refers to repository [docker.io/alice/app]\n{}: Preparing \n", &s.client.image("alice/app:1.0").unwrap().layers[0].diff_id[7..19]));
    assert_eq!((out.stderr.as_str(), out.exit_code), ("denied: requested access to the resource is denied\n", 1));
    s.docker("tag alice/app:1.0 public.ecr.aws/alice/app");
    assert_eq!(s.docker("push public.ecr.aws/alice/app").stderr, "denied: requested access to the resource is denied\n");
    assert_eq!(s.docker("login -u alice -p secret").stdout, "Login Succeeded\n");
    assert!(s.client.credentials("docker.io").is_some());
}

#[test]
fn public_image_for_ecs() {
    assert!(crate::docker::public_image("public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest").is_some());
    assert!(crate::docker::public_image("httpd:2.4").is_some());
    assert!(crate::docker::public_image("httpd:9").is_none());
    assert!(crate::docker::public_image("not a reference").is_none());
}
