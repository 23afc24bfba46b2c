//! The pack generator used by the benchmarks writes packs the real loader accepts.

use crate::support::caf_ai;
use atlas_core::search::{SearchIndex, SearchOptions};
use atlas_core::synthetic;

#[test]
fn a_generated_pack_loads_and_is_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let words = synthetic::vocabulary(caf_ai());
    assert!(
        words.len() > 1000,
        "the vocabulary comes from the real text"
    );
    let written = synthetic::write_pack(dir.path(), 600, 1, &words).unwrap();
    let fw = atlas_core::load_dir(dir.path())
        .unwrap_or_else(|r| panic!("generated pack must be valid:\n{r}"));
    assert_eq!(fw.node_count(), written);
    assert!(fw.node_count() >= 600);
    let index = SearchIndex::build(&fw).unwrap();
    let title = fw.node("c42").unwrap().title.clone();
    let hits = index
        .search(
            &title,
            &SearchOptions {
                limit: 5,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        hits.iter().any(|h| h.id == "c42"),
        "a capability is found by its title"
    );
}

#[test]
fn generation_is_repeatable() {
    let words = synthetic::vocabulary(caf_ai());
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    synthetic::write_pack(a.path(), 100, 9, &words).unwrap();
    synthetic::write_pack(b.path(), 100, 9, &words).unwrap();
    let read = |d: &std::path::Path| std::fs::read_to_string(d.join("nodes/c10.md")).unwrap();
    assert_eq!(
        read(a.path()),
        read(b.path()),
        "the same seed gives the same pack"
    );
}
