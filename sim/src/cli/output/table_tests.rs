//! Tests of `--output table` ported from aws/aws-cli (branch v2):
//! `tests/unit/output/test_table_formatter.py` (every case: same inputs,
//! same expected tables, rendered with `auto_reformat=False`, which is an
//! unbounded terminal width here) and `tests/unit/test_table.py` (the
//! `Section` width arithmetic). ECS-shaped and edge cases live in
//! `table_tests_ecs.rs` and `table_tests_edge.rs`.

use super::multitable::{MultiTable, Section, align_left, center_text};
use super::{FormatOptions, OutputFormat, TableStyle, try_format};

/// Formats the JSON text `value` as a table titled `title` for a terminal
/// `width` columns wide and compares it with `expected`.
pub(super) fn check(value: &str, title: &str, width: usize, style: TableStyle, expected: &str) {
    let value: serde_json::Value = match serde_json::from_str(value) {
        Ok(v) => v,
        Err(e) => panic!("bad test input: {e}"),
    };
    let options = FormatOptions {
        width,
        table_style: style,
    };
    let got = try_format(&value, OutputFormat::Table, title, false, &options);
    assert_eq!(
        got.as_deref(),
        Ok(expected),
        "\n--- got ---\n{}",
        got.as_deref().unwrap_or("")
    );
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

// tests/unit/output/test_table_formatter.py::test_empty_table
#[test]
fn empty_table() {
    check("{}", "OperationName", usize::MAX, TableStyle::Plain, "");
}

// tests/unit/test_table.py::TestSection
#[test]
fn add_row_tracks_max_widths() {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["one", "two", "three"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, None), [3, 3, 5]);
    assert!(
        s.add_row(strings(&["1234567", "1234567", "1234567"]))
            .is_ok()
    );
    assert_eq!(s.calculate_column_widths(0, None), [7, 7, 7]);
    assert!(s.add_row(strings(&["a", "a", "a"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, None), [7, 7, 7]);
    assert!(s.add_row(strings(&["123456789", "1", "1"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, None), [9, 7, 7]);
    assert_eq!(s.calculate_column_widths(1, None), [10, 8, 8]);
    assert_eq!(s.total_width(0, false, 0), 23);
}

#[test]
fn add_row_also_tracks_header() {
    let mut s = Section::default();
    assert!(
        s.add_header(strings(&["123456789", "12345", "1234567"]))
            .is_ok()
    );
    assert!(s.add_row(strings(&["a", "a", "a"])).is_ok());
    assert!(s.add_row(strings(&["aa", "aa", "aa"])).is_ok());
    assert!(s.add_row(strings(&["aaa", "aaa", "aaa"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, None), [9, 5, 7]);
    assert_eq!(s.total_width(0, false, 0), 21);
    assert!(s.add_row(strings(&["aaa", "123456789", "aaa"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, None), [9, 9, 7]);
    assert_eq!(s.total_width(3, true, 0), 36);
}

fn two_rows() -> Section {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["one", "two", "three"])).is_ok());
    assert!(
        s.add_row(strings(&["1234567", "1234567", "1234567"]))
            .is_ok()
    );
    s
}

#[test]
fn max_width_with_scaling_perfect_scaling() {
    assert_eq!(
        two_rows().calculate_column_widths(0, Some(42)),
        [14, 14, 14]
    );
}

#[test]
fn max_width_scaling_one_unit_short() {
    assert_eq!(
        two_rows().calculate_column_widths(0, Some(41)),
        [13, 14, 14]
    );
}

#[test]
fn width_with_full_width_characters() {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["\u{4e00}", "one"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, None), [2, 3]);
}

#[test]
fn max_width_scaling_is_negative() {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["12345", "12345"])).is_ok());
    assert_eq!(s.calculate_column_widths(0, Some(17)), [8, 9]);
}

#[test]
fn allow_sections_to_be_padded() {
    let s = two_rows();
    assert_eq!(s.total_width(2, false, 0), 27);
    assert_eq!(s.total_width(2, false, 1), 29);
}

#[test]
fn title_accounts_for_outer_padding() {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["a", "b", "c"])).is_ok());
    s.title = Some("123456789".to_owned());
    assert_eq!(s.total_width(2, false, 3), 17);
}

