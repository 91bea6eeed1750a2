//! What the customizations' options do (`add_to_params` of awscli's `CountArgument`,
//! `SecondaryPrivateIpAddressesArgument`, `ProtocolArgument`, …), their `operation-args-parsed` checks and
//! their `before-parameter-build` handlers, with the CLI's error texts (all plain `ValueError`s: exit 255).

use super::ArgError;
use super::argparse::{Parsed, Slot};
use super::customizations::{Check, Custom, Hook};
use super::pynum::py_int;
use super::pyvalue::{Py, PyDict};
use super::table::{CliArg, Kind};

fn other(msg: &str) -> ArgError {
    ArgError::Other(msg.to_string())
}

fn text(value: &Py) -> String {
    match value {
        Py::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        v => v.to_str(),
    }
}

fn dict(items: &[(&str, Py)]) -> Py {
    let mut d = PyDict::new(false);
    for (k, v) in items {
        d.set(k, v.clone());
    }
    Py::Dict(d)
}

/// `container[0]` for an item assignment, with Python's errors.
fn first_dict(container: &mut Py) -> Result<&mut PyDict, ArgError> {
    match container {
        Py::List(items) => match items.first_mut() {
            Some(Py::Dict(d)) => Ok(d),
            Some(v) => Err(ArgError::Other(format!("'{}' object does not support item assignment", v.class_name()))),
            None => Err(other("list index out of range")),
        },
        Py::Dict(_) => Err(other("0")),
        v => Err(ArgError::Other(format!("'{}' object is not subscriptable", v.class_name()))),
    }
}

/// `params[key]`, created as `default` when missing, then its first element.
fn first_of<'a>(params: &'a mut PyDict, key: &str, default: Py) -> Result<&'a mut PyDict, ArgError> {
    if !params.contains(key) {
        params.set(key, default);
    }
    match params.get_mut(key) {
        Some(container) => first_dict(container),
        None => Err(ArgError::Other(format!("'{key}'"))),
    }
}

/// `runinstances._build_network_interfaces`.
fn build_network_interfaces(params: &mut PyDict, key: &str, value: Py) -> Result<(), ArgError> {
    let interface = first_of(params, "NetworkInterfaces", Py::List(vec![dict(&[("DeviceIndex", Py::Int(0))])]))?;
    if key != "PrivateIpAddresses" || !interface.contains(key) {
        interface.set(key, value);
    }
    Ok(())
}

/// `secgroupsimplify._build_ip_permissions`.
fn build_ip_permissions(params: &mut PyDict, key: &str, value: Py) -> Result<(), ArgError> {
    let permission = first_of(params, "IpPermissions", Py::List(vec![dict(&[])]))?;
    if matches!(key, "GroupId" | "GroupName" | "UserId") {
        let pair = first_of(permission, "UserIdGroupPairs", Py::List(vec![dict(&[])]))?;
        pair.set(key, value);
    } else {
        permission.set(key, value);
    }
    Ok(())
}

/// `add_to_params` of a customization's option.
pub(crate) fn add_to_params(custom: Custom, params: &mut PyDict, value: &Py) -> Result<(), ArgError> {
    match custom {
        Custom::Count => {
            if matches!(value, Py::None) {
                return Ok(());
            }
            let err = || other("count parameter should be of form min[:max] (e.g. 1 or 1:10)");
            let Py::Str(v) = value else { return Err(err()) };
            let parts: Vec<&str> = v.split(':').collect();
            let (min, max) = match parts.as_slice() {
                [one] => (*one, *one),
                [min, max] if v.contains(':') => (*min, *max),
                _ => return Err(err()),
            };
            let (min, max) = (py_int(min).map_err(|_| err())?, py_int(max).map_err(|_| err())?);
            params.set("MinCount", Py::Int(min));
            params.set("MaxCount", Py::Int(max));
        }
        Custom::SecondaryPrivateIpAddresses if value.truthy() => {
            let addresses: Vec<Py> = match value {
                Py::List(items) => items.clone(),
                Py::Str(s) => s.chars().map(|c| Py::Str(c.to_string())).collect(),
                Py::Bytes(b) => b.iter().map(|x| Py::Int(i128::from(*x))).collect(),
                other => vec![other.clone()],
            };
            let entries =
                addresses.into_iter().map(|a| dict(&[("PrivateIpAddress", a), ("Primary", Py::Bool(false))])).collect();
            build_network_interfaces(params, "PrivateIpAddresses", Py::List(entries))?;
        }
        Custom::SecondaryPrivateIpAddressCount if value.truthy() => {
            build_network_interfaces(params, "SecondaryPrivateIpAddressCount", value.clone())?;
        }
        Custom::AssociatePublicIpAddress if *value == Py::Bool(true) => {
            build_network_interfaces(params, "AssociatePublicIpAddress", Py::Bool(true))?;
        }
        Custom::NoAssociatePublicIpAddress if *value == Py::Bool(false) => {
            build_network_interfaces(params, "AssociatePublicIpAddress", Py::Bool(false))?;
        }
        Custom::Protocol if value.truthy() => {
            let mut v = text(value);
            let numeric_ok = py_int(&v).is_ok_and(|n| (0..=255).contains(&n) || n == -1);
            if !numeric_ok {
                if !["tcp", "udp", "icmp", "all"].contains(&v.as_str()) {
                    return Err(other(
                        "protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.",
                    ));
                }
                if v == "all" {
                    v = "-1".into();
                }
            }
            build_ip_permissions(params, "IpProtocol", Py::Str(v))?;
        }
        Custom::Port if value.truthy() => {
            let v = text(value);
            let err = || other("port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)");
            let (from, to) = if v == "-1" || v == "all" {
                ("-1", "-1")
            } else {
                v.split_once('-').unwrap_or((v.as_str(), v.as_str()))
            };
            build_ip_permissions(params, "FromPort", Py::Int(py_int(from).map_err(|_| err())?))?;
            build_ip_permissions(params, "ToPort", Py::Int(py_int(to).map_err(|_| err())?))?;
        }
        Custom::Cidr if value.truthy() => {
            build_ip_permissions(params, "IpRanges", Py::List(vec![dict(&[("CidrIp", value.clone())])]))?;
        }
        Custom::SourceGroup if value.truthy() => {
            let key = if text(value).starts_with("sg-") { "GroupId" } else { "GroupName" };
            build_ip_permissions(params, key, value.clone())?;
        }
        Custom::GroupOwner if value.truthy() => build_ip_permissions(params, "UserId", value.clone())?,
        _ => {}
    }
    Ok(())
}

