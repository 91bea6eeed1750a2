//! `sandbox load`: steady traffic through a load balancer on the virtual clock (issue 6, "Traffic").
//!
//! - `sandbox load URL --rps N --for DURATION` starts sending N requests a second to URL for DURATION of
//!   virtual time (`5m`, `300`, `1h`), as `curl URL` would; it runs while time passes (`sleep`).
//! - `sandbox load` lists what is running; `sandbox load --stop` stops it all.
//!
//! What it served is recorded per task and per target group (and drives the scaling issue's metrics).

use super::builtins::parse_interval;
use super::interpreter::Io;
use crate::sandbox::Sandbox;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::traffic::LoadGenerator;

const USAGE: &str = "usage: sandbox load URL --rps N --for DURATION
       sandbox load            (what is running)
       sandbox load --stop
";

fn fail(msg: String) -> Io {
    Io { stderr: format!("sandbox load: {msg}\n{USAGE}"), status: 2, ..Io::default() }
}

pub fn run(sb: &mut Sandbox, args: &[&str]) -> Io {
    match args {
        [] => list(sb),
        ["--stop"] => {
            let ctx = sb.ctx();
            let n = ctx.world.traffic.generators.len();
            ctx.world.traffic.generators.clear();
            Io { stdout: format!("Stopped {n} load generator(s).\n"), ..Io::default() }
        }
        _ => start(sb, args),
    }
}

/// What is running, then what has been served so far, per target group and per task.
fn list(sb: &Sandbox) -> Io {
    let t = &sb.world().traffic;
    let mut out = if t.generators.is_empty() {
        "No load is running.\n".to_string()
    } else {
        t.generators.iter().map(|g| format!("{} requests/s to {} until {}\n", g.rps, g.url, g.until.to_hms())).collect()
    };
    if !t.per_target_group.is_empty() {
        out.push_str("Served so far:\n");
        for (tg, n) in &t.per_target_group {
            let name = tg.rsplit('/').nth(1).unwrap_or(tg);
            out.push_str(&format!("  target group {name}: {n} requests\n"));
        }
        for (task, n) in &t.per_task {
            out.push_str(&format!("  task {task}: {n} requests\n"));
        }
    }
    Io { stdout: out, ..Io::default() }
}

fn start(sb: &mut Sandbox, args: &[&str]) -> Io {
    let mut url = None;
    let mut rps = None;
    let mut duration = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--rps" => rps = it.next().map(|v| v.parse::<u32>().map_err(|_| format!("--rps takes a whole number, not '{v}'"))),
            "--for" => duration = it.next().map(|v| parse_interval(v, tuning::LOAD_MAX_DURATION).ok_or_else(|| format!("--for takes a duration such as 5m or 300, not '{v}'"))),
            s if s.starts_with('-') => return fail(format!("unknown option {s}")),
            s if url.is_none() => url = Some(s.to_string()),
            s => return fail(format!("one URL only ('{s}' is a second)")),
        }
    }
    let Some(url) = url else { return fail("a URL is needed".into()) };
    let rps = match rps {
        Some(Ok(n)) if (1..=tuning::LOAD_MAX_RPS).contains(&n) => n,
        Some(Ok(n)) => return fail(format!("--rps must be between 1 and {} (got {n})", tuning::LOAD_MAX_RPS)),
        Some(Err(e)) => return fail(e),
        None => return fail("--rps N is needed".into()),
    };
    let duration = match duration {
        Some(Ok(d)) if d.as_secs() > 0 => d,
        Some(Ok(_)) => return fail("--for must be longer than 0 s".into()),
        Some(Err(e)) => return fail(e),
        None => return fail("--for DURATION is needed".into()),
    };
    let parsed = match super::curl::parse_url(&url) {
        Ok(u) => u,
        Err((_, why)) => return fail(why),
    };
    let known = sb.world().regions().any(|r| r.elbv2.load_balancers.iter().any(|l| l.dns_name == parsed.host.to_ascii_lowercase()));
    let mut ctx = sb.ctx();
    let now = ctx.now;
    let id = ctx.world.traffic.next_id;
    ctx.world.traffic.next_id += 1;
    let until = now + duration;
    ctx.world.traffic.generators.push(LoadGenerator { id, url: url.clone(), rps, started: now, until });
    ctx.schedule(tuning::LOAD_TICK, Action::LoadTick { generator: id });
    let mut out = format!(
        "Sending {rps} requests per second to {url} for {}s of virtual time (until {}). Let time pass (sleep) for it to run; `sandbox load --stop` ends it.\n",
        duration.as_secs(),
        until.to_hms()
    );
    if !known {
        out.push_str(&format!("(No load balancer answers to {} now: until one does, the requests get no answer.)\n", parsed.host));
    }
    Io { stdout: out, ..Io::default() }
}
