//! Typing in one sitting is one change: the saves the editor sends at each pause in typing
//! extend one change set, and never across an undo, a redo, another field, another
//! capability, another author, a workshop boundary or a snapshot. (The pause limit itself is
//! tested in the store's unit tests, which can age a change.)

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{AssessmentPatch, Store};

fn notes(text: &str) -> AssessmentPatch {
    AssessmentPatch {
        notes: Some(text.into()),
        ..AssessmentPatch::default()
    }
}

/// An organisation whose `data-curation` already has notes, saved with other fields so that
/// the first note saved after it starts a sitting of its own.
fn acme(store: &mut Store) -> i64 {
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four("Before."))
        .unwrap();
    org
}

/// Types `text` the way the editor saves it: one save per pause, each a longer prefix.
fn type_in(store: &mut Store, org: i64, cap: &str, text: &str) {
    let words: Vec<&str> = text.split(' ').collect();
    for n in 1..=words.len() {
        store
            .save_assessment(caf_ai(), org, cap, notes(&words[..n].join(" ")))
            .unwrap();
    }
}

fn sets(store: &Store, org: i64) -> usize {
    let mut ids: Vec<i64> = store
        .history(org, None)
        .unwrap()
        .iter()
        .map(|h| h.change_set)
        .collect();
    ids.dedup();
    ids.len()
}

#[test]
fn a_sentence_typed_with_pauses_made_a_history_entry_per_pause() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(
        &mut store,
        org,
        "data-curation",
        "We keep a catalogue of every dataset we train on today.",
    );
    let notes: Vec<_> = store
        .history(org, Some("data-curation"))
        .unwrap()
        .into_iter()
        .filter(|h| h.field == "notes")
        .collect();
    assert_eq!(
        notes.len(),
        2,
        "the first save and the sitting: eleven saves of one sentence are one entry: {notes:?}"
    );
    assert_eq!(
        (notes[1].old.as_str(), notes[1].new.as_str()),
        (
            Some("Before."),
            Some("We keep a catalogue of every dataset we train on today.")
        ),
        "the entry runs from the text before the sitting to the text after it"
    );
    let outcome = store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "Before.",
        "one undo restores the text from before the sitting"
    );
    assert_eq!(
        outcome.summary,
        "Data curation, notes “We keep a catalogue of every dataset we…” → “Before.”",
        "undo says what it undid, by title and field, from what to what"
    );
}

#[test]
fn text_typed_and_taken_back_left_an_undo_step_that_changed_nothing() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    let before = sets(&store, org);
    type_in(&mut store, org, "data-curation", "Before. Oops");
    store
        .save_assessment(caf_ai(), org, "data-curation", notes("Before."))
        .unwrap();
    assert_eq!(
        sets(&store, org),
        before,
        "a sitting that ends where it began leaves nothing to undo"
    );
}

#[test]
fn notes_typed_after_an_undo_were_merged_into_the_undone_change() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(&mut store, org, "data-curation", "first words");
    store.undo(caf_ai(), org).unwrap();
    type_in(&mut store, org, "data-curation", "second try");
    store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "Before.",
        "the text typed after the undo is its own step, back to the text the undo restored"
    );
    store.redo(caf_ai(), org).unwrap();
    type_in(&mut store, org, "data-curation", "second try, more");
    store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "second try",
        "typing after a redo does not extend the redone change"
    );
}

#[test]
fn notes_around_a_change_to_another_field_were_merged_across_it() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(&mut store, org, "data-curation", "first");
    let target = AssessmentPatch {
        target: Some(Some(3)),
        ..AssessmentPatch::default()
    };
    store
        .save_assessment(caf_ai(), org, "data-curation", target)
        .unwrap();
    type_in(&mut store, org, "data-curation", "first and second");
    store.undo(caf_ai(), org).unwrap();
    let a = store.assessment(org, "data-curation").unwrap();
    assert_eq!(
        (a.notes.as_str(), a.target),
        ("first", Some(3)),
        "undo reverts only the typing after the other field's change"
    );
}

