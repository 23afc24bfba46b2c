//! The `atlas` binary, run as a user runs it: headless subcommands, exit codes and output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .env(
            "ATLAS_DATA_DIR",
            std::env::temp_dir().join("atlas-cli-tests"),
        )
        .output()
        .expect("the atlas binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn version_prints_the_crate_version() {
    let out = atlas(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("atlas {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_reports_the_built_in_pack_by_kind() {
    let out = atlas(&["check"]);
    assert!(
        out.status.success(),
        "the built-in pack is valid: {}",
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(text.contains(": OK"), "{text}");
    for line in [
        "capability     49",
        "perspective     6",
        "stage           4",
        "references",
    ] {
        assert!(text.contains(line), "the summary lists `{line}`:\n{text}");
    }
}

#[test]
fn check_json_is_machine_readable() {
    let out = atlas(&["check", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let caps = v["nodes_by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == "capability")
        .unwrap();
    assert_eq!(caps[1], 49);
}

#[test]
fn check_loads_any_pack_in_the_same_format() {
    let dir = repo().join("content/examples/kitchen");
    let out = atlas(&["check", "--content", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Shared Kitchen Practices"));
    assert!(stdout(&out).contains("7 nodes"));
}

/// One broken copy of the example pack per class of problem, with where it must be reported.
#[test]
fn check_fails_on_bad_content_naming_file_and_line() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "nodes/stock.md",
            "order = 2",
            "order = ",
            "nodes/stock.md:7:",
        ),
        (
            "nodes/stock.md",
            "kind = \"area\"",
            "kind = \"aera\"",
            "nodes/stock.md:3: unknown kind",
        ),
        (
            "nodes/stock.md",
            "order = 2",
            "order = 2\ncolour = 1",
            "nodes/stock.md:8: unknown field",
        ),
        (
            "nodes/wipe-down.md",
            "\"kitchen-steward\"",
            "\"kitchen-stewart\"",
            "nodes/wipe-down.md:7:",
        ),
        (
            "nodes/stock-list.md",
            "area = \"stock\"",
            "area = \"kitchen-steward\"",
            "nodes/stock-list.md:6:",
        ),
        (
            "nodes/stock.md",
            "id = \"stock\"",
            "id = \"hygiene\"",
            "nodes/stock.md:2: the id `hygiene` is already used",
        ),
    ];
    for (file, from, to, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("content/examples/kitchen"), dir.path());
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        let out = atlas(&["check", "--content", dir.path().to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "a broken pack fails the check ({expected})"
        );
        assert!(
            stderr(&out).contains(expected),
            "expected `{expected}` in:\n{}",
            stderr(&out)
        );
    }
}

#[test]
fn check_on_a_missing_folder_says_so() {
    let out = atlas(&["check", "--content", "/nonexistent/pack"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `atlas` against its own data folder.
fn atlas_in(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--data-dir", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    atlas(&all)
}

#[test]
fn org_assess_history_snapshot_compare_round_trip_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(atlas_in(d, &["org", "create", "Acme"]).status.success());
    let dup = atlas_in(d, &["org", "create", "Acme"]);
    assert!(
        !dup.status.success() && stderr(&dup).contains("already exists"),
        "{}",
        stderr(&dup)
    );
    let out = atlas_in(
        d,
        &[
            "assess",
            "Acme",
            "data-curation",
            "--current",
            "2",
            "--target",
            "4",
            "--note",
            "Catalogue exists",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("current 2 target 4"));
    assert!(atlas_in(d, &["snapshot", "Acme", "Q1"]).status.success());
    atlas_in(d, &["assess", "1", "data-curation", "--current", "3"]);
    let cmp = atlas_in(d, &["compare", "Acme", "Q1", "now"]);
    assert!(
        stdout(&cmp).contains("Data curation: current +1 target +0"),
        "{}",
        stdout(&cmp)
    );
    let json = atlas_in(d, &["compare", "Acme", "Q1", "now", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("--json prints JSON");
    assert_eq!(v["capabilities"][0]["current_delta"], 1);
    let history = stdout(&atlas_in(d, &["history", "Acme", "data-curation"]));
    assert!(
        history.contains("data-curation.current: 2 -> 3"),
        "{history}"
    );
    let list = stdout(&atlas_in(d, &["org", "list"]));
    assert!(list.contains("Acme"), "{list}");
}

#[test]
fn assess_refuses_bad_input_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let out = atlas_in(d, &["assess", "Acme", "data-curation", "--current", "9"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("current") && stderr(&out).contains("maturity scale"),
        "{}",
        stderr(&out)
    );
    let out = atlas_in(d, &["assess", "Acme", "nope", "--current", "1"]);
    assert!(
        !out.status.success() && stderr(&out).contains("not a capability"),
        "{}",
        stderr(&out)
    );
    let out = atlas_in(d, &["assess", "Nobody", "data-curation", "--current", "1"]);
    assert!(
        !out.status.success() && stderr(&out).contains("no organisation"),
        "{}",
        stderr(&out)
    );
}

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
fn search_json_ranks_the_misspelt_capability_first() {
    let out = atlas(&["search", "data", "curaton", "--json", "--limit", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("a JSON array");
    let first = &hits[0];
    assert_eq!(first["id"], "data-curation");
    for key in ["id", "kind", "title", "score", "snippet"] {
        assert!(!first[key].is_null(), "each result has `{key}`");
    }
}

#[test]
fn search_filters_by_kind_and_perspective() {
    let out = atlas(&[
        "search",
        "data",
        "--kind",
        "capability",
        "--perspective",
        "security",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h["kind"] == "capability" && h["perspective"] == "Security"),
        "{hits:?}"
    );
}

#[test]
fn show_prints_links_and_backlinks() {
    let out = atlas(&["show", "responsible-use-of-ai"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Responsible use of AI"), "{text}");
    assert!(
        text.contains("Linked from:") && text.contains("Risk management (risk-management)"),
        "{text}"
    );
}

#[test]
fn unknown_ids_suggest_the_nearest() {
    let out = atlas(&["show", "data-curaton"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `data-curation`"),
        "{}",
        stderr(&out)
    );
    let out = atlas(&["path", "cisco", "ml-fluency"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did you mean `ciso`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn path_lists_the_edges_between_two_nodes() {
    let out = atlas(&["path", "risk-management", "responsible-use-of-ai"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 step from Risk management to Responsible use of AI"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("—references→"), "{}", stdout(&out));
    let json = atlas(&["path", "ciso", "ml-fluency", "--json"]);
    let edges: Vec<serde_json::Value> = serde_json::from_str(&stdout(&json)).unwrap();
    assert!(edges.len() >= 2);
}

#[test]
fn org_subcommands_explain_themselves_in_help() {
    let out = atlas(&["org", "--help"]);
    let text = stdout(&out);
    for (cmd, words) in [
        ("list", "List organisations"),
        ("create", "Create an organisation"),
        ("rename", "Rename an organisation"),
        ("describe", "description"),
        ("delete", "Delete an organisation"),
        ("restore", "Bring back a deleted organisation"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(cmd) && l.contains(words)),
            "`atlas org --help` explains `{cmd}`:\n{text}"
        );
    }
    let rename = stdout(&atlas(&["org", "rename", "--help"]));
    assert!(
        rename.contains("The organisation's name or id") && rename.contains("The new name"),
        "the arguments of `org rename` are documented:\n{rename}"
    );
}

#[test]
fn describe_shows_up_in_org_list() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let out = atlas_in(d, &["org", "describe", "Acme", "Rockets and anvils"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&atlas_in(d, &["org", "list"]));
    assert!(
        list.contains("Acme\tRockets and anvils"),
        "the description is listed next to the name:\n{list}"
    );
    let history = stdout(&atlas_in(d, &["history", "Acme"]));
    assert!(
        history.contains("organisation.description: \"\" -> \"Rockets and anvils\""),
        "describing is recorded in the history:\n{history}"
    );
}

#[test]
fn delete_then_restore_brings_the_org_and_its_assessments_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    atlas_in(d, &["assess", "Acme", "data-curation", "--current", "2"]);
    assert!(atlas_in(d, &["org", "delete", "Acme"]).status.success());
    assert!(!stdout(&atlas_in(d, &["org", "list"])).contains("Acme"));
    let deleted = stdout(&atlas_in(d, &["org", "list", "--deleted"]));
    assert!(
        deleted.contains("Acme"),
        "deleted orgs can be listed:\n{deleted}"
    );

    let out = atlas_in(d, &["org", "restore", "Acme"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("restored organisation"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&atlas_in(d, &["org", "list"])).contains("Acme"));
    assert!(!stdout(&atlas_in(d, &["org", "list", "--deleted"])).contains("Acme"));
    let csv = stdout(&atlas_in(d, &["export", "Acme", "--format", "csv"]));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Acme,data-curation,Data curation,,2,")),
        "the assessment survived the delete and restore:\n{csv}"
    );
    let history = stdout(&atlas_in(d, &["history", "Acme"]));
    assert!(
        history.contains("organisation.deleted: false -> true")
            && history.contains("organisation.deleted: true -> false"),
        "both the delete and the restore are in the history:\n{history}"
    );
}

#[test]
fn undo_brings_back_a_deleted_org_and_redo_deletes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    atlas_in(d, &["org", "delete", "Acme"]);
    let out = atlas_in(d, &["undo", "Acme"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("undid") && stdout(&out).contains("deleted"),
        "undo says what it undid: {}",
        stdout(&out)
    );
    assert!(stdout(&atlas_in(d, &["org", "list"])).contains("Acme"));
    assert!(atlas_in(d, &["redo", "Acme"]).status.success());
    assert!(!stdout(&atlas_in(d, &["org", "list"])).contains("Acme"));
}

#[test]
fn undo_reverts_an_assessment_and_redo_reapplies_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    atlas_in(d, &["assess", "Acme", "data-curation", "--current", "2"]);
    atlas_in(d, &["assess", "Acme", "data-curation", "--current", "3"]);
    let current = |d: &Path| {
        let json = atlas_in(d, &["export", "Acme"]);
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("export is JSON");
        v["organisations"][0]["assessments"]["data-curation"]["current"].clone()
    };

    let out = atlas_in(d, &["undo", "Acme"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("undid") && stdout(&out).contains("data-curation (current)"),
        "undo names the capability and field: {}",
        stdout(&out)
    );
    assert_eq!(current(d), 2, "undo puts back the previous value");

    let out = atlas_in(d, &["redo", "Acme"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("redid"), "{}", stdout(&out));
    assert_eq!(current(d), 3, "redo re-applies the undone value");

    let out = atlas_in(d, &["redo", "Acme"]);
    assert!(
        !out.status.success() && stderr(&out).contains("nothing to redo"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn org_commands_name_the_unknown_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    for args in [
        &["org", "rename", "Nobody", "X"][..],
        &["org", "describe", "Nobody", "text"],
        &["org", "delete", "Nobody"],
        &["org", "restore", "Nobody"],
        &["undo", "Nobody"],
        &["redo", "Nobody"],
    ] {
        let out = atlas_in(d, args);
        assert!(
            !out.status.success() && stderr(&out).contains("`Nobody`"),
            "`atlas {}` names the unknown organisation: {}",
            args.join(" "),
            stderr(&out)
        );
    }
    let out = atlas_in(d, &["org", "restore", "Acme"]);
    assert!(
        !out.status.success() && stderr(&out).contains("no deleted organisation is named `Acme`"),
        "restoring a live org says it is not deleted: {}",
        stderr(&out)
    );
}

#[test]
fn undoing_a_creation_hides_the_org_instead_of_naming_it_null() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    assert!(atlas_in(d, &["undo", "Acme"]).status.success());
    let list = stdout(&atlas_in(d, &["org", "list"]));
    assert!(
        !list.contains("Acme") && !list.contains("null"),
        "an undone creation leaves no organisation behind:\n{list}"
    );
    assert!(atlas_in(d, &["redo", "Acme"]).status.success());
    let list = stdout(&atlas_in(d, &["org", "list"]));
    assert!(list.contains("1\tAcme"), "redo creates it again:\n{list}");
}

#[test]
fn bringing_back_an_org_whose_name_was_taken_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    atlas_in(d, &["org", "delete", "Acme"]);
    atlas_in(d, &["org", "create", "Acme"]);
    for args in [&["org", "restore", "Acme"][..], &["undo", "1"]] {
        let out = atlas_in(d, args);
        assert!(
            !out.status.success()
                && stderr(&out).contains("an organisation named `Acme` already exists"),
            "`atlas {}` names the clash instead of a database error: {}",
            args.join(" "),
            stderr(&out)
        );
    }
    let list = stdout(&atlas_in(d, &["org", "list"]));
    assert_eq!(list.matches("Acme").count(), 1, "nothing changed:\n{list}");
}

#[test]
fn assess_records_only_the_flags_given_and_leaves_the_other_fields_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    atlas_in(d, &["org", "create", "Acme"]);
    let first = atlas_in(
        d,
        &[
            "assess",
            "Acme",
            "data-curation",
            "--current",
            "2",
            "--note",
            "Kept",
        ],
    );
    assert!(first.status.success(), "{}", stderr(&first));
    let second = atlas_in(d, &["assess", "Acme", "data-curation", "--target", "4"]);
    assert!(
        stdout(&second).contains("current 2 target 4"),
        "the maturity set before stays: {}",
        stdout(&second)
    );
    let history = stdout(&atlas_in(d, &["history", "Acme", "data-curation"]));
    let fields: Vec<&str> = history
        .lines()
        .filter_map(|l| l.split("data-curation.").nth(1))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert_eq!(
        fields,
        vec!["current", "notes", "target"],
        "each command records exactly the fields whose flags it was given:\n{history}"
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
    assert!(
        !out.status.success() && stderr(&out).contains("larger than the 32 MiB"),
        "{}",
        stderr(&out)
    );
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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
    assert!(
        !out.status.success() && stderr(&out).contains("schema version is -1"),
        "{}",
        stderr(&out)
    );
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
