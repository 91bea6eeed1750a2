//! The page's components, one per file. `App` is the root; `SandboxProvider` owns the reducer; each pane
//! reads the sandbox through `use_sandbox()`.

mod animation_controls;
mod app;
mod bench_page;
mod cluster_pane;
mod cluster_view;
mod ec2_list;
mod editor;
mod editor_hover;
mod editor_layer;
mod goal_checklist;
mod header;
mod hints;
mod icon;
mod lesson_pane;
mod markdown_view;
mod problems;
mod placement_panel;
mod sandbox_provider;
mod status_bar;
mod template_menu;
mod terminal;
mod terminal_entry;

pub use animation_controls::AnimationControls;
pub use app::{App, AppProps};
pub use bench_page::BenchPage;
pub use cluster_pane::ClusterPane;
pub use cluster_view::{ClusterView, ClusterViewProps};
pub use ec2_list::{Ec2List, Ec2ListProps};
pub use editor::{Editor, EditorSettings};
pub use editor_hover::{CompletionList, CompletionListProps, HoverPanel, HoverPanelProps, PanelAnchor};
pub use editor_layer::{EditorLayer, EditorLayerProps, LineNumbers, LineNumbersProps};
pub use goal_checklist::{GoalChecklist, GoalChecklistProps};
pub use header::Header;
pub use hints::Hints;
pub use icon::{Icon, IconKind};
pub use lesson_pane::LessonPane;
pub use markdown_view::{MarkdownView, MarkdownViewProps};
pub use problems::{Problems, ProblemsProps};
pub use placement_panel::{PlacementPanel, PlacementPanelProps, PlacementSubject};
pub use sandbox_provider::{SandboxProvider, SandboxProviderProps};
pub use status_bar::StatusBar;
pub use template_menu::TemplateMenu;
pub use terminal::Terminal;
pub use terminal_entry::{TerminalEntryView, TerminalEntryViewProps};
