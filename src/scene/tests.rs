//! The scene folded from every event agrees with the model's view: same clusters, container instances
//! (status, registered and remaining CPU and memory), tasks (status, and for one that failed to start its
//! stoppedReason), EC2 instances (state, agent) and ECR repositories (images and their tags).

use super::animation::Animation;
use super::details::Details;
use super::layout::{self, Flag, layout};
use super::{AgentState, Scene};
use ecs_sim::{MemoryWorkspace, Sandbox, View, lesson};

fn details(sb: &Sandbox) -> Details {
    Details::new(&sb.view(), sb.world())
}

fn lesson_named(id: &str) -> lesson::Lesson {
    lesson::builtin().into_iter().find(|l| l.id == id).unwrap_or_else(|| panic!("lesson {id} ships"))
}

fn first_lesson() -> lesson::Lesson {
    lesson::builtin().into_iter().find(|l| l.id == "first-task").expect("the first lesson ships")
}

/// Compares everything the scene and the view both know; panics with the first difference. The registry
/// is compared as the page keeps it: reconciled with the view once nothing is queued (some changes, such as
/// `batch-delete-image`, come with no event).
pub(super) fn assert_agrees(scene: &Scene, view: &View) {
    let mut view_clusters: Vec<_> = view.clusters.iter().map(|c| (&c.region, &c.name, c.status == "ACTIVE")).collect();
    let mut scene_clusters: Vec<_> = scene.clusters.iter().map(|c| (&c.region, &c.name, c.active)).collect();
    view_clusters.sort();
    scene_clusters.sort();
    assert_eq!(scene_clusters, view_clusters, "clusters");
    for vc in &view.clusters {
        let sc = scene.clusters.iter().find(|c| c.region == vc.region && c.name == vc.name).expect("cluster in scene");
        let mut v: Vec<_> = vc
            .container_instances
            .iter()
            .map(|ci| {
                (
                    ci.id.clone(),
                    ci.ec2_instance_id.clone(),
                    ci.availability_zone.clone(),
                    ci.status == "ACTIVE",
                    ci.cpu.registered,
                    ci.cpu.remaining,
                    ci.memory.registered,
                    ci.memory.remaining,
                )
            })
            .collect();
        let mut s: Vec<_> = sc
            .container_instances
            .iter()
            .map(|ci| {
                (
                    ci.id.clone(),
                    ci.ec2_instance_id.clone(),
                    ci.availability_zone.clone(),
                    ci.active,
                    ci.cpu.registered,
                    ci.cpu.remaining(),
                    ci.memory.registered,
                    ci.memory.remaining(),
                )
            })
            .collect();
        v.sort();
        s.sort();
        assert_eq!(s, v, "container instances of {}", vc.name);
        let mut v: Vec<_> =
            vc.tasks.iter().map(|t| (t.id.clone(), t.last_status.clone(), t.container_instance_id.clone(), t.cpu, t.memory)).collect();
        let mut s: Vec<_> =
            sc.tasks.iter().map(|t| (t.id.clone(), t.last_status.clone(), t.container_instance_id.clone(), t.cpu, t.memory)).collect();
        v.sort();
        s.sort();
        assert_eq!(s, v, "tasks of {}", vc.name);
        // A task that failed to start: the scene's failure carries the view's stoppedReason word for word.
        for st in &sc.tasks {
            let vt = vc.tasks.iter().find(|t| t.id == st.id).expect("task in view");
            if let Some(f) = &st.start_failure {
                assert_eq!(vt.stop_code.as_deref(), Some("TaskFailedToStart"), "{}", st.id);
                assert_eq!(vt.stopped_reason.as_deref(), Some(f.reason.as_str()), "{}", st.id);
            } else {
                assert_ne!(vt.stop_code.as_deref(), Some("TaskFailedToStart"), "{} failed to start but the scene has no failure", st.id);
            }
        }
    }
    let mut v: Vec<_> = view
        .repositories
        .iter()
        .flat_map(|r| {
            let repo = (r.region.clone(), r.name.clone());
            let images: Vec<_> = r.images.iter().map(|i| (i.digest.clone(), sorted(i.tags.clone()))).collect();
            std::iter::once((repo.clone(), None)).chain(images.into_iter().map(move |i| (repo.clone(), Some(i))))
        })
        .collect();
    let mut s: Vec<_> = scene
        .repositories
        .iter()
        .filter(|r| r.active)
        .flat_map(|r| {
            let repo = (r.region.clone(), r.name.clone());
            let images: Vec<_> = r
                .images
                .iter()
                .filter(|i| i.is_live())
                .map(|i| (i.digest.clone(), sorted(i.tags.iter().map(|t| t.name.clone()).collect())))
                .collect();
            std::iter::once((repo.clone(), None)).chain(images.into_iter().map(move |i| (repo.clone(), Some(i))))
        })
        .collect();
    v.sort();
    s.sort();
    assert_eq!(s, v, "repositories, images and tags");
    let v: Vec<_> = view.instances.iter().map(|i| (i.id.clone(), i.state.clone(), i.availability_zone.clone())).collect();
    let s: Vec<_> = scene.instances.iter().map(|i| (i.id.clone(), i.state.clone(), i.availability_zone.clone())).collect();
    assert_eq!(s, v, "EC2 instances");
    for (vi, si) in view.instances.iter().zip(&scene.instances) {
        match (&si.agent, vi.agent.status.as_str()) {
            // The events cannot tell an image without an agent from an agent still starting.
            (AgentState::Waiting, "starting" | "no-agent") | (AgentState::Stopped, "stopped") => {}
            (AgentState::Registered { cluster, container_instance_id }, "registered") => {
                assert_eq!(Some(cluster), vi.agent.cluster.as_ref(), "{}", vi.id);
                assert_eq!(Some(container_instance_id), vi.agent.container_instance_id.as_ref(), "{}", vi.id);
            }
            (AgentState::CannotRegister { reason }, "cannot-register") => {
                assert_eq!(Some(reason), vi.agent.reason.as_ref(), "{}", vi.id);
            }
            (s, v) => panic!("agent of {}: scene {s:?}, view {v}", vi.id),
        }
    }
    assert_load_balancing_agrees(scene, view);
}

