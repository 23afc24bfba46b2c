//! Organisations, assessments, history, undo/redo, snapshots, comparisons and orphans.

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{Assessment, Evidence, Priority, Side, Store, StoreError};

#[test]
fn an_assessment_is_saved_and_read_back_as_entered() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap();
    let a = Assessment {
        priority: Some(Priority::High),
        stage: Some("launch".into()),
        owner: Some("cdo".into()),
        evidence: vec![Evidence {
            label: "Catalogue".into(),
            url: "https://wiki.example/catalogue".into(),
        }],
        tags: vec!["q1".into(), " q1 ".into(), "data".into()],
        ..two_four("We have a catalogue.")
    };
    store
        .save_assessment(caf_ai(), org.id, "data-curation", a)
        .unwrap();
    let back = store.assessment(org.id, "data-curation").unwrap();
    assert_eq!(
        (back.current, back.target),
        (Some(2), Some(4)),
        "the maturity entered must be the maturity shown"
    );
    assert_eq!(
        back.tags,
        vec!["q1", "data"],
        "duplicate tags are folded so filters count once"
    );
    assert_eq!(back.owner.as_deref(), Some("cdo"));
}

#[test]
fn invalid_input_is_refused_with_the_record_and_field_named() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap();
    let fw = caf_ai();
    let out_of_range = Assessment {
        current: Some(9),
        ..Assessment::default()
    };
    let err = store
        .save_assessment(fw, org.id, "data-curation", out_of_range)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("current") && err.contains("data-curation") && err.contains("0–5"),
        "{err}"
    );
    let err = store
        .save_assessment(fw, org.id, "data-curaton", two_four(""))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("not a capability") && err.contains("data-curation"),
        "an unknown capability names a likely one: {err}"
    );
    let err = store
        .save_assessment(fw, org.id, "governance", two_four(""))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("not a capability"),
        "a perspective is not assessable: {err}"
    );
    let bad_link = Assessment {
        evidence: vec![Evidence {
            label: "x".into(),
            url: "javascript:alert(1)".into(),
        }],
        ..Assessment::default()
    };
    let err = store
        .save_assessment(fw, org.id, "data-curation", bad_link)
        .unwrap_err()
        .to_string();
    assert!(err.contains("evidence[0].url"), "{err}");
    let bad_owner = Assessment {
        owner: Some("governance".into()),
        ..Assessment::default()
    };
    assert!(
        store
            .save_assessment(fw, org.id, "data-curation", bad_owner)
            .is_err(),
        "an owner must be a stakeholder"
    );
    assert!(
        store
            .assessment(org.id, "data-curation")
            .unwrap()
            .is_empty(),
        "a refused save stores nothing"
    );
}

#[test]
fn duplicate_organisation_names_are_refused_but_a_deleted_name_is_free() {
    let (_dir, mut store) = fresh();
    let acme = store.create_organisation("Acme").unwrap();
    assert!(matches!(
        store.create_organisation(" Acme "),
        Err(StoreError::DuplicateOrganisation(_))
    ));
    store.delete_organisation(acme.id).unwrap();
    assert!(
        store.organisations().unwrap().is_empty(),
        "a deleted organisation leaves the list"
    );
    store
        .create_organisation("Acme")
        .expect("the name of a deleted organisation can be reused");
}

#[test]
fn rename_describe_and_an_undoable_delete() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap();
    store.rename_organisation(org.id, "Acme Corp").unwrap();
    store.describe_organisation(org.id, "Retail").unwrap();
    store.delete_organisation(org.id).unwrap();
    assert!(store.organisation(org.id).is_err());
    store.undo(org.id).unwrap();
    let back = store
        .organisation(org.id)
        .expect("undo brings a deleted organisation back");
    assert_eq!(
        (back.name.as_str(), back.description.as_str()),
        ("Acme Corp", "Retail")
    );
}

