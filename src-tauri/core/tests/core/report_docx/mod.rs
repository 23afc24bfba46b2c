//! The Word report, read back the way Word reads it: unzip the file, parse its XML parts and
//! check what a person opening it would see — the organisation and the dated cover, every
//! figure, headings Word's navigation pane lists, header rows that repeat, links that open,
//! numbered lists, page numbers, a sign-off with room to sign, and the title in its
//! properties. Texts are decoded from the XML, so a name written to break markup must come
//! back exactly as it went in.

mod read;
mod sample;

use std::collections::BTreeMap;
use std::io::Cursor;

use atlas_core::reports::document::{plain, Block, Document};
use atlas_core::reports::docx::render;
use read::{attribute_values, element_texts, list_format, num_id_of, paragraphs, unzip, Para};
use sample::{capability, current, document, EVIDENCE_URL, GENERATED_AT, HOSTILE};

fn rendered() -> (Document, BTreeMap<String, String>) {
    let doc = document();
    let bytes = render(&doc).expect("a well-formed document renders");
    (doc, unzip(&bytes))
}

fn body(parts: &BTreeMap<String, String>) -> Vec<Para> {
    paragraphs(
        parts
            .get("word/document.xml")
            .expect("a .docx has word/document.xml"),
    )
}

fn has_text(paras: &[Para], text: &str) -> bool {
    paras.iter().any(|p| p.text.contains(text))
}

#[test]
fn word_report_holds_the_organisation_the_dated_cover_and_every_figure() {
    let (doc, parts) = rendered();
    let paras = body(&parts);
    assert!(
        paras.iter().any(|p| p.text == HOSTILE),
        "the organisation's name, markup characters and all, must read exactly as entered"
    );
    assert!(
        has_text(&paras, GENERATED_AT),
        "the cover must say when the report was made"
    );
    for block in &doc.blocks {
        match block {
            Block::Facts(facts) => {
                for (label, value) in facts {
                    assert!(
                        has_text(&paras, label),
                        "fact label {label:?} must be in the file"
                    );
                    assert!(
                        has_text(&paras, &plain(value)),
                        "the figure of {label:?} must be in the file"
                    );
                }
            }
            Block::Table(table) => {
                for cell in table.rows.iter().flatten() {
                    assert!(
                        has_text(&paras, &plain(cell)),
                        "table cell {:?} must be in the file",
                        plain(cell)
                    );
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    assert!(
                        has_text(&paras, &plain(item)),
                        "list item {:?} must be in the file",
                        plain(item)
                    );
                }
            }
            _ => {}
        }
    }
    assert!(
        has_text(
            &paras,
            "Write the data policy (Ana Lopes, due 2027-01-15, open)"
        ),
        "each gap's actions, with owner and due date, must reach the board"
    );
}

#[test]
fn headings_use_word_heading_styles_so_the_navigation_pane_lists_them() {
    let (doc, parts) = rendered();
    let paras = body(&parts);
    for block in &doc.blocks {
        if let Block::Heading { level, text } = block {
            let style = format!("Heading{}", level.clamp(&1, &3));
            assert!(
                paras
                    .iter()
                    .any(|p| &p.text == text && p.style.as_deref() == Some(style.as_str())),
                "heading {text:?} must carry the style {style}, or Word's outline misses it"
            );
        }
    }
    let styles = &parts["word/styles.xml"];
    for (id, name) in [
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#))
                && styles.contains(&format!(r#"w:val="{name}""#)),
            "style {id} must be defined under Word's built-in name {name:?}"
        );
    }
    assert!(
        styles.contains("w:outlineLvl"),
        "heading styles must carry an outline level for a table of contents"
    );
}

#[test]
fn every_table_repeats_its_header_row_and_only_that_row() {
    let (doc, parts) = rendered();
    let xml = &parts["word/document.xml"];
    let tables = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_) | Block::Chart(_) | Block::SignOff(_)))
        .count();
    assert_eq!(
        xml.matches("<w:tblHeader").count(),
        tables,
        "one repeating header row per table: more would repeat data rows on each page"
    );
    let first_rows_marked = xml
        .split("<w:tbl>")
        .skip(1)
        .filter(|table| {
            table
                .split("</w:tr>")
                .next()
                .unwrap_or_default()
                .contains("<w:tblHeader")
        })
        .count();
    assert_eq!(
        first_rows_marked, tables,
        "the repeating row must be each table's first"
    );
    let paras = body(&parts);
    assert!(
        paras
            .iter()
            .any(|p| p.in_header_row && p.text == "Evidence"),
        "the appendix header must be the repeating row"
    );
    assert!(
        !paras
            .iter()
            .any(|p| p.in_header_row && p.text == capability(0)),
        "a data row must never be marked as a header"
    );
}

