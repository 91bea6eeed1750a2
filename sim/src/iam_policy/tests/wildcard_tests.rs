//! Wildcard matching: actions, resource ARNs, StringLike, ArnLike.

use crate::iam_policy::wildcard::{action_matches, arn_like, resource_matches, wildcard_match};

#[test]
fn actions_are_case_insensitive_with_star_and_question_mark() {
    assert!(action_matches("ecs:Describe*", "ecs:DescribeServices"));
    assert!(action_matches("ECS:describe*", "ecs:DescribeServices"));
    assert!(action_matches("ecr:BatchGet?mage", "ecr:BatchGetImage"));
    assert!(!action_matches("ecr:BatchGet?mage", "ecr:BatchGetImmage"));
    assert!(action_matches("*", "anything:AtAll"));
    assert!(action_matches("ecs:*", "ecs:RunTask"));
    assert!(!action_matches("ecs:*", "ecr:BatchGetImage"));
    assert!(!action_matches("ecs:Describe*", "ecs:ListServices"));
    assert!(action_matches("ecs:*Task*", "ecs:RunTask"));
}

#[test]
fn resources_are_case_sensitive() {
    assert!(resource_matches("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/Bob"));
    assert!(!resource_matches("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob"));
    assert!(!resource_matches(
        "arn:aws:ecr:us-east-1:123456789012:repository/App",
        "arn:aws:ecr:us-east-1:123456789012:repository/app"
    ));
}

#[test]
fn star_covers_slashes_within_a_segment() {
    let repo = "arn:aws:ecr:us-east-1:123456789012:repository/project-a/nginx-web-app";
    assert!(resource_matches("arn:aws:ecr:us-east-1:123456789012:repository/*", repo));
    assert!(resource_matches("arn:aws:ecr:*:*:repository/project-a/*", repo));
    assert!(resource_matches("arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1/2/test/3/object.jpg"));
}

#[test]
fn trailing_star_of_a_segment_crosses_colons() {
    // "If the * wildcard is the last character of a resource ARN segment, it can expand to
    // match beyond the colon boundaries."
    let stream = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:ecs/web/abc";
    assert!(resource_matches("arn:aws:logs:*:*:*", stream));
    assert!(resource_matches("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*", stream));
    assert!(resource_matches("arn:aws:logs:us-east-1:*", stream));
    // A star inside a segment does not run past a colon.
    assert!(!resource_matches(
        "arn:aws:logs:us-*-1:123456789012:log-group:x",
        "arn:aws:logs:us-east:9-1:123456789012:log-group:x"
    ));
    assert!(resource_matches(
        "arn:aws:logs:us-*-1:123456789012:log-group:x",
        "arn:aws:logs:us-east-1:123456789012:log-group:x"
    ));
}

#[test]
fn question_mark_is_one_character_and_never_a_colon() {
    assert!(resource_matches(
        "arn:aws:ecs:us-east-?:123456789012:cluster/c?",
        "arn:aws:ecs:us-east-1:123456789012:cluster/c1"
    ));
    assert!(!resource_matches(
        "arn:aws:ecs:us-east-?:123456789012:cluster/c?",
        "arn:aws:ecs:us-east-1:123456789012:cluster/c12"
    ));
    assert!(!resource_matches(
        "arn:aws:ecs:us-east-1?123456789012:cluster/c",
        "arn:aws:ecs:us-east-1:123456789012:cluster/c"
    ));
}

#[test]
fn service_segment_cannot_be_wildcarded() {
    let r = "arn:aws:ecs:us-east-1:123456789012:cluster/default";
    assert!(!resource_matches("arn:aws:*:us-east-1:123456789012:cluster/default", r));
    assert!(!resource_matches("arn:aws:ec?:us-east-1:123456789012:cluster/default", r));
    assert!(resource_matches("arn:aws:ecs:*:*:cluster/*", r));
    assert!(resource_matches("*", r));
}

#[test]
fn star_request_resource_only_matches_star_pattern() {
    assert!(resource_matches("*", "*"));
    assert!(!resource_matches("arn:aws:ecr:*:*:repository/*", "*"));
}

#[test]
fn string_like_and_arn_like() {
    assert!(wildcard_match("EC2ContainerService-*", "EC2ContainerService-default"));
    assert!(!wildcard_match("EC2ContainerService-*", "ec2containerservice-default"));
    assert!(wildcard_match("a?c", "abc"));
    assert!(arn_like("arn:aws:ecs:us-east-1:123456789012:*", "arn:aws:ecs:us-east-1:123456789012:task/c/1"));
    assert!(arn_like("arn:aws:*:*:123456789012:*", "arn:aws:ecs:us-east-1:123456789012:task/c/1"));
    assert!(!arn_like("arn:aws:ecs:us-east-1:999999999999:*", "arn:aws:ecs:us-east-1:123456789012:task/c/1"));
}
