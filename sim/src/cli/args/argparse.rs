//! The part of Python's `argparse` (3.14, as bundled with the AWS CLI v2) that an operation's parser uses:
//! `parse_known_args` with long options only, `--opt value` and `--opt=value`, unambiguous prefixes,
//! negative-number-looking values, `--`, `nargs` `None`/`?`/`*`/0, `type=int/float`, choices (with the
//! CLI's own "Invalid choice" text), the trailing `help` positional and the required-arguments check. Error
//! strings are what follows `aws: error: `.

use crate::shared_sort::SharedSort;
use super::pynum::{py_float, py_int};
use super::pyvalue::{Py, str_repr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nargs {
    One,
    Optional,
    ZeroOrMore,
    Zero,
}

/// argparse's `type=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conv {
    Str,
    Int,
    Float,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Store,
    StoreTrue,
    StoreFalse,
}

/// A namespace entry: a Python value, or the `_NOT_SPECIFIED` sentinel some customizations default to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Slot {
    NotSpecified,
    Val(Py),
}

/// One `parser.add_argument('--name', ...)`.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub option: String,
    pub dest: String,
    pub nargs: Nargs,
    pub conv: Conv,
    pub action: Action,
    pub default: Slot,
    pub constant: Option<String>,
    pub choices: &'static [&'static str],
    pub required: bool,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    pub namespace: Vec<(String, Slot)>,
    pub extras: Vec<String>,
    /// The operation parser's trailing `help` positional (`nargs='?'`).
    pub help: Option<String>,
}

impl Parsed {
    pub fn get(&self, dest: &str) -> Option<&Slot> {
        self.namespace.iter().find(|(d, _)| d == dest).map(|(_, s)| s)
    }
    fn set(&mut self, dest: &str, value: Slot) {
        match self.namespace.iter_mut().find(|(d, _)| d == dest) {
            Some((_, slot)) => *slot = value,
            None => self.namespace.push((dest.to_string(), value)),
        }
    }
}

/// `(action, option_string, explicit_arg)`; `action` is `None` for an unknown `--option`.
type OptTuple = (Option<usize>, String, Option<String>);

struct Run<'a> {
    specs: &'a [Spec],
    args: &'a [String],
    pattern: Vec<char>,
    options: Vec<Option<Vec<OptTuple>>>,
    seen: Vec<bool>,
    help_pending: bool,
    out: Parsed,
}

/// `parser.parse_known_args(args)`; `Err` holds the `ArgumentError` text.
pub(crate) fn parse(specs: &[Spec], args: &[String]) -> Result<Parsed, String> {
    let mut run = Run {
        specs,
        args,
        pattern: Vec::with_capacity(args.len()),
        options: Vec::with_capacity(args.len()),
        seen: vec![false; specs.len()],
        help_pending: true,
        out: Parsed::default(),
    };
    for spec in specs {
        if run.out.get(&spec.dest).is_none() {
            run.out.namespace.push((spec.dest.clone(), spec.default.clone()));
        }
    }
    let mut after_double_dash = false;
    for arg in args {
        let tuples = if after_double_dash || arg == "--" { None } else { run.parse_optional(arg) };
        run.pattern.push(if after_double_dash {
            'A'
        } else if arg == "--" {
            after_double_dash = true;
            '-'
        } else if tuples.is_some() {
            'O'
        } else {
            'A'
        });
        run.options.push(tuples);
    }
    run.consume_all()?;
    let missing: Vec<&str> = specs
        .iter()
        .zip(&run.seen)
        .filter(|(spec, seen)| spec.required && !**seen)
        .map(|(spec, _)| spec.option.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(format!("the following arguments are required: {}", missing.join(", ")));
    }
    Ok(run.out)
}

