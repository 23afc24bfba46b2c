//! What the fuzz targets in `fuzz/` do with one input, kept in the core so that the test suite
//! can smoke-run exactly the same bodies (`tests/core/fuzzing.rs`) without cargo-fuzz.
//!
//! Each entry point takes arbitrary bytes the way a user would hand them to the app — an
//! organisation file to import, a tour file, a search query — and drives them through the same
//! functions the app calls, against the built-in pack. Each panics only when an invariant the
//! app promises breaks: a script survives rendering, an import half-writes, what was imported
//! does not export and read back, search rejects a query or lets markup into a snippet. A hang
//! is caught by the fuzzer's `-timeout=1` and by the smoke runs' `INPUT_BUDGET`.

use crate::api;
use crate::graph::Framework;
use crate::search::{SearchError, SearchIndex, SearchOptions};
use crate::store::Store;
use crate::tours::{self, Tour};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

/// How long any one input may take in any target: the fuzzer runs with `-timeout=1`, and the
/// smoke runs assert the same. An input that takes longer hangs a window in the app.
pub const INPUT_BUDGET: Duration = Duration::from_secs(1);

fn framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| crate::load_builtin().expect("the built-in pack loads"))
}

fn store() -> Store {
    Store::open_in_memory("fuzz").expect("an empty store opens in memory")
}

/// Everything the store holds, as its export: to tell whether a refused import wrote anything.
fn contents(store: &Store) -> String {
    store.export_json(None).expect("the store exports")
}

fn assert_safe_html(html: &str, what: &str) {
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script survived in {what}");
    // In an attribute: as text ("[x](javascript:alert(1(" is no link) it is harmless prose.
    assert!(
        !lower.contains("=\"javascript:"),
        "a javascript: URL survived in {what}"
    );
}

/// `data` as an organisation export file: imported into an empty store, then merged into the
/// result. A refused import leaves the store as it was; an accepted one exports and reads back
/// into another empty store unchanged.
pub fn import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fw = framework();
    let path = Path::new("fuzz.json");
    let mut store = store();
    let empty = contents(&store);
    match store.import_json(fw, path, text, false) {
        Ok(_) => {
            let exported = contents(&store);
            let mut again = self::store();
            again
                .import_json(fw, path, &exported, false)
                .expect("what was imported exports as a file that imports again");
            assert_eq!(
                contents(&again),
                exported,
                "an export read back into an empty store exports the same: no word is lost"
            );
        }
        Err(_) => assert_eq!(
            contents(&store),
            empty,
            "a refused import wrote to the store"
        ),
    }
    let before = contents(&store);
    if store.import_json(fw, path, text, true).is_err() {
        assert_eq!(
            contents(&store),
            before,
            "a refused merge wrote to the store"
        );
    }
}

/// `data` as a tour file: parsed, checked against the pack the way a pack's `tours/` and the
/// app's tour import both check it, rendered as the presenter's tour view, and imported.
pub fn tour_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fw = framework();
    if let Ok(tour) = Tour::parse(text) {
        let lines = tours::NodeLines::new(text);
        let _ = tour.problems(fw, &|id| lines.line_of(id));
        for step in api::tour_view(fw, &tour, false).steps {
            assert_safe_html(&step.notes_html, "a tour's talking points");
        }
    }
    if let Ok(tour) = store().import_tour(fw, text) {
        let file = tour.to_file();
        assert_eq!(
            Tour::parse(&file).as_ref(),
            Ok(&tour),
            "an imported tour exports as a file that reads back the same"
        );
    }
}

/// `data` as a search query against an index of the built-in pack, the way the search box
/// sends it or, when the first byte is odd, the way the CLI sends it with `--kind` and
/// `--perspective` filters. Search rejects nothing but a query over the documented length, and
/// a snippet's only markup is `<mark>`.
pub fn search_query(data: &[u8]) {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| SearchIndex::build(framework()).expect("the index builds"));
    let query = String::from_utf8_lossy(data);
    let opts = match data.first() {
        Some(b) if b % 2 == 1 => SearchOptions {
            limit: 50,
            kind: Some("capability".into()),
            perspective: query.split_whitespace().next().map(str::to_string),
        },
        _ => SearchOptions::default(),
    };
    let hits = match index.search(&query, &opts) {
        Ok(hits) => hits,
        Err(SearchError::QueryTooLong { max }) => {
            assert!(
                query.chars().count() > max,
                "only a query over {max} characters is refused"
            );
            return;
        }
        Err(e) => panic!("search refused a query of a permitted length: {e}"),
    };
    for hit in hits {
        let bare = hit.snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(
            !bare.contains('<'),
            "a snippet carries markup other than <mark>"
        );
    }
}
