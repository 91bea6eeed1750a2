//! One HTTP request from the learner's machine through a load balancer (ecs-facts.md §4): DNS name →
//! load balancer (must be `active` and internet-facing, and its security groups must let the learner in on
//! the port) → the listener on the port → rules by priority, then the default action → a target group → a
//! target by round robin over healthy targets (an ALB fails open to all its targets when none is healthy)
//! → the answer. The sandbox's containers are simulated: a task answers with one line naming itself.

use crate::context::Ctx;
use crate::events::EventKind;
use crate::lifecycle::health_check::{Served, probe};
use crate::tuning;
use crate::world::elbv2::{Action, Condition, Failure, Health, LbState, LbType};
use crate::world::security_groups::{Endpoint, Protocol, allows};
use crate::shared_sort::SharedSort;

/// What the client asked for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// The host name in the URL.
    pub host: &'a str,
    pub port: u16,
    /// The path, starting with `/`, without the query.
    pub path: &'a str,
    pub query: &'a str,
    pub method: &'a str,
    /// The `Host` header (the URL's host unless the client set another).
    pub host_header: &'a str,
}

/// What the client gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No load balancer has that name (or it is still provisioning): DNS does not resolve.
    Unresolved,
    /// Packets dropped: an internal load balancer seen from outside, or a security group without the port.
    ConnectTimeout,
    /// Nothing listens on the port: the connection is refused.
    Refused,
    Response(Box<Response>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    /// `Service Temporarily Unavailable`, `OK`, …
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub served_by: Option<Served>,
}

/// The HTML an ALB answers with for its own errors (503, 502, 504), as published e.g. at
/// errormedic.com/networking/aws-alb/how-to-fix-aws-alb-503-service-temporarily-unavailable-errors
/// (`<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>…`).
fn alb_error_page(status: u16, reason: &str) -> String {
    format!("<html>\n<head><title>{status} {reason}</title></head>\n<body>\n<center><h1>{status} {reason}</h1></center>\n</body>\n</html>\n")
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => "",
    }
}

/// An HTTP date (`Mon, 02 Mar 2026 09:00:00 GMT`) of the virtual clock.
pub fn http_date(at: crate::clock::SimTime) -> String {
    let dt = time::OffsetDateTime::from_unix_timestamp(i64::try_from(at.unix_seconds()).unwrap_or(0)).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let fmt = time::macros::format_description!("[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT");
    dt.format(&fmt).unwrap_or_default()
}

fn from_lb(now: crate::clock::SimTime, status: u16, content_type: &str, body: String) -> Response {
    let reason = reason_phrase(status).to_string();
    let headers = vec![
        ("Server".into(), "awselb/2.0".into()),
        ("Date".into(), http_date(now)),
        ("Content-Type".into(), content_type.into()),
        ("Content-Length".into(), body.len().to_string()),
        ("Connection".into(), "keep-alive".into()),
    ];
    Response { status, reason, headers, body, served_by: None }
}

