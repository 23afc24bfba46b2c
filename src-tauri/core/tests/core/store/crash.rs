//! The crash test: a writer process is SIGKILLed at random moments; afterwards the database
//! must pass `PRAGMA integrity_check` and hold every write the writer acknowledged.

use crate::support::caf_ai;
use atlas_core::store::Store;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const KILLS: u64 = 100;

/// A small xorshift generator: random enough to spread the kills, with no extra dependency.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn acknowledged_writes_survive_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().unwrap();
    let caps: Vec<String> = caf_ai()
        .nodes_of_kind("capability")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut start = 0u64;
    let mut acknowledged_total = 0u64;
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_store-crash-writer"))
            .arg(dir.path())
            .arg(start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the writer starts");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = None;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("ok ") {
                    last = n.parse::<u64>().ok();
                }
            }
            last
        });
        std::thread::sleep(Duration::from_millis(20 + next(&mut seed) % 120));
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        let last = reader.join().unwrap();

        let store = Store::open(dir.path(), "checker").expect("the database opens after a kill");
        assert_eq!(
            store.integrity_check().unwrap(),
            "ok",
            "round {round}: the database must stay intact"
        );
        if let Some(last) = last {
            let org = store
                .find_organisation("Crash")
                .expect("the organisation survived")
                .id;
            // Each capability's note holds the newest write to it, which is at least the
            // newest acknowledged one.
            for n in start.max(last.saturating_sub(caps.len() as u64 - 1))..=last {
                let cap = &caps[(n % caps.len() as u64) as usize];
                let note = store.assessment(org, cap).unwrap().notes;
                let stored: u64 = note.trim_start_matches("write ").parse().unwrap_or(0);
                assert!(
                    stored >= n,
                    "round {round}: acknowledged write {n} to {cap} was lost (found {note:?})"
                );
            }
            acknowledged_total += last + 1 - start;
        }
        start = last.map_or(start + 1, |l| l + 2);
    }
    assert!(
        acknowledged_total > KILLS,
        "the writer must have made progress between kills"
    );
}
