//! The service scheduler over virtual time (issue 6, ecs-facts.md §3): rolling deployments stay within
//! minimumHealthyPercent and maximumPercent at every second, and the circuit breaker stops and rolls back a
//! deployment whose tasks cannot start.

use ecs_sim::clock::SimDuration;
use ecs_sim::world::ecs::TaskStatus;
use ecs_sim::{MemoryWorkspace, Sandbox};

const TD: &str = r#"{"family": "web", "containerDefinitions": [{"name": "nginx", "image": "public.ecr.aws/nginx/nginx:IMAGE_TAG",
    "memory": 256, "cpu": 256, "portMappings": [{"containerPort": 80}]}]}"#;

fn run(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    out.stdout()
}

/// A cluster of three instances with service `web` (desired `desired`) steady on revision 1.
fn steady_service(desired: u32) -> (Sandbox, MemoryWorkspace) {
    let mut sb = Sandbox::new(7);
    let mut ws = MemoryWorkspace::default();
    ws.put("ud.sh", "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n");
    ws.put("v1.json", &TD.replace("IMAGE_TAG", "1.27"));
    ws.put("v2.json", &TD.replace("IMAGE_TAG", "1.27-alpine"));
    ws.put("broken.json", &TD.replace("IMAGE_TAG", "9.99-missing"));
    for line in [
        "aws ecs create-cluster --cluster-name demo",
        "aws ec2 run-instances --image-id $(aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameter.Value --output text) --instance-type m5.xlarge --count 3 --iam-instance-profile Name=ecsInstanceRole --user-data file://ud.sh",
        "sleep 30",
        "aws ecs register-task-definition --cli-input-json file://v1.json",
        &format!("aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count {desired}"),
        "sleep 120",
    ] {
        run(&mut sb, &mut ws, line);
    }
    (sb, ws)
}

/// (tasks meant to run: RUNNING or starting; RUNNING for 40 s or more, §3.2's healthy)
fn counts(sb: &Sandbox) -> (usize, usize) {
    let now = sb.now();
    let c = &sb.world().region("us-east-1").unwrap().ecs.clusters["demo"];
    let live: Vec<_> = c.tasks.values().filter(|t| t.group == "service:web" && t.desired_status == TaskStatus::Running).collect();
    let healthy = live
        .iter()
        .filter(|t| t.last_status == TaskStatus::Running && t.started_at.is_some_and(|s| now - s >= SimDuration::secs(40)))
        .count();
    (live.len(), healthy)
}

fn rollout(min: u32, max: u32, desired: u32) {
    let (mut sb, mut ws) = steady_service(desired);
    assert_eq!(counts(&sb), (desired as usize, desired as usize), "steady before the update");
    run(&mut sb, &mut ws, "aws ecs register-task-definition --cli-input-json file://v2.json");
    run(
        &mut sb,
        &mut ws,
        &format!("aws ecs update-service --cluster demo --service web --task-definition web:2 --deployment-configuration maximumPercent={max},minimumHealthyPercent={min}"),
    );
    let ceiling = (desired * max / 100) as usize;
    let floor = (desired * min).div_ceil(100) as usize;
    let mut done = false;
    for second in 0..900 {
        sb.advance(SimDuration::secs(1));
        let (live, healthy) = counts(&sb);
        assert!(live <= ceiling, "min {min} max {max}: {live} tasks > {ceiling} at +{second}s");
        assert!(healthy >= floor, "min {min} max {max}: {healthy} healthy < {floor} at +{second}s");
        let out = sb.execute("aws ecs describe-services --cluster demo --services web --query 'services[0].deployments[0].rolloutState' --output text", &mut ws);
        if out.stdout().trim() == "COMPLETED" {
            done = true;
            break;
        }
    }
    assert!(done, "min {min} max {max}: the deployment completed within 15 minutes");
    let revs = run(&mut sb, &mut ws, "aws ecs describe-tasks --cluster demo --tasks $(aws ecs list-tasks --cluster demo --service-name web --query taskArns --output text) --query 'tasks[].taskDefinitionArn' --output text");
    assert_eq!(revs.split_whitespace().filter(|a| a.ends_with("web:2")).count(), desired as usize, "{revs}");
}

#[test]
fn a_rolling_deployment_never_drops_below_minimum_healthy_percent_nor_exceeds_maximum_percent_3_2() {
    rollout(100, 200, 4);
    rollout(50, 100, 4);
    rollout(50, 150, 3);
    rollout(0, 100, 2);
}

