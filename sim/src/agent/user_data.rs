//! Reading EC2 user data the way an instance does at first boot: cloud-init runs it if it is a shell script
//! (`#!` on the first line), and the script writes `/etc/ecs/ecs.config` (ecs-facts.md §7: "ECS_CLUSTER is
//! usually written there from EC2 user data, e.g. `echo ECS_CLUSTER=my-cluster >> /etc/ecs/ecs.config`").
//!
//! The sandbox does not run the script; it recognises the ways scripts write that file: `echo`/`printf`
//! with `>>` or `>` (which empties the file first), `… | tee [-a] /etc/ecs/ecs.config`, and here-documents
//! (`cat <<EOF >> /etc/ecs/ecs.config`). Anything else in the script is ignored, and the notes say so when it
//! matters (a `#cloud-config` document, or user data that is not a script and that cloud-init skips).

use super::EcsConfig;
use crate::shell::{self, Expander, RedirectKind, Script};

pub const ECS_CONFIG_PATH: &str = "/etc/ecs/ecs.config";

/// What the instance's agent will read, and how it came to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserDataOutcome {
    pub config: EcsConfig,
    /// `KEY=value` lines of `/etc/ecs/ecs.config`, in the order they were written.
    pub lines: Vec<(String, String)>,
    /// Explanations for the learner (which lines wrote the file, or why nothing did).
    pub notes: Vec<String>,
}

/// Expands `$VAR` to nothing and runs no command substitution: a script's variables are unknown here.
struct NoExpansion;

impl Expander for NoExpansion {
    fn var(&self, _: &str) -> Option<String> {
        None
    }
    fn run(&mut self, _: &Script) -> String {
        String::new()
    }
}

pub fn read_user_data(user_data: Option<&str>) -> UserDataOutcome {
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut notes = Vec::new();
    match user_data {
        None => notes.push(format!("No user data: {ECS_CONFIG_PATH} keeps the AMI's defaults, so the agent joins the cluster named `default`.")),
        Some(text) => {
            let first = text.lines().next().unwrap_or("").trim_start_matches('\u{feff}');
            if first.starts_with("#!") {
                read_script(text, &mut lines);
                if lines.is_empty() {
                    notes.push(format!("The user data script does not write {ECS_CONFIG_PATH}, so the agent joins the cluster named `default`."));
                }
            } else if first.starts_with("#cloud-config") {
                notes.push("The sandbox does not interpret #cloud-config documents; write ecs.config from a #!/bin/bash script instead.".into());
            } else if first.starts_with("Content-Type: multipart") || text.contains("MIME-Version:") {
                notes.push("The sandbox does not interpret multi-part MIME user data; use a single #!/bin/bash script.".into());
            } else {
                notes.push(format!(
                    "The user data does not start with #! so cloud-init does not run it as a script and {ECS_CONFIG_PATH} is never written; the agent joins the cluster named `default`. Start the user data with #!/bin/bash and write the file with: echo ECS_CLUSTER=name >> {ECS_CONFIG_PATH}"
                ));
            }
        }
    }
    let config = EcsConfig::from_variables(lines.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for w in &config.warnings {
        notes.push(format!("ecs-agent warning: {w}"));
    }
    UserDataOutcome { config, lines, notes }
}

fn read_script(text: &str, out: &mut Vec<(String, String)>) {
    let mut iter = text.lines();
    while let Some(line) = iter.next() {
        if let Some((delimiter, strip_tabs)) = heredoc_delimiter(line) {
            let mut body = Vec::new();
            for l in iter.by_ref() {
                let candidate = if strip_tabs { l.trim_start_matches('\t') } else { l };
                if candidate.trim_end() == delimiter {
                    break;
                }
                body.push(candidate.to_string());
            }
            if let Some(truncate) = writes_ecs_config(line) {
                if truncate {
                    out.clear();
                }
                out.extend(body.iter().filter_map(|l| key_value(l)));
            }
            continue;
        }
        let Ok(script) = shell::parse(line) else { continue };
        for list in &script.items {
            for pipeline in std::iter::once(&list.first).chain(list.rest.iter().map(|(_, p)| p)) {
                read_pipeline(pipeline, out);
            }
        }
    }
}

fn read_pipeline(p: &shell::Pipeline, out: &mut Vec<(String, String)>) {
    let mut printed: Option<String> = None;
    for cmd in &p.commands {
        let mut words = shell::expand_words(&cmd.words, &mut NoExpansion);
        if words.first().map(String::as_str) == Some("sudo") {
            words.remove(0);
        }
        let Some(name) = words.first().cloned() else { continue };
        match name.as_str() {
            "echo" | "printf" => printed = Some(printed_text(&name, &words[1..])),
            "tee" => {
                let append = words.iter().any(|w| w == "-a" || w == "--append");
                if words.iter().skip(1).any(|w| w == ECS_CONFIG_PATH) {
                    if !append {
                        out.clear();
                    }
                    if let Some(text) = &printed {
                        out.extend(text.lines().filter_map(key_value));
                    }
                }
            }
            _ => printed = None,
        }
        for r in &cmd.redirects {
            let target = shell::expand_word_no_split(&r.target, &mut NoExpansion);
            if target != ECS_CONFIG_PATH || r.fd != 1 {
                continue;
            }
            match r.kind {
                RedirectKind::Out => out.clear(),
                RedirectKind::Append => {}
                _ => continue,
            }
            if let Some(text) = &printed {
                out.extend(text.lines().filter_map(key_value));
            }
        }
    }
}

/// What `echo` or `printf` prints. `printf` interprets `\n` in its format; `echo -e` does too.
fn printed_text(cmd: &str, args: &[String]) -> String {
    let mut args = args;
    let mut escapes = cmd == "printf";
    while let Some(flag) = args.first().filter(|a| a.len() > 1 && a.starts_with('-') && a[1..].chars().all(|c| "neE".contains(c))) {
        escapes |= flag.contains('e');
        args = &args[1..];
    }
    let joined = args.join(" ");
    if escapes { joined.replace("\\n", "\n").replace("\\t", "\t") } else { joined }
}

/// `KEY=value` from one line of ecs.config; comments and blank lines give nothing.
fn key_value(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (k, v) = line.split_once('=')?;
    let k = k.trim();
    (!k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| (k.to_string(), v.trim().trim_matches('"').to_string()))
}

/// `cat <<EOF`, `cat <<'EOF'`, `cat <<-"EOF"` → the delimiter, and whether leading tabs are stripped.
fn heredoc_delimiter(line: &str) -> Option<(String, bool)> {
    let at = line.find("<<")?;
    let rest = &line[at + 2..];
    let (rest, strip) = rest.strip_prefix('-').map_or((rest, false), |r| (r, true));
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '|' && *c != ';')
        .filter(|c| *c != '\'' && *c != '"')
        .collect();
    (!word.is_empty()).then_some((word, strip))
}

