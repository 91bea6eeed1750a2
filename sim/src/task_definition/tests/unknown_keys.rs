//! For every shape: an unknown key is reported by the botocore-style walk with botocore's
//! path and member list, and serde's `deny_unknown_fields` rejects it too.

use serde_json::Value;

use super::{full_sample, object_at};
use crate::task_definition::RegisterTaskDefinitionRequest;
use crate::task_definition::parse::{ParamProblem, validate_params};
use crate::task_definition::shapes::{self, Shape};

/// Puts `"bogusKey": 1` into the object at `path` of a fully populated request and checks
/// what the walk and serde say about it.
fn assert_unknown_reported(path: &str, shape: &'static Shape) {
    let mut value = full_sample();
    object_at(&mut value, path).insert("bogusKey".to_string(), Value::from(1));
    let problems = validate_params(&value);
    let unknown = ParamProblem::UnknownParameter {
        path: path.to_string(),
        key: "bogusKey".to_string(),
        valid_names: shape.member_names().collect(),
    };
    let expected = if shape.union {
        let members = shape.member_names().collect();
        vec![
            ParamProblem::UnionMultiple {
                path: path.to_string(),
                members,
            },
            unknown,
        ]
    } else {
        vec![unknown]
    };
    assert_eq!(problems, expected);
    let line = problems.last().map(ToString::to_string).unwrap_or_default();
    let members: Vec<&str> = shape.member_names().collect();
    assert_eq!(
        line,
        format!(
            "Unknown parameter in {path}: \"bogusKey\", must be one of: {}",
            members.join(", ")
        )
    );

    let serde_err = serde_path_to_error::deserialize::<_, RegisterTaskDefinitionRequest>(value)
        .expect_err("serde must reject the unknown key too");
    let serde_path = serde_err.path().to_string();
    let want = if path == "input" {
        "bogusKey".to_string()
    } else {
        format!("{path}.bogusKey")
    };
    assert_eq!(serde_path, want);
}

macro_rules! unknown_key_tests {
    ($($test:ident: $path:literal => $shape:ident;)*) => {
        $(
            #[test]
            fn $test() {
                assert_unknown_reported($path, &shapes::$shape);
            }
        )*
    };
}

