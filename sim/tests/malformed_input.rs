//! Bad input never panics and always gets a clear message that says where and why (issue 2, "Done when").

use ecs_sim::{MemoryWorkspace, Sandbox};

fn run(line: &str) -> ecs_sim::CommandOutput {
    let mut ws = MemoryWorkspace::new().with_file("bad.json", "{\n  \"family\": \"web\"\n  \"containerDefinitions\": []\n}\n");
    Sandbox::new(1).execute(line, &mut ws)
}

#[test]
fn an_unterminated_quote_names_the_quote_and_where_it_opened() {
    let out = run("aws ecs create-cluster --cluster-name 'demo");
    assert_eq!(out.exit_code, 2);
    assert!(out.stderr().contains("unterminated single quote"), "{}", out.stderr());
    assert!(out.stderr().contains("line 1, column 39"), "{}", out.stderr());
}

#[test]
fn an_unknown_command_says_so_and_exits_127() {
    let out = run("kubectl get pods");
    assert_eq!(out.exit_code, 127);
    assert!(out.stderr().starts_with("kubectl: command not found"), "{}", out.stderr());
}

#[test]
fn an_unknown_option_is_named_with_the_cli_wording() {
    let out = run("aws ecs list-clusters --clusterz x");
    assert_eq!(out.exit_code, 252);
    assert!(out.stderr().ends_with("Unknown options: --clusterz, x\n"), "{}", out.stderr());
}

#[test]
fn a_missing_file_names_the_file() {
    let out = run("aws ecs register-task-definition --cli-input-json file://task.json");
    assert_eq!(out.exit_code, 252);
    assert!(out.stderr().contains("Unable to load paramfile file://task.json: [Errno 2] No such file or directory: 'task.json'"), "{}", out.stderr());
}

#[test]
fn invalid_json_gets_the_cli_message() {
    let out = run("aws ecs register-task-definition --cli-input-json file://bad.json");
    assert_eq!(out.exit_code, 252);
    assert!(out.stderr().contains("Error parsing parameter 'cli-input-json': Invalid JSON received."), "{}", out.stderr());
    assert!(out.stderr().contains("bad.json: Expecting ',' delimiter: line 3 column 3"), "{}", out.stderr());
}

#[test]
fn a_ten_megabyte_paste_is_refused_with_a_message() {
    let huge = format!("echo {}", "x".repeat(10 * 1024 * 1024));
    let out = run(&huge);
    assert_eq!(out.exit_code, 2);
    assert!(out.stderr().contains("input too long"), "{}", &out.stderr()[..200.min(out.stderr().len())]);
    assert!(out.stdout().is_empty());
}

#[test]
fn nonsense_never_panics() {
    let samples = [
        "", " ", "\\", "|", "&&", ";;", "$(", "${", "'", "\"", "aws", "aws ecs", "aws ecs run-task --count -1 --task-definition x",
        "aws ecs run-task --task-definition x --overrides '{'", "aws ec2 run-instances --count 0:0 --image-id x",
        "aws ecs describe-tasks --tasks", "aws --query 'a[' ecs list-clusters", "sleep -5", "sleep 1e400", "sleep nan",
        "echo $(echo $(echo $(echo $(echo deep))))", "cat < nothing", "> /dev/null", "2>&1", "a=b", "export =x",
        "aws ecs register-task-definition --family f --container-definitions '[null]'",
        "aws ecs register-task-definition --family f --container-definitions '[]'",
        "aws ecs register-task-definition --cli-input-json '[1,2]'", "aws ecs wait", "aws ecs wait nothing",
        "aws ecs wait tasks-running --tasks x", "aws ec2 describe-instances --instance-ids bogus",
    ];
    for s in samples {
        let out = run(s);
        assert!(out.exit_code >= 0, "{s}");
    }
}

