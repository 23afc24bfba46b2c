//! Short smoke runs of the fuzz targets' bodies (`atlas_core::fuzzing`): the seeds in
//! `fuzz/seeds/<target>/`, then a few hundred mutations of them, each of which must neither
//! break an invariant nor take longer than `INPUT_BUDGET`. The long runs are
//! `cargo fuzz run <target>` in `src-tauri/core/fuzz`.

use atlas_core::fuzzing::{self, INPUT_BUDGET};
use atlas_core::limits::echo;
use atlas_core::synthetic::Rng;
use std::path::Path;
use std::time::Instant;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seeds of `{target}` are in {}: {e}", dir.display()))
        .flatten()
        .map(|e| std::fs::read(e.path()).unwrap())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "`{target}` needs seeds to mutate");
    seeds
}

/// The seeds as they are, then `rounds` mutations: bytes changed, inserted (often one of
/// `tokens`, which the format gives meaning), removed, duplicated or cut.
fn smoke(target: &str, rounds: usize, tokens: &[&[u8]], run: fn(&[u8])) {
    let seeds = seeds(target);
    let mut rng = Rng::new(13);
    let mut inputs = seeds.clone();
    for round in 0..rounds {
        let mut data = seeds[round % seeds.len()].clone();
        for _ in 0..=rng.below(8) {
            let len = data.len();
            let at = rng.below(len.max(1)).min(len);
            match rng.below(5) {
                0 if len > 0 => data[at.min(len - 1)] = rng.below(256) as u8,
                1 => {
                    let token = tokens[rng.below(tokens.len())];
                    data.splice(at..at, token.iter().copied());
                }
                2 if len > 0 => {
                    data.drain(at..(at + rng.below(32)).min(len));
                }
                3 => {
                    let end = (at + rng.below(64)).min(len);
                    let copy = data[at..end].to_vec();
                    data.splice(at..at, copy.into_iter().cycle().take(rng.below(4096)));
                }
                _ => data.truncate(at),
            }
        }
        inputs.push(data);
    }
    // The first input pays for loading the pack and building the index, once per process.
    run(b"");
    for data in inputs {
        let started = Instant::now();
        run(&data);
        let took = started.elapsed();
        assert!(
            took < INPUT_BUDGET,
            "`{target}` took {took:?} on one input, over the {INPUT_BUDGET:?} any input may \
             take (the app would hang as long): {}",
            echo(&String::from_utf8_lossy(&data))
        );
    }
}

#[test]
fn fuzz_smoke_import_files_are_all_or_nothing_and_read_back() {
    smoke(
        "import",
        300,
        &[
            b"\"",
            b",",
            b"{}",
            b"[]",
            b"null",
            b"\"data-curation\"",
            b"\"notes\": \"<script>x</script>\"",
            b"\"current\": 9",
            b"\\u0000",
        ],
        fuzzing::import,
    );
}

#[test]
fn fuzz_smoke_tour_files_never_panic_and_round_trip() {
    smoke(
        "tour_file",
        400,
        &[
            b"\n",
            b"\"",
            b"\"\"\"",
            b"[[steps]]\nnode = \"security\"\n",
            b"depth = 3\n",
            b"view = \"map\"\n",
            b"notes = \"<img src=x onerror=alert(1)>[x](javascript:alert(1))\"\n",
            b"> ",
            b"- ",
        ],
        fuzzing::tour_file,
    );
}

#[test]
fn fuzz_smoke_search_queries_are_answered_unless_over_the_length_limit() {
    smoke(
        "search_query",
        600,
        &[
            b"\"",
            b"kind:",
            b"perspective:",
            b"stakeholder:",
            b"org:",
            b"-",
            b"*",
            b" ",
            b"<mark>",
            b"\xff",
        ],
        fuzzing::search_query,
    );
}
