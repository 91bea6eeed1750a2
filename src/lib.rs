//! The ECS Sandbox page (Yew): four panes (lesson, editor, terminal, cluster view) over the `ecs-sim` model.
pub mod scene;
pub mod tuning;