/// Load balancing, security groups and curl (issue 6): nonsense and near-misses against a sandbox that has an
/// ALB, a target group, a listener and a security group never panic, and every failure says something.
#[test]
fn elb_security_group_and_curl_nonsense_never_panics() {
    let mut ws = MemoryWorkspace::new();
    let mut sb = Sandbox::new(7);
    let setup = [
        "SG=$(aws ec2 create-security-group --group-name g --description d --query GroupId --output text)",
        "S=$(aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text)",
        "LB=$(aws elbv2 create-load-balancer --name lb --subnets $S --query 'LoadBalancers[0].LoadBalancerArn' --output text)",
        "VPC=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)",
        "TG=$(aws elbv2 create-target-group --name tg --protocol HTTP --port 80 --vpc-id $VPC --query 'TargetGroups[0].TargetGroupArn' --output text)",
        "L=$(aws elbv2 create-listener --load-balancer-arn $LB --port 80 --default-actions Type=forward,TargetGroupArn=$TG --query 'Listeners[0].ListenerArn' --output text)",
    ];
    for line in setup {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {}", out.stderr());
    }
    let commands = [
        "aws elbv2 create-load-balancer", "aws elbv2 create-target-group", "aws elbv2 create-listener", "aws elbv2 create-rule",
        "aws elbv2 register-targets", "aws elbv2 deregister-targets", "aws elbv2 describe-target-health", "aws elbv2 delete-rule",
        "aws elbv2 modify-target-group", "aws elbv2 modify-target-group-attributes", "aws elbv2 describe-rules",
        "aws elbv2 describe-listeners", "aws elbv2 delete-load-balancer", "aws elbv2 delete-target-group", "aws elbv2 wait target-in-service",
        "aws ec2 authorize-security-group-ingress", "aws ec2 revoke-security-group-ingress", "aws ec2 delete-security-group",
        "aws ec2 describe-security-groups", "aws ec2 create-security-group", "curl",
    ];
    let words = [
        "--target-group-arn $TG", "--load-balancer-arn $LB", "--listener-arn $L", "--group-id $SG", "--targets Id=i-0123456789abcdef0",
        "--targets Id=10.0.0.1,Port=0", "--targets Id=,Port=70000", "--priority 0", "--priority 50001", "--priority 1",
        "--conditions Field=path-pattern,Values=''", "--conditions Field=host-header,Values=nodot", "--actions Type=forward",
        "--actions Type=fixed-response,FixedResponseConfig={StatusCode=999}", "--default-actions Type=redirect", "--port 0",
        "--port 65536", "--port 1-0", "--port all", "--protocol 999", "--protocol tcp", "--cidr 1.2.3.4/33", "--cidr x",
        "--source-group sg-nope", "--source-group nope", "--ip-permissions '[{}]'", "--ip-permissions IpProtocol=tcp",
        "--health-check-interval-seconds 2", "--health-check-timeout-seconds 500", "--matcher HttpCode=600",
        "--attributes Key=deregistration_delay.timeout_seconds,Value=-1", "--attributes Key=nope,Value=1", "--name ''",
        "--name -x-", "--subnets subnet-0", "--security-groups sg-0", "--type gateway", "--group-name default",
        "--description ''", "--names nope", "-s", "-i", "-o", "-w", "-X", "-H 'Host: a.b'", "http://", "http://:80",
        "ftp://x", "http://lb-1.us-east-1.elb.amazonaws.com:99999/", "\"http://$(aws elbv2 describe-load-balancers --query 'LoadBalancers[0].DNSName' --output text)/a?b#c\"",
        "'%{http_code}'", "--", "\u{0}", "💥",
    ];
    // curl -s fails silently by design, and curl's own failures exit 1.
    let fuzz = Fuzz { seed: 0x2545_f491_4f6c_dd1d, rounds: 600, sleep_every: 50, sleep: "sleep 45" };
    fuzz.run(&mut sb, &mut ws, &commands, &words, |line, code| code == 1 || line.contains(" -s"));
}

/// Random lines from `commands` followed by up to four of `words`, with virtual time passing now and then:
/// each must succeed or fail with a message (unless `silent_ok` says its silence is right), never panic.
struct Fuzz {
    seed: u64,
    rounds: usize,
    sleep_every: usize,
    sleep: &'static str,
}

