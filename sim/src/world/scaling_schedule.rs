//! When a scheduled action of Application Auto Scaling runs (ecs-facts.md §3.4): `at(yyyy-mm-ddThh:mm:ss)`
//! once, `rate(value unit)` repeatedly, `cron(minutes hours day-of-month month day-of-week year)`, all in UTC.
//! Also the timestamp reading the scaling and CloudWatch operations share (ISO 8601 or epoch seconds).

use crate::clock::{SimDuration, SimTime};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// A parsed schedule expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    At(SimTime),
    Rate(SimDuration),
    Cron(Box<Cron>),
}

/// The six fields of a cron expression, each as the set of values it allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    minutes: Vec<u32>,
    hours: Vec<u32>,
    days_of_month: Option<Vec<u32>>,
    months: Vec<u32>,
    /// 1 = Sunday … 7 = Saturday, as in AWS cron expressions.
    days_of_week: Option<Vec<u32>>,
    years: Option<Vec<u32>>,
}

/// Reads `at(...)`, `rate(...)` or `cron(...)`; the error says what is wrong.
pub fn parse(expr: &str) -> Result<Schedule, String> {
    let expr = expr.trim();
    let inner = |prefix: &str| expr.strip_prefix(prefix).and_then(|r| r.strip_suffix(')'));
    if let Some(at) = inner("at(") {
        return parse_timestamp(at).map(Schedule::At).ok_or_else(|| format!("at({at}) is not a time of the form yyyy-mm-ddThh:mm:ss"));
    }
    if let Some(rate) = inner("rate(") {
        let mut parts = rate.split_whitespace();
        let (Some(n), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("rate({rate}) must be rate(value unit)"));
        };
        let n: u64 = n.parse().ok().filter(|n| *n > 0).ok_or_else(|| format!("rate({rate}): the value must be a positive whole number"))?;
        let secs = match unit {
            "minute" | "minutes" => 60,
            "hour" | "hours" => 3_600,
            "day" | "days" => 86_400,
            _ => return Err(format!("rate({rate}): the unit must be minute(s), hour(s) or day(s)")),
        };
        if (n == 1) != unit.ends_with(|c| c != 's') {
            return Err(format!("rate({rate}): use the singular unit for 1 and the plural otherwise"));
        }
        return Ok(Schedule::Rate(SimDuration::secs(n * secs)));
    }
    if let Some(cron) = inner("cron(") {
        return parse_cron(cron).map(|c| Schedule::Cron(Box::new(c)));
    }
    Err("the schedule must be at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)".to_string())
}

fn parse_cron(text: &str) -> Result<Cron, String> {
    let fields: Vec<&str> = text.split_whitespace().collect();
    let [min, hour, dom, month, dow, year] = fields.as_slice() else {
        return Err(format!("cron({text}) must have 6 fields: minutes hours day-of-month month day-of-week year"));
    };
    const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    let dom_any = *dom == "?";
    let dow_any = *dow == "?";
    if dom_any == dow_any && !(*dom == "*" && dow_any) && !(dom_any && *dow == "*") {
        return Err(format!("cron({text}): one of day-of-month and day-of-week must be ?"));
    }
    Ok(Cron {
        minutes: field(min, 0, 59, &[], "minutes")?,
        hours: field(hour, 0, 23, &[], "hours")?,
        days_of_month: if dom_any { None } else { Some(field(dom, 1, 31, &[], "day-of-month")?) },
        months: field(month, 1, 12, &MONTHS, "month")?,
        days_of_week: if dow_any { None } else { Some(field(dow, 1, 7, &DAYS, "day-of-week")?) },
        years: if *year == "*" { None } else { Some(field(year, 1970, 2199, &[], "year")?) },
    })
}

/// One cron field: `*`, `n`, `a-b`, `*/s`, `a/s`, `a-b/s`, lists of these; names for months and days.
fn field(text: &str, lo: u32, hi: u32, names: &[&str], what: &str) -> Result<Vec<u32>, String> {
    let bad = || format!("the {what} field '{text}' is not valid (allowed {lo}-{hi})");
    let value = |s: &str| -> Result<u32, String> {
        if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(s)) {
            return Ok(lo + i as u32);
        }
        s.parse::<u32>().ok().filter(|v| (lo..=hi).contains(v)).ok_or_else(bad)
    };
    let mut out = Vec::new();
    for part in text.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().ok().filter(|s| *s > 0).ok_or_else(bad)?),
            None => (part, 1),
        };
        let (a, b) = if range == "*" || range == "?" {
            (lo, hi)
        } else if let Some((a, b)) = range.split_once('-') {
            (value(a)?, value(b)?)
        } else {
            let a = value(range)?;
            (a, if step > 1 { hi } else { a })
        };
        if a > b {
            return Err(bad());
        }
        out.extend((a..=b).step_by(step as usize));
    }
    Ok(out)
}

