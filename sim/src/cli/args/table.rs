//! The operation's argument table, as `ServiceOperation._create_argument_table` and the
//! `building-argument-table` handlers make it: one option per input member (`--flag`/`--no-flag` pairs for
//! booleans, `nargs='*'` for lists), the customizations' edits, then `--cli-input-json`,
//! `--cli-input-yaml`, the pagination options and `--generate-cli-skeleton`.

use super::argparse::{Action, Conv, Nargs, Slot, Spec};
use super::customizations::{Custom, Customizations, Edit};
use super::pyvalue::Py;
use crate::cli::model::{OperationModel, ServiceModel, ShapeKind};
use serde_json::Value;

/// What an option does with its value when the request is built.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// `CLIArgument` / `ListArgument`: sets the input member.
    Member {
        member: String,
        shape: String,
    },
    /// `BooleanArgument`: the `--x`/`--no-x` pair shares the destination.
    Boolean {
        member: String,
    },
    /// `toplevelbool.py`'s `--x [Value=…]` (`positive`) and `--no-x` for a `{"Value": bool}` structure.
    TopBool {
        member: String,
        shape: String,
        positive: bool,
    },
    /// `PageArgument`: a key of `PaginationConfig`.
    Page {
        key: &'static str,
    },
    CliInput {
        yaml: bool,
    },
    Skeleton,
    Custom(Custom),
}

#[derive(Debug, Clone)]
pub(crate) struct CliArg {
    /// The name without dashes (the argument table's key).
    pub name: String,
    pub kind: Kind,
    pub spec: Spec,
}

impl CliArg {
    fn new(name: &str, kind: Kind, spec: Spec) -> CliArg {
        CliArg { name: name.to_string(), kind, spec }
    }

    /// `py_name`: the namespace key `_build_call_parameters` looks the value up under.
    pub fn py_name(&self) -> String {
        self.name.replace('-', "_")
    }

    pub fn cli_name(&self) -> String {
        format!("--{}", self.name)
    }
}

/// `parser.add_argument('--name')` with argparse's defaults.
pub(crate) fn store(name: &str) -> Spec {
    Spec {
        option: format!("--{name}"),
        dest: name.replace('-', "_"),
        nargs: Nargs::One,
        conv: Conv::Str,
        action: Action::Store,
        default: Slot::Val(Py::None),
        constant: None,
        choices: &[],
        required: false,
    }
}

fn flag(name: &str, dest: &str, action: Action, default: Py) -> Spec {
    Spec { dest: dest.to_string(), nargs: Nargs::Zero, action, default: Slot::Val(default), ..store(name) }
}

fn custom_spec(name: &str, custom: Custom) -> Spec {
    match custom {
        Custom::SecondaryPrivateIpAddresses => Spec { nargs: Nargs::ZeroOrMore, ..store(name) },
        Custom::SecondaryPrivateIpAddressCount => Spec { conv: Conv::Int, ..store(name) },
        Custom::AssociatePublicIpAddress => flag(name, &name.replace('-', "_"), Action::StoreTrue, Py::Bool(false)),
        Custom::NoAssociatePublicIpAddress => flag(name, &name.replace('-', "_"), Action::StoreFalse, Py::Bool(true)),
        _ => store(name),
    }
}

/// The options of the input members, in model order.
fn member_args(model: &ServiceModel, op: &OperationModel) -> Vec<CliArg> {
    let mut table = Vec::new();
    let Some(input) = op.input.as_deref().and_then(|i| model.shape(i)) else { return table };
    for member in &input.members {
        let name = op.cli.get(&member.name).and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| {
            member.name.to_lowercase() // the extractor always writes the mapping; never reached in practice
        });
        let required = input.required().contains(&member.name) && !member.idempotency_token;
        let kind = model.shape(&member.shape).map(|s| s.kind.clone()).unwrap_or(ShapeKind::String);
        let dest = name.replace('-', "_");
        match kind {
            ShapeKind::Boolean => {
                let kind = Kind::Boolean { member: member.name.clone() };
                table.push(CliArg::new(&name, kind.clone(), flag(&name, &dest, Action::StoreTrue, Py::None)));
                let negative = format!("no-{name}");
                table.push(CliArg::new(&negative, kind, flag(&negative, &dest, Action::StoreFalse, Py::None)));
            }
            other => {
                let spec = Spec {
                    nargs: if other == ShapeKind::List { Nargs::ZeroOrMore } else { Nargs::One },
                    conv: match other {
                        ShapeKind::Long => Conv::Int,
                        ShapeKind::Float | ShapeKind::Double => Conv::Float,
                        _ => Conv::Str,
                    },
                    required,
                    ..store(&name)
                };
                let kind = Kind::Member { member: member.name.clone(), shape: member.shape.clone() };
                table.push(CliArg::new(&name, kind, spec));
            }
        }
    }
    table
}

