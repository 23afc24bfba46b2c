//! `atlas --version` and `atlas check`: a pack is reported by kind, and every problem with its file and line.

use crate::support::*;

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

#[test]
fn check_mapping_prints_the_coverage_of_the_real_mapping() {
    let file = repo().join("content/mappings/caf-ai--nist-ai-rmf.toml");
    let out = atlas(&["check", "--mapping", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "the real mapping is complete: {}",
        stderr(&out)
    );
    let text = stdout(&out);
    for words in [
        "CAF-AI capabilities and the NIST AI RMF: OK",
        "of 49 capability nodes linked",
        "of 72 subcategory nodes linked",
        "by relation:",
        "by status: proposed",
    ] {
        assert!(text.contains(words), "the coverage says `{words}`:\n{text}");
    }
}

#[test]
fn check_mapping_names_file_line_and_the_id_meant() {
    let real = repo().join("content/mappings/caf-ai--nist-ai-rmf.toml");
    let text = std::fs::read_to_string(&real).unwrap();
    let broken = text.replacen("to = \"map-2-2\"", "to = \"map-2-22\"", 1);
    let line = broken[..broken.find("map-2-22").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.toml");
    std::fs::write(&file, broken).unwrap();
    let to = repo().join("content/nist-ai-rmf");
    let out = atlas(&[
        "check",
        "--mapping",
        file.to_str().unwrap(),
        "--to",
        to.to_str().unwrap(),
    ]);
    fails_saying(
        &out,
        &format!(
            "{}:{line}: `to`: no subcategory of `nist-ai-rmf` has the id `map-2-22`; did you mean `map-2-2`?",
            file.display()
        ),
    );
}
