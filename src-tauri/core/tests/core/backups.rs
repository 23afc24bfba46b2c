//! Backups from the running app: the Restore list says what each backup holds, and a restore
//! happens without a restart, refused with nothing changed whenever it would be unsafe.

use atlas_core::search::SearchOptions;
use atlas_core::store::{AssessmentPatch, Store, BACKUPS_DIR};
use atlas_core::{Atlas, AtlasError};

fn open(dir: &tempfile::TempDir) -> Atlas {
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Ada");
    atlas.build_search();
    atlas
}

fn note(text: &str) -> AssessmentPatch {
    AssessmentPatch {
        notes: Some(text.to_string()),
        current: Some(Some(2)),
        ..AssessmentPatch::default()
    }
}

fn notes(atlas: &Atlas, org: i64) -> String {
    atlas
        .assessment(org, "data-curation")
        .expect("the store answers")
        .notes
}

fn found(atlas: &Atlas, word: &str) -> usize {
    atlas
        .search(word, &SearchOptions::default())
        .expect("search answers")
        .into_iter()
        .filter(|h| h.org.is_some())
        .count()
}

/// A running app on a fresh data folder with "Acme" noted "zeppelin", backed up, then noted
/// "dirigible"; returns the backup's name.
fn backed_up_then_changed(dir: &tempfile::TempDir) -> (Atlas, i64, String) {
    let atlas = open(dir);
    let acme = atlas.create_organisation("Acme").unwrap().id;
    atlas
        .save_assessment(acme, "data-curation", note("zeppelin"))
        .unwrap();
    let backup = atlas.backup_now().unwrap();
    atlas
        .save_assessment(acme, "data-curation", note("dirigible"))
        .unwrap();
    let name = backup.file_name().unwrap().to_string_lossy().into_owned();
    (atlas, acme, name)
}

#[test]
fn restoring_a_backup_in_the_running_app_brings_back_the_earlier_note_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, acme, name) = backed_up_then_changed(&dir);
    let restored = atlas
        .restore_backup(&name)
        .expect("the app's own store must not stop its own restore");
    assert_eq!(
        notes(&atlas, acme),
        "zeppelin",
        "the running app reads the restored database, not the one it had open"
    );
    assert_eq!(
        found(&atlas, "zeppelin"),
        1,
        "search finds the restored note"
    );
    assert_eq!(
        found(&atlas, "dirigible"),
        0,
        "search no longer finds the note the restore replaced"
    );
    atlas
        .save_assessment(acme, "data-curation", note("airship"))
        .expect("the reopened store takes writes");
    let kept = restored.replaced.expect("the replaced database is kept");
    let listed = atlas.backups();
    let before = listed
        .iter()
        .find(|b| Some(b.name.as_str()) == kept.file_name().and_then(|n| n.to_str()))
        .expect("the database the restore replaced appears in the Restore list");
    assert_eq!(before.organisations, vec!["Acme".to_string()]);
}

#[test]
fn a_restore_refused_because_another_process_has_the_folder_open_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, acme, name) = backed_up_then_changed(&dir);
    // A second store on the folder holds its shared lock, as `atlas` in another terminal does.
    let other = Store::open(dir.path(), "Bo").unwrap();
    let listed_before = atlas.backups().len();
    let err = atlas
        .restore_backup(&name)
        .expect_err("a restore must not swap the file under another process");
    assert!(
        matches!(&err, AtlasError::Store(e) if e.to_string().contains("open in")),
        "the refusal says the folder is open elsewhere: {err}"
    );
    assert_eq!(
        notes(&atlas, acme),
        "dirigible",
        "nothing was restored into the running app"
    );
    assert_eq!(
        atlas.backups().len(),
        listed_before,
        "a refused restore keeps no copy of a database it did not replace"
    );
    atlas
        .save_assessment(acme, "data-curation", note("blimp"))
        .expect("the app's store is back and takes writes after a refused restore");
    assert_eq!(found(&atlas, "blimp"), 1);
    drop(other);
}

