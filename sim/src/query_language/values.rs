//! Typed argument values: agent versions, registration dates, task counts, booleans, and the
//! ordering of plain attribute text.

use std::cmp::Ordering;

/// Parses a version like `1.14.5` into numeric components. Each component is 1–18 digits, so it
/// fits a `u64`. Returns `None` for anything else (`1.x`, `1..2`, `v1.2`, empty).
pub(crate) fn parse_version(text: &str) -> Option<Vec<u64>> {
    let mut parts = Vec::new();
    for part in text.split('.') {
        if part.is_empty() || part.len() > 18 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts.push(part.parse::<u64>().ok()?);
    }
    Some(parts)
}

/// Compares versions numerically by component; missing trailing components count as 0,
/// so `1.14 == 1.14.0` and `1.14.5 > 1.9.0`.
pub(crate) fn compare_versions(a: &[u64], b: &[u64]) -> Ordering {
    let len = a.len().max(b.len());
    for i in 0..len {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        match x.cmp(&y) {
            Ordering::Equal => continue,
            other => return other,
        }
    }
    Ordering::Equal
}

/// Parses a `runningTasksCount` argument: a non-negative decimal integer.
pub(crate) fn parse_count(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok()
}

/// Parses an `agentConnected` argument: `true` or `false` (any letter case).
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn digits(text: &str, from: usize, len: usize) -> Option<i64> {
    let part = text.get(from..from + len)?;
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse::<i64>().ok()
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Parses a `registeredAt` argument in one of the documented formats, returning seconds since
/// the Unix epoch (UTC):
/// `2018-06-18T22:28:28+00:00` (any `±hh:mm` offset), `2018-06-18T22:28:28Z`,
/// `2018-06-18T22:28:28` (taken as UTC) and `2018-06-18` (midnight UTC).
pub(crate) fn parse_date(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(text, 0, 4)?;
    let month = digits(text, 5, 2)?;
    let day = digits(text, 8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut secs = days_from_civil(year, month, day) * 86_400;
    if b.len() == 10 {
        return Some(secs);
    }
    if b.len() < 19
        || b.get(10) != Some(&b'T')
        || b.get(13) != Some(&b':')
        || b.get(16) != Some(&b':')
    {
        return None;
    }
    let (h, m, s) = (
        digits(text, 11, 2)?,
        digits(text, 14, 2)?,
        digits(text, 17, 2)?,
    );
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    secs += h * 3600 + m * 60 + s;
    match text.get(19..)? {
        "" | "Z" => Some(secs),
        zone => {
            let zb = zone.as_bytes();
            let sign = match zb.first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            if zb.len() != 6 || zb.get(3) != Some(&b':') {
                return None;
            }
            let (oh, om) = (digits(zone, 1, 2)?, digits(zone, 4, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            Some(secs - sign * (oh * 3600 + om * 60))
        }
    }
}

/// A plain decimal number (`-`? digits (`.` digits)?), used to order attribute values.
fn decimal(text: &str) -> Option<f64> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(int) || frac.is_some_and(|f| !ok(f)) {
        return None;
    }
    text.parse::<f64>().ok()
}

/// Orders two attribute (or task group) values for `>`, `>=`, `<`, `<=`.
///
/// Sandbox-defined: the docs list these operators without saying how text is ordered. When
/// both sides are plain decimal numbers they are compared as numbers (so `10 > 9`), otherwise
/// as strings, byte by byte.
pub(crate) fn compare_text(a: &str, b: &str) -> Option<Ordering> {
    match (decimal(a), decimal(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        _ => Some(a.as_bytes().cmp(b.as_bytes())),
    }
}
