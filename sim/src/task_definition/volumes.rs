//! `volumes[]` of a task definition and every volume sub-shape: bind/Docker-managed host
//! volumes, Docker volume plugins, EFS, S3 Files and FSx for Windows File Server.
//! Members are in API-model order.

use std::collections::BTreeMap;

/// `dockerVolumeConfiguration.scope` values (`Scope` enum).
pub const SCOPES: &[&str] = &["task", "shared"];
/// `efsVolumeConfiguration.transitEncryption` values (`EFSTransitEncryption` enum).
pub const EFS_TRANSIT_ENCRYPTION_VALUES: &[&str] = &["ENABLED", "DISABLED"];
/// `efsVolumeConfiguration.authorizationConfig.iam` values (`EFSAuthorizationConfigIAM`).
pub const EFS_AUTHORIZATION_CONFIG_IAM_VALUES: &[&str] = &["ENABLED", "DISABLED"];

api_shape! {request
/// `volumes[]`.
pub struct Volume {
    name: String,
    host: HostVolumeProperties,
    docker_volume_configuration: DockerVolumeConfiguration,
    efs_volume_configuration: EFSVolumeConfiguration,
    s3files_volume_configuration: S3FilesVolumeConfiguration,
    fsx_windows_file_server_volume_configuration: FSxWindowsFileServerVolumeConfiguration,
    /// EBS volume configured when the task is run.
    configured_at_launch: bool,
}}

api_shape! {request
/// `volumes[].host`: `{}` for a Docker-managed volume, `sourcePath` for a bind mount.
pub struct HostVolumeProperties {
    source_path: String,
}}

api_shape! {request
/// `volumes[].dockerVolumeConfiguration`.
pub struct DockerVolumeConfiguration {
    /// One of [`SCOPES`].
    scope: String,
    autoprovision: bool,
    driver: String,
    driver_opts: BTreeMap<String, String>,
    labels: BTreeMap<String, String>,
}}

api_shape! {request
/// `volumes[].efsVolumeConfiguration`. Required: `fileSystemId`.
pub struct EFSVolumeConfiguration {
    file_system_id: String,
    root_directory: String,
    /// One of [`EFS_TRANSIT_ENCRYPTION_VALUES`].
    transit_encryption: String,
    transit_encryption_port: i64,
    authorization_config: EFSAuthorizationConfig,
}}

api_shape! {request
/// `efsVolumeConfiguration.authorizationConfig`.
pub struct EFSAuthorizationConfig {
    access_point_id: String,
    /// One of [`EFS_AUTHORIZATION_CONFIG_IAM_VALUES`].
    iam: String,
}}

api_shape! {request
/// `volumes[].s3filesVolumeConfiguration`. Required: `fileSystemArn`.
pub struct S3FilesVolumeConfiguration {
    file_system_arn: String,
    root_directory: String,
    transit_encryption_port: i64,
    access_point_arn: String,
}}

api_shape! {request
/// `volumes[].fsxWindowsFileServerVolumeConfiguration`. Required: all three members.
pub struct FSxWindowsFileServerVolumeConfiguration {
    file_system_id: String,
    root_directory: String,
    authorization_config: FSxWindowsFileServerAuthorizationConfig,
}}

api_shape! {request
/// `fsxWindowsFileServerVolumeConfiguration.authorizationConfig`. Required: both members.
pub struct FSxWindowsFileServerAuthorizationConfig {
    credentials_parameter: String,
    domain: String,
}}
