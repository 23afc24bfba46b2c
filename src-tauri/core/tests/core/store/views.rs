//! What the explorer's views need from the store: bulk edits from the capability map and the
//! graph layout saved per pack.

use super::{fresh, two_four};
use atlas_core::store::{BulkEdit, Point, Priority, SavedLayout, Store};
use std::collections::BTreeMap;

fn caps(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_bulk_edit_sets_one_field_on_every_capability_and_undoes_as_one_step() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(&fw, org, "data-curation", two_four("kept"))
        .unwrap();
    let three = caps(&["data-curation", "risk-management", "ci-cd"]);
    let saved = store
        .save_assessments(&fw, org, &three, &BulkEdit::Target(Some(3)))
        .unwrap();
    assert_eq!(saved.len(), 3);
    for id in &three {
        assert_eq!(store.assessment(org, id).unwrap().target, Some(3), "{id}");
    }
    // Only the field named changes: the other fields of an existing assessment stay.
    let kept = store.assessment(org, "data-curation").unwrap();
    assert_eq!((kept.current, kept.notes.as_str()), (Some(2), "kept"));

    store
        .save_assessments(
            &fw,
            org,
            &three[..2],
            &BulkEdit::Priority(Some(Priority::High)),
        )
        .unwrap();
    store.undo(&fw, org).unwrap();
    assert_eq!(
        store.assessment(org, "risk-management").unwrap().priority,
        None
    );
    assert_eq!(
        store.assessment(org, "risk-management").unwrap().target,
        Some(3)
    );
    let outcome = store.undo(&fw, org).unwrap();
    assert_eq!(
        outcome.capabilities.len(),
        3,
        "the whole bulk edit is one undo step"
    );
    assert_eq!(store.assessment(org, "ci-cd").unwrap().target, None);
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().target,
        Some(4)
    );
}

#[test]
fn a_bulk_edit_with_one_bad_capability_or_value_changes_nothing() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let err = store
        .save_assessments(
            &fw,
            org,
            &caps(&["ci-cd", "no-such-thing"]),
            &BulkEdit::Current(Some(2)),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("no-such-thing"), "{err}");
    let err = store
        .save_assessments(&fw, org, &caps(&["ci-cd"]), &BulkEdit::Current(Some(9)))
        .unwrap_err()
        .to_string();
    assert!(err.contains("maturity scale"), "{err}");
    assert!(store.assessments(org).unwrap().is_empty());
    // Only the organisation's own creation is in its history.
    assert!(store
        .history(org, None)
        .unwrap()
        .iter()
        .all(|h| h.capability.is_empty()));
}

#[test]
fn a_saved_layout_is_read_back_per_pack_and_survives_reopening() {
    let (dir, mut store) = fresh();
    assert_eq!(store.layout("caf-ai").unwrap(), None);
    let layout = SavedLayout {
        fingerprint: "abc".into(),
        positions: BTreeMap::from([("ci-cd".to_string(), Point { x: 1.5, y: -2.0 })]),
        pinned: vec!["ci-cd".into()],
    };
    store.save_layout("caf-ai", &layout).unwrap();
    assert_eq!(store.layout("kitchen").unwrap(), None);
    drop(store);
    let mut store = Store::open(dir.path(), "Ada").unwrap();
    assert_eq!(store.layout("caf-ai").unwrap(), Some(layout.clone()));
    let bad = SavedLayout {
        positions: BTreeMap::from([(
            "x".to_string(),
            Point {
                x: f64::NAN,
                y: 0.0,
            },
        )]),
        ..layout.clone()
    };
    let err = store.save_layout("caf-ai", &bad).unwrap_err().to_string();
    assert!(err.contains("`x`"), "{err}");
    assert_eq!(store.layout("caf-ai").unwrap(), Some(layout));
}
