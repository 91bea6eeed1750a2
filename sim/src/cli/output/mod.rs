//! Output formatting of the AWS CLI v2 emulator: what `aws … --output
//! json|text|table` prints on stdout for a response (after `--query`), byte
//! for byte as the real CLI does.
//!
//! Ported from `awscli/formatter.py`, `awscli/text.py` and `awscli/table.py`
//! of aws/aws-cli (branch v2); see each submodule for its part.

mod choices;
pub mod json;
mod multitable;
mod pyrepr;
mod table;
pub mod text;
mod unicode;
mod unicode_tables;

#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod table_tests_ecs;
#[cfg(test)]
mod table_tests_edge;
#[cfg(test)]
mod tests;

use std::str::FromStr;

use serde_json::Value;

pub use choices::{OUTPUT_CHOICES, get_close_matches, invalid_choice_message};
pub use json::json;
pub use multitable::Styler as TableStyle;
pub use unicode::text_length;

/// The terminal width the CLI's table formatter assumes when it cannot ask
/// the terminal (stdout is not a tty): `determine_terminal_width()`'s
/// `default_width=80`.
pub const DEFAULT_TERMINAL_WIDTH: usize = 80;

/// A value of `--output` this emulator can print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    Json,
    Text,
    Table,
    /// `--output off` (CLI v2 since 2026): nothing on stdout.
    Off,
}

/// Why a `--output` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseOutputFormatError {
    /// Not one of the CLI's choices. Displays as the CLI's argparse message,
    /// `argument --output: Found invalid choice 'x'` plus a newline (and any
    /// "Maybe you meant" lines); the CLI prints it on stderr after
    /// `aws: [ERROR]: `, followed by a blank line and its usage block.
    #[error("argument --output: {}", invalid_choice_message(.0))]
    InvalidChoice(String),
    /// A choice the real CLI accepts (`yaml`, `yaml-stream`) but this
    /// emulator does not implement.
    #[error("--output {0} is valid for the AWS CLI but not supported by this emulator")]
    Unsupported(String),
}

impl FromStr for OutputFormat {
    type Err = ParseOutputFormatError;

    /// Exact, case-sensitive match, as argparse's `choices` check.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "json" => Ok(OutputFormat::Json),
            "text" => Ok(OutputFormat::Text),
            "table" => Ok(OutputFormat::Table),
            "off" => Ok(OutputFormat::Off),
            "yaml" | "yaml-stream" => Err(ParseOutputFormatError::Unsupported(s.to_owned())),
            _ => Err(ParseOutputFormatError::InvalidChoice(s.to_owned())),
        }
    }
}

/// The CLI failing while it formats: the message of the Python exception
/// (which the CLI prints on stderr and exits 255 for) and whatever it had
/// already written to stdout by then.
///
/// Only irregular shapes that `--query` can build raise this: a list mixing
/// dicts and other values (text and table), or rows of different lengths in
/// one table section. The messages of the rarer table cases are approximate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FormatError {
    /// What the CLI had printed on stdout before failing.
    pub stdout: String,
    /// `str(exception)`.
    pub message: String,
}

/// Everything besides the value that decides the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatOptions {
    /// The terminal's width in columns; only `table` uses it.
    pub width: usize,
    /// `table` colours: `TableStyle::Colorized` is `--color on`, or `auto`
    /// on a tty; `Plain` is `--color off`, or `auto` when piped.
    pub table_style: TableStyle,
}

impl Default for FormatOptions {
    fn default() -> Self {
        FormatOptions {
            width: DEFAULT_TERMINAL_WIDTH,
            table_style: TableStyle::Plain,
        }
    }
}

/// Formats a response (already filtered by `--query`, if any) as the CLI
/// prints it to stdout, trailing newline included; the table as for a
/// terminal of [`DEFAULT_TERMINAL_WIDTH`] columns, without colours.
///
/// `title` is the table's title, the operation's API name
/// (`DescribeClusters`), which the CLI passes to its formatter. `had_query`
/// changes nothing: the CLI formats a `--query` result exactly as it formats
/// a whole response (a bare string is `"x"` in JSON and `x` in text, `null`
/// is `null` and `None`; a JSON `{}` prints nothing in both cases). It is
/// kept so callers state it; the CLI only differs for multi-page results
/// (text applies the query per page), which this emulator does not produce.
///
/// Where the CLI fails ([`FormatError`]), this returns what it had printed
/// on stdout; use [`try_format`] to get the error too.
pub fn format(value: &Value, format: OutputFormat, title: &str, had_query: bool) -> String {
    format_with_options(value, format, title, had_query, &FormatOptions::default())
}

/// [`format`] for a terminal `width` columns wide (only `table` uses it).
pub fn format_with_width(
    value: &Value,
    format: OutputFormat,
    title: &str,
    had_query: bool,
    width: usize,
) -> String {
    let options = FormatOptions {
        width,
        ..FormatOptions::default()
    };
    format_with_options(value, format, title, had_query, &options)
}

/// [`format`] with every option.
pub fn format_with_options(
    value: &Value,
    format: OutputFormat,
    title: &str,
    had_query: bool,
    options: &FormatOptions,
) -> String {
    try_format(value, format, title, had_query, options).unwrap_or_else(|e| e.stdout)
}

/// [`format_with_options`], with the CLI's failures as errors.
pub fn try_format(
    value: &Value,
    format: OutputFormat,
    title: &str,
    had_query: bool,
    options: &FormatOptions,
) -> Result<String, FormatError> {
    let _ = had_query;
    match format {
        // JSONFormatter: "if response != {}" (an empty response body).
        OutputFormat::Json if value.as_object().is_some_and(|m| m.is_empty()) => Ok(String::new()),
        OutputFormat::Json => Ok(json::json(value)),
        OutputFormat::Text => text::format_text(value),
        OutputFormat::Table => {
            table::format_table(value, title, options.width, options.table_style)
        }
        OutputFormat::Off => Ok(String::new()),
    }
}

/// Python truthiness of a JSON value.
pub(crate) fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}
