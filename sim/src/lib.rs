//! `ecs-sim`: the ECS Sandbox model. A deterministic simulation of an AWS account (ECS, EC2, IAM, SSM) with
//! a virtual clock and a seeded RNG, the one command interpreter (`aws`, shell builtins), and the lesson
//! engine. It depends on no web crate: the page and the headless runner both drive it through
//! [`Sandbox::execute`], [`Sandbox::advance`] and [`Sandbox::view`].
//!
//! ```
//! use ecs_sim::{Sandbox, MemoryWorkspace};
//! let mut sb = Sandbox::new(7);
//! let mut files = MemoryWorkspace::new();
//! let out = sb.execute("aws ecs create-cluster --cluster-name demo --query cluster.status", &mut files);
//! assert_eq!(out.stdout(), "\"ACTIVE\"\n");
//! ```

// Sorting goes through `shared_sort` (one compiled copy in the .wasm); clippy.toml names std's sorts.
#![cfg_attr(not(test), warn(clippy::disallowed_methods))]

pub mod agent;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod docker;
mod context;
pub mod events;
pub mod iam_policy;
pub mod lesson;
mod lifecycle;
pub mod output;
pub mod placement;
pub mod query_language;
pub mod rng;
pub mod sandbox;
mod scheduler;
pub mod services;
pub mod shared_sort;
pub mod shell;
pub mod task_definition;
pub mod tuning;
pub mod validate;
pub mod view;
pub mod workspace;
pub mod world;

pub use clock::{SimDuration, SimTime};
pub use events::{Event, EventKind};
pub use output::{Chunk, CommandOutput, Stream, transcript_entry};
pub use sandbox::Sandbox;
pub use view::View;
pub use workspace::{MemoryWorkspace, Workspace, WorkspaceError};
