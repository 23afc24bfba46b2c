//! `atlas report`: the files it writes, read back, and what it refuses (writing nothing).

use crate::support::*;
use atlas_core::store::{Action, ActionStatus, Assessment, AssessmentPatch, Priority};
use std::path::Path;

/// An organisation with two assessed capabilities, one gap carrying an action.
fn seed(dir: &Path) {
    let atlas = atlas_core::Atlas::open(atlas_core::load_builtin(), dir, "Ada");
    let org = atlas.create_organisation("Acme Rail").unwrap().id;
    let save = |cap: &str, a: Assessment| {
        atlas
            .save_assessment(org, cap, AssessmentPatch::from(a))
            .unwrap();
    };
    save(
        "data-curation",
        Assessment {
            current: Some(1),
            target: Some(4),
            priority: Some(Priority::Critical),
            actions: vec![Action {
                id: "a1".into(),
                title: "Appoint a data steward".into(),
                owner: Some("Grace Hopper".into()),
                due: Some("2027-01-15".into()),
                status: ActionStatus::InProgress,
                note: String::new(),
            }],
            ..Assessment::default()
        },
    );
    save(
        "risk-management",
        Assessment {
            current: Some(3),
            target: Some(3),
            ..Assessment::default()
        },
    );
    atlas.take_snapshot(org, "Baseline").unwrap();
}

/// The text a person reads in the file: Markdown and HTML as they are; a Word file's body
/// paragraph by paragraph, as Word shows it (runs joined, entities decoded); a PDF's text as
/// poppler extracts it, lines joined (a long cell may wrap).
fn read(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "docx") {
        return word_text(path);
    }
    if path.extension().is_some_and(|e| e == "pdf") {
        return pdf_text(path);
    }
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{} is a PDF", path.display());
    let out = std::process::Command::new("pdftotext")
        .args(["-raw"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils, .ci/deps.sh)");
    assert!(out.status.success(), "pdftotext reads {}", path.display());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_text(path: &Path) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("a Word file is a zip package");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("a Word file has a body")
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = String::new();
    for paragraph in xml.split("</w:p>") {
        for run in paragraph.split("<w:t").skip(1) {
            let Some(start) = run.find('>') else { continue };
            let Some(end) = run.find("</w:t>") else {
                continue;
            };
            text.push_str(&run[start + 1..end]);
        }
        text.push('\n');
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn a_report_written_to_a_file_holds_the_cover_every_headline_figure_and_each_gaps_actions() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    for (name, profile) in [
        ("board.html", "board"),
        ("full.md", "full"),
        ("board.docx", "board"),
        ("board.pdf", "board"),
    ] {
        let file = dir.path().join(name);
        let out = atlas_in(
            dir.path(),
            &[
                "report",
                "Acme Rail",
                "--profile",
                profile,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("report written to"),
            "{}",
            stdout(&out)
        );
        let text = read(&file);
        for fact in [
            "Acme Rail",
            "CAF-AI",
            "Generated",
            " UTC",
            "Overall current",
            "2 of 5",
            "Overall target",
            "3.5 of 5",
            "2 of 49",
            "Not yet assessed",
            "47",
            "Appoint a data steward",
            "Grace Hopper, due 2027-01-15 (in progress)",
        ] {
            assert!(text.contains(fact), "{name} says {fact:?}:\n{text}");
        }
    }
    let html = read(&dir.path().join("board.html"));
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
}

#[test]
fn an_existing_file_is_never_replaced_and_the_command_says_where_the_report_went() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let file = dir.path().join("acme.md");
    std::fs::write(&file, "keep me").unwrap();
    let out = atlas_in(
        dir.path(),
        &["report", "Acme Rail", "-o", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        read(&file),
        "keep me",
        "an earlier file is never overwritten"
    );
    let renamed = dir.path().join("acme (2).md");
    assert!(
        stdout(&out).contains(&format!("written to {}", renamed.display())),
        "{}",
        stdout(&out)
    );
    assert!(read(&renamed).contains("# Acme Rail — CAF-AI assessment"));
}

#[test]
fn markdown_goes_to_standard_output_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let out = atlas_in(dir.path(), &["report", "Acme Rail", "--since", "Baseline"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("# Acme Rail — CAF-AI assessment"));
}

#[test]
fn bad_input_gets_a_clear_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    atlas_in(dir.path(), &["org", "create", "Empty Co"]);
    let before = files_in(dir.path());
    let target = dir.path().join("out.html");
    let t = target.to_str().unwrap();
    fails_saying(
        &atlas_in(
            dir.path(),
            &["report", "Acme Rail", "--since", "Baseline2", "-o", t],
        ),
        "`Baseline2` is not a snapshot of Acme Rail; did you mean `Baseline`?",
    );
    fails_saying(
        &atlas_in(dir.path(), &["report", "Empty Co", "-o", t]),
        "Empty Co has no assessments yet; assess a capability first",
    );
    fails_saying(
        &atlas_in(dir.path(), &["report", "Nobody", "-o", t]),
        "no organisation is named `Nobody`",
    );
    let odd = dir.path().join("acme.txt");
    fails_saying(
        &atlas_in(
            dir.path(),
            &["report", "Acme Rail", "-o", odd.to_str().unwrap()],
        ),
        "the format cannot be told from this file name",
    );
    // A "folder" that is a file cannot hold the report.
    let blocked = dir.path().join("notes.txt");
    std::fs::write(&blocked, "x").unwrap();
    let inside = blocked.join("report.md");
    fails_saying(
        &atlas_in(
            dir.path(),
            &["report", "Acme Rail", "-o", inside.to_str().unwrap()],
        ),
        "nothing was written under this name",
    );
    let mut after = files_in(dir.path());
    after.retain(|f| f != "notes.txt");
    assert_eq!(after, before, "a refused report leaves no file behind");
}
