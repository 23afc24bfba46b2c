//! Files in and out: `atlas export`, `import`, `backup` and `restore`, whole or not at all, never over the data.

use crate::support::*;
use std::path::PathBuf;
use std::process::Command;

#[test]
fn export_import_and_merge_through_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    atlas_in(a.path(), &["org", "create", "Acme"]);
    atlas_in(
        a.path(),
        &[
            "assess",
            "Acme",
            "data-curation",
            "--current",
            "2",
            "--target",
            "4",
        ],
    );
    let file = a.path().join("acme.json");
    let out = atlas_in(
        a.path(),
        &[
            "export",
            "Acme",
            "--format",
            "json",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&atlas_in(a.path(), &["export", "--format", "csv"]));
    assert!(
        csv.contains("Acme,data-curation,Data curation,,2,4"),
        "{csv}"
    );

    let out = atlas_in(b.path(), &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = atlas_in(b.path(), &["import", file.to_str().unwrap()]);
    assert!(
        !again.status.success() && stderr(&again).contains("already exists"),
        "a plain import never overwrites"
    );
    atlas_in(
        b.path(),
        &["assess", "Acme", "data-curation", "--current", "3"],
    );
    let merged = atlas_in(b.path(), &["import", file.to_str().unwrap(), "--merge"]);
    assert!(
        stdout(&merged).contains("1 conflicts"),
        "{}",
        stdout(&merged)
    );
    assert!(
        stdout(&merged).contains("conflict: Acme / data-curation / current: kept 3 (theirs 2)"),
        "{}",
        stdout(&merged)
    );
}

#[test]
fn backup_and_restore_bring_back_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let out = atlas_in(d, &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out)
        .trim()
        .trim_start_matches("backup written to ")
        .to_string();
    atlas_in(d, &["org", "delete", "Acme"]);
    assert!(!stdout(&atlas_in(d, &["org", "list"])).contains("Acme"));
    let out = atlas_in(d, &["restore", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&atlas_in(d, &["org", "list"])).contains("Acme"),
        "the restored database has the organisation again"
    );
}

