//! The catalogue of EC2 instance types the sandbox can launch: vCPUs, memory, the memory the OS leaves
//! visible to the ECS agent, ENI limit, architecture and GPUs.
//!
//! Registered CPU is vCPUs × 1024 and registered memory is the OS-visible total less `ECS_RESERVED_MEMORY`
//! (ecs-facts.md §2.4). The OS-visible figure is below the nominal size: an m4.large registers 7985 MiB of
//! its 8192 (§2.4, DG memory-management.md). Where no measured figure is known the catalogue uses 97.5% of
//! the nominal size, the ratio of that example.

/// CPU architecture, spelled as the `ecs.cpu-architecture` attribute spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Architecture {
    X86_64,
    Arm64,
}

impl Architecture {
    pub fn attribute(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstanceType {
    pub name: &'static str,
    pub vcpus: u32,
    /// Nominal memory, MiB.
    pub memory_mib: u32,
    /// Memory the OS reports (what the agent reads), MiB.
    pub os_visible_mib: u32,
    /// Maximum network interfaces, the primary one included.
    pub max_enis: u32,
    pub architecture: Architecture,
    pub gpus: u32,
}

const fn t(name: &'static str, vcpus: u32, memory_mib: u32, max_enis: u32, arch: Architecture, gpus: u32) -> InstanceType {
    InstanceType { name, vcpus, memory_mib, os_visible_mib: memory_mib / 40 * 39, max_enis, architecture: arch, gpus }
}

use Architecture::{Arm64, X86_64};

/// Every type the sandbox knows, sorted by name.
pub const CATALOGUE: &[InstanceType] = &[
    t("c5.large", 2, 4096, 3, X86_64, 0),
    t("c5.xlarge", 4, 8192, 4, X86_64, 0),
    t("c6g.large", 2, 4096, 3, Arm64, 0),
    t("g4dn.12xlarge", 48, 196608, 8, X86_64, 4),
    t("g4dn.xlarge", 4, 16384, 3, X86_64, 1),
    t("m1.small", 1, 1740, 2, X86_64, 0),
    // Measured: an m4.large registers 7985 MiB (DG memory-management.md).
    InstanceType { name: "m4.large", vcpus: 2, memory_mib: 8192, os_visible_mib: 7985, max_enis: 2, architecture: X86_64, gpus: 0 },
    t("m5.2xlarge", 8, 32768, 4, X86_64, 0),
    t("m5.large", 2, 8192, 3, X86_64, 0),
    t("m5.xlarge", 4, 16384, 4, X86_64, 0),
    t("m6g.large", 2, 8192, 3, Arm64, 0),
    t("r5.large", 2, 16384, 3, X86_64, 0),
    t("t2.micro", 1, 1024, 2, X86_64, 0),
    t("t2.small", 1, 2048, 3, X86_64, 0),
    t("t3.large", 2, 8192, 3, X86_64, 0),
    t("t3.medium", 2, 4096, 3, X86_64, 0),
    t("t3.micro", 2, 1024, 2, X86_64, 0),
    t("t3.small", 2, 2048, 3, X86_64, 0),
    t("t3.xlarge", 4, 16384, 4, X86_64, 0),
    t("t4g.medium", 2, 4096, 3, Arm64, 0),
    t("t4g.micro", 2, 1024, 2, Arm64, 0),
    t("t4g.small", 2, 2048, 3, Arm64, 0),
];

/// EC2's default when `run-instances` names no type.
pub const DEFAULT_INSTANCE_TYPE: &str = "m1.small";

pub fn lookup(name: &str) -> Option<&'static InstanceType> {
    CATALOGUE.iter().find(|t| t.name == name)
}

impl InstanceType {
    /// CPU units the agent registers: 1024 per vCPU (ecs-facts.md §2.4).
    pub fn registered_cpu(&self) -> u32 {
        self.vcpus * 1024
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_sorted_and_unique() {
        let names: Vec<_> = CATALOGUE.iter().map(|t| t.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn registered_cpu_is_vcpus_times_1024_fact_2_4() {
        assert_eq!(lookup("t3.medium").map(InstanceType::registered_cpu), Some(2048));
        assert_eq!(lookup("m4.large").map(|t| t.os_visible_mib), Some(7985));
        assert!(lookup("t3.medium").is_some_and(|t| t.os_visible_mib < t.memory_mib));
    }
}
