//! The CLI's error texts: argparse's, `Unknown options`, `ParamError`s from shorthand, JSON and paramfiles,
//! Python exceptions (exit 255), and botocore's validation report.

use super::tests_ecs::{run, run_in};
use super::*;
use crate::cli::model;
use crate::workspace::MemoryWorkspace;
use serde_json::json;

fn usage(msg: &str) -> Result<OperationArgs, ArgError> {
    Err(ArgError::Usage(msg.into()))
}

#[test]
fn argparse_messages() {
    assert_eq!(run("ecs", "RunTask", &["--cluster"]), usage("argument --cluster: expected one argument"));
    assert_eq!(
        run("ecs", "RunTask", &["--cluster", "x"]),
        usage("the following arguments are required: --task-definition")
    );
    assert_eq!(
        run("ecs", "RunTask", &["--task-definition", "t", "--cluster", "--foo"]),
        usage("argument --cluster: expected one argument")
    );
    assert_eq!(
        run("ecs", "RunTask", &["--task-definition", "t", "--cluster", "-x"]),
        usage("argument --cluster: expected one argument")
    );
    assert_eq!(
        run("ecs", "CreateService", &["--service-name", "s", "--desired-count"]),
        usage("argument --desired-count: expected one argument")
    );
    assert_eq!(
        run("ecs", "RegisterTaskDefinition", &[]),
        usage("the following arguments are required: --family, --container-definitions")
    );
    assert_eq!(
        run("ecs", "RunTask", &["--generate-cli-skeleton", "inpt"]),
        usage(
            "argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\ninput                                    | \
               output                                  \nyaml-input                              \n\n\nInvalid choice: 'inpt', \
               maybe you meant:\n\n  * input"
        )
    );
    // A value with a space is never an option; `--` ends the options.
    let a = run("ecs", "RunTask", &["--task-definition", "t", "--started-by", "-a b"]).expect("ok");
    assert_eq!(a.request["startedBy"], json!("-a b"));
    assert_eq!(
        run("ecs", "RunTask", &["--task-definition", "t", "--", "--foo"]),
        Err(ArgError::UnknownOptions(vec!["--foo".into()]))
    );
}

#[test]
fn unknown_options_in_argparse_order() {
    let e = run("ecs", "RunTask", &["foo", "--task-definition", "web", "--bar", "baz", "qux"]);
    assert_eq!(e, Err(ArgError::UnknownOptions(vec!["--bar".into(), "baz".into(), "qux".into(), "foo".into()])));
    let e = run("ecs", "RunTask", &["--task-definition", "web", "--cluster", "a", "b", "c"]);
    assert_eq!(e, Err(ArgError::UnknownOptions(vec!["c".into(), "b".into()])));
    // Required options are checked first.
    assert_eq!(run("ecs", "RunTask", &["--bogus"]), usage("the following arguments are required: --task-definition"));
    // An empty trailing word is swallowed by the `help` positional.
    assert!(run("ecs", "RunTask", &["--task-definition", "t", ""]).is_ok());
    assert_eq!(ArgError::UnknownOptions(vec!["--foo".into(), "bar".into()]).to_string(), "Unknown options: --foo, bar");
}

#[test]
fn python_exceptions_exit_255() {
    let e = run("ecs", "RunTask", &["--task-definition", "t", "--count", "abc"]);
    assert_eq!(e, Err(ArgError::Other("invalid literal for int() with base 10: 'abc'".into())));
    assert_eq!(e.map(|_| ()).unwrap_err().exit_code(), 255);
    let e =
        run("ecs", "RunTask", &["--task-definition", "t", "--overrides", "containerOverrides=[{name=a,cpu=[1,2]}]"]);
    assert_eq!(
        e,
        Err(ArgError::Other(
            "int() argument must be a string, a bytes-like object or a real number, not 'list'".into()
        ))
    );
    let e = run("ecs", "RunTask", &["--task-definition", "t", "--enable-ecs-managed-tags", "--tags", ""]);
    assert_eq!(
        e,
        Err(ArgError::ParamError(
            "Error parsing parameter '--tags': Expected: '=', received: 'EOF' for input:\n\n^".into()
        ))
    );
    let e = run("ecs", "DescribeTasks", &["--tasks", ""]);
    assert_eq!(e.expect("ok").request["tasks"], json!([""]));
    let e = run("ecs", "RunTask", &["--task-definition", "t", "--network-configuration", "{"]);
    assert_eq!(e, Err(ArgError::ParamError("Error parsing parameter '--network-configuration': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)\nJSON received: {".into())));
}

