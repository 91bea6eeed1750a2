//! The built-in public registries: Docker Hub (`docker.io`, also reached as `registry-1.docker.io` and
//! `index.docker.io`) and ECR Public (`public.ecr.aws`), with the images learners use. Each tag resolves to a
//! fixed image per platform (linux/amd64 and linux/arm64); every digest derives from the catalog's content,
//! so it never changes between runs. Versions, layer counts, sizes and configs follow the real images of early
//! 2025; the digests are the catalog's own.
//!
//! Words: a *path* is the repository inside the registry (`library/nginx`, `nginx/nginx`).

use super::image::{layer_from_key, sha256_digest, ImageConfig, ImageManifest};
use super::registry::RefKind;
use std::collections::BTreeMap;

/// Which public registry a host is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicRegistry {
    DockerHub,
    EcrPublic,
}

/// Why the catalog has no image for a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub enum CatalogMiss {
    NoRepository,
    NoManifest,
    NoPlatform,
}

pub const ARCHITECTURES: [&str; 2] = ["amd64", "arm64"];

/// Docker Hub's or ECR Public's host, or `None` for any other host.
pub fn public_registry(host: &str) -> Option<PublicRegistry> {
    match host {
        "docker.io" | "registry-1.docker.io" | "index.docker.io" => Some(PublicRegistry::DockerHub),
        "public.ecr.aws" => Some(PublicRegistry::EcrPublic),
        _ => None,
    }
}

const PATH_ENV: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const DAY: u64 = 86_400;
/// 2025-01-01T00:00:00Z.
const JAN_2025: u64 = 1_735_689_600;

struct Entry {
    tags: &'static [&'static str],
    created: u64,
    /// (seed, compressed bytes, uncompressed bytes); layers with the same seed are the same layer.
    layers: Vec<(&'static str, u64, u64)>,
    config: ImageConfig,
}

