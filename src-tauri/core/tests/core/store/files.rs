//! JSON and CSV files: exact round trips, atomic validated imports, merges that report conflicts.

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{Assessment, Evidence};
use std::path::Path;

fn populated() -> (tempfile::TempDir, atlas_core::store::Store) {
    let (dir, mut store) = fresh();
    let fw = caf_ai();
    let acme = store.create_organisation("Acme").unwrap().id;
    store
        .describe_organisation(acme, "Retail, \"quoted\"")
        .unwrap();
    store
        .save_assessment(fw, acme, "data-curation", two_four("Line one\n\n- *two*"))
        .unwrap();
    store.take_snapshot(acme, "Q1").unwrap();
    let a = Assessment {
        evidence: vec![Evidence {
            label: "Policy".into(),
            url: "https://example.org/p".into(),
        }],
        tags: vec!["ünïcode".into()],
        ..two_four("=SUM(A1)")
    };
    store.save_assessment(fw, acme, "data-curation", a).unwrap();
    store.undo(acme).unwrap();
    store.create_organisation("Globex").unwrap();
    (dir, store)
}

#[test]
fn export_then_import_into_an_empty_database_then_export_is_byte_identical() {
    let (_a, store) = populated();
    let first = store.export_json(None).unwrap();
    let (_b, mut empty) = fresh();
    empty
        .import_json(caf_ai(), Path::new("x.json"), &first, false)
        .unwrap();
    let second = empty.export_json(None).unwrap();
    assert!(
        first == second,
        "a round trip must not change a byte:\n{first}\n---\n{second}"
    );
}

#[test]
fn csv_has_one_row_per_capability_and_defuses_formulas() {
    let (_a, store) = populated();
    let acme = store.find_organisation("Acme").unwrap().id;
    let csv = store.export_csv(caf_ai(), Some(acme)).unwrap();
    let caps = caf_ai().nodes_of_kind("capability").len();
    let rows = csv.split("\r\n").filter(|l| l.starts_with("Acme,")).count();
    assert_eq!(rows, caps, "one row per capability, assessed or not");
    assert!(
        csv.contains("Acme,data-curation,Data curation,,2,4"),
        "{csv}"
    );
    assert!(
        !csv.contains(",=SUM"),
        "a note must not become a spreadsheet formula"
    );
}

fn import_err(text: &str) -> String {
    let (_a, mut store) = fresh();
    store.create_organisation("Existing").unwrap();
    let before = store.export_json(None).unwrap();
    let err = store
        .import_json(caf_ai(), Path::new("bad.json"), text, false)
        .unwrap_err()
        .to_string();
    assert_eq!(
        store.export_json(None).unwrap(),
        before,
        "a failed import must change nothing"
    );
    err
}

fn one_org(assessment: &str) -> String {
    format!(
        r#"{{"format":"capability-atlas/organisations","version":1,"organisations":[
        {{"id":7,"name":"Fine Org","description":"","created_at":"2026-01-01T00:00:00Z","assessments":{{}},"snapshots":[],"history":[]}},
        {{"id":8,"name":"Beta","description":"","created_at":"2026-01-01T00:00:00Z",
          "assessments":{{{assessment}}},"snapshots":[],"history":[]}}]}}"#
    )
}

#[test]
fn bad_import_files_change_nothing_and_say_what_is_wrong_where() {
    let (_a, store) = populated();
    let good = store.export_json(None).unwrap();
    let err = import_err(&good[..good.len() / 2]);
    assert!(
        err.contains("not a complete JSON document"),
        "truncated: {err}"
    );
    let err = import_err(&good.replace("\"version\": 1", "\"version\": 99"));
    assert!(
        err.contains("version 99 is not supported"),
        "wrong version: {err}"
    );
    let err = import_err(r#"{"hello": 1}"#);
    assert!(
        err.contains("not a Capability Atlas export"),
        "foreign file: {err}"
    );
    let err = import_err(&one_org(r#""no-such-capability":{"current":1}"#));
    assert!(
        err.contains("Beta") && err.contains("no-such-capability") && err.contains("capability"),
        "unknown capability: {err}"
    );
    let err = import_err(&one_org(r#""data-curation":{"target":6}"#));
    assert!(
        err.contains("Beta") && err.contains("target") && err.contains("not on the maturity scale"),
        "out of range: {err}"
    );
    let err = import_err(&one_org(r#""data-curation":{"colour":"red"}"#));
    assert!(
        err.contains("Beta") && err.contains("colour"),
        "unknown field: {err}"
    );
    let err = import_err(&one_org("").replace("Fine Org", "Existing"));
    assert!(
        err.contains("Existing") && err.contains("already exists"),
        "duplicate organisation: {err}"
    );
}

#[test]
fn merge_fills_empty_fields_and_reports_conflicts_instead_of_overwriting() {
    let fw = caf_ai();
    let (_a, mut laptop) = fresh();
    let acme = laptop.create_organisation("Acme").unwrap().id;
    laptop
        .save_assessment(fw, acme, "data-curation", two_four("theirs"))
        .unwrap();
    laptop
        .save_assessment(fw, acme, "model-development", two_four(""))
        .ok();
    laptop.create_organisation("Initech").unwrap();
    let file = laptop.export_json(None).unwrap();

    let (_b, mut mine) = fresh();
    let acme = mine.create_organisation("Acme").unwrap().id;
    mine.save_assessment(
        fw,
        acme,
        "data-curation",
        Assessment {
            current: Some(3),
            ..Assessment::default()
        },
    )
    .unwrap();
    let report = mine
        .import_json(fw, Path::new("laptop.json"), &file, true)
        .unwrap();
    assert_eq!(report.organisations_added, vec!["Initech"]);
    assert_eq!(
        report.conflicts.len(),
        1,
        "only `current` differs on both sides: {report:?}"
    );
    assert_eq!(report.conflicts[0].field, "current");
    let merged = mine.assessment(acme, "data-curation").unwrap();
    assert_eq!(
        (merged.current, merged.target, merged.notes.as_str()),
        (Some(3), Some(4), "theirs"),
        "ours kept, blanks filled"
    );
}
