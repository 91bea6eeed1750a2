//! The static shape description (`shapes`) must match the serde structs member for member,
//! in the same order, and with compatible kinds.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

use super::{full_sample, sample_shape};
use crate::task_definition::described::{READ_ONLY_MEMBERS, TASK_DEFINITION_MEMBERS};
use crate::task_definition::shapes::{self, ALL_SHAPES, Kind, Shape};
use crate::task_definition::*;

/// A deserializer that only records the field list serde asks for.
struct Introspect<'a>(&'a mut Option<&'static [&'static str]>);

#[derive(Debug)]
struct Stop;
impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("introspection stop")
    }
}
impl std::error::Error for Stop {}
impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for Introspect<'_> {
    type Error = Stop;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some(fields);
        Err(Stop)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The JSON keys serde accepts for `T`, in declaration order.
fn serde_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut out = None;
    let _ = T::deserialize(Introspect(&mut out));
    out.unwrap_or_else(|| panic!("{} is not a struct", std::any::type_name::<T>()))
}

fn check<T: DeserializeOwned>(shape: &Shape, seen: &mut Vec<&'static str>) {
    let names: Vec<&str> = shape.member_names().collect();
    assert_eq!(
        serde_fields::<T>(),
        names.as_slice(),
        "{} vs {}",
        shape.name,
        std::any::type_name::<T>()
    );
    // The struct must take a fully populated sample of the shape, and give it back.
    let sample = sample_shape(shape);
    let typed: T = serde_json::from_value(sample.clone())
        .unwrap_or_else(|e| panic!("{}: sample rejected: {e}", shape.name));
    let _ = typed;
    seen.push(shape.name);
}

#[test]
fn static_shapes_match_serde_structs() {
    let mut seen = Vec::new();
    check::<RegisterTaskDefinitionRequest>(&shapes::REGISTER_TASK_DEFINITION_REQUEST, &mut seen);
    check::<ContainerDefinition>(&shapes::CONTAINER_DEFINITION, &mut seen);
    check::<PortMapping>(&shapes::PORT_MAPPING, &mut seen);
    check::<LogConfiguration>(&shapes::LOG_CONFIGURATION, &mut seen);
    check::<HealthCheck>(&shapes::HEALTH_CHECK, &mut seen);
    check::<Secret>(&shapes::SECRET, &mut seen);
    check::<KeyValuePair>(&shapes::KEY_VALUE_PAIR, &mut seen);
    check::<EnvironmentFile>(&shapes::ENVIRONMENT_FILE, &mut seen);
    check::<MountPoint>(&shapes::MOUNT_POINT, &mut seen);
    check::<VolumeFrom>(&shapes::VOLUME_FROM, &mut seen);
    check::<ContainerDependency>(&shapes::CONTAINER_DEPENDENCY, &mut seen);
    check::<HostEntry>(&shapes::HOST_ENTRY, &mut seen);
    check::<ResourceRequirement>(&shapes::RESOURCE_REQUIREMENT, &mut seen);
    check::<SharingStrategy>(&shapes::SHARING_STRATEGY, &mut seen);
    check::<NvidiaMpsAllocation>(&shapes::NVIDIA_MPS_ALLOCATION, &mut seen);
    check::<FirelensConfiguration>(&shapes::FIRELENS_CONFIGURATION, &mut seen);
    check::<RepositoryCredentials>(&shapes::REPOSITORY_CREDENTIALS, &mut seen);
    check::<ContainerRestartPolicy>(&shapes::CONTAINER_RESTART_POLICY, &mut seen);
    check::<SystemControl>(&shapes::SYSTEM_CONTROL, &mut seen);
    check::<LinuxParameters>(&shapes::LINUX_PARAMETERS, &mut seen);
    check::<KernelCapabilities>(&shapes::KERNEL_CAPABILITIES, &mut seen);
    check::<Device>(&shapes::DEVICE, &mut seen);
    check::<Tmpfs>(&shapes::TMPFS, &mut seen);
    check::<Ulimit>(&shapes::ULIMIT, &mut seen);
    check::<Volume>(&shapes::VOLUME, &mut seen);
    check::<HostVolumeProperties>(&shapes::HOST_VOLUME_PROPERTIES, &mut seen);
    check::<DockerVolumeConfiguration>(&shapes::DOCKER_VOLUME_CONFIGURATION, &mut seen);
    check::<EFSVolumeConfiguration>(&shapes::EFS_VOLUME_CONFIGURATION, &mut seen);
    check::<EFSAuthorizationConfig>(&shapes::EFS_AUTHORIZATION_CONFIG, &mut seen);
    check::<S3FilesVolumeConfiguration>(&shapes::S3FILES_VOLUME_CONFIGURATION, &mut seen);
    check::<FSxWindowsFileServerVolumeConfiguration>(&shapes::FSX_VOLUME_CONFIGURATION, &mut seen);
    check::<FSxWindowsFileServerAuthorizationConfig>(&shapes::FSX_AUTHORIZATION_CONFIG, &mut seen);
    check::<TaskDefinitionPlacementConstraint>(&shapes::PLACEMENT_CONSTRAINT, &mut seen);
    check::<ProxyConfiguration>(&shapes::PROXY_CONFIGURATION, &mut seen);
    check::<EphemeralStorage>(&shapes::EPHEMERAL_STORAGE, &mut seen);
    check::<RuntimePlatform>(&shapes::RUNTIME_PLATFORM, &mut seen);
    check::<InferenceAccelerator>(&shapes::INFERENCE_ACCELERATOR, &mut seen);
    check::<Tag>(&shapes::TAG, &mut seen);
    check::<TrustedExecutionConfiguration>(&shapes::TRUSTED_EXECUTION_CONFIGURATION, &mut seen);
    let all: Vec<&str> = ALL_SHAPES.iter().map(|s| s.name).collect();
    assert_eq!(
        seen, all,
        "every static shape is checked against a struct, and only once"
    );
}

