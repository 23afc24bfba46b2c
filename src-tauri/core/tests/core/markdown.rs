//! Hostile markdown in a content pack never reaches the webview as live HTML.

use crate::support::{caf_ai, finishes_within, ScratchPack};
use atlas_core::{api, limits, markdown};
use std::time::Duration;

const HOSTILE: &str = r##"Hello <script>alert('x')</script>

<img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>

[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)

<a href="#" onmouseover="steal()">hover</a> <style>body{display:none}</style>

<svg onload="alert(1)"><circle/></svg> ![pixel](https://tracker.example/p.png)
"##;

#[test]
fn hostile_bodies_are_rendered_inert() {
    let pack = ScratchPack::new();
    let text = std::fs::read_to_string(pack.path().join("nodes/stock.md")).unwrap();
    pack.write(
        "nodes/stock.md",
        text.replace("Supplies, dates and the shopping list.", HOSTILE),
    );
    let fw = pack.load().expect("hostile text is still valid content");
    let html = api::node_detail(&fw, "stock").unwrap().html.to_lowercase();
    for banned in [
        "<script",
        "onerror",
        "onmouseover",
        "onload",
        "javascript:",
        "data:text",
        "<iframe",
        "<style",
        "<svg",
        "<img",
    ] {
        assert!(
            !html.contains(banned),
            "{banned} must not survive sanitising: {html}"
        );
    }
    assert!(html.contains("hello"), "the harmless text is kept");
}

/// 120 KB bodies of each kind of nesting. Each used to make the sanitiser do work in the
/// square of its depth (a body of nested list items took 413 s to open).
fn deeply_nested() -> Vec<(&'static str, String)> {
    const SIZE: usize = 120 * 1024;
    let mut indented = String::new();
    let mut depth = 0;
    while indented.len() < SIZE {
        indented.push_str(&format!("{}- item {depth}\n", "  ".repeat(depth)));
        depth += 1;
    }
    indented.push_str(&format!("{}- innermost\n", "  ".repeat(depth)));
    let n = SIZE / 2;
    vec![
        ("indented nested list items", indented),
        (
            "list items nested on one line",
            format!("{}innermost", "- ".repeat(n)),
        ),
        (
            "nested block quotes",
            format!("{}innermost", ">".repeat(SIZE)),
        ),
        (
            "nested emphasis",
            format!("{}innermost{}", "*".repeat(n), "*".repeat(n)),
        ),
        (
            "mixed emphasis",
            format!(
                "{}innermost{}",
                "*a _b ".repeat(SIZE / 12),
                " b_ a*".repeat(SIZE / 12)
            ),
        ),
        (
            "nested links",
            format!(
                "{}innermost{}",
                "[".repeat(SIZE / 10),
                "](node:x)".repeat(SIZE / 10)
            ),
        ),
        ("a long chain of links", "[link](node:x) ".repeat(SIZE / 15)),
    ]
}

#[test]
fn deeply_nested_bodies_render_in_bounded_time_and_keep_their_text() {
    for (what, body) in deeply_nested() {
        let started = std::time::Instant::now();
        let html = finishes_within(Duration::from_secs(5), what, {
            let body = body.clone();
            move || markdown::render(&body)
        });
        println!(
            "{what}: {} KB rendered in {:?}",
            body.len() / 1024,
            started.elapsed()
        );
        if body.contains("innermost") {
            assert!(
                html.contains("innermost"),
                "{what}: the deepest text is still shown, as text, not dropped"
            );
        }
        let text = finishes_within(Duration::from_secs(5), what, move || {
            markdown::plain_text(&body)
        });
        assert!(!text.is_empty(), "{what}: search still sees the text");
    }
}

#[test]
fn nesting_past_the_limit_is_flattened_at_the_deepest_allowed_level() {
    let body = format!("{}innermost", ">".repeat(limits::MARKDOWN_DEPTH * 4));
    let html = markdown::render(&body);
    assert_eq!(
        html.matches("<blockquote>").count(),
        limits::MARKDOWN_DEPTH,
        "quotes nest to the limit and no deeper"
    );
    assert!(
        html.contains("innermost"),
        "the text inside is kept: {html}"
    );
}

#[test]
fn an_over_long_body_is_cut_with_a_visible_note_of_what_is_missing() {
    let line = "A paragraph of honest prose about capabilities.\n\n";
    let body = line.repeat(limits::MARKDOWN_BYTES / line.len() + 100);
    let left_out = body.len() - (limits::MARKDOWN_BYTES / line.len()) * line.len();
    let html = finishes_within(Duration::from_secs(5), "a long body", move || {
        markdown::render(&body)
    });
    assert!(
        html.contains(&format!("(truncated: {} KB more)", left_out.div_ceil(1024))),
        "the reader is told that the rest was cut and how much: {}",
        &html[html.len().saturating_sub(200)..]
    );
}

#[test]
fn every_built_in_body_and_talking_point_renders_as_it_did_without_limits() {
    let fw = caf_ai();
    let mut texts: Vec<(String, &str)> = fw
        .nodes()
        .map(|n| (n.file.clone(), n.body.as_str()))
        .collect();
    for tour in fw.tours() {
        for (i, step) in tour.steps.iter().enumerate() {
            texts.push((format!("tour {} step {}", tour.id, i + 1), &step.notes));
        }
    }
    assert!(texts.len() > 100, "the whole pack is compared");
    for (what, text) in texts {
        assert_eq!(
            markdown::render(text),
            markdown::render_with(text, markdown::RenderLimits::NONE),
            "{what}: honest text must render exactly as before the limits"
        );
    }
}
