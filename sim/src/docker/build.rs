//! `docker build` (`docker buildx build`, `docker image build`): BuildKit with the docker driver, as Docker
//! 27 runs it. The Dockerfile and context come from the workspace; base images from the local store, the
//! public catalog or the sandbox's registries (pulled into the build cache, not into `docker images`, as
//! BuildKit does). The output is BuildKit's plain progress on stderr, ending with the build-check warnings.

use super::cli::Command;
use super::commands::Env;
use super::dockerfile::{self, Instruction};
use super::instructions::{self, Command as Cmd};
use super::image::{hex_of, number_from_key, sha256_digest, ImageConfig, ImageManifest};
use super::progress::{load_context, snippet, transfer_size, warnings_block, ContextFile, Progress, Warning};
use super::reference::Reference;
use super::stage::{StageInput, StageState};
use super::transfer::push_one;
use super::words::process_word;
use super::Output;
use std::collections::{BTreeMap, BTreeSet};

const DEFAULT_PATH: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// A failed build: what follows the progress (`ERROR: failed to solve: …`) and the lines to excerpt.
struct Failure {
    message: String,
    lines: Option<(usize, usize)>,
}

fn fail(message: impl Into<String>, lines: Option<(usize, usize)>) -> Failure {
    Failure { message: message.into(), lines }
}

struct Stage {
    name: Option<String>,
    image: String,
    from_line: (usize, usize),
    steps: Vec<(Instruction, Cmd)>,
}

pub fn run(env: &mut Env<'_>, command: &Command, argv: &[String]) -> Output {
    let p = match command.parse(argv) {
        Ok(p) => p,
        Err(out) => return out,
    };
    let mut tags = Vec::new();
    for t in p.list("tag") {
        match Reference::parse(&t) {
            Ok(r) if r.digest.is_none() => tags.push(r.with_default_tag()),
            Ok(_) => return Output::err(format!("ERROR: invalid tag \"{t}\": invalid reference format\n"), 1),
            Err(e) => return Output::err(format!("ERROR: invalid tag \"{t}\": {e}\n"), 1),
        }
    }
    let arch = match p.list("platform").first() {
        None => env.client.architecture().to_string(),
        Some(pl) => match super::base_image::parse_platform(pl) {
            Ok(a) => a,
            Err(e) => return Output::err(format!("ERROR: {e}\n"), 1),
        },
    };
    let build_args: BTreeMap<String, String> =
        p.list("build-arg").iter().filter_map(|a| a.split_once('=').map(|(k, v)| (k.to_string(), v.to_string()))).collect();
    let context_arg = p.args.first().cloned().unwrap_or_default();
    if context_arg.starts_with("http://") || context_arg.starts_with("https://") || context_arg.starts_with("git@") {
        return Output::err(format!("ERROR: unable to prepare context: remote context {context_arg}: not available in the ECS Sandbox, build from the workspace (`.`)\n"), 1);
    }
    let stdin_context = context_arg == "-";
    let dir = crate::workspace::normalize(&context_arg).trim_end_matches('/').to_string();
    let dir = if dir == "." || stdin_context { String::new() } else { dir };
    let (context, ignore_size) = if stdin_context {
        (Vec::new(), 2)
    } else {
        match load_context(env.files, &dir) {
            Some(c) => c,
            None => return Output::err(format!("ERROR: unable to prepare context: path \"{context_arg}\" not found\n"), 1),
        }
    };
    let file_arg = p.string("file").map(str::to_string);
    let (dockerfile_path, text) = match (&file_arg, stdin_context) {
        (Some(f), _) if f == "-" => ("Dockerfile".to_string(), Some(env.stdin.to_string())),
        (None, true) => ("Dockerfile".to_string(), Some(env.stdin.to_string())),
        (Some(f), _) => (crate::workspace::normalize(f).to_string(), None),
        (None, false) => (if dir.is_empty() { "Dockerfile".to_string() } else { format!("{dir}/Dockerfile") }, None),
    };
    let file_name = dockerfile_path.rsplit('/').next().unwrap_or("Dockerfile").to_string();
    let text = text.or_else(|| env.files.read(&dockerfile_path).ok());
    let mut b = Builder {
        progress: Progress::new(),
        warnings: Vec::new(),
        text: text.clone().unwrap_or_default(),
        file_name,
        arch,
        build_args,
        all_cached: true,
    };
    let result = match text {
        None => {
            let n = b.progress.vertex(&format!("[internal] load build definition from {}", b.file_name));
            b.progress.line(n, "transferring dockerfile: 2B done");
            b.progress.done(n, "0.0s");
            Err(fail(format!("failed to solve: failed to read dockerfile: open {}: no such file or directory", b.file_name), None))
        }
        Some(_) => b.build(env, &p, &tags, &context, ignore_size, dir.is_empty() && !stdin_context),
    };
    match result {
        Ok(id) if p.bool("quiet") => Output::ok(format!("{id}\n")),
        Ok(_) => Output::err(format!("{}{}", b.progress.text, warnings_block(&b.warnings)), 0),
        Err(f) => {
            let mut stderr = b.progress.text.clone();
            stderr.push_str(&warnings_block(&b.warnings));
            if let Some((first, last)) = f.lines {
                stderr.push_str(&snippet(&b.file_name, &b.text, first, last));
            }
            stderr.push_str(&format!("ERROR: {}\n", f.message));
            Output::err(stderr, 1)
        }
    }
}

