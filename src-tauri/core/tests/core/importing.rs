//! Import as the window does it: a preview that writes nothing and shows every conflict with
//! who changed each side and when, the person's choice per conflict, one transaction that is
//! one undoable change, a file changed since its preview refused, and CSV read back exactly.

use crate::store::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{
    Action, Assessment, Confidence, Evidence, Priority, Resolution, Store, Take,
};
use atlas_core::Atlas;
use std::path::Path;

/// "Acme" here with our notes and target on data curation; the file (written by "Bea") holds
/// Acme with other notes and target, a level we lack on data science, a snapshot, and Globex.
fn ours_and_theirs() -> (tempfile::TempDir, Store, String) {
    let fw = caf_ai();
    let (_t, mut theirs) = fresh();
    let dir = tempfile::tempdir().unwrap();
    let mut bea = Store::open(dir.path(), "Bea").unwrap();
    drop(theirs.create_organisation("unused"));
    let acme = bea.create_organisation("Acme").unwrap().id;
    bea.save_assessment(fw, acme, "data-curation", two_four("their notes"))
        .unwrap();
    bea.save_assessment(
        fw,
        acme,
        "data-science",
        Assessment {
            current: Some(3),
            actions: vec![Action {
                title: "Hire a data scientist".into(),
                ..Action::default()
            }],
            ..Assessment::default()
        },
    )
    .unwrap();
    bea.take_snapshot(acme, "Q1").unwrap();
    bea.create_organisation("Globex").unwrap();
    let file = bea.export_json(None).unwrap();

    let (home, mut ours) = fresh();
    let acme = ours.create_organisation("acme").unwrap().id;
    ours.save_assessment(
        fw,
        acme,
        "data-curation",
        Assessment {
            current: Some(2),
            target: Some(5),
            notes: "our notes".into(),
            ..Assessment::default()
        },
    )
    .unwrap();
    (home, ours, file)
}

fn choose(capability: &str, field: &str, take: Take) -> Resolution {
    Resolution {
        organisation: "Acme".into(),
        capability: capability.into(),
        field: field.into(),
        take,
    }
}

#[test]
fn a_preview_writes_nothing_and_counts_what_each_way_of_importing_would_change() {
    let (_d, store, file) = ours_and_theirs();
    let before = store.export_json(None).unwrap();
    let preview = store
        .preview_import(caf_ai(), Path::new("/x/bea.json"), file.as_bytes())
        .unwrap();
    assert_eq!(
        store.export_json(None).unwrap(),
        before,
        "a preview must not write"
    );
    assert_eq!(
        preview.file_name, "bea.json",
        "only the name, never the folder"
    );
    assert_eq!(preview.format, "json");
    let acme = &preview.organisations[0];
    assert_eq!(
        acme.matches.as_deref(),
        Some("acme"),
        "a merge goes into the organisation alike but for case"
    );
    let merged = acme.merged.clone().expect("Acme can be merged");
    assert_eq!(
        (
            merged.assessments_added,
            merged.assessments_changed,
            merged.actions,
            merged.snapshots,
            merged.conflicts
        ),
        (1, 1, 1, 1, 2),
        "data science is new with its one action, data curation changes only where a \
         conflict takes theirs (notes, target), and the snapshot Q1 is new: {merged:?}"
    );
    assert_eq!(acme.as_new.assessments_added, 2);
    assert!(preview.organisations[1].matches.is_none(), "Globex is new");
}

#[test]
fn each_conflict_shows_both_values_and_who_changed_each_side_when() {
    let (_d, store, file) = ours_and_theirs();
    let preview = store
        .preview_import(caf_ai(), Path::new("bea.json"), file.as_bytes())
        .unwrap();
    let fields: Vec<&str> = preview.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        ["target", "notes"],
        "current is 2 on both sides: no conflict"
    );
    let notes = &preview.conflicts[1];
    assert_eq!(notes.title, "Data curation", "the capability by its title");
    assert_eq!(
        (notes.ours.as_str(), notes.theirs.as_str()),
        (Some("our notes"), Some("their notes"))
    );
    let ours = notes
        .ours_changed
        .as_ref()
        .expect("our history has the change");
    let theirs = notes
        .theirs_changed
        .as_ref()
        .expect("the file's history has it");
    assert_eq!(
        (ours.author.as_str(), theirs.author.as_str()),
        ("Ada", "Bea")
    );
    assert!(!ours.at.is_empty() && !theirs.at.is_empty(), "and when");
}