/// `*` any run of characters, `?` exactly one (ecs-facts.md §4 path-pattern and host-header).
pub fn wildcard(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t, mut star, mut mark) = (0, 0, None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

/// Whether a rule's condition matches: path-pattern is case-sensitive and sees only the path;
/// host-header is case-insensitive and ignores a `:port` suffix.
pub fn condition_matches(c: &Condition, req: &Request<'_>) -> bool {
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    match c.field.as_str() {
        "path-pattern" => c.values.iter().any(|v| wildcard(&chars(v), &chars(req.path))),
        "host-header" => {
            let host = req.host_header.split(':').next().unwrap_or_default().to_ascii_lowercase();
            c.values.iter().any(|v| wildcard(&chars(&v.to_ascii_lowercase()), &chars(&host)))
        }
        "http-request-method" => c.values.iter().any(|v| v == req.method),
        _ => false,
    }
}

/// Routes one request and records it as a `RequestRouted` event.
pub fn route(ctx: &mut Ctx<'_>, req: &Request<'_>) -> Outcome {
    let (outcome, event) = route_quietly(ctx, req);
    if let Some(e) = event {
        ctx.emit(e);
    }
    outcome
}

/// Routes one request without recording it; the `RequestRouted` event it would make comes back instead
/// (none when it never reached a listener). `sandbox load` sums many requests into one event.
pub fn route_quietly(ctx: &mut Ctx<'_>, req: &Request<'_>) -> (Outcome, Option<EventKind>) {
    let host = req.host.to_ascii_lowercase();
    let Some(region) = ctx.world.regions().find(|r| r.elbv2.load_balancers.iter().any(|l| l.dns_name == host)).map(|r| r.name.clone()) else {
        return (Outcome::Unresolved, None);
    };
    let now = ctx.now;
    let r = ctx.world.region_mut(&region);
    let Some(lb) = r.elbv2.load_balancers.iter().find(|l| l.dns_name == host) else { return (Outcome::Unresolved, None) };
    if lb.state != LbState::Active {
        return (Outcome::Unresolved, None);
    }
    if lb.scheme == "internal" {
        return (Outcome::ConnectTimeout, None);
    }
    let learner = Endpoint { groups: &[], ip: Some(tuning::LEARNER_IP) };
    if !lb.security_groups.is_empty() && !allows(&r.network.security_groups, &lb.security_groups, learner, Protocol::Tcp, req.port) {
        return (Outcome::ConnectTimeout, None);
    }
    let Some(listener) = r.elbv2.listeners.iter().find(|l| l.load_balancer_arn == lb.arn && l.port == req.port) else {
        return (Outcome::Refused, None);
    };
    let mut rules: Vec<_> = r.elbv2.rules.iter().filter(|x| x.listener_arn == listener.arn).collect();
    rules.shared_sort_by_key(|x| x.priority);
    let matched = if lb.lb_type == LbType::Application {
        rules.into_iter().find(|x| x.conditions.iter().all(|c| condition_matches(c, req)))
    } else {
        None
    };
    let rule_arn = matched.map(|x| x.arn.clone());
    let actions = matched.map_or(&listener.default_actions, |x| &x.actions);
    let (lb_arn, listener_arn) = (lb.arn.clone(), listener.arn.clone());
    let mut event = EventKind::RequestRouted {
        region: region.clone(),
        load_balancer_arn: lb_arn.clone(),
        listener_arn: Some(listener_arn),
        rule_arn,
        target_group_arn: None,
        target_id: None,
        target_port: None,
        path: req.path.to_string(),
        status_code: 0,
    };
    let response = match actions.first() {
        None => from_lb(now, 503, "text/html", alb_error_page(503, reason_phrase(503))),
        Some(Action::FixedResponse { status_code, content_type, message_body }) => {
            let status = status_code.parse().unwrap_or(200);
            from_lb(now, status, content_type.as_deref().unwrap_or("text/plain; charset=utf-8"), message_body.clone().unwrap_or_default())
        }
        Some(Action::Redirect { protocol, port, host: to_host, path, query, status_code }) => {
            let proto = protocol.replace("#{protocol}", "HTTP").to_ascii_lowercase();
            let location = format!(
                "{proto}://{}:{}{}{}",
                to_host.replace("#{host}", req.host),
                port.replace("#{port}", &req.port.to_string()),
                path.replace("/#{path}", req.path).replace("#{path}", req.path.trim_start_matches('/')),
                if query.is_empty() || req.query.is_empty() { String::new() } else { format!("?{}", query.replace("#{query}", req.query)) }
            );
            let status = if status_code == "HTTP_302" { 302 } else { 301 };
            let mut resp = from_lb(now, status, "text/html", alb_error_page(status, reason_phrase(status)));
            resp.headers.push(("Location".into(), location));
            resp
        }
        Some(Action::Forward { target_groups }) => {
            let tg_arn = target_groups.iter().find(|(_, w)| *w > 0).map(|(a, _)| a.clone()).unwrap_or_default();
            if let EventKind::RequestRouted { target_group_arn, .. } = &mut event {
                *target_group_arn = Some(tg_arn.clone());
            }
            forward(ctx, &region, &lb_arn, &tg_arn, &mut event)
        }
    };
    if let EventKind::RequestRouted { status_code, .. } = &mut event {
        *status_code = response.status;
    }
    (Outcome::Response(Box::new(response)), Some(event))
}

/// Picks a target of the group and asks it.
fn forward(ctx: &mut Ctx<'_>, region: &str, lb_arn: &str, tg_arn: &str, event: &mut EventKind) -> Response {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let (Some(lb), Some(tg)) = (r.elbv2.load_balancer(lb_arn), r.elbv2.target_group(tg_arn)) else {
        return from_lb(now, 503, "text/html", alb_error_page(503, reason_phrase(503)));
    };
    let in_zone = |t: &&crate::world::elbv2::Target| t.availability_zone.as_ref().is_none_or(|az| lb.zones.iter().any(|z| &z.zone == az));
    let candidates: Vec<_> = tg.targets.iter().filter(|t| !matches!(t.health, Health::Draining { .. })).filter(in_zone).collect();
    if candidates.is_empty() {
        return from_lb(now, 503, "text/html", alb_error_page(503, reason_phrase(503)));
    }
    let healthy: Vec<_> = candidates.iter().copied().filter(|t| t.health == Health::Healthy).collect();
    // Fail open: with no healthy target, an ALB routes to all of them.
    let pool = if healthy.is_empty() { candidates } else { healthy };
    let n = usize::try_from(tg.requests).unwrap_or(0) % pool.len();
    let target = pool[n].clone();
    let answer = probe(r, lb, &tg.target_type, &target, target.port);
    if let Some(tg) = r.elbv2.target_group_mut(tg_arn) {
        tg.requests += 1;
    }
    if let EventKind::RequestRouted { target_id, target_port, .. } = event {
        *target_id = Some(target.id.clone());
        *target_port = Some(target.port);
    }
    match answer {
        Err(Failure::Timeout) => from_lb(now, 504, "text/html", alb_error_page(504, reason_phrase(504))),
        Err(_) => from_lb(now, 502, "text/html", alb_error_page(502, reason_phrase(502))),
        Ok(served) => {
            let status = served.status;
            let body = served_body(&served);
            let headers = vec![
                ("Date".into(), http_date(now)),
                ("Content-Type".into(), "text/plain; charset=utf-8".into()),
                ("Content-Length".into(), body.len().to_string()),
                ("Connection".into(), "keep-alive".into()),
            ];
            Response { status, reason: reason_phrase(status).into(), headers, body, served_by: Some(served) }
        }
    }
}