/// Whether a here-document's command line writes ecs.config, and whether it empties it first.
fn writes_ecs_config(line: &str) -> Option<bool> {
    if !line.contains(ECS_CONFIG_PATH) {
        return None;
    }
    let before = &line[..line.find(ECS_CONFIG_PATH)?];
    let trimmed = before.trim_end();
    if trimmed.ends_with(">>") {
        Some(false)
    } else if trimmed.ends_with('>') {
        Some(true)
    } else if trimmed.contains("tee") {
        Some(!(trimmed.contains(" -a") || trimmed.contains("--append")))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(ud: &str) -> String {
        read_user_data(Some(ud)).config.cluster
    }

    #[test]
    fn echo_append_sets_the_cluster_fact_7() {
        assert_eq!(cluster("#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n"), "demo");
        assert_eq!(cluster("#!/bin/bash\necho \"ECS_CLUSTER=demo\" >> /etc/ecs/ecs.config"), "demo");
        assert_eq!(cluster("#!/bin/bash\nsudo echo 'ECS_CLUSTER=q' >>/etc/ecs/ecs.config"), "q");
    }

    #[test]
    fn heredoc_tee_and_printf_forms() {
        let ud = "#!/bin/bash\ncat <<'EOF' >> /etc/ecs/ecs.config\nECS_CLUSTER=web\nECS_RESERVED_MEMORY=256\nEOF\n";
        let o = read_user_data(Some(ud));
        assert_eq!(o.config.cluster, "web");
        assert_eq!(o.config.reserved_memory, 256);
        assert_eq!(cluster("#!/bin/sh\necho ECS_CLUSTER=t | sudo tee -a /etc/ecs/ecs.config"), "t");
        assert_eq!(cluster("#!/bin/sh\nprintf 'ECS_CLUSTER=p\\nECS_LOGLEVEL=debug\\n' > /etc/ecs/ecs.config"), "p");
    }

    #[test]
    fn a_later_truncating_write_replaces_earlier_lines() {
        let ud = "#!/bin/bash\necho ECS_CLUSTER=a >> /etc/ecs/ecs.config\necho ECS_LOGLEVEL=info > /etc/ecs/ecs.config\n";
        assert_eq!(cluster(ud), "default");
    }

    #[test]
    fn without_a_shebang_cloud_init_does_not_run_it() {
        let o = read_user_data(Some("ECS_CLUSTER=demo\n"));
        assert_eq!(o.config.cluster, "default");
        assert!(o.notes[0].contains("does not start with #!"), "{:?}", o.notes);
    }

    #[test]
    fn writes_elsewhere_and_plain_assignments_do_not_count() {
        assert_eq!(cluster("#!/bin/bash\nECS_CLUSTER=demo\necho ECS_CLUSTER=x >> /tmp/other\n"), "default");
        assert_eq!(read_user_data(None).config.cluster, "default");
    }
}
