//! The shorthand parser on its own: values, lists, hash literals, quoting, escapes, backtracking, and the
//! exact `ShorthandParseError` texts (checked against awscli's `shorthand.py`).

use super::pyvalue::{Py, PyDict};
use super::shorthand::{ShorthandFail, parse};
use crate::workspace::MemoryWorkspace;

fn ok(input: &str) -> String {
    match parse(input, &MemoryWorkspace::new()) {
        Ok(d) => Py::Dict(d).repr(),
        Err(e) => panic!("{input:?}: {e:?}"),
    }
}

fn err(input: &str) -> String {
    match parse(input, &MemoryWorkspace::new()) {
        Err(ShorthandFail::Parse(m)) => m,
        other => panic!("{input:?}: {other:?}"),
    }
}

#[test]
fn values_and_lists() {
    assert_eq!(ok("a=b"), "{'a': 'b'}");
    assert_eq!(ok("a=b,c"), "{'a': ['b', 'c']}");
    assert_eq!(ok("a=b,c=d"), "{'a': 'b', 'c': 'd'}");
    assert_eq!(ok("a=b,c,d=e"), "{'a': ['b', 'c'], 'd': 'e'}");
    assert_eq!(ok("a="), "{'a': ''}");
    assert_eq!(ok("a=b ,c = d "), "{'a': 'b', 'c': 'd'}");
    assert_eq!(ok("a=[b,c],d={e=f,g=[h]}"), "{'a': ['b', 'c'], 'd': {'e': 'f', 'g': ['h']}}");
    assert_eq!(ok("a=[ ]"), "{'a': []}");
    assert_eq!(ok("a=[,b]"), "{'a': ['', 'b']}");
    assert_eq!(ok("a={x=1,x=2}"), "{'a': {'x': '2'}}");
    assert_eq!(ok("k-e_y.#/:=v"), "{'k-e_y.#/:': 'v'}");
    assert_eq!(ok("a=b,c]"), "{'a': ['b', 'c]']}");
}

#[test]
fn quoting_and_escapes() {
    assert_eq!(ok("a='x,y'"), "{'a': 'x,y'}");
    assert_eq!(ok("a=\"x y\",b"), "{'a': ['x y', 'b']}");
    assert_eq!(ok("a=x\\,y"), "{'a': 'x,y'}");
    assert_eq!(ok("a='it\\'s'"), "{'a': \"it's\"}");
    // `'(?:\\'|[^'])*'` backtracks to the last escaped quote when the string is not closed.
    assert_eq!(ok("a='abc\\'"), "{'a': 'abc\\\\'}");
    assert_eq!(ok("a=\"c\\\\d\""), "{'a': 'c\\\\d'}");
}

#[test]
fn error_texts() {
    assert_eq!(err("a"), "Expected: '=', received: 'EOF' for input:\na\n ^");
    assert_eq!(err("a=x]y}z"), "Expected: ',', received: ']' for input:\na=x]y}z\n   ^");
    assert_eq!(err("a=é😀"), "Expected: ',', received: '😀' for input:\na=é😀\n   ^");
    assert_eq!(err("a=[b"), "Expected: ',', received: 'EOF' for input:\na=[b\n    ^");
    assert_eq!(err("a='b"), "Expected: '<singled quoted>', received: '<none>' for input:\na='b\n  ^");
    assert_eq!(err("a=b,\"c"), "Expected: '=', received: '\"' for input:\na=b,\"c\n    ^");
    assert_eq!(err("a=b,"), "Expected: '<second>', received: '<none>' for input:\na=b,\n    ^");
    assert_eq!(err("a=1,\nb==2\nc=3"), "Expected: ',', received: '=' for input:\na=1,\nb==2\n  ^\nc=3");
    assert_eq!(
        err("a=1,b=2,a=3"),
        "Second instance of key \"a\" encountered for input:\na=1,b=2,a=3\n        ^\nThis is often because there is a \
         preceding \",\" instead of a space."
    );
}

#[test]
fn paramfile_values_with_at_equals() {
    let ws = MemoryWorkspace::new().with_file("v.txt", "from file");
    let mut expected = PyDict::new(false);
    expected.set("a", Py::str("from file"));
    expected.set("b", Py::str("file://v.txt"));
    assert_eq!(parse("a@=file://v.txt,b=file://v.txt", &ws), Ok(expected));
    assert_eq!(
        parse("a@=file://missing", &ws),
        Err(ShorthandFail::Uncaught(
            "Unable to load paramfile file://missing: [Errno 2] No such file or directory: 'missing'".into()
        ))
    );
    let deep = format!("a={}", "[".repeat(5000));
    assert!(matches!(parse(&deep, &ws), Err(ShorthandFail::Uncaught(_))));
}
