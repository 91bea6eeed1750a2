//! Evaluation: both forms of every operator, precedence, quoting, versions, dates, counts,
//! attributes (absent / value-less / valued) and task groups.

use super::{Inst, inst, m};

/// (symbol form, word form) of each operator with an argument that suits `attribute:`.
const PAIRS: [(&str, &str, &str); 12] = [
    ("==", "equals", "b"),
    ("!=", "not_equals", "b"),
    (">", "greater_than", "b"),
    (">=", "greater_than_equal", "b"),
    ("<", "less_than", "b"),
    ("<=", "less_than_equal", "b"),
    ("exists", "exists", ""),
    ("!exists", "not_exists", ""),
    ("in", "in", "[a, b]"),
    ("!in", "not_in", "[a, b]"),
    ("=~", "matches", "[ab]"),
    ("!~", "not_matches", "[ab]"),
];

fn samples() -> Vec<Inst> {
    vec![
        inst(),
        inst().cap("x"),
        inst().attr("x", "a"),
        inst().attr("x", "b"),
        inst().attr("x", "c"),
    ]
}

#[test]
fn symbol_and_word_forms_agree() {
    for (sym, word, arg) in PAIRS {
        for i in samples() {
            let a = m(&format!("attribute:x {sym} {arg}"), &i);
            let b = m(&format!("attribute:x {word} {arg}"), &i);
            let c = m(&format!("attribute:x {} {arg}", word.to_uppercase()), &i);
            assert_eq!(a, b, "{sym} vs {word} on {:?}", i.attrs);
            assert_eq!(a, c, "{word} in capitals");
        }
    }
}

#[test]
fn each_operator_on_attribute_values() {
    // expected results on: absent, value-less, a, b, c
    let table: [(&str, [bool; 5]); 12] = [
        ("attribute:x == b", [false, false, false, true, false]),
        ("attribute:x != b", [false, false, true, false, true]),
        ("attribute:x > b", [false, false, false, false, true]),
        ("attribute:x >= b", [false, false, false, true, true]),
        ("attribute:x < b", [false, false, true, false, false]),
        ("attribute:x <= b", [false, false, true, true, false]),
        ("attribute:x exists", [false, true, true, true, true]),
        ("attribute:x !exists", [true, false, false, false, false]),
        ("attribute:x in [a, b]", [false, false, true, true, false]),
        ("attribute:x !in [a, b]", [false, false, false, false, true]),
        ("attribute:x =~ [ab]", [false, false, true, true, false]),
        ("attribute:x !~ [ab]", [false, false, false, false, true]),
    ];
    for (e, expected) in table {
        let got: Vec<bool> = samples().iter().map(|i| m(e, i)).collect();
        assert_eq!(got, expected, "{e}");
    }
}

#[test]
fn attribute_ordering_is_numeric_for_numbers() {
    let i = inst().attr("cores", "10").attr("name", "abd");
    assert!(m("attribute:cores > 9", &i));
    assert!(m("attribute:cores <= 10.0", &i));
    assert!(!m("attribute:cores == 10.0", &i), "== is string equality");
    assert!(m("attribute:name > abc", &i));
}

#[test]
fn precedence_not_and_or() {
    let a = inst().cap("a");
    let none = inst();
    // and binds tighter than or
    assert!(m(
        "attribute:a exists or attribute:b exists and attribute:c exists",
        &a
    ));
    assert!(!m(
        "(attribute:a exists or attribute:b exists) and attribute:c exists",
        &a
    ));
    // not binds tighter than and
    assert!(!m("not attribute:a exists and attribute:b exists", &a));
    assert!(m("not attribute:b exists and attribute:a exists", &a));
    assert!(m("!attribute:b exists && attribute:a exists", &a));
    assert!(m("not (attribute:a exists and attribute:b exists)", &a));
    assert!(m("!!attribute:a exists", &a));
    assert!(m("NOT(attribute:a exists) Or attribute:b !exists", &none));
    assert!(m(
        "attribute:b exists || attribute:a exists && attribute:a exists",
        &a
    ));
    assert!(m("((attribute:a exists))", &a));
    assert!(m("(attribute:a exists)and(attribute:a exists)", &a));
}

#[test]
fn no_spaces_needed_around_symbols() {
    let i = inst().attr("ecs.instance-type", "t2.micro");
    assert!(m(
        "attribute:ecs.instance-type=~t2.*&&runningTasksCount==0",
        &i
    ));
    assert!(m("runningTasksCount>=0||agentConnected==false", &i));
    assert!(m("attribute:ecs.instance-type in[t2.micro]", &i));
}

