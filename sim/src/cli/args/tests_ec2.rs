//! EC2 operations end to end, with the `ec2` customizations: `run-instances --count`, the network-interface
//! shortcuts, renamed booleans, `describe-instances --filters`, the security-group shortcuts.

use super::tests_ecs::{request, run, run_in};
use super::*;
use crate::workspace::MemoryWorkspace;
use serde_json::json;

#[test]
fn run_instances_like_the_ecs_getting_started_guide() {
    let ws =
        MemoryWorkspace::new().with_file("user-data.sh", "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n");
    let a = run_in(
        "ec2",
        "RunInstances",
        &[
            "--image-id",
            "ami-1",
            "--count",
            "2",
            "--instance-type",
            "t3.micro",
            "--iam-instance-profile",
            "Name=ecsInstanceRole",
            "--user-data",
            "file://user-data.sh",
            "--tag-specifications",
            "ResourceType=instance,Tags=[{Key=Name,Value=web}]",
        ],
        &ws,
    );
    let r = a.expect("parses").request;
    assert_eq!(
        r,
        json!({
            "ImageId": "ami-1",
            "InstanceType": "t3.micro",
            "UserData": "#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n",
            "TagSpecifications": [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]}],
            "IamInstanceProfile": {"Name": "ecsInstanceRole"},
            "MinCount": 2,
            "MaxCount": 2
        })
    );
}

#[test]
fn count_forms_and_defaults() {
    let r = request("ec2", "RunInstances", &["--image-id", "ami-1"]);
    assert_eq!((&r["MinCount"], &r["MaxCount"]), (&json!(1), &json!(1)));
    let r = request("ec2", "RunInstances", &["--image-id", "ami-1", "--count", "1:3"]);
    assert_eq!((&r["MinCount"], &r["MaxCount"]), (&json!(1), &json!(3)));
    let bad = Err(ArgError::Other("count parameter should be of form min[:max] (e.g. 1 or 1:10)".into()));
    assert_eq!(run("ec2", "RunInstances", &["--image-id", "ami-1", "--count", "1:3:4"]), bad);
    assert_eq!(run("ec2", "RunInstances", &["--image-id", "ami-1", "--count", "x"]), bad);
    // `--min-count`/`--max-count` are gone from the table.
    assert_eq!(
        run("ec2", "RunInstances", &["--image-id", "ami-1", "--min-count", "2"]),
        Err(ArgError::UnknownOptions(vec!["--min-count".into(), "2".into()]))
    );
    // `--cli-input-json` may still give them.
    let r = request("ec2", "RunInstances", &["--cli-input-json", r#"{"ImageId": "ami-2", "MinCount": 3}"#]);
    assert_eq!((&r["ImageId"], &r["MinCount"], &r["MaxCount"]), (&json!("ami-2"), &json!(3), &json!(1)));
}

#[test]
fn network_shortcuts_build_an_interface() {
    let r = request(
        "ec2",
        "RunInstances",
        &[
            "--image-id",
            "ami-1",
            "--subnet-id",
            "subnet-1",
            "--security-group-ids",
            "sg-1",
            "sg-2",
            "--associate-public-ip-address",
            "--private-ip-address",
            "10.0.0.5",
        ],
    );
    assert_eq!(
        r["NetworkInterfaces"],
        json!([{
            "DeviceIndex": 0, "AssociatePublicIpAddress": true, "SubnetId": "subnet-1", "Groups": ["sg-1", "sg-2"],
            "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.0.5", "Primary": true}]
        }])
    );
    assert!(r.get("SubnetId").is_none() && r.get("SecurityGroupIds").is_none());
    let r = request(
        "ec2",
        "RunInstances",
        &[
            "--image-id",
            "ami-1",
            "--secondary-private-ip-addresses",
            "10.0.0.6",
            "10.0.0.7",
            "--no-associate-public-ip-address",
        ],
    );
    assert_eq!(
        r["NetworkInterfaces"],
        json!([{"DeviceIndex": 0,
        "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.0.6", "Primary": false}, {"PrivateIpAddress": "10.0.0.7", "Primary": false}],
        "AssociatePublicIpAddress": false}])
    );
    assert_eq!(
        run(
            "ec2",
            "RunInstances",
            &[
                "--image-id",
                "ami-1",
                "--network-interfaces",
                "DeviceIndex=0,SubnetId=s",
                "--associate-public-ip-address"
            ]
        ),
        Err(ArgError::Other(
            "Mixing the --network-interfaces option with the simple, scalar options is not supported.".into()
        ))
    );
    assert_eq!(
        run("ec2", "RunInstances", &["--image-id", "ami-1", "--secondary-private-ip-address-count", "x"]),
        Err(ArgError::Usage("argument --secondary-private-ip-address-count: invalid int value: 'x'".into()))
    );
}

