//! The ECS container agent on an EC2 instance: its configuration (`/etc/ecs/ecs.config`, usually written by
//! the instance's user data) and what it registers with ECS.

pub mod ecs_config;
pub mod user_data;

pub use ecs_config::EcsConfig;
pub use user_data::{UserDataOutcome, read_user_data};
