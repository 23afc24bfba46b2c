//! Restore: only our own databases, never under a process that has the database open, and
//! never losing what the replaced database held.

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{
    newest_good_backup, restore, Store, StoreError, BACKUPS_DIR, DB_FILE, LOCK_FILE,
};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A data folder whose database holds one organisation, "Acme", with a note, and a backup of
/// it in another folder (so the backups folder of the data folder stays empty).
fn with_backup(note: &str) -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let (dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four(note))
        .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let backup = elsewhere.path().join("acme.db");
    store.backup_to(&backup).unwrap();
    drop(store);
    (dir, elsewhere, backup)
}

/// A SQLite file made by `sql` (and nothing else).
fn sqlite_file(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = dir.join(name);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    path
}

/// Everything in the data folder and its backups folder, with contents, to prove "nothing
/// changed". The lock file is left out: it holds nothing.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    for folder in [dir.to_path_buf(), dir.join(BACKUPS_DIR)] {
        for e in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            if e.path().is_file() && e.file_name() != LOCK_FILE {
                all.push((
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                ));
            }
        }
    }
    all.sort();
    all
}

fn refused(dir: &Path, file: &Path) -> String {
    let before = contents(dir);
    let err = restore(dir, file).expect_err("this file must not replace the database");
    assert_eq!(contents(dir), before, "a refused restore changes nothing");
    err.to_string()
}

#[test]
fn restore_refuses_a_database_with_a_negative_user_version() {
    let (dir, elsewhere, backup) = with_backup("kept");
    rusqlite::Connection::open(&backup)
        .unwrap()
        .pragma_update(None, "user_version", -1)
        .unwrap();
    let message = refused(dir.path(), &backup);
    assert!(
        message.contains("schema version is -1"),
        "the refusal names the version: {message}"
    );
    let store = Store::open(dir.path(), "Ada").expect("the database in place still opens");
    assert_eq!(store.organisations().unwrap().len(), 1);
    drop(elsewhere);
}

#[test]
fn a_live_database_with_a_negative_user_version_is_refused_instead_of_panicking() {
    let (dir, _elsewhere, _backup) = with_backup("kept");
    let db = dir.path().join(DB_FILE);
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", -1)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(dir.path(), "Ada")
        .err()
        .expect("a database with a negative version must not open");
    assert!(
        matches!(
            &err,
            StoreError::Corrupt {
                backup: Some(_),
                ..
            }
        ),
        "refused as damaged, offering the daily backup: {err:?}"
    );
    assert!(err.to_string().contains("schema version is -1"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");
}

#[test]
fn restore_refuses_an_empty_database() {
    let (dir, elsewhere, _) = with_backup("kept");
    let empty = sqlite_file(elsewhere.path(), "empty.db", "PRAGMA user_version = 0;");
    let message = refused(dir.path(), &empty);
    assert!(message.contains("it is empty"), "{message}");
    let zero_bytes = elsewhere.path().join("zero.db");
    std::fs::write(&zero_bytes, b"").unwrap();
    assert!(refused(dir.path(), &zero_bytes).contains("it is empty"));
}

#[test]
fn restore_refuses_another_applications_database() {
    let (dir, elsewhere, _) = with_backup("kept");
    let other = sqlite_file(
        elsewhere.path(),
        "other.db",
        "CREATE TABLE foo (x); INSERT INTO foo VALUES (1); PRAGMA user_version = 1;",
    );
    let message = refused(dir.path(), &other);
    assert!(
        message.contains("table `foo` is not part of a Capability Atlas database"),
        "{message}"
    );
}

#[test]
fn restore_refuses_a_database_carrying_a_trigger() {
    let (dir, elsewhere, backup) = with_backup("kept");
    rusqlite::Connection::open(&backup)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER x AFTER INSERT ON change_sets BEGIN DELETE FROM assessments; END;",
        )
        .unwrap();
    let message = refused(dir.path(), &backup);
    assert!(
        message.contains("it has a trigger `x` on `change_sets`"),
        "the refusal names the trigger and its table: {message}"
    );
    drop(elsewhere);
}

#[test]
fn a_live_database_carrying_a_trigger_is_refused_as_damaged_and_nothing_runs() {
    let (dir, _elsewhere, _) = with_backup("precious");
    let db = dir.path().join(DB_FILE);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON change_sets BEGIN DELETE FROM assessments; END;",
        )
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(dir.path(), "Ada")
        .err()
        .expect("a tampered database must not open");
    match &err {
        StoreError::Corrupt {
            backup: Some(good), ..
        } => assert!(
            good.starts_with(dir.path().join(BACKUPS_DIR)),
            "the newest good backup is offered: {good:?}"
        ),
        other => panic!("expected Corrupt with a backup, got {other:?}"),
    }
    assert!(err.to_string().contains("trigger `wipe`"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");
}

#[test]
fn the_backup_offered_is_never_one_that_would_be_refused() {
    let (dir, _elsewhere, _) = with_backup("kept");
    let backups = dir.path().join(BACKUPS_DIR);
    let daily = std::fs::read_dir(&backups)
        .unwrap()
        .flatten()
        .next()
        .expect("the first open took a daily backup")
        .path();
    // A newer file with a trigger, and one with a negative version, both look like backups.
    std::thread::sleep(Duration::from_millis(20));
    let trap = backups.join("manual-trap.db");
    std::fs::copy(&daily, &trap).unwrap();
    rusqlite::Connection::open(&trap)
        .unwrap()
        .execute_batch("CREATE TRIGGER t AFTER INSERT ON votes BEGIN DELETE FROM votes; END;")
        .unwrap();
    let negative = backups.join("manual-negative.db");
    std::fs::copy(&daily, &negative).unwrap();
    rusqlite::Connection::open(&negative)
        .unwrap()
        .pragma_update(None, "user_version", -7)
        .unwrap();
    assert_eq!(
        newest_good_backup(dir.path()),
        Some(daily),
        "only a backup that restore accepts may be offered"
    );
}

#[test]
fn the_replaced_database_is_kept_with_what_only_its_write_ahead_log_held() {
    let (dir, elsewhere, backup) = with_backup("old");
    // What a killed app leaves: a database whose newest change is only in its log.
    let crashed = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path(), "Ada").unwrap();
        let org = store.find_organisation("Acme").unwrap().id;
        store
            .save_assessment(caf_ai(), org, "data-curation", two_four("only in the log"))
            .unwrap();
        for ext in ["db", "db-wal"] {
            let from = dir.path().join(DB_FILE).with_extension(ext);
            std::fs::copy(&from, crashed.path().join(DB_FILE).with_extension(ext))
                .expect("the change is in the write-ahead log while the store is open");
        }
    }
    let done = restore(crashed.path(), &backup).unwrap();
    let kept = done.replaced.expect("the replaced database is kept");
    let conn = rusqlite::Connection::open(&kept).unwrap();
    let data: String = conn
        .query_row(
            "SELECT data FROM assessments WHERE capability = 'data-curation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        data.contains("only in the log"),
        "a change that was reported saved must be in the kept copy: {data}"
    );
    let store = Store::open(crashed.path(), "Ada").unwrap();
    let org = store.find_organisation("Acme").unwrap().id;
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "old",
        "the restored file is in place, with no old log replayed onto it"
    );
    drop(elsewhere);
}