/// Every shape reachable from the request is listed in `ALL_SHAPES`.
#[test]
fn all_shapes_is_closed() {
    fn visit(kind: &Kind, found: &mut Vec<&'static str>) {
        match kind {
            Kind::List(inner) => visit(inner, found),
            Kind::Structure(shape) if !found.contains(&shape.name) => {
                found.push(shape.name);
                for m in shape.members {
                    visit(&m.kind, found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    visit(
        &Kind::Structure(&shapes::REGISTER_TASK_DEFINITION_REQUEST),
        &mut found,
    );
    found.sort_unstable();
    let mut all: Vec<&str> = ALL_SHAPES.iter().map(|s| s.name).collect();
    all.sort_unstable();
    assert_eq!(found, all);
}

/// A request with every member set passes the walk, deserializes, and serializes back to the
/// same JSON in the same key order: kinds and order agree between the two descriptions.
#[test]
fn full_sample_round_trips_exactly() {
    let sample = full_sample();
    assert_eq!(parse::validate_params(&sample), Vec::new());
    let parsed = parse::from_value(sample.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), sample);
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        serde_json::to_string(&sample).unwrap(),
        "key order"
    );
}

#[test]
fn describe_shape_has_model_members_in_order() {
    assert_eq!(serde_fields::<TaskDefinition>(), TASK_DEFINITION_MEMBERS);
    assert_eq!(
        serde_fields::<Attribute>(),
        &["name", "value", "targetType", "targetId"]
    );
    // Describe = request members (less tags) + the read-only ones.
    let request: Vec<&str> = shapes::REGISTER_TASK_DEFINITION_REQUEST
        .member_names()
        .filter(|m| *m != "tags")
        .collect();
    let mut expected: Vec<&str> = request.iter().chain(READ_ONLY_MEMBERS).copied().collect();
    let mut described = TASK_DEFINITION_MEMBERS.to_vec();
    expected.sort_unstable();
    described.sort_unstable();
    assert_eq!(described, expected);
}

#[test]
fn describe_output_deserializes_and_prints_in_cli_order() {
    let text = super::fixture("describe-output-read-only-fields.json");
    let td: TaskDefinition = serde_json::from_str(&text).unwrap(); // `tags` is ignored
    assert_eq!(td.revision, Some(2));
    assert_eq!(td.requires_attributes.as_ref().map(Vec::len), Some(9));
    let printed = serde_json::to_value(&td).unwrap();
    let keys: Vec<&str> = printed
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "taskDefinitionArn",
            "containerDefinitions",
            "family",
            "executionRoleArn",
            "networkMode",
            "revision",
            "volumes",
            "status",
            "requiresAttributes",
            "placementConstraints",
            "compatibilities",
            "runtimePlatform",
            "requiresCompatibilities",
            "cpu",
            "memory",
            "registeredAt",
            "registeredBy",
            "ephemeralStorage",
        ]
    );
    let wrapped = described::DescribeTaskDefinitionResponse {
        task_definition: Some(td),
        tags: Some(vec![]),
    };
    let out = serde_json::to_string(&wrapped).unwrap();
    assert!(out.starts_with(r#"{"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:"#));
    assert!(
        out.ends_with(r#""ephemeralStorage":{"sizeInGiB":21}},"tags":[]}"#),
        "{out}"
    );
}
