//! Machine images: the ECS-optimized AMIs (which run the ECS agent) and a plain Amazon Linux AMI (which does
//! not), and the public SSM parameters that name them, as `aws ssm get-parameters` returns them.
//!
//! AMI ids differ per Region on AWS; here each is derived from the Region and the image name, so they are
//! stable across runs and look like real ids.

use super::instance_types::Architecture;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsFamily {
    Linux,
    Windows2022Full,
}

impl OsFamily {
    /// The `ecs.os-type` attribute.
    pub fn os_type(self) -> &'static str {
        match self {
            OsFamily::Linux => "linux",
            OsFamily::Windows2022Full => "windows",
        }
    }
    /// The `ecs.os-family` attribute.
    pub fn os_family(self) -> &'static str {
        match self {
            OsFamily::Linux => "LINUX",
            OsFamily::Windows2022Full => "WINDOWS_SERVER_2022_FULL",
        }
    }
}

/// One image the sandbox knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Image {
    /// The AMI name, as EC2 shows it.
    pub name: &'static str,
    /// The public SSM parameter whose value is this image's id.
    pub ssm_parameter: &'static str,
    pub architecture: Architecture,
    pub os: OsFamily,
    /// Whether the image starts the ECS agent at boot (the ECS-optimized AMIs do).
    pub runs_ecs_agent: bool,
    pub gpu: bool,
}

/// The agent version the ECS-optimized AMIs carry.
pub const ECS_AGENT_VERSION: &str = "1.101.0";
pub const DOCKER_VERSION: &str = "25.0.8";

pub const IMAGES: &[Image] = &[
    Image {
        name: "al2023-ami-ecs-hvm-2023.0.20260210-kernel-6.1-x86_64",
        ssm_parameter: "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
        architecture: Architecture::X86_64,
        os: OsFamily::Linux,
        runs_ecs_agent: true,
        gpu: false,
    },
    Image {
        name: "al2023-ami-ecs-hvm-2023.0.20260210-kernel-6.1-arm64",
        ssm_parameter: "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id",
        architecture: Architecture::Arm64,
        os: OsFamily::Linux,
        runs_ecs_agent: true,
        gpu: false,
    },
    Image {
        name: "al2023-ami-ecs-gpu-hvm-2023.0.20260210-kernel-6.1-x86_64",
        ssm_parameter: "/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id",
        architecture: Architecture::X86_64,
        os: OsFamily::Linux,
        runs_ecs_agent: true,
        gpu: true,
    },
    Image {
        name: "amzn2-ami-ecs-hvm-2.0.20260210-x86_64-ebs",
        ssm_parameter: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id",
        architecture: Architecture::X86_64,
        os: OsFamily::Linux,
        runs_ecs_agent: true,
        gpu: false,
    },
    Image {
        name: "amzn2-ami-ecs-hvm-2.0.20260210-arm64-ebs",
        ssm_parameter: "/aws/service/ecs/optimized-ami/amazon-linux-2/arm64/recommended/image_id",
        architecture: Architecture::Arm64,
        os: OsFamily::Linux,
        runs_ecs_agent: true,
        gpu: false,
    },
    Image {
        name: "Windows_Server-2022-English-Full-ECS_Optimized-2026.02.11",
        ssm_parameter: "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-ECS_Optimized/image_id",
        architecture: Architecture::X86_64,
        os: OsFamily::Windows2022Full,
        runs_ecs_agent: true,
        gpu: false,
    },
    // A general-purpose image without the ECS agent: instances from it run but never join a cluster.
    Image {
        name: "al2023-ami-2023.10.20260210.0-kernel-6.1-x86_64",
        ssm_parameter: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
        architecture: Architecture::X86_64,
        os: OsFamily::Linux,
        runs_ecs_agent: false,
        gpu: false,
    },
];

/// A stable 64-bit FNV-1a hash, for ids that must not depend on the RNG.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// `ami-` and 17 hex digits, derived from the Region and the image name.
pub fn ami_id(region: &str, image: &Image) -> String {
    let h = stable_hash(&[region, image.name]);
    format!("ami-0{:016x}", h)
}

/// The image with this id in this Region.
pub fn by_id(region: &str, id: &str) -> Option<&'static Image> {
    IMAGES.iter().find(|i| ami_id(region, i) == id)
}

pub fn by_ssm_parameter(name: &str) -> Option<&'static Image> {
    IMAGES.iter().find(|i| i.ssm_parameter == name)
}

/// The parent parameter of an `…/image_id` parameter, whose value is a JSON document describing the image
/// (`/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended`).
pub fn by_ssm_metadata_parameter(name: &str) -> Option<&'static Image> {
    IMAGES.iter().find(|i| i.runs_ecs_agent && i.ssm_parameter.strip_suffix("/image_id") == Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_per_region() {
        let img = &IMAGES[0];
        assert_eq!(ami_id("us-east-1", img), ami_id("us-east-1", img));
        assert_ne!(ami_id("us-east-1", img), ami_id("eu-west-1", img));
        assert_eq!(ami_id("us-east-1", img).len(), 21);
        assert_eq!(by_id("us-east-1", &ami_id("us-east-1", img)), Some(img));
    }
}
