//! Capacity provider strategies and Fargate Spot (issue 7 part 3; ecs-facts.md §3.5, §3.1): the base-then-
//! weights split, AWS's validation errors, Spot interruptions replaced by the service scheduler, and bad input
//! that never panics.

use ecs_sim::clock::SimDuration;
use ecs_sim::events::EventKind;
use ecs_sim::world::ecs::TaskStatus;
use ecs_sim::{MemoryWorkspace, Sandbox};

const TD: &str = r#"{"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
    "containerDefinitions": [{"name": "web", "image": "public.ecr.aws/nginx/nginx:1.27", "portMappings": [{"containerPort": 80}]}]}"#;

fn run(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    out.stdout()
}

/// The error text of a command that must fail.
fn fails(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_ne!(out.exit_code, 0, "{line} should fail: {}", out.stdout());
    out.stderr()
}

/// A cluster `spot` with FARGATE and FARGATE_SPOT and task definition `web`; `$NET` holds a network config.
fn cluster() -> (Sandbox, MemoryWorkspace) {
    let mut sb = Sandbox::new(3);
    let mut ws = MemoryWorkspace::default();
    ws.put("web.json", TD);
    for line in [
        "aws ecs create-cluster --cluster-name spot --capacity-providers FARGATE FARGATE_SPOT",
        "aws ecs register-task-definition --cli-input-json file://web.json",
        "SUBNETS=$(aws ec2 describe-subnets --query 'join(`,`, Subnets[].SubnetId)' --output text)",
        "NET=\"awsvpcConfiguration={subnets=[$SUBNETS],assignPublicIp=ENABLED}\"",
    ] {
        run(&mut sb, &mut ws, line);
    }
    (sb, ws)
}

/// The service `web` with base 2 on FARGATE and FARGATE:1 / FARGATE_SPOT:3, steady.
fn service(desired: u32) -> (Sandbox, MemoryWorkspace) {
    let (mut sb, mut ws) = cluster();
    run(
        &mut sb,
        &mut ws,
        &format!("aws ecs create-service --cluster spot --service-name web --task-definition web --desired-count {desired} --capacity-provider-strategy capacityProvider=FARGATE,base=2,weight=1 capacityProvider=FARGATE_SPOT,weight=3 --network-configuration \"$NET\""),
    );
    run(&mut sb, &mut ws, "aws ecs wait services-stable --cluster spot --services web");
    (sb, ws)
}

/// (FARGATE, FARGATE_SPOT) tasks of the service meant to run.
fn split(sb: &Sandbox) -> (usize, usize) {
    let c = &sb.world().region("us-east-1").unwrap().ecs.clusters["spot"];
    let live = |p: &str| {
        c.tasks
            .values()
            .filter(|t| t.group == "service:web" && t.desired_status == TaskStatus::Running && t.capacity_provider_name.as_deref() == Some(p))
            .count()
    };
    (live("FARGATE"), live("FARGATE_SPOT"))
}

#[test]
fn a_service_puts_its_base_on_fargate_then_splits_one_to_three_3_5() {
    let (sb, _) = service(10);
    assert_eq!(split(&sb), (4, 6), "2 base + 8 split 1:3");
    let (sb, _) = service(2);
    assert_eq!(split(&sb), (2, 0), "the base comes first");
    let (sb, _) = service(6);
    assert_eq!(split(&sb), (3, 3), "2 base, then 4 split 1:3");
}

#[test]
fn describe_shows_the_strategy_and_each_tasks_provider_3_5() {
    let (mut sb, mut ws) = service(3);
    let s = run(&mut sb, &mut ws, "aws ecs describe-services --cluster spot --services web --query 'services[0].capacityProviderStrategy[0]' --output text");
    assert_eq!(s.trim(), "2\tFARGATE\t1");
    let lt = sb.execute("aws ecs describe-services --cluster spot --services web --query 'services[0].launchType'", &mut ws).stdout();
    assert_eq!(lt.trim(), "null", "a service on a strategy has no launchType");
    let names = run(
        &mut sb,
        &mut ws,
        "aws ecs describe-tasks --cluster spot --tasks $(aws ecs list-tasks --cluster spot --query taskArns --output text) --query 'sort(tasks[].capacityProviderName)' --output text",
    );
    assert_eq!(names.trim(), "FARGATE\tFARGATE\tFARGATE_SPOT");
    let view = sb.view();
    let cv = view.clusters.iter().find(|c| c.name == "spot").unwrap();
    assert_eq!(cv.capacity_providers, vec!["FARGATE", "FARGATE_SPOT"]);
    let sv = cv.services.iter().find(|s| s.name == "web").unwrap();
    assert_eq!(sv.capacity_provider_strategy[0].capacity_provider, "FARGATE");
    assert_eq!((sv.capacity_provider_strategy[0].base, sv.capacity_provider_strategy[1].weight), (2, 3));
    assert_eq!(cv.tasks.iter().filter(|t| t.capacity_provider_name.as_deref() == Some("FARGATE_SPOT")).count(), 1);
}

