//! The PDF read back as a reader would: its text extracted with poppler's `pdftotext` and its
//! pages counted with `pdfinfo` (poppler-utils, installed by `.ci/deps.sh`).

use std::process::Command;

use super::*;
use crate::reports::document::{Bar, Chart, Table};

const WHEN: When = When {
    year: 2026,
    month: 11,
    day: 30,
    hour: 14,
    minute: 5,
    second: 0,
};

/// Everything Typst markup, code or math could read as an instruction, and attempts to leave
/// a string literal or a content block.
pub(crate) const HOSTILE: &str =
    "#panic(\"x\") *b* _e_ $x^2$ [a] \\ @ref <lbl> `raw` // c /* d */ \"); panic(\"y\"); (\" ]#set page(width: 1cm)";

/// The PDF's text (of pages `from..=to` when given): with its layout, so that a table row or a
/// chart's bar stays one line; without, in reading order, so a wrapped cell stays together.
pub(crate) fn pdf_text(pdf: &[u8], pages: Option<(usize, usize)>) -> String {
    pdftotext(pdf, pages, "-layout")
}

pub(crate) fn pdf_text_in_order(pdf: &[u8]) -> String {
    pdftotext(pdf, None, "-raw")
}

fn pdftotext(pdf: &[u8], pages: Option<(usize, usize)>, mode: &str) -> String {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("writing the PDF");
    let mut cmd = Command::new("pdftotext");
    cmd.arg(mode);
    if let Some((from, to)) = pages {
        cmd.args(["-f", &from.to_string(), "-l", &to.to_string()]);
    }
    let out = cmd
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils, .ci/deps.sh)");
    assert!(
        out.status.success(),
        "pdftotext reads the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

pub(crate) fn page_count(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("writing the PDF");
    let out = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo runs (poppler-utils, .ci/deps.sh)");
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo names the page count: {info}"))
}

/// Whitespace collapsed, so a check does not depend on where a line was broken.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn doc(subject: &str, blocks: Vec<Block>) -> Document {
    Document {
        title: format!("{subject} — CAF-AI assessment"),
        subject: subject.to_owned(),
        generated_at: "2026-11-30 14:05 UTC".into(),
        blocks,
    }
}

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_owned())]
}

#[test]
fn hostile_text_everywhere_is_printed_literally() {
    let blocks = vec![
        Block::PageBreak,
        Block::Heading {
            level: 2,
            text: HOSTILE.into(),
        },
        Block::Paragraph(vec![
            Inline::Text(HOSTILE.into()),
            Inline::Strong(HOSTILE.into()),
            Inline::Emphasis(HOSTILE.into()),
            Inline::Code(HOSTILE.into()),
            Inline::Link {
                text: HOSTILE.into(),
                url: format!("https://example.org/?q={HOSTILE}"),
            },
        ]),
        Block::Note(text(HOSTILE)),
        Block::List {
            ordered: false,
            items: vec![text(HOSTILE)],
        },
        Block::Table(Table {
            caption: Some(HOSTILE.into()),
            header: vec![HOSTILE.into()],
            rows: vec![vec![text(HOSTILE)]],
        }),
        Block::Facts(vec![(HOSTILE.into(), text(HOSTILE))]),
        Block::Chart(Chart {
            title: HOSTILE.into(),
            min: 0.0,
            max: 5.0,
            bars: vec![Bar {
                label: HOSTILE.into(),
                current: Some(2.0),
                target: Some(4.0),
            }],
        }),
        Block::SignOff(vec![HOSTILE.into()]),
    ];
    let pdf = pdf(&doc(HOSTILE, blocks), WHEN)
        .expect("hostile text is only text, so the report typesets");
    let all = flat(&pdf_text_in_order(&pdf));
    // Each place the text can go: the heading, five inlines, note, list, caption, header, cell,
    // fact label and value, chart title and label, sign-off role, cover title, footer.
    let printed = all
        .matches("#panic(\"x\") *b* _e_ $x^2$ [a] \\ @ref <lbl>")
        .count();
    assert!(
        printed >= 17,
        "every copy of the hostile text is printed as typed, not obeyed ({printed} found): {all}"
    );
    assert!(
        all.contains("`raw` // c /* d */ \"); panic(\"y\"); (\" ]#set page(width: 1cm)"),
        "the rest of it too: {all}"
    );
}

#[test]
fn control_characters_cannot_end_a_string() {
    let nasty = "a\"\nb\r\t\u{0}\u{1b}c\\";
    assert_eq!(
        lit(nasty),
        "\"a\\\"\\nb\\r\\tc\\\\\"",
        "quote, backslash and line breaks are escaped; other control characters, which have no glyph, are left out"
    );
    let pdf = pdf(&doc("Acme", vec![Block::Paragraph(text(nasty))]), WHEN).expect("typesets");
    assert!(
        flat(&pdf_text(&pdf, None)).contains("a\" b"),
        "the text survives its escapes"
    );
}

