//! Reading a .docx back as Word does: unzip it, parse each XML part fully (so malformed XML
//! fails the test) and decode texts and attributes, entities included.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// The XML parts of a .docx, by path inside the zip.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
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
pub struct Para {
    pub style: Option<String>,
    pub text: String,
    /// Inside a table row marked to repeat on each page.
    pub in_header_row: bool,
}

/// Parses a part fully (so malformed XML fails the test) and lists its paragraphs.
pub fn paragraphs(xml: &str) -> Vec<Para> {
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

/// Every value of one attribute in a part, decoded.
pub fn attribute_values(xml: &str, name: &str) -> Vec<String> {
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
pub fn list_format(numbering: &str, num_id: &str) -> String {
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
pub fn num_id_of(xml: &str, start: &str) -> String {
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

/// The decoded texts of every element with this name.
pub fn element_texts(xml: &str, element: &[u8]) -> Vec<String> {
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