#[test]
fn unicode_text_row() {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["1"])).is_ok());
    assert!(s.add_row(strings(&["check"])).is_ok());
    assert!(s.add_row(strings(&["\u{2713}"])).is_ok());
    assert_eq!(
        s.rows,
        [strings(&["1"]), strings(&["check"]), strings(&["\u{2713}"])]
    );
}

// tests/unit/test_table.py::TestVerticalTableConversion, through render():
// a one-row section wider than the terminal becomes key/value rows.
#[test]
fn convert_section_to_vertical() {
    let mut t = MultiTable::new();
    t.new_section(Some("foo"), 0);
    assert!(t.add_row_header(strings(&["key1", "key2", "key3"])).is_ok());
    assert!(t.add_row(strings(&["val1", "val2", "val3"])).is_ok());
    let expected = "\
------------------
|       foo      |
+-------+--------+
|  key1 |  val1  |
|  key2 |  val2  |
|  key3 |  val3  |
+-------+--------+
";
    assert_eq!(t.render(10, TableStyle::Plain), expected);
}

#[test]
fn row_length_mismatch_is_the_clis_value_error() {
    let mut s = Section::default();
    assert!(s.add_row(strings(&["a", "b"])).is_ok());
    assert_eq!(
        s.add_row(strings(&["c"])),
        Err("Row should have 2 elements, instead it has 1".to_owned())
    );
}

#[test]
fn center_and_align_helpers() {
    // awscli.table.center_text / align_left
    assert_eq!(center_text("foo", 11, "|", "|", 3), "|   foo   |");
    assert_eq!(center_text("toolongtext", 5, "|", "|", 11), "|toolongtext|");
    assert_eq!(align_left("foo", 9, "|", "|", 3), "|  foo  |");
    assert_eq!(align_left("foobar", 8, "|", "|", 6), "|foobar|");
}

