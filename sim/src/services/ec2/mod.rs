//! Amazon EC2 operations: launching and describing instances, the default network and its security groups.

mod describe;
pub mod instances;
pub mod launch_templates;
mod render;
pub mod security_groups;

use super::{Handler, ServiceError};

pub fn handler(operation: &str) -> Option<Handler> {
    Some(match operation {
        "RunInstances" => instances::run,
        "DescribeInstances" => instances::describe,
        "TerminateInstances" => instances::terminate,
        "DescribeSubnets" => describe::subnets,
        "DescribeVpcs" => describe::vpcs,
        "DescribeAvailabilityZones" => describe::availability_zones,
        "DescribeImages" => describe::images,
        "DescribeInstanceTypes" => describe::instance_types,
        "DescribeSecurityGroups" => security_groups::describe,
        "CreateSecurityGroup" => security_groups::create,
        "DeleteSecurityGroup" => security_groups::delete,
        "AuthorizeSecurityGroupIngress" => security_groups::authorize_ingress,
        "AuthorizeSecurityGroupEgress" => security_groups::authorize_egress,
        "RevokeSecurityGroupIngress" => security_groups::revoke_ingress,
        "CreateLaunchTemplate" => launch_templates::create,
        "DescribeLaunchTemplates" => launch_templates::describe,
        "DescribeLaunchTemplateVersions" => launch_templates::describe_versions,
        "DeleteLaunchTemplate" => launch_templates::delete,
        _ => return None,
    })
}

/// EC2's reply to `--dry-run` when the call would have worked.
fn dry_run() -> ServiceError {
    ServiceError::new("DryRunOperation", "Request would have succeeded, but DryRun flag is set.")
}

/// EC2 filters (`Name=…,Values=…`): an item passes when every filter has a value matching one of the item's
/// values for that name; values may use `*` and `?` wildcards, as EC2 allows.
fn passes(filters: &[serde_json::Value], values_of: impl Fn(&str) -> Vec<String>) -> bool {
    filters.iter().all(|f| {
        let name = f.get("Name").and_then(serde_json::Value::as_str).unwrap_or_default();
        let wanted: Vec<&str> =
            f.get("Values").and_then(serde_json::Value::as_array).map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
        let have = values_of(name);
        wanted.iter().any(|w| have.iter().any(|h| wildcard(w, h)))
    })
}

fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards() {
        assert!(super::wildcard("t3.*", "t3.micro"));
        assert!(super::wildcard("running", "running"));
        assert!(!super::wildcard("t3.?", "t3.micro"));
    }
}
