//! ECR's lifecycle runs: expiring the images a repository's policy selects, then scheduling the next run.

use crate::context::Ctx;
use crate::events::EventKind;
use crate::scheduler::Action;
use crate::tuning;
use crate::world::ecr_lifecycle;

pub fn apply_lifecycle(ctx: &mut Ctx<'_>, region: &str, repository: &str) {
    let now = ctx.now;
    let r = ctx.world.region_mut(region);
    let Some(repo) = r.ecr.repositories.get_mut(repository) else { return };
    let Some(text) = repo.lifecycle_policy.clone() else { return };
    let Ok(rules) = ecr_lifecycle::parse(&text) else { return };
    let expired = ecr_lifecycle::expired(&rules, repo, now);
    repo.images.retain(|i| !expired.iter().any(|(d, _)| *d == i.digest));
    repo.lifecycle_evaluated_at = Some(now);
    for (digest, _) in expired {
        ctx.emit(EventKind::EcrImageExpired { region: region.into(), repository: repository.into(), digest });
    }
    ctx.schedule(tuning::ECR_LIFECYCLE_INTERVAL, Action::EcrLifecycle { region: region.into(), repository: repository.into() });
}
