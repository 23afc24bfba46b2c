//! Damaged and newer databases; backups and restore (more in `restore`; read-only folders in
//! `read_only`).

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{restore, Store, StoreError, BACKUPS_DIR, DAILY_BACKUPS_KEPT};

#[test]
fn a_corrupt_database_is_refused_left_untouched_and_the_newest_good_backup_offered() {
    let (dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four("precious"))
        .unwrap();
    drop(store);
    let db = dir.path().join("atlas.db");
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[..16].copy_from_slice(b"not a database!!");
    std::fs::write(&db, &bytes).unwrap();

    let err = Store::open(dir.path(), "Ada")
        .err()
        .expect("a damaged database must not open");
    match &err {
        StoreError::Corrupt { backup, .. } => {
            assert!(backup.is_some(), "the daily backup is offered")
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(
        err.to_string().contains("atlas restore"),
        "the message says how to recover: {err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "a damaged database is never overwritten"
    );
}

#[test]
fn restoring_the_offered_backup_brings_the_data_back_and_keeps_the_damaged_file() {
    let (dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four("precious"))
        .unwrap();
    let backup = store.backup_now().unwrap();
    drop(store);
    std::fs::write(dir.path().join("atlas.db"), b"garbage").unwrap();
    restore(dir.path(), &backup).unwrap();
    let store = Store::open(dir.path(), "Ada").unwrap();
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "precious"
    );
    let kept = std::fs::read_dir(dir.path().join(BACKUPS_DIR))
        .unwrap()
        .flatten()
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        });
    assert!(
        kept,
        "the replaced database is kept, so a restore can be undone"
    );
    let err = restore(dir.path(), &dir.path().join("atlas.db-wal-nope")).unwrap_err();
    assert!(err.to_string().contains("cannot restore"), "{err}");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(dir.path(), "Ada")
        .err()
        .expect("a newer database must not open");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer version"), "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a newer database is not modified"
    );
}

#[test]
fn daily_backups_keep_the_last_seven() {
    let (dir, store) = fresh();
    let backups = dir.path().join(BACKUPS_DIR);
    for day in 1..=9 {
        std::fs::write(backups.join(format!("daily-2020-01-0{day}.db")), b"").unwrap();
    }
    drop(store);
    Store::open(dir.path(), "Ada").unwrap();
    let dailies = std::fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("daily-"))
        .count();
    assert_eq!(
        dailies, DAILY_BACKUPS_KEPT,
        "old daily backups are pruned, today's is kept"
    );
}
