//! Command-line parsing as the Docker CLI does it with cobra and pflag: long and short flags, `--flag=value`,
//! clustered shorthands (`-qa`), flags after arguments, `--` and the exact error texts and exit codes
//! (`unknown flag: --foo` + `See 'docker push --help'.`, exit 125; `"docker push" requires exactly 1
//! argument.` + usage, exit 1). Also each command's usage line, short description, options and `--help`.

use super::Output;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Str,
    /// Repeatable (`-t a -t b`).
    List,
}

#[derive(Debug, Clone, Copy)]
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    pub kind: Kind,
    /// Type word in `--help` (`string`, `list`, `stringArray`); empty for booleans.
    pub type_name: &'static str,
    pub usage: &'static str,
}

const fn flag(long: &'static str, short: Option<char>, kind: Kind, type_name: &'static str, usage: &'static str) -> Flag {
    Flag { long, short, kind, type_name, usage }
}

/// How many positional arguments a command takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Args {
    Exact(usize),
    Min(usize),
    Max(usize),
    None,
}

/// A command as cobra knows it.
#[derive(Debug, Clone)]
pub struct Command {
    /// `docker push`, `docker image ls`.
    pub path: String,
    /// What follows the path in the usage line (`[OPTIONS] NAME[:TAG]`).
    pub args_usage: &'static str,
    pub short: &'static str,
    pub aliases: &'static str,
    pub flags: &'static [Flag],
    pub args: Args,
    /// buildx prints its errors with `ERROR: `.
    pub buildx: bool,
}

/// Parsed flags and arguments.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    values: BTreeMap<&'static str, Vec<String>>,
    pub args: Vec<String>,
    pub help: bool,
}

impl Parsed {
    pub fn bool(&self, long: &str) -> bool {
        self.values.get(long).and_then(|v| v.last()).is_some_and(|v| v == "true")
    }
    pub fn string(&self, long: &str) -> Option<&str> {
        self.values.get(long).and_then(|v| v.last()).map(String::as_str)
    }
    pub fn list(&self, long: &str) -> Vec<String> {
        self.values.get(long).cloned().unwrap_or_default()
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// pflag's parse. `interspersed` false stops at the first argument (as `docker run` does). The error is
/// pflag's message, without the `See '… --help'.` line.
pub fn parse_flags(flags: &[Flag], argv: &[String], interspersed: bool) -> Result<Parsed, String> {
    let mut out = Parsed::default();
    let mut i = 0;
    while let Some(arg) = argv.get(i) {
        i += 1;
        if arg == "--" {
            out.args.extend(argv.iter().skip(i).cloned());
            break;
        }
        if let Some(body) = arg.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            if name == "help" {
                out.help = true;
                continue;
            }
            let Some(f) = flags.iter().find(|f| f.long == name) else {
                return Err(format!("unknown flag: --{name}"));
            };
            let value = match (f.kind, inline) {
                (Kind::Bool, None) => "true".to_string(),
                (Kind::Bool, Some(v)) => match parse_bool(&v) {
                    Some(b) => b.to_string(),
                    None => return Err(format!("invalid argument \"{v}\" for \"--{name}\" flag: strconv.ParseBool: parsing \"{v}\": invalid syntax")),
                },
                (_, Some(v)) => v,
                (_, None) => match argv.get(i) {
                    Some(v) => {
                        i += 1;
                        v.clone()
                    }
                    None => return Err(format!("flag needs an argument: --{name}")),
                },
            };
            out.values.entry(f.long).or_default().push(value);
        } else if arg.len() > 1 && arg.starts_with('-') {
            let shorts: Vec<char> = arg.chars().skip(1).collect();
            let mut j = 0;
            while let Some(&c) = shorts.get(j) {
                j += 1;
                if c == 'h' && !flags.iter().any(|f| f.short == Some('h')) {
                    out.help = true;
                    continue;
                }
                let Some(f) = flags.iter().find(|f| f.short == Some(c)) else {
                    return Err(format!("unknown shorthand flag: '{c}' in {arg}"));
                };
                let rest: String = shorts.iter().skip(j).collect();
                let value = if f.kind == Kind::Bool {
                    match rest.strip_prefix('=') {
                        Some(v) => {
                            j = shorts.len();
                            match parse_bool(v) {
                                Some(b) => b.to_string(),
                                None => return Err(format!("invalid argument \"{v}\" for \"-{c}, --{}\" flag: strconv.ParseBool: parsing \"{v}\": invalid syntax", f.long)),
                            }
                        }
                        None => "true".to_string(),
                    }
                } else if !rest.is_empty() {
                    j = shorts.len();
                    rest.strip_prefix('=').unwrap_or(&rest).to_string()
                } else {
                    match argv.get(i) {
                        Some(v) => {
                            i += 1;
                            v.clone()
                        }
                        None => return Err(format!("flag needs an argument: '{c}' in -{c}")),
                    }
                };
                out.values.entry(f.long).or_default().push(value);
            }
        } else {
            out.args.push(arg.clone());
            if !interspersed {
                out.args.extend(argv.iter().skip(i).cloned());
                break;
            }
        }
    }
    Ok(out)
}

impl Command {
    pub fn new(path: &str, args_usage: &'static str, short: &'static str, aliases: &'static str, flags: &'static [Flag], args: Args) -> Command {
        Command { path: path.to_string(), args_usage, short, aliases, flags, args, buildx: false }
    }

