//! `docker images`, `tag`, `rmi`, `inspect`.
use super::*;

#[test]
fn created_column_follows_go_units_at_several_ages() {
    let mut s = Sandbox::new().file("Dockerfile", "FROM busybox\nCOPY a /a\n").file("a", "1");
    s.docker("build -t app .");
    let created = s.now;
    for (age, want) in [(0, "Less than a second ago"), (1, "1 second ago"), (45, "45 seconds ago"), (90, "About a minute ago"),
        (600, "10 minutes ago"), (3_600, "About an hour ago"), (5_400, "2 hours ago"), (3 * 86_400, "3 days ago"),
        (20 * 86_400, "2 weeks ago"), (90 * 86_400, "3 months ago"), (800 * 86_400, "2 years ago")] {
        s.now = created + age;
        let out = s.docker("images");
        let row = out.stdout.lines().nth(1).unwrap().to_string();
        assert!(row.contains(want), "{age}s: {row}");
    }
    s.now = created + 120;
    let id = short(&s.client.image("app").unwrap().config_digest);
    assert_eq!(s.docker("images").stdout, format!("REPOSITORY   TAG       IMAGE ID       CREATED         SIZE\napp          latest    {id}   2 minutes ago   4.27MB\n"));
}

fn short(id: &str) -> String {
    id[7..19].to_string()
}

#[test]
fn tags_quiet_format_and_filters() {
    let mut s = Sandbox::new();
    s.docker("pull alpine:3.21");
    assert_eq!(s.docker("tag alpine:3.21 mine:1").exit_code, 0);
    s.docker("tag alpine:3.21 mine:2");
    let id = short(&s.client.image("mine:1").unwrap().config_digest);
    assert_eq!(s.docker("images -q").stdout, format!("{id}\n{id}\n{id}\n"));
    assert_eq!(s.argv(&["images", "--format", "{{.Repository}}:{{.Tag}}"]).stdout, "alpine:3.21\nmine:1\nmine:2\n");
    assert_eq!(s.docker("images mine").stdout.lines().count(), 3);
    assert_eq!(s.argv(&["images", "--format", "table {{.Repository}}\\t{{.Size}}", "alpine"]).stdout, "REPOSITORY   SIZE\nalpine       7.83MB\n");
    assert!(s.argv(&["images", "--format", "{{.Nope}}"]).stderr.contains("can't evaluate field Nope in type *formatter.imageContext"));
    assert_eq!(s.docker("tag nothing x").stderr, "Error response from daemon: No such image: nothing:latest\n");
    assert_eq!(s.docker("tag alpine:3.21 Bad").stderr, "Error parsing reference: \"Bad\" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase\n");
    assert_eq!(s.docker(&format!("tag {id} byid")).exit_code, 0);
    assert_eq!(s.docker("images --filter dangling=true -q").stdout, "");
}

#[test]
fn rmi_conflicts_and_force() {
    let mut s = Sandbox::new();
    s.docker("pull busybox");
    s.docker("tag busybox web:1");
    s.docker("tag busybox web:2");
    let image = s.client.image("busybox").unwrap().clone();
    let id = short(&image.config_digest);
    let out = s.docker(&format!("rmi {id}"));
    assert_eq!((out.stderr.as_str(), out.exit_code), (&*format!("Error response from daemon: conflict: unable to delete {id} (must be forced) - image is referenced in multiple repositories\n"), 1));
    assert_eq!(s.docker("rmi web:1").stdout, "Untagged: web:1\n");
    let out = s.docker(&format!("image rm -f {id}"));
    let digest = image.index_digest.clone().unwrap();
    let mut want = format!("Untagged: busybox:latest\nUntagged: busybox@{digest}\nUntagged: web:2\nDeleted: {}\n", image.config_digest);
    for chain in image.chain_ids().iter().rev() {
        want.push_str(&format!("Deleted: {chain}\n"));
    }
    assert_eq!(out.stdout, want);
    assert_eq!(s.docker("rmi nope busybox").stderr, "Error response from daemon: No such image: nope:latest\nError response from daemon: No such image: busybox:latest\n");
}

#[test]
fn inspect_json_like_docker() {
    let mut s = Sandbox::new();
    s.docker("pull nginx");
    let out = s.docker("image inspect nginx");
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<&str> = v[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["Id", "RepoTags", "RepoDigests", "Parent", "Comment", "Created", "DockerVersion", "Author", "Config", "Architecture", "Os", "Size", "GraphDriver", "RootFS", "Metadata"]);
    assert!(out.stdout.starts_with("[\n    {\n        \"Id\": \"sha256:"));
    assert!(out.stdout.contains("\"maintainer\": \"NGINX Docker Maintainers \\u003cdocker-maint@nginx.com\\u003e\""));
    assert!(out.stdout.contains("\"StopSignal\": \"SIGQUIT\""));
    assert!(out.stdout.contains("\"LastTagTime\": \"0001-01-01T00:00:00Z\""));
    assert_eq!(s.argv(&["inspect", "-f", "{{.Config.Cmd}} {{.Architecture}}", "nginx"]).stdout, "[nginx -g daemon off;] amd64\n");
    let out = s.docker("inspect nginx nope");
    assert_eq!((out.stderr.as_str(), out.exit_code), ("Error: No such object: nope\n", 1));
    assert!(out.stdout.starts_with("[\n"));
}