fn strs(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn cfg(env: &[&str], entrypoint: &[&str], cmd: &[&str], ports: &[&str]) -> ImageConfig {
    ImageConfig {
        env: strs(env),
        entrypoint: (!entrypoint.is_empty()).then(|| strs(entrypoint)),
        cmd: (!cmd.is_empty()).then(|| strs(cmd)),
        exposed_ports: strs(ports),
        ..ImageConfig::default()
    }
}

fn with(mut c: ImageConfig, f: impl FnOnce(&mut ImageConfig)) -> ImageConfig {
    f(&mut c);
    c
}

const BOOKWORM_SLIM: (&str, u64, u64) = ("debian:bookworm-slim", 28_230_000, 74_800_000);
const BOOKWORM: (&str, u64, u64) = ("debian:bookworm", 48_480_000, 116_500_000);
const ALPINE_321: (&str, u64, u64) = ("alpine:3.21.2", 3_642_000, 7_834_000);

fn nginx() -> Vec<Entry> {
    let env = |v: &'static str| {
        vec![PATH_ENV, v, "NJS_VERSION=0.8.7", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm", "DYNPKG_RELEASE=1~bookworm"]
    };
    let base = |e: Vec<&str>| {
        with(cfg(&e, &["/docker-entrypoint.sh"], &["nginx", "-g", "daemon off;"], &["80/tcp"]), |c| {
            c.stop_signal = Some("SIGQUIT".into());
            c.labels.insert("maintainer".into(), "NGINX Docker Maintainers <docker-maint@nginx.com>".into());
        })
    };
    let scripts = [("nginx:entrypoint", 628, 1_402), ("nginx:10-listen", 956, 2_125), ("nginx:15-local", 404, 389),
        ("nginx:20-envsubst", 1_210, 3_018), ("nginx:30-tune", 1_401, 4_619)];
    let mut mainline = vec![BOOKWORM_SLIM, ("nginx:1.27.3", 43_950_000, 117_200_000)];
    mainline.extend(scripts);
    let mut stable = vec![BOOKWORM_SLIM, ("nginx:1.26.2", 43_520_000, 116_100_000)];
    stable.extend(scripts);
    let mut alpine = vec![ALPINE_321, ("nginx:1.27.3-alpine", 1_790_000, 5_532_000)];
    alpine.extend(scripts);
    alpine.push(("nginx:1.27.3-alpine-njs", 14_120_000, 34_500_000));
    vec![
        Entry { tags: &["latest", "1.27", "1.27.3", "mainline", "bookworm", "1"], created: JAN_2025 - 27 * DAY, layers: mainline, config: base(env("NGINX_VERSION=1.27.3")) },
        Entry { tags: &["stable", "1.26", "1.26.2", "stable-bookworm"], created: JAN_2025 - 60 * DAY, layers: stable, config: base(env("NGINX_VERSION=1.26.2")) },
        Entry { tags: &["alpine", "1.27-alpine", "1.27.3-alpine", "mainline-alpine", "alpine3.21"], created: JAN_2025 - 27 * DAY, layers: alpine, config: base(env("NGINX_VERSION=1.27.3")) },
    ]
}

fn httpd() -> Vec<Entry> {
    let env = [
        "PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HTTPD_PREFIX=/usr/local/apache2",
        "HTTPD_VERSION=2.4.62",
        "HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec",
        "HTTPD_PATCHES=",
    ];
    let c = with(cfg(&env, &[], &["httpd-foreground"], &["80/tcp"]), |c| {
        c.working_dir = "/usr/local/apache2".into();
        c.stop_signal = Some("SIGWINCH".into());
    });
    vec![
        Entry { tags: &["latest", "2", "2.4", "2.4.62", "bookworm"], created: JAN_2025 - 20 * DAY,
            layers: vec![BOOKWORM_SLIM, ("httpd:dir", 145, 0), ("httpd:deps", 4_210_000, 12_050_000), ("httpd:2.4.62", 25_520_000, 61_480_000), ("httpd:foreground", 292, 138)], config: c.clone() },
        Entry { tags: &["alpine", "2.4-alpine", "2.4.62-alpine", "2-alpine"], created: JAN_2025 - 20 * DAY,
            layers: vec![ALPINE_321, ("httpd:alpine-deps", 1_100_000, 2_900_000), ("httpd:2.4.62-alpine", 19_800_000, 52_100_000), ("httpd:foreground", 292, 138)], config: c },
    ]
}

fn redis() -> Vec<Entry> {
    let env = [PATH_ENV, "GOSU_VERSION=1.17", "REDIS_VERSION=7.4.2",
        "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz",
        "REDIS_DOWNLOAD_SHA=4ddebbf09061cbb589011786febdb34f29767dd7f89dbe712d2b68e808af6a1f"];
    let c = with(cfg(&env, &["docker-entrypoint.sh"], &["redis-server"], &["6379/tcp"]), |c| {
        c.working_dir = "/data".into();
        c.volumes = vec!["/data".into()];
    });
    vec![
        Entry { tags: &["latest", "7", "7.4", "7.4.2", "bookworm"], created: JAN_2025 + 5 * DAY,
            layers: vec![BOOKWORM_SLIM, ("redis:user", 1_100, 4_200), ("redis:gosu", 884_000, 4_100_000), ("redis:7.4.2", 12_500_000, 37_800_000), ("redis:data", 97, 0), ("redis:entrypoint", 575, 1_620)], config: c.clone() },
        Entry { tags: &["alpine", "7-alpine", "7.4-alpine", "7.4.2-alpine"], created: JAN_2025 + 5 * DAY,
            layers: vec![ALPINE_321, ("redis:alpine-user", 960, 3_900), ("redis:alpine-gosu", 1_050_000, 4_150_000), ("redis:7.4.2-alpine", 10_900_000, 29_100_000), ("redis:data", 97, 0), ("redis:entrypoint", 575, 1_620)], config: c },
    ]
}

fn single(tags: &'static [&'static str], created: u64, layer: (&'static str, u64, u64), cmd: &[&str]) -> Entry {
    Entry { tags, created, layers: vec![layer], config: cfg(&[PATH_ENV], &[], cmd, &[]) }
}

fn python() -> Vec<Entry> {
    let env = |v: &'static str| vec!["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", v];
    let full = |seed: &'static str| vec![BOOKWORM, ("buildpack:curl", 24_060_000, 64_390_000), ("buildpack:scm", 64_390_000, 211_300_000),
        ("buildpack:deps", 211_300_000, 587_900_000), ("python:deps", 6_160_000, 18_300_000), (seed, 27_390_000, 70_800_000), ("python:links", 250, 57)];
    let slim = |seed: &'static str| vec![BOOKWORM_SLIM, ("python:slim-deps", 3_510_000, 9_300_000), (seed, 12_580_000, 40_700_000), ("python:links", 250, 57)];
    vec![
        Entry { tags: &["latest", "3", "3.13", "3.13.1", "bookworm"], created: JAN_2025 + 2 * DAY, layers: full("python:3.13.1"), config: cfg(&env("PYTHON_VERSION=3.13.1"), &[], &["python3"], &[]) },
        Entry { tags: &["slim", "3-slim", "3.13-slim", "3.13.1-slim", "slim-bookworm"], created: JAN_2025 + 2 * DAY, layers: slim("python:3.13.1-slim"), config: cfg(&env("PYTHON_VERSION=3.13.1"), &[], &["python3"], &[]) },
        Entry { tags: &["3.12", "3.12.8"], created: JAN_2025 - 10 * DAY, layers: full("python:3.12.8"), config: cfg(&env("PYTHON_VERSION=3.12.8"), &[], &["python3"], &[]) },
        Entry { tags: &["3.12-slim", "3.12.8-slim"], created: JAN_2025 - 10 * DAY, layers: slim("python:3.12.8-slim"), config: cfg(&env("PYTHON_VERSION=3.12.8"), &[], &["python3"], &[]) },
        Entry { tags: &["alpine", "3-alpine", "3.13-alpine", "3.12-alpine"], created: JAN_2025 + 2 * DAY,
            layers: vec![ALPINE_321, ("python:alpine-deps", 460_000, 1_600_000), ("python:3.13.1-alpine", 15_900_000, 46_900_000), ("python:links", 250, 57)], config: cfg(&env("PYTHON_VERSION=3.13.1"), &[], &["python3"], &[]) },
    ]
}