#[test]
fn strategies_are_checked_with_aws_errors_3_1_3_5() {
    let (mut sb, mut ws) = cluster();
    let base = "aws ecs run-task --cluster spot --task-definition web --network-configuration \"$NET\"";
    let cases = [
        ("--launch-type FARGATE --capacity-provider-strategy capacityProvider=FARGATE,weight=1", "Specify either Launch Type or Capacity Provider Strategy, but not both."),
        ("--capacity-provider-strategy capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,base=1,weight=1", "Only one capacity provider in a capacity provider strategy can have a base"),
        ("--capacity-provider-strategy capacityProvider=FARGATE,weight=0 capacityProvider=FARGATE_SPOT,weight=0", "There are no capacity providers with a weight value greater than zero"),
        ("--capacity-provider-strategy capacityProvider=FARGATE,weight=1001", "must be between 0 and 1000"),
        ("--capacity-provider-strategy capacityProvider=FARGATE,base=100001,weight=1", "must be between 0 and 100000"),
        ("--capacity-provider-strategy capacityProvider=other,weight=1", "cannot contain a capacity provider that is not associated with the cluster"),
    ];
    for (args, want) in cases {
        let err = fails(&mut sb, &mut ws, &format!("{base} {args}"));
        assert!(err.contains(want), "{args}: {err}");
    }
    let many: Vec<String> = (0..21).map(|i| format!("capacityProvider=p{i},weight=1")).collect();
    let err = fails(&mut sb, &mut ws, &format!("{base} --capacity-provider-strategy {}", many.join(" ")));
    assert!(err.contains("at most 20"), "{err}");
}

#[test]
fn cluster_associations_are_checked_and_in_use_providers_stay_3_5() {
    let (mut sb, mut ws) = service(4);
    let err = fails(&mut sb, &mut ws, "aws ecs put-cluster-capacity-providers --cluster spot --capacity-providers FARGATE nope --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1");
    assert!(err.contains("The specified capacity provider does not exist. Specify a valid name or ARN and try again."), "{err}");
    let err = fails(&mut sb, &mut ws, "aws ecs put-cluster-capacity-providers --cluster spot --capacity-providers FARGATE --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1");
    assert!(err.contains("(ResourceInUseException)") && err.contains("The specified capacity provider is in use and cannot be removed."), "{err}");
    let err = fails(&mut sb, &mut ws, "aws ecs put-cluster-capacity-providers --cluster spot --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=0");
    assert!(err.contains("in the default capacity provider strategy"), "{err}");
    let out = run(&mut sb, &mut ws, "aws ecs put-cluster-capacity-providers --cluster spot --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1 --query 'cluster.defaultCapacityProviderStrategy[0].capacityProvider' --output text");
    assert_eq!(out.trim(), "FARGATE_SPOT");
    let p = run(&mut sb, &mut ws, "aws ecs run-task --cluster spot --task-definition web --network-configuration \"$NET\" --query 'tasks[0].capacityProviderName' --output text");
    assert_eq!(p.trim(), "FARGATE_SPOT", "neither launch type nor strategy: the cluster's default");
}

#[test]
fn a_cluster_without_a_default_strategy_keeps_the_launch_type_behaviour_3_1() {
    let mut sb = Sandbox::new(1);
    let mut ws = MemoryWorkspace::default();
    run(&mut sb, &mut ws, "aws ecs create-cluster --cluster-name plain");
    ws.put("web.json", TD);
    run(&mut sb, &mut ws, "aws ecs register-task-definition --cli-input-json file://web.json");
    let err = fails(&mut sb, &mut ws, "aws ecs run-task --cluster plain --task-definition web --network-configuration awsvpcConfiguration={subnets=[subnet-x]}");
    assert!(!err.contains("capacity provider"), "EC2 launch type as before: {err}");
}

