//! `curl [-s] [-S] [-i] [-f] [-o FILE|/dev/null] [-w FORMAT] [-H 'Host: …'] [-X METHOD] URL`: an HTTP request
//! from the learner's machine to a load balancer's DNS name (ecs-facts.md §4), routed by
//! `services::elbv2::routing`. Nothing else resolves: the sandbox has no internet. Messages are curl 8's
//! (curl 8.5 ships with Amazon Linux 2023): `curl: (6) Could not resolve host: …`, `curl: (7) Failed to connect
//! to … port 81 after 2 ms: Couldn't connect to server` (the form quoted in https://github.com/curl/curl/issues/10863),
//! `curl: (28) Failed to connect to … port 80 after 130000 ms: Couldn't connect to server` (the form quoted in
//! https://github.com/DongboShi/bigdata_econ/issues/12; the 130 s is Linux's SYN retry budget, Not verbatim as
//! a number), `curl: (22) The requested URL returned error: 503`.

use super::interpreter::Io;
use crate::clock::SimDuration;
use crate::sandbox::Sandbox;
use crate::services::elbv2::routing::{self, Outcome, Request};
use crate::workspace::Workspace;

/// How long a connection attempt to a silent address lasts before the kernel gives up (Linux,
/// `tcp_syn_retries` = 6).
const CONNECT_TIMEOUT: SimDuration = SimDuration::secs(130);

#[derive(Debug, Default)]
struct Options {
    silent: bool,
    show_error: bool,
    include: bool,
    fail: bool,
    output: Option<String>,
    write_out: Option<String>,
    host_header: Option<String>,
    method: Option<String>,
    url: Option<String>,
}

fn usage_error(msg: &str) -> Io {
    Io { stderr: format!("curl: {msg}\ncurl: try 'curl --help' or 'curl --manual' for more information\n"), status: 2, ..Io::default() }
}

fn parse(args: &[String]) -> Result<Options, Io> {
    let mut o = Options::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        let mut value = |name: &str, attached: &str| -> Result<String, Io> {
            if !attached.is_empty() {
                return Ok(attached.to_string());
            }
            let v = args.get(i).cloned().ok_or_else(|| usage_error(&format!("option {name}: requires parameter")))?;
            i += 1;
            Ok(v)
        };
        match a.as_str() {
            "--silent" => o.silent = true,
            "--show-error" => o.show_error = true,
            "--include" => o.include = true,
            "--fail" => o.fail = true,
            "--output" => o.output = Some(value("--output", "")?),
            "--write-out" => o.write_out = Some(value("--write-out", "")?),
            "--header" => o.host_header = host_header(&value("--header", "")?).or(o.host_header),
            "--request" => o.method = Some(value("--request", "")?),
            s if s.starts_with("--") => return Err(usage_error(&format!("option {s}: is unknown"))),
            s if s.starts_with('-') && s.len() > 1 => {
                let chars: Vec<char> = s[1..].chars().collect();
                let mut k = 0;
                while k < chars.len() {
                    let c = chars[k];
                    let rest: String = chars[k + 1..].iter().collect();
                    match c {
                        's' => o.silent = true,
                        'S' => o.show_error = true,
                        'i' => o.include = true,
                        'f' => o.fail = true,
                        'o' | 'w' | 'H' | 'X' => {
                            let v = value(&format!("-{c}"), &rest)?;
                            match c {
                                'o' => o.output = Some(v),
                                'w' => o.write_out = Some(v),
                                'H' => o.host_header = host_header(&v).or(o.host_header.take()),
                                _ => o.method = Some(v),
                            }
                            break;
                        }
                        _ => return Err(usage_error(&format!("option -{c}: is unknown"))),
                    }
                    k += 1;
                }
            }
            _ => o.url = Some(a.clone()),
        }
    }
    Ok(o)
}

/// The value of a `Host:` header line.
fn host_header(line: &str) -> Option<String> {
    let (name, value) = line.split_once(':')?;
    name.trim().eq_ignore_ascii_case("host").then(|| value.trim().to_string())
}

pub(crate) struct Url {
    pub host: String,
    pub port: u16,
    pub path: String,
    pub query: String,
}

pub(crate) fn parse_url(url: &str) -> Result<Url, (i32, String)> {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("http".to_string(), url),
    };
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        other => return Err((1, format!("Protocol \"{other}\" not supported"))),
    };
    let rest = rest.split('#').next().unwrap_or_default();
    let (authority, path_query) = match rest.find(['/', '?']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    let path = if path.is_empty() { "/" } else { path };
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => {
            let port = p.parse::<u16>().map_err(|_| (3, "URL rejected: Port number was not a decimal number between 0 and 65535".to_string()))?;
            (h, port)
        }
        None => (authority, default_port),
    };
    if host.is_empty() {
        return Err((3, "URL rejected: No host part in the URL".into()));
    }
    Ok(Url { host: host.to_string(), port, path: path.to_string(), query: query.to_string() })
}

