//! Markdown to safe HTML, for content bodies and for users' notes alike.
//!
//! Rendering happens here, in Rust, and the result is sanitised before it goes anywhere near
//! the webview: raw HTML, scripts, event handlers, `javascript:` URLs and images (which would
//! make the app fetch from the network) never survive. The UI inserts the result as is.

use ammonia::Builder;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;
use std::sync::OnceLock;

/// URL schemes a rendered link may carry. `node:` links open another node in the reader.
const SCHEMES: &[&str] = &["node", "https", "http", "mailto"];

const TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

fn sanitiser() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = Builder::empty();
        b.tags(TAGS.iter().copied().collect::<HashSet<_>>())
            .url_schemes(SCHEMES.iter().copied().collect::<HashSet<_>>())
            .link_rel(Some("noopener noreferrer"))
            .add_tag_attributes("a", ["href", "title"])
            .add_tag_attributes("th", ["align"])
            .add_tag_attributes("td", ["align"])
            .strip_comments(true);
        b
    })
}

/// Renders CommonMark (with tables and strikethrough) to sanitised HTML.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let parser = Parser::new_ext(markdown, options);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    sanitiser().clean(&unsafe_html).to_string()
}

/// Plain text of a markdown body, for search and snippets.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_tags_and_handlers_are_removed() {
        let html = render("Hi <script>alert(1)</script> <b onclick=\"x()\">bold</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("alert(1)</script"), "{html}");
    }

    #[test]
    fn javascript_links_lose_their_href() {
        let html = render("[click](javascript:alert(1)) and <a href=\"JaVaScRiPt:alert(1)\">x</a>");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    }

    #[test]
    fn images_are_dropped_so_nothing_is_fetched() {
        let html = render("![tracker](https://example.com/pixel.png)");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn node_links_and_tables_survive() {
        let html =
            render("[Data protection](node:data-protection)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("href=\"node:data-protection\""), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }
}
