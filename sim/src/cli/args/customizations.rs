//! Which of the AWS CLI's per-operation customizations (`awscli/customizations/`) apply to an operation:
//! option renames (`argrename.py`), `ec2 run-instances`'s `--count` and network options (`addcount.py`,
//! `runinstances.py`), the security-group shortcuts (`secgroupsimplify.py`), and pagination
//! (`paginate.py`, driven by botocore's `paginators-1.json`, which the trimmed models lack). This file only
//! says *what* applies; `custom_args.rs` implements the behaviours.

/// Where the CLI's `--count`-style options come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Custom {
    /// `ec2 run-instances --count N|MIN:MAX` → `MinCount`, `MaxCount`.
    Count,
    /// `--secondary-private-ip-addresses a b` → `NetworkInterfaces[0].PrivateIpAddresses`.
    SecondaryPrivateIpAddresses,
    /// `--secondary-private-ip-address-count N` → `NetworkInterfaces[0].SecondaryPrivateIpAddressCount`.
    SecondaryPrivateIpAddressCount,
    /// `--associate-public-ip-address` → `NetworkInterfaces[0].AssociatePublicIpAddress = true`.
    AssociatePublicIpAddress,
    /// `--no-associate-public-ip-address` → `… = false`.
    NoAssociatePublicIpAddress,
    /// `--protocol tcp|udp|icmp|all|N` → `IpPermissions[0].IpProtocol`.
    Protocol,
    /// `--port N|A-B|all` → `IpPermissions[0].FromPort/ToPort`.
    Port,
    /// `--cidr 10.0.0.0/8` → `IpPermissions[0].IpRanges`.
    Cidr,
    /// `--source-group sg-…|name` → `IpPermissions[0].UserIdGroupPairs[0].GroupId/GroupName`.
    SourceGroup,
    /// `--group-owner ACCOUNT` → `IpPermissions[0].UserIdGroupPairs[0].UserId`.
    GroupOwner,
}

/// One change to the option table, applied in order after the model's options are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// `rename_argument`: the option moves to the end of the table under its new name.
    Rename(&'static str, &'static str),
    Remove(&'static str),
    Add(&'static str, Custom),
    /// `toplevelbool.py` (all of `ec2`): a structure option whose only member is the boolean `Value` becomes
    /// `--x [Value=…]` / `--no-x`.
    TopLevelBooleans,
}

/// An `operation-args-parsed` check that refuses mixing a structure option with its shortcuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// `runinstances._check_args`.
    NetworkInterfacesMix,
    /// `secgroupsimplify._check_args`.
    IpPermissionsMix,
    /// `toplevelbool.validate_boolean_mutex_groups`.
    BooleanPairs,
}

/// A `before-parameter-build` handler: it changes the request after `--cli-input-json` was merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    /// `addcount.set_default_count`: `MaxCount` and `MinCount` default to 1.
    DefaultCount,
    /// `runinstances._fix_args`: moves `SubnetId` & co. into the generated network interface.
    FixNetworkInterface,
    /// botocore's `base64_encode_user_data` stand-in: `UserData` stays text (the caller encodes it), so a
    /// `fileb://` value is turned into text too.
    UserDataText,
}

/// The customizations of one operation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Customizations {
    pub edits: Vec<Edit>,
    pub checks: Vec<Check>,
    pub hooks: Vec<Hook>,
    pub paging: Option<super::paginators::Paging>,
}

/// `argrename.py` entries for the modelled services: (service, operation or `*`, old, new).
const RENAMES: &[(&str, &str, &str, &str)] = &[
    ("ec2", "create-image", "no-no-reboot", "reboot"),
    ("ec2", "*", "no-egress", "ingress"),
    ("ec2", "*", "no-disable-api-termination", "enable-api-termination"),
    ("ecs", "*", "no-enable-execute-command", "disable-execute-command"),
    ("ecs", "execute-command", "no-interactive", "non-interactive"),
];

const SECURITY_GROUP_RULE_OPERATIONS: &[&str] = &[
    "authorize-security-group-ingress",
    "authorize-security-group-egress",
    "revoke-security-group-ingress",
    "revoke-security-group-egress",
];

impl Customizations {
    /// The customizations of `service` (CLI name, `ec2`) `operation` (CLI name `run-instances`, API name
    /// `RunInstances`). Edits come in the order botocore's event system runs the handlers: service-wide
    /// (`ec2.*`) before operation-specific ones.
    pub fn for_operation(service: &str, cli_operation: &str, api_operation: &str) -> Customizations {
        let mut c = Customizations::default();
        for wildcard in [true, false] {
            for (svc, op, old, new) in RENAMES {
                if *svc == service && (*op == "*") == wildcard && (wildcard || *op == cli_operation) {
                    c.edits.push(Edit::Rename(old, new));
                }
            }
        }
        if service == "ec2" {
            c.edits.push(Edit::TopLevelBooleans);
            c.checks.push(Check::BooleanPairs);
        }
        if service == "ec2" && cli_operation == "run-instances" {
            c.edits.extend([
                Edit::Add("count", Custom::Count),
                Edit::Remove("min-count"),
                Edit::Remove("max-count"),
                Edit::Add("secondary-private-ip-addresses", Custom::SecondaryPrivateIpAddresses),
                Edit::Add("secondary-private-ip-address-count", Custom::SecondaryPrivateIpAddressCount),
                Edit::Add("associate-public-ip-address", Custom::AssociatePublicIpAddress),
                Edit::Add("no-associate-public-ip-address", Custom::NoAssociatePublicIpAddress),
            ]);
            c.checks.push(Check::NetworkInterfacesMix);
            c.hooks.extend([Hook::DefaultCount, Hook::FixNetworkInterface, Hook::UserDataText]);
        }
        if service == "ec2" && SECURITY_GROUP_RULE_OPERATIONS.contains(&cli_operation) {
            c.edits.extend([
                Edit::Add("protocol", Custom::Protocol),
                Edit::Add("port", Custom::Port),
                Edit::Add("cidr", Custom::Cidr),
                Edit::Add("source-group", Custom::SourceGroup),
                Edit::Add("group-owner", Custom::GroupOwner),
            ]);
            c.checks.push(Check::IpPermissionsMix);
        }
        c.paging = super::paginators::paging(service, api_operation);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_instances_gets_count_and_renames_first() {
        let c = Customizations::for_operation("ec2", "run-instances", "RunInstances");
        assert_eq!(c.edits.first(), Some(&Edit::Rename("no-egress", "ingress")));
        assert!(c.edits.contains(&Edit::Add("count", Custom::Count)));
        assert_eq!(c.hooks, [Hook::DefaultCount, Hook::FixNetworkInterface, Hook::UserDataText]);
        assert_eq!(c.paging, None);
        let l = Customizations::for_operation("ecs", "list-tasks", "ListTasks");
        assert_eq!(l.paging.map(|p| p.result_keys), Some(&["taskArns"][..]));
        let e = Customizations::for_operation("ecs", "execute-command", "ExecuteCommand");
        assert_eq!(e.edits.last(), Some(&Edit::Rename("no-interactive", "non-interactive")));
    }
}