#[test]
fn ec2_booleans_and_renames() {
    let r = request(
        "ec2",
        "RunInstances",
        &["--image-id", "ami-1", "--dry-run", "--ebs-optimized", "--enable-api-termination"],
    );
    assert_eq!(
        (&r["DryRun"], &r["EbsOptimized"], &r["DisableApiTermination"]),
        (&json!(true), &json!(true), &json!(false))
    );
    assert_eq!(request("ec2", "RunInstances", &["--image-id", "i", "--no-dry-run"])["DryRun"], json!(false));
    assert!(matches!(
        run("ec2", "RunInstances", &["--image-id", "i", "--no-disable-api-termination"]),
        Err(ArgError::UnknownOptions(_))
    ));
}

#[test]
fn describe_instances_filters() {
    let r = request("ec2", "DescribeInstances", &["--filters", "Name=instance-state-name,Values=running,pending"]);
    assert_eq!(r, json!({"Filters": [{"Name": "instance-state-name", "Values": ["running", "pending"]}]}));
    let r = request("ec2", "DescribeInstances", &["--filters", "Name=a,Values=x", "Name=tag:Name,Values=web"]);
    assert_eq!(r["Filters"], json!([{"Name": "a", "Values": ["x"]}, {"Name": "tag:Name", "Values": ["web"]}]));
    let r = request("ec2", "DescribeInstances", &["--filters", "Name=a,Values='x,y'", "Name=b,Values=p\\,q"]);
    assert_eq!(r["Filters"], json!([{"Name": "a", "Values": ["x,y"]}, {"Name": "b", "Values": ["p,q"]}]));
    let r = request("ec2", "DescribeInstances", &["--instance-ids", "i-1", "i-2", "--max-items", "3"]);
    assert_eq!(r, json!({"InstanceIds": ["i-1", "i-2"], "PaginationConfig": {"MaxItems": 3}}));
    assert_eq!(
        run("ec2", "DescribeInstances", &["--max-results", "abc"]),
        Err(ArgError::Other("invalid literal for int() with base 10: 'abc'".into()))
    );
}

#[test]
fn security_group_shortcuts() {
    let r = request(
        "ec2",
        "AuthorizeSecurityGroupIngress",
        &["--group-id", "sg-1", "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0"],
    );
    assert_eq!(
        r,
        json!({"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]})
    );
    let r = request(
        "ec2",
        "AuthorizeSecurityGroupIngress",
        &[
            "--group-id",
            "sg-1",
            "--protocol",
            "all",
            "--port",
            "22-25",
            "--source-group",
            "sg-2",
            "--group-owner",
            "123",
        ],
    );
    assert_eq!(
        r["IpPermissions"],
        json!([{"IpProtocol": "-1", "FromPort": 22, "ToPort": 25,
        "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "123"}]}])
    );
    assert_eq!(
        run("ec2", "AuthorizeSecurityGroupIngress", &["--group-id", "sg-1", "--protocol", "300"]),
        Err(ArgError::Other(
            "protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.".into()
        ))
    );
    assert_eq!(
        run(
            "ec2",
            "AuthorizeSecurityGroupIngress",
            &["--group-id", "g", "--ip-permissions", "IpProtocol=tcp", "--port", "80"]
        ),
        Err(ArgError::Other("The --port option is not compatible with the --ip-permissions option ".into()))
    );
}

#[test]
fn other_services() {
    assert_eq!(request("sts", "GetCallerIdentity", &[]), json!({}));
    assert_eq!(run("sts", "GetCallerIdentity", &["--foo"]), Err(ArgError::UnknownOptions(vec!["--foo".into()])));
    let r = request("ssm", "GetParameters", &["--names", "a", "b", "--with-decryption"]);
    assert_eq!(r, json!({"Names": ["a", "b"], "WithDecryption": true}));
}