#[test]
fn the_circuit_breaker_fails_a_deployment_whose_tasks_cannot_start_and_rolls_back_3_2() {
    let (mut sb, mut ws) = steady_service(2);
    run(&mut sb, &mut ws, "aws ecs register-task-definition --cli-input-json file://broken.json");
    run(
        &mut sb,
        &mut ws,
        "aws ecs update-service --cluster demo --service web --task-definition web:2 --deployment-configuration 'deploymentCircuitBreaker={enable=true,rollback=true}'",
    );
    sb.advance(SimDuration::minutes(30));
    let out = run(&mut sb, &mut ws, "aws ecs describe-services --cluster demo --services web --query 'services[0].{td: taskDefinition, running: runningCount, events: events[].message}'");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["td"].as_str().unwrap().ends_with("web:1"), "rolled back to revision 1: {out}");
    assert_eq!(v["running"], 2, "{out}");
    let events: Vec<&str> = v["events"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    let failed = events.iter().filter(|e| e.ends_with("deployment failed: tasks failed to start.")).count();
    assert_eq!(failed, 1, "{events:#?}");
    assert!(events.iter().any(|e| e.starts_with("(service web) rolling back to deployment ecs-svc/")), "{events:#?}");
    assert!(events.iter().any(|e| e.contains("Reason: CannotPullContainerError")), "{events:#?}");
    // The old revision's tasks kept serving throughout: never below the floor of 2.
    assert_eq!(counts(&sb).1, 2);
}

#[test]
fn without_the_circuit_breaker_a_broken_deployment_is_throttled_3_3() {
    let (mut sb, mut ws) = steady_service(2);
    run(&mut sb, &mut ws, "aws ecs register-task-definition --cli-input-json file://broken.json");
    run(&mut sb, &mut ws, "aws ecs update-service --cluster demo --service web --task-definition web:2");
    sb.advance(SimDuration::minutes(30));
    let out = run(&mut sb, &mut ws, "aws ecs describe-services --cluster demo --services web --query 'services[0].[deployments[0].failedTasks, length(events[?contains(message, `unable to consistently start tasks`)])]' --output text");
    let nums: Vec<u32> = out.split_whitespace().map(|n| n.parse().unwrap()).collect();
    // With a 15-minute ceiling between attempts, half an hour holds only a handful of failures, not 180.
    assert!(nums[0] >= 3 && nums[0] <= 12, "failed tasks {}: {out}", nums[0]);
    assert_eq!(nums[1], 1, "{out}");
    assert_eq!(counts(&sb).1, 2, "the old tasks keep running");
}

/// `sandbox load` (issue 6, "Traffic"): the requests are spread over the service's tasks and show as the
/// service's request count and CPU utilisation (the scaling issue's input), which fall back when it ends.
#[test]
fn load_through_the_alb_shows_as_the_services_requests_and_cpu() {
    let lesson = ecs_sim::lesson::builtin().into_iter().find(|l| l.id == "alb-dynamic-ports").expect("lesson 8");
    let (mut sb, _) = ecs_sim::lesson::run_solution(&lesson).expect("the solution runs");
    let mut ws = lesson.workspace();
    run(&mut sb, &mut ws, "sandbox load http://$DNS/ --rps 100 --for 2m");
    run(&mut sb, &mut ws, "sleep 30");
    let view = sb.view();
    let svc = &view.clusters.iter().find(|c| c.name == "shop").unwrap().services[0];
    assert_eq!(svc.running_count, 4);
    // 100 requests a second over 4 tasks: 25 each, 2 CPU units a request plus 5 idle, of 256 reserved.
    let expected = ((25.0 * 2.0 + 5.0) / 256.0 * 100.0 * 10.0_f64).round() / 10.0;
    assert_eq!(svc.cpu_utilization, expected, "{svc:?}");
    assert_eq!(svc.requests_served, 3000, "three 10-second batches of 1,000");
    run(&mut sb, &mut ws, "sleep 3m");
    let view = sb.view();
    let svc = &view.clusters.iter().find(|c| c.name == "shop").unwrap().services[0];
    assert_eq!(svc.requests_served, 12_000, "two minutes of 100 requests a second");
    assert_eq!(svc.cpu_utilization, ((5.0 / 256.0 * 100.0 * 10.0_f64).round() / 10.0), "idle again");
}
