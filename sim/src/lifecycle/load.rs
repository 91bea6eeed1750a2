//! `sandbox load` on the virtual clock: every [`tuning::LOAD_TICK`] a generator sends `rps × tick` requests
//! through the load balancer its URL names, as `curl` would (listener → rule → target group → round robin),
//! and records who served them (world `traffic`). Routing every request one by one would make an hour of
//! load slow in the browser, so at most [`tuning::LOAD_SAMPLES`] are routed and each stands for its share.

use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::services::elbv2::routing::{self, Outcome, Request};
use crate::tuning;
use crate::world::traffic::TrafficSample;
use std::collections::BTreeMap;

pub fn on_tick(ctx: &mut Ctx<'_>, generator: u64) {
    let now = ctx.now;
    let Some(g) = ctx.world.traffic.generators.iter().find(|g| g.id == generator).cloned() else { return };
    let Ok(url) = crate::commands::curl::parse_url(&g.url) else { return };
    let total = u64::from(g.rps) * tuning::LOAD_TICK.as_secs();
    let samples = total.clamp(1, tuning::LOAD_SAMPLES);
    let mut by_status: BTreeMap<u16, u64> = BTreeMap::new();
    let mut per_target: BTreeMap<(String, String, u16), u64> = BTreeMap::new();
    // Requests beyond the routed samples, by (Region, target group): added after the batch, so round robin
    // (which counts the group's requests) sees one request per sample.
    let mut extra: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut this_batch: BTreeMap<String, u64> = BTreeMap::new();
    for i in 0..samples {
        // Each sample stands for total / samples requests; the first ones take the remainder.
        let weight = total / samples + u64::from(i < total % samples);
        if weight == 0 {
            continue;
        }
        let req = Request { host: &url.host, port: url.port, path: &url.path, query: &url.query, method: "GET", host_header: &url.host };
        let (outcome, event) = routing::route_quietly(ctx, &req);
        let status = match &outcome {
            Outcome::Response(r) => r.status,
            _ => 0,
        };
        *by_status.entry(status).or_default() += weight;
        if let Outcome::Response(r) = &outcome
            && let Some(s) = &r.served_by
        {
            *ctx.world.traffic.per_task.entry(s.task_id.clone()).or_default() += weight;
            *this_batch.entry(s.task_id.clone()).or_default() += weight;
        }
        if let Some(EventKind::RequestRouted { region, target_group_arn: Some(tg), target_id, target_port, .. }) = event {
            *ctx.world.traffic.per_target_group.entry(tg.clone()).or_default() += weight;
            *extra.entry((region, tg.clone())).or_default() += weight - 1;
            if let (Some(id), Some(port)) = (target_id, target_port) {
                *per_target.entry((tg, id, port)).or_default() += weight;
            }
        }
    }
    for ((region, tg), n) in extra {
        if let Some(t) = ctx.world.region_mut(&region).elbv2.target_group_mut(&tg) {
            t.requests += n;
        }
    }
    for (task, n) in this_batch {
        ctx.world.traffic.recent.insert(task, (now, n));
    }
    ctx.world.traffic.record(TrafficSample { at: now, generator, requests: total, by_status: by_status.clone() });
    ctx.emit(EventKind::LoadApplied {
        url: g.url.clone(),
        requests: total,
        by_status: by_status.into_iter().collect(),
        per_target: per_target.into_iter().map(|((tg, id, port), n)| (tg, id, port, n)).collect(),
    });
    if now + tuning::LOAD_TICK <= g.until {
        ctx.schedule(tuning::LOAD_TICK, Action::LoadTick { generator });
    } else {
        ctx.world.traffic.generators.retain(|x| x.id != generator);
    }
}