impl Run<'_> {
    fn find_option(&self, option: &str) -> Option<usize> {
        self.specs.iter().position(|s| s.option == option)
    }

    /// `_parse_optional`.
    fn parse_optional(&self, arg: &str) -> Option<Vec<OptTuple>> {
        if !arg.starts_with('-') {
            return None;
        }
        if let Some(i) = self.find_option(arg) {
            return Some(vec![(Some(i), arg.to_string(), None)]);
        }
        let mut chars = arg.chars();
        let (_, second) = (chars.next(), chars.next());
        second?;
        if let Some((opt, explicit)) = arg.split_once('=')
            && let Some(i) = self.find_option(opt)
        {
            return Some(vec![(Some(i), opt.to_string(), Some(explicit.to_string()))]);
        }
        // `_get_option_tuples`: unambiguous prefixes of long options (single-dash options do not exist here).
        let mut tuples = Vec::new();
        if second == Some('-') {
            let (prefix, explicit) = match arg.split_once('=') {
                Some((p, e)) => (p, Some(e.to_string())),
                None => (arg, None),
            };
            for (i, spec) in self.specs.iter().enumerate() {
                if spec.option.starts_with(prefix) {
                    tuples.push((Some(i), spec.option.clone(), explicit.clone()));
                }
            }
        }
        if !tuples.is_empty() {
            return Some(tuples);
        }
        // `_negative_number_matcher = re.compile(r'-\.?\d')`: a value, not an option.
        let rest: Vec<char> = arg.chars().skip(1).take(2).collect();
        let negative_number = match rest.as_slice() {
            [d, ..] if d.is_ascii_digit() => true,
            ['.', d] => d.is_ascii_digit(),
            _ => false,
        };
        if negative_number || arg.contains(' ') {
            return None;
        }
        Some(vec![(None, arg.to_string(), None)])
    }

    fn consume_all(&mut self) -> Result<(), String> {
        let option_indices: Vec<usize> =
            self.options.iter().enumerate().filter(|(_, o)| o.is_some()).map(|(i, _)| i).collect();
        let mut start = 0;
        if let Some(&max) = option_indices.last() {
            while start <= max {
                let Some(&next) = option_indices.iter().find(|i| **i >= start) else { break };
                if start != next {
                    let end = self.consume_positionals(start);
                    if end > start {
                        start = end;
                        continue;
                    }
                    start = end;
                }
                if self.options.get(start).is_none_or(Option::is_none) {
                    self.out.extras.extend(self.args.get(start..next).unwrap_or_default().iter().cloned());
                    start = next;
                }
                start = self.consume_optional(start)?;
            }
        }
        let stop = self.consume_positionals(start);
        self.out.extras.extend(self.args.get(stop..).unwrap_or_default().iter().cloned());
        Ok(())
    }

    /// The `help` positional, `nargs='?'`: pattern `-*A?-*`.
    fn consume_positionals(&mut self, start: usize) -> usize {
        if !self.help_pending {
            return start;
        }
        let pat = self.pattern.get(start..).unwrap_or_default();
        let mut n = pat.iter().take_while(|c| **c == '-').count();
        if pat.get(n) == Some(&'A') {
            n += 1;
        }
        n += pat.iter().skip(n).take_while(|c| **c == '-').count();
        if n == 0 && pat.first() == Some(&'O') {
            return start;
        }
        let mut taken: Vec<&String> = self.args.get(start..start + n).unwrap_or_default().iter().collect();
        if let Some(pos) = taken.iter().position(|a| a.as_str() == "--")
            && pat.iter().take(n).any(|c| *c == '-')
        {
            taken.remove(pos);
        }
        self.out.help = taken.first().map(|s| s.to_string());
        self.help_pending = false;
        start + n
    }

    fn consume_optional(&mut self, start: usize) -> Result<usize, String> {
        let Some(Some(tuples)) = self.options.get(start) else { return Ok(start + 1) };
        if tuples.len() > 1 {
            let names: Vec<&str> = tuples.iter().map(|t| t.1.as_str()).collect();
            let arg = self.args.get(start).map(String::as_str).unwrap_or_default();
            return Err(format!("ambiguous option: {arg} could match {}", names.join(", ")));
        }
        let Some((action, _, explicit)) = tuples.first().cloned() else { return Ok(start + 1) };
        let specs = self.specs;
        let Some((action, spec)) = action.and_then(|a| Some((a, specs.get(a)?))) else {
            self.out.extras.push(self.args.get(start).cloned().unwrap_or_default());
            return Ok(start + 1);
        };
        let (values, stop) = match explicit {
            Some(explicit) => {
                if spec.nargs == Nargs::Zero {
                    return Err(format!("argument {}: ignored explicit argument {}", spec.option, str_repr(&explicit)));
                }
                (vec![explicit], start + 1)
            }
            None => {
                let pat = self.pattern.get(start + 1..).unwrap_or_default();
                let count = match_argument(spec, pat)?;
                let values = self.args.get(start + 1..start + 1 + count).unwrap_or_default().to_vec();
                (values, start + 1 + count)
            }
        };
        self.take_action(action, &values)?;
        Ok(stop)
    }

    fn take_action(&mut self, action: usize, values: &[String]) -> Result<(), String> {
        let Some(spec) = self.specs.get(action) else { return Ok(()) };
        if let Some(seen) = self.seen.get_mut(action) {
            *seen = true;
        }
        let value = get_values(spec, values)?;
        let stored = match spec.action {
            Action::Store => value,
            Action::StoreTrue => Py::Bool(true),
            Action::StoreFalse => Py::Bool(false),
        };
        self.out.set(&spec.dest, Slot::Val(stored));
        Ok(())
    }
}