#[test]
fn every_change_is_in_the_history_and_undo_redo_walk_it() {
    let (_dir, mut store) = fresh();
    let fw = caf_ai();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(fw, org, "data-curation", two_four("first"))
        .unwrap();
    store
        .save_assessment(
            fw,
            org,
            "data-curation",
            Assessment {
                current: Some(3),
                ..two_four("first")
            },
        )
        .unwrap();
    let timeline = store.history(org, Some("data-curation")).unwrap();
    let fields: Vec<_> = timeline
        .iter()
        .map(|h| (h.field.as_str(), h.old.clone(), h.new.clone()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("current", serde_json::Value::Null, 2.into()),
            ("target", serde_json::Value::Null, 4.into()),
            ("notes", "".into(), "first".into()),
            ("current", 2.into(), 3.into()),
        ],
        "the timeline shows each field's old and new value in order"
    );
    assert!(timeline.iter().all(|h| h.author == "Ada"));

    store.undo(org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().current,
        Some(2)
    );
    store.undo(org).unwrap();
    assert!(store.assessment(org, "data-curation").unwrap().is_empty());
    store.redo(org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap(),
        two_four("first")
    );
    store
        .save_assessment(fw, org, "data-curation", two_four("new"))
        .unwrap();
    assert!(store.redo(org).is_err(), "a new edit ends the redo chain");
    let all = store.history(org, None).unwrap();
    assert!(
        all.iter().any(|h| h.action == "undo") && all.iter().any(|h| h.action == "redo"),
        "undo and redo are themselves recorded"
    );
}

#[test]
fn snapshots_are_frozen_and_compare_reports_what_changed_by_how_much() {
    let (_dir, mut store) = fresh();
    let fw = caf_ai();
    let acme = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(fw, acme, "data-curation", two_four(""))
        .unwrap();
    let q1 = store.take_snapshot(acme, "Q1 workshop").unwrap();
    store
        .save_assessment(
            fw,
            acme,
            "data-curation",
            Assessment {
                current: Some(3),
                ..two_four("")
            },
        )
        .unwrap();
    let diff = store
        .compare(
            fw,
            &Side::Snapshot { snapshot: q1.id },
            &Side::Current { org: acme },
        )
        .unwrap();
    assert_eq!(diff.capabilities.len(), 1);
    let row = &diff.capabilities[0];
    assert_eq!(
        (row.title.as_str(), row.current_delta, row.target_delta),
        ("Data curation", Some(1), Some(0))
    );
    assert_eq!(row.changes.len(), 1, "only the current maturity changed");

    let other = store.create_organisation("Globex").unwrap().id;
    let side = store.resolve_side(acme, "org:Globex").unwrap();
    assert_eq!(side, Side::Current { org: other });
    let diff = store
        .compare(fw, &Side::Current { org: acme }, &side)
        .unwrap();
    assert_eq!(
        diff.capabilities[0].current_delta, None,
        "no delta when one side never assessed it"
    );
    assert!(
        store.take_snapshot(acme, "Q1 workshop").is_err(),
        "snapshot names are unique per organisation"
    );
}

#[test]
fn an_assessment_of_a_capability_the_pack_dropped_is_kept_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), "Ada").unwrap();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four("keep me"))
        .unwrap();
    drop(store);
    // The kitchen pack has no `data-curation`: the same database under another pack version.
    let kitchen = atlas_core::load_dir(&crate::support::example_pack()).unwrap();
    let store = Store::open(dir.path(), "Ada").unwrap();
    assert_eq!(store.orphans(&kitchen, org).unwrap(), vec!["data-curation"]);
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "keep me",
        "an orphan is never dropped"
    );
    let csv = store.export_csv(&kitchen, Some(org)).unwrap();
    assert!(
        csv.contains("data-curation,data-curation,yes,2,4"),
        "CSV marks orphans: {csv}"
    );
}

#[test]
fn hostile_markdown_in_notes_renders_inert() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))";
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four(hostile))
        .unwrap();
    let notes = store.assessment(org, "data-curation").unwrap().notes;
    assert_eq!(notes, hostile, "notes are stored exactly as typed");
    let html = atlas_core::markdown::render(&notes);
    for bad in ["<script", "onerror", "href=\"javascript:", "<img"] {
        assert!(
            !html.contains(bad),
            "rendered notes must not carry {bad}: {html}"
        );
    }
}
