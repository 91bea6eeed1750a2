//! The ECS Sandbox page (Yew).
