//! ECS objects as the API returns them (key order is fixed later from the model; here only content matters).

use crate::clock::SimTime;
use crate::task_definition::ContainerDefinition;
use crate::tuning::{ACCOUNT_ID, CALLER_USER};
use crate::world::ecs::{Cluster, ContainerInstance, Registered, Task, TaskStatus};
use serde_json::{Map, Value, json};

pub(super) fn ts(t: SimTime) -> Value {
    Value::String(t.to_cli_string())
}

pub(super) fn tags(list: &[(String, String)]) -> Value {
    Value::Array(list.iter().map(|(k, v)| json!({"key": k, "value": v})).collect())
}

pub fn cluster(c: &Cluster, include_tags: bool) -> Value {
    let mut v = json!({
        "clusterArn": c.arn(),
        "clusterName": c.name,
        "status": c.status,
        "registeredContainerInstancesCount": c.active_instance_count(),
        "runningTasksCount": c.running_count(),
        "pendingTasksCount": c.pending_count(),
        "activeServicesCount": c.services.values().filter(|s| s.status == "ACTIVE").count(),
        "statistics": [],
        "settings": c.settings.iter().map(|(k, v)| json!({"name": k, "value": v})).collect::<Vec<_>>(),
        "capacityProviders": c.capacity_providers,
        "defaultCapacityProviderStrategy": super::capacity_strategy::render(&c.default_capacity_provider_strategy),
    });
    if include_tags {
        v["tags"] = tags(&c.tags);
    }
    v
}

fn integer_resource(name: &str, value: u32) -> Value {
    json!({"name": name, "type": "INTEGER", "doubleValue": 0.0, "longValue": 0, "integerValue": value})
}

fn ports_resource(name: &str, ports: &[u16]) -> Value {
    json!({
        "name": name, "type": "STRINGSET", "doubleValue": 0.0, "longValue": 0, "integerValue": 0,
        "stringSetValue": ports.iter().map(u16::to_string).collect::<Vec<_>>()
    })
}

pub fn container_instance(cluster: &Cluster, ci: &ContainerInstance) -> Value {
    let (cpu, mem) = cluster.remaining(ci);
    let (running, pending) = cluster.instance_task_counts(&ci.id);
    let ports = ci.reserved_ports();
    let udp = &ci.config.reserved_ports_udp;
    let attributes: Vec<Value> = ci
        .attributes
        .iter()
        .map(|(k, v)| match v {
            Some(v) => json!({"name": k, "value": v}),
            None => json!({"name": k}),
        })
        .collect();
    json!({
        "containerInstanceArn": ci.arn(),
        "ec2InstanceId": ci.ec2_instance_id,
        "version": ci.version,
        "versionInfo": {
            "agentVersion": crate::world::amis::ECS_AGENT_VERSION,
            "agentHash": ci.agent_hash,
            "dockerVersion": format!("DockerVersion: {}", crate::world::amis::DOCKER_VERSION),
        },
        "remainingResources": [
            integer_resource("CPU", cpu),
            integer_resource("MEMORY", mem),
            ports_resource("PORTS", ports),
            ports_resource("PORTS_UDP", udp),
        ],
        "registeredResources": [
            integer_resource("CPU", ci.registered_cpu),
            integer_resource("MEMORY", ci.registered_memory),
            ports_resource("PORTS", ports),
            ports_resource("PORTS_UDP", udp),
        ],
        "status": ci.status,
        "agentConnected": ci.agent_connected,
        "runningTasksCount": running,
        "pendingTasksCount": pending,
        "attributes": attributes,
        "registeredAt": ts(ci.registered_at),
        "attachments": [],
        "tags": [],
    })
}