#[test]
fn spot_interruptions_warn_stop_and_are_replaced_never_below_the_base_3_5() {
    let (mut sb, mut ws) = service(10);
    let before = sb.events().len();
    let out = run(&mut sb, &mut ws, "sandbox interrupt spot --all --cluster spot");
    assert_eq!(out.lines().count(), 6, "{out}");
    let warnings: Vec<_> = sb.events()[before..].iter().filter(|e| matches!(e.kind, EventKind::SpotInterruptionWarning { .. })).collect();
    assert_eq!(warnings.len(), 6);
    let c = &sb.world().region("us-east-1").unwrap().ecs.clusters["spot"];
    let warned: Vec<_> = c.tasks.values().filter(|t| t.stop_code.as_deref() == Some("TerminationNotice")).collect();
    assert_eq!(warned.len(), 6);
    assert!(warned.iter().all(|t| t.desired_status == TaskStatus::Stopped && t.stopped_reason.as_deref() == Some("Your Spot Task was interrupted.")));
    for _ in 0..180 {
        sb.advance(SimDuration::secs(1));
        assert!(split(&sb).0 >= 2, "never below the base on FARGATE");
    }
    assert_eq!(split(&sb), (4, 6), "replaced on FARGATE_SPOT, keeping the split");
    let c = &sb.world().region("us-east-1").unwrap().ecs.clusters["spot"];
    let stopped: Vec<_> = c.tasks.values().filter(|t| t.last_status == TaskStatus::Stopped).collect();
    assert_eq!(stopped.len(), 6);
    assert!(stopped.iter().all(|t| t.stop_code.as_deref() == Some("SpotInterruption") && t.capacity_provider_name.as_deref() == Some("FARGATE_SPOT")));
    let reclaimed = sb.events().iter().filter(|e| matches!(e.kind, EventKind::SpotCapacityReclaimed { .. })).count();
    assert_eq!(reclaimed, 6);
    let running = c.tasks.values().filter(|t| t.last_status == TaskStatus::Running).count();
    assert_eq!(running, 10);
}

#[test]
fn interrupting_what_is_not_spot_says_so() {
    let (mut sb, mut ws) = service(2);
    let err = fails(&mut sb, &mut ws, "sandbox interrupt spot --all");
    assert!(err.contains("no running FARGATE_SPOT task"), "{err}");
    let id = run(&mut sb, &mut ws, "aws ecs list-tasks --cluster spot --query 'taskArns[0]' --output text");
    let err = fails(&mut sb, &mut ws, &format!("sandbox interrupt spot {}", id.trim()));
    assert!(err.contains("is not a running FARGATE_SPOT task"), "{err}");
    let err = fails(&mut sb, &mut ws, "sandbox interrupt spot 0123");
    assert!(err.contains("no task 0123"), "{err}");
    let err = fails(&mut sb, &mut ws, "sandbox interrupt spot");
    assert!(err.contains("usage"), "{err}");
}

#[test]
fn bad_strategies_never_panic() {
    let (mut sb, mut ws) = cluster();
    for strategy in [
        "capacityProvider=FARGATE,weight=-1",
        "capacityProvider=FARGATE,base=-5,weight=1",
        "capacityProvider=FARGATE,weight=99999999999",
        "capacityProvider=,weight=1",
        "weight=1",
        "capacityProvider=FARGATE,weight=1 capacityProvider=FARGATE,weight=2",
        "'[{\"capacityProvider\": 7, \"weight\": \"x\"}]'",
        "'[]'",
    ] {
        for cmd in [
            format!("aws ecs run-task --cluster spot --task-definition web --network-configuration \"$NET\" --capacity-provider-strategy {strategy}"),
            format!("aws ecs create-service --cluster spot --service-name s --task-definition web --desired-count 1 --network-configuration \"$NET\" --capacity-provider-strategy {strategy}"),
            format!("aws ecs put-cluster-capacity-providers --cluster spot --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy {strategy}"),
        ] {
            let out = sb.execute(&cmd, &mut ws);
            if out.exit_code != 0 {
                assert!(!out.stderr().is_empty(), "{cmd}: a failure says why");
            }
        }
    }
}
