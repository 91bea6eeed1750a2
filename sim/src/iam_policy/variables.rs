//! Request context lookup and policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`).
//!
//! IAM User Guide, "IAM policy elements: Variables and tags": variables work only with
//! `"Version": "2012-10-17"` (earlier versions take `${...}` literally); `${*}`, `${?}` and
//! `${$}` stand for the literal characters; `${key, 'default'}` gives a default; a variable
//! whose key is absent (and has no default) makes that value not match. Keys are
//! case-insensitive. Multivalued keys cannot be used as variables.

use std::collections::BTreeMap;

/// Request context: condition key -> values. Keys compare case-insensitively.
pub type Context = BTreeMap<String, Vec<String>>;

/// Values of a context key (case-insensitive key lookup).
pub fn context_get<'a>(ctx: &'a Context, key: &str) -> Option<&'a [String]> {
    if let Some(v) = ctx.get(key) {
        return Some(v.as_slice());
    }
    ctx.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_slice())
}

/// Replace `${...}` variables in `text`. `None` when a variable cannot be resolved (the
/// policy value then matches nothing).
pub fn substitute(text: &str, ctx: &Context) -> Option<String> {
    if !text.contains("${") {
        return Some(text.to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let (before, after) = rest.split_at(start);
        out.push_str(before);
        let body_and_more = after.get(2..).unwrap_or("");
        let Some(end) = body_and_more.find('}') else {
            // Unterminated: IAM keeps the text as it is.
            out.push_str(after);
            return Some(out);
        };
        let body = body_and_more.get(..end).unwrap_or("");
        out.push_str(&resolve(body, ctx)?);
        rest = body_and_more.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Some(out)
}

fn resolve(body: &str, ctx: &Context) -> Option<String> {
    match body.trim() {
        "*" => return Some("*".into()),
        "?" => return Some("?".into()),
        "$" => return Some("$".into()),
        _ => {}
    }
    let (key, default) = match body.split_once(',') {
        Some((k, d)) => {
            let d = d.trim();
            let d = d.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')).unwrap_or(d);
            (k.trim(), Some(d.to_string()))
        }
        None => (body.trim(), None),
    };
    match context_get(ctx, key) {
        Some([single]) => Some(single.clone()),
        _ => default,
    }
}
