//! Dockerfile word processing, as BuildKit's shell lexer does it: quotes, the escape character, and
//! variable expansion (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`, `${VAR-default}`, `${VAR+alt}`),
//! plus the JSON (exec) form of `CMD`/`ENTRYPOINT`/`RUN`.

/// Looks a variable up; `None` when it is not defined.
pub type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Splits on unquoted whitespace, keeping quotes and escapes in the words (BuildKit's `parseWords`).
pub fn split_words(s: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                current.push(c);
                if c == escape && q == '"' {
                    if let Some(n) = chars.next() {
                        current.push(n);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c.is_whitespace() => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            None => {
                current.push(c);
                if c == escape {
                    if let Some(n) = chars.next() {
                        current.push(n);
                    }
                } else if c == '"' || c == '\'' {
                    quote = Some(c);
                }
            }
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Removes quotes and escapes and expands variables in one word. Names of undefined variables go to
/// `undefined`.
pub fn process_word(word: &str, escape: char, vars: Vars<'_>, undefined: &mut Vec<String>) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut quote: Option<char> = None;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match (quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') => quote = None,
            (Some('\''), _) => out.push(c),
            (None, '\'') | (None, '"') => quote = Some(c),
            (_, e) if e == escape => {
                if let Some(&n) = chars.get(i) {
                    i += 1;
                    // Inside double quotes only `"`, `$` and the escape itself are escaped.
                    if quote == Some('"') && n != '"' && n != '$' && n != escape {
                        out.push(e);
                    }
                    out.push(n);
                } else {
                    out.push(e);
                }
            }
            (_, '$') => i = expand(&chars, i, vars, &mut out, undefined, escape),
            _ => out.push(c),
        }
    }
    out
}

fn expand(chars: &[char], mut i: usize, vars: Vars<'_>, out: &mut String, undefined: &mut Vec<String>, escape: char) -> usize {
    let lookup = |name: &str, undefined: &mut Vec<String>| {
        let v = vars(name);
        if v.is_none() && !undefined.iter().any(|u| u == name) {
            undefined.push(name.to_string());
        }
        v
    };
    match chars.get(i) {
        Some('{') => {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') {
                i += 1;
            }
            let name: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let mut op = String::new();
            while chars.get(i).is_some_and(|c| *c == ':' || *c == '-' || *c == '+') && op.len() < 2 {
                op.push(chars.get(i).copied().unwrap_or(':'));
                i += 1;
            }
            let word_start = i;
            let mut depth = 0;
            while let Some(&c) = chars.get(i) {
                if c == '{' {
                    depth += 1;
                } else if c == '}' {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                i += 1;
            }
            let word: String = chars.get(word_start..i).unwrap_or_default().iter().collect();
            i += 1; // the closing brace
            let value = if op.is_empty() { lookup(&name, undefined) } else { vars(&name) };
            let set = value.as_ref().is_some_and(|v| !op.starts_with(':') || !v.is_empty());
            let sub = |w: &str, u: &mut Vec<String>| process_word(w, escape, vars, u);
            let result = match op.as_str() {
                ":-" | "-" => if set { value.unwrap_or_default() } else { sub(&word, undefined) },
                ":+" | "+" => if set { sub(&word, undefined) } else { String::new() },
                _ => value.unwrap_or_default(),
            };
            out.push_str(&result);
            i
        }
        Some(c) if c.is_ascii_alphabetic() || *c == '_' => {
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_') {
                i += 1;
            }
            let name: String = chars.get(start..i).unwrap_or_default().iter().collect();
            out.push_str(&lookup(&name, undefined).unwrap_or_default());
            i
        }
        _ => {
            out.push('$');
            i
        }
    }
}

/// Processes every word of `s` (split on unquoted whitespace).
pub fn process_words(s: &str, escape: char, vars: Vars<'_>, undefined: &mut Vec<String>) -> Vec<String> {
    split_words(s, escape).iter().map(|w| process_word(w, escape, vars, undefined)).collect()
}

/// The JSON (exec) form: a JSON array of strings, or `None` for the shell form.
pub fn json_array(s: &str) -> Option<Vec<String>> {
    let t = s.trim();
    if !t.starts_with('[') {
        return None;
    }
    serde_json::from_str::<Vec<String>>(t).ok()
}

/// Go's `time.ParseDuration`, in nanoseconds.
pub fn parse_duration(s: &str) -> Option<u64> {
    if s == "0" {
        return Some(0);
    }
    let mut total: f64 = 0.0;
    let mut rest = s;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let num_len = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let (num, tail) = rest.split_at(num_len);
        let value: f64 = num.parse().ok()?;
        let unit_len = tail.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_len);
        let scale = match unit {
            "ns" => 1.0,
            "us" | "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            _ => return None,
        };
        total += value * scale;
        rest = tail;
    }
    Some(total.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<String> {
        match name {
            "A" => Some("1".into()),
            "E" => Some(String::new()),
            _ => None,
        }
    }

    fn p(s: &str) -> String {
        let mut u = Vec::new();
        process_word(s, '\\', &vars, &mut u)
    }

    #[test]
    fn quotes_escapes_and_expansion() {
        assert_eq!(p("$A"), "1");
        assert_eq!(p("${A}x"), "1x");
        assert_eq!(p("'$A'"), "$A");
        assert_eq!(p("\"$A b\""), "1 b");
        assert_eq!(p("\\$A"), "$A");
        assert_eq!(p("${B:-def}"), "def");
        assert_eq!(p("${E:-def}"), "def");
        assert_eq!(p("${E-def}"), "");
        assert_eq!(p("${A:+alt}"), "alt");
        assert_eq!(p("${B:+alt}"), "");
        assert_eq!(p("a$"), "a$");
        let mut u = Vec::new();
        process_word("$NOPE", '\\', &vars, &mut u);
        assert_eq!(u, vec!["NOPE"]);
    }

    #[test]
    fn words_and_json() {
        assert_eq!(split_words("a \"b c\" d\\ e", '\\'), vec!["a", "\"b c\"", "d\\ e"]);
        assert_eq!(json_array("[\"nginx\", \"-g\", \"daemon off;\"]"), Some(vec!["nginx".into(), "-g".into(), "daemon off;".into()]));
        assert_eq!(json_array("[nginx]"), None);
        assert_eq!(parse_duration("1m30s"), Some(90_000_000_000));
        assert_eq!(parse_duration("500ms"), Some(500_000_000));
        assert_eq!(parse_duration("5x"), None);
    }
}
