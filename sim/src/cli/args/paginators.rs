//! The paginated operations of the modelled services, from botocore 1.44.5's `paginators-1.json` (which the
//! trimmed models in sim/models lack): for each, the members that carry the page token and the page size, and
//! the result keys the CLI's paginator merges and truncates (`--max-items`, `--starting-token`: see
//! `cli::paginate`) and the other members it keeps. Generated from the botocore wheel (`paginators-1.json`
//! merged with `paginators-1.sdk-extras.json`) for the operations the models carry, keyed by the model's
//! endpoint prefix.

/// A paginated operation: its token member(s), limit member, result keys and the other members the CLI
/// prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub input_tokens: &'static [&'static str],
    pub limit_key: Option<&'static str>,
    /// The member that says more pages follow (IAM's `IsTruncated`): when it is false, the resume token
    /// carries no service token.
    pub more_results: Option<&'static str>,
    /// The lists the paginator merges; the first is the one `--max-items` counts (botocore's primary result
    /// key). A dotted key names a member of a member.
    pub result_keys: &'static [&'static str],
    /// The other members the CLI prints (`paginators-1.json` and its `sdk-extras` merge); any member that is
    /// neither these nor a result key is left out of the output.
    pub non_aggregate_keys: &'static [&'static str],
}

impl Paging {
    /// The operation's own token and limit members: giving any of them turns the CLI's paginator off
    /// (`paginate.check_should_enable_pagination`).
    pub fn own_members(&self) -> impl Iterator<Item = &'static str> {
        self.input_tokens.iter().copied().chain(self.limit_key)
    }
}

/// The paging of `service` (the model's endpoint prefix: `ecs`, `api.ecr`, `monitoring`, as
/// `Customizations::for_operation` gets it) `api_operation`, if botocore paginates it.
pub fn paging(service: &str, api_operation: &str) -> Option<Paging> {
    PAGINATED.iter().find(|(s, op, _)| *s == service && *op == api_operation).map(|(_, _, p)| *p)
}

