//! Markdown to safe HTML, for content bodies and for users' notes alike.
//!
//! Rendering happens here, in Rust, and the result is sanitised before it goes anywhere near
//! the webview: raw HTML, scripts, event handlers, `javascript:` URLs and images (which would
//! make the app fetch from the network) never survive. The UI inserts the result as is.

use crate::limits::{MARKDOWN_BYTES, MARKDOWN_DEPTH};
use ammonia::Builder;
use pulldown_cmark::{html, Event, Options, Parser, TagEnd};
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

/// How much of a text is rendered, and how deeply nested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderLimits {
    /// Elements nested deeper than this are rendered as plain text at this depth.
    pub depth: usize,
    /// Bytes of markdown read; the rest is cut at a line end and said to be missing.
    pub bytes: usize,
}

impl RenderLimits {
    /// The limits every rendering in the app uses (see `limits`).
    pub const DEFAULT: RenderLimits = RenderLimits {
        depth: MARKDOWN_DEPTH,
        bytes: MARKDOWN_BYTES,
    };
    /// No limits at all: the renderer as it was before it had any, so that tests can prove
    /// the limits change nothing in honest text.
    pub const NONE: RenderLimits = RenderLimits {
        depth: usize::MAX,
        bytes: usize::MAX,
    };
}

fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options
}

/// Renders CommonMark (with tables and strikethrough) to sanitised HTML, within
/// `RenderLimits::DEFAULT`.
pub fn render(markdown: &str) -> String {
    render_with(markdown, RenderLimits::DEFAULT)
}

/// Renders within the given limits. Time and memory stay linear in the text: the sanitiser
/// (html5ever's tree builder) checks the stack of open elements at each tag, which costs the
/// square of the nesting depth, so nesting is capped before the HTML is written.
pub fn render_with(markdown: &str, limits: RenderLimits) -> String {
    let (text, cut) = cut_to(markdown, limits.bytes);
    let events = Flatten::new(Parser::new_ext(text, options()), limits.depth);
    let mut unsafe_html = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    if cut > 0 {
        unsafe_html.push_str(&format!(
            "\n<p><em>(truncated: {} KB more)</em></p>\n",
            cut.div_ceil(1024)
        ));
    }
    sanitiser().clean(&unsafe_html).to_string()
}

/// Plain text of a markdown body, for search and snippets, from at most
/// `limits::MARKDOWN_BYTES` of it.
pub fn plain_text(markdown: &str) -> String {
    let (text, _) = cut_to(markdown, MARKDOWN_BYTES);
    let mut out = String::with_capacity(text.len());
    for event in Parser::new(text) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The first `max` bytes of `text`, cut back to the end of a line when there is one (so a
/// word or a table row is not cut in half), and how many bytes were left out.
fn cut_to(text: &str, max: usize) -> (&str, usize) {
    if text.len() <= max {
        return (text, 0);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(line_end) = text[..end].rfind('\n') {
        end = line_end + 1;
    }
    (&text[..end], text.len() - end)
}

/// The event stream with everything nested deeper than `max` turned into plain text inside
/// the deepest element allowed. Start and end events stay balanced, as the HTML writer
/// needs: an element is dropped whole (its start, its end and every element inside it).
struct Flatten<I> {
    inner: I,
    max: usize,
    /// Elements open and kept.
    depth: usize,
    /// Elements open and dropped, all inside the deepest kept one.
    hidden: usize,
}

impl<I> Flatten<I> {
    fn new(inner: I, max: usize) -> Self {
        Flatten {
            inner,
            max,
            depth: 0,
            hidden: 0,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Flatten<I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.inner.next()?;
            match event {
                Event::Start(tag) => {
                    if self.hidden == 0 && self.depth < self.max {
                        self.depth += 1;
                        return Some(Event::Start(tag));
                    }
                    self.hidden += 1;
                }
                Event::End(end) => {
                    if self.hidden == 0 {
                        self.depth -= 1;
                        return Some(Event::End(end));
                    }
                    self.hidden -= 1;
                    // A dropped block leaves a space, so its words do not run into the next.
                    let inline = matches!(
                        end,
                        TagEnd::Emphasis
                            | TagEnd::Strong
                            | TagEnd::Strikethrough
                            | TagEnd::Superscript
                            | TagEnd::Subscript
                            | TagEnd::Link
                            | TagEnd::Image
                    );
                    if !inline {
                        return Some(Event::Text(" ".into()));
                    }
                }
                _ if self.hidden == 0 => return Some(event),
                Event::Text(t)
                | Event::Code(t)
                | Event::InlineMath(t)
                | Event::DisplayMath(t)
                | Event::Html(t)
                | Event::InlineHtml(t)
                | Event::FootnoteReference(t) => return Some(Event::Text(t)),
                Event::SoftBreak | Event::HardBreak => return Some(Event::Text(" ".into())),
                Event::Rule | Event::TaskListMarker(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The renderer as it was before it had limits.
    fn unlimited(markdown: &str) -> String {
        let mut unsafe_html = String::new();
        html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options()));
        sanitiser().clean(&unsafe_html).to_string()
    }

    #[test]
    fn without_limits_every_built_in_body_renders_as_the_unlimited_renderer_did() {
        let fw = crate::load_builtin().unwrap();
        for node in fw.nodes() {
            assert_eq!(
                render_with(&node.body, RenderLimits::NONE),
                unlimited(&node.body),
                "{}: `RenderLimits::NONE` must be the renderer as it was, for comparisons",
                node.file
            );
        }
    }

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