/// The whole table; the second value lists the options pagination shadows.
pub(crate) fn build(model: &ServiceModel, op: &OperationModel, custom: &Customizations) -> (Vec<CliArg>, Vec<String>) {
    let mut table = member_args(model, op);
    for edit in &custom.edits {
        match *edit {
            Edit::Rename(old, new) => {
                if let Some(pos) = table.iter().position(|a| a.name == old) {
                    let mut arg = table.remove(pos);
                    arg.name = new.to_string();
                    arg.spec.option = format!("--{new}");
                    // A `BooleanArgument` keeps the destination it was built with; argparse derives the
                    // others' from the (new) option string.
                    if !matches!(arg.kind, Kind::Boolean { .. }) {
                        arg.spec.dest = new.replace('-', "_");
                    }
                    put(&mut table, arg);
                }
            }
            Edit::Remove(name) => table.retain(|a| a.name != name),
            Edit::TopLevelBooleans => pull_up_booleans(model, &mut table),
            Edit::Add(name, c) => put(&mut table, CliArg::new(name, Kind::Custom(c), custom_spec(name, c))),
        }
    }
    table.push(CliArg::new("cli-input-json", Kind::CliInput { yaml: false }, store("cli-input-json")));
    table.push(CliArg::new("cli-input-yaml", Kind::CliInput { yaml: true }, store("cli-input-yaml")));
    let mut shadowed = Vec::new();
    if let Some(paging) = custom.paging {
        let page_type = paging
            .limit_key
            .and_then(|k| model.shape(op.input.as_deref()?)?.member(k))
            .and_then(|m| model.shape(&m.shape))
            .map(|s| if matches!(s.kind, ShapeKind::String) { Conv::Str } else { Conv::Int })
            .unwrap_or(Conv::Int);
        let mut pages = vec![("starting-token", "StartingToken", Conv::Str)];
        if paging.limit_key.is_some() {
            pages.push(("page-size", "PageSize", page_type));
        }
        pages.push(("max-items", "MaxItems", page_type));
        for (name, key, conv) in pages {
            if table.iter().any(|a| a.name == name) {
                shadowed.push(name.to_string());
            }
            put(&mut table, CliArg::new(name, Kind::Page { key }, Spec { conv, ..store(name) }));
        }
    }
    let skeleton = Spec {
        nargs: Nargs::Optional,
        constant: Some("input".into()),
        choices: SKELETON_CHOICES,
        ..store("generate-cli-skeleton")
    };
    table.push(CliArg::new("generate-cli-skeleton", Kind::Skeleton, skeleton));
    (table, shadowed)
}

/// `toplevelbool.pull_up_bool`.
fn pull_up_booleans(model: &ServiceModel, table: &mut Vec<CliArg>) {
    let candidates: Vec<(String, String, String)> = table
        .iter()
        .filter_map(|arg| match &arg.kind {
            Kind::Member { member, shape } => {
                let s = model.shape(shape)?;
                let [only] = s.members.as_slice() else { return None };
                let boolean = model.shape(&only.shape).is_some_and(|m| m.kind == ShapeKind::Boolean);
                (s.kind == ShapeKind::Structure && only.name == "Value" && boolean)
                    .then(|| (arg.name.clone(), member.clone(), shape.clone()))
            }
            _ => None,
        })
        .collect();
    for (name, member, shape) in candidates {
        let positive = Kind::TopBool { member: member.clone(), shape: shape.clone(), positive: true };
        let spec = Spec { nargs: Nargs::Optional, default: Slot::NotSpecified, ..store(&name) };
        put(table, CliArg::new(&name, positive, spec));
        let negative_name = format!("no-{name}");
        let negative = Kind::TopBool { member, shape, positive: false };
        let spec = Spec {
            default: Slot::NotSpecified,
            ..flag(&negative_name, &negative_name.replace('-', "_"), Action::StoreTrue, Py::None)
        };
        put(table, CliArg::new(&negative_name, negative, spec));
    }
}

/// `argument_table[name] = arg`: an existing entry is replaced where it stands, a new one goes last.
fn put(table: &mut Vec<CliArg>, arg: CliArg) {
    match table.iter_mut().find(|a| a.name == arg.name) {
        Some(slot) => *slot = arg,
        None => table.push(arg),
    }
}

/// `--generate-cli-skeleton`'s choices in CLI v2.
pub(crate) const SKELETON_CHOICES: &[&str] = &["input", "output", "yaml-input"];

/// `OverrideRequiredArgsArgument.override_required_args`: `--cli-input-json`/`--cli-input-yaml` as a token
/// of their own, or `--generate-cli-skeleton` not followed by `output`, make every option optional.
pub(crate) fn override_required(table: &mut [CliArg], argv: &[String]) {
    let has = |name: &str| argv.iter().any(|a| a == name);
    let skeleton = argv
        .iter()
        .position(|a| a == "--generate-cli-skeleton")
        .is_some_and(|i| argv.get(i + 1).map(String::as_str) != Some("output"));
    if has("--cli-input-json") || has("--cli-input-yaml") || skeleton {
        for arg in table.iter_mut() {
            arg.spec.required = false;
        }
    }
}
