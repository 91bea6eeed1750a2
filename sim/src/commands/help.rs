//! `help`: what the terminal can do, and how virtual time works.

pub fn text(topic: Option<&str>) -> String {
    match topic {
        Some("time" | "clock" | "sleep") => TIME.to_string(),
        _ => GENERAL.to_string(),
    }
}

const GENERAL: &str = "\
ECS Sandbox terminal: a simulated AWS account (us-east-1 unless you pass --region).

AWS CLI (v2 syntax; add `help` after an operation to see its options):
  aws ecs ...      clusters, container instances, task definitions, tasks, services
  aws ec2 ...      run-instances, describe-instances, terminate-instances, describe-subnets, security groups, ...
  aws elbv2 ...    load balancers, target groups, listeners, rules, register-targets, describe-target-health
  aws ssm ...      get-parameters for the ECS-optimized AMI ids, put-parameter for your own
  aws ecr ...      repositories, images, get-login-password, lifecycle policies, scans
  aws iam ...      roles, policies, instance profiles, simulate-principal-policy
  aws logs ...     log groups, tail;  aws secretsmanager ...;  aws s3 ls
  aws sts get-caller-identity
  Global options: --region, --output json|text|table, --query JMESPATH

Docker (the learner's machine):
  docker build -t NAME[:TAG] .   docker images, tag, rmi, inspect, login, logout, push, pull

Shell:
  sleep N          let N seconds of virtual time pass (also 2m, 1h): instances boot, tasks start
  curl [-s] [-i] [-o FILE] [-w '%{http_code}'] http://LB-DNS-NAME[:PORT]/PATH   a request through a load balancer
  echo, export, unset, env, cat FILE, ls, grep, head, tail, wc, true, false
  sh FILE, bash FILE, source FILE    run a script from the editor
  sandbox ...      the sandbox's own tools: explain-placement, disconnect-agent, learner-policy, load, fail health|zone
  clear            clear the screen (Ctrl-L)
  Quotes, \\ line continuations, # comments, |, &&, ||, ;, $(...), NAME=value, $NAME,
  > FILE and >> FILE (files appear in the editor), file://NAME reads an editor file.

Time stands still until you let it pass: `sleep 30`, or a waiter such as
`aws ecs wait tasks-running --cluster NAME --tasks ARN`. `help time` says more.
";

const TIME: &str = "\
Virtual time

The sandbox has its own clock. It starts at 2026-03-02 09:00:00 UTC and moves only when you let time
pass, so every run of the same commands gives the same result:

  sleep 30                                   30 seconds pass
  aws ec2 wait instance-running ...          time passes until the instances run
  aws ecs wait tasks-running --cluster C --tasks ARN

What takes time: an instance boots in 10 s and its ECS agent registers 15 s later; a task goes
PROVISIONING -> PENDING (pulling the image) -> ACTIVATING -> RUNNING in about 9 s, and stops in about 4 s.
Real AWS takes longer; the order of events is the same.
";
