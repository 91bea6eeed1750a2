//! The part of Go's `text/template` that `--format` needs here: `{{.Field}}`, `{{.A.B}}`, `{{json .X}}`,
//! `{{index .X 0}}`, `{{join .X ","}}`, `{{upper .X}}`, `{{lower .X}}`, literal text, and `\t`/`\n`
//! escapes as the Docker CLI replaces them. Values print the way Go's `fmt` prints them
//! (`[a b]`, `map[k:v]`).

use crate::shared_sort::SharedSort;
use serde_json::Value;

/// What a missing field gives: Go's `<no value>` (maps) or an error (structs, like `docker images`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    NoValue,
    Error(&'static str),
}

/// Go's `%v` of a JSON-decoded value.
pub fn go_print(v: &Value, key: &str) -> String {
    match v {
        Value::Null => match key {
            "Labels" | "Volumes" | "ExposedPorts" => "map[]".into(),
            "Env" | "Cmd" | "Entrypoint" | "OnBuild" | "RepoTags" | "RepoDigests" | "Shell" => "[]".into(),
            _ => "<nil>".into(),
        },
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => format!("[{}]", items.iter().map(|i| go_print(i, "")).collect::<Vec<_>>().join(" ")),
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.shared_sort();
            let inner: Vec<String> = keys
                .iter()
                .map(|k| {
                    let v = map.get(*k).unwrap_or(&Value::Null);
                    let shown = match v {
                        Value::Object(m) if m.is_empty() => "{}".to_string(),
                        other => go_print(other, k),
                    };
                    format!("{k}:{shown}")
                })
                .collect();
            format!("map[{}]", inner.join(" "))
        }
    }
}

fn lookup<'a>(root: &'a Value, path: &str, missing: Missing, col: usize) -> Result<(Option<&'a Value>, String), String> {
    let mut cur = root;
    let mut last = String::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        match cur.get(part) {
            Some(v) => cur = v,
            None => {
                return match missing {
                    Missing::NoValue => Ok((None, part.to_string())),
                    Missing::Error(ty) => Err(format!("template: :1:{col}: executing \"\" at <.{part}>: can't evaluate field {part} in type {ty}")),
                };
            }
        }
        last = part.to_string();
    }
    Ok((Some(cur), last))
}

fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn eval(action: &str, root: &Value, missing: Missing, col: usize) -> Result<String, String> {
    let args = split_args(action);
    let arg_value = |a: &str| -> Result<Option<(Value, String)>, String> {
        if a == "." {
            return Ok(Some((root.clone(), String::new())));
        }
        if let Some(path) = a.strip_prefix('.') {
            let (v, key) = lookup(root, path, missing, col)?;
            return Ok(v.map(|v| (v.clone(), key)));
        }
        let lit = a.trim_matches('"');
        Ok(Some((Value::String(lit.to_string()), String::new())))
    };
    let fail = |f: &str| Err(format!("template: :1: function \"{f}\" not defined"));
    match args.as_slice() {
        [single] if single.starts_with('.') => Ok(match arg_value(single)? {
            Some((v, key)) => go_print(&v, &key),
            None => "<no value>".into(),
        }),
        [f, a] if f == "json" => Ok(match arg_value(a)? {
            Some((v, _)) => super::format::go_escape(&v.to_string()),
            None => "null".into(),
        }),
        [f, a] if f == "upper" || f == "lower" => {
            let s = arg_value(a)?.map(|(v, k)| go_print(&v, &k)).unwrap_or_default();
            Ok(if f == "upper" { s.to_uppercase() } else { s.to_lowercase() })
        }
        [f, a, sep] if f == "join" => {
            let items = match arg_value(a)? {
                Some((Value::Array(items), _)) => items.iter().map(|i| go_print(i, "")).collect::<Vec<_>>(),
                _ => Vec::new(),
            };
            Ok(items.join(sep.trim_matches('"')))
        }
        [f, a, i] if f == "index" => {
            let v = arg_value(a)?.map(|(v, _)| v).unwrap_or(Value::Null);
            let item = match (&v, i.parse::<usize>()) {
                (Value::Array(items), Ok(n)) => items.get(n).cloned().ok_or_else(|| format!("template: :1:{col}: executing \"\" at <index {a} {i}>: error calling index: index out of range: {n}"))?,
                (Value::Object(map), _) => map.get(i.trim_matches('"')).cloned().unwrap_or(Value::Null),
                _ => Value::Null,
            };
            Ok(go_print(&item, ""))
        }
        [f, ..] if !f.starts_with('.') => fail(f),
        _ => Err(format!("template: :1: unexpected \"{action}\" in command")),
    }
}

/// Executes `template` against `root`.
pub fn render(template: &str, root: &Value, missing: Missing) -> Result<String, String> {
    let template = template.replace("\\t", "\t").replace("\\n", "\n");
    let mut out = String::new();
    let mut rest = template.as_str();
    let mut col = 1;
    while let Some(start) = rest.find("{{") {
        let (text, after) = rest.split_at(start);
        out.push_str(text);
        col += text.chars().count() + 2;
        let after = after.get(2..).unwrap_or("");
        let Some(end) = after.find("}}") else {
            return Err("template: :1: unclosed action".into());
        };
        let (action, tail) = after.split_at(end);
        let action = action.trim().trim_start_matches('-').trim_end_matches('-').trim();
        out.push_str(&eval(action, root, missing, col)?);
        col += action.chars().count() + 2;
        rest = tail.get(2..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_go() {
        let v = serde_json::json!({"Id": "sha256:abc", "Config": {"Cmd": ["nginx", "-g", "daemon off;"], "Labels": null,
            "ExposedPorts": {"80/tcp": {}}}, "RepoTags": ["a:1", "a:2"], "Size": 12});
        let r = |t: &str| render(t, &v, Missing::NoValue).unwrap();
        assert_eq!(r("{{.Id}}"), "sha256:abc");
        assert_eq!(r("{{.Config.Cmd}}"), "[nginx -g daemon off;]");
        assert_eq!(r("{{.Config.Labels}}"), "map[]");
        assert_eq!(r("{{.Config.ExposedPorts}}"), "map[80/tcp:{}]");
        assert_eq!(r("{{json .RepoTags}}"), "[\"a:1\",\"a:2\"]");
        assert_eq!(r("{{index .RepoTags 1}} {{.Size}}"), "a:2 12");
        assert_eq!(r("{{join .RepoTags \",\"}}"), "a:1,a:2");
        assert_eq!(r("{{.Nope}}"), "<no value>");
        assert_eq!(r("x\\ty"), "x\ty");
        assert!(render("{{.Nope}}", &v, Missing::Error("*formatter.imageContext")).unwrap_err().contains("can't evaluate field Nope"));
        assert!(render("{{range .RepoTags}}", &v, Missing::NoValue).is_err());
    }
}