/// `_match_argument` for an optional (whose pattern ignores `--`).
fn match_argument(spec: &Spec, pat: &[char]) -> Result<usize, String> {
    let leading = pat.iter().take_while(|c| **c == 'A').count();
    let fail = |msg: &str| Err(format!("argument {}: {msg}", spec.option));
    match spec.nargs {
        Nargs::One if leading == 0 => fail("expected one argument"),
        Nargs::One => Ok(1),
        Nargs::Optional => Ok(leading.min(1)),
        Nargs::ZeroOrMore => Ok(leading),
        Nargs::Zero => Ok(0),
    }
}

fn get_values(spec: &Spec, values: &[String]) -> Result<Py, String> {
    match (values, spec.nargs) {
        ([], Nargs::Optional) => match &spec.constant {
            Some(c) => convert(spec, c),
            None => Ok(Py::None),
        },
        ([single], Nargs::One | Nargs::Optional) => {
            let v = convert(spec, single)?;
            check_choice(spec, single)?;
            Ok(v)
        }
        _ => {
            let mut out = Vec::with_capacity(values.len());
            for v in values {
                out.push(convert(spec, v)?);
                check_choice(spec, v)?;
            }
            Ok(Py::List(out))
        }
    }
}

fn convert(spec: &Spec, text: &str) -> Result<Py, String> {
    let invalid = |ty: &str| format!("argument {}: invalid {ty} value: {}", spec.option, str_repr(text));
    match spec.conv {
        Conv::Str => Ok(Py::str(text)),
        Conv::Int => py_int(text).map(Py::Int).map_err(|_| invalid("int")),
        Conv::Float => py_float(text).map(Py::Float).map_err(|_| invalid("float")),
    }
}

/// `CLIArgParser._check_value`: the CLI's own "Invalid choice" message, two choices per line.
fn check_choice(spec: &Spec, value: &str) -> Result<(), String> {
    if spec.choices.is_empty() || spec.choices.contains(&value) {
        return Ok(());
    }
    let mut msg = vec!["Invalid choice, valid choices are:\n".to_string()];
    for pair in spec.choices.chunks(2) {
        msg.push(pair.iter().map(|c| format!("{c:<40}")).collect::<Vec<_>>().join(" | "));
    }
    let close = close_matches(value, spec.choices);
    if !close.is_empty() {
        msg.push(format!("\n\nInvalid choice: {}, maybe you meant:\n", str_repr(value)));
        msg.extend(close.iter().map(|w| format!("  * {w}")));
    }
    Err(format!("argument {}: {}", spec.option, msg.join("\n")))
}

/// `difflib.get_close_matches(word, possibilities, n=3, cutoff=0.8)`.
fn close_matches(word: &str, possibilities: &[&str]) -> Vec<String> {
    let b: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &str)> = possibilities
        .iter()
        .map(|x| {
            let a: Vec<char> = x.chars().collect();
            let total = a.len() + b.len();
            let ratio = if total == 0 { 1.0 } else { 2.0 * matching(&a, &b) as f64 / total as f64 };
            (ratio, *x)
        })
        .filter(|(r, _)| *r >= 0.8)
        .collect();
    scored.shared_sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(x.1)));
    scored.into_iter().take(3).map(|(_, x)| x.to_string()).collect()
}

/// Total size of `SequenceMatcher(None, a, b).get_matching_blocks()` (no junk: the words are short).
fn matching(a: &[char], b: &[char]) -> usize {
    let mut total = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (mut bi, mut bj, mut best) = (alo, blo, 0);
        let mut prev = vec![0usize; b.len() + 1];
        for i in alo..ahi {
            let mut cur = vec![0usize; b.len() + 1];
            for j in blo..bhi {
                if a.get(i) == b.get(j) {
                    let k = if j > 0 { prev.get(j - 1).copied().unwrap_or(0) } else { 0 } + 1;
                    if let Some(c) = cur.get_mut(j) {
                        *c = k;
                    }
                    if k > best {
                        (bi, bj, best) = (i + 1 - k, j + 1 - k, k);
                    }
                }
            }
            prev = cur;
        }
        if best > 0 {
            total += best;
            if alo < bi && blo < bj {
                queue.push((alo, bi, blo, bj));
            }
            if bi + best < ahi && bj + best < bhi {
                queue.push((bi + best, ahi, bj + best, bhi));
            }
        }
    }
    total
}
