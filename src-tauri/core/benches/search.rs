//! Search benchmark: content loading, index build and query latency on CAF-AI and on a
//! generated 10,000-node pack, side by side with SQLite FTS5 over the same documents and
//! queries. Prints a table; never fails on timing (these machines are shared and noisy, so
//! the figures are medians and percentiles, and the FTS5 ratio is taken in the same run).
//!
//! Run with `make bench` (or `cargo bench -p atlas-core --bench search`).

use atlas_core::search::{SearchIndex, SearchOptions};
use atlas_core::{markdown, synthetic, Framework};
use criterion::Criterion;
use rusqlite::Connection;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Queries as people type them: full words, half-typed words, typos, filters.
const QUERIES: &[&str] = &[
    "data curation",
    "data curaton",
    "responsible us",
    "ciso",
    "mlops",
    "prompt inj",
    "model drift",
    "governance",
    "cost of training",
    "foundation models",
    "risk",
    "security data",
    "human in the loop",
    "zero etl",
    "culture",
    "workforce talent",
    "kind:concept data",
    "perspective:security data",
    "platform architecture",
    "incident",
];

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn time_each(runs: usize, mut f: impl FnMut(usize)) -> Vec<Duration> {
    let mut v: Vec<Duration> = (0..runs)
        .map(|i| {
            let t = Instant::now();
            f(i);
            t.elapsed()
        })
        .collect();
    v.sort();
    v
}

/// The same documents in an FTS5 table, with the same field weights as the tantivy index.
fn fts5(fw: &Framework) -> Connection {
    let db = Connection::open_in_memory().unwrap();
    db.execute_batch(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, aliases, tagline, body, tokenize = 'porter unicode61');",
    )
    .unwrap();
    let tx = db.unchecked_transaction().unwrap();
    {
        let mut ins = tx
            .prepare("INSERT INTO docs VALUES (?1, ?2, ?3, ?4, ?5)")
            .unwrap();
        for n in fw.nodes() {
            ins.execute((
                &n.id,
                &n.title,
                n.aliases.join(" "),
                &n.tagline,
                markdown::plain_text(&n.body),
            ))
            .unwrap();
        }
    }
    tx.commit().unwrap();
    db
}

/// The query as FTS5 can express it: words AND-ed, the last one a prefix; FTS5 has no typo
/// tolerance, so it is doing less work than tantivy here.
fn fts5_query(input: &str) -> Option<String> {
    let q = atlas_core::search::parse(input);
    if q.words.is_empty() {
        return None;
    }
    let last = q.words.len() - 1;
    Some(
        q.words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if i == last && q.last_is_prefix {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" AND "),
    )
}

fn fts5_search(db: &Connection, q: &str) -> usize {
    let Some(m) = fts5_query(q) else { return 0 };
    let mut st = db
        .prepare_cached(
            "SELECT id, snippet(docs, 4, '<mark>', '</mark>', '…', 24) FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 0.0, 3.0, 3.0, 1.5, 1.0) LIMIT 20",
        )
        .unwrap();
    let rows = st.query_map([m], |r| r.get::<_, String>(0)).unwrap();
    rows.count()
}

struct Row {
    pack: String,
    nodes: usize,
    load: Duration,
    build: Duration,
    t50: Duration,
    t99: Duration,
    f50: Duration,
    f99: Duration,
}

fn measure(name: &str, fw: &Framework, load: Duration) -> Row {
    let builds = time_each(5, |_| {
        black_box(SearchIndex::build(fw).unwrap());
    });
    let index = SearchIndex::build(fw).unwrap();
    let db = fts5(fw);
    let opts = SearchOptions {
        limit: 20,
        ..Default::default()
    };
    // Warm both engines once so neither pays first-use costs in the measurement.
    for q in QUERIES {
        black_box(index.search(q, &opts).unwrap());
        black_box(fts5_search(&db, q));
    }
    let rounds = 25;
    let t = time_each(QUERIES.len() * rounds, |i| {
        black_box(index.search(QUERIES[i % QUERIES.len()], &opts).unwrap());
    });
    let f = time_each(QUERIES.len() * rounds, |i| {
        black_box(fts5_search(&db, QUERIES[i % QUERIES.len()]));
    });
    Row {
        pack: name.to_string(),
        nodes: fw.node_count(),
        load,
        build: builds[builds.len() / 2],
        t50: percentile(&t, 0.5),
        t99: percentile(&t, 0.99),
        f50: percentile(&f, 0.5),
        f99: percentile(&f, 0.99),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let caf = atlas_core::load_builtin().expect("built-in pack");
    let loads = time_each(20, |_| {
        black_box(atlas_core::load_builtin().unwrap());
    });

    let dir = tempfile::tempdir().unwrap();
    let words = synthetic::vocabulary(&caf);
    synthetic::write_pack(dir.path(), 10_000, 7, &words).unwrap();
    let big_loads = time_each(3, |_| {
        black_box(atlas_core::load_dir(dir.path()).unwrap());
    });
    let big = atlas_core::load_dir(dir.path()).expect("the synthetic pack is valid");

    // Criterion's own statistics for the headline operations.
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    c.bench_function("load CAF-AI pack", |b| {
        b.iter(|| atlas_core::load_builtin().unwrap())
    });
    let caf_index = SearchIndex::build(&caf).unwrap();
    c.bench_function("query CAF-AI (typo)", |b| {
        b.iter(|| {
            caf_index
                .search(
                    "data curaton",
                    &SearchOptions {
                        limit: 20,
                        ..Default::default()
                    },
                )
                .unwrap()
        })
    });
    let big_index = SearchIndex::build(&big).unwrap();
    c.bench_function("query 10k (prefix)", |b| {
        b.iter(|| {
            big_index
                .search(
                    "governance data cur",
                    &SearchOptions {
                        limit: 20,
                        ..Default::default()
                    },
                )
                .unwrap()
        })
    });

    let rows = [
        measure("CAF-AI", &caf, loads[loads.len() / 2]),
        measure("synthetic", &big, big_loads[1]),
    ];
    println!();
    println!(
        "Search benchmark (medians; query latency over {} queries × 25 rounds)",
        QUERIES.len()
    );
    println!(
        "{:<10} {:>6} {:>9} {:>10} {:>11} {:>11} {:>10} {:>10} {:>12}",
        "pack",
        "nodes",
        "load ms",
        "build ms",
        "tantivy p50",
        "tantivy p99",
        "fts5 p50",
        "fts5 p99",
        "fts5/tantivy"
    );
    for r in &rows {
        println!(
            "{:<10} {:>6} {:>9} {:>10} {:>11} {:>11} {:>10} {:>10} {:>11.1}×",
            r.pack,
            r.nodes,
            ms(r.load),
            ms(r.build),
            ms(r.t50),
            ms(r.t99),
            ms(r.f50),
            ms(r.f99),
            r.f50.as_secs_f64() / r.t50.as_secs_f64()
        );
    }
    let big = &rows[1];
    println!();
    println!(
        "goals: CAF-AI load < 50 ms: {}",
        if rows[0].load.as_millis() < 50 {
            "met"
        } else {
            "missed"
        }
    );
    println!(
        "       p99 ≤ 2 ms on 10,000 nodes: {}",
        if big.t99 <= Duration::from_millis(2) {
            "met"
        } else {
            "missed"
        }
    );
    println!(
        "       tantivy ≥ 5× faster than FTS5 at p50: {}",
        if big.f50.as_secs_f64() >= 5.0 * big.t50.as_secs_f64() {
            "met"
        } else {
            "missed"
        }
    );
}
