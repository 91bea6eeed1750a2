//! A task that was placed but could not start (`TaskFailedToStart`): the stage it failed at (registry
//! authorization, secrets, image pull, logging), AWS's stoppedReason word for word, and, when the cause was
//! a permission, the role that lacked it and the action. The cluster view lists the latest few above the
//! cluster and marks the task's chip; this module holds the words they use.

/// How a role is used by what the cluster runs; each use needs its own trust and permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoleUse {
    /// A task's execution role: ECS's agent uses it to pull the image, read secrets and write logs.
    Execution,
    /// A task's task role: what the application's own AWS calls (and ECS Exec) use.
    Task,
    /// The role in a container instance's instance profile: the ECS agent's, and image pulls of tasks without
    /// an execution role.
    Instance,
}

impl RoleUse {
    pub fn label(self) -> &'static str {
        match self {
            RoleUse::Execution => "execution role",
            RoleUse::Task => "task role",
            RoleUse::Instance => "instance role",
        }
    }
    /// `an execution role`, `a task role`, `an instance role`.
    pub fn with_article(self) -> &'static str {
        match self {
            RoleUse::Execution => "an execution role",
            RoleUse::Task => "a task role",
            RoleUse::Instance => "an instance role",
        }
    }
    /// The service its trust policy must name.
    pub fn service(self) -> &'static str {
        match self {
            RoleUse::Execution | RoleUse::Task => "ecs-tasks.amazonaws.com",
            RoleUse::Instance => "ec2.amazonaws.com",
        }
    }
    /// The actions the role cards check for this use.
    pub fn actions(self) -> &'static [&'static str] {
        match self {
            RoleUse::Execution => &[
                "ecr:GetAuthorizationToken",
                "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer",
                "logs:CreateLogStream",
                "logs:PutLogEvents",
            ],
            RoleUse::Task => &["s3:ListAllMyBuckets", "ssmmessages:CreateControlChannel"],
            RoleUse::Instance => &[
                "ecs:RegisterContainerInstance",
                "ecr:GetAuthorizationToken",
                "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer",
            ],
        }
    }
    /// The AWS managed policy that grants what this use needs.
    pub fn managed_policy(self) -> Option<&'static str> {
        match self {
            RoleUse::Execution => Some("AmazonECSTaskExecutionRolePolicy"),
            RoleUse::Instance => Some("AmazonEC2ContainerServiceforEC2Role"),
            RoleUse::Task => None,
        }
    }
}

/// `arn:aws:iam::123456789012:role/service-role/appExecutionRole` → `appExecutionRole`.
pub fn role_name(arn: &str) -> &str {
    arn.rsplit('/').next().unwrap_or(arn)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartFailure {
    pub task_id: String,
    /// The task's family and revision, as the scene knew them (empty when the task was never seen placed).
    pub family: String,
    pub revision: u32,
    /// `registry authorization`, `secrets`, `image pull` or `logging`.
    pub stage: String,
    /// The task's stoppedReason, AWS's exact text.
    pub reason: String,
    /// The role that lacked the permission; `None` when no role was involved.
    pub role_arn: Option<String>,
    /// The action it lacked; `None` when the cause was not a permission (a missing tag, no route to ECR).
    pub missing_action: Option<String>,
    /// Clock face of the failure.
    pub at: String,
    /// Its event's position in the log.
    pub seq: u64,
    /// A task of the same family has reached RUNNING in the cluster since.
    pub resolved: bool,
}

impl StartFailure {
    pub fn role_name(&self) -> Option<&str> {
        self.role_arn.as_deref().map(role_name)
    }

    /// What went wrong, in a few words: `appExecutionRole cannot ecr:BatchGetImage`, or, when the cause was
    /// not a permission, `failed at image pull`.
    ///
    /// ```
    /// use ecs_sandbox::scene::start_failure::StartFailure;
    /// let mut f = StartFailure {
    ///     task_id: "9a85512fead721349f061b9b1b4763e0".into(),
    ///     family: "app".into(),
    ///     revision: 1,
    ///     stage: "image pull".into(),
    ///     reason: "CannotPullContainerError: …: 403 Forbidden".into(),
    ///     role_arn: Some("arn:aws:iam::123456789012:role/appExecutionRole".into()),
    ///     missing_action: Some("ecr:BatchGetImage".into()),
    ///     at: "09:00:52".into(),
    ///     seq: 16,
    ///     resolved: false,
    /// };
    /// assert_eq!(f.headline(), "appExecutionRole cannot ecr:BatchGetImage");
    /// f.missing_action = None;
    /// f.role_arn = None;
    /// assert_eq!(f.headline(), "failed at image pull");
    /// ```
    pub fn headline(&self) -> String {
        match (&self.missing_action, self.role_name()) {
            (Some(action), Some(role)) => format!("{role} cannot {action}"),
            (Some(action), None) => format!("no credentials for {action}"),
            (None, _) => format!("failed at {}", self.stage),
        }
    }

    /// The family and revision, as `app:1` (or the short task id when the scene never saw it placed).
    pub fn task_label(&self) -> String {
        if self.family.is_empty() { short(&self.task_id).to_string() } else { format!("{}:{}", self.family, self.revision) }
    }

    /// The first `max` characters of the reason, with `…` when cut.
    pub fn short_reason(&self, max: usize) -> String {
        match self.reason.char_indices().nth(max) {
            Some((i, _)) => format!("{}…", &self.reason[..i]),
            None => self.reason.clone(),
        }
    }

    /// What would fix it, when the cause was a permission of a role whose use is known.
    pub fn fix(&self, role_use: Option<RoleUse>) -> Option<String> {
        let action = self.missing_action.as_deref()?;
        let role = self.role_name()?;
        let policy = role_use.and_then(RoleUse::managed_policy);
        Some(match (role_use, policy) {
            (Some(u), Some(p)) => format!("Allow {action} in a policy of {role} (the {u}), or attach the AWS managed policy {p}.", u = u.label()),
            _ => format!("Allow {action} in a policy of {role}."),
        })
    }
}

/// The first 8 characters of an id.
fn short(id: &str) -> &str {
    id.char_indices().nth(8).map_or(id, |(i, _)| &id[..i])
}
