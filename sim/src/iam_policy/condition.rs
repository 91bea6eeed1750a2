//! Condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators" and
//! "Set operators for multivalued context keys").
//!
//! Semantics implemented:
//! - All entries of a `Condition` block must be true (AND); the values listed for one key are
//!   alternatives (OR); for a negated operator (`StringNotEquals`, `ArnNotLike`, …) the context
//!   value must match none of them.
//! - "If the key that you specify in a policy condition is not present in the request context,
//!   the values do not match and the condition is false. If the policy condition requires that
//!   the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not
//!   present, the condition is true." `...IfExists` is true when the key is absent; `Null`
//!   tests presence (`"true"` = absent).
//! - `ForAnyValue:` is true when at least one context value satisfies the operator (false when
//!   the key is absent); `ForAllValues:` when every context value does (true when the key is
//!   absent or empty).
//! - An operator IAM does not know makes the whole statement not apply
//!   ([`Outcome::UnknownOperator`]).

use std::net::IpAddr;

use super::document::ConditionEntry;
use super::variables::{Context, context_get, substitute};
use super::wildcard::{arn_like, wildcard_match};

/// `ForAnyValue:` / `ForAllValues:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetQualifier {
    /// `ForAnyValue:`
    ForAnyValue,
    /// `ForAllValues:`
    ForAllValues,
}

/// Base operators IAM supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BaseOperator {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

use BaseOperator as B;

const OPERATORS: [(&str, BaseOperator); 27] = [
    ("StringEquals", B::StringEquals),
    ("StringNotEquals", B::StringNotEquals),
    ("StringEqualsIgnoreCase", B::StringEqualsIgnoreCase),
    ("StringNotEqualsIgnoreCase", B::StringNotEqualsIgnoreCase),
    ("StringLike", B::StringLike),
    ("StringNotLike", B::StringNotLike),
    ("NumericEquals", B::NumericEquals),
    ("NumericNotEquals", B::NumericNotEquals),
    ("NumericLessThan", B::NumericLessThan),
    ("NumericLessThanEquals", B::NumericLessThanEquals),
    ("NumericGreaterThan", B::NumericGreaterThan),
    ("NumericGreaterThanEquals", B::NumericGreaterThanEquals),
    ("DateEquals", B::DateEquals),
    ("DateNotEquals", B::DateNotEquals),
    ("DateLessThan", B::DateLessThan),
    ("DateLessThanEquals", B::DateLessThanEquals),
    ("DateGreaterThan", B::DateGreaterThan),
    ("DateGreaterThanEquals", B::DateGreaterThanEquals),
    ("Bool", B::Bool),
    ("BinaryEquals", B::BinaryEquals),
    ("IpAddress", B::IpAddress),
    ("NotIpAddress", B::NotIpAddress),
    ("ArnEquals", B::ArnEquals),
    ("ArnLike", B::ArnLike),
    ("ArnNotEquals", B::ArnNotEquals),
    ("ArnNotLike", B::ArnNotLike),
    ("Null", B::Null),
];

impl BaseOperator {
    /// True for the "does not match" operators.
    pub fn is_negated(self) -> bool {
        matches!(
            self,
            B::StringNotEquals
                | B::StringNotEqualsIgnoreCase
                | B::StringNotLike
                | B::NumericNotEquals
                | B::DateNotEquals
                | B::NotIpAddress
                | B::ArnNotEquals
                | B::ArnNotLike
        )
    }

    /// True for the `Date*` operators (their values are checked when a policy is created).
    pub fn is_date(self) -> bool {
        matches!(
            self,
            B::DateEquals
                | B::DateNotEquals
                | B::DateLessThan
                | B::DateLessThanEquals
                | B::DateGreaterThan
                | B::DateGreaterThanEquals
        )
    }
}

/// A parsed operator such as `ForAllValues:StringLikeIfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    /// Set qualifier, if any.
    pub qualifier: Option<SetQualifier>,
    /// The base operator.
    pub base: BaseOperator,
    /// `...IfExists` suffix.
    pub if_exists: bool,
}