#[test]
fn a_merge_takes_theirs_where_chosen_and_keeps_ours_elsewhere_as_one_undoable_change() {
    let (_d, mut store, file) = ours_and_theirs();
    let fw = caf_ai();
    let acme = store.find_organisation("acme").unwrap().id;
    let changes_before = store.history(acme, None).unwrap().len();
    let (report, undo) = store
        .apply_import(
            fw,
            Path::new("bea.json"),
            file.as_bytes(),
            true,
            &[
                choose("data-curation", "target", Take::Theirs),
                choose("data-curation", "notes", Take::Ours),
            ],
        )
        .unwrap();
    assert_eq!((report.fields_taken, report.conflicts.len()), (1, 2));
    let dc = store.assessment(acme, "data-curation").unwrap();
    assert_eq!((dc.target, dc.notes.as_str()), (Some(4), "our notes"));
    assert_eq!(
        store.assessment(acme, "data-science").unwrap().current,
        Some(3)
    );
    let sets: std::collections::BTreeSet<i64> = store.history(acme, None).unwrap()
        [changes_before..]
        .iter()
        .map(|e| e.change_set)
        .collect();
    assert_eq!(
        sets.len(),
        1,
        "the whole merge is one change in the history"
    );
    assert_eq!(undo.added.len(), 1, "Globex was added");

    store.undo(fw, acme).unwrap();
    let dc = store.assessment(acme, "data-curation").unwrap();
    assert_eq!(
        (
            dc.target,
            store.assessment(acme, "data-science").unwrap().current
        ),
        (Some(5), None),
        "one Ctrl+Z in Acme must undo every field the import wrote there"
    );
}

#[test]
fn undoing_an_import_reverts_its_merges_and_deletes_what_it_added_restorably() {
    let (_d, mut store, file) = ours_and_theirs();
    let fw = caf_ai();
    let before: Vec<String> = store
        .organisations()
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    let (_, undo) = store
        .apply_import(
            fw,
            Path::new("bea.json"),
            file.as_bytes(),
            true,
            &[choose("data-curation", "notes", Take::Theirs)],
        )
        .unwrap();
    store.undo_import(fw, &undo).unwrap();
    let after: Vec<String> = store
        .organisations()
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(
        after, before,
        "Globex, which the import added, must be gone from the list"
    );
    let acme = store.find_organisation("acme").unwrap().id;
    assert_eq!(
        store.assessment(acme, "data-curation").unwrap().notes,
        "our notes"
    );
    assert_eq!(
        store.deleted_organisations().unwrap()[0].name,
        "Globex",
        "an organisation an undone import added is deleted, never lost"
    );
}

#[test]
fn undoing_an_import_after_the_merged_organisation_changed_is_refused_with_nothing_changed() {
    let (_d, mut store, file) = ours_and_theirs();
    let fw = caf_ai();
    let (_, undo) = store
        .apply_import(fw, Path::new("bea.json"), file.as_bytes(), true, &[])
        .unwrap();
    let acme = store.find_organisation("acme").unwrap().id;
    store
        .save_assessment(fw, acme, "data-curation", two_four("later"))
        .unwrap();
    let err = store.undo_import(fw, &undo).unwrap_err();
    assert!(
        err.to_string()
            .contains("`acme` has changed since the import"),
        "{err}"
    );
    assert_eq!(
        store.organisations().unwrap().len(),
        2,
        "Globex stays: nothing was undone"
    );
}

#[test]
fn a_choice_for_a_conflict_the_file_does_not_have_is_refused() {
    let (_d, mut store, file) = ours_and_theirs();
    let before = store.export_json(None).unwrap();
    let err = store
        .apply_import(
            caf_ai(),
            Path::new("bea.json"),
            file.as_bytes(),
            true,
            &[choose("data-curation", "owner", Take::Theirs)],
        )
        .unwrap_err();
    assert!(err.to_string().contains("choice #1"), "{err}");
    assert_eq!(store.export_json(None).unwrap(), before, "refused whole");
}

