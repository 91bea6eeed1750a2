//! `/etc/ecs/ecs.config`: the agent's variables, their defaults, and how the agent reads each value
//! (ecs-facts.md §7). Values the agent cannot parse fall back to the default with a warning, as the agent
//! does; the warnings are kept so the page can show them.

use std::collections::BTreeMap;

/// The agent's configuration, after defaults. Defaults are those of the agent as ecs-init starts it on the
/// ECS-optimized AMI (§7, "AMI:" entries), the only kind of image in the sandbox that runs the agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcsConfig {
    /// `ECS_CLUSTER`: the cluster to join; `default` when unset. The agent creates it if it is missing.
    pub cluster: String,
    /// `ECS_RESERVED_MEMORY`, MiB subtracted from the registered memory.
    pub reserved_memory: u32,
    /// `ECS_RESERVED_PORTS`: TCP ports never given to tasks.
    pub reserved_ports: Vec<u16>,
    pub reserved_ports_udp: Vec<u16>,
    /// `ECS_DYNAMIC_HOST_PORT_RANGE`, inclusive. Default: the kernel's `ip_local_port_range`, which is
    /// 32768–60999 on the ECS-optimized AMI's Linux (§2.4 quotes 32768–61000 from the docs).
    pub dynamic_host_port_range: (u16, u16),
    pub enable_task_iam_role: bool,
    pub enable_task_iam_role_network_host: bool,
    pub enable_task_eni: bool,
    pub enable_gpu_support: bool,
    pub enable_spot_instance_draining: bool,
    pub available_logging_drivers: Vec<String>,
    /// `ECS_INSTANCE_ATTRIBUTES`: custom attributes registered with the instance.
    pub instance_attributes: BTreeMap<String, String>,
    /// `ECS_CONTAINER_STOP_TIMEOUT`, seconds.
    pub container_stop_timeout_secs: u32,
    /// Every variable as written, for `sandbox` inspection and for variables the model does not use yet.
    pub raw: BTreeMap<String, String>,
    /// What the agent would log as a warning: values it could not read, with the default it used instead.
    pub warnings: Vec<String>,
}

pub const DEFAULT_CLUSTER: &str = "default";
pub const DEFAULT_RESERVED_PORTS: &[u16] = &[22, 2375, 2376, 51678, 51679];
pub const DEFAULT_DYNAMIC_PORT_RANGE: (u16, u16) = (32768, 60999);
pub const AMI_LOGGING_DRIVERS: &[&str] = &["json-file", "syslog", "awslogs", "fluentd", "none"];

impl Default for EcsConfig {
    fn default() -> Self {
        EcsConfig {
            cluster: DEFAULT_CLUSTER.into(),
            reserved_memory: 0,
            reserved_ports: DEFAULT_RESERVED_PORTS.to_vec(),
            reserved_ports_udp: Vec::new(),
            dynamic_host_port_range: DEFAULT_DYNAMIC_PORT_RANGE,
            enable_task_iam_role: true,
            enable_task_iam_role_network_host: true,
            enable_task_eni: true,
            enable_gpu_support: false,
            enable_spot_instance_draining: false,
            available_logging_drivers: AMI_LOGGING_DRIVERS.iter().map(|s| (*s).to_string()).collect(),
            instance_attributes: BTreeMap::new(),
            container_stop_timeout_secs: 30,
            raw: BTreeMap::new(),
            warnings: Vec::new(),
        }
    }
}

