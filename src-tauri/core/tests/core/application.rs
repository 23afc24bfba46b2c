//! `Atlas`, the application API: the rules that span the framework, the store and the search
//! index hold whichever way a change arrives (the window and the command line both call it).

use atlas_core::api::{ApiError, ErrorCode};
use atlas_core::search::SearchOptions;
use atlas_core::store::{AssessmentPatch, BulkEdit};
use atlas_core::{Atlas, AtlasError};

fn open(dir: &tempfile::TempDir) -> Atlas {
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Tester");
    atlas.build_search();
    atlas
}

/// The capabilities whose notes match `words`, for organisation `org_name`.
fn found(atlas: &Atlas, words: &str) -> Vec<(String, String)> {
    atlas
        .search(words, &SearchOptions::default())
        .expect("search answers")
        .into_iter()
        .filter_map(|h| h.org.map(|org| (org, h.id)))
        .collect()
}

fn note(text: &str) -> AssessmentPatch {
    AssessmentPatch {
        notes: Some(text.to_string()),
        ..AssessmentPatch::default()
    }
}

#[test]
fn a_note_is_findable_after_every_kind_of_write_and_gone_when_its_change_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let acme = atlas.create_organisation("Acme").unwrap().id;
    let hit = || found(&atlas, "zeppelin");
    assert!(hit().is_empty());

    atlas
        .save_assessment(acme, "data-curation", note("A zeppelin of data."))
        .unwrap();
    assert_eq!(
        hit(),
        vec![("Acme".to_string(), "data-curation".to_string())],
        "a saved note is searchable as soon as the save returns"
    );
    atlas.undo(acme).unwrap();
    assert!(hit().is_empty(), "undo takes the note out of search too");
    atlas.redo(acme).unwrap();
    assert_eq!(hit().len(), 1, "redo puts it back");

    atlas
        .save_assessments(acme, &["data-curation".into()], &BulkEdit::Current(Some(2)))
        .unwrap();
    assert_eq!(hit().len(), 1, "a bulk edit leaves the note findable");

    atlas.rename_organisation(acme, "Acme Bank").unwrap();
    assert_eq!(
        hit()[0].0,
        "Acme Bank",
        "a hit names the organisation as it is called now"
    );
    atlas.delete_organisation(acme).unwrap();
    assert!(
        hit().is_empty(),
        "a deleted organisation's notes leave search"
    );
    atlas.restore_organisation("Acme Bank").unwrap();
    assert_eq!(hit().len(), 1, "and come back with it");
}

#[test]
fn an_imported_organisations_notes_are_findable_at_once() {
    let from = tempfile::tempdir().unwrap();
    let source = open(&from);
    let acme = source.create_organisation("Acme").unwrap().id;
    source
        .save_assessment(acme, "data-curation", note("Harpsichord inventory."))
        .unwrap();
    let file = from.path().join("acme.json");
    std::fs::write(&file, source.export_json(Some(acme)).unwrap()).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    atlas.import_file(&file, false).unwrap();
    assert_eq!(
        found(&atlas, "harpsichord"),
        vec![("Acme".to_string(), "data-curation".to_string())]
    );
}

#[test]
fn search_is_not_ready_until_the_index_is_built_and_only_that_carries_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Tester");
    let early = atlas
        .search("governance", &SearchOptions::default())
        .unwrap_err();
    assert!(matches!(early, AtlasError::SearchNotReady), "{early}");
    let api = ApiError::from(early);
    assert_eq!(
        api.code,
        Some(ErrorCode::NotReady),
        "the search box asks again on this code"
    );
    atlas.build_search();
    assert!(!atlas
        .search("governance", &SearchOptions::default())
        .unwrap()
        .is_empty());

    let other = ApiError::from(atlas.lens("data-curation").unwrap_err());
    assert_eq!(other.code, None, "the window only shows this message");
    assert!(
        other.message.contains("not a stakeholder"),
        "{}",
        other.message
    );
}

#[test]
fn changes_are_attributed_to_the_author_the_application_was_opened_with() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let acme = atlas.create_organisation("Acme").unwrap().id;
    atlas
        .save_assessment(acme, "data-curation", note("x"))
        .unwrap();
    let history = atlas.history(acme, Some("data-curation")).unwrap();
    assert!(!history.is_empty());
    assert!(history.iter().all(|h| h.author == "Tester"), "{history:?}");
}

#[test]
fn a_tour_is_found_among_the_packs_and_the_users_and_an_unknown_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let builtin = atlas.tours().unwrap()[0].id.clone();
    let out = tempfile::tempdir().unwrap();
    let path = atlas.export_tour(&builtin, out.path()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        atlas_core::tours::Tour::parse(&text).unwrap().id,
        builtin,
        "the exported file reads back as the same tour"
    );
    let e = atlas.export_tour("no-such-tour", out.path()).unwrap_err();
    assert!(matches!(e, AtlasError::NotFound(_)), "{e}");
    assert!(e.to_string().contains("no-such-tour"), "{e}");
}

#[test]
fn a_store_that_cannot_be_opened_keeps_its_reason_while_the_framework_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("atlas.db"), b"not a database at all").unwrap();
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Tester");
    let status = atlas.store_status();
    assert!(
        status
            .error
            .as_deref()
            .is_some_and(|e| e.contains("damaged")),
        "{status:?}"
    );
    assert!(
        atlas.framework_view().is_ok(),
        "the framework is still shown"
    );
    let e = atlas.organisations().unwrap_err();
    assert!(e.to_string().contains("damaged"), "{e}");
}

#[test]
fn a_note_written_in_markdown_reaches_the_room_formatted_and_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let acme = atlas.create_organisation("Acme").unwrap().id;
    assert_eq!(
        atlas.notes_html(acme, "data-curation").unwrap(),
        "",
        "a capability without notes has nothing to show"
    );
    atlas
        .save_assessment(
            acme,
            "data-curation",
            note("**Board pack** by hand\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"),
        )
        .unwrap();
    let html = atlas.notes_html(acme, "data-curation").unwrap();
    assert!(
        html.contains("<strong>Board pack</strong>"),
        "markdown is shown formatted, not as asterisks: {html}"
    );
    for unsafe_bit in ["<script", "<img", "onerror"] {
        assert!(
            !html.contains(unsafe_bit),
            "a note is sanitised like every other body before the webview sees it: {html}"
        );
    }
}
