//! `sandbox interrupt spot TASK|--all [--cluster C]`: AWS reclaims Fargate Spot capacity (ecs-facts.md §3.5).
//! Each chosen FARGATE_SPOT task gets the two-minute warning (see `lifecycle::spot`); a service replaces its
//! tasks following its capacity provider strategy.

use super::interpreter::Io;
use crate::sandbox::Sandbox;
use crate::world::ecs::{cluster_name, short_id};

fn fail(msg: String) -> Io {
    Io { stderr: msg, status: 2, ..Io::default() }
}

pub fn run(sb: &mut Sandbox, region: &str, cluster: Option<&str>, what: &str) -> Io {
    let all = what == "--all";
    let mut chosen: Vec<(String, String)> = Vec::new();
    let mut found_other = false;
    if let Some(r) = sb.world().region(region) {
        for c in r.ecs.clusters.values().filter(|c| cluster.is_none_or(|n| cluster_name(Some(n)) == c.name)) {
            for t in c.tasks.values() {
                if !all && t.id != short_id(what) {
                    continue;
                }
                if crate::lifecycle::spot::interruptible(t) {
                    chosen.push((c.name.clone(), t.id.clone()));
                } else {
                    found_other = true;
                }
            }
        }
    }
    if chosen.is_empty() {
        return match (all, found_other) {
            (true, _) => fail("sandbox: no running FARGATE_SPOT task to interrupt\n".into()),
            (false, true) => fail(format!("sandbox: task {what} is not a running FARGATE_SPOT task\n")),
            (false, false) => fail(format!("sandbox: no task {what}\n")),
        };
    }
    let mut ctx = sb.ctx();
    let mut out = String::new();
    for (c, id) in &chosen {
        if crate::lifecycle::spot::interrupt(&mut ctx, region, c, id) {
            out.push_str(&format!(
                "Spot interruption warning for task {id} ({c}): stopCode TerminationNotice, \"{}\"; SIGTERM sent, capacity reclaimed in 2 minutes.\n",
                crate::lifecycle::spot::REASON
            ));
        }
    }
    Io { stdout: out, ..Io::default() }
}