/// Parse an operator name (case-sensitive, as IAM spells them). `None` = unknown.
pub fn parse_operator(name: &str) -> Option<Operator> {
    let (qualifier, rest) = if let Some(r) = name.strip_prefix("ForAnyValue:") {
        (Some(SetQualifier::ForAnyValue), r)
    } else if let Some(r) = name.strip_prefix("ForAllValues:") {
        (Some(SetQualifier::ForAllValues), r)
    } else {
        (None, name)
    };
    let (rest, if_exists) = match rest.strip_suffix("IfExists") {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let base = OPERATORS.iter().find(|(n, _)| *n == rest).map(|(_, b)| *b)?;
    Some(Operator { qualifier, base, if_exists })
}

/// Result of one condition entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Outcome {
    /// The entry holds.
    True,
    /// The entry does not hold.
    False,
    /// IAM does not know the operator: the statement does not apply.
    UnknownOperator,
}

/// Evaluate one entry against the request context. `variables` enables `${...}`
/// substitution in the policy values (Version 2012-10-17). Returns the outcome and a
/// one-line reason for explanations.
pub fn evaluate_entry(entry: &ConditionEntry, ctx: &Context, variables: bool) -> (Outcome, String) {
    let Some(op) = parse_operator(&entry.operator) else {
        return (
            Outcome::UnknownOperator,
            format!("unknown condition operator {:?}: the statement does not apply", entry.operator),
        );
    };
    let present: &[String] = context_get(ctx, &entry.key).unwrap_or(&[]);
    let shown = format!("{} {:?} (request: {})", entry.operator, entry.key, show(present));
    let verdict = |ok: bool| (if ok { Outcome::True } else { Outcome::False }, shown.clone());
    if op.base == B::Null {
        let absent = present.is_empty();
        let ok = entry.values.iter().any(|v| match v.to_ascii_lowercase().as_str() {
            "true" => absent,
            "false" => !absent,
            _ => false,
        });
        return verdict(ok);
    }
    if present.is_empty() {
        let ok = if op.if_exists {
            true
        } else {
            match op.qualifier {
                Some(SetQualifier::ForAllValues) => true,
                Some(SetQualifier::ForAnyValue) => false,
                None => op.base.is_negated(),
            }
        };
        return (if ok { Outcome::True } else { Outcome::False }, format!("{shown}: key not in the request context"));
    }
    let policy_values: Vec<String> =
        entry.values.iter().filter_map(|v| if variables { substitute(v, ctx) } else { Some(v.clone()) }).collect();
    let matches_any = |cv: &str| policy_values.iter().any(|pv| positive_match(op.base, pv, cv));
    let pred = |cv: &String| matches_any(cv) != op.base.is_negated();
    let ok = match op.qualifier {
        Some(SetQualifier::ForAnyValue) => present.iter().any(pred),
        Some(SetQualifier::ForAllValues) => present.iter().all(pred),
        None if op.base.is_negated() => present.iter().all(pred),
        None => present.iter().any(pred),
    };
    verdict(ok)
}

fn show(values: &[String]) -> String {
    if values.is_empty() { "absent".into() } else { format!("{values:?}") }
}

/// The non-negated comparison behind each operator: does context value `cv` match policy
/// value `pv`?
fn positive_match(base: BaseOperator, pv: &str, cv: &str) -> bool {
    match base {
        B::StringEquals | B::StringNotEquals | B::BinaryEquals => pv == cv,
        B::StringEqualsIgnoreCase | B::StringNotEqualsIgnoreCase => pv.to_lowercase() == cv.to_lowercase(),
        B::StringLike | B::StringNotLike => wildcard_match(pv, cv),
        B::ArnEquals | B::ArnLike | B::ArnNotEquals | B::ArnNotLike => arn_like(pv, cv),
        B::Bool => {
            let (p, c) = (pv.to_ascii_lowercase(), cv.to_ascii_lowercase());
            (p == "true" || p == "false") && p == c
        }
        B::IpAddress | B::NotIpAddress => ip_in_cidr(pv, cv),
        B::NumericEquals | B::NumericNotEquals => cmp_num(pv, cv, |c, p| c == p),
        B::NumericLessThan => cmp_num(pv, cv, |c, p| c < p),
        B::NumericLessThanEquals => cmp_num(pv, cv, |c, p| c <= p),
        B::NumericGreaterThan => cmp_num(pv, cv, |c, p| c > p),
        B::NumericGreaterThanEquals => cmp_num(pv, cv, |c, p| c >= p),
        B::DateEquals | B::DateNotEquals => cmp_date(pv, cv, |c, p| c == p),
        B::DateLessThan => cmp_date(pv, cv, |c, p| c < p),
        B::DateLessThanEquals => cmp_date(pv, cv, |c, p| c <= p),
        B::DateGreaterThan => cmp_date(pv, cv, |c, p| c > p),
        B::DateGreaterThanEquals => cmp_date(pv, cv, |c, p| c >= p),
        B::Null => false,
    }
}

