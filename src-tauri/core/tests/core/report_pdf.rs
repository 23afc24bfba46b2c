//! The PDF of a full 49-capability report of the real CAF-AI pack, read back with poppler
//! (`pdftotext`, `pdfinfo`) as a reader would: every capability present, figures in their
//! rows, the appendix's header repeated on each page it runs over.
//!
//! Set `ATLAS_SAMPLE_PDF=/some/file.pdf` to keep the PDF for looking at.

use std::process::Command;

use atlas_core::reports::typst::{pdf, sample::sample_document, When};

const WHEN: When = When {
    year: 2026,
    month: 11,
    day: 30,
    hour: 14,
    minute: 5,
    second: 0,
};

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("writing the PDF");
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (poppler-utils, .ci/deps.sh): {e}"));
    assert!(
        out.status.success(),
        "{tool} reads the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("poppler writes UTF-8")
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_49_capability_report_reads_back_whole() {
    let fw = atlas_core::load_builtin().expect("the built-in pack loads");
    let doc = sample_document(&fw, "Acme Ltd");
    let bytes = pdf(&doc, WHEN).expect("the sample report typesets");
    if let Some(path) = std::env::var_os("ATLAS_SAMPLE_PDF") {
        std::fs::write(path, &bytes).expect("keeping the sample PDF");
    }
    let info = poppler("pdfinfo", &[], &bytes);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!(info.contains("A4"), "the report is set on A4: {info}");
    assert!(
        (6..=20).contains(&pages),
        "cover, headline and charts, gaps, and an appendix over several pages: {pages} pages"
    );

    let all = flat(&poppler("pdftotext", &["-raw"], &bytes));
    for needle in [
        "Acme Ltd — CAF-AI assessment",
        "Generated 2026-11-30 14:05 UTC",
        "Not yet assessed",
        "not assessed",
        "Ada Lovelace, Grace Hopper",
        "Signature and date",
        "not affiliated",
    ] {
        assert!(all.contains(needle), "the PDF says {needle:?}");
    }
    let capabilities = fw.nodes_of_kind("capability");
    assert_eq!(capabilities.len(), 49, "the sample covers the whole pack");
    for cap in &capabilities {
        assert!(
            all.matches(&flat(&cap.title)).count() >= 2,
            "{} is in its chart and in the appendix",
            cap.title
        );
    }

    let layout = poppler("pdftotext", &["-layout"], &bytes);
    let appendix_pages = layout
        .split('\u{c}')
        .filter(|p| p.contains("wiki"))
        .collect::<Vec<_>>();
    assert!(appendix_pages.len() >= 2, "the appendix runs over pages");
    for page in &appendix_pages {
        assert!(
            flat(page).contains("Capability Current Target Gap Notes"),
            "each appendix page repeats the table's header: {page}"
        );
        assert!(
            flat(page).contains("Acme Ltd Page"),
            "each page's footer names the organisation"
        );
    }
}
