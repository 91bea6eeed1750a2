//! Service Auto Scaling over virtual time (issue 7, ecs-facts.md §3.4): target tracking keeps the desired count
//! within min and max, scales out from the RUNNING count, scales in no sooner than its cooldown; step scaling
//! and scheduled actions work; alarms change state on the clock; bad input gets clear errors.

use ecs_sim::clock::SimDuration;
use ecs_sim::events::EventKind;
use ecs_sim::{MemoryWorkspace, Sandbox};

const TD: &str = r#"{"family": "web", "containerDefinitions": [{"name": "nginx", "image": "public.ecr.aws/nginx/nginx:1.27",
    "memory": 256, "cpu": CPU, "portMappings": [{"containerPort": 80}]}]}"#;
const TARGET: &str = "--service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web";

fn run(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_eq!(out.exit_code, 0, "{line}: {:?}", out.chunks);
    out.stdout()
}

/// The error text of a command that must fail.
fn fails(sb: &mut Sandbox, ws: &mut MemoryWorkspace, line: &str) -> String {
    let out = sb.execute(line, ws);
    assert_ne!(out.exit_code, 0, "{line} should fail: {}", out.stdout());
    out.text()
}

/// Service `web` (desired `desired`, tasks reserving `cpu` units) behind an ALB on one t3.medium; returns the
/// sandbox and the ALB's DNS name.
fn alb_service(desired: u32, cpu: u32) -> (Sandbox, MemoryWorkspace, String) {
    let mut sb = Sandbox::new(3);
    let mut ws = MemoryWorkspace::default();
    ws.put("ud.sh", "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n");
    ws.put("web.json", &TD.replace("CPU", &cpu.to_string()));
    let lines = [
        "aws ecs create-cluster --cluster-name demo",
        "ALB_SG=$(aws ec2 create-security-group --group-name alb --description alb --query GroupId --output text)",
        "aws ec2 authorize-security-group-ingress --group-id $ALB_SG --protocol tcp --port 80 --cidr 0.0.0.0/0",
        "INST_SG=$(aws ec2 create-security-group --group-name inst --description inst --query GroupId --output text)",
        "aws ec2 authorize-security-group-ingress --group-id $INST_SG --protocol tcp --port 32768-65535 --source-group $ALB_SG",
        "aws ec2 run-instances --image-id $(aws ssm get-parameter --name /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameter.Value --output text) --instance-type t3.medium --iam-instance-profile Name=ecsInstanceRole --security-group-ids $INST_SG --user-data file://ud.sh",
        "ALB=$(aws elbv2 create-load-balancer --name demo-alb --subnets $(aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text) --security-groups $ALB_SG --query 'LoadBalancers[0].LoadBalancerArn' --output text)",
        "TG=$(aws elbv2 create-target-group --name web --protocol HTTP --port 80 --vpc-id $(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text) --health-check-interval-seconds 10 --healthy-threshold-count 2 --query 'TargetGroups[0].TargetGroupArn' --output text)",
        "aws elbv2 create-listener --load-balancer-arn $ALB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG",
        "aws elbv2 wait load-balancer-available --load-balancer-arns $ALB",
        "aws ecs register-task-definition --cli-input-json file://web.json",
    ];
    for line in lines {
        run(&mut sb, &mut ws, line);
    }
    run(
        &mut sb,
        &mut ws,
        &format!("aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count {desired} --load-balancers targetGroupArn=$TG,containerName=nginx,containerPort=80"),
    );
    run(&mut sb, &mut ws, "sleep 120");
    let dns = run(&mut sb, &mut ws, "aws elbv2 describe-load-balancers --names demo-alb --query 'LoadBalancers[0].DNSName' --output text");
    (sb, ws, dns.trim().to_string())
}

fn desired(sb: &Sandbox) -> u32 {
    sb.world().region("us-east-1").unwrap().ecs.clusters["demo"].services["web"].desired_count
}