#[test]
fn a_damaged_database_is_reported_with_the_backup_to_restore() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    std::fs::write(
        d.join("atlas.db"),
        b"this is not sqlite at all, not even close....",
    )
    .unwrap();
    let out = atlas_in(d, &["org", "list"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("damaged") && stderr(&out).contains("atlas restore"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn import_refuses_a_file_over_the_size_limit_before_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.json");
    std::fs::File::create(&file)
        .unwrap()
        .set_len(atlas_core::limits::MAX_IMPORT_BYTES + 1)
        .unwrap();
    let out = atlas_in(dir.path(), &["import", file.to_str().unwrap()]);
    fails_saying(&out, "larger than the 32 MiB");
}

#[test]
fn export_onto_the_live_database_is_refused_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let db = d.join("atlas.db");
    let before = std::fs::read(&db).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let mut targets = vec![
        db.clone(),
        d.join("atlas.db-wal"),
        d.join("backups").join("mine.json"),
    ];
    #[cfg(unix)]
    {
        let link = outside.path().join("acme.json");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        targets.push(link);
    }
    for target in &targets {
        for force in [false, true] {
            let mut args = vec!["export", "-o", target.to_str().unwrap()];
            if force {
                args.push("--force");
            }
            let out = atlas_in(d, &args);
            assert!(
                !out.status.success() && stderr(&out).contains("never written there"),
                "`atlas {}` must refuse: {}",
                args.join(" "),
                stderr(&out)
            );
        }
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the live database is never an export target"
    );
    assert!(stdout(&atlas_in(d, &["org", "list"])).contains("Acme"));
}

#[test]
fn export_to_an_existing_file_takes_a_new_name_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("acme.json");
    std::fs::write(&target, "the earlier export").unwrap();
    let out = atlas_in(d, &["export", "-o", target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("acme (2).json"),
        "the command says which name it wrote: {}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the earlier export",
        "an earlier export is never overwritten without --force"
    );
    let forced = atlas_in(d, &["export", "-o", target.to_str().unwrap(), "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"Acme\""),
        "--force replaces the file"
    );
    assert_eq!(files_in(out_dir.path()), ["acme (2).json", "acme.json"]);
}

/// A real write failure in the real binary: with the file-size limit below the export's size
/// (and the signal that would kill the process ignored), writing fails with "File too large",
/// just as it does with "No space left on device" on a full disk, at the same point.
#[cfg(unix)]
#[test]
fn an_export_that_runs_out_of_room_leaves_the_earlier_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    {
        let fw = atlas_core::load_builtin().expect("the built-in pack loads");
        let mut store = atlas_core::store::Store::open(d, "Ada").unwrap();
        let org = store.create_organisation("Acme").unwrap().id;
        for cap in fw.nodes_of_kind("capability").iter().take(45) {
            let a = atlas_core::store::Assessment {
                notes: "n".repeat(4000),
                ..Default::default()
            };
            store.save_assessment(&fw, org, &cap.id, a).unwrap();
        }
    }
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("acme.json");
    std::fs::write(&target, "the earlier export").unwrap();
    for force in [false, true] {
        let mut cmd = Command::new("sh");
        // 128 blocks (64 KB in dash, 128 KB in bash): room for SQLite's 32 KB shared-memory
        // file, not for an export of some 360 KB.
        cmd.args(["-c", r#"trap '' XFSZ; ulimit -f 128; exec "$@""#, "sh"])
            .arg(env!("CARGO_BIN_EXE_atlas"))
            .args(["--data-dir", d.to_str().unwrap(), "export", "Acme", "-o"])
            .arg(&target);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().unwrap();
        assert!(
            !out.status.success(),
            "the export cannot fit, so it must fail (force: {force}): {}",
            stdout(&out)
        );
        assert!(
            stderr(&out).contains("nothing was written under this name"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the earlier export",
            "a failed export leaves the earlier file whole (force: {force})"
        );
        assert_eq!(
            files_in(out_dir.path()),
            ["acme.json"],
            "and no partial file under any name (force: {force})"
        );
    }
}

#[test]
fn restore_refuses_a_database_with_a_negative_user_version_and_every_command_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let out = atlas_in(d, &["backup"]);
    let backup = PathBuf::from(stdout(&out).trim().trim_start_matches("backup written to "));
    let mut bytes = std::fs::read(&backup).unwrap();
    // `PRAGMA user_version` lives at byte 60 of the header, big-endian: make it -1.
    bytes[60..64].copy_from_slice(&(-1i32).to_be_bytes());
    let tampered = d.join("tampered.db");
    std::fs::write(&tampered, &bytes).unwrap();
    let out = atlas_in(d, &["restore", tampered.to_str().unwrap()]);
    fails_saying(&out, "schema version is -1");
    let list = atlas_in(d, &["org", "list"]);
    assert!(
        list.status.success() && stdout(&list).contains("Acme"),
        "the database in place is untouched and opens: {}",
        stderr(&list)
    );
    let out = atlas_in(d, &["restore", backup.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("the database it replaced is kept as"),
        "a restore says where the replaced database went: {}",
        stdout(&out)
    );
}

#[test]
fn export_actions_csv_writes_the_plan_under_a_trackers_header() {
    let d = tempfile::tempdir().unwrap();
    let plan = d.path().join("plan.json");
    std::fs::write(
        &plan,
        r#"{"format":"capability-atlas/organisations","version":1,"organisations":[
        {"id":1,"name":"Acme","description":"","created_at":"2026-01-01T00:00:00Z",
         "assessments":{"data-curation":{"actions":[
           {"id":"1","title":"Train the data team","owner":"ai-governance-board",
            "due":"2026-03-31","status":"in_progress","note":"Two sessions, \"hands on\""}]}},
         "snapshots":[],"history":[]}]}"#,
    )
    .unwrap();
    let out = atlas_in(d.path(), &["import", plan.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = d.path().join("plan.csv");
    let out = atlas_in(
        d.path(),
        &[
            "export",
            "Acme",
            "--format",
            "actions-csv",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "Title,Description,Owner,Due date,Status,Capability\r\n\
         Train the data team,\"Two sessions, \"\"hands on\"\"\",AI governance board,2026-03-31,\
         In progress,Data curation (data-curation)\r\n",
        "a tracker imports this header, the owner's title and the status in words"
    );
    let out = atlas_in(d.path(), &["export", "--format", "actions-csv"]);
    fails_saying(&out, "name the organisation");
}