#[test]
fn the_cover_holds_the_organisation_and_date_and_later_pages_their_folio() {
    let blocks = vec![
        Block::Heading {
            level: 1,
            text: "Acme Ltd — CAF-AI assessment".into(),
        },
        Block::Facts(vec![("Assessors".into(), text("Ada Lovelace"))]),
        Block::PageBreak,
        Block::Heading {
            level: 2,
            text: "Headline".into(),
        },
        Block::PageBreak,
        Block::Paragraph(text("Last page.")),
    ];
    let pdf = pdf(&doc("Acme Ltd", blocks), WHEN).expect("typesets");
    assert_eq!(
        page_count(&pdf),
        3,
        "a cover and two pages, one per page break"
    );
    let cover = flat(&pdf_text(&pdf, Some((1, 1))));
    assert!(
        cover.contains("Acme Ltd — CAF-AI assessment"),
        "the cover names the organisation: {cover}"
    );
    assert!(
        cover.contains("Generated 2026-11-30 14:05 UTC"),
        "the cover is dated: {cover}"
    );
    assert!(
        cover.contains("Assessors Ada Lovelace"),
        "the cover's facts are on it: {cover}"
    );
    assert_eq!(
        cover.matches("CAF-AI assessment").count(),
        1,
        "the title is said once, not again by its heading: {cover}"
    );
    let second = flat(&pdf_text(&pdf, Some((2, 2))));
    assert!(
        second.contains("Acme Ltd Page 2 of 3"),
        "the footer says whose report and which page: {second}"
    );
}

#[test]
fn an_unassessed_bar_is_written_out_never_drawn_at_zero() {
    let chart = Chart {
        title: "Governance".into(),
        min: 0.0,
        max: 5.0,
        bars: vec![
            Bar {
                label: "Risk management".into(),
                current: None,
                target: Some(3.0),
            },
            Bar {
                label: "Responsible AI".into(),
                current: Some(2.5),
                target: None,
            },
            Bar {
                label: "Broken figure".into(),
                current: Some(f64::NAN),
                target: Some(f64::INFINITY),
            },
        ],
    };
    let pdf = pdf(
        &doc("Acme", vec![Block::PageBreak, Block::Chart(chart)]),
        WHEN,
    )
    .expect("typesets");
    let page = pdf_text(&pdf, Some((2, 2)));
    // A bar's words ("not assessed", "no target") sit in its track beside the label, a little
    // above or below the label's baseline: pdftotext may put them on the line before. So each
    // item is read as its label's line and the one above it, without spaces.
    let lines: Vec<&str> = page.lines().collect();
    let item = |label: &str| -> String {
        let i = lines
            .iter()
            .position(|l| l.contains(label))
            .unwrap_or_else(|| panic!("{label} is in the chart: {page}"));
        let above = if i > 0 { lines[i - 1] } else { "" };
        format!("{above} {}", lines[i]).split_whitespace().collect()
    };
    assert!(
        item("Risk management").contains("notassessed"),
        "an unassessed capability says so: {page}"
    );
    assert!(
        item("Risk management").contains("–→3"),
        "its target is still given: {page}"
    );
    assert!(
        item("Responsible AI").contains("notarget") && item("Responsible AI").contains("2.5"),
        "a missing target says so: {page}"
    );
    assert!(
        item("Broken figure").contains("notassessed") && item("Broken figure").contains("notarget"),
        "a figure that is not a number is not drawn: {page}"
    );
    assert!(
        flat(&page).contains("current target"),
        "the chart has a legend: {page}"
    );
}

#[test]
fn a_degenerate_scale_and_short_rows_still_typeset() {
    let blocks = vec![
        Block::Chart(Chart {
            title: "Flat".into(),
            min: 3.0,
            max: 3.0,
            bars: vec![],
        }),
        Block::Table(Table {
            caption: None,
            header: vec!["A".into(), "B".into()],
            rows: vec![vec![text("only one")]],
        }),
        Block::List {
            ordered: true,
            items: vec![],
        },
        Block::Facts(vec![]),
        Block::SignOff(vec![]),
        Block::Paragraph(vec![]),
        Block::Heading {
            level: 9,
            text: "Deep".into(),
        },
    ];
    let pdf = pdf(&doc("Acme", blocks), WHEN).expect("odd but valid documents typeset");
    assert!(
        flat(&pdf_text(&pdf, None)).contains("only one"),
        "the short row is kept"
    );
}

#[test]
fn a_link_with_another_scheme_is_shown_but_not_linked() {
    let inline = Inline::Link {
        text: "click".into(),
        url: "javascript:alert(1)".into(),
    };
    let source = markup(&doc("Acme", vec![Block::Paragraph(vec![inline])]));
    assert!(
        !source.contains("javascript:"),
        "a PDF never carries a script link, whatever the document holds"
    );
}
