//! Bad inputs: each gives an error of the right kind at the right byte offset.

use super::super::{ErrorKind, MAX_EXPRESSION_LENGTH, MAX_NESTING};
use super::{expr, fail};

fn check(text: &str, kind: ErrorKind, offset: usize) {
    let e = fail(text);
    assert_eq!((e.kind(), e.offset()), (kind, offset), "{text:?}: {e}");
}

#[test]
fn unknown_subjects() {
    check("foo == bar", ErrorKind::UnknownSubject, 0);
    check("  agentversion == 1.0", ErrorKind::UnknownSubject, 2);
    assert!(
        fail("agentversion == 1.0")
            .message()
            .contains("agentVersion")
    );
    assert!(
        fail("ecs.instance-type == t2.micro")
            .message()
            .contains("attribute:ecs.instance-type")
    );
    check("task:family == x", ErrorKind::UnknownSubject, 0);
    check("attribute: == x", ErrorKind::UnknownSubject, 10);
    check("attribute:a@b == x", ErrorKind::UnknownSubject, 11);
    check(
        "runningTasksCount == 0 and == 1",
        ErrorKind::UnexpectedToken,
        27,
    );
}

#[test]
fn unknown_or_missing_operators() {
    check("runningTasksCount ~= 1", ErrorKind::UnknownOperator, 18);
    check("runningTasksCount = 1", ErrorKind::UnknownOperator, 18);
    check("runningTasksCount eq 1", ErrorKind::UnknownOperator, 18);
    check("attribute:x !inx [a]", ErrorKind::UnknownOperator, 12);
    check("runningTasksCount", ErrorKind::UnknownOperator, 17);
    check("attribute:x not exists", ErrorKind::UnknownOperator, 12);
}

#[test]
fn operators_not_valid_for_the_subject() {
    check("agentVersion exists", ErrorKind::OperatorNotAllowed, 13);
    check(
        "registeredAt in [2018-01-01]",
        ErrorKind::OperatorNotAllowed,
        13,
    );
    check("runningTasksCount =~ 1", ErrorKind::OperatorNotAllowed, 18);
    check("agentConnected > true", ErrorKind::OperatorNotAllowed, 15);
    check("ec2InstanceId < i-1", ErrorKind::OperatorNotAllowed, 14);
    check("ec2InstanceId !exists", ErrorKind::OperatorNotAllowed, 14);
}

#[test]
fn missing_arguments() {
    check("attribute:x ==", ErrorKind::MissingArgument, 14);
    check("attribute:x ==   ", ErrorKind::MissingArgument, 17);
    check(
        "attribute:x == and attribute:y exists",
        ErrorKind::MissingArgument,
        15,
    );
    check("(attribute:x != )", ErrorKind::MissingArgument, 16);
    check("attribute:x in", ErrorKind::MissingArgument, 14);
    check(
        "attribute:x =~ || attribute:y exists",
        ErrorKind::MissingArgument,
        15,
    );
    check("runningTasksCount >", ErrorKind::MissingArgument, 19);
}

#[test]
fn bad_arguments() {
    check("runningTasksCount == -1", ErrorKind::InvalidArgument, 21);
    check("runningTasksCount == one", ErrorKind::InvalidArgument, 21);
    check("agentConnected == yes", ErrorKind::InvalidArgument, 18);
    check("agentVersion < 1.x", ErrorKind::InvalidArgument, 15);
    expr("agentVersion < '1.2'");
    for date in [
        "2018-02-30",
        "2019-02-29",
        "2018-13-01",
        "2018-6-18",
        "2018-06-18T25:00:00",
        "18-06-18",
        "2018-06-18T22:28:28.5Z",
        "2018-06-18T22:28:28+2:00",
    ] {
        check(
            &format!("registeredAt > {date}"),
            ErrorKind::InvalidArgument,
            15,
        );
    }
    check(
        "registeredAt > 2018-06-18 22:28:28",
        ErrorKind::UnexpectedToken,
        26,
    );
    check("attribute:x in a", ErrorKind::InvalidArgument, 15);
    check("attribute:x == [a]", ErrorKind::InvalidArgument, 15);
    check("attribute:x in []", ErrorKind::InvalidArgument, 16);
    check("attribute:x in [a,]", ErrorKind::InvalidArgument, 18);
    check("attribute:x in [a, b", ErrorKind::InvalidArgument, 15);
    check("attribute:x in [a [b]]", ErrorKind::UnexpectedToken, 18);
    check("attribute:x in ['a' 'b']", ErrorKind::UnexpectedToken, 20);
    check("attribute:x exists y", ErrorKind::UnexpectedToken, 19);
    check(
        "ec2InstanceId in [i-1, 'i-2",
        ErrorKind::UnterminatedQuote,
        23,
    );
}

