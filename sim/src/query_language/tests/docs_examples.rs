//! Every example of the docs pages (cluster-query-language.md, task-placement-constraints.md,
//! constraint examples) and the real-world expressions quoted in the brief.

use super::{expr, inst, m};

#[test]
fn string_equality() {
    let e = "attribute:ecs.instance-type == t2.small";
    assert!(m(e, &inst().attr("ecs.instance-type", "t2.small")));
    assert!(!m(e, &inst().attr("ecs.instance-type", "t2.smaller")));
    assert!(!m(e, &inst()));
}

#[test]
fn argument_list() {
    let e = "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]";
    assert!(m(e, &inst().attr("ecs.availability-zone", "us-east-1b")));
    assert!(!m(e, &inst().attr("ecs.availability-zone", "us-east-1c")));
}

#[test]
fn compound_expression() {
    let e = "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d";
    let g2 = inst().attr("ecs.instance-type", "g2.2xlarge");
    assert!(m(
        e,
        &g2.clone().attr("ecs.availability-zone", "us-east-1a")
    ));
    assert!(!m(e, &g2.attr("ecs.availability-zone", "us-east-1d")));
    let p2 = inst()
        .attr("ecs.instance-type", "p2.xlarge")
        .attr("ecs.availability-zone", "us-east-1a");
    assert!(!m(e, &p2));
}

#[test]
fn task_affinity() {
    let e = "task:group == service:production";
    assert!(m(e, &inst().groups(&["family:x", "service:production"])));
    assert!(!m(e, &inst().groups(&["service:staging"])));
    assert!(!m(e, &inst()));
}

#[test]
fn task_anti_affinity() {
    let e = "not(task:group == database)";
    assert!(m(e, &inst()));
    assert!(m(e, &inst().groups(&["web"])));
    assert!(!m(e, &inst().groups(&["web", "database"])));
}

#[test]
fn running_task_count() {
    assert!(m("runningTasksCount == 1", &inst().groups(&["a"])));
    assert!(!m("runningTasksCount == 1", &inst()));
    assert!(m("runningTasksCount == 0", &inst()));
    assert!(!m("runningTasksCount == 0", &inst().groups(&["a"])));
}

#[test]
fn agent_version() {
    let mut i = inst();
    i.version = "1.14.4".into();
    assert!(m("agentVersion < 1.14.5", &i));
    i.version = "1.9.0".into();
    assert!(m("agentVersion < 1.14.5", &i), "1.9.0 < 1.14.5 numerically");
    i.version = "1.14.5".into();
    assert!(!m("agentVersion < 1.14.5", &i));
}

#[test]
fn instance_registration_time() {
    let mut i = inst();
    i.registered = 1_518_480_000 - 1; // 2018-02-12T23:59:59Z
    assert!(m("registeredAt < 2018-02-13", &i));
    i.registered = 1_518_480_000; // 2018-02-13T00:00:00Z
    assert!(!m("registeredAt < 2018-02-13", &i));
}

#[test]
fn ec2_instance_ids() {
    let e = "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']";
    assert!(m(e, &inst()));
    let mut other = inst();
    other.id = "i-wxyx7890".into();
    assert!(m(e, &other));
    other.id = "i-00000000".into();
    assert!(!m(e, &other));
}

#[test]
fn precedence_with_parentheses_schema() {
    // "(expression1 or expression2) and expression3"
    let e = "(runningTasksCount == 0 or runningTasksCount == 1) and agentConnected == true";
    assert!(m(e, &inst()));
    assert!(!m(e, &inst().groups(&["a", "b"])));
    let mut off = inst();
    off.connected = false;
    assert!(!m(e, &off));
}

#[test]
fn filter_examples_from_task_placement_constraints() {
    let g2 = inst().attr("ecs.instance-type", "g2.2xlarge");
    assert!(m("attribute:ecs.instance-type == g2.2xlarge", &g2));
    let prod = inst().attr("stack", "prod");
    let dev = inst().attr("stack", "dev");
    assert!(m("attribute:stack == prod", &prod));
    assert!(!m("attribute:stack == prod", &dev));
    assert!(m("attribute:stack != prod", &dev));
    assert!(!m("attribute:stack != prod", &prod));
    assert!(
        !m("attribute:stack != prod", &inst()),
        "no attribute: != is false"
    );
    let e = "attribute:ecs.instance-type in [t2.small, t2.medium]";
    assert!(m(e, &inst().attr("ecs.instance-type", "t2.medium")));
    assert!(!m(e, &g2));
    let e = "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a";
    let t2a = inst()
        .attr("ecs.instance-type", "t2.micro")
        .attr("ecs.availability-zone", "us-east-1a");
    assert!(m(e, &t2a));
    assert!(!m(e, &g2.attr("ecs.availability-zone", "us-east-1a")));
}

#[test]
fn constraint_examples() {
    let t2 = inst().attr("ecs.instance-type", "t2.micro");
    assert!(m("attribute:ecs.instance-type =~ t2.*", &t2));
    assert!(!m(
        "attribute:ecs.instance-type =~ t2.*",
        &inst().attr("ecs.instance-type", "t3.micro")
    ));
    assert!(m("task:group == databases", &inst().groups(&["databases"])));
    assert!(m(
        "task:group == service:daemon-service",
        &inst().groups(&["service:daemon-service"])
    ));
}

#[test]
fn examples_from_the_brief_and_real_configurations() {
    let e = "attribute:ecs.instance-type =~ g2.* or attribute:ecs.instance-type =~ p2.*";
    assert!(m(e, &inst().attr("ecs.instance-type", "p2.8xlarge")));
    assert!(m(e, &inst().attr("ecs.instance-type", "g2.2xlarge")));
    assert!(!m(e, &inst().attr("ecs.instance-type", "m5.large")));
    assert!(m(
        "attribute:ecs.os-type == windows",
        &inst().attr("ecs.os-type", "windows")
    ));
    assert!(m(
        "attribute:ecs.os-type == linux",
        &inst().attr("ecs.os-type", "linux")
    ));
    let fam = inst().attr("ecs.os-family", "WINDOWS_SERVER_2019_FULL");
    assert!(m(
        "attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL",
        &fam
    ));
    let e = "attribute:ecs.availability-zone not_in [us-east-1e]";
    assert!(m(e, &inst().attr("ecs.availability-zone", "us-east-1a")));
    assert!(!m(e, &inst().attr("ecs.availability-zone", "us-east-1e")));
}

#[test]
fn all_documented_date_formats() {
    let i = inst(); // 2018-06-18T22:28:28Z
    for e in [
        "registeredAt == 2018-06-18T22:28:28+00:00",
        "registeredAt == 2018-06-18T22:28:28Z",
        "registeredAt == 2018-06-18T22:28:28",
        "registeredAt == 2018-06-19T00:28:28+02:00",
        "registeredAt > 2018-06-18",
        "registeredAt < 2018-06-19",
    ] {
        assert!(m(e, &i), "{e}");
    }
    assert!(
        !m("registeredAt == 2018-06-18", &i),
        "date-only is midnight UTC"
    );
}

#[test]
fn expression_is_reusable_and_keeps_its_text() {
    let text = "not(task:group == database)";
    let e = expr(text);
    assert_eq!(e.text(), text);
    assert_eq!(e.to_string(), text);
    assert!(e.matches(&inst()));
    assert!(!e.matches(&inst().groups(&["database"])));
    let parsed: Result<super::Expression, _> = text.parse();
    assert!(parsed.is_ok());
}
