//! `networkConfiguration.awsvpcConfiguration` of RunTask and services (ecs-facts.md §1.4): at most 16
//! subnets, all in the default VPC; at most 5 security groups (none means the VPC's default group);
//! `assignPublicIp` DISABLED by default and only allowed for Fargate.

use crate::services::{Req, ServiceError};
use crate::world::Region;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwsVpc {
    pub subnets: Vec<String>,
    pub security_groups: Vec<String>,
    pub assign_public_ip: bool,
}

pub const MAX_SUBNETS: usize = 16;
pub const MAX_SECURITY_GROUPS: usize = 5;

/// Reads and checks the configuration. Messages follow ECS's where the reference has them; the others are
/// plain sentences naming the rule (not verbatim).
pub fn parse(req: Req<'_>, region: &Region, fargate: bool) -> Result<Option<AwsVpc>, ServiceError> {
    let Some(nc) = req.get("networkConfiguration") else { return Ok(None) };
    let cfg = Req(nc).at("awsvpcConfiguration");
    let subnets: Vec<String> = cfg.strings("subnets").into_iter().map(str::to_string).collect();
    if subnets.is_empty() {
        return Err(ServiceError::invalid_parameter("subnets can not be empty."));
    }
    if subnets.len() > MAX_SUBNETS {
        return Err(ServiceError::invalid_parameter(format!("At most {MAX_SUBNETS} subnets can be specified.")));
    }
    for s in &subnets {
        if region.network.subnet(s).is_none() {
            return Err(ServiceError::invalid_parameter(format!(
                "Error retrieving subnet information for [{s}]: The subnet ID '{s}' does not exist (ErrorCode: InvalidSubnetID.NotFound)"
            )));
        }
    }
    let mut security_groups: Vec<String> = cfg.strings("securityGroups").into_iter().map(str::to_string).collect();
    if security_groups.len() > MAX_SECURITY_GROUPS {
        return Err(ServiceError::invalid_parameter(format!("At most {MAX_SECURITY_GROUPS} security groups can be specified.")));
    }
    if security_groups.is_empty() {
        security_groups.push(region.network.default_security_group_id.clone());
    }
    let assign_public_ip = cfg.str("assignPublicIp") == Some("ENABLED");
    if assign_public_ip && !fargate {
        return Err(ServiceError::invalid_parameter("Assign public IP is not supported for this launch type."));
    }
    Ok(Some(AwsVpc { subnets, security_groups, assign_public_ip }))
}
