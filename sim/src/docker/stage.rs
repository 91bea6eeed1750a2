//! Running one build stage: each instruction updates the image config or adds a layer, as BuildKit's
//! Dockerfile frontend does (ENV overrides ARG, ENTRYPOINT clears an inherited CMD, WORKDIR is relative to the
//! previous one). Layers are simulated: their digests derive from the parent layer, the instruction and the
//! files it copies, and their sizes from that key, so the same inputs always give the same image.

use crate::shared_sort::SharedSort;
use super::dockerfile::Instruction;
use super::instructions::{Command, CommandLine};
use super::image::{layer_from_key, number_from_key, sha256_digest, HealthConfig, ImageConfig, Layer};
use super::progress::{match_source, ContextFile, Warning};
use super::words::{parse_duration, process_word, process_words};
use std::collections::BTreeMap;

/// A stage's result, for `COPY --from` and `FROM <stage>` and the exported image.
#[derive(Debug, Clone, Default)]
pub struct StageState {
    pub layers: Vec<Layer>,
    pub config: ImageConfig,
    pub author: String,
    /// Key of the top layer (or of the base image): what the next step's key builds on.
    pub chain: String,
    /// Declared ARGs and their values.
    pub args: BTreeMap<String, Option<String>>,
    pub shell: Vec<String>,
    pub cmd_set: bool,
    pub workdir_set: bool,
}

/// A step that adds a layer: what the progress shows and the key of its content.
#[derive(Debug, Clone)]
pub struct LayerStep {
    pub key: String,
}

/// Why a step failed: the vertex error line and the `failed to solve` text.
#[derive(Debug, Clone)]
pub struct StepError {
    pub vertex: String,
    pub solve: String,
}

/// What a stage's instructions can see.
pub struct StageInput<'a> {
    pub escape: char,
    pub build_args: &'a BTreeMap<String, String>,
    pub global_args: &'a BTreeMap<String, Option<String>>,
    pub predefined: &'a BTreeMap<String, String>,
    pub context: &'a [ContextFile],
    /// Chain keys of earlier stages by name and index, for `COPY --from`.
    pub stage_chains: &'a BTreeMap<String, String>,
    /// Keys of images named by `COPY --from=<image>`.
    pub image_keys: &'a BTreeMap<String, String>,
    pub context_id: &'a str,
}

impl StageState {
    fn vars(&self) -> BTreeMap<String, String> {
        let mut v: BTreeMap<String, String> = self.args.iter().filter_map(|(k, val)| val.clone().map(|x| (k.clone(), x))).collect();
        for kv in &self.config.env {
            if let Some((k, val)) = kv.split_once('=') {
                v.insert(k.to_string(), val.to_string());
            }
        }
        v
    }

    fn expand(&self, word: &str, input: &StageInput<'_>, undefined: &mut Vec<String>) -> String {
        let vars = self.vars();
        process_word(word, input.escape, &|n| vars.get(n).cloned(), undefined)
    }

    fn expand_words(&self, s: &str, input: &StageInput<'_>, undefined: &mut Vec<String>) -> Vec<String> {
        let vars = self.vars();
        process_words(s, input.escape, &|n| vars.get(n).cloned(), undefined)
    }

    fn command_line(&self, c: &CommandLine) -> (Vec<String>, bool) {
        match c {
            CommandLine::Exec(v) => (v.clone(), false),
            CommandLine::Shell(s) => {
                let mut v = self.shell.clone();
                v.push(s.clone());
                (v, true)
            }
        }
    }

    fn add_layer(&mut self, description: &str, uncompressed: u64, compressed: u64) -> LayerStep {
        let key = sha256_digest(format!("{}\n{description}", self.chain).as_bytes());
        self.layers.push(layer_from_key(&key, compressed, uncompressed));
        self.chain = key.clone();
        LayerStep { key }
    }

    /// Applies one instruction; `Ok(Some)` when it added a layer.
    pub fn apply(&mut self, ins: &Instruction, cmd: &Command, input: &StageInput<'_>, warnings: &mut Vec<Warning>) -> Result<Option<LayerStep>, StepError> {
        let mut undefined = Vec::new();
        let result = self.apply_inner(ins, cmd, input, &mut undefined);
        for name in undefined {
            warnings.push(Warning { rule: "UndefinedVar", message: format!("Usage of undefined variable '${name}'"), line: ins.line });
        }
        if let (Command::Workdir(w), Ok(_)) = (cmd, &result)
            && !w.starts_with('/') && !w.starts_with('$') && !self.workdir_set {
                warnings.push(Warning { rule: "WorkdirRelativePath", message: format!("Relative workdir \"{w}\" can have unexpected results if the base image changes"), line: ins.line });
            }
        if matches!(cmd, Command::Workdir(_)) {
            self.workdir_set = true;
        }
        result
    }