fn truthy(parsed: &Parsed, dest: &str) -> bool {
    matches!(parsed.get(dest), Some(Slot::Val(v)) if v.truthy())
}

/// An `operation-args-parsed` check.
pub(crate) fn check(check: Check, parsed: &Parsed, table: &[CliArg]) -> Result<(), ArgError> {
    match check {
        Check::NetworkInterfacesMix => {
            let scalars =
                ["secondary_private_ip_addresses", "secondary_private_ip_address_count", "associate_public_ip_address"];
            if truthy(parsed, "network_interfaces") && scalars.iter().any(|k| truthy(parsed, k)) {
                return Err(other(
                    "Mixing the --network-interfaces option with the simple, scalar options is not supported.",
                ));
            }
        }
        Check::BooleanPairs => {
            let given = |arg: &CliArg| !matches!(parsed.get(&arg.spec.dest), Some(Slot::NotSpecified) | None);
            for pos in table.iter().filter(|a| matches!(&a.kind, Kind::TopBool { positive: true, .. })) {
                let Kind::TopBool { member, .. } = &pos.kind else { continue };
                let neg = table
                    .iter()
                    .find(|a| matches!(&a.kind, Kind::TopBool { positive: false, member: m, .. } if m == member));
                if let Some(neg) = neg
                    && given(pos)
                    && given(neg)
                {
                    return Err(ArgError::Other(format!(
                        "Cannot specify both the \"{}\" option and the \"{}\" option.",
                        pos.cli_name(),
                        neg.cli_name()
                    )));
                }
            }
        }
        Check::IpPermissionsMix => {
            if truthy(parsed, "ip_permissions") {
                for key in ["protocol", "port", "cidr", "source_group", "group_owner"] {
                    if truthy(parsed, key) {
                        return Err(ArgError::Other(format!(
                            "The --{key} option is not compatible with the --ip-permissions option "
                        )));
                    }
                }
            }
        }
    }
    Ok(())
}

/// A `before-parameter-build` handler.
pub(crate) fn hook(hook: Hook, params: &mut PyDict) -> Result<(), ArgError> {
    match hook {
        Hook::DefaultCount => {
            for key in ["MaxCount", "MinCount"] {
                if !params.contains(key) {
                    params.set(key, Py::Int(1));
                }
            }
        }
        Hook::UserDataText => {
            if let Some(Py::Bytes(b)) = params.get("UserData") {
                let text = String::from_utf8_lossy(b).into_owned();
                params.set("UserData", Py::Str(text));
            }
        }
        Hook::FixNetworkInterface => {
            let Some(container) = params.get_mut("NetworkInterfaces") else { return Ok(()) };
            if matches!(container, Py::List(items) if matches!(items.first(), Some(Py::Str(_)))) {
                return Ok(()); // `'PrivateIpAddresses' in 'a string'` is a substring test: nothing to fix
            }
            let interface = first_dict(container)?;
            let wants = ["PrivateIpAddresses", "SecondaryPrivateIpAddressCount", "AssociatePublicIpAddress"];
            if !wants.iter().any(|k| interface.contains(k)) {
                return Ok(());
            }
            let mut moved = Vec::new();
            for (from, to) in [("SubnetId", "SubnetId"), ("SecurityGroupIds", "Groups")] {
                if let Some(v) = params.remove(from) {
                    moved.push((to, v));
                }
            }
            if let Some(ip) = params.remove("PrivateIpAddress") {
                moved.push((
                    "PrivateIpAddresses",
                    Py::List(vec![dict(&[("PrivateIpAddress", ip), ("Primary", Py::Bool(true))])]),
                ));
            }
            for (from, to) in [
                ("Ipv6AddressCount", "Ipv6AddressCount"),
                ("Ipv6Addresses", "Ipv6Addresses"),
                ("EnablePrimaryIpv6", "PrimaryIpv6"),
            ] {
                if let Some(v) = params.remove(from) {
                    moved.push((to, v));
                }
            }
            if let Some(container) = params.get_mut("NetworkInterfaces") {
                let interface = first_dict(container)?;
                for (key, v) in moved {
                    interface.set(key, v);
                }
            }
        }
    }
    Ok(())
}
