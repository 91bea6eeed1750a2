//! `--output table` for ECS-shaped responses: expected tables are what
//! awscli's own `TableFormatter` renders for the same values (terminal width
//! given per case; `usize::MAX` means "never converted to vertical").

use super::TableStyle;
use super::table_tests::check;

#[test]
fn ecs_list_clusters() {
    let value = r#"{"clusterArns": ["arn:aws:ecs:us-east-1:123456789012:cluster/default", "arn:aws:ecs:us-east-1:123456789012:cluster/web"]}"#;
    let expected = r#"----------------------------------------------------------
|                      ListClusters                      |
+--------------------------------------------------------+
||                      clusterArns                     ||
|+------------------------------------------------------+|
||  arn:aws:ecs:us-east-1:123456789012:cluster/default  ||
||  arn:aws:ecs:us-east-1:123456789012:cluster/web      ||
|+------------------------------------------------------+|
"#;
    check(
        value,
        "ListClusters",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn ecs_describe_clusters_wide() {
    let value = r#"{"clusters": [{"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default", "clusterName": "default", "status": "ACTIVE", "registeredContainerInstancesCount": 0, "runningTasksCount": 2, "pendingTasksCount": 0, "activeServicesCount": 1, "statistics": [], "tags": [{"key": "team", "value": "learning"}], "settings": [{"name": "containerInsights", "value": "disabled"}], "capacityProviders": ["FARGATE", "FARGATE_SPOT"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 0}]}, {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "clusterName": "web", "status": "ACTIVE", "registeredContainerInstancesCount": 3, "runningTasksCount": 0, "pendingTasksCount": 1, "activeServicesCount": 0, "statistics": [], "tags": [], "settings": [{"name": "containerInsights", "value": "enabled"}], "capacityProviders": [], "defaultCapacityProviderStrategy": []}], "failures": []}"#;
    let expected = r#"-----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
|                                                                                   DescribeClusters                                                                                    |
+---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
||                                                                                      clusters                                                                                       ||
|+---------------------+------------------------------------------------------+--------------+--------------------+------------------------------------+--------------------+----------+|
|| activeServicesCount |                     clusterArn                       | clusterName  | pendingTasksCount  | registeredContainerInstancesCount  | runningTasksCount  | status   ||
|+---------------------+------------------------------------------------------+--------------+--------------------+------------------------------------+--------------------+----------+|
||  1                  |  arn:aws:ecs:us-east-1:123456789012:cluster/default  |  default     |  0                 |  0                                 |  2                 |  ACTIVE  ||
|+---------------------+------------------------------------------------------+--------------+--------------------+------------------------------------+--------------------+----------+|
|||                                                                                 capacityProviders                                                                                 |||
||+-----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+||
|||  FARGATE                                                                                                                                                                          |||
|||  FARGATE_SPOT                                                                                                                                                                     |||
||+-----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+||
|||                                                                          defaultCapacityProviderStrategy                                                                          |||
||+------------------------------------+----------------------------------------------------------------------------------------------+-----------------------------------------------+||
|||                base                |                                      capacityProvider                                        |                    weight                     |||
||+------------------------------------+----------------------------------------------------------------------------------------------+-----------------------------------------------+||
|||  0                                 |  FARGATE                                                                                     |  1                                            |||
||+------------------------------------+----------------------------------------------------------------------------------------------+-----------------------------------------------+||
|||                                                                                     settings                                                                                      |||
||+-----------------------------------------------------------------------------------------------------------------+-----------------------------------------------------------------+||
|||                                                      name                                                       |                              value                              |||
||+-----------------------------------------------------------------------------------------------------------------+-----------------------------------------------------------------+||
|||  containerInsights                                                                                              |  disabled                                                       |||
||+-----------------------------------------------------------------------------------------------------------------+-----------------------------------------------------------------+||
|||                                                                                       tags                                                                                        |||
||+----------------------------------------------------------------------+------------------------------------------------------------------------------------------------------------+||
|||                                  key                                 |                                                   value                                                    |||
||+----------------------------------------------------------------------+------------------------------------------------------------------------------------------------------------+||
|||  team                                                                |  learning                                                                                                  |||
||+----------------------------------------------------------------------+------------------------------------------------------------------------------------------------------------+||
||                                                                                      clusters                                                                                       ||
|+---------------------+---------------------------------------------------+---------------+---------------------+-------------------------------------+---------------------+---------+|
|| activeServicesCount |                    clusterArn                     |  clusterName  |  pendingTasksCount  |  registeredContainerInstancesCount  |  runningTasksCount  | status  ||
|+---------------------+---------------------------------------------------+---------------+---------------------+-------------------------------------+---------------------+---------+|
||  0                  |  arn:aws:ecs:us-east-1:123456789012:cluster/web   |  web          |  1                  |  3                                  |  0                  |  ACTIVE ||
|+---------------------+---------------------------------------------------+---------------+---------------------+-------------------------------------+---------------------+---------+|
|||                                                                                     settings                                                                                      |||
||+---------------------------------------------------------------------------------------------------------------------+-------------------------------------------------------------+||
|||                                                        name                                                         |                            value                            |||
||+---------------------------------------------------------------------------------------------------------------------+-------------------------------------------------------------+||
|||  containerInsights                                                                                                  |  enabled                                                    |||
||+---------------------------------------------------------------------------------------------------------------------+-------------------------------------------------------------+||
"#;
    check(
        value,
        "DescribeClusters",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn ecs_describe_clusters_80() {
    let value = r#"{"clusters": [{"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default", "clusterName": "default", "status": "ACTIVE", "registeredContainerInstancesCount": 0, "runningTasksCount": 2, "pendingTasksCount": 0, "activeServicesCount": 1, "statistics": [], "tags": [{"key": "team", "value": "learning"}], "settings": [{"name": "containerInsights", "value": "disabled"}], "capacityProviders": ["FARGATE", "FARGATE_SPOT"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 0}]}, {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "clusterName": "web", "status": "ACTIVE", "registeredContainerInstancesCount": 3, "runningTasksCount": 0, "pendingTasksCount": 1, "activeServicesCount": 0, "statistics": [], "tags": [], "settings": [{"name": "containerInsights", "value": "enabled"}], "capacityProviders": [], "defaultCapacityProviderStrategy": []}], "failures": []}"#;
    let expected = r#"-----------------------------------------------------------------------------------------------
|                                      DescribeClusters                                       |
+---------------------------------------------------------------------------------------------+
||                                         clusters                                          ||
|+------------------------------------+------------------------------------------------------+|
||  activeServicesCount               |  1                                                   ||
||  clusterArn                        |  arn:aws:ecs:us-east-1:123456789012:cluster/default  ||
||  clusterName                       |  default                                             ||
||  pendingTasksCount                 |  0                                                   ||
||  registeredContainerInstancesCount |  0                                                   ||
||  runningTasksCount                 |  2                                                   ||
||  status                            |  ACTIVE                                              ||
|+------------------------------------+------------------------------------------------------+|
|||                                    capacityProviders                                    |||
||+-----------------------------------------------------------------------------------------+||
|||  FARGATE                                                                                |||
|||  FARGATE_SPOT                                                                           |||
||+-----------------------------------------------------------------------------------------+||
|||                             defaultCapacityProviderStrategy                             |||
||+---------------------------------------------------------+-------------------------------+||
|||  base                                                   |  0                            |||
|||  capacityProvider                                       |  FARGATE                      |||
|||  weight                                                 |  1                            |||
||+---------------------------------------------------------+-------------------------------+||
|||                                        settings                                         |||
||+-------------------------+---------------------------------------------------------------+||
|||  name                   |  containerInsights                                            |||
|||  value                  |  disabled                                                     |||
||+-------------------------+---------------------------------------------------------------+||
|||                                          tags                                           |||
||+-------------------------------------+---------------------------------------------------+||
|||  key                                |  team                                             |||
|||  value                              |  learning                                         |||
||+-------------------------------------+---------------------------------------------------+||
||                                         clusters                                          ||
|+--------------------------------------+----------------------------------------------------+|
||  activeServicesCount                 |  0                                                 ||
||  clusterArn                          |  arn:aws:ecs:us-east-1:123456789012:cluster/web    ||
||  clusterName                         |  web                                               ||
||  pendingTasksCount                   |  1                                                 ||
||  registeredContainerInstancesCount   |  3                                                 ||
||  runningTasksCount                   |  0                                                 ||
||  status                              |  ACTIVE                                            ||
|+--------------------------------------+----------------------------------------------------+|
|||                                        settings                                         |||
||+-------------------------+---------------------------------------------------------------+||
|||  name                   |  containerInsights                                            |||
|||  value                  |  enabled                                                      |||
||+-------------------------+---------------------------------------------------------------+||
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn ecs_describe_clusters_120() {
    let value = r#"{"clusters": [{"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default", "clusterName": "default", "status": "ACTIVE", "registeredContainerInstancesCount": 0, "runningTasksCount": 2, "pendingTasksCount": 0, "activeServicesCount": 1, "statistics": [], "tags": [{"key": "team", "value": "learning"}], "settings": [{"name": "containerInsights", "value": "disabled"}], "capacityProviders": ["FARGATE", "FARGATE_SPOT"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 0}]}, {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "clusterName": "web", "status": "ACTIVE", "registeredContainerInstancesCount": 3, "runningTasksCount": 0, "pendingTasksCount": 1, "activeServicesCount": 0, "statistics": [], "tags": [], "settings": [{"name": "containerInsights", "value": "enabled"}], "capacityProviders": [], "defaultCapacityProviderStrategy": []}], "failures": []}"#;
    let expected = r#"-----------------------------------------------------------------------------------------------
|                                      DescribeClusters                                       |
+---------------------------------------------------------------------------------------------+
||                                         clusters                                          ||
|+------------------------------------+------------------------------------------------------+|
||  activeServicesCount               |  1                                                   ||
||  clusterArn                        |  arn:aws:ecs:us-east-1:123456789012:cluster/default  ||
||  clusterName                       |  default                                             ||
||  pendingTasksCount                 |  0                                                   ||
||  registeredContainerInstancesCount |  0                                                   ||
||  runningTasksCount                 |  2                                                   ||
||  status                            |  ACTIVE                                              ||
|+------------------------------------+------------------------------------------------------+|
|||                                    capacityProviders                                    |||
||+-----------------------------------------------------------------------------------------+||
|||  FARGATE                                                                                |||
|||  FARGATE_SPOT                                                                           |||
||+-----------------------------------------------------------------------------------------+||
|||                             defaultCapacityProviderStrategy                             |||
||+---------------------------------------------------------+-------------------------------+||
|||  base                                                   |  0                            |||
|||  capacityProvider                                       |  FARGATE                      |||
|||  weight                                                 |  1                            |||
||+---------------------------------------------------------+-------------------------------+||
|||                                        settings                                         |||
||+-------------------------+---------------------------------------------------------------+||
|||  name                   |  containerInsights                                            |||
|||  value                  |  disabled                                                     |||
||+-------------------------+---------------------------------------------------------------+||
|||                                          tags                                           |||
||+-------------------------------------+---------------------------------------------------+||
|||  key                                |  team                                             |||
|||  value                              |  learning                                         |||
||+-------------------------------------+---------------------------------------------------+||
||                                         clusters                                          ||
|+--------------------------------------+----------------------------------------------------+|
||  activeServicesCount                 |  0                                                 ||
||  clusterArn                          |  arn:aws:ecs:us-east-1:123456789012:cluster/web    ||
||  clusterName                         |  web                                               ||
||  pendingTasksCount                   |  1                                                 ||
||  registeredContainerInstancesCount   |  3                                                 ||
||  runningTasksCount                   |  0                                                 ||
||  status                              |  ACTIVE                                            ||
|+--------------------------------------+----------------------------------------------------+|
|||                                        settings                                         |||
||+-------------------------+---------------------------------------------------------------+||
|||  name                   |  containerInsights                                            |||
|||  value                  |  enabled                                                      |||
||+-------------------------+---------------------------------------------------------------+||
"#;
    check(value, "DescribeClusters", 120, TableStyle::Plain, expected);
}

#[test]
fn ecs_describe_clusters_failure() {
    let value = r#"{"clusters": [], "failures": [{"arn": "arn:aws:ecs:us-east-1:123456789012:cluster/nope", "reason": "MISSING"}]}"#;
    let expected = r#"------------------------------------------------------------------
|                        DescribeClusters                        |
+----------------------------------------------------------------+
||                           failures                           ||
|+---------------------------------------------------+----------+|
||                        arn                        | reason   ||
|+---------------------------------------------------+----------+|
||  arn:aws:ecs:us-east-1:123456789012:cluster/nope  |  MISSING ||
|+---------------------------------------------------+----------+|
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn ecs_empty_lists() {
    let value = r#"{"clusters": [], "failures": []}"#;
    let expected = r#"------------------
|DescribeClusters|
+----------------+
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn ecs_colorized() {
    let value = r#"{"cluster": {"clusterName": "default", "status": "ACTIVE", "tags": [{"key": "k", "value": "v"}]}}"#;
    let expected = "-----------------------------\n|       CreateCluster       |\n+---------------------------+\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m|         cluster         |\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m+--------------+----------+\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m|  clusterName | status   |\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m+--------------+----------+\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m|  \u{1b}[1m\u{1b}[34mdefault\u{1b}[0m     |  \u{1b}[1m\u{1b}[34mACTIVE\u{1b}[0m  |\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m+--------------+----------+\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m|         tags          |\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m+---------+-------------+\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m|   key   |    value    |\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m+---------+-------------+\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m|  \u{1b}[1m\u{1b}[34mk\u{1b}[0m      |  \u{1b}[1m\u{1b}[34mv\u{1b}[0m          |\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m+---------+-------------+\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\n";
    check(value, "CreateCluster", 80, TableStyle::Colorized, expected);
}