/// The one-line page a simulated container answers with: what served the request.
pub fn served_body(s: &Served) -> String {
    let status = if s.status == 200 { String::new() } else { format!("{} {} from ", s.status, reason_phrase(s.status)) };
    let on = s.instance_id.as_deref().map_or_else(|| "Fargate".to_string(), str::to_string);
    format!("{status}task {} ({}:{}) container {} on {} at {}:{}\n", s.task_id, s.family, s.revision, s.container, on, s.host_ip, s.port)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req<'a>(path: &'a str, host: &'a str) -> Request<'a> {
        Request { host, port: 80, path, query: "", method: "GET", host_header: host }
    }

    #[test]
    fn facts_4_path_pattern_is_case_sensitive_with_star_and_question_mark() {
        let c = Condition { field: "path-pattern".into(), values: vec!["/api/*".into()] };
        assert!(condition_matches(&c, &req("/api/users", "x")));
        assert!(condition_matches(&c, &req("/api/", "x")));
        assert!(!condition_matches(&c, &req("/API/users", "x")));
        assert!(!condition_matches(&c, &req("/api", "x")));
        let q = Condition { field: "path-pattern".into(), values: vec!["/v?/x".into()] };
        assert!(condition_matches(&q, &req("/v1/x", "x")));
        assert!(!condition_matches(&q, &req("/v10/x", "x")));
    }

    #[test]
    fn facts_4_host_header_is_case_insensitive() {
        let c = Condition { field: "host-header".into(), values: vec!["*.example.com".into()] };
        assert!(condition_matches(&c, &req("/", "API.Example.com")));
        assert!(condition_matches(&c, &req("/", "api.example.com:80")));
        assert!(!condition_matches(&c, &req("/", "example.org")));
    }

    #[test]
    fn http_date_of_the_start() {
        assert_eq!(http_date(crate::clock::START), "Mon, 02 Mar 2026 09:00:00 GMT");
    }
}