/// A task as DescribeTasks returns it. Host port bindings show once the containers run; an awsvpc task's
/// ENI shows as an attachment, and each container lists its interface.
/// `defs` are the task definition's containers and `now` the time, for the health checks' status (§1.6).
pub fn task(cluster: &Cluster, t: &Task, defs: &[ContainerDefinition], now: SimTime) -> Value {
    use crate::lifecycle::container_health;
    let started = t.last_status >= TaskStatus::Running;
    let containers: Vec<Value> = t
        .containers
        .iter()
        .map(|c| {
            let bindings: Vec<Value> = if started && t.last_status < TaskStatus::Stopped {
                t.bindings
                    .iter()
                    .filter(|b| b.container_name == c.name)
                    .map(|b| json!({"bindIP": b.bind_ip, "containerPort": b.container_port, "hostPort": b.host_port, "protocol": b.protocol}))
                    .collect()
            } else {
                Vec::new()
            };
            let interfaces: Vec<Value> = t
                .eni
                .iter()
                .map(|e| json!({"attachmentId": eni_attachment_id(t), "privateIpv4Address": e.private_ip}))
                .collect();
            let mut v = json!({
                "containerArn": t.container_arn(c),
                "taskArn": t.arn(),
                "name": c.name,
                "image": c.image,
                "lastStatus": c.last_status,
                "networkBindings": bindings,
                "networkInterfaces": interfaces,
                "healthStatus": defs.iter().find(|d| d.name.as_deref() == Some(c.name.as_str())).map_or("UNKNOWN", |d| container_health::container_status(t, d, now)),
                "cpu": c.cpu.to_string(),
            });
            if t.last_status >= TaskStatus::Activating
                && let Some(id) = &c.runtime_id {
                    v["runtimeId"] = json!(id);
                }
            if let Some(code) = c.exit_code {
                v["exitCode"] = json!(code);
            }
            if let Some(reason) = &c.reason {
                v["reason"] = json!(reason);
            }
            if let Some(m) = c.memory {
                v["memory"] = json!(m.to_string());
            }
            if let Some(m) = c.memory_reservation {
                v["memoryReservation"] = json!(m.to_string());
            }
            v
        })
        .collect();
    let mut overrides = t.overrides.clone();
    if !overrides.is_object() {
        overrides = json!({});
    }
    if overrides.get("containerOverrides").is_none() {
        overrides["containerOverrides"] = Value::Array(t.containers.iter().map(|c| json!({"name": c.name})).collect());
    }
    if overrides.get("inferenceAcceleratorOverrides").is_none() {
        overrides["inferenceAcceleratorOverrides"] = json!([]);
    }
    let attachments: Vec<Value> = t
        .eni
        .iter()
        .map(|e| {
            let status = match t.last_status {
                TaskStatus::Provisioning => "PRECREATED",
                TaskStatus::Stopped => "DELETED",
                s if s > TaskStatus::Running => "DETACHING",
                _ => "ATTACHED",
            };
            let mut details = vec![
                json!({"name": "subnetId", "value": e.subnet_id}),
                json!({"name": "networkInterfaceId", "value": e.id}),
                json!({"name": "macAddress", "value": e.mac}),
                json!({"name": "privateDnsName", "value": crate::world::network::private_dns_name(&t.region, &e.private_ip)}),
                json!({"name": "privateIPv4Address", "value": e.private_ip}),
            ];
            if let Some(p) = &e.public_ip {
                details.push(json!({"name": "publicIPv4Address", "value": p}));
            }
            json!({"id": eni_attachment_id(t), "type": "ElasticNetworkInterface", "status": status, "details": details})
        })
        .collect();
    let arch = t
        .container_instance_id
        .as_ref()
        .and_then(|id| cluster.container_instances.get(id))
        .and_then(|ci| ci.attributes.get("ecs.cpu-architecture").cloned().flatten())
        .unwrap_or_else(|| "x86_64".into());
    let fargate = t.launch_type == crate::world::ecs::LaunchType::Fargate;
    let mut v = json!({
        "attachments": attachments,
        "attributes": [{"name": "ecs.cpu-architecture", "value": arch}],
        "availabilityZone": t.availability_zone,
        "capacityProviderName": t.capacity_provider_name,
        "clusterArn": cluster.arn(),
        "containerInstanceArn": t.container_instance_id.as_ref().and_then(|id| cluster.container_instances.get(id)).map(ContainerInstance::arn),
        "containers": containers,
        "cpu": t.cpu,
        "createdAt": ts(t.created_at),
        "desiredStatus": t.desired_status.as_str(),
        "enableExecuteCommand": t.enable_execute_command,
        "group": t.group,
        "healthStatus": container_health::task_status(t, defs, now),
        "lastStatus": t.last_status.as_str(),
        "launchType": t.launch_type.as_str(),
        "memory": t.memory,
        "overrides": overrides,
        "platformVersion": t.platform_version,
        "platformFamily": if fargate { Some("Linux") } else { None },
        "startedBy": t.started_by,
        "stopCode": t.stop_code,
        "stoppedReason": t.stopped_reason,
        "tags": tags(&t.tags),
        "taskArn": t.arn(),
        "taskDefinitionArn": t.task_definition_arn(),
        "version": t.version,
    });
    if fargate {
        v["ephemeralStorage"] = json!({"sizeInGiB": 20});
    }
    if let Some(p) = &t.capacity_provider_name {
        v["capacityProviderName"] = json!(p);
    }
    if t.last_status >= TaskStatus::Pending {
        v["connectivity"] = json!("CONNECTED");
        if let Some(at) = t.connectivity_at.or(t.pull_started_at) {
            v["connectivityAt"] = ts(at);
        }
    }
    for (key, at) in [
        ("pullStartedAt", t.pull_started_at),
        ("pullStoppedAt", t.pull_stopped_at),
        ("startedAt", t.started_at),
        ("stoppingAt", t.stopping_at),
        ("executionStoppedAt", t.execution_stopped_at),
        ("stoppedAt", t.stopped_at),
    ] {
        if let Some(at) = at {
            v[key] = ts(at);
        }
    }
    v
}

