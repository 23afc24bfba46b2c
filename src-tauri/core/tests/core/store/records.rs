//! Organisations, assessments, history, undo/redo, snapshots, comparisons and orphans.

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{Assessment, AssessmentPatch, Evidence, Priority, Side, Store, StoreError};

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
    store.undo(caf_ai(), org.id).unwrap();
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

    store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().current,
        Some(2)
    );
    store.undo(caf_ai(), org).unwrap();
    assert!(store.assessment(org, "data-curation").unwrap().is_empty());
    store.redo(caf_ai(), org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap(),
        two_four("first")
    );
    store
        .save_assessment(fw, org, "data-curation", two_four("new"))
        .unwrap();
    assert!(
        store.redo(caf_ai(), org).is_err(),
        "a new edit ends the redo chain"
    );
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

#[test]
fn a_writer_saving_from_a_stale_copy_no_longer_reverts_what_another_writer_saved() {
    let dir = tempfile::tempdir().unwrap();
    let fw = caf_ai();
    let mut window = Store::open(dir.path(), "window").unwrap();
    let mut cli = Store::open(dir.path(), "cli").unwrap();
    let org = window.create_organisation("Acme").unwrap().id;
    window
        .save_assessment(fw, org, "data-curation", two_four("from the window"))
        .unwrap();
    // The window holds this copy while the command line changes the notes and the target.
    let stale = window.assessment(org, "data-curation").unwrap();
    cli.save_assessment(
        fw,
        org,
        "data-curation",
        AssessmentPatch {
            notes: Some("from the command line".into()),
            target: Some(Some(5)),
            ..AssessmentPatch::default()
        },
    )
    .unwrap();
    let edited = Assessment {
        current: Some(3),
        ..stale.clone()
    };
    let stored = window
        .save_assessment(
            fw,
            org,
            "data-curation",
            AssessmentPatch::between(&stale, &edited),
        )
        .unwrap();
    assert_eq!(
        (stored.current, stored.target, stored.notes.as_str()),
        (Some(3), Some(5), "from the command line"),
        "the window's save must change only the maturity it edited and return what is stored"
    );
    assert_eq!(
        window.assessment(org, "data-curation").unwrap(),
        stored,
        "what the save returns is what is stored"
    );
    let last = window.history(org, Some("data-curation")).unwrap();
    let window_fields: Vec<_> = last
        .iter()
        .filter(|h| h.author == "window")
        .skip(3)
        .map(|h| h.field.as_str())
        .collect();
    assert_eq!(
        window_fields,
        vec!["current"],
        "the history must record only the field the window changed"
    );
}