#[test]
fn quoting() {
    let i = inst()
        .attr("stack", "prod")
        .attr("label", "my value")
        .attr("fn", "f(x)")
        .attr("q", "it's");
    assert!(m("attribute:stack == 'prod'", &i));
    assert!(m("attribute:stack == \"prod\"", &i));
    assert!(m("attribute:label == 'my value'", &i));
    assert!(m("attribute:fn == 'f(x)'", &i));
    assert!(m("attribute:q == \"it's\"", &i));
    assert!(m("attribute:label in [other, 'my value']", &i));
    assert!(
        m("attribute:label in [other, my value]", &i),
        "bare list items may hold spaces"
    );
    assert!(m("attribute:stack in [\"prod\", 'dev', test]", &i));
    assert!(m("attribute:stack =~ 'pr(o|a)d'", &i));
    assert!(m("attribute:stack == 'and'", &inst().attr("stack", "and")));
    assert!(!m("attribute:stack == ''", &i));
}

#[test]
fn versions_compare_by_component() {
    let mut i = inst(); // 1.14.5
    assert!(!m("agentVersion < 1.9.0", &i), "1.14.5 < 1.9.0 is false");
    assert!(m("agentVersion > 1.9.0", &i));
    assert!(m("agentVersion greater_than 1.9.0", &i));
    assert!(m("agentVersion >= 1.14.5", &i));
    assert!(m("agentVersion <= 1.14.5", &i));
    assert!(m("agentVersion == 1.14.5", &i));
    assert!(m("agentVersion != 1.14.6", &i));
    assert!(m("agentVersion < 2", &i));
    i.version = "1.14.0".into();
    assert!(
        m("agentVersion == 1.14", &i),
        "missing components count as 0"
    );
    i.version = "1.100.0".into();
    assert!(m("agentVersion > 1.99.9", &i));
    i.version = "unknown".into();
    assert!(
        !m("agentVersion < 9", &i) && !m("agentVersion != 9", &i),
        "unparsable version never matches"
    );
}

#[test]
fn dates() {
    let mut i = inst();
    i.registered = 1_582_934_400; // 2020-02-29T00:00:00Z
    assert!(m("registeredAt == 2020-02-29", &i));
    assert!(m("registeredAt >= 2020-02-28T23:59:59Z", &i));
    assert!(m("registeredAt < 2020-02-29T00:00:01", &i));
    assert!(m("registeredAt == 2020-02-28T19:00:00-05:00", &i));
    assert!(m("registeredAt greater_than_equal 1970-01-01", &i));
    i.registered = 0;
    assert!(m("registeredAt > 1969-12-31T23:59:59Z", &i));
}

#[test]
fn running_tasks_count_operators() {
    let i = inst().groups(&["a", "b", "c"]);
    for (e, want) in [
        ("runningTasksCount == 3", true),
        ("runningTasksCount != 3", false),
        ("runningTasksCount > 2", true),
        ("runningTasksCount >= 4", false),
        ("runningTasksCount < 10", true),
        ("runningTasksCount less_than_equal 3", true),
    ] {
        assert_eq!(m(e, &i), want, "{e}");
    }
}

#[test]
fn agent_connected() {
    let mut i = inst();
    assert!(m("agentConnected == true", &i));
    assert!(m("agentConnected == TRUE", &i));
    assert!(m("agentConnected != false", &i));
    assert!(m("agentConnected in [true]", &i));
    assert!(m("agentConnected !in [false]", &i));
    assert!(m("agentConnected =~ t.*", &i));
    i.connected = false;
    assert!(m("agentConnected == false", &i));
    assert!(m("agentConnected not_matches t.*", &i));
}

#[test]
fn ec2_instance_id() {
    let i = inst();
    assert!(m("ec2InstanceId == i-abcd1234", &i));
    assert!(m("ec2InstanceId != i-abcd1235", &i));
    assert!(m("ec2InstanceId =~ 'i-[0-9a-f]{8}'", &i));
    assert!(m("ec2InstanceId not_in [i-1, i-2]", &i));
}

#[test]
fn task_group_is_existential() {
    let i = inst().groups(&["service:web", "family:db"]);
    let empty = inst();
    assert!(m("task:group == family:db", &i));
    assert!(!m("not(task:group == family:db)", &i));
    assert!(
        m("task:group != family:db", &i),
        "some task is in another group"
    );
    assert!(!m(
        "task:group != family:db",
        &inst().groups(&["family:db"])
    ));
    assert!(!m("task:group != x", &empty));
    assert!(m("not(task:group == x)", &empty));
    assert!(m("task:group exists", &i) && !m("task:group exists", &empty));
    assert!(m("task:group !exists", &empty));
    assert!(m("task:group =~ service:.*", &i));
    assert!(m("task:group in [a, family:db]", &i));
    assert!(!m("task:group not_in [service:web, family:db]", &i));
}