/// The ENI attachment's id: a UUID derived from the task id, so it is stable.
fn eni_attachment_id(t: &Task) -> String {
    let h = format!("{:0<32}", t.id);
    let part = |a: usize, b: usize| h.get(a..b).unwrap_or_default().to_string();
    format!("{}-{}-{}-{}-{}", part(0, 8), part(8, 12), part(12, 16), part(16, 20), part(20, 32))
}

/// A container definition as ECS returns it: the request's fields, with the defaults ECS fills in
/// (`cpu` 0, `essential` true, empty lists, and host ports and protocols on port mappings).
pub fn container_definition(c: &ContainerDefinition, network_mode: &str) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or_else(|_| Value::Object(Map::new()));
    let Some(o) = v.as_object_mut() else { return v };
    o.entry("cpu").or_insert(json!(0));
    o.entry("essential").or_insert(json!(true));
    for list in ["portMappings", "environment", "mountPoints", "volumesFrom", "systemControls"] {
        o.entry(list).or_insert(json!([]));
    }
    if let Some(Value::Array(maps)) = o.get_mut("portMappings") {
        for m in maps.iter_mut().filter_map(Value::as_object_mut) {
            let container_port = m.get("containerPort").cloned();
            if !m.contains_key("hostPort") && m.get("containerPortRange").is_none() {
                let host = if network_mode == "bridge" { json!(0) } else { container_port.unwrap_or(json!(0)) };
                m.insert("hostPort".into(), host);
            }
            m.entry("protocol").or_insert(json!("tcp"));
        }
    }
    v
}

pub fn task_definition(r: &Registered) -> Value {
    let req = &r.request;
    let network_mode = req.network_mode.as_deref().unwrap_or("bridge");
    let mut v = serde_json::to_value(req).unwrap_or_else(|_| Value::Object(Map::new()));
    let Some(o) = v.as_object_mut() else { return v };
    o.remove("tags");
    o.insert(
        "containerDefinitions".into(),
        Value::Array(req.container_definitions.iter().flatten().map(|c| container_definition(c, network_mode)).collect()),
    );
    o.insert("taskDefinitionArn".into(), json!(r.arn()));
    o.insert("revision".into(), json!(r.revision));
    o.insert("status".into(), json!(r.status()));
    o.entry("volumes").or_insert(json!([]));
    o.entry("placementConstraints").or_insert(json!([]));
    if !r.requires_attributes.is_empty() {
        o.insert(
            "requiresAttributes".into(),
            Value::Array(r.requires_attributes.iter().map(|a| json!({"name": a})).collect()),
        );
    }
    o.insert("compatibilities".into(), json!(r.compatibilities));
    o.insert("registeredAt".into(), ts(r.registered_at));
    o.insert("registeredBy".into(), json!(format!("arn:aws:iam::{ACCOUNT_ID}:user/{CALLER_USER}")));
    if let Some(at) = r.deregistered_at {
        o.insert("deregisteredAt".into(), ts(at));
    }
    v
}