unknown_key_tests! {
    register_task_definition_request: "input" => REGISTER_TASK_DEFINITION_REQUEST;
    container_definition: "containerDefinitions[0]" => CONTAINER_DEFINITION;
    port_mapping: "containerDefinitions[0].portMappings[0]" => PORT_MAPPING;
    log_configuration: "containerDefinitions[0].logConfiguration" => LOG_CONFIGURATION;
    log_secret_option: "containerDefinitions[0].logConfiguration.secretOptions[0]" => SECRET;
    health_check: "containerDefinitions[0].healthCheck" => HEALTH_CHECK;
    secret: "containerDefinitions[0].secrets[0]" => SECRET;
    key_value_pair: "containerDefinitions[0].environment[0]" => KEY_VALUE_PAIR;
    environment_file: "containerDefinitions[0].environmentFiles[0]" => ENVIRONMENT_FILE;
    mount_point: "containerDefinitions[0].mountPoints[0]" => MOUNT_POINT;
    volume_from: "containerDefinitions[0].volumesFrom[0]" => VOLUME_FROM;
    container_dependency: "containerDefinitions[0].dependsOn[0]" => CONTAINER_DEPENDENCY;
    host_entry: "containerDefinitions[0].extraHosts[0]" => HOST_ENTRY;
    resource_requirement: "containerDefinitions[0].resourceRequirements[0]" => RESOURCE_REQUIREMENT;
    sharing_strategy: "containerDefinitions[0].resourceRequirements[0].sharingStrategy" => SHARING_STRATEGY;
    nvidia_mps_allocation: "containerDefinitions[0].resourceRequirements[0].sharingStrategy.nvidiaMps" => NVIDIA_MPS_ALLOCATION;
    firelens_configuration: "containerDefinitions[0].firelensConfiguration" => FIRELENS_CONFIGURATION;
    repository_credentials: "containerDefinitions[0].repositoryCredentials" => REPOSITORY_CREDENTIALS;
    container_restart_policy: "containerDefinitions[0].restartPolicy" => CONTAINER_RESTART_POLICY;
    system_control: "containerDefinitions[0].systemControls[0]" => SYSTEM_CONTROL;
    linux_parameters: "containerDefinitions[0].linuxParameters" => LINUX_PARAMETERS;
    kernel_capabilities: "containerDefinitions[0].linuxParameters.capabilities" => KERNEL_CAPABILITIES;
    device: "containerDefinitions[0].linuxParameters.devices[0]" => DEVICE;
    tmpfs: "containerDefinitions[0].linuxParameters.tmpfs[0]" => TMPFS;
    ulimit: "containerDefinitions[0].ulimits[0]" => ULIMIT;
    volume: "volumes[0]" => VOLUME;
    host_volume_properties: "volumes[0].host" => HOST_VOLUME_PROPERTIES;
    docker_volume_configuration: "volumes[0].dockerVolumeConfiguration" => DOCKER_VOLUME_CONFIGURATION;
    efs_volume_configuration: "volumes[0].efsVolumeConfiguration" => EFS_VOLUME_CONFIGURATION;
    efs_authorization_config: "volumes[0].efsVolumeConfiguration.authorizationConfig" => EFS_AUTHORIZATION_CONFIG;
    s3files_volume_configuration: "volumes[0].s3filesVolumeConfiguration" => S3FILES_VOLUME_CONFIGURATION;
    fsx_volume_configuration: "volumes[0].fsxWindowsFileServerVolumeConfiguration" => FSX_VOLUME_CONFIGURATION;
    fsx_authorization_config: "volumes[0].fsxWindowsFileServerVolumeConfiguration.authorizationConfig" => FSX_AUTHORIZATION_CONFIG;
    placement_constraint: "placementConstraints[0]" => PLACEMENT_CONSTRAINT;
    proxy_configuration: "proxyConfiguration" => PROXY_CONFIGURATION;
    proxy_property: "proxyConfiguration.properties[0]" => KEY_VALUE_PAIR;
    ephemeral_storage: "ephemeralStorage" => EPHEMERAL_STORAGE;
    runtime_platform: "runtimePlatform" => RUNTIME_PLATFORM;
    inference_accelerator: "inferenceAccelerators[0]" => INFERENCE_ACCELERATOR;
    tag: "tags[0]" => TAG;
    trusted_execution_configuration: "trustedExecutionConfiguration" => TRUSTED_EXECUTION_CONFIGURATION;
}

#[test]
fn several_unknown_keys_are_all_reported_in_input_order() {
    let text = r#"{"family": "f", "containerDefinitions": [
        {"name": "a", "portBindings": [], "image": "i", "memorySize": 5},
        {"name": "b", "image": "i", "portMappings": [{"containerPort": 80}, {"hostport": 8080}]}
    ], "tagz": []}"#;
    let problems: Vec<String> = match crate::task_definition::parse_request(text) {
        Err(crate::task_definition::RequestParseError::ParamValidation { problems }) => problems
            .iter()
            .map(|p| format!("{}: {}", p.path(), p))
            .collect(),
        other => panic!("{other:?}"),
    };
    let paths: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        paths,
        [
            "input",
            "containerDefinitions[0]",
            "containerDefinitions[0]",
            "containerDefinitions[1].portMappings[1]"
        ]
    );
    assert!(problems[1].contains(r#"Unknown parameter in containerDefinitions[0]: "portBindings", must be one of: name, image, repositoryCredentials, cpu, memory,"#));
    assert!(problems[3].contains(r#""hostport", must be one of: containerPort, hostPort, protocol, name, appProtocol, containerPortRange"#));
}