fn running(sb: &Sandbox) -> usize {
    let c = &sb.world().region("us-east-1").unwrap().ecs.clusters["demo"];
    c.tasks.values().filter(|t| t.group == "service:web" && t.last_status == ecs_sim::world::ecs::TaskStatus::Running).count()
}

/// (millis, old, new, cause) of every scaling activity that changed the desired count.
fn activities(events: &[ecs_sim::events::Event]) -> Vec<(u64, u32, u32, String)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ScalingActivity { old_desired: Some(o), new_desired: Some(n), cause, .. } => Some((e.at_ms, *o, *n, cause.clone())),
            _ => None,
        })
        .collect()
}

fn target_tracking(sb: &mut Sandbox, ws: &mut MemoryWorkspace, target: u32, extra: &str) {
    run(sb, ws, &format!(
        "aws application-autoscaling put-scaling-policy {TARGET} --policy-name cpu --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{{\"TargetValue\": {target}, \"PredefinedMetricSpecification\": {{\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}}{extra}}}'"
    ));
}

#[test]
fn target_tracking_stays_within_min_and_max_and_scale_in_waits_for_its_cooldown() {
    let (mut sb, mut ws, dns) = alb_service(2, 256);
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 2 --max-capacity 6"));
    target_tracking(&mut sb, &mut ws, 50, "");
    // Far more than six tasks can take: the service must stop at max.
    run(&mut sb, &mut ws, &format!("sandbox load http://{dns}/ --rps 3000 --for 20m"));
    let start = sb.events().len();
    let mut max_seen = 0;
    for _ in 0..(75 * 6) {
        sb.advance(SimDuration::secs(10));
        let d = desired(&sb);
        assert!((2..=6).contains(&d), "desired {d} left [2, 6] at {}", sb.now());
        max_seen = max_seen.max(d);
    }
    assert_eq!(max_seen, 6, "the spike scales the service out to max");
    assert_eq!(desired(&sb), 2, "after the load it is back at min");
    let acts = activities(&sb.events()[start..]);
    assert!(acts.iter().any(|(_, o, n, _)| n > o), "{acts:?}");
    let ins: Vec<_> = acts.iter().filter(|(_, o, n, _)| n < o).collect();
    assert!(!ins.is_empty(), "{acts:?}");
    for pair in acts.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if next.2 < next.1 {
            // §3.4: ScaleInCooldown (300 s by default) after the previous scaling activity.
            assert!(next.0 - prev.0 >= 300_000, "scale-in {next:?} within 300 s of {prev:?}");
        }
    }
    assert!(acts.iter().all(|(_, _, _, c)| c.starts_with("monitor alarm TargetTracking-service/demo/web-Alarm") && c.ends_with("in state ALARM triggered policy cpu")));
}

#[test]
fn scale_out_starts_from_the_running_count_not_the_desired_count() {
    // 1024 CPU units a task: the t3.medium (2048) runs only two.
    let (mut sb, mut ws, dns) = alb_service(2, 1024);
    run(&mut sb, &mut ws, "aws ecs update-service --cluster demo --service web --desired-count 4");
    run(&mut sb, &mut ws, "sleep 60");
    assert_eq!((desired(&sb), running(&sb)), (4, 2));
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 1 --max-capacity 10"));
    target_tracking(&mut sb, &mut ws, 50, "");
    // Saturate the two running tasks (100 %): from RUNNING, 2 × 100 / 50 = 4 = desired, so no scale-out; from
    // desired it would be 8.
    run(&mut sb, &mut ws, &format!("sandbox load http://{dns}/ --rps 1500 --for 10m"));
    let start = sb.events().len();
    run(&mut sb, &mut ws, "sleep 600");
    let alarm = run(&mut sb, &mut ws, "aws cloudwatch describe-alarms --state-value ALARM --query 'MetricAlarms[].AlarmName' --output text");
    assert!(alarm.contains("AlarmHigh"), "the alarm is in ALARM: {alarm}");
    assert_eq!(desired(&sb), 4);
    assert!(activities(&sb.events()[start..]).is_empty());
}

