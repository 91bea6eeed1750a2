//! Lessons 11–13 (issue 7) in the scene, as the page plays them: after every command the scene agrees with
//! the view. Lesson 12's tasks wait in PROVISIONING for the capacity provider's instances (ecs-facts §3.5):
//! they are drawn in a column of their own, not as Fargate tasks, and each moves onto the instance that
//! came for it.

use super::animation::Animation;
use super::details::Details;
use super::layout::layout;
use super::tests::assert_agrees;
use super::tests_lessons::play;
use ecs_sim::lesson;

#[test]
fn lessons_11_and_13_agree_with_the_view_after_every_command() {
    play("target-tracking");
    let p = play("fargate-spot");
    let spot = p.anim.scene().clusters.iter().find(|c| c.name == "spot").expect("cluster spot");
    assert!(spot.tasks.iter().all(|t| t.is_fargate()), "every task of lesson 13 runs on Fargate or Fargate Spot");
    // The running chips say which are Spot: 6 of the 10 (base 2 on FARGATE, then 1:3).
    let drawn = layout(p.anim.scene(), &Details::new(&p.sb.view(), p.sb.world()));
    let cluster = drawn.clusters.iter().find(|c| c.name == "spot").expect("cluster spot");
    let running: Vec<_> = cluster.chips().filter(|c| c.task.last_status == "RUNNING").collect();
    assert_eq!(running.len(), 10);
    assert_eq!(running.iter().filter(|c| c.spot).count(), 6);
    assert!(running.iter().filter(|c| c.spot).all(|c| c.detail.as_deref().is_some_and(|d| d.starts_with("FARGATE_SPOT · ENI "))));
}

#[test]
fn lesson_12_draws_tasks_waiting_for_capacity_apart_then_on_the_instances_that_came() {
    let l = lesson::builtin().into_iter().find(|l| l.id == "capacity-provider").expect("lesson 12 ships");
    let (mut sb, mut ws) = l.start().expect("the setup runs");
    let mut anim = Animation::settled(sb.events());
    let create_service = l.solution.iter().position(|s| s.contains("create-service")).expect("the solution creates the service");
    for (i, line) in l.solution.iter().enumerate() {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
        anim.enqueue(&out.events);
        while anim.advance() {}
        assert_agrees(anim.scene(), &sb.view());
        let drawn = layout(anim.scene(), &Details::new(&sb.view(), sb.world()));
        let batch = drawn.clusters.iter().find(|c| c.name == "batch").expect("cluster batch");
        assert_eq!(batch.fargate_tasks, 0, "after {line}: no task of batch is a Fargate task");
        assert!(batch.zones.iter().filter(|z| !z.is_awaiting()).all(|z| !z.name.is_empty()), "after {line}: no zone without a name");
        if i == create_service {
            // The group has no instance yet: all four tasks wait, in the last column, named by their provider.
            assert_eq!(batch.awaiting_tasks, 4, "{:?}", anim.scene().clusters);
            let column = batch.zones.last().expect("columns");
            assert!(column.is_awaiting(), "{:?}", batch.zones.iter().map(|z| &z.name).collect::<Vec<_>>());
            let lane = column.lane.as_ref().expect("the waiting lane");
            assert_eq!(lane.awaiting, ["batch-cp"]);
            assert_eq!(lane.chips.len(), 4);
            assert!(lane.chips.iter().all(|c| c.task.last_status == "PROVISIONING"));
        }
        if i > create_service {
            assert_eq!(batch.awaiting_tasks, 0, "after {line}: every task found an instance");
            assert!(batch.zones.iter().all(|z| !z.is_awaiting()), "after {line}: the waiting column is gone");
        }
    }
    // Every task of the service was placed on an instance of the group, once each, with its latest status.
    let c = anim.scene().clusters.iter().find(|c| c.name == "batch").expect("cluster batch");
    let mut ids: Vec<&str> = c.tasks.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), c.tasks.len(), "one node per task");
    assert!(c.tasks.iter().all(|t| t.container_instance_id.is_some() && t.awaiting_capacity.is_none()));
    assert_eq!(c.tasks.iter().filter(|t| t.last_status == "RUNNING").count(), 1, "jobs runs 1 task");
}