#[test]
fn list_table() {
    let value = r#"{"QueueUrls": ["https://us-west-2.queue.amazonaws.com/1/queue1", "https://us-west-2.queue.amazonaws.com/1/queue2", "https://us-west-2.queue.amazonaws.com/1/queue3", "https://us-west-2.queue.amazonaws.com/1/queue4"]}"#;
    let expected = r#"------------------------------------------------------
|                    OperationName                   |
+----------------------------------------------------+
||                     QueueUrls                    ||
|+--------------------------------------------------+|
||  https://us-west-2.queue.amazonaws.com/1/queue1  ||
||  https://us-west-2.queue.amazonaws.com/1/queue2  ||
||  https://us-west-2.queue.amazonaws.com/1/queue3  ||
||  https://us-west-2.queue.amazonaws.com/1/queue4  ||
|+--------------------------------------------------+|
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn dict_table() {
    let value = r#"{"Attributes": {"a": "0", "b": "345600", "c": "0", "d": "65536", "e": "1351044153", "f": "0"}}"#;
    let expected = r#"----------------------------------------------------
|                   OperationName                  |
+--------------------------------------------------+
||                   Attributes                   ||
|+---+---------+----+--------+--------------+-----+|
|| a |    b    | c  |   d    |      e       |  f  ||
|+---+---------+----+--------+--------------+-----+|
||  0|  345600 |  0 |  65536 |  1351044153  |  0  ||
|+---+---------+----+--------+--------------+-----+|
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn list_of_dicts() {
    let value = r#"{"OrderableDBInstanceOptions": [{"AvailabilityZones": [{"Name": "us-east-1a", "ProvisionedIopsCapable": false}, {"Name": "us-east-1d", "ProvisionedIopsCapable": true}], "DBInstanceClass": "db.m1.large", "Engine": "mysql", "EngineVersion": "5.1.45", "LicenseModel": "general-public-license", "MultiAZCapable": true, "ReadReplicaCapable": true, "Vpc": false}, {"AvailabilityZones": [{"Name": "us-west-2a", "ProvisionedIopsCapable": true}, {"Name": "us-west-2b", "ProvisionedIopsCapable": true}], "DBInstanceClass": "db.m1.xlarge", "Engine": "mysql", "EngineVersion": "5.1.57", "LicenseModel": "general-public-license", "MultiAZCapable": true, "ReadReplicaCapable": true, "Vpc": false}, {"AvailabilityZones": [{"Name": "us-west-2a", "ProvisionedIopsCapable": true}], "DBInstanceClass": "db.m1.xlarge", "Engine": "mysql", "EngineVersion": "5.1.57", "LicenseModel": "general-public-license", "MultiAZCapable": true, "ReadReplicaCapable": true, "Vpc": true}]}"#;
    let expected = r#"-----------------------------------------------------------------------------------------------------------------------------
|                                                       OperationName                                                       |
+---------------------------------------------------------------------------------------------------------------------------+
||                                               OrderableDBInstanceOptions                                                ||
|+-----------------+---------+----------------+-------------------------+-----------------+----------------------+---------+|
|| DBInstanceClass | Engine  | EngineVersion  |      LicenseModel       | MultiAZCapable  | ReadReplicaCapable   |   Vpc   ||
|+-----------------+---------+----------------+-------------------------+-----------------+----------------------+---------+|
||  db.m1.large    |  mysql  |  5.1.45        |  general-public-license |  True           |  True                |  False  ||
|+-----------------+---------+----------------+-------------------------+-----------------+----------------------+---------+|
|||                                                   AvailabilityZones                                                   |||
||+----------------------------------------+------------------------------------------------------------------------------+||
|||                  Name                  |                           ProvisionedIopsCapable                             |||
||+----------------------------------------+------------------------------------------------------------------------------+||
|||  us-east-1a                            |  False                                                                       |||
|||  us-east-1d                            |  True                                                                        |||
||+----------------------------------------+------------------------------------------------------------------------------+||
||                                               OrderableDBInstanceOptions                                                ||
|+-----------------+---------+----------------+-------------------------+-----------------+----------------------+---------+|
|| DBInstanceClass | Engine  | EngineVersion  |      LicenseModel       | MultiAZCapable  | ReadReplicaCapable   |   Vpc   ||
|+-----------------+---------+----------------+-------------------------+-----------------+----------------------+---------+|
||  db.m1.xlarge   |  mysql  |  5.1.57        |  general-public-license |  True           |  True                |  False  ||
|+-----------------+---------+----------------+-------------------------+-----------------+----------------------+---------+|
|||                                                   AvailabilityZones                                                   |||
||+----------------------------------------+------------------------------------------------------------------------------+||
|||                  Name                  |                           ProvisionedIopsCapable                             |||
||+----------------------------------------+------------------------------------------------------------------------------+||
|||  us-west-2a                            |  True                                                                        |||
|||  us-west-2b                            |  True                                                                        |||
||+----------------------------------------+------------------------------------------------------------------------------+||
||                                               OrderableDBInstanceOptions                                                ||
|+-----------------+---------+----------------+--------------------------+-----------------+----------------------+--------+|
|| DBInstanceClass | Engine  | EngineVersion  |      LicenseModel        | MultiAZCapable  | ReadReplicaCapable   |  Vpc   ||
|+-----------------+---------+----------------+--------------------------+-----------------+----------------------+--------+|
||  db.m1.xlarge   |  mysql  |  5.1.57        |  general-public-license  |  True           |  True                |  True  ||
|+-----------------+---------+----------------+--------------------------+-----------------+----------------------+--------+|
|||                                                   AvailabilityZones                                                   |||
||+----------------------------------------+------------------------------------------------------------------------------+||
|||                  Name                  |                           ProvisionedIopsCapable                             |||
||+----------------------------------------+------------------------------------------------------------------------------+||
|||  us-west-2a                            |  True                                                                        |||
||+----------------------------------------+------------------------------------------------------------------------------+||
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn inner_table() {
    let value = r#"{"Snapshots": [{"Description": "TestVolume1", "Tags": [{"Value": "TestVolume", "Key": "Name"}], "VolumeId": "vol-12345", "State": "completed", "VolumeSize": 8, "Progress": "100%", "StartTime": "2012-05-23T21:46:41.000Z", "SnapshotId": "snap-1234567", "OwnerId": "12345"}, {"Description": "Created by CreateImage(i-1234) for ami-1234 from vol-1234", "VolumeId": "vol-e543b98b", "State": "completed", "VolumeSize": 8, "Progress": "100%", "StartTime": "2012-05-25T00:07:20.000Z", "SnapshotId": "snap-23456", "OwnerId": "12345"}]}"#;
    let expected = r#"-----------------------------------------------------------------------------------------------------------------------------------------------------------------------------
|                                                                               OperationName                                                                               |
+---------------------------------------------------------------------------------------------------------------------------------------------------------------------------+
||                                                                                Snapshots                                                                                ||
|+-------------------+--------------+----------------+---------------------+--------------------------------------+-----------------+-----------------+--------------------+|
||    Description    |   OwnerId    |   Progress     |     SnapshotId      |              StartTime               |      State      |    VolumeId     |    VolumeSize      ||
|+-------------------+--------------+----------------+---------------------+--------------------------------------+-----------------+-----------------+--------------------+|
||  TestVolume1      |  12345       |  100%          |  snap-1234567       |  2012-05-23T21:46:41.000Z            |  completed      |  vol-12345      |  8                 ||
|+-------------------+--------------+----------------+---------------------+--------------------------------------+-----------------+-----------------+--------------------+|
|||                                                                                 Tags                                                                                  |||
||+-----------------------------------------------------------+-----------------------------------------------------------------------------------------------------------+||
|||                            Key                            |                                                   Value                                                   |||
||+-----------------------------------------------------------+-----------------------------------------------------------------------------------------------------------+||
|||  Name                                                     |  TestVolume                                                                                               |||
||+-----------------------------------------------------------+-----------------------------------------------------------------------------------------------------------+||
||                                                                                Snapshots                                                                                ||
|+------------------------------------------------------------+----------+-----------+-------------+---------------------------+------------+---------------+--------------+|
||                         Description                        | OwnerId  | Progress  | SnapshotId  |         StartTime         |   State    |   VolumeId    | VolumeSize   ||
|+------------------------------------------------------------+----------+-----------+-------------+---------------------------+------------+---------------+--------------+|
||  Created by CreateImage(i-1234) for ami-1234 from vol-1234 |  12345   |  100%     |  snap-23456 |  2012-05-25T00:07:20.000Z |  completed |  vol-e543b98b |  8           ||
|+------------------------------------------------------------+----------+-----------+-------------+---------------------------+------------+---------------+--------------+|
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn missing_keys() {
    let value = r#"{"Snapshots": [{"Description": "TestVolume1", "Tags": "foo", "VolumeId": "vol-12345", "State": "completed", "VolumeSize": 8, "Progress": "100%", "StartTime": "2012-05-23T21:46:41.000Z", "SnapshotId": "snap-1234567", "OwnerId": "12345"}, {"Description": "description", "VolumeId": "vol-e543b98b", "State": "completed", "VolumeSize": 8, "Progress": "100%", "StartTime": "2012-05-25T00:07:20.000Z", "SnapshotId": "snap-23456", "OwnerId": "12345"}]}"#;
    let expected = r#"-----------------------------------------------------------------------------------------------------------------------------------------
|                                                             OperationName                                                             |
+---------------------------------------------------------------------------------------------------------------------------------------+
||                                                              Snapshots                                                              ||
|+-------------+----------+-----------+---------------+---------------------------+------------+-------+----------------+--------------+|
|| Description | OwnerId  | Progress  |  SnapshotId   |         StartTime         |   State    | Tags  |   VolumeId     | VolumeSize   ||
|+-------------+----------+-----------+---------------+---------------------------+------------+-------+----------------+--------------+|
||  TestVolume1|  12345   |  100%     |  snap-1234567 |  2012-05-23T21:46:41.000Z |  completed |  foo  |  vol-12345     |  8           ||
||  description|  12345   |  100%     |  snap-23456   |  2012-05-25T00:07:20.000Z |  completed |       |  vol-e543b98b  |  8           ||
|+-------------+----------+-----------+---------------+---------------------------+------------+-------+----------------+--------------+|
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn new_keys_after_first_row() {
    let value = r#"{"Snapshots": [{"Description": "TestVolume1", "Tags": "foo", "VolumeId": "vol-12345", "State": "completed", "VolumeSize": 8, "Progress": "100%", "StartTime": "start_time", "SnapshotId": "snap-1234567", "OwnerId": "12345"}, {"Description": "description", "State": "completed", "VolumeSize": 8, "Progress": "100%", "EndTime": "end_time", "SnapshotId": "snap-23456", "OwnerId": "12345"}]}"#;
    let expected = r#"------------------------------------------------------------------------------------------------------------------------------------
|                                                           OperationName                                                          |
+----------------------------------------------------------------------------------------------------------------------------------+
||                                                            Snapshots                                                           ||
|+-------------+-----------+----------+-----------+---------------+-------------+------------+-------+-------------+--------------+|
|| Description |  EndTime  | OwnerId  | Progress  |  SnapshotId   |  StartTime  |   State    | Tags  |  VolumeId   | VolumeSize   ||
|+-------------+-----------+----------+-----------+---------------+-------------+------------+-------+-------------+--------------+|
||  TestVolume1|           |  12345   |  100%     |  snap-1234567 |  start_time |  completed |  foo  |  vol-12345  |  8           ||
||  description|  end_time |  12345   |  100%     |  snap-23456   |             |  completed |       |             |  8           ||
|+-------------+-----------+----------+-----------+---------------+-------------+------------+-------+-------------+--------------+|
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn jmespath_filtered_response() {
    let value = r#"[[["i-12345", "ami-12345", "ebs", "t1.micro", "running", "disabled", "util"]], [["i-56789", "ami-56789", "ebs", "c1.medium", "running", "disabled", "myname"]]]"#;
    let expected = r#"-------------------------------------------------------------------------------
|                                OperationName                                |
+---------+------------+------+------------+----------+------------+----------+
|  i-12345|  ami-12345 |  ebs |  t1.micro  |  running |  disabled  |  util    |
|  i-56789|  ami-56789 |  ebs |  c1.medium |  running |  disabled  |  myname  |
+---------+------------+------+------------+----------+------------+----------+
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}

#[test]
fn jmespath_filtered_dict_response() {
    let value = r#"[[{"InstanceId": "i-12345", "RootDeviceType": "ebs", "InstanceType": "t1.micro", "ImageId": "ami-12345"}], [{"InstanceId": "i-56789", "RootDeviceType": "ebs", "InstanceType": "c1.medium", "ImageId": "ami-56789"}]]"#;
    let expected = r#"---------------------------------------------------------------
|                        OperationName                        |
+-----------+-------------+----------------+------------------+
|  ImageId  | InstanceId  | InstanceType   | RootDeviceType   |
+-----------+-------------+----------------+------------------+
|  ami-12345|  i-12345    |  t1.micro      |  ebs             |
|  ami-56789|  i-56789    |  c1.medium     |  ebs             |
+-----------+-------------+----------------+------------------+
"#;
    check(
        value,
        "OperationName",
        usize::MAX,
        TableStyle::Plain,
        expected,
    );
}