    fn apply_inner(&mut self, ins: &Instruction, cmd: &Command, input: &StageInput<'_>, undefined: &mut Vec<String>) -> Result<Option<LayerStep>, StepError> {
        match cmd {
            Command::From { .. } => {}
            Command::Arg(list) => {
                for (name, default) in list {
                    let value = match input.build_args.get(name) {
                        Some(v) => Some(v.clone()),
                        None => match default {
                            Some(d) => Some(self.expand(d, input, undefined)),
                            None => input.global_args.get(name).cloned().flatten().or_else(|| input.predefined.get(name).cloned()),
                        },
                    };
                    self.args.insert(name.clone(), value);
                }
            }
            Command::Env { pairs, .. } => {
                for (k, v) in pairs {
                    let value = self.expand(v, input, undefined);
                    let key = self.expand(k, input, undefined);
                    self.config.set_env(&key, &value);
                }
            }
            Command::Label { pairs, .. } => {
                for (k, v) in pairs {
                    let key = self.expand(k, input, undefined);
                    let value = self.expand(v, input, undefined);
                    self.config.labels.insert(key, value);
                }
            }
            Command::Run(line) => {
                let (argv, _) = self.command_line(line);
                let description = format!("RUN {argv:?} {:?} {:?} {} {} {:?}", ins.heredocs, self.vars(), self.config.user, self.config.working_dir, self.config.env);
                let key = sha256_digest(format!("{}\n{description}", self.chain).as_bytes());
                let text = argv.join(" ") + &ins.heredocs.concat();
                let heavy = ["install", "apk add", "pip ", "npm ci", "npm i", "yarn", "go build", "mvn", "gradle", "cargo build", "make"];
                let uncompressed = if heavy.iter().any(|h| text.contains(h)) {
                    8_000_000 + number_from_key(&key, 60_000_000)
                } else if text.contains("update") || text.contains("curl") || text.contains("wget") {
                    2_000_000 + number_from_key(&key, 20_000_000)
                } else {
                    number_from_key(&key, 24_000)
                };
                return Ok(Some(self.add_layer(&description, uncompressed, 32 + uncompressed * 37 / 100)));
            }
            Command::Copy { add, sources, dest, from } => {
                let dest = self.expand(dest, input, undefined);
                let dest = if dest.starts_with('/') { dest } else { join(&self.workdir(), &dest) };
                let mut description = format!("{} {dest}", if *add { "ADD" } else { "COPY" });
                let mut size: u64 = 0;
                let mut count: u64 = 0;
                let mut heredocs = ins.heredocs.iter();
                for raw in sources {
                    if raw.starts_with("<<") {
                        let body = heredocs.next().cloned().unwrap_or_default();
                        description.push_str(&format!(" heredoc:{}", sha256_digest(body.as_bytes())));
                        size += body.len() as u64;
                        count += 1;
                        continue;
                    }
                    for src in self.expand_words(raw, input, undefined) {
                        if let Some(stage) = from {
                            let source_key = input.stage_chains.get(&stage.to_ascii_lowercase()).or_else(|| input.image_keys.get(stage));
                            let k = source_key.cloned().unwrap_or_default();
                            description.push_str(&format!(" from:{k}:{src}"));
                            size += 100_000 + number_from_key(&format!("{k}{src}"), 20_000_000);
                            count += 1;
                        } else if *add && (src.starts_with("http://") || src.starts_with("https://") || src.starts_with("git@")) {
                            description.push_str(&format!(" url:{src}"));
                            size += 1_000_000 + number_from_key(&src, 9_000_000);
                            count += 1;
                        } else {
                            let Some(files) = match_source(input.context, &src) else {
                                let shown = format!("/{}", src.trim_start_matches("./").trim_start_matches('/').trim_end_matches('/'));
                                let id = input.context_id;
                                let message = format!("failed to calculate checksum of ref {id}: \"{shown}\": not found");
                                return Err(StepError { solve: format!("failed to compute cache key: {message}"), vertex: message });
                            };
                            for f in files {
                                description.push_str(&format!(" {}:{}", f.path, sha256_digest(f.content.as_bytes())));
                                size += f.content.len() as u64;
                                count += 1;
                            }
                        }
                    }
                }
                return Ok(Some(self.add_layer(&description, size, 96 + count * 110 + size * 45 / 100)));
            }
            Command::Workdir(w) => {
                let w = self.expand(w, input, undefined);
                let path = if w.starts_with('/') { clean_abs(&w) } else { join(&self.workdir(), &w) };
                self.config.working_dir = path.clone();
                return Ok(Some(self.add_layer(&format!("WORKDIR {path}"), 0, 93)));
            }
            Command::Expose(ports) => {
                for p in ports {
                    for port in self.expand_words(p, input, undefined) {
                        let (num, proto) = port.split_once('/').unwrap_or((&port, "tcp"));
                        let proto = proto.to_ascii_lowercase();
                        let (lo, hi) = num.split_once('-').unwrap_or((num, num));
                        let (Ok(lo), Ok(hi)) = (lo.parse::<u32>(), hi.parse::<u32>()) else {
                            let message = format!("invalid containerPort: {num}");
                            return Err(StepError { vertex: message.clone(), solve: message });
                        };
                        for n in lo..=hi.min(lo.saturating_add(1024)) {
                            let entry = format!("{n}/{proto}");
                            if !self.config.exposed_ports.contains(&entry) {
                                self.config.exposed_ports.push(entry);
                            }
                        }
                    }
                }
                self.config.exposed_ports.shared_sort();
            }
            Command::Cmd(line) => {
                let (argv, shell) = self.command_line(line);
                self.config.cmd = Some(argv);
                self.config.args_escaped = shell;
                self.cmd_set = true;
            }
            Command::Entrypoint(line) => {
                let (argv, shell) = self.command_line(line);
                self.config.entrypoint = Some(argv);
                self.config.args_escaped = shell;
                if !self.cmd_set {
                    self.config.cmd = None;
                }
            }
            Command::User(u) => self.config.user = self.expand(u, input, undefined),
            Command::Volume(v) => {
                for path in v {
                    let p = self.expand(path, input, undefined);
                    if !self.config.volumes.contains(&p) {
                        self.config.volumes.push(p);
                    }
                }
                self.config.volumes.shared_sort();
            }
            Command::StopSignal(s) => self.config.stop_signal = Some(self.expand(s, input, undefined)),
            Command::Healthcheck(spec) => {
                self.config.healthcheck = Some(match &spec.command {
                    None => HealthConfig { test: vec!["NONE".into()], ..HealthConfig::default() },
                    Some(line) => {
                        let test = match line {
                            CommandLine::Exec(v) => std::iter::once("CMD".to_string()).chain(v.iter().cloned()).collect(),
                            CommandLine::Shell(s) => vec!["CMD-SHELL".to_string(), s.clone()],
                        };
                        let mut h = HealthConfig { test, ..HealthConfig::default() };
                        for (k, v) in &spec.flags {
                            let bad = || StepError { vertex: format!("time: invalid duration \"{v}\""), solve: format!("time: invalid duration \"{v}\"") };
                            match k.as_str() {
                                "retries" => h.retries = v.parse().map_err(|_| StepError { vertex: format!("invalid retries: {v}"), solve: format!("invalid retries: {v}") })?,
                                "interval" => h.interval_ns = parse_duration(v).ok_or_else(bad)?,
                                "timeout" => h.timeout_ns = parse_duration(v).ok_or_else(bad)?,
                                "start-period" => h.start_period_ns = parse_duration(v).ok_or_else(bad)?,
                                _ => h.start_interval_ns = parse_duration(v).ok_or_else(bad)?,
                            }
                        }
                        h
                    }
                });
            }
            Command::Shell(s) => {
                self.shell = s.clone();
                self.config.shell = Some(s.clone());
            }
            Command::Onbuild(s) => self.config.on_build.push(s.clone()),
            Command::Maintainer(m) => self.author = self.expand(m, input, undefined),
        }
        Ok(None)
    }

    fn workdir(&self) -> String {
        if self.config.working_dir.is_empty() { "/".into() } else { self.config.working_dir.clone() }
    }
}

fn clean_abs(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            x => parts.push(x),
        }
    }
    format!("/{}", parts.join("/"))
}

fn join(base: &str, rel: &str) -> String {
    let trailing = rel.ends_with('/');
    let joined = clean_abs(&format!("{base}/{rel}"));
    if trailing && joined != "/" { format!("{joined}/") } else { joined }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(join("/app", "src"), "/app/src");
        assert_eq!(join("/", "./a/../b/"), "/b/");
        assert_eq!(clean_abs("/a//b/."), "/a/b");
    }
}
