"""Regenerates python_oracle.json: what the Python `jmespath` library (the
one the AWS CLI uses) returns or raises for each expression, with key order
and exact error text. Run: python3 tests/oracle/generate.py (needs jmespath)."""
import glob
import json
import os
import warnings

import jmespath

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))

ECS = {
    "tasks": [
        {
            "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/demo/abc",
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
            "lastStatus": "RUNNING",
            "desiredStatus": "RUNNING",
            "cpu": "256",
            "memory": "512",
            "containers": [
                {"name": "web", "lastStatus": "RUNNING", "exitCode": None,
                 "networkInterfaces": [{"privateIpv4Address": "10.0.1.5"}]},
                {"name": "sidecar", "lastStatus": "STOPPED", "exitCode": 1},
            ],
            "launchType": "FARGATE",
            "tags": [{"key": "env", "value": "dev"}],
            "version": 3,
        },
        {
            "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/demo/def",
            "lastStatus": "STOPPED",
            "desiredStatus": "STOPPED",
            "cpu": "512",
            "containers": [{"name": "web", "lastStatus": "STOPPED", "exitCode": 0}],
            "launchType": "EC2",
            "version": 7,
            "stoppedReason": "Essential container in task exited",
        },
    ],
    "failures": [],
}

MISC = {
    "z": 1, "b": {"y": 2, "x": [3, 1, 2]}, "a": "text",
    "nums": [3, 1.5, -2, 10], "strs": ["b", "a", "C"], "mixed": [1, "a", None, True],
    "people": [
        {"name": "b", "age": 30, "flag": True},
        {"name": "a", "age": 25.5, "flag": False},
        {"name": "c", "age": 30, "flag": None},
    ],
    "objs": {"k2": {"v": 1}, "k1": {"v": 2}},
    "empty": [], "nested": [[1, [2]], 3, [[4]]],
}