fn cmp_num(pv: &str, cv: &str, f: impl Fn(f64, f64) -> bool) -> bool {
    match (pv.trim().parse::<f64>(), cv.trim().parse::<f64>()) {
        (Ok(p), Ok(c)) if p.is_finite() && c.is_finite() => f(c, p),
        _ => false,
    }
}

fn cmp_date(pv: &str, cv: &str, f: impl Fn(f64, f64) -> bool) -> bool {
    match (parse_date(pv), parse_date(cv)) {
        (Some(p), Some(c)) => f(c, p),
        _ => false,
    }
}

/// Parse an ISO 8601 date/time (`2026-01-31`, `2026-01-31T12:00:00Z`, with fraction or
/// `+hh:mm` offset) or epoch seconds, to seconds since 1970-01-01T00:00:00Z.
pub fn parse_date(text: &str) -> Option<f64> {
    let t = text.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<f64>().ok();
    }
    let (date, time) = match t.split_once(['T', 't']) {
        Some((d, tm)) => (d, Some(tm)),
        None => (t, None),
    };
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day: i64 = parts.next().map_or(Some(1), |d| d.parse().ok())?;
    if parts.next().is_some()
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || !(-9999..=9999).contains(&year)
    {
        return None;
    }
    let mut seconds = (days_from_civil(year, month, day) * 86_400) as f64;
    if let Some(tm) = time {
        seconds += parse_time(tm)?;
    }
    Some(seconds)
}

fn parse_time(tm: &str) -> Option<f64> {
    let (clock, offset) = if let Some(c) = tm.strip_suffix(['Z', 'z']) {
        (c, 0.0)
    } else if let Some(pos) = tm.rfind(['+', '-']) {
        let (c, off) = tm.split_at(pos);
        let sign = if off.starts_with('-') { -1.0 } else { 1.0 };
        let mut hm = off.get(1..)?.split(':');
        let h: f64 = hm.next()?.parse().ok()?;
        let m: f64 = hm.next().map_or(Some(0.0), |m| m.parse().ok())?;
        (c, sign * (h * 3600.0 + m * 60.0))
    } else {
        (tm, 0.0)
    };
    let mut fields = clock.split(':');
    let h: f64 = fields.next()?.parse().ok()?;
    let m: f64 = fields.next().map_or(Some(0.0), |m| m.parse().ok())?;
    let s: f64 = fields.next().map_or(Some(0.0), |s| s.parse().ok())?;
    if fields.next().is_some() || !(0.0..24.0).contains(&h) || !(0.0..60.0).contains(&m) || !(0.0..61.0).contains(&s) {
        return None;
    }
    Some(h * 3600.0 + m * 60.0 + s - offset)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm); inputs are range-checked by the caller.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn ip_in_cidr(cidr: &str, ip: &str) -> bool {
    let (net, bits) = match cidr.trim().split_once('/') {
        Some((n, b)) => (n, b.parse::<u32>().ok()),
        None => (cidr.trim(), None),
    };
    match (net.parse::<IpAddr>(), ip.trim().parse::<IpAddr>()) {
        (Ok(IpAddr::V4(n)), Ok(IpAddr::V4(a))) => {
            masked_eq(u32::from(n).into(), u32::from(a).into(), bits.unwrap_or(32), 32)
        }
        (Ok(IpAddr::V6(n)), Ok(IpAddr::V6(a))) => masked_eq(u128::from(n), u128::from(a), bits.unwrap_or(128), 128),
        _ => false,
    }
}

fn masked_eq(net: u128, addr: u128, bits: u32, width: u32) -> bool {
    if bits > width {
        return false;
    }
    let shift = width - bits;
    let mask = if bits == 0 { 0 } else { u128::MAX.checked_shl(shift).unwrap_or(0) };
    let full = if width == 128 { u128::MAX } else { (1u128 << width) - 1 };
    (net & mask & full) == (addr & mask & full)
}
