//! Issue 5 in the scene: ECR events folded into repositories that agree with the view; what the registry
//! pane draws at each animation step (a push arriving, a tag moving, an expired image leaving); a task
//! that could not start, with the role and action that stopped it; the role cards of a cluster and the
//! roles on chips and cards.

use super::Scene;
use super::animation::Animation;
use super::details::Details;
use super::layout::{self, layout};
use super::registry_shown::{self, Motion, Pending, Remembered, RepositoryShown};
use super::roles::{Access, cluster_roles, unused_roles};
use super::start_failure::RoleUse;
use ecs_sim::{MemoryWorkspace, Sandbox, lesson};

const HOST: &str = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

const ECS_TASKS_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const EXEC_WITHOUT_BATCH_GET_IMAGE: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}"#;

/// A sandbox and workspace that run commands, each expected to succeed unless it says `!` first.
struct Story {
    sb: Sandbox,
    ws: MemoryWorkspace,
}

impl Story {
    fn new() -> Story {
        let mut ws = MemoryWorkspace::new();
        ws.put("ecs-tasks-trust.json", ECS_TASKS_TRUST);
        ws.put("ec2-trust.json", EC2_TRUST);
        ws.put("exec-without-BatchGetImage.json", EXEC_WITHOUT_BATCH_GET_IMAGE);
        Story { sb: Sandbox::new(7), ws }
    }
    /// Runs the lines; returns every event they gave.
    fn run(&mut self, lines: &[&str]) -> Vec<ecs_sim::Event> {
        let mut events = Vec::new();
        for line in lines {
            let out = self.sb.execute(line, &mut self.ws);
            assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
            events.extend(out.events);
        }
        events
    }
    fn details(&self) -> Details {
        Details::new(&self.sb.view(), self.sb.world())
    }
    /// The pane's repositories with nothing queued.
    fn settled_pane(&self) -> Vec<RepositoryShown> {
        let view = self.sb.view();
        let mut remembered = Remembered::default();
        remembered.absorb(&view);
        registry_shown::shown(&Scene::from_events(self.sb.events()), &view, &remembered, &Pending::default(), None)
    }
}

fn push_flow(tags: &[&str]) -> Vec<String> {
    let mut lines: Vec<String> = [
        "echo 'FROM nginx:1.27' > Dockerfile",
        "docker build -q -t web .",
        "aws ecr create-repository --repository-name web --image-scanning-configuration scanOnPush=true",
        "aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com",
    ]
    .map(String::from)
    .to_vec();
    for t in tags {
        lines.push(format!("docker tag web {HOST}/web:{t}"));
        lines.push(format!("docker push -q {HOST}/web:{t}"));
    }
    lines
}

fn run_flow(story: &mut Story, lines: &[String]) -> Vec<ecs_sim::Event> {
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    story.run(&refs)
}