#[test]
fn shorthand_errors_name_the_option() {
    let e = run(
        "ecs",
        "RunTask",
        &[
            "--task-definition",
            "web",
            "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED]",
        ],
    );
    let caret = format!("{}^", " ".repeat(93));
    assert_eq!(
        e,
        Err(ArgError::ParamError(format!(
            "Error parsing parameter '--network-configuration': Expected: ',', \
        received: ']' for input:\nawsvpcConfiguration={{subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED]\n{caret}"
        )))
    );
    let e = run("ecs", "RunTask", &["--task-definition", "web", "--tags", "key=a,value=b,key=c"]);
    assert_eq!(e, Err(ArgError::ParamError("Error parsing parameter '--tags': Second instance of key \"key\" encountered \
        for input:\nkey=a,value=b,key=c\n              ^\nThis is often because there is a preceding \",\" instead of a space.".into())));
    let e = run(
        "ecs",
        "CreateService",
        &["--service-name", "s", "--deployment-configuration", "lifecycleHooks=[{hookTargetArn=a,hookDetails={x=1}}]"],
    );
    assert_eq!(
        e,
        Err(ArgError::ParamError(
            "Error parsing parameter '--deployment-configuration': Shorthand syntax does \
        not support document types. Use JSON input for top-level argument to specify nested parameter: hookDetails"
                .into()
        ))
    );
}

#[test]
fn paramfiles() {
    let ws = MemoryWorkspace::new().with_file("tags.txt", "prod").with_file("list.json", "[\"a\", \"b\"]");
    let r = run_in("ecs", "RunTask", &["--task-definition", "file://tags.txt"], &ws).expect("ok");
    assert_eq!(r.request["taskDefinition"], json!("prod"));
    let r = run_in("ecs", "DescribeTasks", &["--tasks", "file://list.json"], &ws).expect("ok");
    assert_eq!(r.request["tasks"], json!(["a", "b"]));
    let r = run_in("ecs", "RunTask", &["--task-definition", "t", "--tags", "key@=file://tags.txt,value=x"], &ws);
    assert_eq!(r.expect("ok").request["tags"], json!([{"key": "prod", "value": "x"}]));
    assert_eq!(
        run_in("ecs", "RunTask", &["--task-definition", "t", "--tags", "key@=file://nope,value=x"], &ws),
        Err(ArgError::Other(
            "Unable to load paramfile file://nope: [Errno 2] No such file or directory: 'nope'".into()
        ))
    );
    assert_eq!(
        run_in("ecs", "RunTask", &["--task-definition", "fileb://nope"], &ws),
        Err(ArgError::ParamError("Error parsing parameter '--task-definition': Unable to load paramfile fileb://nope: [Errno 2] No such file or directory: 'nope'".into()))
    );
    // `fileb://` gives bytes, which a string member refuses.
    assert_eq!(
        run_in("ecs", "RunTask", &["--task-definition", "fileb://tags.txt"], &ws),
        Err(ArgError::ParamValidation("Parameter validation failed:\nInvalid type for parameter taskDefinition, value: b'prod', type: <class 'bytes'>, valid types: <class 'str'>".into()))
    );
    // http:// is not fetched by CLI v2.
    let r = run_in("ecs", "RunTask", &["--task-definition", "http://example.com/x"], &ws).expect("ok");
    assert_eq!(r.request["taskDefinition"], json!("http://example.com/x"));
}

#[test]
fn validation_report_format() {
    let m = model::service("ecs").expect("model");
    let v = json!({"taskDefinition": 5, "count": "2", "bogus": 1, "tags": [{"key": ""}], "networkConfiguration": []});
    assert_eq!(validate(m, "RunTaskRequest", &v), Err("Parameter validation failed:\n\
        Unknown parameter in input: \"bogus\", must be one of: capacityProviderStrategy, cluster, count, enableECSManagedTags, \
        enableExecuteCommand, group, launchType, networkConfiguration, overrides, placementConstraints, placementStrategy, \
        platformVersion, propagateTags, referenceId, startedBy, tags, taskDefinition, clientToken, volumeConfigurations\n\
        Invalid type for parameter taskDefinition, value: 5, type: <class 'int'>, valid types: <class 'str'>\n\
        Invalid type for parameter count, value: 2, type: <class 'str'>, valid types: <class 'int'>\n\
        Invalid length for parameter tags[0].key, value: 0, valid min length: 1\n\
        Invalid type for parameter networkConfiguration, value: [], type: <class 'list'>, valid types: <class 'dict'>".into()));
    assert_eq!(validate(m, "RunTaskRequest", &json!({"taskDefinition": "t", "count": true})), Ok(()));
    let e =
        validate(m, "TaskOverride", &json!({"containerOverrides": [{"environment": [{"name": "a", "value": 1.0}]}]}));
    assert_eq!(e, Err("Parameter validation failed:\nInvalid type for parameter containerOverrides[0].environment[0].value, value: 1.0, type: <class 'float'>, valid types: <class 'str'>".into()));
    let e = validate(
        m,
        "CreateClusterRequest",
        &json!({"tags": [{"key": "k", "value": "v'\"\n"}], "settings": [{"name": null}]}),
    );
    assert_eq!(e, Err("Parameter validation failed:\nInvalid type for parameter settings[0].name, value: None, type: <class 'NoneType'>, valid types: <class 'str'>".into()));
}
