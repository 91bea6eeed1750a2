//! Image references, `[domain/]path[:tag][@digest]`, parsed and normalised the way Docker's
//! `distribution/reference` does (`ParseNormalizedNamed`, `FamiliarString`, `TagNameOnly`).
//!
//! Rules: a first component with no `.` or `:` that is not `localhost` is not a domain, so the domain is
//! `docker.io`; `index.docker.io` becomes `docker.io`; a one-component path on `docker.io` gets `library/`.
//! The *familiar* form drops `docker.io/` and `library/` again (`docker.io/library/nginx` → `nginx`).

use thiserror::Error;

pub const DEFAULT_DOMAIN: &str = "docker.io";
const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
const OFFICIAL_PREFIX: &str = "library/";
const NAME_TOTAL_LENGTH_MAX: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReferenceError {
    #[error("invalid reference format")]
    InvalidFormat,
    #[error("invalid reference format: repository name ({0}) must be lowercase")]
    Uppercase(String),
    #[error("repository name must not be more than 255 characters")]
    NameTooLong,
    #[error("invalid repository name ({0}), cannot specify 64-byte hexadecimal strings")]
    HexName(String),
    #[error("repository name must have at least one component")]
    Empty,
}

/// A parsed, normalised reference.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    pub domain: String,
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Reference {
    /// `ParseNormalizedNamed`.
    pub fn parse(s: &str) -> Result<Reference, ReferenceError> {
        if is_full_hex_id(s) {
            return Err(ReferenceError::HexName(s.to_string()));
        }
        if s.is_empty() {
            return Err(ReferenceError::Empty);
        }
        let (domain, remainder) = split_docker_domain(s);
        let remote = remainder.split(':').next().unwrap_or(&remainder);
        if remote.to_lowercase() != remote {
            return Err(ReferenceError::Uppercase(remote.to_string()));
        }
        let (rest, digest) = match remainder.split_once('@') {
            Some((r, d)) => (r.to_string(), Some(d.to_string())),
            None => (remainder.clone(), None),
        };
        if let Some(d) = &digest
            && !valid_digest(d) {
                return Err(ReferenceError::InvalidFormat);
            }
        let (path, tag) = match rest.rfind(':') {
            Some(i) if !rest[i..].contains('/') => (rest[..i].to_string(), Some(rest[i + 1..].to_string())),
            _ => (rest, None),
        };
        if let Some(t) = &tag
            && !valid_tag(t) {
                return Err(ReferenceError::InvalidFormat);
            }
        if !valid_domain(&domain) || !valid_path(&path) {
            return Err(ReferenceError::InvalidFormat);
        }
        if domain.len() + 1 + path.len() > NAME_TOTAL_LENGTH_MAX {
            return Err(ReferenceError::NameTooLong);
        }
        Ok(Reference { domain, path, tag, digest })
    }

    /// `domain/path`.
    pub fn name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// The name as Docker shows it (`nginx`, `alice/web`, `123….amazonaws.com/web`).
    pub fn familiar_name(&self) -> String {
        if self.domain == DEFAULT_DOMAIN {
            self.path.strip_prefix(OFFICIAL_PREFIX).filter(|p| !p.contains('/')).unwrap_or(&self.path).to_string()
        } else {
            self.name()
        }
    }

    /// Familiar name with tag and digest (`nginx:latest`, `nginx@sha256:…`).
    pub fn familiar_string(&self) -> String {
        self.render(&self.familiar_name())
    }

    /// Full name with tag and digest (`docker.io/library/nginx:latest`).
    pub fn full_string(&self) -> String {
        self.render(&self.name())
    }

    fn render(&self, name: &str) -> String {
        let mut out = name.to_string();
        if let Some(t) = &self.tag {
            out.push(':');
            out.push_str(t);
        }
        if let Some(d) = &self.digest {
            out.push('@');
            out.push_str(d);
        }
        out
    }

    /// `TagNameOnly`: a name with neither tag nor digest gets `latest`.
    pub fn with_default_tag(mut self) -> Reference {
        if self.tag.is_none() && self.digest.is_none() {
            self.tag = Some("latest".to_string());
        }
        self
    }

    /// True when neither tag nor digest was given.
    pub fn is_name_only(&self) -> bool {
        self.tag.is_none() && self.digest.is_none()
    }

    /// The name with only this tag (drops the digest).
    pub fn with_tag(&self, tag: &str) -> Reference {
        Reference { tag: Some(tag.to_string()), digest: None, ..self.clone() }
    }

    /// The name with only this digest (drops the tag).
    pub fn with_digest(&self, digest: &str) -> Reference {
        Reference { tag: None, digest: Some(digest.to_string()), ..self.clone() }
    }
}