fn node() -> Vec<Entry> {
    let env = |v: &'static str| vec![PATH_ENV, v, "YARN_VERSION=1.22.22"];
    let c = |v: &'static str| cfg(&env(v), &["docker-entrypoint.sh"], &["node"], &[]);
    let full = |seed: &'static str| vec![BOOKWORM, ("buildpack:curl", 24_060_000, 64_390_000), ("buildpack:scm", 64_390_000, 211_300_000),
        ("buildpack:deps", 211_300_000, 587_900_000), ("node:keys", 3_320, 7_700), (seed, 48_500_000, 190_700_000), ("node:yarn", 1_250_000, 5_300_000), ("node:entrypoint", 450, 388)];
    vec![
        Entry { tags: &["latest", "22", "22.13", "22.13.1", "lts", "jod", "bookworm"], created: JAN_2025 + 21 * DAY, layers: full("node:22.13.1"), config: c("NODE_VERSION=22.13.1") },
        Entry { tags: &["20", "20.18", "20.18.2", "iron"], created: JAN_2025 + 21 * DAY, layers: full("node:20.18.2"), config: c("NODE_VERSION=20.18.2") },
        Entry { tags: &["alpine", "22-alpine", "lts-alpine", "22.13-alpine", "22.13.1-alpine"], created: JAN_2025 + 21 * DAY,
            layers: vec![ALPINE_321, ("node:22.13.1-alpine", 50_600_000, 151_700_000), ("node:yarn-alpine", 1_260_000, 5_100_000), ("node:entrypoint", 450, 388)], config: c("NODE_VERSION=22.13.1") },
        Entry { tags: &["20-alpine", "20.18-alpine"], created: JAN_2025 + 21 * DAY,
            layers: vec![ALPINE_321, ("node:20.18.2-alpine", 42_300_000, 123_400_000), ("node:yarn-alpine", 1_260_000, 5_100_000), ("node:entrypoint", 450, 388)], config: c("NODE_VERSION=20.18.2") },
    ]
}