impl Fuzz {
    fn run(&self, sb: &mut Sandbox, ws: &mut MemoryWorkspace, commands: &[&str], words: &[&str], silent_ok: impl Fn(&str, i32) -> bool) {
        let mut state = self.seed;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..self.rounds {
            let mut line = commands[round % commands.len()].to_string();
            for _ in 0..(next() % 5) {
                line.push(' ');
                line.push_str(words[(next() % words.len() as u64) as usize]);
            }
            let out = sb.execute(&line, ws);
            if out.exit_code != 0 {
                assert!(!out.stderr().is_empty() || silent_ok(&line, out.exit_code), "{line}: exit {} with no message", out.exit_code);
            }
            if round % self.sleep_every == 0 {
                sb.execute(self.sleep, ws);
            }
        }
    }
}

/// Services, their deployments and the sandbox's load and fault commands (issue 6) with nonsense arguments,
/// interleaved with virtual time: a clear message or success, never a panic.
#[test]
fn service_load_and_fault_nonsense_never_panics() {
    let mut ws = MemoryWorkspace::new()
        .with_file("ud.sh", "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n")
        .with_file("web.json", r#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx","memory":128,"portMappings":[{"containerPort":80}],"healthCheck":{"command":["CMD-SHELL","true"]}}]}"#);
    let mut sb = Sandbox::new(11);
    for line in [
        "aws ecs create-cluster --cluster-name demo",
        "aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --count 2 --iam-instance-profile Name=ecsInstanceRole --user-data file://ud.sh",
        "sleep 30",
        "aws ecs register-task-definition --cli-input-json file://web.json",
        "aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2",
        "sleep 30",
        "T=$(aws ecs list-tasks --cluster demo --service-name web --query 'taskArns[0]' --output text)",
    ] {
        let out = sb.execute(line, &mut ws);
        assert_eq!(out.exit_code, 0, "{line}: {}", out.stderr());
    }
    let commands = [
        "aws ecs create-service --cluster demo", "aws ecs update-service --cluster demo", "aws ecs delete-service --cluster demo",
        "aws ecs describe-services --cluster demo", "aws ecs list-services", "aws ecs wait services-stable --cluster demo",
        "aws ecs list-tasks --cluster demo", "sandbox load", "sandbox fail", "sandbox restore",
    ];
    let words = [
        "--service web", "--service nope", "--service-name web", "--service-name x", "--service-name '💥'", "--services web nope",
        "--task-definition web", "--task-definition web:99", "--task-definition ''", "--desired-count -1", "--desired-count 0",
        "--desired-count 99999", "--desired-count 3", "--scheduling-strategy DAEMON", "--scheduling-strategy NOPE",
        "--launch-type FARGATE", "--launch-type EXTERNAL", "--deployment-configuration maximumPercent=0,minimumHealthyPercent=100",
        "--deployment-configuration maximumPercent=100000,minimumHealthyPercent=0",
        "--deployment-configuration 'deploymentCircuitBreaker={enable=true,rollback=true}'", "--force-new-deployment", "--force",
        "--health-check-grace-period-seconds -5", "--load-balancers targetGroupArn=x,containerName=web,containerPort=80",
        "--load-balancers containerName=web,containerPort=80", "--placement-strategy type=spread,field=nope",
        "--placement-constraints type=memberOf,expression=((", "--network-configuration awsvpcConfiguration={subnets=[nope]}",
        "--capacity-provider-strategy capacityProvider=FARGATE", "--service-name-x", "health", "zone", "$T", "us-east-1a",
        "us-east-1z", "http://nowhere/", "--rps", "--rps 5", "--rps 0", "--rps 1e9", "--for", "--for 5m", "--for -1", "--for 1x",
        "--stop", "--", "\u{0}",
    ];
    let fuzz = Fuzz { seed: 0x9e37_79b9_7f4a_7c15, rounds: 500, sleep_every: 25, sleep: "sleep 65" };
    fuzz.run(&mut sb, &mut ws, &commands, &words, |_, _| false);
}