const PAGINATED: &[(&str, &str, Paging)] = &[
    ("ecs", "ListAccountSettings", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["settings"], non_aggregate_keys: &[] }),
    ("ecs", "ListAttributes", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["attributes"], non_aggregate_keys: &[] }),
    ("ecs", "ListClusters", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["clusterArns"], non_aggregate_keys: &[] }),
    ("ecs", "ListContainerInstances", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["containerInstanceArns"], non_aggregate_keys: &[] }),
    ("ecs", "ListGatewayClusterAssociations", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["gatewayClusterAssociations"], non_aggregate_keys: &[] }),
    ("ecs", "ListGatewayRoutes", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["gatewayRoutes"], non_aggregate_keys: &[] }),
    ("ecs", "ListGateways", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["gateways"], non_aggregate_keys: &[] }),
    ("ecs", "ListServices", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["serviceArns"], non_aggregate_keys: &[] }),
    ("ecs", "ListServicesByNamespace", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["serviceArns"], non_aggregate_keys: &[] }),
    ("ecs", "ListTaskDefinitionFamilies", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["families"], non_aggregate_keys: &[] }),
    ("ecs", "ListTaskDefinitions", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["taskDefinitionArns"], non_aggregate_keys: &[] }),
    ("ecs", "ListTasks", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["taskArns"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeImages", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["Images"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeInstanceTypes", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["InstanceTypes"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeInstances", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["Reservations"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeLaunchTemplateVersions", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["LaunchTemplateVersions"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeLaunchTemplates", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["LaunchTemplates"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeSecurityGroups", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["SecurityGroups"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeSubnets", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["Subnets"], non_aggregate_keys: &[] }),
    ("ec2", "DescribeVpcs", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["Vpcs"], non_aggregate_keys: &[] }),
    ("api.ecr", "DescribeImageScanFindings", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["imageScanFindings.findings", "imageScanFindings.enhancedFindings"], non_aggregate_keys: &["registryId", "repositoryName", "imageId", "imageScanStatus", "imageScanFindings"] }),
    ("api.ecr", "DescribeImages", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["imageDetails"], non_aggregate_keys: &[] }),
    ("api.ecr", "DescribeRepositories", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["repositories"], non_aggregate_keys: &[] }),
    ("api.ecr", "GetLifecyclePolicyPreview", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["previewResults"], non_aggregate_keys: &["registryId", "repositoryName", "lifecyclePolicyText", "status", "summary"] }),
    ("api.ecr", "ListImages", Paging { input_tokens: &["nextToken"], limit_key: Some("maxResults"), more_results: None, result_keys: &["imageIds"], non_aggregate_keys: &[] }),
    ("elasticloadbalancing", "DescribeListeners", Paging { input_tokens: &["Marker"], limit_key: Some("PageSize"), more_results: None, result_keys: &["Listeners"], non_aggregate_keys: &[] }),
    ("elasticloadbalancing", "DescribeLoadBalancers", Paging { input_tokens: &["Marker"], limit_key: Some("PageSize"), more_results: None, result_keys: &["LoadBalancers"], non_aggregate_keys: &[] }),
    ("elasticloadbalancing", "DescribeRules", Paging { input_tokens: &["Marker"], limit_key: Some("PageSize"), more_results: None, result_keys: &["Rules"], non_aggregate_keys: &[] }),
    ("elasticloadbalancing", "DescribeTargetGroups", Paging { input_tokens: &["Marker"], limit_key: Some("PageSize"), more_results: None, result_keys: &["TargetGroups"], non_aggregate_keys: &[] }),
    ("iam", "ListAttachedRolePolicies", Paging { input_tokens: &["Marker"], limit_key: Some("MaxItems"), more_results: Some("IsTruncated"), result_keys: &["AttachedPolicies"], non_aggregate_keys: &[] }),
    ("iam", "ListInstanceProfiles", Paging { input_tokens: &["Marker"], limit_key: Some("MaxItems"), more_results: Some("IsTruncated"), result_keys: &["InstanceProfiles"], non_aggregate_keys: &[] }),
    ("iam", "ListPolicies", Paging { input_tokens: &["Marker"], limit_key: Some("MaxItems"), more_results: Some("IsTruncated"), result_keys: &["Policies"], non_aggregate_keys: &[] }),
    ("iam", "ListRolePolicies", Paging { input_tokens: &["Marker"], limit_key: Some("MaxItems"), more_results: Some("IsTruncated"), result_keys: &["PolicyNames"], non_aggregate_keys: &[] }),
    ("iam", "ListRoles", Paging { input_tokens: &["Marker"], limit_key: Some("MaxItems"), more_results: Some("IsTruncated"), result_keys: &["Roles"], non_aggregate_keys: &[] }),
    ("iam", "SimulatePrincipalPolicy", Paging { input_tokens: &["Marker"], limit_key: Some("MaxItems"), more_results: Some("IsTruncated"), result_keys: &["EvaluationResults"], non_aggregate_keys: &[] }),
    ("logs", "DescribeLogGroups", Paging { input_tokens: &["nextToken"], limit_key: Some("limit"), more_results: None, result_keys: &["logGroups"], non_aggregate_keys: &[] }),
    ("logs", "DescribeLogStreams", Paging { input_tokens: &["nextToken"], limit_key: Some("limit"), more_results: None, result_keys: &["logStreams"], non_aggregate_keys: &[] }),
    ("logs", "FilterLogEvents", Paging { input_tokens: &["nextToken"], limit_key: Some("limit"), more_results: None, result_keys: &["events", "searchedLogStreams"], non_aggregate_keys: &[] }),
    ("s3", "ListBuckets", Paging { input_tokens: &["ContinuationToken"], limit_key: Some("MaxBuckets"), more_results: None, result_keys: &["Buckets"], non_aggregate_keys: &["Owner", "Prefix"] }),
    ("s3", "ListObjectsV2", Paging { input_tokens: &["ContinuationToken"], limit_key: Some("MaxKeys"), more_results: Some("IsTruncated"), result_keys: &["Contents", "CommonPrefixes"], non_aggregate_keys: &["RequestCharged", "Prefix"] }),
    ("secretsmanager", "ListSecrets", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["SecretList"], non_aggregate_keys: &[] }),
    ("ssm", "DescribeParameters", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["Parameters"], non_aggregate_keys: &[] }),
    ("ssm", "GetParametersByPath", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["Parameters"], non_aggregate_keys: &[] }),
    ("application-autoscaling", "DescribeScalableTargets", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["ScalableTargets"], non_aggregate_keys: &[] }),
    ("application-autoscaling", "DescribeScalingActivities", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["ScalingActivities"], non_aggregate_keys: &[] }),
    ("application-autoscaling", "DescribeScalingPolicies", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["ScalingPolicies"], non_aggregate_keys: &[] }),
    ("application-autoscaling", "DescribeScheduledActions", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxResults"), more_results: None, result_keys: &["ScheduledActions"], non_aggregate_keys: &[] }),
    ("autoscaling", "DescribeAutoScalingGroups", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxRecords"), more_results: None, result_keys: &["AutoScalingGroups"], non_aggregate_keys: &[] }),
    ("autoscaling", "DescribeScalingActivities", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxRecords"), more_results: None, result_keys: &["Activities"], non_aggregate_keys: &[] }),
    ("monitoring", "DescribeAlarms", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxRecords"), more_results: None, result_keys: &["MetricAlarms", "CompositeAlarms", "LogAlarms"], non_aggregate_keys: &[] }),
    ("monitoring", "GetMetricData", Paging { input_tokens: &["NextToken"], limit_key: Some("MaxDatapoints"), more_results: None, result_keys: &["MetricDataResults", "Messages"], non_aggregate_keys: &[] }),
    ("monitoring", "ListMetrics", Paging { input_tokens: &["NextToken"], limit_key: None, more_results: None, result_keys: &["Metrics", "OwningAccounts"], non_aggregate_keys: &[] }),
];
