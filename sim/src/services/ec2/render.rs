//! EC2 objects as the API returns them (key order comes from the model later).

use crate::world::Region;
use crate::world::ec2::{Instance, InstanceState};
use crate::world::iam::Iam;
use crate::world::{amis, instance_types, network};
use serde_json::{Value, json};

pub fn instance(iam: &Iam, r: &Region, i: &Instance) -> Value {
    let itype = instance_types::lookup(&i.instance_type);
    let arch = itype.map_or("x86_64", |t| t.architecture.attribute());
    let vcpus = itype.map_or(1, |t| t.vcpus);
    let dns = network::private_dns_name(&r.name, &i.private_ip);
    let terminated = i.state == InstanceState::Terminated;
    let groups: Vec<Value> = i
        .security_group_ids
        .iter()
        .map(|id| json!({"GroupId": id, "GroupName": super::security_groups::group_name(r, id)}))
        .collect();
    let mut v = json!({
        "AmiLaunchIndex": i.ami_launch_index,
        "ImageId": i.image_id,
        "InstanceId": i.id,
        "InstanceType": i.instance_type,
        "LaunchTime": i.launch_time.to_cli_string(),
        "Monitoring": {"State": "disabled"},
        "Placement": {"AvailabilityZone": i.availability_zone, "GroupName": "", "Tenancy": "default"},
        "PrivateDnsName": if terminated { String::new() } else { dns.clone() },
        "ProductCodes": [],
        "PublicDnsName": "",
        "State": {"Code": i.state.code(), "Name": i.state.name()},
        "StateTransitionReason": i.state_transition_reason,
        "Architecture": arch,
        "BlockDeviceMappings": [],
        "ClientToken": i.client_token,
        "EbsOptimized": false,
        "EnaSupport": true,
        "Hypervisor": "xen",
        "RootDeviceName": "/dev/xvda",
        "RootDeviceType": "ebs",
        "SecurityGroups": groups,
        "SourceDestCheck": true,
        "VirtualizationType": "hvm",
        "CpuOptions": {"CoreCount": vcpus.div_ceil(2).max(1), "ThreadsPerCore": if vcpus > 1 { 2 } else { 1 }},
        "CapacityReservationSpecification": {"CapacityReservationPreference": "open"},
        "MetadataOptions": {"State": "applied", "HttpTokens": "required", "HttpPutResponseHopLimit": 2, "HttpEndpoint": "enabled"},
        "EnclaveOptions": {"Enabled": false},
        "PlatformDetails": "Linux/UNIX",
        "UsageOperation": "RunInstances",
    });
    if !terminated {
        v["PrivateIpAddress"] = json!(i.private_ip);
        v["SubnetId"] = json!(i.subnet_id);
        v["VpcId"] = json!(r.network.vpc_id);
        v["NetworkInterfaces"] = json!([{
            "Attachment": {"AttachTime": i.launch_time.to_cli_string(), "DeleteOnTermination": true, "DeviceIndex": 0, "Status": "attached", "NetworkCardIndex": 0},
            "Groups": v["SecurityGroups"].clone(),
            "MacAddress": "",
            "OwnerId": crate::tuning::ACCOUNT_ID,
            "PrivateDnsName": dns,
            "PrivateIpAddress": i.private_ip,
            "SourceDestCheck": true,
            "Status": "in-use",
            "SubnetId": i.subnet_id,
            "VpcId": r.network.vpc_id,
            "InterfaceType": "interface",
        }]);
    }
    if i.state == InstanceState::Pending {
        v["StateReason"] = json!({"Code": "pending", "Message": "pending"});
    }
    if terminated || i.state == InstanceState::ShuttingDown {
        v["StateReason"] = json!({"Code": "Client.UserInitiatedShutdown", "Message": "Client.UserInitiatedShutdown: User initiated shutdown"});
    }
    if let Some(key) = &i.key_name {
        v["KeyName"] = json!(key);
    }
    if let Some(p) = i.iam_instance_profile.as_deref().and_then(|n| iam.instance_profile(n)) {
        v["IamInstanceProfile"] = json!({"Arn": p.arn(), "Id": p.profile_id});
    }
    if !i.tags.is_empty() {
        v["Tags"] = Value::Array(i.tags.iter().map(|(k, val)| json!({"Key": k, "Value": val})).collect());
    }
    v
}

/// An instance's values for an EC2 filter name.
pub fn filter_values(r: &Region, i: &Instance, name: &str) -> Vec<String> {
    let one = |s: &str| vec![s.to_string()];
    if let Some(key) = name.strip_prefix("tag:") {
        return i.tags.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect();
    }
    match name {
        "instance-id" => one(&i.id),
        "instance-state-name" => one(i.state.name()),
        "instance-state-code" => vec![i.state.code().to_string()],
        "instance-type" => one(&i.instance_type),
        "image-id" => one(&i.image_id),
        "availability-zone" => one(&i.availability_zone),
        "subnet-id" => one(&i.subnet_id),
        "vpc-id" => one(&r.network.vpc_id),
        "private-ip-address" => one(&i.private_ip),
        "reservation-id" => one(&i.reservation_id),
        "tag-key" => i.tags.iter().map(|(k, _)| k.clone()).collect(),
        "architecture" => instance_types::lookup(&i.instance_type).map(|t| one(t.architecture.attribute())).unwrap_or_default(),
        "iam-instance-profile.arn" => {
            i.iam_instance_profile.iter().map(|n| format!("arn:aws:iam::{}:instance-profile/{n}", crate::tuning::ACCOUNT_ID)).collect()
        }
        _ => Vec::new(),
    }
}

pub fn image(region: &str, img: &amis::Image) -> Value {
    json!({
        "Architecture": img.architecture.attribute(),
        "CreationDate": "2026-02-10T00:00:00.000Z",
        "ImageId": amis::ami_id(region, img),
        "ImageLocation": format!("amazon/{}", img.name),
        "ImageType": "machine",
        "Public": true,
        "OwnerId": "591542846629",
        "PlatformDetails": if img.os == amis::OsFamily::Linux { "Linux/UNIX" } else { "Windows" },
        "UsageOperation": "RunInstances",
        "State": "available",
        "BlockDeviceMappings": [],
        "Description": img.name,
        "EnaSupport": true,
        "Hypervisor": "xen",
        "ImageOwnerAlias": "amazon",
        "Name": img.name,
        "RootDeviceName": "/dev/xvda",
        "RootDeviceType": "ebs",
        "VirtualizationType": "hvm",
    })
}
