//! Search over the real pack: relevance measured on a checked-in query set, the behaviours a
//! person expects without learning syntax, and notes becoming searchable as they are saved.

use crate::support::caf_ai;
use atlas_core::search::{NoteDoc, SearchIndex, SearchOptions};
use serde::Deserialize;
use std::sync::OnceLock;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(caf_ai()).expect("the index builds"))
}

fn ids(q: &str, limit: usize) -> Vec<String> {
    let opts = SearchOptions {
        limit,
        ..Default::default()
    };
    index()
        .search(q, &opts)
        .expect("search runs")
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[derive(Deserialize)]
struct QuerySet {
    query: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    q: String,
    expect: Vec<String>,
}

#[test]
fn recall_at_3_on_the_query_set_is_at_least_90_percent() {
    let set: QuerySet =
        toml::from_str(include_str!("search_queries.toml")).expect("query set parses");
    assert!(set.query.len() >= 40, "the set has at least 40 queries");
    let (mut found, mut total) = (0, 0);
    let mut misses = Vec::new();
    for case in &set.query {
        let top = ids(&case.q, 3);
        for want in &case.expect {
            assert!(
                caf_ai().node(want).is_some(),
                "the query set names a real node: {want}"
            );
            total += 1;
            if top.contains(want) {
                found += 1;
            } else {
                misses.push(format!("{:?} → {want} not in {top:?}", case.q));
            }
        }
    }
    let recall = found as f64 / total as f64;
    println!("recall@3 = {found}/{total} = {:.1}%", recall * 100.0);
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        recall >= 0.9,
        "recall@3 is {:.1}%, below 90%:\n{}",
        recall * 100.0,
        misses.join("\n")
    );
}

#[test]
fn results_carry_what_the_ui_shows() {
    let hits = index()
        .search(
            "data curaton",
            &SearchOptions {
                limit: 5,
                ..Default::default()
            },
        )
        .unwrap();
    let top = &hits[0];
    assert_eq!(top.id, "data-curation");
    assert_eq!(top.kind, "capability");
    assert_eq!(top.title, "Data curation");
    assert_eq!(top.perspective.as_deref(), Some("Governance"));
    assert!(top.score > 0.0);
    assert!(
        top.snippet.contains("<mark>"),
        "the matched word is marked: {}",
        top.snippet
    );
}

#[test]
fn every_word_must_match() {
    let both = ids("prompt injection", 50);
    let one = ids("prompt", 50);
    assert!(both.len() < one.len(), "adding a word narrows the results");
}

#[test]
fn filters_narrow_by_kind_perspective_and_stakeholder() {
    let opts = SearchOptions {
        limit: 50,
        ..Default::default()
    };
    for hit in index().search("kind:concept data", &opts).unwrap() {
        assert_eq!(hit.kind, "concept");
    }
    for hit in index().search("perspective:security data", &opts).unwrap() {
        assert_eq!(hit.perspective.as_deref(), Some("Security"), "{}", hit.id);
    }
    let ciso = ids("stakeholder:ciso", 100);
    assert!(
        ciso.contains(&"threat-detection".to_string()),
        "the CISO's lens includes threat detection"
    );
    assert!(
        !ciso.contains(&"culture-evolution".to_string()),
        "but not culture evolution"
    );
    let cli = SearchOptions {
        limit: 50,
        kind: Some("capability".into()),
        perspective: Some("Platform".into()),
    };
    let hits = index().search("data", &cli).unwrap();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.kind == "capability" && h.perspective.as_deref() == Some("Platform")));
}

#[test]
fn any_input_is_accepted() {
    for q in [
        "",
        "\"",
        "kind:",
        "((((",
        "AND OR NOT",
        "title:x^2",
        "🙂",
        "\"unterminated",
        "a:b:c",
        "-",
    ] {
        index()
            .search(q, &SearchOptions::default())
            .unwrap_or_else(|e| panic!("{q:?} must not fail: {e}"));
    }
    assert!(ids("zzqxv", 10).is_empty(), "nonsense finds nothing");
}

#[test]
fn snippets_are_escaped() {
    for hit in index()
        .search(
            "data",
            &SearchOptions {
                limit: 50,
                ..Default::default()
            },
        )
        .unwrap()
    {
        let without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !without_marks.contains('<'),
            "snippet text is escaped: {}",
            hit.snippet
        );
    }
}

#[test]
fn a_saved_note_is_searchable_within_50_ms() {
    let fw = caf_ai();
    let mut index = SearchIndex::build(fw).unwrap();
    let note = |text| NoteDoc {
        org_id: "1",
        org_name: "Acme",
        capability_id: "data-curation",
        text,
    };
    let started = std::time::Instant::now();
    index
        .upsert_note(fw, note("Our lakehouse **quarantine** process"))
        .unwrap();
    let hits = index
        .search("quarantine org:acme", &SearchOptions::default())
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(hits.len(), 1, "the note is found by its organisation");
    assert_eq!(hits[0].kind, "note");
    assert_eq!(hits[0].id, "data-curation");
    assert_eq!(hits[0].org.as_deref(), Some("Acme"));
    assert!(
        elapsed.as_millis() < 50,
        "saving and finding a note took {elapsed:?}"
    );
    index.upsert_note(fw, note("")).unwrap();
    assert!(
        index
            .search("quarantine org:acme", &SearchOptions::default())
            .unwrap()
            .is_empty(),
        "an emptied note is gone"
    );
}
