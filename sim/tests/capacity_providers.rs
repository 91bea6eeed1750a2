//! Auto Scaling group capacity providers and ECS managed scaling (ecs-facts.md §3.5) over virtual time:
//! CapacityProviderReservation values, scaling steps, instance warm-up, managed termination protection, and
//! malformed launch template / group / provider requests answered without a panic.

use ecs_sim::events::EventKind;
use ecs_sim::world::ecs::TaskStatus;
use ecs_sim::{MemoryWorkspace, Sandbox};

/// One vCPU and 1 GiB per task: two fit on a t3.medium (2048 CPU units).
const WORKER: &str = r#"{"family": "worker", "containerDefinitions": [{"name": "w", "image": "public.ecr.aws/docker/library/busybox:latest",
    "command": ["sleep", "infinity"], "cpu": 1024, "memory": 1024}]}"#;

/// base64 of "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n"
const USER_DATA: &str = "IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj1kZW1vID4+IC9ldGMvZWNzL2Vjcy5jb25maWcK";

fn run(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    out.stdout()
}

/// A cluster `demo`, a group `asg` (min 0, max `max`, desired 0) and a provider `cp` with the given managed
/// scaling (`k=v` pairs) and termination protection.
fn setup(max: u32, scaling: &str, protection: bool) -> (Sandbox, MemoryWorkspace) {
    let mut sb = Sandbox::new(3);
    let mut ws = MemoryWorkspace::default();
    ws.put("worker.json", WORKER);
    ws.put(
        "lt.json",
        &format!(r#"{{"ImageId": "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", "InstanceType": "t3.medium", "IamInstanceProfile": {{"Name": "ecsInstanceRole"}}, "UserData": "{USER_DATA}"}}"#),
    );
    let mtp = if protection { "ENABLED" } else { "DISABLED" };
    for line in [
        "aws ecs create-cluster --cluster-name demo".to_string(),
        "aws ec2 create-launch-template --launch-template-name ecs-lt --launch-template-data file://lt.json".into(),
        format!("aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=ecs-lt --min-size 0 --max-size {max} --vpc-zone-identifier $(aws ec2 describe-subnets --query 'join(`,`, Subnets[].SubnetId)' --output text) --new-instances-protected-from-scale-in"),
        format!("aws ecs create-capacity-provider --name cp --auto-scaling-group-provider \"autoScalingGroupArn=$(aws autoscaling describe-auto-scaling-groups --query 'AutoScalingGroups[0].AutoScalingGroupARN' --output text),managedScaling={{status=ENABLED,{scaling}}},managedTerminationProtection={mtp}\""),
        // The provider must be associated with the cluster before a strategy names it (§3.5).
        "aws ecs put-cluster-capacity-providers --cluster demo --capacity-providers cp --default-capacity-provider-strategy capacityProvider=cp,weight=1".into(),
        "aws ecs register-task-definition --cli-input-json file://worker.json".into(),
    ] {
        run(&mut sb, &mut ws, &line);
    }
    (sb, ws)
}

fn desired(sb: &Sandbox) -> u32 {
    sb.world().region("us-east-1").unwrap().autoscaling.groups["asg"].desired_capacity
}

fn reservation(sb: &Sandbox) -> Option<u32> {
    sb.world().region("us-east-1").unwrap().autoscaling.managed.get("cp").and_then(|m| m.reservation)
}

fn tasks_in(sb: &Sandbox, status: TaskStatus) -> usize {
    let c = &sb.world().region("us-east-1").unwrap().ecs.clusters["demo"];
    c.tasks.values().filter(|t| t.last_status == status && t.desired_status == TaskStatus::Running).count()
}

#[test]
fn reservation_is_200_with_no_instances_then_100_once_tasks_are_placed_3_5() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=100", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 3 --capacity-provider-strategy capacityProvider=cp,weight=1");
    assert_eq!(tasks_in(&sb, TaskStatus::Provisioning), 3, "no instance yet: the tasks wait in PROVISIONING");
    run(&mut sb, &mut ws, "sleep 60");
    assert_eq!(reservation(&sb), Some(200), "N = 0 with tasks waiting reads 200");
    assert_eq!(desired(&sb), 2, "three 1-vCPU tasks need two t3.medium instances (binpack)");
    run(&mut sb, &mut ws, "sleep 120");
    assert_eq!(tasks_in(&sb, TaskStatus::Running), 3);
    assert_eq!(reservation(&sb), Some(100), "M = N = 2");
}

