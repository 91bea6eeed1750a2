#!/usr/bin/env python3
"""Extracts the parts of the AWS API models (botocore's service-2.json and waiters-2.json) that the sandbox's
AWS CLI needs, into compact JSON files beside this script: operation names, input and output shapes with their
members in model order (the order the AWS CLI prints), required members, types, enums and minimums, and the
CLI's option names (botocore's xform_name). Documentation is dropped.

The files are committed; CI never runs this. Run it again to pick up a new botocore:

    python3 sim/models/extract.py            # downloads botocore==BOTOCORE from PyPI into a temp dir

Which operations keep their shapes is decided by OPERATIONS below; every operation's name is kept, so the CLI
can list valid choices and say which ones the sandbox does not model.
"""
import gzip, json, os, re, subprocess, sys, tempfile, zipfile

BOTOCORE = "1.44.5"
HERE = os.path.dirname(os.path.abspath(__file__))

# service -> (model directory, operations whose shapes are kept; "*" keeps all)
OPERATIONS = {
    "ecs": ("ecs/2014-11-13", "*"),
    "ec2": ("ec2/2016-11-15", [
        "RunInstances", "DescribeInstances", "TerminateInstances", "StopInstances", "StartInstances",
        "DescribeImages", "DescribeSubnets", "DescribeVpcs", "DescribeAvailabilityZones",
        "DescribeSecurityGroups", "CreateSecurityGroup", "AuthorizeSecurityGroupIngress",
        "DescribeInstanceTypes", "DescribeRegions",
        "DeleteSecurityGroup", "RevokeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
        "CreateLaunchTemplate", "DescribeLaunchTemplates", "DeleteLaunchTemplate", "DescribeLaunchTemplateVersions",
    ]),
    # Issue 7 (scaling): service auto scaling, metrics and alarms, Auto Scaling groups for capacity providers.
    "application-autoscaling": ("application-autoscaling/2016-02-06", [
        "RegisterScalableTarget", "DeregisterScalableTarget", "DescribeScalableTargets", "PutScalingPolicy",
        "DescribeScalingPolicies", "DeleteScalingPolicy", "PutScheduledAction", "DescribeScheduledActions",
        "DeleteScheduledAction", "DescribeScalingActivities",
    ]),
    "cloudwatch": ("cloudwatch/2010-08-01", [
        "GetMetricStatistics", "GetMetricData", "ListMetrics", "PutMetricAlarm", "DescribeAlarms", "DeleteAlarms",
        "SetAlarmState",
    ]),
    "autoscaling": ("autoscaling/2011-01-01", [
        "CreateAutoScalingGroup", "DescribeAutoScalingGroups", "UpdateAutoScalingGroup", "DeleteAutoScalingGroup",
        "SetDesiredCapacity", "DescribeScalingActivities", "SetInstanceProtection", "TerminateInstanceInAutoScalingGroup",
    ]),
    "elbv2": ("elbv2/2015-12-01", [
        "CreateLoadBalancer", "DescribeLoadBalancers", "DeleteLoadBalancer", "CreateTargetGroup",
        "DescribeTargetGroups", "DeleteTargetGroup", "ModifyTargetGroup", "ModifyTargetGroupAttributes",
        "DescribeTargetGroupAttributes", "CreateListener", "DescribeListeners", "DeleteListener", "CreateRule",
        "DescribeRules", "DeleteRule", "RegisterTargets", "DeregisterTargets", "DescribeTargetHealth",
    ]),
    "ssm": ("ssm/2014-11-06", ["GetParameters", "GetParameter", "GetParametersByPath", "PutParameter",
                                "DeleteParameter", "DescribeParameters"]),
    "sts": ("sts/2011-06-15", ["GetCallerIdentity"]),
    "ecr": ("ecr/2015-09-21", [
        "CreateRepository", "DescribeRepositories", "DeleteRepository", "GetAuthorizationToken", "DescribeImages",
        "ListImages", "BatchDeleteImage", "BatchGetImage", "PutImage", "PutImageTagMutability", "PutLifecyclePolicy",
        "GetLifecyclePolicy", "DeleteLifecyclePolicy", "StartLifecyclePolicyPreview", "GetLifecyclePolicyPreview",
        "SetRepositoryPolicy", "GetRepositoryPolicy", "DeleteRepositoryPolicy", "PutImageScanningConfiguration",
        "StartImageScan", "DescribeImageScanFindings", "TagResource", "UntagResource", "ListTagsForResource",
    ]),
    "iam": ("iam/2010-05-08", [
        "CreateRole", "GetRole", "DeleteRole", "ListRoles", "UpdateAssumeRolePolicy", "AttachRolePolicy",
        "DetachRolePolicy", "ListAttachedRolePolicies", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy",
        "ListRolePolicies", "CreateInstanceProfile", "GetInstanceProfile", "AddRoleToInstanceProfile",
        "RemoveRoleFromInstanceProfile", "ListInstanceProfiles", "DeleteInstanceProfile", "GetPolicy",
        "GetPolicyVersion", "ListPolicies", "CreatePolicy", "DeletePolicy", "SimulatePrincipalPolicy",
        "CreateServiceLinkedRole",
    ]),
    "logs": ("logs/2014-03-28", [
        "CreateLogGroup", "DescribeLogGroups", "DeleteLogGroup", "DescribeLogStreams", "GetLogEvents",
        "FilterLogEvents", "PutRetentionPolicy", "CreateLogStream", "PutLogEvents",
    ]),
    "secretsmanager": ("secretsmanager/2017-10-17", [
        "CreateSecret", "GetSecretValue", "DescribeSecret", "ListSecrets", "DeleteSecret", "PutSecretValue",
    ]),
    "s3api": ("s3/2006-03-01", ["ListBuckets", "ListObjectsV2", "CreateBucket", "HeadBucket"]),
}