#[test]
fn notes_of_two_capabilities_were_merged_into_one_change() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(&mut store, org, "data-curation", "curation");
    type_in(&mut store, org, "data-architecture", "architecture");
    let outcome = store.undo(caf_ai(), org).unwrap();
    assert_eq!(outcome.capabilities, vec!["data-architecture"]);
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "curation",
        "undoing the second capability's notes leaves the first's"
    );
    assert_eq!(
        outcome.summary, "Data architecture, notes “architecture” → empty",
        "undo names the capability it changed"
    );
}

#[test]
fn the_not_applicable_reason_and_notes_were_merged_as_one_text() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(&mut store, org, "data-curation", "notes");
    let reason = AssessmentPatch {
        not_applicable: Some(Some("Not in scope".into())),
        ..AssessmentPatch::default()
    };
    store
        .save_assessment(caf_ai(), org, "data-curation", reason)
        .unwrap();
    store.undo(caf_ai(), org).unwrap();
    let a = store.assessment(org, "data-curation").unwrap();
    assert_eq!(
        (a.notes.as_str(), a.not_applicable),
        ("notes", None),
        "the reason is its own field: undoing it keeps the notes"
    );
}

#[test]
fn notes_typed_by_two_people_were_merged_into_one_authors_change() {
    let (dir, mut ada) = fresh();
    let org = acme(&mut ada);
    type_in(&mut ada, org, "data-curation", "Ada's words");
    let mut bea = Store::open(dir.path(), "Bea").unwrap();
    bea.save_assessment(caf_ai(), org, "data-curation", notes("Ada's words, Bea's"))
        .unwrap();
    let history = ada.history(org, Some("data-curation")).unwrap();
    let last = history.last().unwrap();
    assert_eq!(
        (last.author.as_str(), last.old.as_str()),
        ("Bea", Some("Ada's words")),
        "each author's typing is theirs in the history"
    );
}

#[test]
fn notes_typed_before_and_during_a_workshop_were_merged() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(&mut store, org, "data-curation", "before");
    let w = store.start_workshop(org, "Q1 workshop", None).unwrap();
    type_in(&mut store, org, "data-curation", "before, during");
    store.end_workshop(w.id, None).unwrap();
    type_in(&mut store, org, "data-curation", "before, during, after");
    let history = store.history(org, Some("data-curation")).unwrap();
    let workshops: Vec<Option<&str>> = history
        .iter()
        .filter(|h| h.field == "notes")
        .map(|h| h.workshop.as_deref())
        .collect();
    assert_eq!(
        workshops,
        vec![None, None, Some("Q1 workshop"), None],
        "typing before, in and after a workshop are three changes, each attributed rightly"
    );
}

#[test]
fn notes_typed_around_a_snapshot_were_merged_so_undo_went_past_it() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    type_in(&mut store, org, "data-curation", "kept");
    store.take_snapshot(org, "Q1").unwrap();
    type_in(&mut store, org, "data-curation", "kept and more");
    store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "kept",
        "undo stops at the text the snapshot froze"
    );
}

#[test]
fn undo_changed_a_capability_without_saying_which_or_from_what_to_what() {
    let (_dir, mut store) = fresh();
    let org = acme(&mut store);
    let target = AssessmentPatch {
        target: Some(Some(3)),
        ..AssessmentPatch::default()
    };
    store
        .save_assessment(caf_ai(), org, "data-curation", target)
        .unwrap();
    let undone = store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        undone.summary, "Data curation, target maturity 3 → 4",
        "the capability's title, the field's label, and the value before and after the undo"
    );
    let redone = store.redo(caf_ai(), org).unwrap();
    assert_eq!(redone.summary, "Data curation, target maturity 4 → 3");
    store.undo(caf_ai(), org).unwrap();
    let first = store.undo(caf_ai(), org).unwrap();
    assert_eq!(
        first.summary,
        "Data curation, current maturity 2 → none, target maturity 4 → none, and 1 more",
        "a change of many fields names the first two and counts the rest"
    );
}
