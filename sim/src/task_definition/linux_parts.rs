//! `ContainerDefinition.linuxParameters` and its sub-shapes (kernel capabilities, devices,
//! tmpfs mounts), plus `ulimits[]`. Members are in API-model order.

/// `linuxParameters.devices[].permissions[]` values (`DeviceCgroupPermission` enum).
pub const DEVICE_CGROUP_PERMISSIONS: &[&str] = &["read", "write", "mknod"];
/// `ulimits[].name` values (`UlimitName` enum).
pub const ULIMIT_NAMES: &[&str] = &[
    "core",
    "cpu",
    "data",
    "fsize",
    "locks",
    "memlock",
    "msgqueue",
    "nice",
    "nofile",
    "nproc",
    "rss",
    "rtprio",
    "rttime",
    "sigpending",
    "stack",
];

api_shape! {request
/// `linuxParameters`.
pub struct LinuxParameters {
    capabilities: KernelCapabilities,
    devices: Vec<Device>,
    init_process_enabled: bool,
    shared_memory_size: i64,
    tmpfs: Vec<Tmpfs>,
    max_swap: i64,
    swappiness: i64,
}}

api_shape! {request
/// `linuxParameters.capabilities`.
pub struct KernelCapabilities {
    add: Vec<String>,
    drop: Vec<String>,
}}

api_shape! {request
/// `linuxParameters.devices[]`. Required: `hostPath`.
pub struct Device {
    host_path: String,
    container_path: String,
    /// Each one of [`DEVICE_CGROUP_PERMISSIONS`].
    permissions: Vec<String>,
}}

api_shape! {request
/// `linuxParameters.tmpfs[]`. Required: `containerPath`, `size`.
pub struct Tmpfs {
    container_path: String,
    size: i64,
    mount_options: Vec<String>,
}}

api_shape! {request
/// `ulimits[]`. Required: `name`, `softLimit`, `hardLimit`.
pub struct Ulimit {
    /// One of [`ULIMIT_NAMES`].
    name: String,
    soft_limit: i64,
    hard_limit: i64,
}}