#[test]
fn step_scaling_adds_capacity_when_its_alarm_fires_and_scales_in_once_per_cooldown() {
    let (mut sb, mut ws, dns) = alb_service(2, 256);
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 1 --max-capacity 8"));
    let out_arn = run(&mut sb, &mut ws, &format!(
        "aws application-autoscaling put-scaling-policy {TARGET} --policy-name step-out --policy-type StepScaling --step-scaling-policy-configuration '{{\"AdjustmentType\": \"ChangeInCapacity\", \"StepAdjustments\": [{{\"MetricIntervalLowerBound\": 0, \"MetricIntervalUpperBound\": 20, \"ScalingAdjustment\": 1}}, {{\"MetricIntervalLowerBound\": 20, \"ScalingAdjustment\": 3}}], \"Cooldown\": 120}}' --query PolicyARN --output text"
    ));
    let in_arn = run(&mut sb, &mut ws, &format!(
        "aws application-autoscaling put-scaling-policy {TARGET} --policy-name step-in --policy-type StepScaling --step-scaling-policy-configuration '{{\"AdjustmentType\": \"ChangeInCapacity\", \"StepAdjustments\": [{{\"MetricIntervalUpperBound\": 0, \"ScalingAdjustment\": -1}}]}}' --query PolicyARN --output text"
    ));
    run(&mut sb, &mut ws, &format!(
        "aws cloudwatch put-metric-alarm --alarm-name cpu-high --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 1 --threshold 70 --comparison-operator GreaterThanThreshold --alarm-actions {}",
        out_arn.trim()
    ));
    // 200 rps over two tasks: about 80 % each, 10 above the threshold: the first step, +1.
    run(&mut sb, &mut ws, &format!("sandbox load http://{dns}/ --rps 200 --for 3m"));
    let start = sb.events().len();
    run(&mut sb, &mut ws, "sleep 180");
    let acts = activities(&sb.events()[start..]);
    assert_eq!(acts.first().map(|a| (a.1, a.2)), Some((2, 3)), "{acts:?}");
    assert_eq!(acts[0].3, "monitor alarm cpu-high in state ALARM triggered policy step-out");
    run(&mut sb, &mut ws, "sleep 300");
    // Quiet: scale in one task at a time, no more often than the default 300 s cooldown.
    run(&mut sb, &mut ws, &format!(
        "aws cloudwatch put-metric-alarm --alarm-name cpu-low --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 1 --threshold 20 --comparison-operator LessThanThreshold --alarm-actions {}",
        in_arn.trim()
    ));
    let start = sb.events().len();
    run(&mut sb, &mut ws, "sleep 1200");
    let ins = activities(&sb.events()[start..]);
    assert!(ins.len() >= 2, "{ins:?}");
    assert!(ins.iter().all(|a| a.2 + 1 == a.1 && a.2 >= 1), "{ins:?}");
    for pair in ins.windows(2) {
        assert!(pair[1].0 - pair[0].0 >= 300_000, "{ins:?}");
    }
    assert_eq!(desired(&sb), 1, "down to min, not below");
}