#[test]
fn empty_instances_read_100_minus_their_number_and_go_after_15_minutes_3_5() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=100,instanceWarmupPeriod=0", true);
    run(&mut sb, &mut ws, "aws ecs create-service --cluster demo --service-name w --task-definition worker --desired-count 6 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 180");
    assert_eq!(desired(&sb), 3);
    assert_eq!(tasks_in(&sb, TaskStatus::Running), 6);
    // Stop every task: three empty instances.
    run(&mut sb, &mut ws, "aws ecs update-service --cluster demo --service w --desired-count 0");
    run(&mut sb, &mut ws, "sleep 120");
    assert_eq!(reservation(&sb), Some(97), "three empty instances read 100 - 3");
    let g = &sb.world().region("us-east-1").unwrap().autoscaling.groups["asg"];
    assert!(g.instances.iter().all(|i| !i.protected_from_scale_in), "ECS takes protection off empty instances");
    assert_eq!(desired(&sb), 3, "not yet 15 minutes below target");
    run(&mut sb, &mut ws, "sleep 840");
    assert_eq!(desired(&sb), 0, "after 15 minutes below target the empty instances go");
}

#[test]
fn a_target_below_100_keeps_spare_instances_3_5() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=50", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 1 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 180");
    // M = 1 instance for the task; target 50 asks for ceil(1 × 100 / 50) = 2: one spare.
    assert_eq!(desired(&sb), 2);
    run(&mut sb, &mut ws, "sleep 1200");
    assert_eq!(desired(&sb), 2, "a reading at target does not scale in");
    assert_eq!(reservation(&sb), Some(50));
}

#[test]
fn steps_are_bounded_by_the_maximum_scaling_step_size_3_5() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=100,maximumScalingStepSize=1", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 6 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 60");
    assert_eq!(desired(&sb), 1, "one instance per step");
    run(&mut sb, &mut ws, "sleep 60");
    assert_eq!(desired(&sb), 2);
    run(&mut sb, &mut ws, "sleep 240");
    assert_eq!(desired(&sb), 3, "three instances hold the six tasks; no more");
    assert_eq!(tasks_in(&sb, TaskStatus::Running), 6);
}

#[test]
fn minimum_step_size_launches_at_least_that_many_but_never_above_max_3_5() {
    let (mut sb, mut ws) = setup(4, "targetCapacity=100,minimumScalingStepSize=3", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 1 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 60");
    assert_eq!(desired(&sb), 3, "one instance needed, but the step is at least 3");
    let (mut sb, mut ws) = setup(2, "targetCapacity=100", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 10 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 300");
    assert_eq!(desired(&sb), 2, "never above the group's max");
    assert_eq!(tasks_in(&sb, TaskStatus::Running), 4);
    assert_eq!(tasks_in(&sb, TaskStatus::Provisioning), 6, "the rest keep waiting");
}

#[test]
fn instance_warmup_holds_back_scale_in_3_5() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=100,instanceWarmupPeriod=3600", true);
    run(&mut sb, &mut ws, "aws ecs create-service --cluster demo --service-name w --task-definition worker --desired-count 2 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 180");
    assert_eq!(desired(&sb), 1);
    run(&mut sb, &mut ws, "aws ecs update-service --cluster demo --service w --desired-count 0");
    run(&mut sb, &mut ws, "sleep 1200");
    assert_eq!(desired(&sb), 1, "the instance is still warming up");
    let warming = sb.events().iter().any(|e| matches!(&e.kind, EventKind::CapacityProviderDecision { decision, reason, .. } if decision == "waiting" && reason.contains("warming up")));
    assert!(warming, "the decision says why it waits");
    run(&mut sb, &mut ws, "sleep 2400");
    assert_eq!(desired(&sb), 0, "after the warm-up period the empty instance goes");
}

#[test]
fn managed_termination_protection_keeps_busy_instances_3_5() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=100", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 4 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 240");
    assert_eq!(tasks_in(&sb, TaskStatus::Running), 4);
    // A user lowers the desired capacity: every instance runs tasks and is protected, so none goes.
    run(&mut sb, &mut ws, "aws autoscaling set-desired-capacity --auto-scaling-group-name asg --desired-capacity 0");
    run(&mut sb, &mut ws, "sleep 30");
    let g = &sb.world().region("us-east-1").unwrap().autoscaling.groups["asg"];
    assert_eq!(g.instances.len(), 2, "protected instances stay");
    assert!(g.instances.iter().all(|i| i.protected_from_scale_in));
    assert_eq!(tasks_in(&sb, TaskStatus::Running), 4);
}

