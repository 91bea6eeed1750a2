//! `docker build`: content-derived IDs, cache, BuildKit output and errors.
use super::*;

fn built_id(s: &mut Sandbox, line: &str) -> String {
    let out = s.docker(line);
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    out.stderr.lines().find_map(|l| l.split("writing image ").nth(1)).unwrap().trim_end_matches(" done").to_string()
}

#[test]
fn same_inputs_same_id_changed_file_new_id() {
    let mut s = Sandbox::new().file("Dockerfile", DOCKERFILE).file("index.html", "<h1>v1</h1>\n");
    let first = built_id(&mut s, "build -t web .");
    s.now += 600;
    let out = s.docker("build -t web .");
    assert!(out.stderr.contains("#6 [2/2] COPY index.html /usr/share/nginx/html/\n#6 CACHED\n"));
    assert!(out.stderr.contains("#7 exporting layers done\n"));
    assert_eq!(built_id(&mut s, "build -t web ."), first);
    // A fresh machine at another time builds the same ID.
    let mut other = Sandbox::new().file("Dockerfile", DOCKERFILE).file("index.html", "<h1>v1</h1>\n");
    other.now += 99_999;
    assert_eq!(built_id(&mut other, "build -t web ."), first);
    s.files.put("index.html", "<h1>v2</h1>\n");
    let second = built_id(&mut s, "build -t web .");
    assert_ne!(second, first);
    // The old image is now dangling.
    let images = s.docker("images").stdout;
    assert!(images.contains("<none>       <none>    "), "{images}");
    assert_eq!(s.client.image("web").unwrap().config_digest, second);
}

#[test]
fn plain_progress_of_a_first_build() {
    let mut s = Sandbox::new().file("Dockerfile", DOCKERFILE).file("index.html", "<h1>v1</h1>\n");
    let out = s.docker("build -t web .");
    let image = crate::docker::public_image("nginx:1.27").unwrap();
    let digest = image.index_digest.clone().unwrap();
    let head = format!("#0 building with \"default\" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 65B done\n#1 DONE 0.0s\n\n#2 [internal] load metadata for docker.io/library/nginx:1.27\n#2 DONE 0.5s\n\n#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE 0.0s\n\n#4 [1/2] FROM docker.io/library/nginx:1.27@{digest}\n#4 resolve docker.io/library/nginx:1.27@{digest} 0.0s done\n");
    assert!(out.stderr.starts_with(&head), "{}", out.stderr);
    assert!(out.stderr.ends_with("#7 naming to docker.io/library/web:latest done\n#7 DONE 0.0s\n"));
    assert_eq!(out.stdout, "");
    assert_eq!(s.docker("build -q .").stdout, format!("{}\n", s.client.image("web").unwrap().config_digest));
    // Base images go to the build cache, not to `docker images`.
    assert_eq!(s.docker("images --format {{.Repository}}").stdout, "web\n");
}

#[test]
fn config_from_the_dockerfile() {
    let df = "ARG BASE=alpine:3.21\nFROM ${BASE}\nARG VERSION=1.0\nENV APP_VERSION=$VERSION APP_HOME=/srv\nWORKDIR $APP_HOME\nCOPY . .\nRUN apk add --no-cache curl\nEXPOSE 8080 53/udp\nUSER nobody\nLABEL org.example.team=\"ecs learners\"\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost:8080/ || exit 1\nENTRYPOINT [\"/srv/run.sh\"]\n";
    let mut s = Sandbox::new().file("Dockerfile", df).file("run.sh", "#!/bin/sh\n");
    let out = s.docker("build --build-arg VERSION=2.5 -t app:2.5 .");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let image = s.client.image("app:2.5").unwrap().clone();
    let c = &image.config;
    assert!(c.env.contains(&"APP_VERSION=2.5".to_string()));
    assert_eq!(c.working_dir, "/srv");
    assert_eq!(c.exposed_ports, vec!["53/udp", "8080/tcp"]);
    assert_eq!(c.user, "nobody");
    assert_eq!(c.labels.get("org.example.team").map(String::as_str), Some("ecs learners"));
    assert_eq!(c.entrypoint, Some(vec!["/srv/run.sh".to_string()]));
    assert_eq!(c.cmd, None, "ENTRYPOINT clears the base image's CMD");
    let h = c.healthcheck.clone().unwrap();
    assert_eq!((h.test[0].as_str(), h.interval_ns, h.retries), ("CMD-SHELL", 30_000_000_000, 3));
    let base = crate::docker::public_image("alpine:3.21").unwrap();
    assert_eq!(image.layers.len(), base.layers.len() + 3, "WORKDIR, COPY and RUN add layers");
    let inspect = s.docker("inspect app:2.5").stdout;
    assert!(inspect.contains("\"Comment\": \"buildkit.dockerfile.v0\""));
    assert!(inspect.contains(&format!("\"Created\": \"{}\"", crate::docker::format::rfc3339(s.now))));
    assert!(inspect.contains("\"Test\": [\n                    \"CMD-SHELL\""));
}