#[test]
fn facts_are_a_two_column_table() {
    let (_, parts) = rendered();
    let xml = &parts["word/document.xml"];
    let cover = xml
        .split("<w:tbl>")
        .nth(1)
        .expect("the cover's facts are a table");
    let cover = cover.split("</w:tbl>").next().unwrap_or_default();
    assert_eq!(
        cover.matches("<w:gridCol ").count(),
        2,
        "facts: label and value"
    );
    assert!(cover.contains("Organisation") && cover.contains("CAF-AI 1.0"));
}

#[test]
fn an_unassessed_capability_is_written_and_never_drawn_as_a_bar() {
    let (_, parts) = rendered();
    let paras = body(&parts);
    let unassessed = (0..49)
        .find(|&i| current(i).is_none())
        .expect("the sample has unassessed items");
    assert!(
        paras
            .iter()
            .any(|p| p.text == "not assessed · target 4" || p.text == "not assessed · target 5"),
        "an unassessed item's figures must say so"
    );
    let xml = &parts["word/document.xml"];
    let row = xml
        .split("</w:tr>")
        .find(|r| r.contains(&format!(">{}<", capability(unassessed))))
        .expect("the unassessed capability has a chart row");
    assert!(
        row.contains(">not assessed<"),
        "its scale must read 'not assessed'"
    );
    assert!(
        !row.contains("2F5B8A"),
        "and must hold no bar at all, not even the lowest level"
    );
    let assessed = xml
        .split("</w:tr>")
        .find(|r| r.contains(&format!(">{}<", capability(1))))
        .expect("an assessed capability has a chart row");
    assert!(
        assessed.contains("2F5B8A"),
        "an assessed item is drawn as a bar"
    );
}

#[test]
fn an_evidence_link_opens_from_the_file() {
    let (_, parts) = rendered();
    let rels = attribute_values(&parts["word/_rels/document.xml.rels"], "Target");
    assert!(
        rels.iter().any(|t| t == EVIDENCE_URL),
        "the link's address, query string and all, must be the hyperlink's target: {rels:?}"
    );
    let xml = &parts["word/document.xml"];
    assert!(
        xml.contains("<w:hyperlink"),
        "evidence must be a hyperlink, not blue text"
    );
    assert!(
        has_text(&body(&parts), "evidence 1"),
        "the link's text must be shown"
    );
}

#[test]
fn a_bullet_list_shows_bullets_not_numbers() {
    let (_, parts) = rendered();
    let (xml, numbering) = (&parts["word/document.xml"], &parts["word/numbering.xml"]);
    let bullets = num_id_of(xml, "Up: ");
    assert_eq!(
        list_format(numbering, &bullets),
        "bullet",
        "'what moved' is a bullet list"
    );
    assert_eq!(
        num_id_of(xml, "Newly not applicable: "),
        bullets,
        "one list, one numbering"
    );
}