struct Builder {
    progress: Progress,
    warnings: Vec<Warning>,
    text: String,
    file_name: String,
    arch: String,
    build_args: BTreeMap<String, String>,
    all_cached: bool,
}

impl Builder {
    fn predefined(&self) -> BTreeMap<String, String> {
        let host = "amd64".to_string();
        [("TARGETPLATFORM", format!("linux/{}", self.arch)), ("TARGETOS", "linux".into()), ("TARGETARCH", self.arch.clone()),
            ("BUILDPLATFORM", format!("linux/{host}")), ("BUILDOS", "linux".into()), ("BUILDARCH", host)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn build(&mut self, env: &mut Env<'_>, p: &super::cli::Parsed, tags: &[Reference], context: &[ContextFile], ignore_size: usize, has_context: bool) -> Result<String, Failure> {
        let n = self.progress.vertex(&format!("[internal] load build definition from {}", self.file_name));
        self.progress.line(n, &format!("transferring dockerfile: {} done", transfer_size(self.text.len())));
        self.progress.done(n, "0.0s");
        let escape = dockerfile::escape_char(&self.text);
        let instructions = dockerfile::parse(&self.text).map_err(|e| {
            if e.line == 0 { fail(format!("failed to solve: {}", e.message), None) } else { fail(format!("failed to solve: dockerfile parse error on line {}: {}", e.line, e.message), Some((e.line, e.end_line))) }
        })?;
        let mut global_decls: Vec<(String, Option<String>)> = Vec::new();
        let mut stages: Vec<Stage> = Vec::new();
        for ins in instructions {
            let cmd = instructions::command(&ins, escape)
                .map_err(|e| fail(format!("failed to solve: dockerfile parse error on line {}: {}", e.line, e.message), Some((e.line, e.end_line))))?;
            super::base_image::lint(&ins, &cmd, &mut self.warnings);
            match (&cmd, stages.last_mut()) {
                (Cmd::From { image, stage, .. }, _) => {
                    if let Some(name) = stage
                        && stages.iter().any(|s| s.name.as_deref() == Some(&name.to_ascii_lowercase())) {
                            return Err(fail(format!("failed to solve: dockerfile parse error on line {}: duplicate stage name \"{name}\"", ins.line), Some((ins.line, ins.end_line))));
                        }
                    stages.push(Stage { name: stage.as_ref().map(|s| s.to_ascii_lowercase()), image: image.clone(), from_line: (ins.line, ins.end_line), steps: Vec::new() });
                }
                (Cmd::Arg(list), None) => global_decls.extend(list.iter().cloned()),
                (_, None) => return Err(fail(format!("failed to solve: dockerfile parse error on line {}: no build stage in current context", ins.line), Some((ins.line, ins.end_line)))),
                (_, Some(stage)) => stage.steps.push((ins, cmd)),
            }
        }
        // Global ARGs: what FROM lines may use.
        let predefined = self.predefined();
        let mut global_args: BTreeMap<String, Option<String>> = BTreeMap::new();
        for (k, default) in &global_decls {
            let vars: BTreeMap<String, String> =
                predefined.iter().map(|(a, b)| (a.clone(), b.clone())).chain(global_args.iter().filter_map(|(a, b)| b.clone().map(|b| (a.clone(), b)))).collect();
            let value = self.build_args.get(k).cloned().or_else(|| default.as_ref().map(|d| process_word(d, escape, &|n| vars.get(n).cloned(), &mut Vec::new())));
            global_args.insert(k.clone(), value);
        }
        let from_vars: BTreeMap<String, String> =
            predefined.iter().map(|(a, b)| (a.clone(), b.clone())).chain(global_args.iter().filter_map(|(a, b)| b.clone().map(|b| (a.clone(), b)))).collect();
        let stage_index = |name: &str, stages: &[Stage]| -> Option<usize> {
            let lower = name.to_ascii_lowercase();
            stages.iter().position(|s| s.name.as_deref() == Some(lower.as_str())).or_else(|| lower.parse::<usize>().ok().filter(|i| *i < stages.len()))
        };
        let target = match p.string("target") {
            Some(t) => stage_index(t, &stages).filter(|i| stages.get(*i).is_some_and(|s| s.name.is_some()))
                .ok_or_else(|| fail(format!("failed to solve: target stage \"{t}\" could not be found"), None))?,
            None => stages.len().saturating_sub(1),
        };
        // Stages the target needs, and the images they name.
        let mut expanded_from: Vec<String> = stages.iter().map(|s| process_word(&s.image, escape, &|n| from_vars.get(n).cloned(), &mut Vec::new())).collect();
        let mut needed = BTreeSet::new();
        let mut todo = vec![target];
        while let Some(i) = todo.pop() {
            if !needed.insert(i) {
                continue;
            }
            let Some(stage) = stages.get(i) else { continue };
            let from = expanded_from.get(i).cloned().unwrap_or_default();
            if let Some(j) = stage_index(&from, &stages).filter(|j| *j < i && stages.get(*j).is_some_and(|s| s.name.is_some())) {
                todo.push(j);
            }
            for (_, cmd) in &stage.steps {
                if let Cmd::Copy { from: Some(f), .. } = cmd
                    && let Some(j) = stage_index(f, &stages).filter(|j| *j < i) {
                        todo.push(j);
                    }
            }
        }
        // Metadata for every external image, in order.
        let mut bases: BTreeMap<String, super::base_image::Base> = BTreeMap::new();
        let mut external: Vec<(String, (usize, usize), String)> = Vec::new();
        for &i in &needed {
            let Some(stage) = stages.get(i) else { continue };
            let from = expanded_from.get_mut(i).map(std::mem::take).unwrap_or_default();
            let is_stage = stage_index(&from, &stages).is_some_and(|j| j < i && stages.get(j).is_some_and(|s| s.name.is_some()));
            if !is_stage && from != "scratch" && !external.iter().any(|(f, ..)| *f == from) {
                external.push((from.clone(), stage.from_line, stage.image.clone()));
            }
            if let Some(slot) = expanded_from.get_mut(i) {
                *slot = from;
            }
            for (ins, cmd) in &stage.steps {
                if let Cmd::Copy { from: Some(f), .. } = cmd
                    && stage_index(f, &stages).is_none() && !external.iter().any(|(x, ..)| x == f) {
                        external.push((f.clone(), (ins.line, ins.end_line), f.clone()));
                    }
            }
        }
        for (from, lines, written) in &external {
            let r = Reference::parse(from).map_err(|e| fail(format!("failed to solve: failed to parse stage name \"{from}\": {e}"), Some(*lines)))?.with_default_tag();
            let name = format!("[internal] load metadata for {}", r.full_string());
            let n = self.progress.vertex(&name);
            match super::base_image::resolve(env, &r, p.bool("pull"), &self.arch) {
                Ok(base) => {
                    self.progress.done(n, if base.local { "0.0s" } else { "0.5s" });
                    bases.insert(from.clone(), base);
                }
                Err(msg) => {
                    self.progress.fail(n, &name, &msg);
                    return Err(fail(format!("failed to solve: {written}: failed to resolve source metadata for {}: {msg}", r.full_string()), Some(*lines)));
                }
            }
        }
        let n = self.progress.vertex("[internal] load .dockerignore");
        self.progress.line(n, &format!("transferring context: {} done", transfer_size(ignore_size)));
        self.progress.done(n, "0.0s");
        // Numbering of steps: [name i/N].
        let multi = stages.len() > 1;
        let totals: Vec<usize> = stages.iter().map(|s| 1 + s.steps.iter().filter(|(_, c)| matches!(c, Cmd::Run(_) | Cmd::Copy { .. } | Cmd::Workdir(_))).count()).collect();
        let label = |i: usize, k: usize| -> String {
            let total = totals.get(i).copied().unwrap_or(1);
            let width = total.to_string().len();
            let name = stages.get(i).and_then(|s| s.name.clone()).unwrap_or_else(|| format!("stage-{i}"));
            if multi { format!("[{name} {k:>width$}/{total}]") } else { format!("[{k:>width$}/{total}]") }
        };
        for &i in &needed {
            let from = expanded_from.get(i).cloned().unwrap_or_default();
            if let Some(base) = bases.get(&from) {
                let n = self.progress.vertex(&format!("{} FROM {}", label(i, 1), base.shown));
                let fresh: Vec<String> = base.image.layers.iter().map(|l| l.digest.clone()).filter(|d| !env.client.build_cache.contains(d)).collect();
                if !base.local && !fresh.is_empty() {
                    self.progress.line(n, &format!("resolve {} 0.0s done", base.shown));
                    for l in &base.image.layers {
                        let size = transfer_size(usize::try_from(l.size).unwrap_or(usize::MAX));
                        self.progress.line(n, &format!("{} {size} / {size} 0.4s done", l.digest));
                    }
                    for l in &base.image.layers {
                        self.progress.line(n, &format!("extracting {} 0.2s done", l.digest));
                    }
                    env.client.build_cache.extend(fresh);
                    self.progress.done(n, "1.9s");
                } else {
                    self.progress.done(n, "0.0s");
                }
            }
        }
        let uses_context = needed.iter().filter_map(|i| stages.get(*i)).flat_map(|s| &s.steps).any(|(_, c)| matches!(c, Cmd::Copy { from: None, .. }));
        if uses_context && has_context {
            let n = self.progress.vertex("[internal] load build context");
            let size: usize = context.iter().map(|f| f.content.len()).sum();
            self.progress.line(n, &format!("transferring context: {} 0.0s done", transfer_size(size)));
            self.progress.done(n, "0.0s");
        }
        // Run the stages.
        let listing: String = context.iter().map(|f| format!("{}:{}\n", f.path, sha256_digest(f.content.as_bytes()))).collect();
        let h = hex_of(&sha256_digest(listing.as_bytes())).to_string();
        let alnum: String = (0..25).map(|k| char::from_digit(u32::try_from(number_from_key(&format!("{h}{k}"), 36)).unwrap_or(0), 36).unwrap_or('0')).collect();
        let context_id = format!("{}-{}-{}-{}-{}::{alnum}", h.get(0..8).unwrap_or(""), h.get(8..12).unwrap_or(""), h.get(12..16).unwrap_or(""), h.get(16..20).unwrap_or(""), h.get(20..32).unwrap_or(""));
        let mut done: BTreeMap<usize, StageState> = BTreeMap::new();
        let image_keys: BTreeMap<String, String> = bases.iter().map(|(k, b)| (k.clone(), b.image.config_digest.clone())).collect();
        for &i in &needed {
            let Some(stage) = stages.get(i) else { continue };
            let from = expanded_from.get(i).cloned().unwrap_or_default();
            let mut state = match (bases.get(&from), stage_index(&from, &stages).and_then(|j| done.get(&j))) {
                (Some(base), _) => StageState {
                    layers: base.image.layers.clone(),
                    config: base.image.config.clone(),
                    author: String::new(),
                    chain: base.image.config_digest.clone(),
                    ..StageState::default()
                },
                (None, Some(prev)) => StageState { args: BTreeMap::new(), cmd_set: false, workdir_set: false, ..prev.clone() },
                (None, None) => StageState { config: ImageConfig { env: vec![DEFAULT_PATH.into()], ..ImageConfig::default() }, chain: "scratch".into(), ..StageState::default() },
            };
            if state.config.env.is_empty() {
                state.config.env.push(DEFAULT_PATH.into());
            }
            state.shell = state.config.shell.clone().unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()]);
            let mut stage_chains: BTreeMap<String, String> = BTreeMap::new();
            for (j, s) in &done {
                stage_chains.insert(j.to_string(), s.chain.clone());
                if let Some(name) = stages.get(*j).and_then(|st| st.name.clone()) {
                    stage_chains.insert(name, s.chain.clone());
                }
            }
            let input = StageInput { escape, build_args: &self.build_args, global_args: &global_args, predefined: &predefined, context, stage_chains: &stage_chains, image_keys: &image_keys, context_id: &context_id };
            let mut k = 1;
            for (ins, cmd) in &stage.steps {
                let is_step = matches!(cmd, Cmd::Run(_) | Cmd::Copy { .. } | Cmd::Workdir(_));
                let n = if is_step {
                    k += 1;
                    Some((self.progress.vertex(&format!("{} {}", label(i, k), ins.display())), format!("{} {}", label(i, k), ins.display())))
                } else {
                    None
                };
                match state.apply(ins, cmd, &input, &mut self.warnings) {
                    Ok(Some(step)) => {
                        if let Some((n, _)) = n {
                            if env.client.build_cache.contains(&step.key) && !p.bool("no-cache") {
                                self.progress.cached(n);
                            } else {
                                self.all_cached = false;
                                env.client.build_cache.insert(step.key);
                                self.progress.done(n, if matches!(cmd, Cmd::Run(_)) { "0.3s" } else { "0.0s" });
                            }
                        }
                    }
                    Ok(None) => {}
                    Err(e) => {
                        if let Some((n, name)) = n {
                            self.progress.fail(n, &name, &e.vertex);
                        }
                        return Err(fail(format!("failed to solve: {}", e.solve), Some((ins.line, ins.end_line))));
                    }
                }
            }
            done.insert(i, state);
        }
        let Some(mut last) = done.remove(&target) else {
            return Err(fail("failed to solve: no build stage in current context", None));
        };
        for l in p.list("label") {
            let (k, v) = l.split_once('=').unwrap_or((&l, ""));
            last.config.labels.insert(k.to_string(), v.to_string());
        }
        self.export(env, last, tags, p.bool("push"))
    }