EXPRESSIONS = [
    # parse errors
    "", " ", "foo.", ".foo", "foo..bar", "foo[", "foo[0", "foo[?a==", "a{", "{a: b",
    "{a b}", "foo.1", "@(foo)", '"foo"(bar)', "foo[0,1]", "foo[:::]", "[:1@]", "foo = bar",
    "foo =", "foo -", "foo#", "'abc", "`abc", '`{"a": ', '"\\u"', '"abc', "a.b.c)", "a |",
    "length(", "foo[*]bar", "*foo", "!", "a && ", "foo.[a,]", "foo bar", "a.{b}",
    "tasks[?lastStatus=='RUNNING'", "a<>b", "foo[?bar==baz?]", "\u00e9", "foo.\u00e9",
    "ab\u20acc", "tasks[0].containers[?name=='web'.name", "a.[0]", "a.*.[", "[*", "a[*",
    "{}", "{a: b,}", "a.&b", "sort_by(@, &)", "(a", "a)", "a[?]", "a[0:1:2:3]", "a[-]",
    '"a\tb"', "foo.\"bar", "`[1, 2`",
    # legacy and raw literals
    "`foo`", "`  foo bar`", "tasks[?launchType==`FARGATE`].taskArn", "'a\\'b'", "'a\\\\b'",
    "'\u00e9'", "`\"a\\u00e9\"`", "`1e16`", "`-0`", "`[1, {\"b\": 1, \"a\": 2}]`",
    # key order
    "@", "b", "{z: a, y: b}", "{\"q r\": z, a: a}", "*", "objs.*", "objs.*.v", "keys(@)",
    "values(objs)", "merge(`{\"a\":1,\"b\":2}`, `{\"c\":3,\"a\":4}`)", "merge(b, `{\"x\": 0}`)",
    "merge(`{}`)", "tasks[0]", "tasks[1].{s: lastStatus, a: taskArn}",
    "tasks[].{arn: taskArn, containers: containers[].name}",
    # projections and filters (ECS-style)
    "tasks[*].lastStatus", "tasks[?lastStatus=='RUNNING'].taskArn", "tasks[].containers[].name",
    "tasks[].containers[?exitCode!=`0`].name", "tasks[0].containers[0].networkInterfaces[0].privateIpv4Address",
    "tasks[?version > `5`].taskArn", "tasks[?cpu > '300'].cpu", "tasks[?stoppedReason].stoppedReason",
    "tasks[?!stoppedReason].taskArn", "length(tasks)", "tasks | length(@)", "tasks[-1].launchType",
    "tasks[5]", "tasks[::-1].version", "tasks[:1].version", "failures[0]", "sort_by(tasks, &version)[].version",
    "max_by(tasks, &version).taskArn", "tasks[].tags[?key=='env'].value[]",
    "join(', ', tasks[].lastStatus)", "tasks[?contains(taskArn, 'abc')].lastStatus",
    "tasks[?starts_with(launchType, 'FAR')] | [0].cpu", "tasks[].[taskArn, version]",
    "tasks[*].containers[*].name", "tasks[].containers[].exitCode", "not_null(tasks[1].memory, tasks[0].memory)",
    # functions: results
    "abs(`-3`)", "abs(`-3.5`)", "avg(nums)", "avg(`[2, 2]`)", "avg(empty)", "ceil(`1.5`)",
    "ceil(`2`)", "floor(`-1.5`)", "floor(`1e300`)", "contains(strs, 'a')", "contains(a, 'ex')",
    "contains(`[1, 2]`, `2.0`)", "ends_with(a, 'xt')", "length(a)", "length('h\u00e9llo')",
    "length(objs)", "map(&age, people)", "map(&missing, people)", "max(nums)", "min(nums)",
    "max(strs)", "min(strs)", "max(empty)", "max_by(people, &age).name", "min_by(people, &age).name",
    "min_by(people, &name).name", "max_by(empty, &age)", "not_null(missing, `null`, a)", "not_null(missing)",
    "reverse(nums)", "reverse('abc')", "sort(nums)", "sort(strs)", "sort(empty)",
    "sort_by(people, &age)[].name", "sort_by(people, &name)[].name", "sort_by(empty, &a)",
    "starts_with(a, 'te')", "sum(nums)", "sum(`[1, 2]`)", "sum(empty)", "to_array(a)", "to_array(nums)",
    "to_string(a)", "to_string(`1.5`)", "to_string(`1e16`)", "to_string(`0.00001`)",
    "to_string(`123456789.123`)", "to_string(`[1, 2.0, \"\u00e9\", {\"b\": 1, \"a\": null}]`)",
    "to_string(`true`)", "to_string(b)", "to_string(`-0.0`)", "to_string(`1e-7`)", "to_string(`12345678901234567890`)",
    "to_number('1.5')", "to_number(' 42 ')", "to_number('1_000')", "to_number('1e3')",
    "to_number('abc')", "to_number('-0')", "to_number('+5')", "to_number('.5')", "to_number('5.')",
    "to_number('1__0')", "to_number('0x10')", "to_number('')", "to_number(`true`)", "to_number(`3`)",
    "to_number('007')", "type(a)", "type(nums)", "type(`null`)", "type(objs)", "type(`1.5`)", "type(`false`)",
    "values(objs)", "keys(objs)", "length(@)",
    # comparisons and boolean logic
    "a < 'u'", "'a' < 'b'", "'b' <= 'b'", "z > `0.5`", "a > `null`", "nums[?@ > `1`]",
    "strs[?@ > 'a']", "z == `1.0`", "`[1, 2]` == `[1, 2]`", "`{\"a\":1,\"b\":2}` == `{\"b\":2,\"a\":1}`",
    "`true` == `1`", "`0` == `false`", "!`0`", "`0` || a", "empty || a", "`0` && a", "!empty",
    "mixed[?@]", "nested[]", "nested[][]", "people[?age==`30`].name", "people[?flag].name",
    # slices and indices
    "nums[::2]", "nums[::-1]", "nums[-2:]", "nums[10:]", "nums[:-10]", "nums[1:3]", "nums[::-2]",
    "nums[5:1:-1]", "nums[-100:100]", "nums[0][1:2]", "nested[0][1:2]", "a[0]", "b[0]", "nums[-1]",
    "nums[-5]", "nums[99999999999999999999]",
    # runtime errors
    "abs('a')", "abs(`[1]`)", "abs(`{\"a\": \"b\"}`)", "abs(`null`)", "length(`1`)", "sum(`[1, \"a\"]`)",
    "avg(`[true]`)", "max(`[1, \"a\"]`)", "max(`[\"a\", 1]`)", "max(`[true]`)", "sort(`[1, \"a\"]`)",
    "join(`1`, `[]`)", "join(',', `[1]`)", "foo(`1`)", "abs()", "abs(`1`, `2`)", "merge()", "not_null()",
    "sort_by(people, &flag)", "sort_by(mixed, &@)", "max_by(people, &flag)", "min_by(people, &b)",
    "map(&a, `1`)", "map(`1`, `[]`)", "length(&a)", "keys(`[1]`)", "nums[::0]", "starts_with(`1`, 'a')",
    "ends_with(a, `1`)", "values(`1`)", "reverse(`1`)", "sort_by(people, name)", "join(',', `[\"a\", null]`)",
    "sum(`[\"a\"]`)", "contains(`1`, `1`)", "merge(`{}`, `[]`)", "to_string()", "unknown_fn()", "avg(`{}`)",
]

# Cases where Python raises an unstructured TypeError (a crash in the AWS
# CLI), or differs from the JMESPath spec on purpose; left out.
EXCLUDED = {
    "`1` < 'a'",  # Python: TypeError; here null (spec)
    "contains('abc', `1`)",  # Python: TypeError; here false
    "merge(`{}`, `[]`)",  # Python skips checking extra variadic args; here invalid-type
    "`-0`",  # Python int 0; serde_json reads -0 as the float -0.0
}


def run(given, expr):
    try:
        compiled = jmespath.compile(expr)
    except Exception as e:  # noqa: BLE001
        return {"error": {"phase": "parse", "message": str(e)}}
    try:
        return {"result": compiled.search(given)}
    except Exception as e:  # noqa: BLE001
        return {"error": {"phase": "runtime", "message": str(e), "class": type(e).__name__}}


def main():
    cases = []
    for expr in EXPRESSIONS:
        if expr in EXCLUDED:
            continue
        given = ECS if expr.startswith(("tasks", "failures", "max_by(tasks", "sort_by(tasks",
                                        "join(', ', tasks", "not_null(tasks", "length(tasks")) else MISC
        cases.append(dict(given="ecs" if given is ECS else "misc", expression=expr, **run(given, expr)))
    for path in sorted(glob.glob(os.path.join(HERE, "..", "compliance", "*.json"))):
        for suite in json.load(open(path)):
            for case in suite["cases"]:
                expr = case["expression"]
                cases.append(dict(given=suite["given"], expression=expr, **run(suite["given"], expr)))
    out = {"jmespath_version": jmespath.__version__, "datasets": {"ecs": ECS, "misc": MISC}, "cases": cases}
    with open(os.path.join(HERE, "python_oracle.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