/// Load balancers (name, DNS name, state), listeners (port) and targets (address and health) agree. A target
/// the view calls `unused` (its group forwarded to by no load balancer, or its instance terminated) is
/// derived there without an event, so only its presence is compared.
fn assert_load_balancing_agrees(scene: &Scene, view: &View) {
    let lb = &scene.load_balancing;
    let mut v: Vec<_> = view.load_balancers.iter().map(|l| (l.arn.clone(), l.name.clone(), l.dns_name.clone(), l.state.clone())).collect();
    let mut s: Vec<_> = lb.load_balancers.iter().map(|l| (l.arn.clone(), l.name.clone(), l.dns_name.clone(), l.state.clone())).collect();
    v.sort();
    s.sort();
    assert_eq!(s, v, "load balancers");
    let mut v: Vec<_> =
        view.load_balancers.iter().flat_map(|l| l.listeners.iter().map(|x| (l.arn.clone(), x.arn.clone(), x.port))).collect();
    let mut s: Vec<_> = lb.listeners.iter().map(|x| (x.load_balancer_arn.clone(), x.arn.clone(), x.port)).collect();
    v.sort();
    s.sort();
    assert_eq!(s, v, "listeners");
    let health = |state: &str, reason: Option<String>| if state == "unused" { None } else { Some((state.to_string(), reason)) };
    let mut v: Vec<_> = view
        .target_groups
        .iter()
        .flat_map(|g| g.targets.iter().map(|t| (g.arn.clone(), t.id.clone(), t.port, health(&t.state, t.reason.clone()))))
        .collect();
    let mut s: Vec<_> = lb
        .targets
        .iter()
        .map(|t| {
            let unused = v.iter().any(|(g, id, p, h)| g == &t.target_group_arn && id == &t.id && *p == t.port && h.is_none());
            let h = if unused { None } else { Some((t.state.clone(), t.reason.clone())) };
            (t.target_group_arn.clone(), t.id.clone(), t.port, h)
        })
        .collect();
    v.sort();
    s.sort();
    assert_eq!(s, v, "targets and their health");
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn the_scene_of_the_first_lessons_solution_agrees_with_the_view() {
    let (sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let scene = Scene::from_events(sb.events());
    assert_agrees(&scene, &sb.view());
    let demo = &scene.clusters[0];
    assert_eq!(demo.container_instances.len(), 2);
    assert_eq!(demo.tasks.len(), 1);
    assert_eq!(demo.tasks[0].last_status, "RUNNING");
}

#[test]
fn the_scene_agrees_after_every_command_of_a_longer_story() {
    let l = first_lesson();
    let mut sb = Sandbox::new(l.seed);
    let mut ws = l.workspace();
    ws.put("nodata.sh", "#!/bin/bash\necho hello\n");
    let mut script: Vec<String> = l.solution.clone();
    script.extend(
        [
            // An instance without a profile never registers; one with a cluster that does not exist waits.
            "aws ec2 run-instances --image-id $AMI --instance-type t3.micro --query 'Instances[0].InstanceId' --output text",
            "aws ec2 run-instances --image-id $AMI --instance-type t3.micro --iam-instance-profile Name=ecsInstanceRole --user-data file://nodata.sh",
            "sleep 40",
            "aws ecs run-task --cluster demo --task-definition web --count 6",
            "sleep 5",
            "aws ecs run-task --cluster demo --task-definition web --count 10",
            "aws ecs stop-task --cluster demo --task $TASK",
            "sleep 3",
            "FIRST=$(aws ec2 describe-instances --query 'Reservations[0].Instances[0].InstanceId' --output text)",
            "aws ec2 terminate-instances --instance-ids $FIRST",
            "sleep 30",
            "aws ecs create-cluster --cluster-name spare",
            "aws ecs delete-cluster --cluster spare",
        ]
        .map(String::from),
    );
    let mut anim = Animation::default();
    for line in &script {
        let out = sb.execute(line, &mut ws);
        anim.enqueue(&out.events);
        anim.finish();
        assert!(anim.is_idle());
        assert_agrees(anim.scene(), &sb.view());
        assert_eq!(**anim.scene(), Scene::from_events(sb.events()), "after {line}");
        let _ = layout(anim.scene(), &details(&sb));
    }
    let scene = anim.scene();
    assert!(scene.unregistered().count() >= 2, "{:#?}", scene.instances);
    assert!(scene.clusters.iter().any(|c| !c.failures.is_empty()), "a placement failed");
    assert!(scene.instances.iter().any(|i| i.state == "terminated"), "an instance was terminated");
    assert!(scene.clusters[0].container_instances.iter().any(|ci| !ci.active), "its container instance left");
    assert!(scene.clusters[0].tasks.iter().any(|t| t.last_status == "STOPPED"), "a task stopped");
    assert!(scene.clusters.iter().any(|c| c.name == "spare" && !c.active), "a cluster was deleted");
    assert!(scene.instances.iter().any(|i| matches!(i.agent, AgentState::CannotRegister { .. })), "an agent cannot register");
}

#[test]
fn steps_play_in_order_with_their_declared_durations() {
    let (sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let events = sb.events();
    let mut anim = Animation::default();
    anim.enqueue(events);
    assert_eq!(anim.delay_ms(), Some(0), "a queued step starts at once");
    let mut played = 0;
    while anim.advance() {
        played += 1;
        let step = anim.current().expect("a step is on screen");
        assert_eq!(step.event.seq, events[played - 1].seq, "in log order");
        assert_eq!(anim.delay_ms(), Some(step.duration_ms));
        assert_eq!(anim.scene().last_seq, Some(step.event.seq));
    }
    assert_eq!(played, events.len());
    assert!(anim.is_idle());
    assert_eq!(anim.delay_ms(), None);
    assert_eq!(**anim.scene(), Scene::from_events(events));
}

#[test]
fn speed_scales_durations_and_pause_stops_the_clock() {
    let (sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let placed = sb.events().iter().find(|e| matches!(e.kind, ecs_sim::EventKind::TaskPlaced { .. })).unwrap();
    let mut anim = Animation::default();
    anim.enqueue(std::slice::from_ref(placed));
    anim.advance();
    assert_eq!(anim.delay_ms(), Some(crate::tuning::TASK_PLACED_MS));
    anim.set_speed_index(4);
    assert_eq!(anim.delay_ms(), Some(crate::tuning::TASK_PLACED_MS / 4));
    anim.set_speed_index(0);
    assert_eq!(anim.delay_ms(), Some(crate::tuning::TASK_PLACED_MS * 4));
    anim.paused = true;
    assert_eq!(anim.delay_ms(), None);
}

#[test]
fn a_placed_chip_starts_at_the_scheduler_badge_and_sits_inside_its_instance() {
    let (sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let l = layout(&Scene::from_events(sb.events()), &details(&sb));
    let cluster = &l.clusters[0];
    let card = cluster.zones.iter().flat_map(|z| &z.cards).find(|c| !c.chips.is_empty()).expect("a card with a chip");
    let chip = &card.chips[0];
    assert!(chip.rect.x >= card.rect.x && chip.rect.x + chip.rect.w <= card.rect.x + card.rect.w);
    assert!(chip.rect.y >= card.rect.y && chip.rect.y + chip.rect.h <= card.rect.y + card.rect.h);
    assert_eq!(chip.rect.x + chip.rect.w / 2 + chip.from_dx, cluster.origin.0);
    assert_eq!(chip.rect.y + chip.rect.h / 2 + chip.from_dy, cluster.origin.1);
    // Zones are columns side by side, every card inside its cluster.
    for z in &cluster.zones {
        for c in &z.cards {
            assert!(c.rect.x >= z.rect.x && c.rect.x + c.rect.w <= z.rect.x + z.rect.w);
            assert!(c.rect.y + c.rect.h <= cluster.rect.y + cluster.rect.h);
        }
    }
    assert!(l.width > 0 && l.height >= cluster.rect.h);
}

#[test]
fn an_empty_cluster_still_draws_every_zone_of_its_region() {
    let mut sb = Sandbox::new(3);
    let mut ws = MemoryWorkspace::new();
    sb.execute("aws ecs create-cluster --cluster-name a", &mut ws);
    let scene = Scene::from_events(sb.events());
    let without = layout(&scene, &Details::default());
    assert_eq!(without.clusters.len(), 1);
    assert!(without.clusters[0].zones.is_empty(), "no zone known, none drawn");
    let l = layout(&scene, &details(&sb));
    let c = &l.clusters[0];
    assert!(c.no_instances);
    assert_eq!(c.zones.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(), ["us-east-1a", "us-east-1b", "us-east-1c"]);
    assert!(c.zones.iter().all(|z| z.cards.is_empty() && z.empty_note_y.is_some() && z.lane.is_none()));
}

#[test]
fn every_zone_is_a_column_and_ports_show_on_chips_and_cards() {
    let (sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let l = layout(&Scene::from_events(sb.events()), &details(&sb));
    let c = &l.clusters[0];
    assert_eq!(c.zones.len(), 3, "us-east-1a, b and c, though the two instances are in two of them");
    let empty: Vec<_> = c.zones.iter().filter(|z| z.cards.is_empty()).collect();
    assert_eq!(empty.len(), 1);
    assert!(empty[0].empty_note_y.is_some());
    for (i, z) in c.zones.iter().enumerate() {
        assert_eq!(z.rect.x, i32::try_from(i).unwrap() * layout::COLUMN_W, "side by side");
        assert_eq!(z.rect.h, c.zones[0].rect.h, "same height");
    }
    // The web task maps container port 80 to a dynamic host port of its instance.
    let task = sb.view().clusters[0].tasks[0].clone();
    let host = task.host_ports[0].host_port;
    assert!((32768..=60999).contains(&host), "{host}");
    let chip = c.chips().next().expect("the web chip");
    assert_eq!(chip.ports, vec![format!(":{host}→80")]);
    assert_eq!(chip.detail.as_deref(), Some(format!(":{host}→80").as_str()));
    assert_eq!(chip.rect.h, layout::CHIP_H2, "two lines: the ports on the second");
    let card = c.cards().find(|k| !k.chips.is_empty()).unwrap();
    assert_eq!(card.ports.reserved, ecs_sim::agent::ecs_config::DEFAULT_RESERVED_PORTS.len());
    assert_eq!(card.ports.by_tasks, 1);
    assert_eq!(card.ports.summary(), "5 reserved · 1 in use");
    assert_eq!(card.ports.dynamic_range, (32768, 60999));
    let idle = c.cards().find(|k| k.chips.is_empty()).unwrap();
    assert_eq!(idle.ports.by_tasks, 0);
    assert!(card.rect.h > idle.rect.h);
}

#[test]
fn fargate_tasks_are_enis_in_a_lane_of_their_zone() {
    let (mut sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let mut ws = first_lesson().workspace();
    ws.put("api.json", r#"{"family": "api", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
        "containerDefinitions": [{"name": "api", "image": "public.ecr.aws/nginx/nginx:1.27", "portMappings": [{"containerPort": 80}]}]}"#);
    for line in [
        "aws ecs register-task-definition --cli-input-json file://api.json",
        "SUBNETS=$(aws ec2 describe-subnets --query 'join(`,`, Subnets[].SubnetId)' --output text)",
        "aws ecs run-task --cluster demo --task-definition api --launch-type FARGATE --count 3 --network-configuration \"awsvpcConfiguration={subnets=[$SUBNETS],assignPublicIp=ENABLED}\"",
        "sleep 30",
    ] {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    }
    let scene = Scene::from_events(sb.events());
    assert_agrees(&scene, &sb.view());
    let l = layout(&scene, &details(&sb));
    let c = &l.clusters[0];
    assert_eq!(c.fargate_tasks, 3);
    let view = sb.view();
    for z in &c.zones {
        let lane = z.lane.as_ref().expect("every zone has a Fargate lane");
        assert_eq!(lane.chips.len(), 1, "spread over the three zones");
        let chip = &lane.chips[0];
        let t = view.clusters[0].tasks.iter().find(|t| t.id == chip.task.id).unwrap();
        assert_eq!(t.launch_type, "FARGATE");
        // With a public IP the task reaches public.ecr.aws and runs (§1.4: assignPublicIp defaults to DISABLED; §3.3: without a route the pull fails).
        assert_eq!(t.last_status, "RUNNING");
        assert_eq!(chip.task.availability_zone, z.name);
        let eni = chip.eni.as_ref().expect("an ENI");
        assert_eq!(Some(&eni.private_ip), t.private_ip.as_ref());
        assert_eq!(Some(&eni.subnet_id), t.subnet_id.as_ref());
        assert!(eni.id.starts_with("eni-"), "{}", eni.id);
        assert_eq!(lane.subnet.as_ref(), t.subnet_id.as_ref());
        assert!(chip.detail.as_deref().unwrap().starts_with(&format!("ENI {} · subnet-", eni.private_ip)));
        // The lane sits under the zone's cards, inside the zone.
        assert!(z.cards.iter().all(|k| k.rect.y + k.rect.h <= lane.rect.y));
        assert!(lane.rect.y + lane.rect.h <= z.rect.y + z.rect.h);
        assert!(chip.rect.y >= lane.rect.y + layout::LANE_HEADER && chip.rect.y + chip.rect.h <= lane.rect.y + lane.rect.h);
    }
}

#[test]
fn a_failed_run_task_is_one_failure_with_every_instances_reason() {
    let l = lesson_named("placement-constraints");
    let (sb, _) = l.start().expect("the lesson starts");
    let scene = Scene::from_events(sb.events());
    let shop = scene.clusters.iter().find(|c| c.name == "shop").unwrap();
    assert_eq!(shop.failures.len(), 1, "{:?}", shop.failures);
    let f = &shop.failures[0];
    assert_eq!(f.family, "reports");
    assert_eq!(f.reasons, vec![("MemberOf placement constraint unsatisfied.".to_string(), 4)]);
    assert_eq!(f.summary(), "MemberOf placement constraint unsatisfied. (4 of 4 instances)");
    // A second call is a second failure, even at the same virtual time.
    let mut sb = sb;
    let mut ws = l.workspace();
    sb.execute("aws ecs run-task --cluster shop --task-definition reports", &mut ws);
    let scene = Scene::from_events(sb.events());
    let shop = scene.clusters.iter().find(|c| c.name == "shop").unwrap();
    assert_eq!(shop.failures.len(), 2);
    let lay = layout(&scene, &details(&sb));
    assert_eq!(lay.clusters.iter().find(|c| c.name == "shop").unwrap().failures.len(), 2);
    assert!(shop.failures.iter().all(|f| !f.resolved));
    // The lesson's fix: once a reports task is placed, its earlier failures are marked resolved.
    for line in &l.solution[2..4] {
        assert_eq!(sb.execute(line, &mut ws).exit_code, 0, "{line}");
    }
    let scene = Scene::from_events(sb.events());
    let shop = scene.clusters.iter().find(|c| c.name == "shop").unwrap();
    assert_eq!(shop.failures.len(), 2);
    assert!(shop.failures.iter().all(|f| f.resolved));
}

#[test]
fn draining_and_disconnected_instances_are_flagged() {
    let (mut sb, _) = lesson::run_solution(&first_lesson()).expect("the solution runs");
    let mut ws = first_lesson().workspace();
    let view = sb.view();
    let cis = &view.clusters[0].container_instances;
    let (a, b) = (cis[0].id.clone(), cis[1].ec2_instance_id.clone());
    for line in [
        format!("aws ecs update-container-instances-state --cluster demo --container-instances {a} --status DRAINING"),
        format!("sandbox disconnect-agent {b}"),
    ] {
        let out = sb.execute(&line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    }
    let l = layout(&Scene::from_events(sb.events()), &details(&sb));
    let cards: Vec<_> = l.clusters[0].cards().collect();
    let drained = cards.iter().find(|c| c.instance.id == a).unwrap();
    assert!(drained.flags.contains(&Flag::Draining), "{:?}", drained.flags);
    let cut = cards.iter().find(|c| c.instance.ec2_instance_id == b).unwrap();
    assert_eq!(cut.flags, vec![Flag::AgentDisconnected]);
    assert_eq!(cut.bars_top, layout::CARD_HEADER + layout::FLAG_ROW, "the flags take a row");
}
