//! Organisations and their assessments: `atlas org`, `assess`, `history`, `snapshot`, `compare`, `undo`, `redo`.

use crate::support::*;
use std::path::Path;

#[test]
fn org_assess_history_snapshot_compare_round_trip_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(atlas_in(d, &["org", "create", "Acme"]).status.success());
    let dup = atlas_in(d, &["org", "create", "Acme"]);
    fails_saying(&dup, "already exists");
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
        history.contains("data-curation.current: current maturity 2 → 3"),
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
    fails_saying(&out, "not a capability");
    let out = atlas_in(d, &["assess", "Nobody", "data-curation", "--current", "1"]);
    fails_saying(&out, "no organisation");
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
        history.contains("organisation.description: description empty → “Rockets and anvils”"),
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
        history.contains("organisation.deleted: deleted no → yes")
            && history.contains("organisation.deleted: deleted yes → no"),
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
    fails_saying(&out, "nothing to redo");
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
