//! The closed world: what it typesets, what it refuses, and that its output is reproducible.
//! Text is read back with poppler's `pdftotext`, as a person copying from the PDF would see it.

use std::process::Command;

use super::*;

const NOV_30: When = When {
    year: 2026,
    month: 11,
    day: 30,
    hour: 14,
    minute: 5,
    second: 0,
};

fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).expect("writing the PDF");
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils is in .ci/deps.sh)");
    assert!(
        out.status.success(),
        "pdftotext reads what we wrote: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

#[test]
fn a_page_of_markup_reads_back_as_its_text() {
    let pdf = pdf("= Acme Ltd\nCurrent *2.4* against target 3.1.", NOV_30).expect("typesets");
    assert!(
        pdf.starts_with(b"%PDF-"),
        "a PDF reader opens only what starts as a PDF"
    );
    let text = text_of(&pdf);
    assert!(
        text.contains("Acme Ltd"),
        "the heading is in the PDF's text: {text}"
    );
    assert!(
        text.contains("Current 2.4 against target 3.1."),
        "the body is in the PDF's text: {text}"
    );
}

#[test]
fn today_is_the_date_passed_in_not_the_clock() {
    let pdf = pdf(
        "#datetime.today().display(\"[year]-[month]-[day]\")",
        NOV_30,
    )
    .expect("typesets");
    assert!(
        text_of(&pdf).contains("2026-11-30"),
        "a report dated by the caller shows that date on any day it is rendered"
    );
}

#[test]
fn the_same_source_and_date_give_the_same_bytes() {
    let source = "#set document(title: [Acme])\n= Acme\n#lorem(300)";
    assert_eq!(pdf(source, NOV_30).unwrap(), pdf(source, NOV_30).unwrap(), "a report regenerated from unchanged data is byte-identical, so it can be compared and signed");
}

#[test]
fn a_package_import_is_an_error_never_a_download() {
    let err = pdf("Hello\n#import \"@preview/cetz:0.3.0\": canvas", NOV_30).unwrap_err();
    let TypesetError::Markup { line, message, .. } = &err else {
        panic!("a markup error: {err}")
    };
    assert_eq!(*line, Some(2), "the error points at the import's line");
    assert!(
        message.contains("package not found"),
        "the import is refused as unavailable: {message}"
    );
}

#[test]
fn the_file_system_is_out_of_reach() {
    for source in [
        "#read(\"/etc/passwd\")",
        "#image(\"/etc/hostname\")",
        "#include \"other.typ\"",
    ] {
        let err = pdf(source, NOV_30).unwrap_err();
        assert!(
            err.to_string().contains("file not found"),
            "{source} reads nothing from disk: {err}"
        );
    }
}

#[test]
fn an_error_names_its_line_and_counts_the_rest() {
    let err = pdf("fine\nfine\n#nonsense", NOV_30).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: unknown variable: nonsense",
        "the error with the line it is on"
    );
    // Syntax errors are all found at once; the first is shown and the rest counted.
    let err = pdf("fine\n#let\n#let", NOV_30).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.starts_with("line 2: ") && shown.ends_with("(and 1 more error)"),
        "the first error with its line, then how many more: {shown}"
    );
}

#[test]
fn a_long_message_is_shortened() {
    let long = "x".repeat(5_000);
    let err = pdf(&format!("#let a = 1\n#{long}"), NOV_30).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.chars().count() < 250 && shown.contains('…'),
        "a message quoting the source is cut: {} chars",
        shown.chars().count()
    );
}

#[test]
fn unix_seconds_become_the_utc_calendar_time() {
    assert_eq!(
        When::from_unix_seconds(0),
        When {
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0
        }
    );
    assert_eq!(
        When::from_unix_seconds(1_796_047_500),
        NOV_30,
        "2026-11-30 14:05 UTC"
    );
    assert_eq!(
        When::from_unix_seconds(951_825_599),
        When {
            year: 2000,
            month: 2,
            day: 29,
            hour: 11,
            minute: 59,
            second: 59
        },
        "a leap day"
    );
    assert_eq!(
        When::from_unix_seconds(-1),
        When {
            year: 1969,
            month: 12,
            day: 31,
            hour: 23,
            minute: 59,
            second: 59
        }
    );
}
