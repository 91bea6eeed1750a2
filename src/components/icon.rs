//! Small inline SVG icons for buttons (no icon font, no emoji: they render the same everywhere).

use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IconKind {
    Play,
    Pause,
    Step,
    Skip,
    Stop,
    Reset,
    Hint,
}

#[derive(Properties, PartialEq, Clone)]
pub struct IconProps {
    pub kind: IconKind,
}

#[component]
pub fn Icon(props: &IconProps) -> Html {
    let body = match props.kind {
        IconKind::Play => html! { <path d="M4 2.5v11l9-5.5z" /> },
        IconKind::Pause => html! { <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" /> },
        IconKind::Step => html! { <path d="M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z" /> },
        IconKind::Skip => html! { <path d="M1.5 2.5v11l6-5.5zM8 2.5v11l6-5.5z" /> },
        IconKind::Stop => html! { <path d="M3.5 3.5h9v9h-9z" /> },
        IconKind::Reset => html! {
            <path d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.6.6A3.8 3.8 0 1 0 8 4.2V6L4.8 3.4 8 .8z" />
        },
        IconKind::Hint => html! {
            <path d="M8 1.5a4.5 4.5 0 0 0-2.6 8.2c.4.3.6.7.6 1.2V12h4v-1.1c0-.5.2-.9.6-1.2A4.5 4.5 0 0 0 8 1.5zM6 13h4v1.5H6z" />
        },
    };
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">{ body }</svg>
    }
}