/// `-w` variables and escapes curl understands that matter here.
fn write_out(format: &str, code: u16, url: &str) -> String {
    format
        .replace("%{http_code}", &format!("{code:03}"))
        .replace("%{response_code}", &format!("{code:03}"))
        .replace("%{url_effective}", url)
        .replace("\\n", "\n")
        .replace("\\t", "\t")
}

pub fn run(sb: &mut Sandbox, args: &[String], ws: &mut dyn Workspace) -> Io {
    let o = match parse(args) {
        Ok(o) => o,
        Err(io) => return io,
    };
    let Some(url_text) = o.url.clone() else { return usage_error("no URL specified!") };
    let show_errors = !o.silent || o.show_error;
    let mut io = Io::default();
    let fail = |io: &mut Io, code: i32, msg: String| {
        if show_errors {
            io.stderr.push_str(&format!("curl: ({code}) {msg}\n"));
        }
        io.status = code;
    };
    let url = match parse_url(&url_text) {
        Ok(u) => u,
        Err((code, msg)) => {
            fail(&mut io, code, msg);
            return io;
        }
    };
    let host_header = o.host_header.clone().unwrap_or_else(|| url.host.clone());
    let method = o.method.clone().unwrap_or_else(|| "GET".into());
    let req = Request { host: &url.host, port: url.port, path: &url.path, query: &url.query, method: &method, host_header: &host_header };
    let outcome = {
        let mut ctx = sb.ctx();
        routing::route(&mut ctx, &req)
    };
    let response = match outcome {
        Outcome::Unresolved => {
            fail(&mut io, 6, format!("Could not resolve host: {}", url.host));
            None
        }
        Outcome::Refused => {
            fail(&mut io, 7, format!("Failed to connect to {} port {} after 2 ms: Couldn't connect to server", url.host, url.port));
            None
        }
        Outcome::ConnectTimeout => {
            sb.advance(CONNECT_TIMEOUT);
            let ms = CONNECT_TIMEOUT.as_millis();
            fail(&mut io, 28, format!("Failed to connect to {} port {} after {ms} ms: Couldn't connect to server", url.host, url.port));
            None
        }
        Outcome::Response(r) => Some(*r),
    };
    let code = response.as_ref().map_or(0, |r| r.status);
    if let Some(r) = response {
        if o.fail && r.status >= 400 {
            fail(&mut io, 22, format!("The requested URL returned error: {}", r.status));
        } else {
            let mut out = String::new();
            if o.include {
                out.push_str(&format!("HTTP/1.1 {} {}\n", r.status, r.reason));
                for (k, v) in &r.headers {
                    out.push_str(&format!("{k}: {v}\n"));
                }
                out.push('\n');
            }
            if method != "HEAD" {
                out.push_str(&r.body);
            }
            match o.output.as_deref() {
                None | Some("-") => io.stdout.push_str(&out),
                Some("/dev/null") => {}
                Some(file) => {
                    if let Err(e) = ws.write(file, &out) {
                        fail(&mut io, 23, format!("Failure writing output to destination: {e}"));
                    }
                }
            }
        }
    }
    if let Some(w) = &o.write_out {
        io.stdout.push_str(&write_out(w, code, &url_text));
    }
    io
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| (*x).to_string()).collect()
    }

    #[test]
    fn options_and_urls() {
        let o = parse(&args(&["-sSo", "/dev/null", "-w", "%{http_code}", "http://a.b/x"])).unwrap();
        assert!(o.silent && o.show_error);
        assert_eq!(o.output.as_deref(), Some("/dev/null"));
        assert_eq!(o.url.as_deref(), Some("http://a.b/x"));
        assert_eq!(parse(&args(&["--nope"])).unwrap_err().status, 2);
        assert_eq!(parse(&args(&["-o"])).unwrap_err().status, 2);
        let u = parse_url("lb-1.us-east-1.elb.amazonaws.com:8080/api/v1?x=1#f").unwrap();
        assert_eq!((u.host.as_str(), u.port, u.path.as_str(), u.query.as_str()), ("lb-1.us-east-1.elb.amazonaws.com", 8080, "/api/v1", "x=1"));
        assert_eq!(parse_url("ftp://x").err().map(|e| e.0), Some(1));
        assert_eq!(parse_url("http://:80/").err().map(|e| e.0), Some(3));
        assert_eq!(parse_url("http://x:99999/").err().map(|e| e.0), Some(3));
        assert_eq!(write_out("%{http_code}\\n", 0, "u"), "000\n");
    }
}
