//! One scrollback entry: the `$ command` line (and `> ` continuation lines), then its output, stderr in red.
//! Its text is exactly `ecs_sim::transcript_entry` (what `ecs-sim run` prints).

use crate::transcript::TerminalEntry;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct TerminalEntryViewProps {
    pub entry: Rc<TerminalEntry>,
}

impl PartialEq for TerminalEntryViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entry, &other.entry)
    }
}

#[component]
pub fn TerminalEntryView(props: &TerminalEntryViewProps) -> Html {
    let failed = matches!(&*props.entry, TerminalEntry::Command { exit_code, .. } if *exit_code != 0);
    html! {
        <span class={classes!("t-entry", failed.then_some("failed"))}>
            { for props.entry.segments().into_iter().map(|(kind, text)| html! { <span class={kind.class()}>{ text }</span> }) }
        </span>
    }
}
