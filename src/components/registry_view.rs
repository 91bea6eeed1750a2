//! The registry pane: each ECR repository with its URI, tag mutability (an IMMUTABLE badge), scan on push
//! and lifecycle policy, and a table of its images, newest first: the short digest, the tags as chips, the
//! size in MB, when it was pushed and last pulled, and the scan's findings by severity (CRITICAL, HIGH,
//! MEDIUM, LOW) in colour, each with its word. A pushed image slides in, a tag that moved pops onto its new
//! image while a struck-out ghost on the old one says where it went, and an expired image fades out, each
//! during its animation step. Without repositories it says how to create one and push.

use crate::scene::registry_shown::{ImageShown, Motion, RepositoryShown, severity_counts, short_digest, size_mb, when};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct RegistryViewProps {
    pub repositories: Rc<Vec<RepositoryShown>>,
    /// The virtual time now (a CLI timestamp), to leave out today's date.
    pub now: AttrValue,
    /// How long the step on screen lasts at the chosen speed (the animations last this long).
    #[prop_or_default]
    pub step_ms: u32,
}

fn empty() -> Html {
    let host = format!("{}.dkr.ecr.us-east-1.amazonaws.com", ecs_sim::tuning::ACCOUNT_ID);
    html! {
        <div class="registry-empty" data-testid="registry-empty">
            <p>{ "No ECR repositories yet. A push never creates one: create it first, then build, log in, tag and push." }</p>
            <ol>
                <li><code>{ "aws ecr create-repository --repository-name web --image-scanning-configuration scanOnPush=true" }</code></li>
                <li><code>{ "echo 'FROM nginx:1.27' > Dockerfile" }</code>{ " then " }<code>{ "docker build -t web ." }</code></li>
                <li><code>{ format!("aws ecr get-login-password | docker login --username AWS --password-stdin {host}") }</code></li>
                <li><code>{ format!("docker tag web {host}/web:1.0") }</code>{ " then " }<code>{ format!("docker push {host}/web:1.0") }</code></li>
            </ol>
        </div>
    }
}

fn scan_cell(image: &ImageShown) -> Html {
    match &image.scan {
        None => html! { <td class="scan-cell none">{ "not scanned" }</td> },
        Some(scan) if scan.status != "COMPLETE" => html! { <td class="scan-cell">{ scan.status.clone() }</td> },
        Some(scan) => {
            let counts = severity_counts(scan);
            if counts.is_empty() {
                return html! { <td class="scan-cell clean">{ "✓ no findings" }</td> };
            }
            html! {
                <td class="scan-cell">
                    <ul class="severities" aria-label="Findings by severity">
                        { for counts.iter().map(|(sev, n)| html! {
                            <li class={classes!("sev", format!("sev-{}", sev.to_lowercase()))} data-severity={*sev} data-count={n.to_string()}>
                                <span class="sev-name">{ *sev }</span>{ " " }<span class="sev-count">{ n.to_string() }</span>
                            </li>
                        }) }
                    </ul>
                </td>
            }
        }
    }
}

fn image_row(image: &ImageShown, now: &str) -> Html {
    let motion = match image.motion {
        Motion::Arriving => Some("arriving"),
        Motion::Leaving => Some("leaving"),
        Motion::Still => None,
    };
    let short = short_digest(&image.digest).to_string();
    let label = match image.motion {
        Motion::Leaving => format!("Image {short}, expired by the lifecycle policy"),
        _ => format!("Image {short}"),
    };
    html! {
        <tr key={image.digest.clone()} class={classes!("image-row", motion)} data-digest={image.digest.clone()} aria-label={label}>
            <td class="digest-cell"><code title={image.digest.clone()}>{ format!("sha256:{short}") }</code>
                if image.motion == Motion::Leaving { <span class="expired-note">{ " expired" }</span> }
            </td>
            <td class="tags-cell">
                if image.tags.is_empty() && image.moved_away.is_empty() {
                    <span class="untagged">{ "untagged" }</span>
                }
                <ul class="tag-chips" aria-label="Tags">
                    { for image.tags.iter().map(|t| html! {
                        <li key={t.name.clone()} class={classes!("tag-chip", t.arriving.then_some("arriving"))} data-tag={t.name.clone()}>{ t.name.clone() }</li>
                    }) }
                    { for image.moved_away.iter().map(|m| html! {
                        <li key={format!("moved-{}", m.name)} class="tag-chip moved-away" data-moved-tag={m.name.clone()}
                            aria-label={format!("tag {} moved to image {}", m.name, short_digest(&m.to))}>
                            <s>{ m.name.clone() }</s>{ format!(" → {}", short_digest(&m.to)) }
                        </li>
                    }) }
                </ul>
            </td>
            <td class="size-cell">{ image.size_bytes.map_or_else(|| "—".to_string(), size_mb) }</td>
            <td class="when-cell">{ image.pushed_at.as_deref().map_or_else(|| "—".to_string(), |t| when(t, now)) }</td>
            <td class="when-cell pulled">{ image.last_pulled_at.as_deref().map_or_else(|| "never".to_string(), |t| when(t, now)) }</td>
            { scan_cell(image) }
        </tr>
    }
}

fn repository(r: &RepositoryShown, now: &str) -> Html {
    let immutable = r.tag_mutability.starts_with("IMMUTABLE");
    let mutability = r.tag_mutability.replace('_', " ");
    html! {
        <section key={format!("{}/{}", r.region, r.name)} class={classes!("repository", r.arriving.then_some("arriving"))}
            data-repository={r.name.clone()} aria-label={format!("Repository {}", r.name)}>
            <div class="repo-head">
                <h3 class="repo-name"><span class="repo-kind">{ "REPOSITORY " }</span>{ r.name.clone() }</h3>
                if immutable {
                    <span class="badge immutable" title="Tags cannot be moved to another image">{ mutability }</span>
                } else {
                    <span class="badge mutable" title="Pushing a tag again moves it to the new image">{ format!("tags {mutability}") }</span>
                }
                if r.scan_on_push {
                    <span class="badge scan-on-push" title="Every pushed image is scanned for vulnerabilities">{ "scan on push" }</span>
                } else {
                    <span class="badge off">{ "no scan on push" }</span>
                }
                if r.has_lifecycle_policy {
                    <span class="badge lifecycle" title="A lifecycle policy expires images">{ "lifecycle policy" }</span>
                }
                <span class="repo-region">{ r.region.clone() }</span>
            </div>
            <code class="repo-uri">{ r.uri.clone() }</code>
            if r.images.is_empty() {
                <p class="repo-empty">
                    { "No images yet: " }<code>{ format!("docker tag web {}:1.0", r.uri) }</code>{ " then " }<code>{ format!("docker push {}:1.0", r.uri) }</code>
                </p>
            } else {
                <table class="image-table">
                    <caption class="sr-only">{ format!("Images in {}, newest first", r.name) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Image digest" }</th>
                            <th scope="col">{ "Tags" }</th>
                            <th scope="col">{ "Size" }</th>
                            <th scope="col">{ "Pushed" }</th>
                            <th scope="col">{ "Last pulled" }</th>
                            <th scope="col">{ "Scan findings" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for r.images.iter().map(|i| image_row(i, now)) }
                    </tbody>
                </table>
            }
        </section>
    }
}

#[component]
pub fn RegistryView(props: &RegistryViewProps) -> Html {
    html! {
        <div class="registry-view" style={format!("--step-ms: {}ms", props.step_ms.max(1))}>
            if props.repositories.is_empty() {
                { empty() }
            }
            { for props.repositories.iter().map(|r| repository(r, &props.now)) }
        </div>
    }
}
