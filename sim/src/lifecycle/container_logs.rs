//! What a container writes to its awslogs stream when it starts and when it is stopped, so that
//! `aws logs tail` and `aws logs get-log-events` show something a learner recognises (ecs-facts.md §1.7).
//!
//! The sandbox runs no real program: the lines are fixed texts chosen by the image (the first lines the
//! official nginx, httpd, redis and a generic application print), the same for every run, so transcripts
//! stay deterministic. An image in this account's ECR is recognised by what it was built from: the base
//! image's environment (`NGINX_VERSION`, `HTTPD_VERSION`, `REDIS_VERSION`) stays in its configuration. A container with no awslogs configuration writes nothing anywhere.

use crate::context::Ctx;
use crate::world::ecs::Task;

/// Which program an ECR image runs, from the environment its base image set.
fn program_of_ecr_image(world: &crate::world::World, image: &str) -> Option<&'static str> {
    let r = crate::docker::Reference::parse(image).ok()?;
    let region = crate::world::ecr::host_region(&r.domain)?;
    let repo = world.region(region)?.ecr.repositories.get(&r.path)?;
    let found = match (&r.digest, &r.tag) {
        (Some(d), _) => repo.image_by_digest(d),
        (None, t) => repo.image_by_tag(t.as_deref().unwrap_or("latest")),
    }?;
    let env = &found.manifest.config;
    [("NGINX_VERSION", "nginx"), ("HTTPD_VERSION", "httpd"), ("REDIS_VERSION", "redis")].into_iter().find(|(k, _)| env.env_value(k).is_some()).map(|(_, p)| p)
}

/// The lines a container of `image` prints on start (`starting`) or on SIGTERM.
fn lines(image: &str, starting: bool) -> Vec<String> {
    let repo = image.rsplit('/').next().unwrap_or(image);
    let name = repo.split([':', '@']).next().unwrap_or(repo);
    program_lines(name, starting)
}

fn program_lines(name: &str, starting: bool) -> Vec<String> {
    let fixed: &[&str] = match (name, starting) {
        ("nginx", true) => &[
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
            "start worker processes",
        ],
        ("nginx", false) => &["signal 3 (SIGQUIT) received, shutting down", "exit"],
        ("httpd", true) => &[
            "AH00558: httpd: Could not reliably determine the server's fully qualified domain name. Set the 'ServerName' directive globally to suppress this message",
            "Apache/2.4 (Unix) configured -- resuming normal operations",
            "Command line: 'httpd -D FOREGROUND'",
        ],
        ("httpd", false) => &["caught SIGTERM, shutting down"],
        ("redis", true) => &["oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo", "Server initialized", "Ready to accept connections tcp"],
        ("redis", false) => &["Received SIGTERM scheduling shutdown...", "Redis is now ready to exit, bye bye..."],
        (_, true) => &["Starting application", "Listening"],
        (_, false) => &["Received SIGTERM, exiting"],
    };
    fixed.iter().map(|s| s.to_string()).collect()
}

/// Writes each awslogs container's start or stop lines into its stream, if the group exists.
pub fn write(ctx: &mut Ctx<'_>, task: &Task, starting: bool) {
    let now = ctx.now;
    let Ok(td) = ctx
        .world
        .region_mut(&task.region)
        .ecs
        .task_definitions
        .resolve(&format!("{}:{}", task.family, task.revision), true)
        .map(|r| r.request.clone())
    else {
        return;
    };
    for c in td.container_definitions.iter().flatten() {
        let Some(log) = &c.log_configuration else { continue };
        if log.log_driver.as_deref() != Some("awslogs") {
            continue;
        }
        let name = c.name.as_deref().unwrap_or_default();
        // Only containers that actually ran write anything.
        if !task.containers.iter().any(|tc| tc.name == name && tc.reason.is_none()) {
            continue;
        }
        let opts = log.options.clone().unwrap_or_default();
        let Some(group) = opts.get("awslogs-group") else { continue };
        let region = opts.get("awslogs-region").cloned().unwrap_or_else(|| task.region.clone());
        let stream = super::task_start::awslogs_stream(task, name, opts.get("awslogs-stream-prefix").map(String::as_str));
        let image = c.image.as_deref().unwrap_or_default();
        let text = match program_of_ecr_image(ctx.world, image) {
            Some(program) => program_lines(program, starting),
            None => lines(image, starting),
        };
        ctx.world.region_mut(&region).logs.append(group, &stream, now, &text);
    }
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn images_are_recognised_by_repository_name_whatever_the_registry() {
        assert_eq!(lines("public.ecr.aws/nginx/nginx:1.27", true), lines("nginx", true));
        assert_eq!(lines("123456789012.dkr.ecr.us-east-1.amazonaws.com/redis@sha256:ab", false), lines("redis:7", false));
        assert_ne!(lines("nginx", true), lines("my-app:1.0", true));
    }
}
