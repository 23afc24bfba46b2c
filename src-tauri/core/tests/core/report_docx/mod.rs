//! The Word report, read back the way Word reads it: unzip the file, parse its XML parts and
//! check what a person opening it would see — the organisation and the dated cover, every
//! figure, headings Word's navigation pane lists, header rows that repeat, links that open,
//! numbered lists, page numbers, a sign-off with room to sign, and the title in its
//! properties. Texts are decoded from the XML, so a name written to break markup must come
//! back exactly as it went in.

mod sample;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use atlas_core::reports::document::{plain, Block, Document};
use atlas_core::reports::docx::render;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use sample::{capability, current, document, EVIDENCE_URL, GENERATED_AT, HOSTILE};

/// The XML parts of a .docx, by path inside the zip.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).expect("every zip entry is readable");
            let mut text = String::new();
            file.read_to_string(&mut text)
                .expect("every part of the package is UTF-8 text");
            (file.name().to_owned(), text)
        })
        .collect()
}

/// One paragraph of the body: its style and its text with entities decoded.
#[derive(Debug, Default, Clone)]
struct Para {
    style: Option<String>,
    text: String,
    /// Inside a table row marked to repeat on each page.
    in_header_row: bool,
}

/// Parses a part fully (so malformed XML fails the test) and lists its paragraphs.
fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let decoder = reader.decoder();
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let mut in_text = false;
    let mut row_is_header = false;
    loop {
        let event = reader.read_event().unwrap_or_else(|e| {
            panic!("the part must be well-formed XML, or Word refuses the file: {e}")
        });
        let opened = match &event {
            Event::Start(e) => Some((e.clone(), false)),
            Event::Empty(e) => Some((e.clone(), true)),
            _ => None,
        };
        if let Some((e, empty)) = opened {
            {
                let attr = |name: &str| {
                    e.try_get_attribute(name).ok().flatten().map(|a| {
                        a.decoded_and_normalized_value(XmlVersion::Explicit1_0, decoder)
                            .expect("attribute decodes")
                            .into_owned()
                    })
                };
                match e.name().as_ref() {
                    b"w:tr" => row_is_header = false,
                    b"w:tblHeader" => row_is_header = true,
                    b"w:p" => {
                        para = Some(Para {
                            in_header_row: row_is_header,
                            ..Para::default()
                        })
                    }
                    b"w:pStyle" => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr("w:val");
                        }
                    }
                    // `<w:t/>` carries no text; only an opening tag starts one.
                    b"w:t" => in_text = !empty,
                    _ => {}
                }
            }
            continue;
        }
        match event {
            Event::Text(t) => {
                if let (true, Some(p)) = (in_text, para.as_mut()) {
                    p.text.push_str(&t.decode().expect("text decodes"));
                }
            }
            Event::GeneralRef(r) => {
                if let (true, Some(p)) = (in_text, para.as_mut()) {
                    let c = match r.resolve_char_ref().expect("character reference resolves") {
                        Some(c) => c,
                        None => match r.decode().expect("entity decodes").as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => panic!("only XML's own entities may appear, not &{other};"),
                        },
                    };
                    p.text.push(c);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => out.extend(para.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

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
    let rels = paragraphs_free_attrs(&parts["word/_rels/document.xml.rels"], "Target");
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

/// Every value of one attribute in a part, decoded.
fn paragraphs_free_attrs(xml: &str, name: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let decoder = reader.decoder();
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("the part is well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                if let Ok(Some(a)) = e.try_get_attribute(name) {
                    out.push(
                        a.decoded_and_normalized_value(XmlVersion::Explicit1_0, decoder)
                            .expect("attribute decodes")
                            .into_owned(),
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// What a numbering id shows at its first level, resolved through numbering.xml as Word does:
/// `w:num` → `w:abstractNumId` → the first `w:numFmt`. Each id must be defined exactly once.
fn list_format(numbering: &str, num_id: &str) -> String {
    let nums: Vec<&str> = numbering
        .split(&format!(r#"<w:num w:numId="{num_id}">"#))
        .skip(1)
        .collect();
    assert_eq!(
        nums.len(),
        1,
        "numbering {num_id} must be defined once, or its lists show another's marks"
    );
    let abstract_id = nums[0]
        .split(r#"<w:abstractNumId w:val=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("abstract id");
    let abstracts: Vec<&str> = numbering
        .split(&format!(
            r#"<w:abstractNum w:abstractNumId="{abstract_id}">"#
        ))
        .skip(1)
        .collect();
    assert_eq!(
        abstracts.len(),
        1,
        "list definition {abstract_id} must be defined once"
    );
    abstracts[0]
        .split(r#"<w:numFmt w:val=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("format")
        .to_owned()
}

/// The numbering id of the paragraph whose text starts with `start`.
fn num_id_of(xml: &str, start: &str) -> String {
    let escaped = start.replace('&', "&amp;");
    let before = xml
        .split(&format!(r#"preserve">{escaped}"#))
        .next()
        .expect("the item is in the body");
    let paragraph = before.rsplit("<w:p ").next().unwrap_or_default();
    paragraph
        .split(r#"<w:numId w:val=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("{start:?} must be a list paragraph"))
        .to_owned()
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
    let titles: Vec<String> = paragraphs_text_of(core, b"dc:title");
    assert_eq!(
        titles,
        vec![doc.title.clone()],
        "File › Properties shows the report's title"
    );
    assert_eq!(
        paragraphs_text_of(core, b"dc:subject"),
        vec![HOSTILE.to_owned()]
    );
    assert!(
        core.contains("2026-11-30T14:05:00Z"),
        "the creation time is the time generated"
    );
}

/// The decoded texts of every element with this name.
fn paragraphs_text_of(xml: &str, element: &[u8]) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut current) = (Vec::new(), None::<String>);
    loop {
        match reader.read_event().expect("the part is well-formed XML") {
            Event::Start(e) if e.name().as_ref() == element => current = Some(String::new()),
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.decode().expect("decodes"));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(c) = current.as_mut() {
                    c.push(match r.decode().expect("decodes").as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        _ => '\'',
                    });
                }
            }
            Event::End(e) if e.name().as_ref() == element => out.extend(current.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
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
    paragraphs_text_of(&parts["docProps/core.xml"], b"dc:title");
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