fn postgres() -> Vec<Entry> {
    let env = |major: &'static str, version: &'static str, path: &'static str| vec![path, "GOSU_VERSION=1.17", "LANG=en_US.utf8", major, version, "PGDATA=/var/lib/postgresql/data"];
    let c = |e: Vec<&str>| with(cfg(&e, &["docker-entrypoint.sh"], &["postgres"], &["5432/tcp"]), |c| {
        c.stop_signal = Some("SIGINT".into());
        c.volumes = vec!["/var/lib/postgresql/data".into()];
    });
    let deb = |seed: &'static str| vec![BOOKWORM_SLIM, ("postgres:user", 1_050, 3_300), ("postgres:gosu", 4_300_000, 4_200_000), ("postgres:locales", 8_100_000, 25_100_000),
        ("postgres:deps", 1_300_000, 4_100_000), ("postgres:repo", 8_100, 17_400), (seed, 110_200_000, 322_400_000), ("postgres:conf", 9_900, 59_400), ("postgres:run", 130, 0), ("postgres:entrypoint", 5_400, 17_100)];
    vec![
        Entry { tags: &["latest", "17", "17.2", "bookworm"], created: JAN_2025 + 8 * DAY, layers: deb("postgres:17.2"), config: c(env("PG_MAJOR=17", "PG_VERSION=17.2-1.pgdg120+1", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin")) },
        Entry { tags: &["16", "16.6"], created: JAN_2025 + 8 * DAY, layers: deb("postgres:16.6"), config: c(env("PG_MAJOR=16", "PG_VERSION=16.6-1.pgdg120+1", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin")) },
        Entry { tags: &["alpine", "17-alpine", "17.2-alpine"], created: JAN_2025 + 8 * DAY,
            layers: vec![ALPINE_321, ("postgres:alpine-user", 970, 3_100), ("postgres:17.2-alpine", 99_500_000, 266_300_000), ("postgres:run", 130, 0), ("postgres:entrypoint", 5_400, 17_100)], config: c(env("PG_MAJOR=17", "PG_VERSION=17.2", PATH_ENV)) },
    ]
}

fn mysql() -> Vec<Entry> {
    let c = |v: &'static str, major: &'static str| with(cfg(&[PATH_ENV, "GOSU_VERSION=1.17", major, v], &["docker-entrypoint.sh"], &["mysqld"], &["3306/tcp", "33060/tcp"]), |c| c.volumes = vec!["/var/lib/mysql".into()]);
    let ol = |seed: &'static str| vec![("oraclelinux:9-slim", 48_100_000, 117_800_000), ("mysql:gosu", 883_000, 4_100_000), ("mysql:deps", 5_600_000, 18_700_000),
        ("mysql:keys", 2_600, 6_100), (seed, 215_700_000, 626_100_000), ("mysql:shell", 42_100_000, 117_300_000), ("mysql:entrypoint", 5_300, 15_600)];
    vec![
        Entry { tags: &["latest", "9", "9.2", "9.2.0", "innovation", "oraclelinux9"], created: JAN_2025 + 21 * DAY, layers: ol("mysql:9.2.0"), config: c("MYSQL_VERSION=9.2.0-1.el9", "MYSQL_MAJOR=innovation") },
        Entry { tags: &["lts", "8.4", "8.4.4", "8"], created: JAN_2025 + 21 * DAY, layers: ol("mysql:8.4.4"), config: c("MYSQL_VERSION=8.4.4-1.el9", "MYSQL_MAJOR=8.4") },
        Entry { tags: &["8.0", "8.0.41"], created: JAN_2025 + 21 * DAY, layers: ol("mysql:8.0.41"), config: c("MYSQL_VERSION=8.0.41-1.el9", "MYSQL_MAJOR=8.0") },
    ]
}

fn ubuntu() -> Vec<Entry> {
    let c = |v: &str| with(cfg(&[PATH_ENV], &[], &["/bin/bash"], &[]), |c| {
        c.labels.insert("org.opencontainers.image.ref.name".into(), "ubuntu".into());
        c.labels.insert("org.opencontainers.image.version".into(), v.into());
    });
    vec![
        Entry { tags: &["latest", "24.04", "noble"], created: JAN_2025 - 14 * DAY, layers: vec![("ubuntu:24.04", 29_750_000, 78_100_000)], config: c("24.04") },
        Entry { tags: &["22.04", "jammy"], created: JAN_2025 - 14 * DAY, layers: vec![("ubuntu:22.04", 29_540_000, 77_900_000)], config: c("22.04") },
        Entry { tags: &["20.04", "focal"], created: JAN_2025 - 14 * DAY, layers: vec![("ubuntu:20.04", 27_510_000, 72_800_000)], config: c("20.04") },
    ]
}

fn fluent_bit() -> Vec<Entry> {
    let c = with(cfg(&[PATH_ENV, "FLB_VERSION=1.9.10", "AWS_FOR_FLUENT_BIT_VERSION=2.32.5"], &[], &["/bin/sh", "-c", "/entrypoint.sh"], &["2020/tcp"]), |c| c.args_escaped = true);
    vec![Entry { tags: &["latest", "stable", "2.32.5", "2.32.5.20250115"], created: JAN_2025 + 14 * DAY,
        layers: vec![("amazonlinux:2.0.20250108.0", 62_120_000, 164_300_000), ("fluent-bit:1.9.10", 38_300_000, 102_600_000), ("fluent-bit:plugins", 21_400_000, 67_100_000), ("fluent-bit:conf", 7_200, 21_900), ("fluent-bit:entrypoint", 620, 1_340)], config: c }]
}

fn ecs_sample() -> Vec<Entry> {
    let c = with(cfg(&[PATH_ENV], &[], &["/usr/sbin/apache2", "-D", "FOREGROUND"], &["80/tcp"]), |c| c.args_escaped = false);
    vec![Entry { tags: &["latest"], created: JAN_2025 - 300 * DAY,
        layers: vec![("ubuntu:18.04", 26_700_000, 63_200_000), ("ecs-sample:apache-php", 70_300_000, 215_400_000), ("ecs-sample:index", 1_900, 5_200), ("ecs-sample:conf", 480, 1_100)], config: c }]
}

/// The catalog entries of a path on a public registry, or `None` if there is no such repository.
fn entries(registry: PublicRegistry, path: &str) -> Option<Vec<Entry>> {
    let library = match (registry, path) {
        (PublicRegistry::DockerHub, p) => p.strip_prefix("library/"),
        (PublicRegistry::EcrPublic, "nginx/nginx") => Some("nginx"),
        (PublicRegistry::EcrPublic, "amazonlinux/amazonlinux") => Some("amazonlinux"),
        (PublicRegistry::EcrPublic, p) => p.strip_prefix("docker/library/"),
    };
    let al = |tags, seed, c, u, created| single(tags, created, (seed, c, u), &["/bin/bash"]);
    match (library, registry, path) {
        (Some("nginx"), ..) => Some(nginx()),
        (Some("httpd"), ..) => Some(httpd()),
        (Some("redis"), ..) => Some(redis()),
        (Some("busybox"), ..) => Some(vec![
            single(&["latest", "1", "1.37", "1.37.0", "stable", "glibc"], JAN_2025 - 100 * DAY, ("busybox:1.37.0", 2_150_000, 4_270_000), &["sh"]),
            single(&["1.36", "1.36.1"], JAN_2025 - 400 * DAY, ("busybox:1.36.1", 2_220_000, 4_260_000), &["sh"]),
        ]),
        (Some("alpine"), ..) => Some(vec![
            single(&["latest", "3", "3.21", "3.21.2"], JAN_2025 + 7 * DAY, ALPINE_321, &["/bin/sh"]),
            single(&["3.20", "3.20.5"], JAN_2025 + 7 * DAY, ("alpine:3.20.5", 3_630_000, 7_800_000), &["/bin/sh"]),
            single(&["3.19", "3.19.6"], JAN_2025 + 7 * DAY, ("alpine:3.19.6", 3_420_000, 7_380_000), &["/bin/sh"]),
        ]),
        (Some("python"), ..) => Some(python()),
        (Some("node"), ..) => Some(node()),
        (Some("postgres"), ..) => Some(postgres()),
        (Some("mysql"), ..) => Some(mysql()),
        (Some("amazonlinux"), ..) => Some(vec![
            al(&["latest", "2023", "2023.6.20250115.0"], "amazonlinux:2023.6.20250115.0", 52_900_000, 144_300_000, JAN_2025 + 16 * DAY),
            al(&["2", "2.0.20250108.0"], "amazonlinux:2.0.20250108.0", 62_120_000, 164_300_000, JAN_2025 + 9 * DAY),
        ]),
        (Some("ubuntu"), ..) => Some(ubuntu()),
        (Some("hello-world"), ..) => Some(vec![single(&["latest", "linux"], JAN_2025 - 620 * DAY, ("hello-world:linux", 2_459, 13_256), &["/hello"])]),
        (_, PublicRegistry::DockerHub, "amazon/amazon-ecs-sample") => Some(ecs_sample()),
        (_, PublicRegistry::EcrPublic, "ecs-sample-image/amazon-ecs-sample") => Some(ecs_sample()),
        (_, PublicRegistry::EcrPublic, "aws-observability/aws-for-fluent-bit") => Some(fluent_bit()),
        _ => None,
    }
}

fn manifest_for(entry: &Entry, arch: &str) -> ImageManifest {
    let layers = entry.layers.iter().map(|(seed, c, u)| layer_from_key(&format!("{seed}/{arch}"), *c, *u)).collect();
    let mut image = ImageManifest::new(layers, entry.config.clone(), arch, entry.created);
    image.comment = "buildkit.dockerfile.v0".into();
    image
}

fn index_digest(entry: &Entry) -> String {
    let mut index = BTreeMap::new();
    for arch in ARCHITECTURES {
        let m = manifest_for(entry, arch);
        let size = m.manifest_size();
        index.insert(arch, (m.digest, size));
    }
    sha256_digest(format!("{index:?}").as_bytes())
}

/// The image `reference` names in a public repository, for `arch` (ignored for a platform digest).
pub fn lookup(registry: PublicRegistry, path: &str, reference: &RefKind, arch: &str) -> Result<ImageManifest, CatalogMiss> {
    let entries = entries(registry, path).ok_or(CatalogMiss::NoRepository)?;
    for entry in &entries {
        let index = index_digest(entry);
        let matches = match reference {
            RefKind::Tag(tag) => entry.tags.contains(&tag.as_str()),
            RefKind::Digest(d) => *d == index,
        };
        if matches {
            if !ARCHITECTURES.contains(&arch) {
                return Err(CatalogMiss::NoPlatform);
            }
            let mut image = manifest_for(entry, arch);
            image.index_digest = Some(index);
            return Ok(image);
        }
        if let RefKind::Digest(d) = reference {
            for a in ARCHITECTURES {
                let mut image = manifest_for(entry, a);
                if image.digest == *d {
                    image.index_digest = None;
                    return Ok(image);
                }
            }
        }
    }
    Err(CatalogMiss::NoManifest)
}

/// The linux/amd64 image a public reference names (`nginx`, `public.ecr.aws/nginx/nginx:stable`,
/// `nginx@sha256:…`), or `None` if the public registries have no such image.
pub fn public_image(reference: &str) -> Option<ImageManifest> {
    let r = super::reference::Reference::parse(reference).ok()?.with_default_tag();
    let registry = public_registry(&r.domain)?;
    let kind = match (&r.digest, &r.tag) {
        (Some(d), _) => RefKind::Digest(d.clone()),
        (None, Some(t)) => RefKind::Tag(t.clone()),
        (None, None) => RefKind::Tag("latest".into()),
    };
    lookup(registry, &r.path, &kind, "amd64").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_of_one_version_share_an_image() {
        let a = public_image("nginx").unwrap();
        let b = public_image("docker.io/library/nginx:1.27.3").unwrap();
        let c = public_image("public.ecr.aws/nginx/nginx:latest").unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a.uncompressed_size() / 1_000_000, 192);
        let d = public_image(&format!("nginx@{}", a.index_digest.clone().unwrap())).unwrap();
        assert_eq!(d.digest, a.digest);
        assert!(public_image(&format!("nginx@{}", a.digest)).is_some());
    }

    #[test]
    fn misses() {
        assert!(public_image("nginx:0.1").is_none());
        assert!(public_image("nosuchimage").is_none());
        assert!(public_image("123456789012.dkr.ecr.us-east-1.amazonaws.com/web").is_none());
        assert!(public_image("public.ecr.aws/docker/library/redis:alpine").is_some());
        assert!(public_image("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable").is_some());
        assert!(public_image("public.ecr.aws/ecs-sample-image/amazon-ecs-sample").is_some());
        assert!(public_image("amazon/amazon-ecs-sample").is_some());
        assert_eq!(lookup(PublicRegistry::DockerHub, "library/nginx", &RefKind::Tag("latest".into()), "s390x"), Err(CatalogMiss::NoPlatform));
    }

    #[test]
    fn architectures_differ() {
        let amd = lookup(PublicRegistry::DockerHub, "library/alpine", &RefKind::Tag("3.21".into()), "amd64").unwrap();
        let arm = lookup(PublicRegistry::DockerHub, "library/alpine", &RefKind::Tag("3.21".into()), "arm64").unwrap();
        assert_ne!(amd.digest, arm.digest);
        assert_eq!(amd.index_digest, arm.index_digest);
        assert_eq!(arm.variant.as_deref(), Some("v8"));
    }
}
