//! Every rule of the catalogue, with a smallest document that breaks it and a smallest one that
//! passes it (and that ECS accepts as a whole). Documents are a small valid EC2 or Fargate task
//! definition with a patch applied: keys of the patch replace the base's, `null` removes a key.

use ecs_sim::validate::{Verdict, catalog, validate};
use serde_json::{Value, json};

/// Applies `patch` to `base`: objects merge recursively, `null` deletes, anything else replaces.
fn merged(mut base: Value, patch: &Value) -> Value {
    if let (Some(b), Some(p)) = (base.as_object_mut(), patch.as_object()) {
        for (k, v) in p {
            match v {
                Value::Null => {
                    b.shift_remove(k);
                }
                Value::Object(_) if b.get(k).is_some_and(Value::is_object) => {
                    let inner = b.get(k).cloned().unwrap_or(Value::Null);
                    b.insert(k.clone(), merged(inner, v));
                }
                _ => {
                    b.insert(k.clone(), v.clone());
                }
            }
        }
        return base;
    }
    patch.clone()
}

const ROLE: &str = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

fn container() -> Value {
    json!({"name": "a", "image": "nginx:1.27", "memory": 256})
}

/// An EC2 task definition whose first container is patched by `ct` and the task by `task`.
fn ec2(ct: Value, task: Value) -> String {
    let doc = json!({"family": "f", "containerDefinitions": [merged(container(), &ct)]});
    merged(doc, &task).to_string()
}

/// A Fargate task definition (awsvpc, 256/512, execution role, awslogs) patched likewise.
fn fargate(ct: Value, task: Value) -> String {
    let logs = json!({"logDriver": "awslogs", "options": {"awslogs-group": "g", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "p"}});
    let c = merged(json!({"name": "a", "image": "nginx:1.27", "logConfiguration": logs}), &ct);
    let doc = json!({"family": "f", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
        "executionRoleArn": ROLE, "containerDefinitions": [c]});
    merged(doc, &task).to_string()
}

/// An EC2 task definition with the given containers.
fn ec2_many(containers: Value, task: Value) -> String {
    merged(json!({"family": "f", "containerDefinitions": containers}), &task).to_string()
}

/// Adds a FireLens log router container to a definition.
fn with_router(doc: &str) -> String {
    let mut d: Value = serde_json::from_str(doc).unwrap_or_default();
    if let Some(list) = d["containerDefinitions"].as_array_mut() {
        list.push(json!({"name": "router", "image": "amazon/aws-for-fluent-bit:2.32.4", "firelensConfiguration": {"type": "fluentbit"}}));
    }
    d.to_string()
}

fn none() -> Value {
    json!({})
}

fn b(name: &str, extra: Value) -> Value {
    merged(json!({"name": name, "image": "busybox:1.36", "memory": 64}), &extra)
}

