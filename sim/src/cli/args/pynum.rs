//! Python's `int()` and `float()` conversions of CLI text, with their exact error messages, and Python's
//! `repr()` of a float (`1e+16`, `0.1`, `2.0`).

use super::pyvalue::{Py, bytes_repr, py_isspace, str_repr};

/// CPython's `sys.get_int_max_str_digits()` default.
const MAX_STR_DIGITS: usize = 4300;

/// Parses the decimal-integer grammar of `int()` (sign, digits, single underscores between digits).
fn parse_int_text(text: &str) -> Option<Result<i128, String>> {
    let t = text.trim_matches(py_isspace);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, t.get(1..)?),
        Some(b'+') => (false, t.get(1..)?),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    if !digits.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return None;
    }
    let count = digits.chars().filter(char::is_ascii_digit).count();
    if count > MAX_STR_DIGITS {
        return Some(Err(format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {count} digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    let mut value: i128 = 0;
    for d in digits.bytes().filter(u8::is_ascii_digit) {
        value = value.saturating_mul(10).saturating_add(i128::from(d - b'0'));
    }
    Some(Ok(if negative { -value } else { value }))
}

/// `int(s)` for a `str`.
pub(crate) fn py_int(s: &str) -> Result<i128, String> {
    parse_int_text(s).unwrap_or_else(|| Err(format!("invalid literal for int() with base 10: {}", str_repr(s))))
}

/// Whether `s` is a run of digits with single underscores between them.
fn digit_run(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('_')
        && !s.ends_with('_')
        && !s.contains("__")
        && s.chars().all(|c| c.is_ascii_digit() || c == '_')
}

fn parse_float_text(text: &str) -> Option<f64> {
    let t = text.trim_matches(py_isspace);
    let (sign, body) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, t.get(1..)?),
        Some(b'+') => (1.0, t.get(1..)?),
        _ => (1.0, t),
    };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(pos) => (body.get(..pos)?, Some(body.get(pos + 1..)?)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(pos) => (mantissa.get(..pos)?, Some(mantissa.get(pos + 1..)?)),
        None => (mantissa, None),
    };
    let int_ok = int_part.is_empty() || digit_run(int_part);
    let frac_ok = frac_part.is_none_or(|f| f.is_empty() || digit_run(f));
    let has_digits = !int_part.is_empty() || frac_part.is_some_and(|f| !f.is_empty());
    let exp_ok = exponent.is_none_or(|e| digit_run(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if !(int_ok && frac_ok && has_digits && exp_ok) {
        return None;
    }
    let cleaned: String = body.chars().filter(|c| *c != '_').collect();
    let cleaned = if cleaned.starts_with('.') { format!("0{cleaned}") } else { cleaned };
    cleaned.parse::<f64>().ok().map(|v| sign * v)
}

/// `float(s)` for a `str`.
pub(crate) fn py_float(s: &str) -> Result<f64, String> {
    parse_float_text(s).ok_or_else(|| format!("could not convert string to float: {}", str_repr(s)))
}

/// `int(value)` for any value (what the shorthand visitor and the scalar unpacker call).
pub(crate) fn int_of(value: &Py) -> Result<i128, String> {
    match value {
        Py::Str(s) => py_int(s),
        Py::Int(i) => Ok(*i),
        Py::Bool(b) => Ok(i128::from(*b)),
        Py::Float(f) if f.is_nan() => Err("cannot convert float NaN to integer".into()),
        Py::Float(f) if f.is_infinite() => Err("cannot convert float infinity to integer".into()),
        Py::Float(f) => Ok(f.trunc() as i128),
        Py::Bytes(b) => match std::str::from_utf8(b).ok().and_then(parse_int_text) {
            Some(r) => r,
            None => Err(format!("invalid literal for int() with base 10: {}", bytes_repr(b))),
        },
        other => Err(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.class_name()
        )),
    }
}

/// `float(value)` for any value.
pub(crate) fn float_of(value: &Py) -> Result<f64, String> {
    match value {
        Py::Str(s) => py_float(s),
        Py::Int(i) => Ok(*i as f64),
        Py::Bool(b) => Ok(if *b { 1.0 } else { 0.0 }),
        Py::Float(f) => Ok(*f),
        Py::Bytes(b) => std::str::from_utf8(b)
            .ok()
            .and_then(parse_float_text)
            .ok_or_else(|| format!("could not convert string to float: {}", bytes_repr(b))),
        other => Err(format!("float() argument must be a string or a real number, not '{}'", other.class_name())),
    }
}

/// Python's `repr(float)`: the shortest round-tripping digits, fixed notation for exponents -4..16,
/// scientific (`1e+16`, `1.5e-07`) otherwise.
pub(crate) fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "-1.2345e3".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat(point.unsigned_abs() as usize), digits)
        } else if (point as usize) >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{a}.{b}")
        };
        format!("{sign}{body}")
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let mant = if rest.is_empty() { first.to_string() } else { format!("{first}.{rest}") };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mant}e{esign}{:02}", exp.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_parsing_matches_python() {
        assert_eq!(py_int(" 42 "), Ok(42));
        assert_eq!(py_int("-1_000"), Ok(-1000));
        assert_eq!(py_int("007"), Ok(7));
        assert_eq!(py_int("abc"), Err("invalid literal for int() with base 10: 'abc'".into()));
        assert_eq!(py_int("1.5"), Err("invalid literal for int() with base 10: '1.5'".into()));
        assert_eq!(py_int(""), Err("invalid literal for int() with base 10: ''".into()));
        assert_eq!(py_int("1__0"), Err("invalid literal for int() with base 10: '1__0'".into()));
        assert!(int_of(&Py::List(vec![])).unwrap_err().ends_with("not 'list'"));
    }

    #[test]
    fn float_parsing_and_repr_match_python() {
        assert_eq!(py_float("1.5"), Ok(1.5));
        assert_eq!(py_float(".5"), Ok(0.5));
        assert_eq!(py_float("5."), Ok(5.0));
        assert_eq!(py_float("1e3"), Ok(1000.0));
        assert!(py_float("nan").is_ok_and(f64::is_nan));
        assert_eq!(py_float("x"), Err("could not convert string to float: 'x'".into()));
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123456.789), "123456.789");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-2.5e20), "-2.5e+20");
    }
}