#[test]
fn quotes() {
    check("attribute:x == 'abc", ErrorKind::UnterminatedQuote, 15);
    check("attribute:x == \"abc'", ErrorKind::UnterminatedQuote, 15);
    check("attribute:x == a'b'", ErrorKind::UnexpectedToken, 16);
}

#[test]
fn parentheses() {
    check(
        "(runningTasksCount == 0",
        ErrorKind::UnbalancedParenthesis,
        0,
    );
    check(
        "((runningTasksCount == 0)",
        ErrorKind::UnbalancedParenthesis,
        0,
    );
    check(
        "runningTasksCount == 0)",
        ErrorKind::UnbalancedParenthesis,
        22,
    );
    check("()", ErrorKind::UnexpectedToken, 1);
    check(
        "(runningTasksCount == 0 runningTasksCount == 1)",
        ErrorKind::UnexpectedToken,
        24,
    );
    check(
        "task:group == (database)",
        ErrorKind::ParenthesisInSimpleExpression,
        14,
    );
    check(
        "task:group == data(base)",
        ErrorKind::ParenthesisInSimpleExpression,
        18,
    );
    check(
        "attribute:x =~ (g2|p2).*",
        ErrorKind::ParenthesisInSimpleExpression,
        15,
    );
    check(
        "attribute:x (== y)",
        ErrorKind::ParenthesisInSimpleExpression,
        12,
    );
    check(
        "attribute:x in [a, (b)]",
        ErrorKind::ParenthesisInSimpleExpression,
        19,
    );
}

#[test]
fn structure() {
    check("", ErrorKind::Empty, 0);
    check("   ", ErrorKind::Empty, 3);
    check(
        "attribute:a exists attribute:b exists",
        ErrorKind::UnexpectedToken,
        19,
    );
    check("attribute:a exists and", ErrorKind::UnexpectedToken, 22);
    check(
        "attribute:a exists or or attribute:b exists",
        ErrorKind::UnexpectedToken,
        22,
    );
    check("not", ErrorKind::UnexpectedToken, 3);
    check("&& attribute:a exists", ErrorKind::UnexpectedToken, 0);
}

#[test]
fn regex_errors_point_into_the_argument() {
    check("attribute:x =~ a**", ErrorKind::InvalidRegex, 17);
    check("attribute:x =~ '(?=a)b'", ErrorKind::UnsupportedRegex, 16);
    check("attribute:x =~ [z-a]", ErrorKind::InvalidRegex, 16);
    check("attribute:x =~ \\1", ErrorKind::UnsupportedRegex, 15);
}

#[test]
fn length_limit() {
    let ok = format!("attribute:a == {}", "x".repeat(MAX_EXPRESSION_LENGTH - 15));
    assert_eq!(ok.chars().count(), MAX_EXPRESSION_LENGTH);
    expr(&ok);
    let wide = format!("attribute:a == {}", "é".repeat(MAX_EXPRESSION_LENGTH - 15));
    assert!(
        wide.len() > MAX_EXPRESSION_LENGTH,
        "characters, not bytes, are counted"
    );
    expr(&wide);
    let long = format!("{ok}x");
    check(&long, ErrorKind::TooLong, MAX_EXPRESSION_LENGTH);
    let long_wide = format!("{wide}é");
    check(
        &long_wide,
        ErrorKind::TooLong,
        15 + 2 * (MAX_EXPRESSION_LENGTH - 15),
    );
}

#[test]
fn nesting_limit() {
    let at = |n: usize| format!("{}attribute:a exists{}", "(".repeat(n), ")".repeat(n));
    expr(&at(MAX_NESTING));
    check(&at(MAX_NESTING + 1), ErrorKind::TooDeep, MAX_NESTING + 1);
    expr(&format!("{}attribute:a exists", "!".repeat(MAX_NESTING)));
    check(
        &format!("{}attribute:a exists", "!".repeat(1000)),
        ErrorKind::TooDeep,
        MAX_NESTING + 1,
    );
    check(&"(".repeat(1999), ErrorKind::TooDeep, MAX_NESTING + 1);
}

#[test]
fn messages() {
    let e = fail("agentVersion exists");
    assert!(e.message().contains("not valid for agentVersion"), "{e}");
    assert!(e.to_string().ends_with("(at offset 13)"));
    assert!(e.service_message().contains("at offset 13"));
    assert_eq!(
        super::super::QueryLanguageError::SERVICE_EXCEPTION,
        "InvalidParameterException"
    );
    assert!(
        fail("attribute:x ==")
            .message()
            .contains("needs an argument")
    );
    assert!(fail("attribute:x in").message().contains("[a, b]"));
}
