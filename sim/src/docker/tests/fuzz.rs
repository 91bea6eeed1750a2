//! Random argv, stdin and Dockerfiles never panic (a small deterministic generator, no dependencies).
use super::*;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &["build", "images", "image", "ls", "tag", "rmi", "rm", "push", "pull", "login", "logout", "inspect", "version",
    "help", "run", "ps", "-t", "-f", "-q", "-a", "--format", "{{.ID}}", "{{json .}}", "{{index .RepoTags 9}}", "{{", "--platform",
    "linux/arm64", "-u", "AWS", "-p", "--password-stdin", "-e", "none", "--", "-", ".", "app", "web", "web:v1", "nginx", "nginx:1.27",
    "alpine@sha256:zz", "Web", "::", "@", "", "ü", "--build-arg", "X=1", "--target", "b", "--push", "--no-cache", "-fq", "--filter",
    "dangling=true", "reference=*", "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1", "public.ecr.aws/nginx/nginx", "sha256:",
    "0", "--force", "--digests", "--no-trunc", "-h", "--help", "x"];

const LINES: &[&str] = &["FROM alpine", "FROM nginx:1.27 AS b", "FROM b", "FROM scratch", "FROM ${X:-alpine}", "ARG X", "ARG Y=2",
    "ENV A=$Y B", "ENV A 1", "LABEL a=\"b c\"", "RUN echo $A", "RUN <<EOF", "EOF", "COPY . .", "COPY --from=b /x /y", "COPY nope /",
    "ADD https://example.com/x /x", "WORKDIR app", "WORKDIR", "EXPOSE 80 99999999999 1-3/udp x", "CMD echo", "CMD [\"a\"]",
    "ENTRYPOINT [", "USER 1000", "VOLUME /data", "HEALTHCHECK --interval=zz CMD true", "HEALTHCHECK NONE", "SHELL [\"bash\"]",
    "ONBUILD RUN x", "MAINTAINER me", "STOPSIGNAL SIGTERM", "# comment", "RUN a \\", "", "FORM x", "\\", "${", "COPY <<EOF /f"];

#[test]
fn random_argv_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = Sandbox::new().file("Dockerfile", "FROM alpine\nCOPY app /app\n").file("app", "x");
    for round in 0..1500 {
        let n = (rng.next() % 7) as usize;
        let argv: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
        if round % 5 == 0 {
            let dockerfile: Vec<&str> = (0..(rng.next() % 8)).map(|_| rng.pick(LINES)).collect();
            s.files.put("Dockerfile", &dockerfile.join("\n"));
        }
        let stdin = rng.pick(&[TOKEN, "", "FROM alpine\nRUN x\n", "\u{0}"]).to_string();
        let argv: Vec<String> = argv.iter().map(|a| a.to_string()).collect();
        let out = run(&mut s.client, &mut s.ecr, &argv, &stdin, &s.files, s.now + round);
        assert!(out.exit_code == 0 || out.exit_code == 1 || out.exit_code == 125, "{argv:?} → {}", out.exit_code);
        assert!(out.exit_code == 0 || !out.stderr.is_empty(), "{argv:?} failed silently");
    }
}
