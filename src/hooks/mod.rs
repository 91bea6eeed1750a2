//! Custom hooks: the domain hook [`use_sandbox`] over the reducer's context, and the effects the provider
//! runs (animation timer, typist timer, persistence, hash routing), and the editor's live check of a task
//! definition ([`use_validation`]).

mod use_animation_player;
mod use_hash_route;
mod use_persistence;
mod use_sandbox;
mod use_typist;
mod use_validation;

pub use use_animation_player::use_animation_player;
pub use use_hash_route::use_hash_route;
pub use use_persistence::use_persistence;
pub use use_sandbox::{SandboxContext, SandboxHandle, use_sandbox};
pub use use_typist::use_typist;
pub use use_validation::{ValidationHandle, Validated, use_validation};
