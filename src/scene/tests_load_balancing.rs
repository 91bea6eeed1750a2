//! Lessons 8–10 in the scene, as the page plays them (issue 6): the scene folded from events agrees with the
//! view after every command (load balancers, listeners, targets and their health included, see
//! [`super::tests::assert_agrees`]); the load-balancing panel shows the listener's rules, the targets healthy
//! on distinct host ports with the task behind each; a request's step marks its route and its caption names
//! the task that served it.

use super::animation::{Animation, Step};
use super::lb_shown::{self, LoadBalancerShown};
use super::load_balancing::Path;
use super::tests::assert_agrees;
use super::tests_lessons::play;
use ecs_sim::{MemoryWorkspace, Sandbox};

fn curl(sb: &mut Sandbox, anim: &mut Animation, path: &str) -> Vec<Step> {
    let mut ws = MemoryWorkspace::default();
    let dns = sb.view().load_balancers[0].dns_name.clone();
    let out = sb.execute(&format!("curl -s http://{dns}{path}"), &mut ws);
    assert_eq!(out.exit_code, 0, "{:?}", out.chunks);
    anim.enqueue(&out.events);
    out.events.into_iter().map(Step::new).collect()
}

fn targets(lbs: &[LoadBalancerShown]) -> Vec<(String, String, Option<String>, bool)> {
    lbs.iter()
        .flat_map(|l| &l.listeners)
        .flat_map(|l| &l.rules)
        .filter_map(|r| r.target_group.as_ref())
        .flat_map(|g| &g.targets)
        .map(|t| (t.address.clone(), t.state.clone(), t.task_id.clone(), t.on_route))
        .collect()
}

#[test]
fn lesson_8_shows_four_healthy_targets_on_dynamic_host_ports_and_routes_each_request_to_its_task() {
    let mut played = play("alb-dynamic-ports");
    let view = played.sb.view();
    let shown = lb_shown::shown(played.anim.scene(), &view, None);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].name, "shop-alb");
    assert_eq!(shown[0].state, "active");
    assert_eq!(shown[0].listeners.len(), 1);
    assert_eq!(shown[0].listeners[0].port, 80);
    let rules = &shown[0].listeners[0].rules;
    assert_eq!(rules.last().map(|r| (r.label.as_str(), r.conditions.as_str())), Some(("default", "any request")));
    let ts = targets(&shown);
    assert_eq!(ts.len(), 4, "{ts:?}");
    assert!(ts.iter().all(|(_, state, task, on)| state == "healthy" && task.is_some() && !on), "{ts:?}");
    // Two copies on each of two instances: each instance's copies on distinct dynamic host ports.
    let mut addresses: Vec<&str> = ts.iter().map(|(a, ..)| a.as_str()).collect();
    addresses.sort_unstable();
    addresses.dedup();
    assert_eq!(addresses.len(), 4, "distinct host:port: {ts:?}");
    assert!(ts.iter().all(|(a, ..)| a.rsplit(':').next().unwrap().parse::<u16>().unwrap() >= 32768), "{ts:?}");

    let steps = curl(&mut played.sb, &mut played.anim, "/");
    let request = steps.iter().find(|s| Path::of(&s.event.kind).is_some()).expect("a request step");
    let route = Path::of(&request.event.kind).unwrap();
    let view = played.sb.view();
    while played.anim.advance() {
        if played.anim.current().is_some_and(|s| s.event.seq == request.event.seq) {
            let shown = lb_shown::shown(played.anim.scene(), &view, Some(&route));
            assert!(shown[0].on_route && shown[0].listeners[0].on_route);
            let default = shown[0].listeners[0].rules.last().unwrap();
            assert!(default.on_route && default.target_group.as_ref().unwrap().on_route);
            let served: Vec<_> = targets(&shown).into_iter().filter(|t| t.3).collect();
            assert_eq!(served.len(), 1, "one target served it");
            let task = served[0].2.clone().unwrap();
            let caption = request.caption_in(&view);
            assert!(caption.contains(&format!("served by task {} (web:1)", &task[..8])), "{caption}");
            assert!(caption.contains("GET / 200, served by task"), "{caption}");
        }
    }
    assert_agrees(played.anim.scene(), &view);
}

#[test]
fn lesson_9_and_10_agree_with_the_view_and_lesson_10_routes_by_path() {
    play("rolling-deployment");
    let mut played = play("path-routing");
    let view = played.sb.view();
    let shown = lb_shown::shown(played.anim.scene(), &view, None);
    let rules = &shown[0].listeners[0].rules;
    assert!(rules.len() >= 2, "{rules:?}");
    assert!(rules[0].label.starts_with("priority ") && rules[0].conditions.starts_with("path-pattern="), "{rules:?}");
    let api_group = rules[0].target_group.as_ref().map(|g| g.arn.clone()).unwrap();
    let steps = curl(&mut played.sb, &mut played.anim, "/api/orders");
    let route = steps.iter().find_map(|s| Path::of(&s.event.kind)).unwrap();
    assert_eq!(route.target_group_arn.as_deref(), Some(api_group.as_str()));
    played.anim.finish();
    let shown = lb_shown::shown(played.anim.scene(), &view, Some(&route));
    let rules = &shown[0].listeners[0].rules;
    assert!(rules[0].on_route && !rules.last().unwrap().on_route, "the path rule, not the default, took it");
}
