//! Compact static description of every request-side shape (member name → kind, required
//! flag, botocore `min`), in API-model member order. The parser walks JSON against it to
//! report problems the way botocore's `ParamValidator` does; tests check it member for member
//! against what the serde structs accept, so the two cannot drift apart. The shapes
//! themselves are in `container` (ContainerDefinition and below) and `task` (the request,
//! volumes and the other task-level shapes).

mod container;
mod task;

pub use container::*;
pub use task::*;

/// What a member holds, as far as botocore's type check goes.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    String,
    /// A string restricted to these values (the service checks them, botocore does not).
    Enum(&'static [&'static str]),
    Integer,
    Boolean,
    List(&'static Kind),
    /// `map<string, string>`.
    StringMap,
    Structure(&'static Shape),
}

/// One member of a structure.
#[derive(Debug)]
pub struct Member {
    /// JSON key (camelCase, exactly as in the model).
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// botocore `min`: length for strings and lists, value for integers.
    pub min: Option<i64>,
}

/// One structure shape.
#[derive(Debug)]
pub struct Shape {
    /// Model shape name, e.g. `ContainerDefinition`.
    pub name: &'static str,
    pub members: &'static [Member],
    /// Tagged union: exactly one member must be set.
    pub union: bool,
}

impl Shape {
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }

    pub fn member_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.members.iter().map(|m| m.name)
    }

    pub fn required_members(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.members.iter().filter(|m| m.required).map(|m| m.name)
    }
}

const fn opt(name: &'static str, kind: Kind) -> Member {
    Member {
        name,
        kind,
        required: false,
        min: None,
    }
}
const fn req(name: &'static str, kind: Kind) -> Member {
    Member {
        name,
        kind,
        required: true,
        min: None,
    }
}
const fn shape(name: &'static str, members: &'static [Member]) -> Shape {
    Shape {
        name,
        members,
        union: false,
    }
}

/// `list<string>`.
const STRINGS: Kind = Kind::List(&Kind::String);

/// Every shape (the request and everything it reaches).
pub static ALL_SHAPES: &[&Shape] = &[
    &REGISTER_TASK_DEFINITION_REQUEST,
    &CONTAINER_DEFINITION,
    &PORT_MAPPING,
    &LOG_CONFIGURATION,
    &HEALTH_CHECK,
    &SECRET,
    &KEY_VALUE_PAIR,
    &ENVIRONMENT_FILE,
    &MOUNT_POINT,
    &VOLUME_FROM,
    &CONTAINER_DEPENDENCY,
    &HOST_ENTRY,
    &RESOURCE_REQUIREMENT,
    &SHARING_STRATEGY,
    &NVIDIA_MPS_ALLOCATION,
    &FIRELENS_CONFIGURATION,
    &REPOSITORY_CREDENTIALS,
    &CONTAINER_RESTART_POLICY,
    &SYSTEM_CONTROL,
    &LINUX_PARAMETERS,
    &KERNEL_CAPABILITIES,
    &DEVICE,
    &TMPFS,
    &ULIMIT,
    &VOLUME,
    &HOST_VOLUME_PROPERTIES,
    &DOCKER_VOLUME_CONFIGURATION,
    &EFS_VOLUME_CONFIGURATION,
    &EFS_AUTHORIZATION_CONFIG,
    &S3FILES_VOLUME_CONFIGURATION,
    &FSX_VOLUME_CONFIGURATION,
    &FSX_AUTHORIZATION_CONFIG,
    &PLACEMENT_CONSTRAINT,
    &PROXY_CONFIGURATION,
    &EPHEMERAL_STORAGE,
    &RUNTIME_PLATFORM,
    &INFERENCE_ACCELERATOR,
    &TAG,
    &TRUSTED_EXECUTION_CONFIGURATION,
];