#[test]
fn a_scheduled_action_raises_min_and_so_the_desired_count() {
    let (mut sb, mut ws, _) = alb_service(2, 256);
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 1 --max-capacity 6"));
    // The sandbox starts at 2026-03-02T09:00:00Z; setup took a few minutes.
    run(&mut sb, &mut ws, &format!(
        "aws application-autoscaling put-scheduled-action {TARGET} --scheduled-action-name morning --schedule 'at(2026-03-02T09:30:00)' --scalable-target-action MinCapacity=4,MaxCapacity=6"
    ));
    run(&mut sb, &mut ws, &format!(
        "aws application-autoscaling put-scheduled-action {TARGET} --scheduled-action-name evening --schedule 'cron(0 10 * * ? *)' --scalable-target-action MinCapacity=1,MaxCapacity=3"
    ));
    let listed = run(&mut sb, &mut ws, "aws application-autoscaling describe-scheduled-actions --service-namespace ecs --query 'ScheduledActions[].Schedule' --output text");
    assert_eq!(listed.trim(), "cron(0 10 * * ? *)\tat(2026-03-02T09:30:00)");
    run(&mut sb, &mut ws, "sleep 1800");
    assert_eq!(desired(&sb), 4);
    let min = run(&mut sb, &mut ws, "aws application-autoscaling describe-scalable-targets --service-namespace ecs --query 'ScalableTargets[0].[MinCapacity,MaxCapacity]' --output text");
    assert_eq!(min.trim(), "4\t6");
    let acts = run(&mut sb, &mut ws, &format!("aws application-autoscaling describe-scaling-activities {} --query 'ScalingActivities[].[Description,Cause]' --output text", "--service-namespace ecs --resource-id service/demo/web"));
    assert_eq!(
        acts,
        "Setting desired count to 4.\tscheduled action name morning was triggered\nSetting min capacity to 4 and max capacity to 6\tscheduled action name morning was triggered\n"
    );
    run(&mut sb, &mut ws, "sleep 1800");
    assert_eq!(desired(&sb), 3, "at 10:00 the evening action lowers max to 3");
}

