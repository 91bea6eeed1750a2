//! `--output table` edge cases: `--query` results (scalars, lists, lists of
//! lists), unicode widths, values wider than the terminal, Python `None`
//! section titles, the CLI's odd handling of a dict inside a list of lists.
//! Expected tables are what awscli's own `TableFormatter` renders.

use super::table_tests::check;
use super::{FormatOptions, OutputFormat, TableStyle, try_format};

fn table_error(value: serde_json::Value) -> Option<String> {
    let options = FormatOptions::default();
    try_format(&value, OutputFormat::Table, "Op", false, &options)
        .err()
        .map(|e| e.message)
}

#[test]
fn falsy_query_results_print_nothing() {
    for v in [
        serde_json::json!(null),
        serde_json::json!(false),
        serde_json::json!(0),
        serde_json::json!(0.0),
        serde_json::json!(""),
        serde_json::json!([]),
        serde_json::json!({}),
    ] {
        assert_eq!(super::format(&v, OutputFormat::Table, "Op", true), "");
    }
}

#[test]
fn irregular_shapes_fail_like_the_cli() {
    // ValueError from awscli.table.Section.add_row
    assert_eq!(
        table_error(serde_json::json!([["a", "b"], ["c"]])),
        Some("Row should have 2 elements, instead it has 1".to_owned())
    );
    // TypeError from TableFormatter._group_scalar_keys
    assert_eq!(
        table_error(serde_json::json!([{"a": 1}, "x"])),
        Some("string indices must be integers, not 'str'".to_owned())
    );
    assert_eq!(
        table_error(serde_json::json!([{"a": 1}, 5])),
        Some("'int' object is not iterable".to_owned())
    );
    // IndexError from Section._update_max_widths
    assert_eq!(
        table_error(serde_json::json!([[{"a": 1}], [{"a": 1, "b": 2}]])),
        Some("list index out of range".to_owned())
    );
    // and the lenient entry point prints what the CLI prints: nothing
    assert_eq!(
        super::format(
            &serde_json::json!([["a", "b"], ["c"]]),
            OutputFormat::Table,
            "Op",
            true
        ),
        ""
    );
}

#[test]
fn query_scalar_string() {
    let value = r#""default""#;
    let expected = r#"------------------
|DescribeClusters|
+----------------+
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn query_true() {
    let value = r#"true"#;
    let expected = r#"------------------
|DescribeClusters|
+----------------+
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn query_list_of_strings() {
    let value = r#"["default", "web"]"#;
    let expected = r#"------------------
|DescribeClusters|
+----------------+
|  default       |
|  web           |
+----------------+
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn query_list_of_lists() {
    let value = r#"[["default", 2], ["web", 0]]"#;
    let expected = r#"------------------
|DescribeClusters|
+----------+-----+
|  default |  2  |
|  web     |  0  |
+----------+-----+
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn query_nested_list_of_dicts() {
    let value =
        r#"[{"name": "default", "count": 2.5, "on": null}, {"name": "web", "extra": true}]"#;
    let expected = r#"---------------------------------------
|          DescribeClusters           |
+-------+--------+-----------+--------+
| count | extra  |   name    |  on    |
+-------+--------+-----------+--------+
|  2.5  |        |  default  |  None  |
|       |  True  |  web      |        |
+-------+--------+-----------+--------+
"#;
    check(value, "DescribeClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn single_scalar_key() {
    let value = r#"{"nextToken": "abc"}"#;
    let expected = r#"----------------------
|    ListClusters    |
+------------+-------+
|  nextToken |  abc  |
+------------+-------+
"#;
    check(value, "ListClusters", 80, TableStyle::Plain, expected);
}

#[test]
fn unicode_cells() {
    let value = r#"{"tags": [{"key": "名前", "value": "café ✓"}, {"key": "ascii", "value": "x"}]}"#;
    let expected = r#"------------------------
|  ListTagsForResource |
+----------------------+
||        tags        ||
|+--------+-----------+|
||   key  |   value   ||
|+--------+-----------+|
||  名前  |  café ✓  ||
||  ascii |  x        ||
|+--------+-----------+|
"#;
    check(
        value,
        "ListTagsForResource",
        80,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn very_wide_value() {
    let value = r#"{"cluster": {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "clusterName": "default", "status": "ACTIVE"}}"#;
    let expected = r#"--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
|                                                                                         DescribeCluster                                                                                        |
+------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
||                                                                                            cluster                                                                                           ||
|+-------------+--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+|
||  clusterArn |  arn:aws:ecs:us-east-1:123456789012:cluster/default/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx   ||
||  clusterName|  default                                                                                                                                                                       ||
||  status     |  ACTIVE                                                                                                                                                                        ||
|+-------------+--------------------------------------------------------------------------------------------------------------------------------------------------------------------------------+|
"#;
    check(value, "DescribeCluster", 80, TableStyle::Plain, expected);
}

#[test]
fn wide_title() {
    let value = r#"{"a": "b", "c": "d"}"#;
    let expected = r#"------------------------------------------------------------------------------------------------------
|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA|
+-------------------------------------------------+--------------------------------------------------+
|  a                                              |  b                                               |
|  c                                              |  d                                               |
+-------------------------------------------------+--------------------------------------------------+
"#;
    check(
        value,
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        80,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn scalar_key_also_nested() {
    let value = r#"{"items": [{"k": "v", "n": [1, 2]}, {"k": "w", "n": 3}]}"#;
    let expected = r#"-------------------
|       Op        |
+-----------------+
||     items     ||
|+----+----------+|
||  k |    n     ||
|+----+----------+|
||  v |  [1, 2]  ||
|+----+----------+|
|||      n      |||
||+-------------+||
|||  1          |||
|||  2          |||
||+-------------+||
||     items     ||
|+------+--------+|
||   k  |   n    ||
|+------+--------+|
||  w   |  3     ||
|+------+--------+|
|||      n      |||
||+-------------+||
"#;
    check(value, "Op", 80, TableStyle::Plain, expected);
}

#[test]
fn dict_in_scalar_list() {
    let value = r#"[["a", "b"], {"x": 1, "y": [2]}]"#;
    let expected = r#"------------
|    Op    |
+----+-----+
|  a |  b  |
|  x |  y  |
+----+-----+
"#;
    check(value, "Op", 80, TableStyle::Plain, expected);
}

#[test]
fn none_title_width() {
    let value = r#"[[{"a": "x", "l": [{"z": 1}]}, {"a": "y", "l": [{"z": 2}]}]]"#;
    let expected = r#"---------
|  Op   |
+-------+
|   a   |
+-------+
|  x    |
+-------+
||  l  ||
|+-----+|
||  z  ||
|+-----+|
||  1  ||
|+-----+|
+-------+
|   a   |
+-------+
|  y    |
+-------+
||  l  ||
|+-----+|
||  z  ||
|+-----+|
||  2  ||
|+-----+|
"#;
    check(value, "Op", 80, TableStyle::Plain, expected);
}

#[test]
fn zero_width_terminal() {
    let value = r#"{"a": {"b": "c", "d": "e"}}"#;
    let expected = r#"--------------
|     Op     |
+------------+
||     a    ||
|+----+-----+|
||  b |  c  ||
||  d |  e  ||
|+----+-----+|
"#;
    check(value, "Op", 0, TableStyle::Plain, expected);
}
