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
    store.undo(caf_ai(), acme).unwrap();
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

/// `populated()`'s export with `edit` applied to Acme's exported history.
fn with_history(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let (_a, store) = populated();
    let mut doc: serde_json::Value =
        serde_json::from_str(&store.export_json(None).unwrap()).unwrap();
    let acme = doc["organisations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|o| o["name"] == "Acme")
        .unwrap();
    edit(&mut acme["history"]);
    doc.to_string()
}

/// Acme's history as `populated()` leaves it: #1 created, #2 described, #3 assessed (current,
/// target, notes), #4 evidence and tags (undone), #5 the undo.
fn change_of<'a>(
    history: &'a mut serde_json::Value,
    set: usize,
    field: &str,
) -> &'a mut serde_json::Value {
    history[set]["changes"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["field"] == field)
        .unwrap()
}

#[test]
fn imported_history_with_a_maturity_off_the_scale_is_refused_naming_entry_and_field() {
    let err = import_err(&with_history(|h| {
        change_of(h, 2, "current")["new"] = 200.into();
    }));
    assert!(
        err.contains("Acme")
            && err.contains("history #3")
            && err.contains("current")
            && err.contains("not on the maturity scale"),
        "undoing this history would store 200 on a 0–5 scale: {err}"
    );
}

#[test]
fn imported_history_must_hold_known_fields_valid_values_and_a_consistent_undo_chain() {
    let err = import_err(&with_history(|h| {
        change_of(h, 2, "notes")["field"] = "colour".into();
    }));
    assert!(
        err.contains("history #3") && err.contains("colour"),
        "an unknown field: {err}"
    );
    let err = import_err(&with_history(|h| {
        change_of(h, 1, "description")["new"] = 5.into();
    }));
    assert!(
        err.contains("history #2") && err.contains("description"),
        "an organisation's description must be text: {err}"
    );
    let err = import_err(&with_history(|h| {
        change_of(h, 3, "tags")["new"] = serde_json::json!(["x".repeat(500)]);
    }));
    assert!(
        err.contains("history #4") && err.contains("tags") && err.contains("allowed"),
        "a tag over the limit: {err}"
    );
    let err = import_err(&with_history(|h| h[4]["reverts"] = 2.into()));
    assert!(
        err.contains("history #5") && err.contains("inconsistent"),
        "an undo of a change that is not undone: {err}"
    );
    let err = import_err(&with_history(|h| h[2]["state"] = "gone".into()));
    assert!(
        err.contains("history #3") && err.contains("inconsistent"),
        "an unknown state: {err}"
    );
}

#[test]
fn imported_history_of_a_capability_the_pack_no_longer_has_is_kept() {
    let file = with_history(|h| {
        for c in h[2]["changes"].as_array_mut().unwrap() {
            c["capability"] = "retired-capability".into();
        }
    });
    let (_b, mut store) = fresh();
    store
        .import_json(caf_ai(), Path::new("old.json"), &file, false)
        .expect("history of orphaned capabilities is checked for its values, not its capability");
    let acme = store.find_organisation("Acme").unwrap().id;
    assert_eq!(
        store
            .history(acme, Some("retired-capability"))
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn an_imported_organisation_id_the_window_cannot_address_is_refused() {
    for id in ["9223372036854775807", "0", "-3", "2147483648"] {
        let err = import_err(&one_org("").replace("\"id\":8", &format!("\"id\":{id}")));
        assert!(
            err.contains("Beta") && err.contains("`id`") && err.contains("2147483647"),
            "id {id} must be refused naming the organisation and the range: {err}"
        );
    }
    let err = import_err(&one_org("").replace("\"id\":8", "\"id\":7"));
    assert!(
        err.contains("Beta") && err.contains("once per file"),
        "two organisations with one id: {err}"
    );
}

#[test]
fn an_import_file_over_the_size_limit_is_refused_before_it_is_read() {
    let (dir, mut store) = fresh();
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: the size is seen in the metadata, nothing needs to be written.
    file.set_len(atlas_core::limits::MAX_IMPORT_BYTES + 1)
        .unwrap();
    let err = store
        .import_file(caf_ai(), &path, false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("huge.json") && err.contains("larger than the 32 MiB"),
        "{err}"
    );
}

#[test]
fn a_pipe_cannot_feed_an_import_more_than_the_size_limit() {
    let (dir, mut store) = fresh();
    let path = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut pipe = std::fs::OpenOptions::new().write(true).open(path).unwrap();
            let chunk = vec![b' '; 1 << 20];
            // Endless, like a growing file: the reader must stop on its own. Writing fails
            // once it has closed the pipe.
            while pipe.write_all(&chunk).is_ok() {}
        })
    };
    let err = store
        .import_file(caf_ai(), &path, false)
        .unwrap_err()
        .to_string();
    writer.join().unwrap();
    assert!(err.contains("larger than the 32 MiB"), "{err}");
}

#[test]
fn an_import_with_more_organisations_than_allowed_is_refused() {
    let n = atlas_core::limits::MAX_IMPORT_ORGANISATIONS + 1;
    let orgs: Vec<String> = (1..=n)
        .map(|i| {
            format!(
                r#"{{"id":{i},"name":"Org {i}","description":"","created_at":"x","assessments":{{}},"snapshots":[],"history":[]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":"capability-atlas/organisations","version":1,"organisations":[{}]}}"#,
        orgs.join(",")
    );
    let err = import_err(&text);
    assert!(
        err.contains("organisations") && err.contains("more than the 1000"),
        "{err}"
    );
}