#[test]
fn build_errors() {
    let mut s = Sandbox::new();
    assert_eq!(s.docker("build .").stderr, "#0 building with \"default\" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 2B done\n#1 DONE 0.0s\nERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n");
    assert_eq!(s.docker("build -f Dockerfile.prod .").stderr.lines().last(), Some("ERROR: failed to solve: failed to read dockerfile: open Dockerfile.prod: no such file or directory"));
    assert_eq!(s.docker("build app").stderr, "ERROR: unable to prepare context: path \"app\" not found\n");
    assert!(s.docker("build -t Web .").stderr.starts_with("ERROR: invalid tag \"Web\": invalid reference format: repository name (library/Web) must be lowercase"));
    let mut s = Sandbox::new().file("Dockerfile", "FROM nginx\nFORM x\n");
    let out = s.docker("build .");
    assert!(out.stderr.ends_with("Dockerfile:2\n--------------------\n   1 |     FROM nginx\n   2 | >>> FORM x\n   3 |     \n--------------------\nERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: FORM (did you mean from?)\n"));
    assert_eq!(out.exit_code, 1);
    let mut s = Sandbox::new().file("Dockerfile", "FROM nginx\nCOPY missing.txt /app/\n");
    let out = s.docker("build .");
    assert!(out.stderr.contains("#6 [2/2] COPY missing.txt /app/\n#6 ERROR: failed to calculate checksum of ref "));
    assert!(out.stderr.contains("\"/missing.txt\": not found\n------\n > [2/2] COPY missing.txt /app/:\n------\nDockerfile:2\n"));
    assert!(out.stderr.lines().last().unwrap().starts_with("ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref "));
    let mut s = Sandbox::new().file("Dockerfile", "FROM nosuchbase\n");
    assert!(s.docker("build .").stderr.ends_with("ERROR: failed to solve: nosuchbase: failed to resolve source metadata for docker.io/library/nosuchbase:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n"));
    let mut s = Sandbox::new().file("Dockerfile", "FROM nginx:0.1\n");
    assert!(s.docker("build .").stderr.ends_with("ERROR: failed to solve: nginx:0.1: failed to resolve source metadata for docker.io/library/nginx:0.1: docker.io/library/nginx:0.1: not found\n"));
    let mut s = Sandbox::new().file("Dockerfile", format!("FROM {HOST}/base:1\n").as_str());
    assert!(s.docker("build .").stderr.contains(&format!("unexpected status from HEAD request to https://{HOST}/v2/base/manifests/1: 401 Unauthorized")));
    let mut s = Sandbox::new().file("Dockerfile", "RUN echo hi\n");
    assert!(s.docker("build .").stderr.ends_with("ERROR: failed to solve: dockerfile parse error on line 1: no build stage in current context\n"));
}

#[test]
fn warnings_multi_stage_and_local_base() {
    let df = "FROM node:22 as Build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM nginx:alpine\nCOPY --from=Build /app/dist /usr/share/nginx/html\nCMD nginx -g 'daemon off;'\n";
    let mut s = Sandbox::new().file("Dockerfile", df).file("package.json", "{}");
    let out = s.docker("build -t site .");
    assert!(out.stderr.contains("#5 [build 1/4] FROM docker.io/library/node:22@"));
    assert!(out.stderr.contains("[stage-1 2/2] COPY --from=Build /app/dist /usr/share/nginx/html"));
    assert!(out.stderr.ends_with("\n 3 warnings found (use docker --debug to expand):\n - FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)\n - StageNameCasing: Stage name 'Build' should be lowercase (line 1)\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 8)\n"), "{}", out.stderr);
    // A local image is a valid base, shown without a digest.
    let mut s2 = Sandbox { files: MemoryWorkspace::new().with_file("Dockerfile", "FROM site\nLABEL v=2\n"), ..s };
    let out = s2.docker("build -t site:v2 .");
    assert!(out.stderr.contains("[1/1] FROM docker.io/library/site:latest\n"), "{}", out.stderr);
    let out = s2.docker_in("build -t fromstdin -", "FROM alpine\n");
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    let out = s2.docker("build --target nope .");
    assert!(out.stderr.ends_with("ERROR: failed to solve: target stage \"nope\" could not be found\n"));
}

#[test]
fn arm64_builds_and_push_flag() {
    let mut s = Sandbox::new().file("Dockerfile", "FROM alpine\n");
    s.docker("build --platform linux/arm64 -t a .");
    assert_eq!(s.client.image("a").unwrap().architecture, "arm64");
    assert!(s.docker("build --platform plan9 .").stderr.starts_with("ERROR: failed to parse platform plan9"));
    let out = s.docker(&format!("build --push -t {HOST}/web:p1 ."));
    assert!(out.stderr.ends_with("no basic auth credentials\n"), "{}", out.stderr);
    s.docker_in(&format!("login -u AWS --password-stdin {HOST}"), TOKEN);
    let out = s.docker(&format!("build --push -t {HOST}/web:p1 ."));
    assert!(out.stderr.contains(&format!("pushing manifest for {HOST}/web:p1@")), "{}", out.stderr);
    assert!(s.ecr.repos.get("web").unwrap().tags.contains_key("p1"));
}