#[test]
fn restore_is_refused_while_a_store_is_open_in_this_process() {
    let (dir, _elsewhere, backup) = with_backup("kept");
    let store = Store::open(dir.path(), "Ada").unwrap();
    let err = restore(dir.path(), &backup).unwrap_err();
    assert!(matches!(err, StoreError::InUse { .. }), "{err:?}");
    drop(store);
    restore(dir.path(), &backup).expect("once the store is closed, the restore goes ahead");
}

/// The crash test's writer: another process with the store open, saving as fast as it can.
fn writer(dir: &Path, start: u64) -> (Child, BufReader<ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_store-crash-writer"))
        .arg(dir)
        .arg(start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the writer starts");
    let out = BufReader::new(child.stdout.take().unwrap());
    (child, out)
}

/// The next write the writer acknowledges.
fn acknowledged(out: &mut BufReader<ChildStdout>) -> u64 {
    let mut line = String::new();
    out.read_line(&mut line).expect("the writer reports");
    line.trim()
        .strip_prefix("ok ")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the writer stopped: {line:?}"))
}

#[test]
fn restore_while_another_process_has_the_database_open_is_refused_and_loses_nothing() {
    let (dir, _elsewhere, backup) = with_backup("kept");
    let (mut child, mut out) = writer(dir.path(), 0);
    acknowledged(&mut out);
    let err = restore(dir.path(), &backup).unwrap_err();
    assert!(
        err.to_string()
            .contains("open in Capability Atlas or in another `atlas` command")
            && err.to_string().contains("close it"),
        "the refusal says who has it and what to do: {err}"
    );
    // The writer goes on; whatever it acknowledges after the refusal must be in the file.
    let mut last = 0;
    for _ in 0..20 {
        last = acknowledged(&mut out);
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let store = Store::open(dir.path(), "checker").unwrap();
    let org = store.find_organisation("Crash").unwrap().id;
    let caps: Vec<String> = caf_ai()
        .nodes_of_kind("capability")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let cap = &caps[(last % caps.len() as u64) as usize];
    let note = store.assessment(org, cap).unwrap().notes;
    let stored: u64 = note.trim_start_matches("write ").parse().unwrap_or(0);
    assert!(
        stored >= last,
        "write {last}, acknowledged after the refused restore, must be in the database (found {note:?})"
    );
    let kept = std::fs::read_dir(dir.path().join(BACKUPS_DIR))
        .unwrap()
        .flatten()
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        });
    assert!(!kept, "a refused restore copies nothing either");
}

#[test]
fn two_processes_write_to_one_data_folder_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut first_out) = writer(dir.path(), 0);
    acknowledged(&mut first_out);
    let (mut second, mut second_out) = writer(dir.path(), 1_000_000);
    for _ in 0..10 {
        acknowledged(&mut first_out);
        acknowledged(&mut second_out);
    }
    for child in [&mut first, &mut second] {
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

#[test]
fn opening_the_store_waits_for_a_restore_and_then_opens() {
    let (dir, _elsewhere, _) = with_backup("kept");
    let lock = std::fs::File::open(dir.path().join(LOCK_FILE)).unwrap();
    lock.lock().unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(600));
        drop(lock);
    });
    let started = Instant::now();
    Store::open(dir.path(), "Ada").expect("the store opens once the restore is over");
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "opening must not slip past a restore in progress"
    );
    release.join().unwrap();
}

#[test]
fn opening_the_store_during_a_long_restore_refuses_clearly() {
    let (dir, _elsewhere, _) = with_backup("kept");
    let lock = std::fs::File::open(dir.path().join(LOCK_FILE)).unwrap();
    lock.lock().unwrap();
    let err = Store::open(dir.path(), "Ada")
        .err()
        .expect("the store must not open under a restore");
    assert!(matches!(err, StoreError::Restoring { .. }), "{err:?}");
    assert!(
        err.to_string().contains("being restored") && err.to_string().contains("try again"),
        "{err}"
    );
}