fn split_docker_domain(name: &str) -> (String, String) {
    let (mut domain, mut remainder) = match name.find('/') {
        Some(i) => {
            let first = &name[..i];
            if !first.contains(['.', ':']) && first != "localhost" && first.to_lowercase() == first {
                (DEFAULT_DOMAIN.to_string(), name.to_string())
            } else {
                (first.to_string(), name[i + 1..].to_string())
            }
        }
        None => (DEFAULT_DOMAIN.to_string(), name.to_string()),
    };
    if domain == LEGACY_DEFAULT_DOMAIN {
        domain = DEFAULT_DOMAIN.to_string();
    }
    if domain == DEFAULT_DOMAIN && !remainder.contains('/') {
        remainder = format!("{OFFICIAL_PREFIX}{remainder}");
    }
    (domain, remainder)
}

/// A 64-character lowercase hex string (an image ID without `sha256:`).
pub fn is_full_hex_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn valid_component(c: &str) -> bool {
    // [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*
    let bytes = c.as_bytes();
    if !bytes.first().is_some_and(|b| is_alnum(*b)) || !bytes.last().is_some_and(|b| is_alnum(*b)) {
        return false;
    }
    let mut sep = String::new();
    for &b in bytes {
        if is_alnum(b) {
            if !(sep.is_empty() || sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|s| s == b'-')) {
                return false;
            }
            sep.clear();
        } else {
            sep.push(char::from(b));
        }
    }
    true
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

fn valid_path(path: &str) -> bool {
    !path.is_empty() && path.split('/').all(valid_component)
}

fn valid_domain(domain: &str) -> bool {
    let (host, port) = match domain.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (domain, None),
    };
    if let Some(p) = port
        && (p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
            return false;
        }
    !host.is_empty()
        && host.split('.').all(|label| {
            let b = label.as_bytes();
            !b.is_empty()
                && b.first().is_some_and(|c| c.is_ascii_alphanumeric())
                && b.last().is_some_and(|l| l.is_ascii_alphanumeric())
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        })
}

fn valid_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && b.first().is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

fn valid_digest(d: &str) -> bool {
    match d.split_once(':') {
        Some(("sha256", hex)) => is_full_hex_id(hex),
        Some((alg, hex)) => {
            !alg.is_empty()
                && alg.as_bytes().first().is_some_and(|c| c.is_ascii_alphabetic())
                && hex.len() >= 32
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> String {
        Reference::parse(s).map(|r| r.with_default_tag().full_string()).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn normalises_like_docker() {
        assert_eq!(full("nginx"), "docker.io/library/nginx:latest");
        assert_eq!(full("nginx:1.27"), "docker.io/library/nginx:1.27");
        assert_eq!(full("alice/web"), "docker.io/alice/web:latest");
        assert_eq!(full("index.docker.io/nginx"), "docker.io/library/nginx:latest");
        assert_eq!(full("localhost/web"), "localhost/web:latest");
        assert_eq!(full("localhost:5000/web:v1"), "localhost:5000/web:v1");
        assert_eq!(
            full("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0"),
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.0"
        );
        assert_eq!(full("public.ecr.aws/nginx/nginx"), "public.ecr.aws/nginx/nginx:latest");
        let d = format!("sha256:{}", "a".repeat(64));
        assert_eq!(full(&format!("nginx@{d}")), format!("docker.io/library/nginx@{d}"));
    }

    #[test]
    fn familiar_forms() {
        let r = Reference::parse("docker.io/library/nginx:latest").unwrap();
        assert_eq!(r.familiar_string(), "nginx:latest");
        let r = Reference::parse("docker.io/library/a/b").unwrap();
        assert_eq!(r.familiar_name(), "library/a/b");
        let r = Reference::parse("registry-1.docker.io/library/nginx").unwrap();
        assert_eq!(r.familiar_name(), "registry-1.docker.io/library/nginx");
    }

    #[test]
    fn rejects_like_docker() {
        assert_eq!(full("Web"), "invalid reference format: repository name (library/Web) must be lowercase");
        assert_eq!(full("web:"), "invalid reference format");
        assert_eq!(full("web::1"), "invalid reference format");
        assert_eq!(full("-web"), "invalid reference format");
        assert_eq!(full("web@sha256:12"), "invalid reference format");
        assert_eq!(full(""), "repository name must have at least one component");
        let hex = "b".repeat(64);
        assert_eq!(full(&hex), format!("invalid repository name ({hex}), cannot specify 64-byte hexadecimal strings"));
        assert_eq!(full(&"a".repeat(300)), "repository name must not be more than 255 characters");
    }
}
