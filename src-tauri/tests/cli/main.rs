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
