//! `atlas search`, `show` and `path`: reading the framework from a terminal.

use crate::support::*;

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
