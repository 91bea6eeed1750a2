//! How the AWS CLI v2 reports failures, with its exact wording and exit codes: usage errors (argparse) print
//! the usage block and `aws: error: …` and exit 252; parameter validation exits 252; a service error prints
//! `An error occurred (Code) when calling the Operation operation: message` and exits 254; anything else
//! exits 255.
//!
//! Since CLI v2.33 (2026) the default error format prefixes `aws: [ERROR]: ` and may add details
//! (aws/aws-cli#9889, #9890). The sandbox prints the long-standing wording shown throughout AWS's docs, the
//! exam guides, and the issue that specified this CLI, which `--cli-error-format legacy` still gives.

pub const EXIT_USAGE: i32 = 252;
pub const EXIT_SERVICE: i32 = 254;
pub const EXIT_OTHER: i32 = 255;

pub const USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
";

/// A failed `aws` invocation: what goes to stderr and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliFailure {
    pub stderr: String,
    pub code: i32,
}

impl CliFailure {
    /// An argparse error: the usage block, a blank line, then `aws: error: MESSAGE`.
    pub fn usage(message: String) -> Self {
        CliFailure { stderr: format!("{USAGE}\naws: error: {message}\n"), code: EXIT_USAGE }
    }
    /// `Unknown options: a, b`, after the usage block.
    pub fn unknown_options(options: &[String]) -> Self {
        CliFailure { stderr: format!("{USAGE}\nUnknown options: {}\n", options.join(", ")), code: EXIT_USAGE }
    }
    /// Parameter validation and parameter parsing errors (exit 252), printed after a blank line.
    pub fn param(message: &str) -> Self {
        CliFailure { stderr: format!("\n{message}\n"), code: EXIT_USAGE }
    }
    /// A service's error response.
    pub fn service(code: &str, operation: &str, message: &str) -> Self {
        CliFailure {
            stderr: format!("\nAn error occurred ({code}) when calling the {operation} operation: {message}\n"),
            code: EXIT_SERVICE,
        }
    }
    /// Any other client-side failure (exit 255).
    pub fn other(message: &str) -> Self {
        CliFailure { stderr: format!("\n{message}\n"), code: EXIT_OTHER }
    }
}

/// argparse's `Invalid choice` message: two choices a line, each padded to 40 columns, joined by ` | `
/// (awscli/argparser.py `_check_value`), and close matches when there are some.
pub fn invalid_choice(argument: &str, value: &str, choices: &[&str]) -> String {
    let mut lines = vec!["Invalid choice, valid choices are:\n".to_string()];
    for pair in choices.chunks(2) {
        lines.push(pair.iter().map(|c| format!("{c:<40}")).collect::<Vec<_>>().join(" | "));
    }
    let close = super::output::get_close_matches(value, choices, 3, 0.8);
    if !close.is_empty() {
        lines.push(format!("\n\nInvalid choice: '{value}', maybe you meant:\n"));
        for c in close {
            lines.push(format!("  * {c}"));
        }
    }
    format!("argument {argument}: {}", lines.join("\n"))
}
