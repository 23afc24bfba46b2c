//! The PDF report of an organisation with all 49 CAF-AI capabilities assessed, made by the real
//! store and builder and read back with poppler (`pdftotext`, `pdfinfo`) as a reader would: the
//! dated cover, every headline figure, each gap's actions, every capability in the appendix
//! under a header repeated on each page, a board report of at most four pages, a handout
//! without a private note.
//!
//! Set `ATLAS_SAMPLE_PDF=/some/folder` to keep the PDFs for looking at.

use std::process::Command;

use atlas_core::atlas::ReportFormat;
use atlas_core::reports::document::{plain, Block};
use atlas_core::reports::{Profile, ReportRequest};
use atlas_core::synthetic::assess_every_capability;
use atlas_core::Atlas;

/// 2026-11-30 14:05:00 UTC.
const NOW: i64 = 1_796_047_500;

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

fn pages(pdf: &[u8]) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives a page count")
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Acme Ltd" with every capability assessed, in a fresh data folder.
fn assessed() -> (tempfile::TempDir, Atlas, i64) {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Ada Lovelace");
    let org = atlas.create_organisation("Acme Ltd").expect("created").id;
    assess_every_capability(&atlas, org, 15).expect("every capability assessed");
    (dir, atlas, org)
}

fn request(profile: Profile) -> ReportRequest {
    ReportRequest {
        profile,
        ..ReportRequest::default()
    }
}

fn pdf_of(atlas: &Atlas, org: i64, profile: Profile) -> Vec<u8> {
    let bytes = atlas
        .report_at(org, &request(profile), ReportFormat::Pdf, NOW)
        .expect("the report typesets");
    if let Some(dir) = std::env::var_os("ATLAS_SAMPLE_PDF") {
        let path = std::path::Path::new(&dir).join(format!("{}.pdf", profile.name()));
        std::fs::write(path, &bytes).expect("keeping the sample PDF");
    }
    bytes
}

#[test]
fn the_full_pdf_holds_the_dated_cover_every_figure_and_each_gaps_actions() {
    let (_dir, atlas, org) = assessed();
    let bytes = pdf_of(&atlas, org, Profile::Full);
    let doc = atlas
        .report_document_at(org, &request(Profile::Full), NOW)
        .expect("the document");
    let info = poppler("pdfinfo", &[], &bytes);
    assert!(info.contains("A4"), "the report is set on A4: {info}");
    let all = flat(&poppler("pdftotext", &["-raw"], &bytes));
    for needle in [
        "Acme Ltd — CAF-AI assessment",
        "Generated 2026-11-30 14:05 UTC",
        "Ada Lovelace",
        "Signature and date",
        "not affiliated",
    ] {
        assert!(all.contains(needle), "the PDF says {needle:?}");
    }
    // Every fact (the cover's and the headline's figures) and every table cell reaches the page.
    for block in &doc.blocks {
        let texts: Vec<String> = match block {
            Block::Facts(facts) => facts
                .iter()
                .flat_map(|(label, value)| [label.clone(), plain(value)])
                .collect(),
            Block::Table(t) => t.rows.iter().flatten().map(|c| plain(c)).collect(),
            _ => continue,
        };
        for text in texts.iter().map(|t| flat(t)).filter(|t| !t.is_empty()) {
            // A long cell may be hyphenated at a line's end; its first words still read whole.
            let head: String = text.split(' ').take(3).collect::<Vec<_>>().join(" ");
            assert!(all.contains(&head), "the PDF holds {text:?}");
        }
    }
    let fw = atlas.framework().expect("the pack");
    let assessments = atlas.assessments(org).expect("assessments");
    let mut actions = 0;
    for a in assessments.values() {
        for action in &a.actions {
            actions += 1;
            assert!(
                all.contains(&flat(&action.title)),
                "each action reaches the PDF: {}",
                action.title
            );
        }
    }
    assert!(
        actions > 20,
        "the sample has a plan worth printing: {actions}"
    );
    for cap in fw.nodes_of_kind("capability") {
        assert!(
            all.contains(&flat(&cap.title)),
            "{} is in the appendix",
            cap.title
        );
    }
    let layout = poppler("pdftotext", &["-layout"], &bytes);
    let appendix: Vec<&str> = layout
        .split('\u{c}')
        .filter(|p| p.contains("Evidence"))
        .collect();
    assert!(appendix.len() >= 2, "the appendix runs over pages");
    for page in &appendix {
        assert!(
            flat(page).contains("Acme Ltd Page"),
            "each page's footer names the organisation: {page}"
        );
    }
}

#[test]
fn the_board_pdf_fits_on_four_pages_with_its_gaps_and_actions() {
    let (_dir, atlas, org) = assessed();
    let bytes = pdf_of(&atlas, org, Profile::Board);
    let n = pages(&bytes);
    assert!(n <= 4, "a board report is at most four pages: it has {n}");
    let all = flat(&poppler("pdftotext", &["-raw"], &bytes));
    for needle in [
        "Generated 2026-11-30 14:05 UTC",
        "The largest gaps",
        "Sign-off",
        "Grace Hopper",
    ] {
        assert!(all.contains(needle), "the board PDF says {needle:?}: {all}");
    }
}

#[test]
fn the_handout_pdf_holds_no_private_note_and_no_score() {
    let (_dir, atlas, org) = assessed();
    let full = flat(&poppler(
        "pdftotext",
        &["-raw"],
        &pdf_of(&atlas, org, Profile::Full),
    ));
    let handout = flat(&poppler(
        "pdftotext",
        &["-raw"],
        &pdf_of(&atlas, org, Profile::Handout),
    ));
    let assessments = atlas.assessments(org).expect("assessments");
    let note = assessments
        .values()
        .find(|a| !a.notes.is_empty())
        .expect("a note");
    let first_words: String = flat(&note.notes)
        .split(' ')
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        full.contains(&first_words),
        "the full report carries the notes ({first_words:?}), so their absence below means something"
    );
    assert!(
        !handout.contains(&first_words),
        "a handout never carries a private note: {first_words:?}"
    );
    for score_word in ["The largest gaps", "Current against target", "Overall"] {
        assert!(
            full.contains(score_word) && !handout.contains(score_word),
            "{score_word:?} is derived from scores, which a handout leaves out unless asked"
        );
    }
}
