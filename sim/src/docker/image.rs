//! Images as registries and the local store see them: an [`ImageManifest`] (a Docker schema 2 manifest, its
//! config and its layers) and the helpers that derive every digest from content.
//!
//! Words: a layer's `digest` is its compressed blob digest (what registries and `docker pull` lines show), its
//! `diff_id` the digest of the uncompressed tar (what `RootFS.Layers` and `docker push` lines show). The image
//! ID is the config digest; the manifest digest is what `docker push` prints and what ECR stores.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::collections::BTreeMap;

/// `sha256:` followed by the hex SHA-256 of `data`.
pub fn sha256_digest(data: &[u8]) -> String {
    let hash = Sha256::digest(data);
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    for byte in hash {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The hex part of a digest (`sha256:abc…` → `abc…`).
pub fn hex_of(digest: &str) -> &str {
    digest.split_once(':').map_or(digest, |(_, hex)| hex)
}

/// The 12-character short form Docker prints for IDs and layers.
pub fn short_id(digest: &str) -> String {
    hex_of(digest).chars().take(12).collect()
}

/// One layer of an image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// Compressed blob digest.
    pub digest: String,
    /// Compressed size in bytes (what a registry stores).
    pub size: u64,
    /// Digest of the uncompressed tar.
    pub diff_id: String,
    /// Uncompressed size in bytes (what `docker images` adds up).
    pub uncompressed_size: u64,
}

/// `HEALTHCHECK` as stored in an image config (durations in nanoseconds, 0 = unset).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthConfig {
    pub test: Vec<String>,
    pub interval_ns: u64,
    pub timeout_ns: u64,
    pub start_period_ns: u64,
    pub start_interval_ns: u64,
    pub retries: u64,
}

/// The runtime part of an image config (`Config` in `docker inspect`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageConfig {
    pub env: Vec<String>,
    pub cmd: Option<Vec<String>>,
    pub entrypoint: Option<Vec<String>>,
    /// `80/tcp`, `53/udp`…, sorted.
    pub exposed_ports: Vec<String>,
    pub working_dir: String,
    pub user: String,
    pub labels: BTreeMap<String, String>,
    /// Volume paths, sorted.
    pub volumes: Vec<String>,
    pub stop_signal: Option<String>,
    pub healthcheck: Option<HealthConfig>,
    pub args_escaped: bool,
    pub on_build: Vec<String>,
    pub shell: Option<Vec<String>>,
}

impl ImageConfig {
    /// The value of `name` in `env`, if set.
    pub fn env_value(&self, name: &str) -> Option<&str> {
        self.env.iter().find_map(|kv| kv.split_once('=').filter(|(k, _)| *k == name).map(|(_, v)| v))
    }
    /// Sets `name=value`, replacing an earlier value in place (Docker keeps the original position).
    pub fn set_env(&mut self, name: &str, value: &str) {
        let entry = format!("{name}={value}");
        match self.env.iter_mut().find(|kv| kv.split_once('=').is_some_and(|(k, _)| k == name)) {
            Some(slot) => *slot = entry,
            None => self.env.push(entry),
        }
    }
}

/// An image as a registry holds it: manifest, config and layers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageManifest {
    /// Digest of the platform manifest (`sha256:…`), derived from [`ImageManifest::manifest_json`].
    pub digest: String,
    /// For multi-platform public images: the digest of the image index, which `docker pull` reports.
    pub index_digest: Option<String>,
    /// The config digest: the image ID.
    pub config_digest: String,
    pub layers: Vec<Layer>,
    /// Compressed size: the sum of the layer sizes (ECR's `imageSizeInBytes`).
    pub size: u64,
    pub architecture: String,
    pub variant: Option<String>,
    pub os: String,
    /// Creation time, Unix seconds.
    pub created_secs: u64,
    pub config: ImageConfig,
    pub author: String,
    /// `buildkit.dockerfile.v0` for images built here.
    pub comment: String,
}

impl ImageManifest {
    /// A manifest from its parts; `seal` computes every digest.
    pub fn new(layers: Vec<Layer>, config: ImageConfig, architecture: &str, created_secs: u64) -> Self {
        let mut image = ImageManifest {
            digest: String::new(),
            index_digest: None,
            config_digest: String::new(),
            layers,
            size: 0,
            architecture: architecture.to_string(),
            variant: (architecture == "arm64").then(|| "v8".to_string()),
            os: "linux".to_string(),
            created_secs,
            config,
            author: String::new(),
            comment: String::new(),
        };
        image.seal(true);
        image
    }

    /// Recomputes `size`, `config_digest` and `digest` from content. With `time_in_id` false the creation
    /// time is left out of the config digest, so that the same Dockerfile and files give the same image ID.
    pub fn seal(&mut self, time_in_id: bool) {
        self.size = self.layers.iter().map(|l| l.size).sum();
        self.config_digest = sha256_digest(self.config_json(time_in_id).as_bytes());
        self.digest = sha256_digest(self.manifest_json().as_bytes());
    }

    /// Uncompressed size: what `docker images` shows.
    pub fn uncompressed_size(&self) -> u64 {
        self.layers.iter().map(|l| l.uncompressed_size).sum()
    }