#[test]
fn a_patch_that_clears_a_field_clears_only_that_field() {
    let (_dir, mut store) = fresh();
    let fw = caf_ai();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(fw, org, "data-curation", two_four("kept"))
        .unwrap();
    let patch: AssessmentPatch = serde_json::from_str(r#"{"target": null}"#).unwrap();
    let stored = store
        .save_assessment(fw, org, "data-curation", patch)
        .unwrap();
    assert_eq!(
        (stored.current, stored.target, stored.notes.as_str()),
        (Some(2), None, "kept"),
        "`null` clears the field sent; fields not sent stay"
    );
    assert!(
        serde_json::from_str::<AssessmentPatch>(r#"{"notes": null}"#).is_err(),
        "notes cannot be null: an empty note is \"\""
    );
}

#[test]
fn undo_refuses_to_store_a_maturity_off_the_scale_whoever_wrote_the_history() {
    let (dir, mut store) = fresh();
    let fw = caf_ai();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(fw, org, "data-curation", two_four("kept"))
        .unwrap();
    // History written by something other than this build: undoing it would store 200.
    let raw = rusqlite::Connection::open(dir.path().join("atlas.db")).unwrap();
    raw.execute(
        "UPDATE changes SET old = '200' WHERE field = 'current' AND capability = 'data-curation'",
        [],
    )
    .unwrap();
    drop(raw);
    let err = store.undo(fw, org).unwrap_err().to_string();
    assert!(
        err.contains("cannot undo")
            && err.contains("data-curation")
            && err.contains("current")
            && err.contains("not on the maturity scale"),
        "the refusal names the capability, the field and why: {err}"
    );
    assert_eq!(
        store.assessment(org, "data-curation").unwrap(),
        two_four("kept"),
        "a refused undo changes nothing"
    );
}

#[test]
fn names_notes_tags_and_evidence_over_their_limits_are_refused_naming_field_and_limit() {
    use atlas_core::limits;
    let (_dir, mut store) = fresh();
    let fw = caf_ai();
    let err = store
        .create_organisation(&"A".repeat(limits::MAX_NAME_CHARS + 1))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("name") && err.contains(&limits::MAX_NAME_CHARS.to_string()),
        "{err}"
    );
    assert!(
        err.len() < 200,
        "the message must not repeat the whole name: {err}"
    );
    let org = store.create_organisation("Acme").unwrap().id;
    let err = store
        .describe_organisation(org, &"d".repeat(limits::MAX_DESCRIPTION_CHARS + 1))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("description") && err.contains(&limits::MAX_DESCRIPTION_CHARS.to_string()),
        "{err}"
    );
    let cases: Vec<(&str, AssessmentPatch, usize)> = vec![
        (
            "notes",
            AssessmentPatch {
                notes: Some("n".repeat(limits::MAX_NOTES_CHARS + 1)),
                ..AssessmentPatch::default()
            },
            limits::MAX_NOTES_CHARS,
        ),
        (
            "not_applicable",
            AssessmentPatch {
                not_applicable: Some(Some("r".repeat(limits::MAX_REASON_CHARS + 1))),
                ..AssessmentPatch::default()
            },
            limits::MAX_REASON_CHARS,
        ),
        (
            "tags",
            AssessmentPatch {
                tags: Some((0..=limits::MAX_TAGS).map(|i| format!("t{i}")).collect()),
                ..AssessmentPatch::default()
            },
            limits::MAX_TAGS,
        ),
        (
            "tags",
            AssessmentPatch {
                tags: Some(vec!["t".repeat(limits::MAX_TAG_CHARS + 1)]),
                ..AssessmentPatch::default()
            },
            limits::MAX_TAG_CHARS,
        ),
        (
            "evidence",
            AssessmentPatch {
                evidence: Some(
                    (0..=limits::MAX_EVIDENCE)
                        .map(|i| Evidence {
                            label: format!("e{i}"),
                            url: "https://example.org".into(),
                        })
                        .collect(),
                ),
                ..AssessmentPatch::default()
            },
            limits::MAX_EVIDENCE,
        ),
        (
            "evidence[0].label",
            AssessmentPatch {
                evidence: Some(vec![Evidence {
                    label: "l".repeat(limits::MAX_EVIDENCE_LABEL_CHARS + 1),
                    url: "https://example.org".into(),
                }]),
                ..AssessmentPatch::default()
            },
            limits::MAX_EVIDENCE_LABEL_CHARS,
        ),
        (
            "evidence[0].url",
            AssessmentPatch {
                evidence: Some(vec![Evidence {
                    label: "Link".into(),
                    url: format!("https://example.org/{}", "u".repeat(limits::MAX_URL_CHARS)),
                }]),
                ..AssessmentPatch::default()
            },
            limits::MAX_URL_CHARS,
        ),
    ];
    for (field, patch, limit) in cases {
        let err = store
            .save_assessment(fw, org, "data-curation", patch)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(field) && err.contains(&format!("the {limit} allowed")),
            "a value over the limit is refused naming `{field}` and {limit}: {err}"
        );
        assert!(
            err.len() < 400,
            "the message must not repeat the value: {err}"
        );
    }
    let err = store
        .take_snapshot(org, &"s".repeat(limits::MAX_NAME_CHARS + 1))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("snapshot name") && err.contains(&limits::MAX_NAME_CHARS.to_string()),
        "{err}"
    );
    assert!(store.assessment(org, "data-curation").unwrap().is_empty());
}

#[test]
fn a_new_organisation_after_one_with_the_largest_sqlite_id_gets_an_id_the_window_can_address() {
    let (dir, mut store) = fresh();
    store.create_organisation("First").unwrap();
    let raw = rusqlite::Connection::open(dir.path().join("atlas.db")).unwrap();
    raw.execute(
        "INSERT INTO organisations (id, name, created_at) VALUES (9223372036854775807, 'Huge', 'x')",
        [],
    )
    .unwrap();
    drop(raw);
    for name in ["Second", "Third"] {
        let id = store.create_organisation(name).unwrap().id;
        assert!(
            (1..=atlas_core::limits::MAX_ORGANISATION_ID).contains(&id),
            "`{name}` got id {id}, which the window's commands (u32) could not address"
        );
    }
}

#[test]
fn the_assessors_are_everyone_who_changed_the_organisation_once_each_in_order() {
    let (dir, mut ada) = fresh();
    let org = ada.create_organisation("Acme").unwrap().id;
    ada.save_assessment(caf_ai(), org, "data-curation", two_four("Ada"))
        .unwrap();
    let mut bea = Store::open(dir.path(), "Bea").unwrap();
    bea.save_assessment(caf_ai(), org, "data-engineering", two_four("Bea"))
        .unwrap();
    ada.save_assessment(caf_ai(), org, "data-engineering", two_four("Ada again"))
        .unwrap();
    let from_history: Vec<String> =
        ada.history(org, None)
            .unwrap()
            .into_iter()
            .fold(Vec::new(), |mut seen, h| {
                if !seen.contains(&h.author) {
                    seen.push(h.author);
                }
                seen
            });
    assert_eq!(
        ada.authors(org).unwrap(),
        from_history,
        "the report names the people the history shows, in the order they first changed it"
    );
    assert_eq!(from_history.len(), 2, "two people assessed Acme");
}