/// (rule, a document that breaks it, a document that passes it).
fn cases() -> Vec<(&'static str, String, String)> {
    let awslogs = |options: Value| json!({"logConfiguration": {"logDriver": "awslogs", "options": options}});
    let efs = |cfg: Value| json!({"volumes": [{"name": "v", "efsVolumeConfiguration": merged(json!({"fileSystemId": "fs-1"}), &cfg)}]});
    let hc = |extra: Value| json!({"healthCheck": merged(json!({"command": ["CMD", "true"]}), &extra)});
    let env_files = |n: usize| json!({"environmentFiles": vec![json!({"value": "arn:aws:s3:::b/x.env", "type": "s3"}); n]});
    let secrets = json!({"secrets": [{"name": "P", "valueFrom": "/app/db-password"}]});
    let base = ec2(none(), none());
    vec![
        ("json-syntax", r#"{"family": "f",}"#.into(), base.clone()),
        ("not-an-object", "\"hello\"".into(), base.clone()),
        ("container-array", json!([container()]).to_string(), base.clone()),
        ("describe-wrapper", json!({"taskDefinition": serde_json::from_str::<Value>(&base).unwrap_or_default()}).to_string(), base.clone()),
        ("read-only-field", ec2(none(), json!({"revision": 1})), base.clone()),
        ("schema-key", ec2(none(), json!({"$schema": "https://example.com/schema/task-definition.schema.json"})), base.clone()),
        ("null-value", r#"{"family": "f", "ipcMode": null, "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 256}]}"#.into(), base.clone()),
        ("unknown-parameter", ec2(json!({"portBindings": []}), none()), ec2(json!({"portMappings": []}), none())),
        ("missing-parameter", ec2(none(), json!({"family": null})), base.clone()),
        ("invalid-type", ec2(json!({"memory": "256"}), none()), base.clone()),
        ("invalid-length", ec2(none(), json!({"tags": [{"key": "", "value": "v"}]})), ec2(none(), json!({"tags": [{"key": "k", "value": "v"}]}))),
        ("invalid-value", ec2(json!({"resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 0}}}]}), none()), ec2(json!({"resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 1}}}]}), none())),
        ("union-members", ec2(json!({"resourceRequirements": [{"type": "GPU", "sharingStrategy": {}}]}), none()), ec2(json!({"resourceRequirements": [{"type": "GPU", "value": "1"}]}), none())),
        ("container-name-missing", ec2(json!({"name": null}), none()), base.clone()),
        ("container-image-missing", ec2(json!({"image": ""}), none()), base.clone()),
        ("containers-empty", ec2(none(), json!({"containerDefinitions": []})), base.clone()),
        ("containers-max", ec2_many(Value::Array((0..11).map(|i| b(&format!("c{i}"), none())).collect()), none()), ec2_many(Value::Array((0..10).map(|i| b(&format!("c{i}"), none())).collect()), none())),
        ("invalid-enum", ec2(none(), json!({"networkMode": "Bridge"})), ec2(none(), json!({"networkMode": "bridge"}))),
        ("out-of-range", ec2(json!({"cpu": -1}), none()), ec2(json!({"cpu": 0}), none())),
        ("too-long", ec2(none(), json!({"tags": [{"key": "k".repeat(129)}]})), ec2(none(), json!({"tags": [{"key": "k".repeat(128)}]}))),
        ("too-many-items", ec2(env_files(11), none()), ec2(env_files(10), none())),
        ("health-check-range", ec2(hc(json!({"interval": 1})), none()), ec2(hc(json!({"interval": 5})), none())),
        ("ephemeral-storage-size", fargate(none(), json!({"ephemeralStorage": {"sizeInGiB": 20}})), fargate(none(), json!({"ephemeralStorage": {"sizeInGiB": 21}}))),
        ("port-range", ec2(json!({"portMappings": [{"containerPort": 80, "hostPort": 70000}]}), none()), ec2(json!({"portMappings": [{"containerPort": 80, "hostPort": 8080}]}), none())),
        ("container-memory-missing", ec2(json!({"memory": null}), none()), ec2(json!({"memory": null}), json!({"memory": "512"}))),
        ("no-essential-container", ec2(json!({"essential": false}), none()), ec2(json!({"essential": true}), none())),
        ("awsvpc-host-port", ec2(json!({"portMappings": [{"containerPort": 80, "hostPort": 8080}]}), json!({"networkMode": "awsvpc"})), ec2(json!({"portMappings": [{"containerPort": 80, "hostPort": 80}]}), json!({"networkMode": "awsvpc"}))),
        ("awsvpc-links", ec2_many(json!([b("a", json!({"links": ["b"]})), b("b", none())]), json!({"networkMode": "awsvpc"})), ec2_many(json!([b("a", json!({"links": ["b"]})), b("b", none())]), none())),
        ("awsvpc-hostname", ec2(json!({"hostname": "h"}), json!({"networkMode": "awsvpc"})), ec2(json!({"hostname": "h"}), none())),
        ("fargate-network-mode", fargate(none(), json!({"networkMode": "bridge"})), fargate(none(), none())),
        ("fargate-cpu-missing", fargate(none(), json!({"cpu": null})), fargate(none(), none())),
        ("fargate-memory-missing", fargate(none(), json!({"memory": null})), fargate(none(), none())),
        ("fargate-size", fargate(none(), json!({"memory": "4096"})), fargate(none(), json!({"memory": "2048"}))),
        ("fargate-awslogs-execution-role", fargate(none(), json!({"executionRoleArn": null})), fargate(none(), none())),
        ("fargate-ecr-execution-role", fargate(json!({"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0", "logConfiguration": null}), json!({"executionRoleArn": null})), fargate(json!({"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0"}), none())),
        ("fargate-ipc-mode", fargate(none(), json!({"ipcMode": "task"})), fargate(none(), none())),
        ("awslogs-options", ec2(awslogs(json!({"awslogs-group": "g"})), none()), ec2(awslogs(json!({"awslogs-group": "g", "awslogs-region": "us-east-1"})), none())),
        ("container-cpu-sum", ec2(json!({"cpu": 512}), json!({"cpu": "256"})), ec2(json!({"cpu": 256}), json!({"cpu": "256"}))),
        ("container-reservation-sum", ec2(json!({"memory": null, "memoryReservation": 1024}), json!({"memory": "512"})), ec2(json!({"memory": null, "memoryReservation": 256}), json!({"memory": "512"}))),
        ("container-memory-over-task", ec2(json!({"memory": 1024}), json!({"memory": "512"})), ec2(json!({"memory": 512}), json!({"memory": "512"}))),
        ("container-port-invalid", ec2(json!({"portMappings": [{"hostPort": 80}]}), none()), ec2(json!({"portMappings": [{"containerPort": 80}]}), none())),
        ("depends-on-essential", ec2_many(json!([b("a", none()), b("b", json!({"dependsOn": [{"containerName": "a", "condition": "COMPLETE"}]}))]), none()), ec2_many(json!([b("a", json!({"essential": false})), b("b", json!({"dependsOn": [{"containerName": "a", "condition": "COMPLETE"}]}))]), none())),
        ("mount-point-volume", ec2(json!({"mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}), none()), ec2(json!({"mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}), json!({"volumes": [{"name": "data"}]}))),
        ("fargate-source-path", fargate(none(), json!({"volumes": [{"name": "v", "host": {"sourcePath": "/x"}}]})), fargate(none(), json!({"volumes": [{"name": "v", "host": {}}]}))),
        ("host-source-path-blank", ec2(none(), json!({"volumes": [{"name": "v", "host": {"sourcePath": ""}}]})), ec2(none(), json!({"volumes": [{"name": "v", "host": {"sourcePath": "/x"}}]}))),
        ("family-name", ec2(none(), json!({"family": "my app"})), ec2(none(), json!({"family": "my-app"}))),
        ("container-name-invalid", ec2(json!({"name": "web app"}), none()), ec2(json!({"name": "web-app"}), none())),
        ("container-name-duplicate", ec2_many(json!([b("a", none()), b("a", none())]), none()), ec2_many(json!([b("a", none()), b("b", none())]), none())),
        ("image-invalid", ec2(json!({"image": "nginx:${tag}"}), none()), base.clone()),
        ("tag-invalid", ec2(none(), json!({"tags": [{"key": "a*b"}]})), ec2(none(), json!({"tags": [{"key": "a-b"}]}))),
        ("task-size-invalid", ec2(none(), json!({"cpu": "lots"})), ec2(none(), json!({"cpu": "256"}))),
        ("memory-reservation-over-memory", ec2(json!({"memoryReservation": 512}), none()), ec2(json!({"memoryReservation": 256}), none())),
        ("awsvpc-extra-hosts", ec2(json!({"extraHosts": [{"hostname": "h", "ipAddress": "10.0.0.1"}]}), json!({"networkMode": "awsvpc"})), ec2(json!({"extraHosts": [{"hostname": "h", "ipAddress": "10.0.0.1"}]}), none())),
        ("host-port-mismatch", ec2(json!({"portMappings": [{"containerPort": 80, "hostPort": 8080}]}), json!({"networkMode": "host"})), ec2(json!({"portMappings": [{"containerPort": 80, "hostPort": 80}]}), json!({"networkMode": "host"}))),
        ("none-port-mappings", ec2(json!({"portMappings": [{"containerPort": 80}]}), json!({"networkMode": "none"})), ec2(none(), json!({"networkMode": "none"}))),
        ("container-port-range", ec2(json!({"portMappings": [{"containerPortRange": "9000-8000"}]}), none()), ec2(json!({"portMappings": [{"containerPortRange": "8000-9000"}]}), none())),
        ("fargate-pid-mode", fargate(none(), json!({"pidMode": "host"})), fargate(none(), json!({"pidMode": "task"}))),
        ("fargate-placement-constraints", fargate(none(), json!({"placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]})), fargate(none(), json!({"placementConstraints": []}))),
        ("fargate-log-driver", fargate(json!({"logConfiguration": {"logDriver": "json-file"}}), none()), fargate(none(), none())),
        ("fargate-unsupported", fargate(json!({"linuxParameters": {"sharedMemorySize": 64}}), none()), fargate(json!({"linuxParameters": {"initProcessEnabled": true}}), none())),
        ("fargate-capabilities", fargate(json!({"linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}}), none()), fargate(json!({"linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"]}}}), none())),
        ("fargate-timeouts", fargate(json!({"stopTimeout": 300}), none()), fargate(json!({"stopTimeout": 120}), none())),
        ("fargate-firelens-config", fargate(json!({"firelensConfiguration": {"type": "fluentbit", "options": {"config-file-type": "s3", "config-file-value": "arn:aws:s3:::b/x.conf"}}}), none()), fargate(json!({"firelensConfiguration": {"type": "fluentbit", "options": {"config-file-type": "file", "config-file-value": "/x.conf"}}}), none())),
        ("fargate-awslogs-stream-prefix", fargate(json!({"logConfiguration": {"options": {"awslogs-stream-prefix": null}}}), none()), fargate(none(), none())),
        ("health-check-command", ec2(hc(json!({"command": ["curl", "-f", "http://localhost/"]})), none()), ec2(hc(json!({"command": ["CMD", "curl", "-f", "http://localhost/"]})), none())),
        ("depends-on-unknown", ec2(json!({"dependsOn": [{"containerName": "db", "condition": "START"}]}), none()), ec2_many(json!([b("a", json!({"dependsOn": [{"containerName": "db", "condition": "START"}]})), b("db", none())]), none())),
        ("depends-on-healthy-check", ec2_many(json!([b("a", json!({"dependsOn": [{"containerName": "db", "condition": "HEALTHY"}]})), b("db", none())]), none()), ec2_many(json!([b("a", json!({"dependsOn": [{"containerName": "db", "condition": "HEALTHY"}]})), b("db", hc(none()))]), none())),
        ("depends-on-cycle", ec2_many(json!([b("a", json!({"dependsOn": [{"containerName": "b", "condition": "START"}]})), b("b", json!({"dependsOn": [{"containerName": "a", "condition": "START"}]}))]), none()), ec2_many(json!([b("a", json!({"dependsOn": [{"containerName": "b", "condition": "START"}]})), b("b", none())]), none())),
        ("links-unknown", ec2(json!({"links": ["db"]}), none()), ec2_many(json!([b("a", json!({"links": ["db:database"]})), b("db", none())]), none())),
        ("volumes-from-unknown", ec2(json!({"volumesFrom": [{"sourceContainer": "db"}]}), none()), ec2_many(json!([b("a", json!({"volumesFrom": [{"sourceContainer": "db"}]})), b("db", none())]), none())),
        ("awsfirelens-router", fargate(json!({"logConfiguration": {"logDriver": "awsfirelens"}}), none()), with_router(&fargate(json!({"logConfiguration": {"logDriver": "awsfirelens"}}), none()))),
        ("efs-transit-encryption", ec2(none(), efs(json!({"authorizationConfig": {"accessPointId": "fsap-1"}}))), ec2(none(), efs(json!({"transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-1"}})))),
        ("efs-access-point-root", ec2(none(), efs(json!({"rootDirectory": "/data", "transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-1"}}))), ec2(none(), efs(json!({"rootDirectory": "/", "transitEncryption": "ENABLED", "authorizationConfig": {"accessPointId": "fsap-1"}})))),
        ("volume-name-duplicate", ec2(none(), json!({"volumes": [{"name": "v"}, {"name": "v"}]})), ec2(none(), json!({"volumes": [{"name": "v"}, {"name": "w"}]}))),
        ("external-efs", ec2(none(), merged(efs(none()), &json!({"requiresCompatibilities": ["EXTERNAL"]}))), ec2(none(), merged(efs(none()), &json!({"requiresCompatibilities": ["EC2"]})))),
        ("role-arn-invalid", ec2(none(), json!({"executionRoleArn": "not a role!"})), ec2(none(), json!({"executionRoleArn": ROLE}))),
        ("secret-value-from", ec2(json!({"secrets": [{"name": "P", "valueFrom": "$x"}]}), json!({"executionRoleArn": ROLE})), ec2(secrets.clone(), json!({"executionRoleArn": ROLE}))),
        ("secrets-execution-role", ec2(secrets.clone(), none()), ec2(secrets.clone(), json!({"executionRoleArn": ROLE}))),
        ("task-size-limit", ec2(json!({"environment": [{"name": "BIG", "value": "x".repeat(70_000)}]}), none()), ec2(json!({"environment": [{"name": "BIG", "value": "x".repeat(60_000)}]}), none())),
        ("managed-instances-only", ec2(none(), json!({"trustedExecutionConfiguration": {"isolationMode": "SHARED"}})), ec2(none(), json!({"requiresCompatibilities": ["MANAGED_INSTANCES"], "trustedExecutionConfiguration": {"isolationMode": "SHARED"}}))),
        ("plaintext-secret", ec2(json!({"environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}), none()), ec2(json!({"environment": [{"name": "DB_HOST", "value": "db"}]}), none())),
        ("shared-role", ec2(none(), json!({"taskRoleArn": ROLE, "executionRoleArn": ROLE})), ec2(none(), json!({"taskRoleArn": "arn:aws:iam::123456789012:role/appTaskRole", "executionRoleArn": ROLE}))),
        ("image-latest-tag", ec2(json!({"image": "nginx"}), none()), base.clone()),
        ("placeholder-value", ec2(json!({"command": ["echo", "${NAME}"]}), none()), ec2(json!({"command": ["echo", "hi"]}), none())),
        ("duplicate-key", r#"{"family": "f", "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 128, "memory": 256}]}"#.into(), base.clone()),
        ("awslogs-option-unknown", ec2(awslogs(json!({"awslogs-group": "g", "awslogs-region": "r", "awslogs-foo": "x"})), none()), ec2(awslogs(json!({"awslogs-group": "g", "awslogs-region": "r"})), none())),
        ("awslogs-datetime-multiline", ec2(awslogs(json!({"awslogs-group": "g", "awslogs-region": "r", "awslogs-datetime-format": "%Y", "awslogs-multiline-pattern": "^x"})), none()), ec2(awslogs(json!({"awslogs-group": "g", "awslogs-region": "r", "awslogs-datetime-format": "%Y"})), none())),
        ("docker-autoprovision-scope", ec2(none(), json!({"volumes": [{"name": "v", "dockerVolumeConfiguration": {"scope": "task", "autoprovision": true}}]})), ec2(none(), json!({"volumes": [{"name": "v", "dockerVolumeConfiguration": {"scope": "shared", "autoprovision": true}}]}))),
        ("container-memory-tiny", ec2(json!({"memory": 4}), none()), ec2(json!({"memory": 6}), none())),
        ("repository-credentials-role", ec2(json!({"repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:reg"}}), none()), ec2(json!({"repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:us-east-1:123456789012:secret:reg"}}), json!({"executionRoleArn": ROLE}))),
    ]
}

#[test]
fn every_rule_has_a_failing_and_a_passing_case() {
    let cases = cases();
    let ids: Vec<&str> = cases.iter().map(|(id, _, _)| *id).collect();
    for rule in catalog::RULES {
        assert!(ids.contains(&rule.id), "no case for rule {}", rule.id);
    }
    for (id, failing, passing) in &cases {
        assert!(catalog::rule(id).is_some(), "{id} is not in the catalogue");
        let bad = validate(failing);
        assert!(bad.findings.iter().any(|f| f.rule == *id), "{id}: the failing case does not report it:\n{}\n{failing}", bad.render_lines("fail"));
        let rule = catalog::rule(id).map(|r| r.severity);
        if rule == Some(ecs_sim::validate::Severity::Error) {
            assert_eq!(bad.verdict, Verdict::Rejected, "{id}");
        }
        let good = validate(passing);
        assert!(good.findings.iter().all(|f| f.rule != *id), "{id}: the passing case reports it:\n{}", good.render_lines("pass"));
        assert_eq!(good.verdict, Verdict::Accepted, "{id}: the passing case is rejected:\n{}\n{passing}", good.render_lines("pass"));
    }
}

#[test]
fn every_finding_carries_its_rule_s_fact_and_explanation() {
    for (id, failing, _) in cases() {
        for f in validate(&failing).findings {
            let rule = catalog::rule(f.rule).unwrap_or_else(|| panic!("{} unknown", f.rule));
            assert_eq!(f.fact, rule.fact, "{id}");
            assert!(f.explanation.starts_with(rule.explanation), "{id}");
            assert!(f.explanation.ends_with(&format!("({})", rule.fact)), "{id}: the explanation cites the fact");
            assert!(f.fact.starts_with('§'), "{id}");
            assert!(!f.message.is_empty(), "{id}");
        }
    }
}

#[test]
fn section_1_10_messages_are_verbatim() {
    let check = |doc: String, rule: &str, message: &str| {
        let r = validate(&doc);
        let f = r.findings.iter().find(|f| f.rule == rule).unwrap_or_else(|| panic!("{rule}: {}", r.render_lines("x")));
        assert_eq!(f.message, message, "{rule}");
        assert!(f.verbatim, "{rule}");
        assert!(f.client_exception_message().ends_with(message), "{rule}");
    };
    check(ec2(json!({"name": null}), none()), "container-name-missing", "Container.name should not be null or empty.");
    check(ec2(json!({"image": null}), none()), "container-image-missing", "Container.image should not be null or empty.");
    check(ec2(none(), json!({"containerDefinitions": []})), "containers-empty", "Container list cannot be empty.");
    check(ec2(json!({"memory": null}), none()), "container-memory-missing", "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.");
    check(ec2(json!({"essential": false}), none()), "no-essential-container", "Task definition doesn't have any essential container.");
    check(ec2_many(json!([b("a", json!({"links": ["b"]})), b("b", none())]), json!({"networkMode": "awsvpc"})), "awsvpc-links", "Links are not supported when networkMode=awsvpc.");
    check(ec2(json!({"hostname": "h"}), json!({"networkMode": "awsvpc"})), "awsvpc-hostname", "hostname is not supported on container when networkMode=awsvpc.");
    check(fargate(none(), json!({"networkMode": null})), "fargate-network-mode", "Fargate only supports network mode 'awsvpc'.");
    check(fargate(none(), json!({"cpu": null})), "fargate-cpu-missing", "Fargate requires that 'cpu' be defined at the task level.");
    check(fargate(none(), json!({"memory": "4096"})), "fargate-size", "No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.");
    check(fargate(none(), json!({"cpu": "300"})), "fargate-size", "Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
    check(fargate(json!({"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", "logConfiguration": null}), json!({"executionRoleArn": null})), "fargate-ecr-execution-role", "Fargate requires task definition to have execution role ARN to support ECR images.");
    check(fargate(none(), json!({"ipcMode": "host"})), "fargate-ipc-mode", "Tasks using the Fargate launch type do not support ipcMode.");
    check(ec2(json!({"logConfiguration": {"logDriver": "awslogs"}}), none()), "awslogs-options", "Log driver awslogs requires options: awslogs-region, awslogs-group");
    check(ec2(json!({"cpu": 512}), json!({"cpu": "256"})), "container-cpu-sum", "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
    check(ec2(json!({"memory": null, "memoryReservation": 1024}), json!({"memory": "512"})), "container-reservation-sum", "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
    check(ec2(json!({"memory": 1024}), json!({"memory": "512"})), "container-memory-over-task", "The 'memory' setting for container 'a' is greater than for the task.");
    check(ec2(json!({"portMappings": [{"containerPort": 0}]}), none()), "container-port-invalid", "Invalid 'containerPort' setting for container 'a'.");
    check(ec2(json!({"mountPoints": [{"sourceVolume": "data", "containerPath": "/d"}]}), none()), "mount-point-volume", "Unknown volume 'data'.");
    check(fargate(none(), json!({"volumes": [{"name": "v", "host": {"sourcePath": "/x"}}]})), "fargate-source-path", "Fargate compatible task definitions do not support sourcePath");
    check(ec2(none(), json!({"volumes": [{"name": "v", "host": {"sourcePath": " "}}]})), "host-source-path-blank", "host.sourcePath should not be blank.");
    check(ec2(json!({"portBindings": []}), none()), "unknown-parameter", "Unknown parameter in containerDefinitions[0]: \"portBindings\", must be one of: name, image, repositoryCredentials, cpu, memory, memoryReservation, links, portMappings, essential, restartPolicy, entryPoint, command, environment, environmentFiles, mountPoints, volumesFrom, linuxParameters, secrets, dependsOn, startTimeout, stopTimeout, versionConsistency, hostname, user, workingDirectory, disableNetworking, privileged, readonlyRootFilesystem, dnsServers, dnsSearchDomains, extraHosts, dockerSecurityOptions, interactive, pseudoTerminal, dockerLabels, ulimits, logConfiguration, healthCheck, systemControls, resourceRequirements, firelensConfiguration, credentialSpecs");
}

#[test]
fn rules_whose_aws_wording_is_unknown_say_so() {
    for id in ["containers-max", "family-name", "container-name-duplicate", "health-check-range", "none-port-mappings", "efs-transit-encryption"] {
        assert!(!catalog::rule(id).is_some_and(|r| r.verbatim), "{id}");
    }
    let r = validate(&fargate(none(), json!({"memory": null})));
    assert!(r.findings.iter().any(|f| f.rule == "fargate-memory-missing" && !f.verbatim));
}
