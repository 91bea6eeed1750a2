//! The page's components, one per file. `App` is the root; `SandboxProvider` owns the reducer; each pane
//! reads the sandbox through `use_sandbox()`.

mod animation_controls;
mod app;
mod cluster_pane;
mod cluster_view;
mod ec2_list;
mod editor;
mod goal_checklist;
mod header;
mod hints;
mod icon;
mod lesson_pane;
mod markdown_view;
mod sandbox_provider;
mod status_bar;
mod terminal;
mod terminal_entry;

pub use animation_controls::AnimationControls;
pub use app::{App, AppProps};
pub use cluster_pane::ClusterPane;
pub use cluster_view::{ClusterView, ClusterViewProps};
pub use ec2_list::{Ec2List, Ec2ListProps};
pub use editor::Editor;
pub use goal_checklist::{GoalChecklist, GoalChecklistProps};
pub use header::Header;
pub use hints::Hints;
pub use icon::{Icon, IconKind};
pub use lesson_pane::LessonPane;
pub use markdown_view::{MarkdownView, MarkdownViewProps};
pub use sandbox_provider::{SandboxProvider, SandboxProviderProps};
pub use status_bar::StatusBar;
pub use terminal::Terminal;
pub use terminal_entry::{TerminalEntryView, TerminalEntryViewProps};
