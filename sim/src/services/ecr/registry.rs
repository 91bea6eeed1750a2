//! This account's private ECR registries as Docker sees them (`<account>.dkr.ecr.<region>.amazonaws.com`):
//! `docker login` with an authorization token, push and pull, and ECR's refusals in its own words
//! (ecs-facts.md §6): `no basic auth credentials` without a token for this registry (none, or another
//! registry's), `denied: Your authorization token has expired. Reauthenticate and try again.` once a token's
//! 12 hours are over (the text ECR has sent since 2021: aws/aws-cli#6580, microsoft/vscode#205489 — §6 of
//! ecs-facts.md folds this case into `no basic auth credentials`, which older registries sent), `name unknown` for a missing repository (ECR never creates one on push), `tag invalid` for
//! an immutable tag, `denied` when the learner's IAM identity may not.

use crate::context::Ctx;
use crate::docker::{Credentials, ImageManifest, LayerPushStatus, PushOutcome, RefKind, RegistryError, Registries};
use crate::events::EventKind;
use crate::tuning::ACCOUNT_ID;
use crate::world::ecr::{EcrImage, host_region};
use crate::world::network::is_region;

pub struct EcrRegistries<'a, 'b> {
    pub ctx: &'a mut Ctx<'b>,
}

fn region_of(host: &str) -> Option<String> {
    host_region(host).filter(|r| is_region(r)).map(str::to_string)
}

impl EcrRegistries<'_, '_> {
    /// A valid token for this host's Region, or the error Docker shows.
    fn check_auth(&mut self, host: &str, auth: Option<&Credentials>) -> Result<String, RegistryError> {
        let region = region_of(host).ok_or(RegistryError::NoBasicAuth)?;
        let now = self.ctx.now;
        match auth {
            Some(c) if c.username == "AWS" && self.ctx.world.region_mut(&region).ecr.token_valid(&c.password, now) => Ok(region),
            Some(c) if c.username == "AWS" && self.ctx.world.region_mut(&region).ecr.token_expired(&c.password, now) => {
                Err(RegistryError::Denied("Your authorization token has expired. Reauthenticate and try again.".into()))
            }
            _ => Err(RegistryError::NoBasicAuth),
        }
    }

    fn authorize(&self, region: &str, repository: &str, action: &str) -> Result<(), RegistryError> {
        let arn = format!("arn:aws:ecr:{region}:{ACCOUNT_ID}:repository/{repository}");
        self.ctx.world.iam.authorize_learner(action, &arn, &[]).map_err(RegistryError::Denied)
    }
}

fn name_unknown(repository: &str) -> RegistryError {
    RegistryError::NameUnknown(format!("The repository with name '{repository}' does not exist in the registry with id '{ACCOUNT_ID}'"))
}

impl Registries for EcrRegistries<'_, '_> {
    fn handles(&self, host: &str) -> bool {
        host.contains(".dkr.ecr.") && host.ends_with(".amazonaws.com")
    }

    fn login(&mut self, host: &str, username: &str, password: &str) -> Result<(), RegistryError> {
        let now = self.ctx.now;
        let ok = username == "AWS"
            && region_of(host).is_some_and(|r| self.ctx.world.region_mut(&r).ecr.token_valid(password, now));
        if ok {
            Ok(())
        } else {
            Err(RegistryError::Unauthorized(format!("login attempt to https://{host}/v2/ failed with status: 400 Bad Request")))
        }
    }

    fn push(&mut self, host: &str, repository: &str, tag: Option<&str>, image: &ImageManifest, auth: Option<&Credentials>) -> Result<PushOutcome, RegistryError> {
        let region = self.check_auth(host, auth)?;
        self.authorize(&region, repository, "ecr:InitiateLayerUpload")?;
        self.authorize(&region, repository, "ecr:PutImage")?;
        let now = self.ctx.now;
        let r = self.ctx.world.region_mut(&region);
        let repo = r.ecr.repositories.get_mut(repository).ok_or_else(|| name_unknown(repository))?;
        let known: Vec<&str> =
            repo.images.iter().flat_map(|i| i.layers.iter().map(|l| l.digest.as_str())).chain(repo.uploaded_layers.iter().map(String::as_str)).collect();
        let layers: Vec<LayerPushStatus> = image
            .layers
            .iter()
            .map(|l| if known.contains(&l.digest.as_str()) { LayerPushStatus::AlreadyExists } else { LayerPushStatus::Pushed })
            .collect();
        if let Some(t) = tag
            && repo.tag_is_immutable(t)
            && repo.image_by_tag(t).is_some_and(|i| i.digest != image.digest)
        {
            repo.uploaded_layers.extend(image.layers.iter().map(|l| l.digest.clone()));
            return Err(RegistryError::TagInvalid(
                format!("The image tag '{t}' already exists in the '{repository}' repository and cannot be overwritten because the repository is immutable."),
                layers,
            ));
        }
        if let Some(t) = tag {
            for other in repo.images.iter_mut() {
                other.tags.retain(|x| x != t);
            }
        }
        let scan_on_push = repo.scan_on_push;
        match repo.images.iter_mut().find(|i| i.digest == image.digest) {
            Some(existing) => {
                if let Some(t) = tag {
                    existing.tags.push(t.to_string());
                }
            }
            None => {
                let mut stored = EcrImage::from_manifest(image, tag.map(str::to_string).into_iter().collect(), now);
                if scan_on_push {
                    stored.scan = Some(crate::world::ecr_scan::scan(&stored, now));
                }
                repo.images.push(stored);
            }
        }
        // Untagged images whose tag moved away stay, untagged, as in ECR.
        let tags = tag.map(str::to_string).into_iter().collect();
        self.ctx.emit(EventKind::EcrImagePushed { region, repository: repository.into(), digest: image.digest.clone(), tags });
        Ok(PushOutcome { layers })
    }

    fn pull(&mut self, host: &str, repository: &str, reference: &RefKind, auth: Option<&Credentials>) -> Result<ImageManifest, RegistryError> {
        let region = self.check_auth(host, auth)?;
        self.authorize(&region, repository, "ecr:BatchGetImage")?;
        let now = self.ctx.now;
        let r = self.ctx.world.region_mut(&region);
        let repo = r.ecr.repositories.get_mut(repository).ok_or_else(|| name_unknown(repository))?;
        let found = repo.images.iter_mut().find(|i| match reference {
            RefKind::Tag(t) => i.tags.iter().any(|x| x == t),
            RefKind::Digest(d) => i.digest == *d,
        });
        let image = found.ok_or_else(|| RegistryError::ManifestUnknown("Requested image not found".into()))?;
        image.last_pulled = Some(now);
        Ok(image.manifest.clone())
    }
}