    pub fn usage_line(&self) -> String {
        format!("{} {}", self.path, self.args_usage)
    }

    /// Parses `argv` (what follows the command path); `Err` is the output to return (help, flag or argument
    /// error).
    pub fn parse(&self, argv: &[String]) -> Result<Parsed, Output> {
        let parsed = match parse_flags(self.flags, argv, true) {
            Ok(p) => p,
            Err(msg) => return Err(self.flag_error(&msg)),
        };
        if parsed.help {
            return Err(Output::ok(self.help()));
        }
        let n = parsed.args.len();
        let (ok, what) = match self.args {
            Args::Exact(k) => (n == k, format!("requires exactly {k} {}", plural(k))),
            Args::Min(k) => (n >= k, format!("requires at least {k} {}", plural(k))),
            Args::Max(k) => (n <= k, format!("requires at most {k} {}", plural(k))),
            Args::None => (n == 0, "accepts no arguments".to_string()),
        };
        if ok {
            return Ok(parsed);
        }
        let prefix = if self.buildx { "ERROR: " } else { "" };
        Err(Output::err(
            format!("{prefix}\"{}\" {what}.\nSee '{} --help'.\n\nUsage:  {}\n\n{}\n", self.path, self.path, self.usage_line(), self.short),
            1,
        ))
    }

    /// cobra's `FlagErrorFunc` as Docker sets it: exit status 125.
    pub fn flag_error(&self, msg: &str) -> Output {
        Output::err(format!("{msg}\nSee '{} --help'.\n", self.path), 125)
    }

