//! Docker's text formats: go-units sizes (`187MB`) and durations (`2 minutes`), tables laid out like Go's
//! `text/tabwriter` as the CLI configures it (min width 10, padding 3), RFC 3339 times, and JSON escaped and
//! indented the way `docker inspect` prints it.

/// `units.HumanSizeWithPrecision(size, 3)`: decimal units, three significant digits (`187MB`, `13.3kB`).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1000.0 && unit < UNITS.len() - 1 {
        size /= 1000.0;
        unit += 1;
    }
    format!("{}{}", go_g(size, 3), UNITS.get(unit).copied().unwrap_or("B"))
}

/// Go's `%.*g`.
pub fn go_g(value: f64, precision: usize) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let p = precision.max(1);
    let sci = format!("{:.*e}", p - 1, value);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let m = trim_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.unsigned_abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{value:.decimals$}")).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { s }
}

/// `units.HumanDuration` (what `docker images` shows before `ago`).
pub fn human_duration(seconds: i64) -> String {
    if seconds < 1 {
        return "Less than a second".into();
    }
    if seconds == 1 {
        return "1 second".into();
    }
    if seconds < 60 {
        return format!("{seconds} seconds");
    }
    let minutes = seconds / 60;
    if minutes == 1 {
        return "About a minute".into();
    }
    if minutes < 60 {
        return format!("{minutes} minutes");
    }
    let hours = seconds.saturating_add(1800) / 3600;
    if hours == 1 {
        "About an hour".into()
    } else if hours < 48 {
        format!("{hours} hours")
    } else if hours < 24 * 7 * 2 {
        format!("{} days", hours / 24)
    } else if hours < 24 * 30 * 2 {
        format!("{} weeks", hours / 24 / 7)
    } else if hours < 24 * 365 * 2 {
        format!("{} months", hours / 24 / 30)
    } else {
        format!("{} years", seconds / 3600 / 24 / 365)
    }
}

/// `CREATED` of `docker images`: `2 minutes ago`.
pub fn created_since(created: u64, now: u64) -> String {
    let age = i64::try_from(now).unwrap_or(i64::MAX).saturating_sub(i64::try_from(created).unwrap_or(i64::MAX));
    format!("{} ago", human_duration(age))
}

/// Lays out rows like `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`: every cell but the last of a row is
/// padded to its column's width (widest cell + 3, at least 10).
pub fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![10usize; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(row.len().saturating_sub(1)) {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count() + 3);
            }
        }
    }
    let mut out = String::new();
    for row in rows {
        let last = row.len().saturating_sub(1);
        for (i, cell) in row.iter().enumerate() {
            out.push_str(cell);
            if i < last {
                let w = widths.get(i).copied().unwrap_or(10);
                out.push_str(&" ".repeat(w.saturating_sub(cell.chars().count())));
            }
        }
        out.push('\n');
    }
    out
}

/// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// RFC 3339 in UTC, as Go prints a whole-second time (`2025-01-21T10:00:00Z`).
pub fn rfc3339(secs: u64) -> String {
    let secs = i64::try_from(secs).unwrap_or(0);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let rem = secs.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// `docker images --format '{{.CreatedAt}}'`: `2025-01-21 10:00:00 +0000 UTC`.
pub fn created_at(secs: u64) -> String {
    let t = rfc3339(secs);
    format!("{} {} +0000 UTC", t.get(..10).unwrap_or(""), t.get(11..19).unwrap_or(""))
}

/// Pretty JSON with four-space indent and Go's HTML escaping (`<` → `\u003c`), as `docker inspect` prints.
pub fn inspect_json(value: &serde_json::Value) -> String {
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    let text = match serde::Serialize::serialize(value, &mut ser) {
        Ok(()) => String::from_utf8_lossy(&buf).into_owned(),
        Err(_) => "[]".to_string(),
    };
    go_escape(&text)
}

/// Go's `encoding/json` escapes `<`, `>`, `&`, U+2028 and U+2029 (they can only occur inside strings).
pub fn go_escape(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026").replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_like_go_units() {
        assert_eq!(human_size(187_694_648), "188MB");
        assert_eq!(human_size(13_256), "13.3kB");
        assert_eq!(human_size(7_834_000), "7.83MB");
        assert_eq!(human_size(999), "999B");
        assert_eq!(human_size(1_000), "1kB");
        assert_eq!(human_size(1_020_000_000), "1.02GB");
        assert_eq!(human_size(999_600_000), "1e+03MB");
        assert_eq!(human_size(0), "0B");
    }

    #[test]
    fn durations_like_go_units() {
        let cases = [(0, "Less than a second"), (1, "1 second"), (59, "59 seconds"), (60, "About a minute"),
            (119, "About a minute"), (120, "2 minutes"), (3599, "59 minutes"), (3600, "About an hour"),
            (5399, "About an hour"), (5400, "2 hours"), (47 * 3600, "47 hours"), (48 * 3600, "2 days"),
            (13 * 86_400, "13 days"), (14 * 86_400, "2 weeks"), (59 * 86_400, "8 weeks"), (60 * 86_400, "2 months"),
            (729 * 86_400, "24 months"), (730 * 86_400, "2 years")];
        for (secs, want) in cases {
            assert_eq!(human_duration(secs), want, "{secs}s");
        }
        assert_eq!(created_since(100, 220), "2 minutes ago");
        assert_eq!(created_since(500, 100), "Less than a second ago");
    }

    #[test]
    fn tabwriter_layout() {
        let rows = vec![vec!["REPOSITORY".to_string(), "TAG".into(), "SIZE".into()], vec!["nginx".into(), "latest".into(), "192MB".into()]];
        assert_eq!(table(&rows), "REPOSITORY   TAG       SIZE\nnginx        latest    192MB\n");
    }

    #[test]
    fn times_and_json() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_735_689_600), "2025-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(created_at(1_735_689_600), "2025-01-01 00:00:00 +0000 UTC");
        let v = serde_json::json!([{"a": "<x&y>", "b": [], "c": {}}]);
        assert_eq!(inspect_json(&v), "[\n    {\n        \"a\": \"\\u003cx\\u0026y\\u003e\",\n        \"b\": [],\n        \"c\": {}\n    }\n]");
    }
}

#[cfg(test)]
mod extreme_tests {
    #[test]
    fn extreme_times_do_not_overflow() {
        assert!(super::created_since(0, u64::MAX).ends_with("years ago"));
        assert!(!super::rfc3339(u64::MAX).is_empty());
    }
}