/// (digest, tags) of each image the pane draws of `repo`, and the scene's, compared with the view's.
fn assert_registry_agrees(story: &Story) {
    let view = story.sb.view();
    let scene = Scene::from_events(story.sb.events());
    for vr in &view.repositories {
        let sr = scene.repository(&vr.region, &vr.name).unwrap_or_else(|| panic!("{} in the scene", vr.name));
        let mut v: Vec<(String, Vec<String>)> = vr.images.iter().map(|i| (i.digest.clone(), sorted(i.tags.clone()))).collect();
        let mut s: Vec<(String, Vec<String>)> =
            sr.images.iter().filter(|i| i.is_live()).map(|i| (i.digest.clone(), sorted(i.tags.iter().map(|t| t.name.clone()).collect()))).collect();
        v.sort();
        s.sort();
        assert_eq!(s, v, "images of {}", vr.name);
    }
    assert_eq!(scene.repositories.iter().filter(|r| r.active).count(), view.repositories.len());
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn a_push_flow_folds_into_a_repository_the_pane_draws_as_the_view_has_it() {
    let mut story = Story::new();
    let mut lines = push_flow(&["1.0", "1.1"]);
    lines.insert(0, "aws ecr describe-repositories".into());
    for line in &lines {
        run_flow(&mut story, std::slice::from_ref(line));
        assert_registry_agrees(&story);
    }
    let pane = story.settled_pane();
    assert_eq!(pane.len(), 1);
    let web = &pane[0];
    assert_eq!(web.name, "web");
    assert_eq!(web.uri, format!("{HOST}/web"));
    assert!(web.scan_on_push);
    assert_eq!(web.tag_mutability, "MUTABLE");
    assert_eq!(web.images.len(), 1, "both tags name the one image");
    let image = &web.images[0];
    assert_eq!(image.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["1.0", "1.1"]);
    assert!(image.tags.iter().all(|t| !t.arriving) && image.motion == Motion::Still, "nothing plays when settled");
    let view = story.sb.view();
    let vi = &view.repositories[0].images[0];
    assert_eq!(image.size_bytes, Some(vi.size_bytes));
    assert!(image.size_bytes.unwrap() > 1_000_000, "an nginx image is megabytes");
    let scan = image.scan.as_ref().expect("scanned on push");
    assert_eq!(scan.status, "COMPLETE");
    assert_eq!(scan, vi.scan.as_ref().unwrap());
    let counts = registry_shown::severity_counts(scan);
    assert!(!counts.is_empty(), "the sandbox's scan finds something in nginx:1.27");
    assert!(counts.windows(2).all(|w| {
        let pos = |s: &str| registry_shown::SEVERITIES.iter().position(|x| *x == s).unwrap();
        pos(w[0].0) < pos(w[1].0)
    }), "worst first: {counts:?}");
    assert_eq!(registry_shown::size_mb(27_800_000), "26.51 MB");
    assert_eq!(registry_shown::short_digest(&vi.digest).len(), 12);
}

#[test]
fn a_pushed_image_arrives_at_its_step_and_a_pushed_tag_moves_from_the_old_image() {
    let mut story = Story::new();
    run_flow(&mut story, &push_flow(&["1.0"]));
    let old = story.sb.view().repositories[0].images[0].digest.clone();
    let mut remembered = Remembered::default();
    remembered.absorb(&story.sb.view());
    let mut anim = Animation::settled(story.sb.events());
    // A new build pushed as 1.0 again: the tag moves to the new image; the old one stays, untagged.
    let events = story.run(&[
        "echo 'RUN echo changed > /usr/share/nginx/html/index.html' >> Dockerfile",
        "docker build -q -t web .",
        &format!("docker tag web {HOST}/web:1.0"),
        &format!("docker push -q {HOST}/web:1.0"),
    ]);
    let view = story.sb.view();
    remembered.absorb(&view);
    let new = view.repositories[0].images.iter().find(|i| i.digest != old).expect("a second image").digest.clone();
    anim.enqueue(&events);
    let pane = |anim: &Animation| {
        let pending = Pending::from_steps(anim.pending());
        registry_shown::shown(anim.scene(), &view, &remembered, &pending, anim.current().map(|s| s.event.seq))
    };
    // Queued, not yet played: the pane still shows 1.0 on the old image and no new image.
    let before = pane(&anim);
    assert_eq!(before[0].images.len(), 1, "{before:#?}");
    assert_eq!(before[0].images[0].digest, old);
    assert_eq!(before[0].images[0].tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["1.0"]);
    // The push's step: the new image arrives with 1.0, the old one shows 1.0 leaving for it.
    while anim.advance() {
        if matches!(anim.current().map(|s| &s.event.kind), Some(ecs_sim::EventKind::EcrImagePushed { .. })) {
            break;
        }
    }
    let during = pane(&anim);
    let images = &during[0].images;
    assert_eq!(images.len(), 2);
    assert_eq!(images[0].digest, new, "newest first");
    assert_eq!(images[0].motion, Motion::Arriving);
    assert_eq!(images[0].tags.len(), 1);
    assert!(images[0].tags[0].arriving && images[0].tags[0].name == "1.0");
    assert_eq!(images[1].digest, old);
    assert!(images[1].tags.is_empty());
    assert_eq!(images[1].moved_away.len(), 1);
    assert_eq!(images[1].moved_away[0].name, "1.0");
    assert_eq!(images[1].moved_away[0].to, new);
    anim.finish();
    let after = pane(&anim);
    assert!(after[0].images.iter().all(|i| i.motion == Motion::Still && i.moved_away.is_empty()));
    assert_eq!(after, story.settled_pane());
}

#[test]
fn an_expired_image_is_drawn_until_its_step_and_leaves_during_it() {
    let mut story = Story::new();
    run_flow(&mut story, &push_flow(&["1.0"]));
    story.run(&[
        "echo 'RUN echo two > /usr/share/nginx/html/index.html' >> Dockerfile",
        "docker build -q -t web .",
        &format!("docker tag web {HOST}/web:2.0"),
        &format!("docker push -q {HOST}/web:2.0"),
        r#"aws ecr put-lifecycle-policy --repository-name web --lifecycle-policy-text '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}'"#,
    ]);
    let mut remembered = Remembered::default();
    remembered.absorb(&story.sb.view());
    let older = story.sb.view().repositories[0].images[0].clone();
    let mut anim = Animation::settled(story.sb.events());
    let events = story.run(&["sleep 86400"]);
    assert!(events.iter().any(|e| matches!(&e.kind, ecs_sim::EventKind::EcrImageExpired { digest, .. } if *digest == older.digest)));
    let view = story.sb.view();
    assert_eq!(view.repositories[0].images.len(), 1, "the model expired the older image");
    remembered.absorb(&view);
    anim.enqueue(&events);
    let pane = |anim: &Animation| {
        let pending = Pending::from_steps(anim.pending());
        registry_shown::shown(anim.scene(), &view, &remembered, &pending, anim.current().map(|s| s.event.seq))
    };
    let before = pane(&anim);
    let kept = before[0].images.iter().find(|i| i.digest == older.digest).expect("still drawn before its step");
    assert_eq!(kept.motion, Motion::Still);
    assert_eq!(kept.size_bytes, Some(older.size_bytes), "with what the view said of it");
    assert_eq!(kept.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["1.0"]);
    while anim.advance() {
        if matches!(anim.current().map(|s| &s.event.kind), Some(ecs_sim::EventKind::EcrImageExpired { .. })) {
            break;
        }
    }
    let during = pane(&anim);
    let leaving = during[0].images.iter().find(|i| i.digest == older.digest).expect("drawn leaving");
    assert_eq!(leaving.motion, Motion::Leaving);
    assert_eq!(leaving.scan, older.scan);
    anim.finish();
    assert!(pane(&anim)[0].images.iter().all(|i| i.digest != older.digest), "gone once its step is over");
    assert_eq!(pane(&anim), story.settled_pane());
}

#[test]
fn an_image_deleted_without_an_event_is_not_drawn_and_a_queued_push_is_not_drawn_early() {
    let mut story = Story::new();
    run_flow(&mut story, &push_flow(&["1.0"]));
    story.run(&["aws ecr batch-delete-image --repository-name web --image-ids imageTag=1.0"]);
    assert!(story.sb.view().repositories[0].images.is_empty());
    assert!(story.settled_pane()[0].images.is_empty(), "the view decides what exists");
    let mut anim = Animation::settled(story.sb.events());
    assert!(registry_shown::shown(anim.scene(), &story.sb.view(), &Remembered::default(), &Pending::default(), None)[0].images.is_empty());
    // The scene learns of the deletion (it came with no event) once nothing is queued.
    assert!(super::registry::differs(&anim.scene().repositories, &story.sb.view()));
    anim.reconcile_registry(&story.sb.view());
    assert!(!super::registry::differs(&anim.scene().repositories, &story.sb.view()));
    // Pushed again: not drawn before its step, arriving during it.
    let events = story.run(&[&format!("docker push -q {HOST}/web:1.0")]);
    anim.enqueue(&events);
    let view = story.sb.view();
    anim.reconcile_registry(&view);
    let pane = |anim: &Animation| {
        let pending = Pending::from_steps(anim.pending());
        registry_shown::shown(anim.scene(), &view, &Remembered::default(), &pending, anim.current().map(|s| s.event.seq))
    };
    assert!(pane(&anim)[0].images.is_empty(), "not before its step: {:#?}", pane(&anim));
    assert!(anim.advance());
    let during = pane(&anim);
    assert_eq!(during[0].images.len(), 1);
    assert_eq!(during[0].images[0].motion, Motion::Arriving);
    assert!(during[0].images[0].tags[0].arriving);
}

/// The permission story of `sim/tests/scenarios/task-permissions.scenario`, cut to the BatchGetImage case.
fn failed_pull_story() -> Story {
    let mut story = Story::new();
    let mut lines = push_flow(&["1.0"]);
    lines.extend(
        [
            "aws iam create-role --role-name appExecutionRole --assume-role-policy-document file://ecs-tasks-trust.json",
            "aws iam create-role --role-name appTaskRole --assume-role-policy-document file://ecs-tasks-trust.json",
            "aws iam put-role-policy --role-name appExecutionRole --policy-name exec --policy-document file://exec-without-BatchGetImage.json",
            "aws ecs create-cluster --cluster-name demo",
            "aws ecs register-task-definition --family app --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/appExecutionRole --task-role-arn arn:aws:iam::123456789012:role/appTaskRole --container-definitions '[{\"name\":\"app\",\"image\":\"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0\"}]'",
            "NET=\"awsvpcConfiguration={subnets=[$(aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text)],assignPublicIp=ENABLED}\"",
            "T=$(aws ecs run-task --cluster demo --launch-type FARGATE --task-definition app --network-configuration \"$NET\" --query 'tasks[0].taskArn' --output text)",
            "aws ecs wait tasks-stopped --cluster demo --tasks $T",
        ]
        .map(String::from),
    );
    run_flow(&mut story, &lines);
    story
}

#[test]
fn a_task_whose_execution_role_lacks_batch_get_image_fails_to_start_naming_role_and_action() {
    let mut story = failed_pull_story();
    let scene = Scene::from_events(story.sb.events());
    let demo = scene.clusters.iter().find(|c| c.name == "demo").unwrap();
    assert_eq!(demo.start_failures.len(), 1, "{:#?}", demo.start_failures);
    let f = &demo.start_failures[0];
    assert_eq!(f.headline(), "appExecutionRole cannot ecr:BatchGetImage");
    assert_eq!(f.stage, "image pull");
    assert_eq!(f.task_label(), "app:1");
    assert!(f.reason.starts_with("CannotPullContainerError:"), "{}", f.reason);
    assert!(!f.resolved);
    let task = demo.tasks.iter().find(|t| t.id == f.task_id).unwrap();
    assert_eq!(task.last_status, "STOPPED");
    assert_eq!(task.start_failure.as_ref(), Some(f));
    // The view agrees: the same task stopped with that reason.
    let view = story.sb.view();
    let vt = view.clusters.iter().flat_map(|c| &c.tasks).find(|t| t.id == f.task_id).unwrap();
    assert_eq!(vt.stopped_reason.as_deref(), Some(f.reason.as_str()));
    let details = story.details();
    assert_eq!(super::roles::use_of(f.role_arn.as_deref().unwrap(), &f.task_id, demo, &details), Some(RoleUse::Execution));
    assert_eq!(
        f.fix(Some(RoleUse::Execution)).as_deref(),
        Some("Allow ecr:BatchGetImage in a policy of appExecutionRole (the execution role), or attach the AWS managed policy AmazonECSTaskExecutionRolePolicy.")
    );

    // The role cards: the execution role lacks BatchGetImage (the action that failed a task), the task role is
    // there too; both trust ecs-tasks.
    let cards = cluster_roles(demo, &details, &view.roles);
    assert_eq!(cards.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["appExecutionRole", "appTaskRole"]);
    let exec = &cards[0];
    assert_eq!(exec.uses_text(), "execution role of 1 task");
    assert!(exec.used_by(&f.task_id));
    assert!(exec.trust_problems.is_empty(), "{:?}", exec.trust_problems);
    assert_eq!(exec.inline_policies, ["exec"]);
    let checks: Vec<(&str, Option<Access>, bool)> = exec.checks.iter().map(|c| (c.action.as_str(), c.allowed, c.failed_a_task)).collect();
    assert_eq!(
        checks,
        [
            ("ecr:GetAuthorizationToken", Some(Access::Yes), false),
            ("ecr:BatchGetImage", Some(Access::No), true),
            ("ecr:GetDownloadUrlForLayer", Some(Access::Yes), false),
            ("logs:CreateLogStream", Some(Access::Yes), false),
            ("logs:PutLogEvents", Some(Access::Yes), false),
        ]
    );
    assert_eq!(cards[1].checks.iter().map(|c| c.action.as_str()).collect::<Vec<_>>(), ["s3:ListAllMyBuckets", "ssmmessages:CreateControlChannel"]);
    assert!(cards[1].checks.iter().all(|c| c.allowed == Some(Access::No)));
    // The account's other roles are listed apart.
    let other = unused_roles(cards.iter().map(|c| c.name.as_str()), &view.roles);
    assert!(other.iter().any(|c| c.name == "ecsTaskExecutionRole") && other.iter().all(|c| c.name != "appExecutionRole"));

    // The chip names both roles on a third line.
    let l = layout(&scene, &details);
    let chip = l.clusters[0].chips().find(|c| c.task.id == f.task_id).unwrap();
    let roles = chip.roles.as_ref().expect("the chip names its roles");
    assert_eq!((roles.execution.as_deref(), roles.task.as_deref()), (Some("appExecutionRole"), Some("appTaskRole")));
    assert_eq!(chip.rect.h, layout::CHIP_H3, "ENI line, then the roles");
    assert_eq!(chip.roles_y(), 14 + 2 * layout::CHIP_LINE, "the third line");
    assert!(chip.roles_y() + 4 <= chip.rect.h, "inside the chip");
    assert_eq!(l.clusters[0].start_failures.len(), 1);

    // Fixed with the managed policy, the next task runs and the failure is marked resolved.
    story.run(&[
        "aws iam attach-role-policy --role-name appExecutionRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        "T=$(aws ecs run-task --cluster demo --launch-type FARGATE --task-definition app --network-configuration \"$NET\" --query 'tasks[0].taskArn' --output text)",
        "aws ecs wait tasks-running --cluster demo --tasks $T",
    ]);
    let scene = Scene::from_events(story.sb.events());
    let demo = scene.clusters.iter().find(|c| c.name == "demo").unwrap();
    assert!(demo.start_failures[0].resolved);
    let cards = cluster_roles(demo, &story.details(), &story.sb.view().roles);
    assert!(cards[0].checks.iter().all(|c| c.allowed == Some(Access::Yes) && !c.failed_a_task), "{:?}", cards[0].checks);
    assert_eq!(cards[0].uses_text(), "execution role of 2 tasks");
}

#[test]
fn the_failure_step_is_captioned_and_lasts_long_enough_to_see() {
    let story = failed_pull_story();
    let failed = story.sb.events().iter().find(|e| matches!(e.kind, ecs_sim::EventKind::TaskFailedToStart { .. })).unwrap().clone();
    let step = super::animation::Step::new(failed);
    assert_eq!(step.duration_ms, crate::tuning::TASK_FAILED_TO_START_MS);
    assert!(step.caption().ends_with("failed at image pull: appExecutionRole cannot ecr:BatchGetImage"), "{}", step.caption());
    assert!(step.is_cluster() && !step.is_registry());
    let pushed = story.sb.events().iter().find(|e| matches!(e.kind, ecs_sim::EventKind::EcrImagePushed { .. })).unwrap().clone();
    let step = super::animation::Step::new(pushed);
    assert!(step.is_registry() && !step.is_cluster());
    assert_eq!(step.focus(), None, "a repository may share a cluster's name");
}

#[test]
fn a_task_stopped_by_a_missing_tag_names_the_stage_not_a_role() {
    let mut story = failed_pull_story();
    story.run(&[
        "aws iam attach-role-policy --role-name appExecutionRole --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        "aws ecs register-task-definition --family missing --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/appExecutionRole --container-definitions '[{\"name\":\"app\",\"image\":\"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:9.9\"}]'",
        "T=$(aws ecs run-task --cluster demo --launch-type FARGATE --task-definition missing --network-configuration \"$NET\" --query 'tasks[0].taskArn' --output text)",
        "aws ecs wait tasks-stopped --cluster demo --tasks $T",
    ]);
    let scene = Scene::from_events(story.sb.events());
    let demo = scene.clusters.iter().find(|c| c.name == "demo").unwrap();
    let f = demo.start_failures.last().unwrap();
    assert_eq!(f.missing_action, None);
    assert_eq!(f.headline(), "failed at image pull");
    assert!(f.reason.ends_with("web:9.9: not found"), "{}", f.reason);
    assert_eq!(f.fix(Some(RoleUse::Execution)), None);
    assert!(!demo.start_failures[0].resolved, "another family's run does not resolve app's failure");
}

#[test]
fn container_instances_show_their_instance_role_and_a_misfit_trust_is_flagged() {
    let first = lesson::builtin().into_iter().find(|l| l.id == "first-task").unwrap();
    let (mut sb, _) = lesson::run_solution(&first).expect("the solution runs");
    let mut ws = first.workspace();
    ws.put("ec2-trust.json", EC2_TRUST);
    ws.put("ecs-tasks-trust.json", ECS_TASKS_TRUST);
    for line in [
        // An execution role whose trust is changed to EC2 once its task runs: ECS could not assume it now.
        "aws iam create-role --role-name wrongTrust --assume-role-policy-document file://ecs-tasks-trust.json",
        "aws iam attach-role-policy --role-name wrongTrust --policy-arn arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        "aws ecs register-task-definition --family misfit --execution-role-arn arn:aws:iam::123456789012:role/wrongTrust --container-definitions '[{\"name\":\"app\",\"image\":\"public.ecr.aws/nginx/nginx:1.27\",\"memory\":128}]'",
        "aws ecs run-task --cluster demo --task-definition misfit",
        "aws iam update-assume-role-policy --role-name wrongTrust --policy-document file://ec2-trust.json",
    ] {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    }
    let view = sb.view();
    let details = Details::new(&view, sb.world());
    let scene = Scene::from_events(sb.events());
    let demo = &scene.clusters[0];
    let cards = cluster_roles(demo, &details, &view.roles);
    let instance = cards.iter().find(|c| c.name == "ecsInstanceRole").expect("the instances' role");
    assert_eq!(instance.uses_text(), "instance role of 2 instances");
    assert!(instance.trust_problems.is_empty());
    assert_eq!(instance.checks[0].action, "ecs:RegisterContainerInstance");
    assert!(instance.checks.iter().all(|c| c.allowed == Some(Access::Yes)), "{:?}", instance.checks);
    let wrong = cards.iter().find(|c| c.name == "wrongTrust").expect("the misfit role");
    assert_eq!(wrong.trust_problems, ["Trusts ec2.amazonaws.com, but an execution role must trust ecs-tasks.amazonaws.com."]);
    // Every card names the instance role on a row of its own, under the ports; the chips start under it.
    let l = layout(&scene, &details);
    for card in l.clusters[0].cards() {
        assert_eq!(card.instance_role.as_deref(), Some("ecsInstanceRole"));
        let first_chip = card.bars_top + 2 * layout::BAR_ROW + layout::PORT_ROW + layout::ROLE_ROW + 6;
        assert!(card.chips.iter().all(|c| c.rect.y - card.rect.y >= first_chip));
    }
    // A role name that is not in the account is a card that says so.
    let mut details = details;
    let id = demo.tasks[0].id.clone();
    details.tasks.get_mut(&id).unwrap().task_role = Some("arn:aws:iam::123456789012:role/gone".into());
    let cards = cluster_roles(demo, &details, &view.roles);
    let gone = cards.iter().find(|c| c.name == "gone").unwrap();
    assert!(!gone.found && gone.checks.iter().all(|c| c.allowed.is_none()));
}