    /// The OCI/Docker image config JSON the config digest is taken over.
    pub fn config_json(&self, with_time: bool) -> String {
        let c = &self.config;
        let mut config = serde_json::Map::new();
        config.insert("Env".into(), serde_json::json!(c.env));
        config.insert("Cmd".into(), serde_json::json!(c.cmd));
        config.insert("Entrypoint".into(), serde_json::json!(c.entrypoint));
        config.insert("ExposedPorts".into(), serde_json::json!(c.exposed_ports));
        config.insert("WorkingDir".into(), serde_json::json!(c.working_dir));
        config.insert("User".into(), serde_json::json!(c.user));
        config.insert("Labels".into(), serde_json::json!(c.labels));
        config.insert("Volumes".into(), serde_json::json!(c.volumes));
        config.insert("StopSignal".into(), serde_json::json!(c.stop_signal));
        config.insert("OnBuild".into(), serde_json::json!(c.on_build));
        config.insert("Shell".into(), serde_json::json!(c.shell));
        if let Some(h) = &c.healthcheck {
            config.insert(
                "Healthcheck".into(),
                serde_json::json!([h.test, h.interval_ns, h.timeout_ns, h.start_period_ns, h.retries]),
            );
        }
        let diff_ids: Vec<&str> = self.layers.iter().map(|l| l.diff_id.as_str()).collect();
        let mut root = serde_json::Map::new();
        root.insert("architecture".into(), serde_json::json!(self.architecture));
        root.insert("config".into(), serde_json::Value::Object(config));
        if with_time {
            root.insert("created".into(), serde_json::json!(self.created_secs));
        }
        root.insert("author".into(), serde_json::json!(self.author));
        root.insert("os".into(), serde_json::json!(self.os));
        root.insert("rootfs".into(), serde_json::json!({"type": "layers", "diff_ids": diff_ids}));
        serde_json::Value::Object(root).to_string()
    }

    /// The Docker schema 2 manifest as registries serve it (three-space indent, as Docker writes it).
    pub fn manifest_json(&self) -> String {
        let config_size = self.config_json(true).len();
        let mut out = String::from("{\n   \"schemaVersion\": 2,\n");
        out.push_str("   \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\",\n");
        out.push_str("   \"config\": {\n");
        out.push_str("      \"mediaType\": \"application/vnd.docker.container.image.v1+json\",\n");
        out.push_str(&format!("      \"size\": {config_size},\n      \"digest\": \"{}\"\n   }},\n", self.config_digest));
        out.push_str("   \"layers\": [");
        for (i, layer) in self.layers.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str("      {\n");
            out.push_str("         \"mediaType\": \"application/vnd.docker.image.rootfs.diff.tar.gzip\",\n");
            out.push_str(&format!("         \"size\": {},\n         \"digest\": \"{}\"\n      }}", layer.size, layer.digest));
        }
        out.push_str(if self.layers.is_empty() { "]\n}" } else { "\n   ]\n}" });
        out
    }

    /// Length in bytes of the manifest: the `size: N` of `docker push`.
    pub fn manifest_size(&self) -> usize {
        self.manifest_json().len()
    }

    /// Chain IDs of the layers, bottom first (`ChainID(n) = sha256(ChainID(n-1) + " " + DiffID(n))`).
    pub fn chain_ids(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.layers.len());
        for layer in &self.layers {
            let next = match out.last() {
                None => layer.diff_id.clone(),
                Some(parent) => sha256_digest(format!("{parent} {}", layer.diff_id).as_bytes()),
            };
            out.push(next);
        }
        out
    }
}

/// A layer whose digests derive from `key`, with the given sizes.
pub fn layer_from_key(key: &str, size: u64, uncompressed_size: u64) -> Layer {
    let diff_id = sha256_digest(format!("diff:{key}").as_bytes());
    let digest = sha256_digest(format!("blob:{diff_id}").as_bytes());
    Layer { digest, size, diff_id, uncompressed_size }
}

/// A deterministic number in `0..range` drawn from `key` (sizes of simulated layers).
pub fn number_from_key(key: &str, range: u64) -> u64 {
    let hash = Sha256::digest(key.as_bytes());
    let mut n: u64 = 0;
    for byte in hash.iter().take(8) {
        n = (n << 8) | u64::from(*byte);
    }
    if range == 0 { 0 } else { n % range }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_digest_is_the_digest_of_its_json() {
        let image = ImageManifest::new(vec![layer_from_key("a", 100, 300)], ImageConfig::default(), "amd64", 0);
        assert_eq!(image.digest, sha256_digest(image.manifest_json().as_bytes()));
        assert!(image.manifest_json().contains("\"size\": 100"));
        assert_eq!(image.chain_ids().len(), 1);
        assert_eq!(short_id("sha256:0123456789abcdef"), "0123456789ab");
    }

    #[test]
    fn env_is_replaced_in_place() {
        let mut c = ImageConfig { env: vec!["A=1".into(), "B=2".into()], ..Default::default() };
        c.set_env("A", "3");
        c.set_env("C", "4");
        assert_eq!(c.env, vec!["A=3", "B=2", "C=4"]);
        assert_eq!(c.env_value("B"), Some("2"));
    }
}