# awscli's customizations that remove or add options (awscli/customizations/*): applied by the Rust side.


def xform_name(name, sep="-"):
    """botocore.utils.xform_name, verbatim in behaviour."""
    if sep in name:
        return name
    special = re.compile("[A-Z]{2,}s$").search(name)
    if special is not None:
        matched = special.group()
        name = f"{name[: -len(matched)]}{sep}{matched.lower()}"
    s1 = re.sub("(.)([A-Z][a-z]+)", r"\1" + sep + r"\2", name)
    return re.sub("([a-z0-9])([A-Z])", r"\1" + sep + r"\2", s1).lower()


def load(data_dir, rel, name):
    path = os.path.join(data_dir, rel, name)
    if not os.path.exists(path):
        path += ".gz"
        if not os.path.exists(path):
            return None
        return json.load(gzip.open(path))
    return json.load(open(path))


def compact_shape(s):
    out = {"type": s["type"]}
    for k in ("required", "min", "max", "enum", "pattern", "timestampFormat", "document", "exception", "sensitive",
              "flattened", "union"):
        if k in s:
            out[k] = s[k]
    if s["type"] == "structure":
        out["members"] = []
        for m, ms in s["members"].items():
            entry = [m, ms["shape"]]
            extra = {}
            for k in ("locationName", "queryName", "idempotencyToken", "deprecated"):
                if k in ms:
                    extra[k] = ms[k]
            if extra:
                entry.append(extra)
            out["members"].append(entry)
    elif s["type"] == "list":
        out["member"] = s["member"]["shape"]
        if "locationName" in s["member"]:
            out["memberLocationName"] = s["member"]["locationName"]
    elif s["type"] == "map":
        out["key"] = s["key"]["shape"]
        out["value"] = s["value"]["shape"]
    return out


def reachable(shapes, roots):
    seen, stack = set(), list(roots)
    while stack:
        n = stack.pop()
        if n in seen or n not in shapes:
            continue
        seen.add(n)
        s = shapes[n]
        if s["type"] == "structure":
            stack.extend(m["shape"] for m in s["members"].values())
        elif s["type"] == "list":
            stack.append(s["member"]["shape"])
        elif s["type"] == "map":
            stack.extend([s["key"]["shape"], s["value"]["shape"]])
    return seen


def main():
    tmp = tempfile.mkdtemp()
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, f"botocore=={BOTOCORE}"],
                   check=True)
    wheel = next(f for f in os.listdir(tmp) if f.endswith(".whl"))
    zipfile.ZipFile(os.path.join(tmp, wheel)).extractall(tmp)
    data_dir = os.path.join(tmp, "botocore", "data")
    for service, (rel, keep) in OPERATIONS.items():
        model = load(data_dir, rel, "service-2.json")
        shapes, ops = model["shapes"], model["operations"]
        kept_ops = sorted(ops) if keep == "*" else keep
        out_ops, roots = {}, []
        for name in kept_ops:
            op = ops[name]
            entry = {}
            if "input" in op:
                entry["input"] = op["input"]["shape"]
                roots.append(op["input"]["shape"])
                entry["cli"] = {m: xform_name(m) for m in shapes[op["input"]["shape"]]["members"]}
            if "output" in op:
                entry["output"] = op["output"]["shape"]
                roots.append(op["output"]["shape"])
            entry["errors"] = [e["shape"] for e in op.get("errors", [])]
            roots.extend(entry["errors"])
            out_ops[name] = entry
        keep_shapes = reachable(shapes, roots)
        meta = model["metadata"]
        out = {
            "botocore": BOTOCORE,
            "metadata": {k: meta[k] for k in ("apiVersion", "endpointPrefix", "protocol", "serviceId") if k in meta},
            # Every operation, by CLI name, in the order `aws <service> help` lists them (the model's order).
            "allOperations": {xform_name(n): n for n in ops},
            "operations": out_ops,
            "shapes": {n: compact_shape(shapes[n]) for n in sorted(keep_shapes)},
        }
        waiters = load(data_dir, rel, "waiters-2.json")
        if waiters:
            out["waiters"] = {xform_name(n): w for n, w in waiters["waiters"].items()
                              if w["operation"] in out_ops}
        path = os.path.join(HERE, f"{service}.json")
        with open(path, "w") as f:
            json.dump(out, f, separators=(",", ":"), sort_keys=False)
            f.write("\n")
        print(f"{path}: {len(out_ops)} operations, {len(out['shapes'])} shapes, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