    /// `--help`.
    pub fn help(&self) -> String {
        let mut out = format!("\nUsage:  {}\n\n{}\n", self.usage_line(), self.short);
        if !self.aliases.is_empty() {
            out.push_str(&format!("\nAliases:\n  {}\n", self.aliases));
        }
        if !self.flags.is_empty() {
            out.push_str("\nOptions:\n");
            out.push_str(&flag_usages(self.flags));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "argument" } else { "arguments" }
}

/// pflag's `FlagUsages` layout (names padded to a column, then the usage).
pub fn flag_usages(flags: &[Flag]) -> String {
    let lines: Vec<(String, &str)> = flags
        .iter()
        .map(|f| {
            let names = match f.short {
                Some(c) => format!("  -{c}, --{}", f.long),
                None => format!("      --{}", f.long),
            };
            let names = if f.type_name.is_empty() { names } else { format!("{names} {}", f.type_name) };
            (names, f.usage)
        })
        .collect();
    let width = lines.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (names, usage) in lines {
        out.push_str(&format!("{names}{}   {usage}\n", " ".repeat(width.saturating_sub(names.chars().count()))));
    }
    out
}

use Kind::{Bool, List, Str};

pub const BUILD_FLAGS: &[Flag] = &[
    flag("add-host", None, List, "strings", "Add a custom host-to-IP mapping (format: \"host:ip\")"),
    flag("build-arg", None, List, "stringArray", "Set build-time variables"),
    flag("builder", None, Str, "string", "Override the configured builder instance"),
    flag("cache-from", None, List, "stringArray", "External cache sources"),
    flag("cache-to", None, List, "stringArray", "Cache export destinations"),
    flag("file", Some('f'), Str, "string", "Name of the Dockerfile (default: \"PATH/Dockerfile\")"),
    flag("iidfile", None, Str, "string", "Write the image ID to a file"),
    flag("label", None, List, "stringArray", "Set metadata for an image"),
    flag("load", None, Bool, "", "Shorthand for \"--output=type=docker\""),
    flag("network", None, Str, "string", "Set the networking mode for the \"RUN\" instructions during build"),
    flag("no-cache", None, Bool, "", "Do not use cache when building the image"),
    flag("output", Some('o'), List, "stringArray", "Output destination (format: \"type=local,dest=path\")"),
    flag("platform", None, List, "stringArray", "Set target platform for build"),
    flag("progress", None, Str, "string", "Set type of progress output (\"auto\", \"plain\", \"tty\", \"rawjson\")"),
    flag("provenance", None, Str, "string", "Shorthand for \"--attest=type=provenance\""),
    flag("pull", None, Bool, "", "Always attempt to pull all referenced images"),
    flag("push", None, Bool, "", "Shorthand for \"--output=type=registry\""),
    flag("quiet", Some('q'), Bool, "", "Suppress the build output and print image ID on success"),
    flag("rm", None, Bool, "", "Remove intermediate containers after a successful build"),
    flag("sbom", None, Str, "string", "Shorthand for \"--attest=type=sbom\""),
    flag("secret", None, List, "stringArray", "Secret to expose to the build"),
    flag("ssh", None, List, "stringArray", "SSH agent socket or keys to expose to the build"),
    flag("tag", Some('t'), List, "stringArray", "Name and optionally a tag (format: \"name:tag\")"),
    flag("target", None, Str, "string", "Set the target build stage to build"),
];

pub const IMAGES_FLAGS: &[Flag] = &[
    flag("all", Some('a'), Bool, "", "Show all images (default hides intermediate images)"),
    flag("digests", None, Bool, "", "Show digests"),
    flag("filter", Some('f'), List, "filter", "Filter output based on conditions provided"),
    flag("format", None, Str, "string", "Format output using a custom template"),
    flag("no-trunc", None, Bool, "", "Don't truncate output"),
    flag("quiet", Some('q'), Bool, "", "Only show image IDs"),
];

pub const RMI_FLAGS: &[Flag] = &[
    flag("force", Some('f'), Bool, "", "Force removal of the image"),
    flag("no-prune", None, Bool, "", "Do not delete untagged parents"),
];

pub const PUSH_FLAGS: &[Flag] = &[
    flag("all-tags", Some('a'), Bool, "", "Push all tags of an image to the repository"),
    flag("disable-content-trust", None, Bool, "", "Skip image signing (default true)"),
    flag("platform", None, Str, "string", "Push a platform-specific manifest as a single-platform image to the registry."),
    flag("quiet", Some('q'), Bool, "", "Suppress verbose output"),
];

pub const PULL_FLAGS: &[Flag] = &[
    flag("all-tags", Some('a'), Bool, "", "Download all tagged images in the repository"),
    flag("disable-content-trust", None, Bool, "", "Skip image verification (default true)"),
    flag("platform", None, Str, "string", "Set platform if server is multi-platform capable"),
    flag("quiet", Some('q'), Bool, "", "Suppress verbose output"),
];

pub const LOGIN_FLAGS: &[Flag] = &[
    flag("password", Some('p'), Str, "string", "Password"),
    flag("password-stdin", None, Bool, "", "Take the password from stdin"),
    flag("username", Some('u'), Str, "string", "Username"),
];

pub const INSPECT_FLAGS: &[Flag] = &[
    flag("format", Some('f'), Str, "string", "Format output using a custom template"),
    flag("size", Some('s'), Bool, "", "Display total file sizes if the type is container"),
    flag("type", None, Str, "string", "Return JSON for specified type"),
];

pub const IMAGE_INSPECT_FLAGS: &[Flag] = &[
    flag("format", Some('f'), Str, "string", "Format output using a custom template"),
    flag("platform", None, Str, "string", "Inspect a specific platform of the multi-platform image."),
];

pub const VERSION_FLAGS: &[Flag] = &[flag("format", Some('f'), Str, "string", "Format output using a custom template")];

/// `docker run` / `docker create` flags, enough to tell a value flag from a boolean one.
pub const RUN_FLAGS: &[Flag] = &[
    flag("attach", Some('a'), List, "list", ""), flag("cpus", None, Str, "decimal", ""), flag("detach", Some('d'), Bool, "", ""),
    flag("entrypoint", None, Str, "string", ""), flag("env", Some('e'), List, "list", ""), flag("env-file", None, List, "list", ""),
    flag("hostname", Some('h'), Str, "string", ""), flag("init", None, Bool, "", ""), flag("interactive", Some('i'), Bool, "", ""),
    flag("label", Some('l'), List, "list", ""), flag("memory", Some('m'), Str, "bytes", ""), flag("mount", None, List, "mount", ""),
    flag("name", None, Str, "string", ""), flag("network", None, Str, "network", ""), flag("platform", None, Str, "string", ""),
    flag("privileged", None, Bool, "", ""), flag("publish", Some('p'), List, "list", ""), flag("publish-all", Some('P'), Bool, "", ""),
    flag("pull", None, Str, "string", ""), flag("quiet", Some('q'), Bool, "", ""), flag("read-only", None, Bool, "", ""),
    flag("restart", None, Str, "string", ""), flag("rm", None, Bool, "", ""), flag("tty", Some('t'), Bool, "", ""),
    flag("user", Some('u'), Str, "string", ""), flag("volume", Some('v'), List, "list", ""), flag("workdir", Some('w'), Str, "string", ""),
];

/// Flags of the `docker` command itself.
pub const ROOT_FLAGS: &[Flag] = &[
    flag("config", None, Str, "string", "Location of client config files"),
    flag("context", Some('c'), Str, "string", "Name of the context to use to connect to the daemon"),
    flag("debug", Some('D'), Bool, "", "Enable debug mode"),
    flag("host", Some('H'), List, "list", "Daemon socket to connect to"),
    flag("log-level", Some('l'), Str, "string", "Set the logging level"),
    flag("tls", None, Bool, "", "Use TLS; implied by --tlsverify"),
    flag("tlscacert", None, Str, "string", "Trust certs signed only by this CA"),
    flag("tlscert", None, Str, "string", "Path to TLS certificate file"),
    flag("tlskey", None, Str, "string", "Path to TLS key file"),
    flag("tlsverify", None, Bool, "", "Use TLS and verify the remote"),
    flag("version", Some('v'), Bool, "", "Print version information and quit"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn pflag_forms() {
        let p = parse_flags(LOGIN_FLAGS, &argv("-uAWS --password-stdin host"), true).unwrap();
        assert_eq!(p.string("username"), Some("AWS"));
        assert!(p.bool("password-stdin"));
        assert_eq!(p.args, vec!["host"]);
        let p = parse_flags(LOGIN_FLAGS, &argv("host --username=AWS -p x"), true).unwrap();
        assert_eq!((p.string("username"), p.string("password")), (Some("AWS"), Some("x")));
        let p = parse_flags(BUILD_FLAGS, &argv("-t a -t b -qf x . -- -z"), true).unwrap();
        assert_eq!(p.list("tag"), vec!["a", "b"]);
        assert_eq!((p.bool("quiet"), p.string("file")), (true, Some("x")));
        assert_eq!(p.args, vec![".", "-z"]);
    }

    #[test]
    fn pflag_errors() {
        assert_eq!(parse_flags(LOGIN_FLAGS, &argv("-e none"), true).unwrap_err(), "unknown shorthand flag: 'e' in -e");
        assert_eq!(parse_flags(LOGIN_FLAGS, &argv("--email x"), true).unwrap_err(), "unknown flag: --email");
        assert_eq!(parse_flags(LOGIN_FLAGS, &argv("-u"), true).unwrap_err(), "flag needs an argument: 'u' in -u");
        assert_eq!(parse_flags(LOGIN_FLAGS, &argv("--username"), true).unwrap_err(), "flag needs an argument: --username");
        assert!(parse_flags(LOGIN_FLAGS, &argv("--password-stdin=maybe"), true).unwrap_err().starts_with("invalid argument \"maybe\""));
    }

    #[test]
    fn cobra_argument_errors() {
        let c = Command::new("docker push", "[OPTIONS] NAME[:TAG]", "Upload an image to a registry", "", PUSH_FLAGS, Args::Exact(1));
        let out = c.parse(&[]).unwrap_err();
        assert_eq!(out.stderr, "\"docker push\" requires exactly 1 argument.\nSee 'docker push --help'.\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry\n");
        assert_eq!(out.exit_code, 1);
        let out = c.parse(&argv("--nope x")).unwrap_err();
        assert_eq!((out.stderr.as_str(), out.exit_code), ("unknown flag: --nope\nSee 'docker push --help'.\n", 125));
        let out = c.parse(&argv("--help")).unwrap_err();
        assert!(out.stdout.contains("  -a, --all-tags                Push all tags"));
    }
}