    fn export(&mut self, env: &mut Env<'_>, state: StageState, tags: &[Reference], push: bool) -> Result<String, Failure> {
        let mut image = ImageManifest::new(state.layers, state.config, &self.arch, env.now);
        image.comment = "buildkit.dockerfile.v0".into();
        image.author = state.author;
        image.seal(false);
        let created = *env.client.build_created.entry(image.config_digest.clone()).or_insert(env.now);
        image.created_secs = created;
        image.seal(false);
        let id = image.config_digest.clone();
        let n = self.progress.vertex("exporting to image");
        self.progress.line(n, if self.all_cached { "exporting layers done" } else { "exporting layers 0.0s done" });
        self.progress.line(n, &format!("writing image {id} done"));
        env.client.store.insert(image.clone());
        for t in tags {
            self.progress.line(n, &format!("naming to {} done", t.full_string()));
            env.client.store.set_ref(t, &id, Some(env.now));
        }
        if push {
            for t in tags {
                match push_one(env, t) {
                    Ok(_) => {
                        self.progress.line(n, "pushing layers 0.2s done");
                        self.progress.line(n, &format!("pushing manifest for {}@{} 0.1s done", t.full_string(), image.digest));
                    }
                    Err((_, e)) => {
                        let e = if e.starts_with("denied: requested access") {
                            "push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed".to_string()
                        } else {
                            e
                        };
                        let msg = format!("failed to push {}: {e}", t.full_string());
                        self.progress.fail(n, "exporting to image", &msg);
                        return Err(fail(format!("failed to solve: {msg}"), None));
                    }
                }
            }
        }
        self.progress.done(n, "0.0s");
        Ok(id)
    }
}