#[test]
fn a_file_that_is_not_ours_is_refused_while_the_running_store_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, acme, _) = backed_up_then_changed(&dir);
    let foreign = dir.path().join(BACKUPS_DIR).join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let listed = atlas.backups();
    let entry = listed
        .iter()
        .find(|b| b.name == "foreign.db")
        .expect("a file that is not ours is listed, with why it cannot be restored");
    assert!(entry.problem.is_some(), "{entry:?}");
    let err = atlas.restore_backup("foreign.db").expect_err("not ours");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    assert_eq!(notes(&atlas, acme), "dirigible");
}

#[test]
fn a_restore_names_a_listed_backup_never_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, acme, _) = backed_up_then_changed(&dir);
    for name in ["../atlas.db", "/etc/passwd", "missing.db"] {
        let err = atlas
            .restore_backup(name)
            .expect_err("only a backup the list shows may be restored");
        assert!(err.to_string().contains("no backup named"), "{name}: {err}");
    }
    assert_eq!(notes(&atlas, acme), "dirigible");
}

#[test]
fn the_restore_list_shows_each_backups_organisations_and_last_change_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    atlas.create_organisation("Zenith").unwrap();
    let first = atlas.backup_now().unwrap();
    // Backups are dated by their files; one second apart keeps the order certain.
    let older = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&first)
        .unwrap()
        .set_modified(older)
        .unwrap();
    atlas.create_organisation("Acme").unwrap();
    let second = atlas.backup_now().unwrap();
    let listed = atlas.backups();
    let names: Vec<&str> = listed.iter().map(|b| b.name.as_str()).collect();
    let pos = |p: &std::path::Path| {
        names
            .iter()
            .position(|n| *n == p.file_name().unwrap().to_str().unwrap())
            .expect("each backup taken is listed")
    };
    assert!(pos(&second) < pos(&first), "newest first: {names:?}");
    let newest = &listed[pos(&second)];
    assert_eq!(newest.organisations, vec!["Acme", "Zenith"]);
    assert_eq!(newest.last_author.as_deref(), Some("Ada"));
    assert!(
        newest.last_change.is_some() && newest.bytes > 0,
        "{newest:?}"
    );
    assert_eq!(listed[pos(&first)].organisations, vec!["Zenith"]);
}

#[test]
fn after_a_restore_undo_reverts_to_the_restored_value_not_to_the_replaced_one() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let acme = atlas.create_organisation("Acme").unwrap().id;
    let level = |n: u8| AssessmentPatch {
        current: Some(Some(n)),
        ..AssessmentPatch::default()
    };
    let current = |atlas: &Atlas| atlas.assessment(acme, "data-curation").unwrap().current;
    atlas
        .save_assessment(acme, "data-curation", level(1))
        .unwrap();
    let backup = atlas.backup_now().unwrap();
    atlas
        .save_assessment(acme, "data-curation", level(4))
        .unwrap();
    atlas
        .restore_backup(backup.file_name().unwrap().to_str().unwrap())
        .unwrap();
    assert_eq!(current(&atlas), Some(1));
    atlas
        .save_assessment(acme, "data-curation", level(3))
        .unwrap();
    atlas.undo(acme).unwrap();
    assert_eq!(
        current(&atlas),
        Some(1),
        "undo after a restore reverts the change made since, to the restored value"
    );
    let history = atlas.history(acme, None).unwrap();
    assert!(
        history.len() <= 4,
        "the replaced database's changes are not in the restored history: {history:?}"
    );
}

#[test]
fn the_copy_a_restore_keeps_leads_the_list_even_in_the_second_its_backup_was_taken() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    atlas.create_organisation("Acme").unwrap();
    let taken = atlas.backup_now().unwrap();
    let name = taken.file_name().unwrap().to_str().unwrap().to_string();
    // Restored at once: the kept copy is written within the same second, as a person clicking
    // "Restore" right after "Back up now" does.
    atlas.restore_backup(&name).unwrap();
    let listed = atlas.backups();
    assert!(
        listed[0].name.starts_with("before-restore-"),
        "the newest file leads: {:?}",
        listed.iter().map(|b| &b.name).collect::<Vec<_>>()
    );
}