#[test]
fn a_truncated_file_changes_nothing_and_says_where_it_broke() {
    let (_d, mut store, file) = ours_and_theirs();
    let before = store.export_json(None).unwrap();
    let cut = &file[..file.len() / 2];
    for err in [
        store
            .preview_import(caf_ai(), Path::new("bea.json"), cut.as_bytes())
            .unwrap_err(),
        store
            .apply_import(caf_ai(), Path::new("bea.json"), cut.as_bytes(), true, &[])
            .unwrap_err(),
    ] {
        let text = err.to_string();
        assert!(
            text.contains("bea.json") && text.contains("line"),
            "names the file and the line: {text}"
        );
    }
    assert_eq!(store.export_json(None).unwrap(), before);
}

#[test]
fn a_wrong_field_type_names_the_organisation_and_the_field() {
    let (_d, store, file) = ours_and_theirs();
    let bad = file.replacen("\"current\": 3", "\"current\": \"three\"", 1);
    assert_ne!(bad, file);
    let err = store
        .preview_import(caf_ai(), Path::new("bea.json"), bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("organisation #1 (`Acme`), capability `data-science`, field `current`"),
        "the message must lead to the record and the field: {err}"
    );
}

#[test]
fn a_file_changed_on_disk_after_its_preview_is_refused() {
    let (_d, _s, file) = ours_and_theirs();
    let data = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(atlas_core::load_builtin(), data.path(), "Tester");
    let path = data.path().join("bea.json");
    std::fs::write(&path, &file).unwrap();
    let preview = atlas.preview_import(&path).unwrap();
    std::fs::write(&path, file.replace("their notes", "swapped notes")).unwrap();
    let err = atlas
        .apply_import(&path, &preview.checksum, false, &[])
        .unwrap_err();
    assert!(
        err.to_string().contains("changed after it was previewed"),
        "{err}"
    );
    assert!(
        atlas.organisations().unwrap().is_empty(),
        "nothing imported"
    );
    std::fs::write(&path, &file).unwrap();
    atlas
        .apply_import(&path, &preview.checksum, false, &[])
        .expect("the bytes previewed import");
    assert_eq!(atlas.organisations().unwrap().len(), 2);
}

#[test]
fn csv_export_then_import_into_an_empty_folder_then_export_is_byte_identical() {
    let fw = caf_ai();
    let (_a, mut store) = fresh();
    let acme = store.create_organisation("Acme, \"Ltd\"").unwrap().id;
    store
        .save_assessment(
            fw,
            acme,
            "data-curation",
            Assessment {
                current: Some(1),
                target: Some(3),
                priority: Some(Priority::High),
                confidence: Some(Confidence::Low),
                stage: Some("launch".into()),
                not_applicable: None,
                tags: vec!["a; b".into(), "=c".into()],
                evidence: vec![
                    Evidence {
                        label: "One; two".into(),
                        url: "https://example.org/a".into(),
                    },
                    Evidence {
                        label: "Three".into(),
                        url: "https://example.org/b".into(),
                    },
                ],
                notes: "'quoted'\n\n- line, \"two\"\r\n+ =SUM(A1)".into(),
                ..Assessment::default()
            },
        )
        .unwrap();
    store.create_organisation("Globex").unwrap();
    let first = store.export_csv(fw, None).unwrap();
    let (_b, mut empty) = fresh();
    let preview = empty
        .preview_import(fw, Path::new("x.csv"), first.as_bytes())
        .unwrap();
    assert_eq!(preview.format, "csv");
    empty
        .import_json(fw, Path::new("x.csv"), &first, false)
        .unwrap();
    let second = empty.export_csv(fw, None).unwrap();
    assert!(
        first == second,
        "a CSV round trip must not change a byte:\n{first}\n---\n{second}"
    );
}

#[test]
fn a_csv_cell_that_is_not_a_value_of_its_column_is_refused_naming_line_and_column() {
    let fw = caf_ai();
    let (_a, mut store) = fresh();
    let acme = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(fw, acme, "data-curation", two_four("n"))
        .unwrap();
    let csv = store.export_csv(fw, None).unwrap();
    let bad = csv.replace(
        "Acme,data-curation,Data curation,,2,4",
        "Acme,data-curation,Data curation,,2,four",
    );
    assert_ne!(bad, csv);
    let line = bad.split("\r\n").position(|l| l.contains(",four")).unwrap() + 1;
    let err = store
        .preview_import(fw, Path::new("x.csv"), bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("line {line}, column `target`")),
        "{err}"
    );
}
