//! Lessons 5–7 in the scene, as the page plays them: the lesson's setup drawn settled, then each solution
//! command animated to the end, the registry reconciled once nothing is queued. After every command the
//! scene agrees with the view ([`super::tests::assert_agrees`]); at the end the registry pane, the role cards
//! and the start failures show what each lesson is about.

use super::Scene;
use super::animation::Animation;
use super::details::Details;
use super::layout::layout;
use super::registry_shown::{self, Pending, Remembered, RepositoryShown};
use super::roles::{Access, RoleCard, cluster_roles};
use super::start_failure::RoleUse;
use super::tests::assert_agrees;
use ecs_sim::{Sandbox, lesson};

/// The lesson's start and its solution, played as the page plays them; the scene checked after each step.
pub(super) struct Played {
    pub(super) sb: Sandbox,
    pub(super) anim: Animation,
    /// The scene once the setup was drawn, before any solution command.
    at_start: Scene,
}

pub(super) fn play(id: &str) -> Played {
    let l = lesson::builtin().into_iter().find(|l| l.id == id).unwrap_or_else(|| panic!("lesson {id} ships"));
    let (mut sb, mut ws) = l.start().expect("the setup runs");
    let mut anim = Animation::settled(sb.events());
    anim.reconcile_registry(&sb.view());
    assert_agrees(anim.scene(), &sb.view());
    let at_start = (**anim.scene()).clone();
    assert!(l.evaluate(&sb.view()).iter().all(|g| !g.met), "{id}: the start meets no goal");
    for line in &l.solution {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{id}: {line}: {:?}", out.chunks);
        anim.enqueue(&out.events);
        while anim.advance() {}
        anim.reconcile_registry(&sb.view());
        assert_agrees(anim.scene(), &sb.view());
        let _ = layout(anim.scene(), &Details::new(&sb.view(), sb.world()));
    }
    assert!(l.evaluate(&sb.view()).iter().all(|g| g.met), "{id}: the solution meets every goal");
    Played { sb, anim, at_start }
}

impl Played {
    fn pane(&self) -> Vec<RepositoryShown> {
        let view = self.sb.view();
        let mut remembered = Remembered::default();
        remembered.absorb(&view);
        registry_shown::shown(self.anim.scene(), &view, &remembered, &Pending::default(), None)
    }
    fn cards(&self, cluster: &str) -> Vec<RoleCard> {
        let c = self.anim.scene().clusters.iter().find(|c| c.name == cluster).unwrap_or_else(|| panic!("cluster {cluster}"));
        cluster_roles(c, &Details::new(&self.sb.view(), self.sb.world()), &self.sb.view().roles)
    }
}

fn checks(card: &RoleCard) -> Vec<(&str, Option<Access>)> {
    card.checks.iter().map(|c| (c.action.as_str(), c.allowed)).collect()
}

#[test]
fn lesson_5_pushes_a_scanned_image_and_its_fargate_task_runs_with_the_execution_role() {
    let p = play("ecr-push-fargate");
    let pane = p.pane();
    let web = pane.iter().find(|r| r.name == "web").expect("the repository web");
    assert!(web.scan_on_push);
    assert_eq!(web.images.len(), 1);
    let image = &web.images[0];
    assert_eq!(image.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["1.0"]);
    assert_eq!(image.scan.as_ref().map(|s| s.status.as_str()), Some("COMPLETE"));
    assert!(image.last_pulled_at.is_some(), "the Fargate task pulled it");
    let cards = p.cards("web");
    assert_eq!(cards.len(), 1, "{cards:#?}");
    assert_eq!(cards[0].name, "ecsTaskExecutionRole");
    assert_eq!(cards[0].uses_text(), "execution role of 1 task");
    assert!(cards[0].checks.iter().all(|c| c.allowed == Some(Access::Yes)), "{:?}", checks(&cards[0]));
    assert!(p.anim.scene().clusters.iter().all(|c| c.start_failures.is_empty()));
}

#[test]
fn lesson_6_draws_three_roles_and_the_parameter_read_allowed_on_some_resources() {
    let p = play("three-roles");
    let cards = p.cards("roles");
    assert_eq!(cards.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["ecsInstanceRole", "readerExecutionRole", "readerTaskRole"]);
    assert_eq!(cards[0].uses_text(), "instance role of 1 instance");
    assert_eq!(cards[1].uses_text(), "execution role of 1 task");
    assert_eq!(cards[2].uses_text(), "task role of 1 task");
    assert!(cards.iter().all(|c| c.trust_problems.is_empty()));
    // The execution role's checks end with what the task's secret needs: allowed on /reader/* only.
    let exec = checks(&cards[1]);
    assert_eq!(exec.last(), Some(&("ssm:GetParameters", Some(Access::Some))), "{exec:?}");
    assert!(exec[..exec.len() - 1].iter().all(|(_, a)| *a == Some(Access::Yes)), "{exec:?}");
    assert_eq!(checks(&cards[2]), [("s3:ListAllMyBuckets", Some(Access::Yes)), ("ssmmessages:CreateControlChannel", Some(Access::Yes))]);
    assert!(cards[0].checks.iter().all(|c| c.allowed == Some(Access::Yes)));
}

#[test]
fn lesson_7_starts_with_a_failed_pull_naming_the_execution_role_and_its_missing_action() {
    let p = play("troubleshoot-roles");
    let shop = p.at_start.clusters.iter().find(|c| c.name == "shop").expect("the cluster shop");
    assert_eq!(shop.start_failures.len(), 1, "{:#?}", shop.start_failures);
    let f = &shop.start_failures[0];
    assert_eq!(f.headline(), "shopExecutionRole cannot ecr:GetAuthorizationToken");
    assert_eq!(f.stage, "registry authorization");
    assert!(f.reason.starts_with("ResourceInitializationError:"), "{}", f.reason);
    assert!(!f.resolved);
    assert_eq!(
        f.fix(Some(RoleUse::Execution)).as_deref(),
        Some(
            "Allow ecr:GetAuthorizationToken in a policy of shopExecutionRole (the execution role), or attach the AWS managed policy AmazonECSTaskExecutionRolePolicy."
        )
    );
    // At the end the failure is resolved (a shop task runs) and both roles do their job only.
    let shop = p.anim.scene().clusters.iter().find(|c| c.name == "shop").unwrap();
    assert!(shop.start_failures[0].resolved);
    let cards = p.cards("shop");
    assert_eq!(cards.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["shopExecutionRole", "shopTaskRole"]);
    assert!(cards[0].checks.iter().all(|c| c.allowed == Some(Access::Yes) && !c.failed_a_task), "{:?}", checks(&cards[0]));
    assert!(cards[1].checks.iter().all(|c| c.allowed == Some(Access::Yes)), "{:?}", checks(&cards[1]));
}