#[test]
fn alarms_change_state_on_the_clock_and_say_why() {
    let (mut sb, mut ws, dns) = alb_service(2, 256);
    run(&mut sb, &mut ws, "aws cloudwatch put-metric-alarm --alarm-name busy --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 2 --threshold 50 --comparison-operator GreaterThanThreshold");
    let state = |sb: &mut Sandbox, ws: &mut MemoryWorkspace| run(sb, ws, "aws cloudwatch describe-alarms --alarm-names busy --query 'MetricAlarms[0].[StateValue,StateReason]' --output text");
    assert_eq!(state(&mut sb, &mut ws), "INSUFFICIENT_DATA\tUnchecked: Initial alarm creation\n");
    run(&mut sb, &mut ws, "sleep 60");
    let ok = state(&mut sb, &mut ws);
    assert!(ok.starts_with("OK\tThreshold Crossed: 2 datapoints [") && ok.contains("were not greater than the threshold (50.0)."), "{ok}");
    run(&mut sb, &mut ws, &format!("sandbox load http://{dns}/ --rps 300 --for 5m"));
    let start = sb.events().len();
    run(&mut sb, &mut ws, "sleep 240");
    let alarm = state(&mut sb, &mut ws);
    assert!(alarm.starts_with("ALARM\tThreshold Crossed: 2 datapoints [100.0 ("), "{alarm}");
    let changes: Vec<_> = sb.events()[start..]
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::AlarmStateChanged { alarm_name, old_state, new_state, .. } if alarm_name == "busy" => Some((old_state.clone(), new_state.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(changes, vec![("OK".to_string(), "ALARM".to_string())]);
    run(&mut sb, &mut ws, "aws cloudwatch set-alarm-state --alarm-name busy --state-value OK --state-reason 'testing the pager'");
    assert_eq!(state(&mut sb, &mut ws), "OK\ttesting the pager\n");
    run(&mut sb, &mut ws, "sleep 60");
    assert!(state(&mut sb, &mut ws).starts_with("ALARM\t"), "the next evaluation sets it back from the metric");
    let stats = run(&mut sb, &mut ws, "aws cloudwatch get-metric-statistics --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --start-time 2026-03-02T09:00:00Z --end-time 2026-03-02T11:00:00Z --period 3600 --statistics Maximum SampleCount --extended-statistics p100 --query 'Datapoints[0].[Maximum, ExtendedStatistics.p100]' --output text");
    assert_eq!(stats.trim(), "100.0\t100.0");
    run(&mut sb, &mut ws, "aws cloudwatch delete-alarms --alarm-names busy");
    assert_eq!(run(&mut sb, &mut ws, "aws cloudwatch describe-alarms --query 'length(MetricAlarms)'").trim(), "0");
}

#[test]
fn bad_input_gets_clear_errors_and_never_panics() {
    let (mut sb, mut ws, _) = alb_service(1, 256);
    let cases: &[(&str, &str)] = &[
        ("aws application-autoscaling register-scalable-target --service-namespace nonsense --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web --min-capacity 1 --max-capacity 2", "failed to satisfy constraint: Member must satisfy enum value set: [ecs, "),
        ("aws application-autoscaling register-scalable-target --service-namespace dynamodb --scalable-dimension dynamodb:table:ReadCapacityUnits --resource-id table/t --min-capacity 1 --max-capacity 2", "ECS services only"),
        ("aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/nope --min-capacity 1 --max-capacity 2", "ECS service doesn't exist: service/demo/nope"),
        ("aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/nocluster/web --min-capacity 1 --max-capacity 2", "ECS service doesn't exist"),
        ("aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id web --min-capacity 1 --max-capacity 2", "Unsupported service namespace, resource type or scalable dimension"),
        ("aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web --min-capacity 3 --max-capacity 2", "Minimum capacity cannot be greater than maximum capacity"),
        ("aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web", "MinCapacity and MaxCapacity are required"),
        ("aws application-autoscaling put-scheduled-action --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web --scheduled-action-name x --schedule 'at(tomorrow)' --scalable-target-action MinCapacity=1", "No scalable target registered for service namespace: ecs, resource ID: service/demo/web"),
        ("aws cloudwatch get-metric-statistics --namespace AWS/ECS --metric-name CPUUtilization --start-time 2026-03-02T09:00:00Z --end-time 2026-03-02T08:00:00Z --period 60 --statistics Average", "The parameter StartTime must be less than the parameter EndTime."),
        ("aws cloudwatch get-metric-statistics --namespace AWS/ECS --metric-name CPUUtilization --start-time 2026-03-01T00:00:00Z --end-time 2026-03-03T00:00:00Z --period 60 --statistics Average", "You have requested up to 2,880 datapoints, which exceeds the limit of 1,440."),
        ("aws cloudwatch get-metric-statistics --namespace AWS/ECS --metric-name CPUUtilization --start-time 2026-03-02T08:00:00Z --end-time 2026-03-02T09:00:00Z --period 60", "Must specify either Statistics or ExtendedStatistics."),
        ("aws cloudwatch put-metric-alarm --alarm-name a --namespace AWS/ECS --metric-name CPUUtilization --statistic Average --period 45 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanThreshold", "The parameter Period must be 10, 30 or a multiple of 60."),
        ("aws cloudwatch put-metric-alarm --alarm-name a --namespace AWS/ECS --metric-name CPUUtilization --statistic Average --period 60 --evaluation-periods 1 --datapoints-to-alarm 2 --threshold 1 --comparison-operator GreaterThanThreshold", "DatapointsToAlarm"),
        ("aws cloudwatch put-metric-alarm --alarm-name a --namespace AWS/ECS --metric-name CPUUtilization --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanThreshold", "Statistic"),
        ("aws cloudwatch set-alarm-state --alarm-name ghost --state-value ALARM --state-reason x", "Alarm ghost not found"),
        ("aws cloudwatch set-alarm-state --alarm-name ghost --state-value MAYBE --state-reason x", "StateValue"),
    ];
    for (line, expected) in cases {
        let text = fails(&mut sb, &mut ws, line);
        assert!(text.contains(expected), "{line}\n  got: {text}\n  want: {expected}");
    }
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 1 --max-capacity 3"));
    for (schedule, why) in [
        ("at(2026-13-01T00:00:00)", "is not a time"),
        ("rate(5 fortnights)", "unit"),
        ("rate(1 minutes)", "singular"),
        ("cron(0 9 * *)", "6 fields"),
        ("cron(0 25 * * ? *)", "hours"),
        ("cron(0 9 * * MON *)", "must be ?"),
        ("every day", "at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)"),
    ] {
        let text = fails(&mut sb, &mut ws, &format!("aws application-autoscaling put-scheduled-action {TARGET} --scheduled-action-name x --schedule '{schedule}' --scalable-target-action MinCapacity=1"));
        assert!(text.contains("Invalid schedule expression") && text.contains(why), "{schedule}: {text}");
    }
    for (config, why) in [
        (r#"{"TargetValue": 50}"#, "Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification"),
        (r#"{"TargetValue": -1, "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"}}"#, "TargetValue must be greater than 0"),
        (r#"{"TargetValue": 100, "PredefinedMetricSpecification": {"PredefinedMetricType": "ALBRequestCountPerTarget"}}"#, "ResourceLabel is required"),
        (r#"{"TargetValue": 100, "PredefinedMetricSpecification": {"PredefinedMetricType": "ALBRequestCountPerTarget", "ResourceLabel": "targetgroup/web/1"}}"#, "is not of the form app/"),
        (r#"{"TargetValue": 100, "PredefinedMetricSpecification": {"PredefinedMetricType": "DynamoDBReadCapacityUtilization"}}"#, "Unsupported predefined metric type"),
    ] {
        let text = fails(&mut sb, &mut ws, &format!("aws application-autoscaling put-scaling-policy {TARGET} --policy-name p --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{config}'"));
        assert!(text.contains(why), "{config}: {text}");
    }
    let text = fails(&mut sb, &mut ws, &format!("aws application-autoscaling put-scaling-policy {TARGET} --policy-name p"));
    assert!(text.contains("PolicyType is required"), "{text}");
    let text = fails(&mut sb, &mut ws, &format!("aws application-autoscaling delete-scheduled-action {TARGET} --scheduled-action-name nope"));
    assert!(text.contains("No scheduled action found for service namespace: ecs, resource ID: service/demo/web"), "{text}");
    // Nonsense in every member: an error or an answer, never a panic.
    for line in [
        "aws application-autoscaling describe-scaling-activities --service-namespace ecs --max-results 0",
        "aws application-autoscaling put-scaling-policy --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web --policy-name s --policy-type StepScaling --step-scaling-policy-configuration '{\"AdjustmentType\": \"ChangeInCapacity\", \"StepAdjustments\": []}'",
        "aws application-autoscaling put-scaling-policy --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web --policy-name s --policy-type StepScaling --step-scaling-policy-configuration '{\"AdjustmentType\": \"ExactCapacity\", \"MinAdjustmentMagnitude\": 2, \"StepAdjustments\": [{\"ScalingAdjustment\": 1}]}'",
        "aws cloudwatch get-metric-statistics --namespace x --metric-name y --start-time 1 --end-time 99999999999 --period 86400 --extended-statistics p999",
        "aws cloudwatch put-metric-alarm --alarm-name '' --period 60",
        "aws cloudwatch describe-alarms --alarm-names a --alarm-name-prefix b",
    ] {
        let out = sb.execute(line, &mut ws);
        assert_ne!(out.exit_code, 0, "{line}: {}", out.stdout());
        assert!(!out.text().trim().is_empty());
    }
}

#[test]
fn the_view_shows_targets_policies_activities_and_alarms() {
    let (mut sb, mut ws, dns) = alb_service(2, 256);
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 2 --max-capacity 6"));
    target_tracking(&mut sb, &mut ws, 50, ", \"ScaleInCooldown\": 60");
    run(&mut sb, &mut ws, &format!("sandbox load http://{dns}/ --rps 300 --for 5m"));
    run(&mut sb, &mut ws, "sleep 300");
    let v = serde_json::to_value(sb.view()).unwrap();
    let t = &v["scalableTargets"][0];
    assert_eq!(t["region"], "us-east-1");
    assert_eq!(t["serviceNamespace"], "ecs");
    assert_eq!(t["resourceId"], "service/demo/web");
    assert_eq!(t["scalableDimension"], "ecs:service:DesiredCount");
    assert_eq!((t["minCapacity"].as_u64(), t["maxCapacity"].as_u64()), (Some(2), Some(6)));
    let p = &t["policies"][0];
    assert_eq!(p["policyName"], "cpu");
    assert_eq!(p["policyType"], "TargetTrackingScaling");
    assert_eq!(p["metricNamespace"], "AWS/ECS");
    assert_eq!(p["metricName"], "CPUUtilization");
    assert_eq!(p["metricDimensions"][0], serde_json::json!({"name": "ClusterName", "value": "demo"}));
    assert_eq!(p["targetValue"], 50.0);
    let acts = t["activities"].as_array().unwrap();
    let a = acts.last().unwrap();
    assert_eq!(a["description"], "Setting desired count to 4.", "oldest last");
    assert_eq!(acts[0]["description"], "Setting desired count to 5.", "newest first");
    assert_eq!(a["statusCode"], "Successful");
    assert!(a["cause"].as_str().unwrap().contains("-AlarmHigh-"));
    assert!(a["startMillis"].as_u64().is_some() && a["activityId"].as_str().is_some_and(|s| s.len() == 36));
    let alarms = v["alarms"].as_array().unwrap();
    assert_eq!(alarms.len(), 2);
    let high = alarms.iter().find(|x| x["alarmName"].as_str().unwrap().contains("AlarmHigh")).unwrap();
    assert_eq!(high["comparisonOperator"], "GreaterThanThreshold");
    assert_eq!(high["threshold"], 50.0);
    assert_eq!(high["namespace"], "AWS/ECS");
    assert_eq!(high["metricName"], "CPUUtilization");
    assert_eq!(high["dimensions"][1], serde_json::json!({"name": "ServiceName", "value": "web"}));
    assert!(["OK", "ALARM"].contains(&high["stateValue"].as_str().unwrap()));
    assert!(high["stateReason"].as_str().unwrap().starts_with("Threshold Crossed"));
}

/// botocore's RegisterScalableTarget documentation (BC-AAS, ecs-facts §3.4): registering an active service
/// moves its current capacity inside the new range at once, with Application Auto Scaling's activity.
#[test]
fn registering_a_range_moves_the_desired_count_inside_it_at_once() {
    let (mut sb, mut ws, _) = alb_service(2, 256);
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 3 --max-capacity 6"));
    assert_eq!(desired(&sb), 3, "raised to the new minimum");
    let acts = run(&mut sb, &mut ws, &format!("aws application-autoscaling describe-scaling-activities {TARGET} --query 'ScalingActivities[0].[Description, Cause, StatusCode]' --output text"));
    assert_eq!(acts.trim(), "Setting desired count to 3.\tminimum capacity was set to 3\tSuccessful");
    run(&mut sb, &mut ws, "sleep 120");
    assert_eq!(running(&sb), 3, "the service started the third task");
    // Lowering the maximum below the desired count scales in to it; a range around the count changes nothing.
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --min-capacity 1 --max-capacity 2"));
    assert_eq!(desired(&sb), 2);
    let acts = run(&mut sb, &mut ws, &format!("aws application-autoscaling describe-scaling-activities {TARGET} --query 'ScalingActivities[0].Cause' --output text"));
    assert_eq!(acts.trim(), "maximum capacity was set to 2");
    run(&mut sb, &mut ws, &format!("aws application-autoscaling register-scalable-target {TARGET} --max-capacity 5"));
    assert_eq!(desired(&sb), 2, "inside 1..5 already");
    let count = run(&mut sb, &mut ws, &format!("aws application-autoscaling describe-scaling-activities {TARGET} --query 'length(ScalingActivities)'"));
    assert_eq!(count.trim(), "2", "no activity when the count is already inside the range");
}