#[test]
fn termination_protection_needs_scale_in_protection_on_the_group_3_5() {
    let mut sb = Sandbox::new(1);
    let mut ws = MemoryWorkspace::default();
    ws.put("lt.json", r#"{"ImageId": "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", "InstanceType": "t3.medium"}"#);
    run(&mut sb, &mut ws, "aws ec2 create-launch-template --launch-template-name ecs-lt --launch-template-data file://lt.json");
    run(&mut sb, &mut ws, "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g --launch-template LaunchTemplateName=ecs-lt --min-size 0 --max-size 2 --availability-zones us-east-1a");
    let arn = run(&mut sb, &mut ws, "aws autoscaling describe-auto-scaling-groups --query 'AutoScalingGroups[0].AutoScalingGroupARN' --output text");
    let out = sb.execute(
        &format!("aws ecs create-capacity-provider --name p --auto-scaling-group-provider 'autoScalingGroupArn={},managedScaling={{status=ENABLED}},managedTerminationProtection=ENABLED'", arn.trim()),
        &mut ws,
    );
    assert_ne!(out.exit_code, 0);
    assert!(out.stderr().contains("the Auto Scaling group must have instance protection from scale in enabled"), "{}", out.stderr());
}

#[test]
fn malformed_requests_get_messages_not_panics() {
    let (mut sb, mut ws) = setup(3, "targetCapacity=100", true);
    for line in [
        "aws ec2 create-launch-template --launch-template-name ecs-lt --launch-template-data '{}'",
        "aws ec2 create-launch-template --launch-template-name lt --launch-template-data '{}'",
        "aws ec2 create-launch-template --launch-template-name x --launch-template-data '{}'",
        "aws ec2 create-launch-template --launch-template-name ok-name --launch-template-data '{\"UserData\": \"%%%\"}'",
        "aws ec2 describe-launch-template-versions --launch-template-name nope",
        "aws ec2 describe-launch-template-versions --launch-template-name ecs-lt --versions 9",
        "aws ec2 delete-launch-template",
        "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g2 --min-size 0 --max-size 1",
        "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g2 --launch-template LaunchTemplateName=missing --min-size 0 --max-size 1 --availability-zones us-east-1a",
        "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g2 --launch-template LaunchTemplateName=ecs-lt,Version=7 --min-size 0 --max-size 1 --availability-zones us-east-1a",
        "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g2 --launch-template LaunchTemplateName=ecs-lt --min-size 0 --max-size 1 --vpc-zone-identifier subnet-nope",
        "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g2 --launch-template LaunchTemplateName=ecs-lt --min-size 0 --max-size 1 --desired-capacity 9 --availability-zones us-east-1a",
        "aws autoscaling create-auto-scaling-group --auto-scaling-group-name g2 --launch-template LaunchTemplateName=ecs-lt --min-size 0 --max-size 1",
        "aws autoscaling set-desired-capacity --auto-scaling-group-name asg --desired-capacity 99",
        "aws autoscaling set-desired-capacity --auto-scaling-group-name nope --desired-capacity 1",
        "aws autoscaling update-auto-scaling-group --auto-scaling-group-name asg --min-size 5",
        "aws autoscaling set-instance-protection --auto-scaling-group-name asg --instance-ids i-0123 --protected-from-scale-in",
        "aws autoscaling terminate-instance-in-auto-scaling-group --instance-id i-0123 --should-decrement-desired-capacity",
        "aws autoscaling delete-auto-scaling-group --auto-scaling-group-name nope",
        "aws ecs create-capacity-provider --name cp --auto-scaling-group-provider autoScalingGroupArn=x",
        "aws ecs create-capacity-provider --name FARGATEX --auto-scaling-group-provider autoScalingGroupArn=x",
        "aws ecs create-capacity-provider --name p2 --auto-scaling-group-provider autoScalingGroupArn=arn:aws:autoscaling:nope",
        "aws ecs create-capacity-provider --name p2",
        "aws ecs create-capacity-provider --name p2 --auto-scaling-group-provider 'autoScalingGroupArn=x,managedScaling={targetCapacity=0}'",
        "aws ecs update-capacity-provider --name cp --auto-scaling-group-provider 'managedScaling={targetCapacity=101}'",
        "aws ecs update-capacity-provider --name cp --auto-scaling-group-provider 'managedScaling={minimumScalingStepSize=5,maximumScalingStepSize=2}'",
        "aws ecs update-capacity-provider --name nope --auto-scaling-group-provider 'managedScaling={targetCapacity=50}'",
        "aws ecs update-capacity-provider --name FARGATE --auto-scaling-group-provider 'managedScaling={targetCapacity=50}'",
        "aws ecs delete-capacity-provider --capacity-provider nope",
        "aws ecs delete-capacity-provider --capacity-provider FARGATE_SPOT",
        "aws ecs run-task --cluster demo --task-definition worker --capacity-provider-strategy capacityProvider=nope",
        "aws ecs run-task --cluster demo --task-definition worker --launch-type EC2 --capacity-provider-strategy capacityProvider=cp,weight=1",
    ] {
        let out = sb.execute(line, &mut ws);
        assert_ne!(out.exit_code, 0, "{line} should fail");
        let err = out.stderr();
        assert!(err.contains("An error occurred") || err.contains("Parameter validation") || err.contains("aws: error"), "{line}: {err}");
    }
    let out = sb.execute("aws ecs describe-capacity-providers --capacity-providers nope FARGATE --query '[failures[0].reason, capacityProviders[0].name]' --output text", &mut ws);
    assert_eq!(out.stdout().trim(), "MISSING\tFARGATE");
}

#[test]
fn the_view_and_timeline_show_groups_and_providers() {
    let (mut sb, mut ws) = setup(5, "targetCapacity=100", true);
    run(&mut sb, &mut ws, "aws ecs run-task --cluster demo --task-definition worker --count 2 --capacity-provider-strategy capacityProvider=cp,weight=1");
    run(&mut sb, &mut ws, "sleep 120");
    let v = serde_json::to_value(sb.view()).unwrap();
    let g = &v["autoScalingGroups"][0];
    assert_eq!(g["name"], "asg");
    assert_eq!(g["desiredCapacity"], 1);
    assert_eq!(g["instances"][0]["lifecycleState"], "InService");
    assert_eq!(g["instances"][0]["protectedFromScaleIn"], true);
    assert!(g["activities"][0]["description"].as_str().unwrap().starts_with("Launching a new EC2 instance: i-"));
    assert_eq!(g["activities"][0]["statusCode"], "Successful");
    let cp = &v["capacityProviders"][0];
    assert_eq!(cp["name"], "cp");
    assert_eq!(cp["autoScalingGroupName"], "asg");
    assert_eq!(cp["managedScalingStatus"], "ENABLED");
    assert_eq!(cp["targetCapacity"], 100);
    assert_eq!(cp["managedTerminationProtection"], "ENABLED");
    assert_eq!(cp["reservation"], 100);
    let keys: Vec<&str> = v["timeline"].as_array().unwrap().iter().filter_map(|t| t["key"].as_str()).collect();
    assert!(keys.contains(&"asg/asg/desired") && keys.contains(&"asg/asg/inService"), "{keys:?}");
    let names: Vec<&str> = v["metrics"].as_array().unwrap().iter().filter_map(|m| m["metricName"].as_str()).collect();
    for m in ["CapacityProviderReservation", "GroupDesiredCapacity", "GroupInServiceInstances"] {
        assert!(names.contains(&m), "{m} published");
    }
}
