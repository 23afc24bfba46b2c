//! Unit tests on an in-memory store for what integration tests cannot provoke from outside:
//! a full disk.

use super::{Assessment, Store, StoreError};

#[test]
fn a_full_disk_is_reported_as_such_and_loses_nothing_already_saved() {
    let fw = crate::load_builtin().expect("the built-in pack loads");
    let mut store = Store::open_in_memory("Ada").unwrap();
    let org = store.create_organisation("Acme").unwrap().id;
    let kept = Assessment {
        current: Some(2),
        ..Assessment::default()
    };
    store
        .save_assessment(&fw, org, "data-curation", kept.clone())
        .unwrap();
    // SQLite's page limit behaves exactly like a disk with no room left.
    let pages: i64 = store
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store
        .conn
        .pragma_update(None, "max_page_count", pages)
        .unwrap();
    let big = Assessment {
        notes: "x".repeat(crate::limits::MAX_NOTES_CHARS),
        ..kept.clone()
    };
    let err = store
        .save_assessment(&fw, org, "data-curation", big)
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert_eq!(
        store.assessment(org, "data-curation").unwrap(),
        kept,
        "the failed save left the old value"
    );
    assert_eq!(
        store.history(org, Some("data-curation")).unwrap().len(),
        1,
        "and no history for it"
    );
}

#[test]
fn notes_typed_after_a_long_pause_were_merged_into_the_earlier_sitting() {
    use super::model::{now_secs, timestamp};
    use super::AssessmentPatch;
    let fw = crate::load_builtin().expect("the built-in pack loads");
    let mut store = Store::open_in_memory("Ada").unwrap();
    let org = store.create_organisation("Acme").unwrap().id;
    let notes = |text: &str| AssessmentPatch {
        notes: Some(text.into()),
        ..AssessmentPatch::default()
    };
    store
        .save_assessment(&fw, org, "data-curation", notes("Morning"))
        .unwrap();
    store
        .save_assessment(&fw, org, "data-curation", notes("Morning notes"))
        .unwrap();
    assert_eq!(
        store.history(org, None).unwrap().len(),
        2,
        "creating the organisation, then one sitting of typing"
    );
    // The person stepped away for longer than a pause in typing.
    let earlier = timestamp(now_secs() - crate::limits::NOTE_SITTING_PAUSE_SECS - 1);
    store
        .conn
        .execute("UPDATE change_sets SET at = ?1", [&earlier])
        .unwrap();
    store
        .save_assessment(&fw, org, "data-curation", notes("Morning notes, afternoon"))
        .unwrap();
    store.undo(&fw, org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "Morning notes",
        "typing after a long pause is its own undo step"
    );
}
