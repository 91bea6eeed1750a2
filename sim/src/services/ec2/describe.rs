//! DescribeSubnets, DescribeVpcs, DescribeAvailabilityZones, DescribeImages, DescribeInstanceTypes: the
//! account's default network and the catalogues (security groups are in `security_groups`).

use super::{passes, render};
use crate::context::Ctx;
use crate::services::{Call, ServiceError};
use crate::tuning::ACCOUNT_ID;
use crate::world::{amis, instance_types};
use serde_json::{Value, json};

pub fn subnets(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let ids = req.strings("SubnetIds");
    let filters = req.list("Filters");
    let r = ctx.world.region_mut(call.region);
    for id in &ids {
        if r.network.subnet(id).is_none() {
            return Err(ServiceError::new("InvalidSubnetID.NotFound", format!("The subnet ID '{id}' does not exist")));
        }
    }
    let vpc = r.network.vpc_id.clone();
    let list: Vec<Value> = r
        .network
        .subnets
        .iter()
        .filter(|s| ids.is_empty() || ids.contains(&s.id.as_str()))
        .filter(|s| {
            passes(filters, |name| match name {
                "availability-zone" => vec![s.availability_zone.clone()],
                "subnet-id" => vec![s.id.clone()],
                "vpc-id" => vec![vpc.clone()],
                "default-for-az" => vec!["true".into()],
                _ => Vec::new(),
            })
        })
        .map(|s| {
            json!({
                "AvailabilityZone": s.availability_zone,
                "AvailabilityZoneId": format!("use1-az{}", s.third_octet_base / 16 + 1),
                "AvailableIpAddressCount": 4091,
                "CidrBlock": s.cidr,
                "DefaultForAz": true,
                "MapPublicIpOnLaunch": true,
                "State": "available",
                "SubnetId": s.id,
                "VpcId": vpc,
                "OwnerId": ACCOUNT_ID,
                "AssignIpv6AddressOnCreation": false,
                "Ipv6CidrBlockAssociationSet": [],
                "SubnetArn": format!("arn:aws:ec2:{}:{ACCOUNT_ID}:subnet/{}", call.region, s.id),
            })
        })
        .collect();
    Ok(json!({ "Subnets": list }))
}

pub fn vpcs(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    Ok(json!({ "Vpcs": [{
        "CidrBlock": r.network.vpc_cidr,
        "DhcpOptionsId": "dopt-0default",
        "State": "available",
        "VpcId": r.network.vpc_id,
        "OwnerId": ACCOUNT_ID,
        "InstanceTenancy": "default",
        "IsDefault": true,
    }]}))
}

pub fn availability_zones(ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let r = ctx.world.region_mut(call.region);
    let zones: Vec<Value> = r
        .network
        .subnets
        .iter()
        .map(|s| {
            json!({
                "State": "available",
                "OptInStatus": "opt-in-not-required",
                "Messages": [],
                "RegionName": call.region,
                "ZoneName": s.availability_zone,
                "ZoneType": "availability-zone",
                "GroupName": call.region,
                "NetworkBorderGroup": call.region,
            })
        })
        .collect();
    Ok(json!({ "AvailabilityZones": zones }))
}

pub fn images(_ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let req = call.req();
    let ids = req.strings("ImageIds");
    for id in &ids {
        if amis::by_id(call.region, id).is_none() {
            return Err(ServiceError::new("InvalidAMIID.NotFound", format!("The image id '[{id}]' does not exist")));
        }
    }
    let filters = req.list("Filters");
    let list: Vec<Value> = amis::IMAGES
        .iter()
        .filter(|i| ids.is_empty() || ids.contains(&amis::ami_id(call.region, i).as_str()))
        .filter(|i| {
            passes(filters, |name| match name {
                "name" => vec![i.name.to_string()],
                "architecture" => vec![i.architecture.attribute().to_string()],
                "image-id" => vec![amis::ami_id(call.region, i)],
                _ => Vec::new(),
            })
        })
        .map(|i| render::image(call.region, i))
        .collect();
    Ok(json!({ "Images": list }))
}

pub fn instance_types(_ctx: &mut Ctx<'_>, call: &Call<'_>) -> Result<Value, ServiceError> {
    let wanted = call.req().strings("InstanceTypes");
    let list: Vec<Value> = instance_types::CATALOGUE
        .iter()
        .filter(|t| wanted.is_empty() || wanted.contains(&t.name))
        .map(|t| {
            json!({
                "InstanceType": t.name,
                "CurrentGeneration": true,
                "ProcessorInfo": {"SupportedArchitectures": [t.architecture.attribute()]},
                "VCpuInfo": {"DefaultVCpus": t.vcpus},
                "MemoryInfo": {"SizeInMiB": t.memory_mib},
                "NetworkInfo": {"MaximumNetworkInterfaces": t.max_enis},
            })
        })
        .collect();
    Ok(json!({ "InstanceTypes": list }))
}
