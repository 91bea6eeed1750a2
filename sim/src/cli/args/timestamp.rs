//! Whether botocore accepts a value for a `timestamp` member (`parse_to_aware_datetime`): epoch numbers,
//! numeric strings, and what `dateutil.parser.parse` understands — here approximated by ISO 8601 dates and
//! times and the usual RFC 822 / "Jan 2 2024 10:00 PM" spellings.

use super::pynum::py_float;
use super::pyvalue::Py;

/// `datetime.fromtimestamp` works for years 1 to 9999.
fn epoch_ok(seconds: f64) -> bool {
    seconds.is_finite() && (-62_135_596_800.0..=253_402_300_799.0).contains(&seconds)
}

pub(crate) fn parses(value: &Py) -> bool {
    match value {
        Py::Bool(_) => true,
        Py::Int(i) => epoch_ok(*i as f64),
        Py::Float(f) => epoch_ok(*f),
        Py::Str(s) => py_float(s).map_or_else(|_| date_like(s), epoch_ok),
        Py::Bytes(b) => std::str::from_utf8(b).is_ok_and(date_like),
        _ => false,
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn named(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    let prefix_of = |full: &&str| w.len() >= 3 && full.starts_with(w);
    MONTHS.iter().any(prefix_of)
        || DAYS.iter().any(prefix_of)
        || matches!(w, "am" | "pm" | "utc" | "gmt" | "z" | "t" | "at" | "on" | "of" | "sept")
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `MM/DD/YYYY`, `DD.MM.YYYY`, with field ranges checked.
fn date_ok(token: &str) -> bool {
    let fields: Vec<&str> = token.split(['-', '/', '.']).collect();
    if fields.iter().any(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let n: Vec<u32> = fields.iter().map(|f| f.parse().unwrap_or(u32::MAX)).collect();
    match (fields.as_slice(), n.as_slice()) {
        ([y, ..], [_, m, rest @ ..]) if y.len() == 4 => {
            (1..=12).contains(m) && rest.iter().all(|d| (1..=31).contains(d))
        }
        (_, [a, b, ..]) => (1..=31).contains(a) && (1..=31).contains(b),
        _ => true,
    }
}

/// `hh:mm[:ss[.ffffff]]`, optionally with a `Z` or `±hh[:mm]` zone.
fn time_ok(token: &str) -> bool {
    let (clock, _) = match token.find(['+', '-', 'Z', 'z']) {
        Some(pos) => token.split_at(pos),
        None => (token, ""),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let nums: Vec<f64> = parts.iter().filter_map(|p| p.parse::<f64>().ok()).collect();
    nums.len() == parts.len()
        && (1..=3).contains(&parts.len())
        && nums.first().is_some_and(|h| (0.0..24.0).contains(h))
        && nums.get(1).is_none_or(|m| (0.0..60.0).contains(m))
        && nums.get(2).is_none_or(|s| (0.0..62.0).contains(s))
}

fn token_ok(token: &str) -> bool {
    if token.is_empty() || named(token) {
        return true;
    }
    if let Some((date, time)) = token.split_once(['T', 't']) {
        return date_ok(date) && (time.is_empty() || time_ok(time));
    }
    if token.contains(':') {
        return time_ok(token);
    }
    if let Some(zone) = token.strip_prefix(['+', '-']) {
        return zone.bytes().all(|b| b.is_ascii_digit() || b == b':');
    }
    date_ok(token) || token.bytes().all(|b| b.is_ascii_digit())
}

fn date_like(s: &str) -> bool {
    let tokens: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).collect();
    !tokens.is_empty()
        && tokens.iter().any(|t| t.bytes().any(|b| b.is_ascii_digit()))
        && tokens.iter().all(|t| token_ok(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_botocore_accepts() {
        for ok in [
            "2024-01-02",
            "2024-01-02T10:00:00Z",
            "2024-01-02T10:00:00.5+02:00",
            "1700000000",
            "Jan 2 2024",
            "Tue, 02 Jan 2024 10:00:00 GMT",
            "2024/01/02 10:00",
        ] {
            assert!(parses(&Py::str(ok)), "{ok}");
        }
        for bad in ["", "yesterday", "2024-13-01", "abc", "10:99"] {
            assert!(!parses(&Py::str(bad)), "{bad}");
        }
        assert!(parses(&Py::Int(0)));
        assert!(!parses(&Py::List(vec![])));
    }
}