impl EcsConfig {
    /// Builds the configuration from the file's variables, in file order (a later line wins, as when ecs-init
    /// loads the file into the agent's environment).
    pub fn from_variables<'a>(vars: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut c = EcsConfig::default();
        for (k, v) in vars {
            c.raw.insert(k.to_string(), v.to_string());
        }
        let raw = c.raw.clone();
        for (key, value) in &raw {
            c.apply(key, value.trim());
        }
        c
    }

    fn warn(&mut self, key: &str, value: &str, fallback: &str) {
        self.warnings.push(format!("{key}: cannot parse {value:?}; using the default {fallback}"));
    }

    fn apply(&mut self, key: &str, value: &str) {
        match key {
            "ECS_CLUSTER"
                if !value.is_empty() => {
                    self.cluster = value.to_string();
                }
            "ECS_RESERVED_MEMORY" => match value.parse() {
                Ok(v) => self.reserved_memory = v,
                Err(_) => self.warn(key, value, "0"),
            },
            "ECS_RESERVED_PORTS" => match serde_json::from_str::<Vec<u16>>(value) {
                Ok(v) => self.reserved_ports = v,
                Err(_) => self.warn(key, value, "[22, 2375, 2376, 51678, 51679]"),
            },
            "ECS_RESERVED_PORTS_UDP" => match serde_json::from_str::<Vec<u16>>(value) {
                Ok(v) => self.reserved_ports_udp = v,
                Err(_) => self.warn(key, value, "[]"),
            },
            "ECS_DYNAMIC_HOST_PORT_RANGE" => match parse_range(value) {
                Some(r) => self.dynamic_host_port_range = r,
                None => self.warn(key, value, "32768-60999"),
            },
            "ECS_AVAILABLE_LOGGING_DRIVERS" => match serde_json::from_str::<Vec<String>>(value) {
                Ok(v) => self.available_logging_drivers = v,
                Err(_) => self.warn(key, value, r#"["json-file","syslog","awslogs","fluentd","none"]"#),
            },
            "ECS_INSTANCE_ATTRIBUTES" => match serde_json::from_str::<BTreeMap<String, String>>(value) {
                Ok(v) => self.instance_attributes = v,
                Err(_) => self.warn(key, value, "{}"),
            },
            "ECS_CONTAINER_STOP_TIMEOUT" => match parse_seconds(value) {
                Some(s) => self.container_stop_timeout_secs = s,
                None => self.warn(key, value, "30s"),
            },
            "ECS_ENABLE_TASK_IAM_ROLE" => self.enable_task_iam_role = parse_bool(value, true),
            "ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST" => self.enable_task_iam_role_network_host = parse_bool(value, true),
            "ECS_ENABLE_TASK_ENI" => self.enable_task_eni = parse_bool(value, true),
            "ECS_ENABLE_GPU_SUPPORT" => self.enable_gpu_support = parse_bool(value, false),
            "ECS_ENABLE_SPOT_INSTANCE_DRAINING" => self.enable_spot_instance_draining = parse_bool(value, false),
            _ => {}
        }
    }
}

/// The agent reads booleans with Go's strconv.ParseBool; anything else keeps the default.
fn parse_bool(v: &str, default: bool) -> bool {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => true,
        "0" | "f" | "F" | "FALSE" | "false" | "False" => false,
        _ => default,
    }
}

fn parse_range(v: &str) -> Option<(u16, u16)> {
    let (a, b) = v.split_once('-')?;
    let (a, b): (u16, u16) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a > 0 && a < b).then_some((a, b))
}

/// Go durations the agent accepts for timeouts: `30s`, `2m`, `1m30s`.
fn parse_seconds(v: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut num = String::new();
    for ch in v.chars() {
        if ch.is_ascii_digit() {
            num.push(ch);
        } else {
            let n: u32 = num.parse().ok()?;
            num.clear();
            total = total.checked_add(match ch {
                'h' => n.checked_mul(3600)?,
                'm' => n.checked_mul(60)?,
                's' => n,
                _ => return None,
            })?;
        }
    }
    num.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_ecs_optimized_ami_defaults_fact_7() {
        let c = EcsConfig::default();
        assert_eq!(c.cluster, "default");
        assert_eq!(c.reserved_ports, vec![22, 2375, 2376, 51678, 51679]);
        assert!(c.enable_task_iam_role);
        assert_eq!(c.available_logging_drivers.len(), 5);
    }

    #[test]
    fn values_are_read_and_bad_ones_fall_back_with_a_warning() {
        let c = EcsConfig::from_variables([
            ("ECS_CLUSTER", "demo"),
            ("ECS_RESERVED_MEMORY", "256"),
            ("ECS_DYNAMIC_HOST_PORT_RANGE", "40000-40100"),
            ("ECS_RESERVED_PORTS", "[22, oops]"),
            ("ECS_CONTAINER_STOP_TIMEOUT", "1m30s"),
            ("ECS_ENABLE_TASK_IAM_ROLE", "false"),
        ]);
        assert_eq!(c.cluster, "demo");
        assert_eq!(c.reserved_memory, 256);
        assert_eq!(c.dynamic_host_port_range, (40000, 40100));
        assert_eq!(c.reserved_ports, DEFAULT_RESERVED_PORTS);
        assert_eq!(c.container_stop_timeout_secs, 90);
        assert!(!c.enable_task_iam_role);
        assert_eq!(c.warnings.len(), 1);
    }
}