#[test]
fn each_numbered_list_counts_from_one() {
    let (_, parts) = rendered();
    let (xml, numbering) = (&parts["word/document.xml"], &parts["word/numbering.xml"]);
    let roadmap = num_id_of(xml, "Envision: ");
    let second = num_id_of(xml, "Launch");
    assert_eq!(list_format(numbering, &roadmap), "decimal");
    assert_eq!(list_format(numbering, &second), "decimal");
    assert_ne!(
        roadmap, second,
        "a second numbered list must not continue the first's count"
    );
    assert!(
        numbering.contains(r#"<w:startOverride w:val="1" />"#),
        "each numbered list restarts at 1"
    );
}

#[test]
fn page_breaks_and_page_numbers_are_where_a_printed_report_needs_them() {
    let (doc, parts) = rendered();
    let breaks = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::PageBreak))
        .count();
    assert_eq!(
        parts["word/document.xml"]
            .matches(r#"w:type="page""#)
            .count(),
        breaks
    );
    let footer = parts
        .iter()
        .find(|(name, _)| name.starts_with("word/footer"))
        .map(|(_, xml)| xml)
        .expect("the document has a footer");
    assert!(
        footer.contains("PAGE") && footer.contains("NUMPAGES"),
        "the footer numbers the pages: page n of m"
    );
    assert!(
        paragraphs(footer)
            .iter()
            .any(|p| p.text.starts_with(HOSTILE)),
        "the footer names the report, hostile characters intact"
    );
}

#[test]
fn the_sign_off_has_room_for_name_role_signature_and_date() {
    let (_, parts) = rendered();
    let paras = body(&parts);
    for label in ["Role", "Name", "Signature", "Date"] {
        assert!(
            paras.iter().any(|p| p.in_header_row && p.text == label),
            "sign-off column {label}"
        );
    }
    for role in ["Assessor", "Sponsor"] {
        assert!(
            paras.iter().any(|p| p.text == role),
            "a line for the {role}"
        );
    }
    assert!(
        parts["word/document.xml"].contains(r#"w:hRule="atLeast""#),
        "signing rows are tall enough to sign"
    );
}

#[test]
fn the_title_and_subject_are_in_the_file_properties() {
    let (doc, parts) = rendered();
    let core = &parts["docProps/core.xml"];
    let titles: Vec<String> = element_texts(core, b"dc:title");
    assert_eq!(
        titles,
        vec![doc.title.clone()],
        "File › Properties shows the report's title"
    );
    assert_eq!(element_texts(core, b"dc:subject"), vec![HOSTILE.to_owned()]);
    assert!(
        core.contains("2026-11-30T14:05:00Z"),
        "the creation time is the time generated"
    );
}

#[test]
fn a_control_character_pasted_into_a_name_does_not_corrupt_the_file() {
    let mut doc = document();
    doc.blocks.insert(
        0,
        Block::Heading {
            level: 1,
            text: "Bell\u{7} and null\u{0} inside".into(),
        },
    );
    doc.title.push('\u{1b}');
    let parts = unzip(&render(&doc).expect("renders"));
    let paras = body(&parts);
    assert!(
        paras.iter().any(|p| p.text == "Bell and null inside"),
        "characters XML cannot carry are left out; the rest of the name stays"
    );
    element_texts(&parts["docProps/core.xml"], b"dc:title");
}

#[test]
fn the_word_file_is_compressed_so_it_travels_by_mail() {
    let bytes = render(&document()).expect("renders");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
    let body = zip.by_name("word/document.xml").expect("the body");
    assert_eq!(
        body.compression(),
        zip::CompressionMethod::Deflated,
        "the body must be deflated"
    );
    assert!(
        bytes.len() * 4 < body.size() as usize,
        "the file ({} bytes) should be a fraction of its body's XML ({} bytes)",
        bytes.len(),
        body.size()
    );
}

/// Writes the sample report where `ATLAS_DOCX_OUT` says, to open it in Word or LibreOffice
/// and look at it: `ATLAS_DOCX_OUT=/tmp/r.docx cargo test -p atlas-core --test core
/// report_docx::write_the_sample -- --ignored`.
#[test]
#[ignore = "writes a file for a person to look at"]
fn write_the_sample() {
    let path = std::env::var("ATLAS_DOCX_OUT").expect("set ATLAS_DOCX_OUT to a .docx path");
    std::fs::write(path, render(&document()).expect("renders")).expect("writable");
}