fn datetime(t: SimTime) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(i64::try_from(t.0 / 1000).ok()?).ok()
}

impl Cron {
    fn matches(&self, t: SimTime) -> bool {
        let Some(d) = datetime(t) else { return false };
        let dow = u32::from(d.weekday().number_days_from_sunday()) + 1;
        self.minutes.contains(&u32::from(d.minute()))
            && self.hours.contains(&u32::from(d.hour()))
            && self.months.contains(&u32::from(u8::from(d.month())))
            && self.days_of_month.as_ref().is_none_or(|v| v.contains(&u32::from(d.day())))
            && self.days_of_week.as_ref().is_none_or(|v| v.contains(&dow))
            && self.years.as_ref().is_none_or(|v| d.year() >= 0 && v.contains(&(d.year() as u32)))
    }
}

impl Schedule {
    /// Whether the action runs in the minute starting at `minute` (a whole minute). `anchor` is when a
    /// `rate` schedule counts from (its StartTime, or when it was created).
    pub fn due(&self, minute: SimTime, anchor: SimTime) -> bool {
        let floor = |t: SimTime| SimTime(t.0 - t.0 % 60_000);
        match self {
            Schedule::At(at) => floor(*at) == minute,
            Schedule::Rate(every) => {
                let start = floor(anchor);
                minute > start && (minute.0 - start.0).is_multiple_of(every.as_millis().max(60_000))
            }
            Schedule::Cron(c) => c.matches(minute),
        }
    }
}

/// Reads a timestamp as botocore accepts it for these operations: epoch seconds, or ISO 8601
/// `yyyy-mm-dd[Thh:mm[:ss[.fff]]][Z|+00:00]` (UTC).
pub fn parse_timestamp(text: &str) -> Option<SimTime> {
    let text = text.trim();
    if let Ok(secs) = text.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| SimTime((secs * 1000.0).round() as u64));
    }
    let text = text.strip_suffix('Z').or_else(|| text.strip_suffix("+00:00")).unwrap_or(text);
    let (date, time) = text.split_once(['T', ' ']).unwrap_or((text, "00:00:00"));
    let mut d = date.split('-');
    let (Some(y), Some(m), Some(day), None) = (d.next(), d.next(), d.next(), d.next()) else { return None };
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = Date::from_calendar_date(y.parse().ok()?, month, day.parse().ok()?).ok()?;
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let mut t = hms.split(':');
    let h: u8 = t.next()?.parse().ok()?;
    let mi: u8 = t.next()?.parse().ok()?;
    let s: u8 = t.next().map_or(Some(0), |s| s.parse().ok())?;
    let ms: u16 = if frac.is_empty() { 0 } else { format!("{frac:0<3}")[..3].parse().ok()? };
    let time = Time::from_hms_milli(h, mi, s, ms).ok()?;
    let ts = PrimitiveDateTime::new(date, time).assume_utc().unix_timestamp_nanos() / 1_000_000;
    u64::try_from(ts).ok().map(SimTime)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::START;

    #[test]
    fn at_runs_once_in_its_minute() {
        let s = parse("at(2026-03-02T09:05:00)").unwrap();
        let nine_oh_five = parse_timestamp("2026-03-02T09:05:00Z").unwrap();
        assert!(s.due(nine_oh_five, START));
        assert!(!s.due(SimTime(nine_oh_five.0 + 60_000), START));
    }

    #[test]
    fn rate_counts_from_its_anchor() {
        let s = parse("rate(5 minutes)").unwrap();
        assert!(s.due(START + SimDuration::minutes(5), START));
        assert!(!s.due(START + SimDuration::minutes(6), START));
        assert!(parse("rate(1 minutes)").is_err());
        assert!(parse("rate(0 hours)").is_err());
    }

    #[test]
    fn cron_matches_fields_in_utc() {
        // START is 2026-03-02T09:00:00Z, a Monday.
        assert!(parse("cron(0 9 * * ? *)").unwrap().due(START, START));
        assert!(parse("cron(0 9 ? * MON *)").unwrap().due(START, START));
        assert!(!parse("cron(0 9 ? * 1 *)").unwrap().due(START, START), "1 is Sunday");
        assert!(parse("cron(*/15 * * * ? *)").unwrap().due(START + SimDuration::minutes(15), START));
        assert!(parse("cron(0 9 * *)").is_err());
        assert!(parse("cron(61 9 * * ? *)").is_err());
        assert!(parse("sometimes").is_err());
    }

    #[test]
    fn timestamps_read_iso_and_epoch() {
        assert_eq!(parse_timestamp("2026-03-02T09:00:00Z"), Some(START));
        assert_eq!(parse_timestamp("2026-03-02T09:00:00.000+00:00"), Some(START));
        assert_eq!(parse_timestamp("1772442000"), Some(START));
        assert_eq!(parse_timestamp("2026-13-02T09:00:00"), None);
    }
}
