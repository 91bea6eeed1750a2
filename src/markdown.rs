//! Lesson text (Markdown) to HTML with pulldown-cmark. Lesson text is data, not code: raw HTML in it is
//! shown as text, and links may only point to `http(s):`, `mailto:`, in-page anchors or relative paths.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any `/`, `?` or `#` names a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => matches!(scheme, "http" | "https" | "mailto"),
        _ => true,
    }
}

/// Renders Markdown to an HTML fragment that is safe to insert.
///
/// ```
/// let html = ecs_sandbox::markdown::to_html("# Hi\n\n<script>x()</script>\n\nA [link](javascript:alert(1)).");
/// assert!(html.contains("<h1>Hi</h1>"));
/// assert!(html.contains("&lt;script&gt;"));
/// assert!(!html.contains("<script"));
/// assert!(!html.contains("href=\"javascript:"));
/// ```
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Link { link_type, dest_url: CowStr::Borrowed("#"), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Image { link_type, dest_url: CowStr::Borrowed(""), title, id })
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text_and_bad_links_are_dropped() {
        let html = to_html("<img src=x onerror=alert(1)>\n\nhi <b>there</b> [x](JavaScript:evil) [y](https://aws.amazon.com) [z](#goals)");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://aws.amazon.com\""), "{html}");
        assert!(html.contains("href=\"#goals\""), "{html}");
    }

    #[test]
    fn every_shipped_lesson_renders() {
        for l in ecs_sim::lesson::builtin() {
            let html = to_html(&l.text);
            assert!(html.contains("<h1>"), "{}", l.id);
            assert!(html.contains("<pre><code>"), "{}", l.id);
        }
    }
}
