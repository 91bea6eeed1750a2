//! `aws logs tail GROUP [--since DURATION] [--format detailed|short] [--filter-pattern P] [--follow]`
//! (AWS CLI v2): the group's events, oldest first, one a line. `--follow` would wait for new events; the
//! sandbox's clock does not move by itself, so it prints what is there and says so.

use crate::shared_sort::SharedSort;
use super::globals::Globals;
use super::model;
use super::usage::CliFailure;
use crate::sandbox::Sandbox;

fn parse_since(s: &str) -> Option<u64> {
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = n.parse().ok()?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86_400,
        "w" => n * 604_800,
        _ => return None,
    };
    Some(secs * 1000)
}

pub fn run(sb: &mut Sandbox, g: &Globals, args: &[String]) -> Result<String, CliFailure> {
    let mut group = None;
    let mut since_ms = 600_000;
    let mut short = false;
    let mut follow = false;
    let mut pattern = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--since" => {
                let v = it.next().ok_or_else(|| CliFailure::usage("argument --since: expected one argument".into()))?;
                since_ms = parse_since(v).ok_or_else(|| CliFailure::other(&format!("Invalid value for --since: {v}")))?;
            }
            "--format" => short = it.next().is_some_and(|v| v == "short"),
            "--filter-pattern" => pattern = it.next().cloned(),
            "--follow" => follow = true,
            s if s.starts_with("--") => return Err(CliFailure::unknown_options(&[s.to_string()])),
            s => group = Some(s.to_string()),
        }
    }
    let group = group.ok_or_else(|| CliFailure::usage("the following arguments are required: group_name".into()))?;
    let logs = model::service("logs").ok_or_else(|| CliFailure::other("the Logs model is missing"))?;
    let region = super::region(g, sb, logs)?;
    let caller = sb.shell.caller.clone();
    caller
        .authorize(sb.world(), "logs:FilterLogEvents", "*")
        .map_err(|m| CliFailure::service("AccessDeniedException", "FilterLogEvents", &m))?;
    let now = sb.now().0;
    let region_state = sb.world().region(&region);
    let g = region_state
        .and_then(|r| r.logs.groups.get(&group))
        .ok_or_else(|| CliFailure::service("ResourceNotFoundException", "FilterLogEvents", "The specified log group does not exist."))?;
    let mut events: Vec<(u64, String, String)> = g
        .streams
        .iter()
        .flat_map(|(name, s)| s.events.iter().map(move |e| (e.timestamp.0, name.clone(), e.message.clone())))
        .filter(|(t, _, m)| *t + since_ms >= now && pattern.as_ref().is_none_or(|p| m.contains(p.trim_matches('"'))))
        .collect();
    events.shared_sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = String::new();
    for (t, stream, msg) in events {
        let ts = crate::clock::SimTime(t);
        if short {
            out.push_str(&format!("{} {msg}\n", ts.to_cli_string().chars().take(19).collect::<String>()));
        } else {
            out.push_str(&format!("{} {stream} {msg}\n", ts.to_cli_string()));
        }
    }
    if follow {
        out.push_str("(ECS Sandbox: --follow would keep waiting for new events; virtual time only passes with sleep, so this is everything so far.)\n");
    }
    Ok(out)
}
