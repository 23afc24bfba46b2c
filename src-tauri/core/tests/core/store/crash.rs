//! The crash test: two writer processes edit the same organisation at once, each owning some
//! fields of overlapping capabilities, and are SIGKILLed at random moments; afterwards the
//! database must pass `PRAGMA integrity_check`, hold every write either writer acknowledged,
//! and show no field of one writer reverted by the other.

use crate::support::caf_ai;
use atlas_core::store::{Assessment, Priority, Store};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;
use std::time::Duration;

const KILLS: u64 = 100;
/// Where writer `b`'s capabilities start (see `store-crash-writer`).
const B_OFFSET: u64 = 9;
const PRIORITIES: [Priority; 4] = [
    Priority::Low,
    Priority::Medium,
    Priority::High,
    Priority::Critical,
];

/// A small xorshift generator: random enough to spread the kills, with no extra dependency.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// Starts a writer and a thread that returns the last write it acknowledged.
fn spawn(dir: &std::path::Path, start: u64, role: &str) -> (Child, JoinHandle<Option<u64>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_store-crash-writer"))
        .arg(dir)
        .arg(start.to_string())
        .arg(role)
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
    (child, reader)
}

/// The write number a writer left in a field ("write N"), or 0.
fn written(text: Option<&String>) -> u64 {
    text.and_then(|t| t.strip_prefix("write "))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Writer `a`'s fields: its newest write to each capability holds, and its maturity matches
/// that write (writer `b` never wrote it back from a stale copy).
fn check_a(round: u64, caps: &[String], found: &dyn Fn(&str) -> Assessment, from: u64, last: u64) {
    let span = caps.len() as u64;
    for n in from.max(last.saturating_sub(span - 1))..=last {
        let cap = &caps[(n % span) as usize];
        let a = found(cap);
        let stored = written(Some(&a.notes));
        assert!(
            stored >= n,
            "round {round}: writer a's acknowledged write {n} to {cap} was lost or reverted (notes {:?})",
            a.notes
        );
        assert_eq!(
            a.current,
            Some((stored % 6) as u8),
            "round {round}: {cap}'s current maturity must be the one writer a saved with its notes"
        );
    }
}

/// Writer `b`'s fields, likewise: tags, target and priority of its newest write.
fn check_b(round: u64, caps: &[String], found: &dyn Fn(&str) -> Assessment, from: u64, last: u64) {
    let span = caps.len() as u64 - B_OFFSET;
    for n in from.max(last.saturating_sub(span - 1))..=last {
        let cap = &caps[(B_OFFSET + n % span) as usize];
        let a = found(cap);
        let stored = written(a.tags.first());
        assert!(
            stored >= n,
            "round {round}: writer b's acknowledged write {n} to {cap} was lost or reverted (tags {:?})",
            a.tags
        );
        assert_eq!(
            (a.target, a.priority),
            (Some((stored % 6) as u8), Some(PRIORITIES[(stored % 4) as usize])),
            "round {round}: {cap}'s target and priority must be the ones writer b saved with its tags"
        );
    }
}

#[test]
fn two_writers_keep_each_others_acknowledged_fields_through_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().unwrap();
    let caps: Vec<String> = caf_ai()
        .nodes_of_kind("capability")
        .iter()
        .map(|n| n.id.clone())
        .collect();
    // Created here so that the two writers do not race to create the database.
    let org = {
        let mut store = Store::open(dir.path(), "checker").unwrap();
        store.create_organisation("Crash").unwrap().id
    };
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let (mut start_a, mut start_b) = (0u64, 0u64);
    let (mut acknowledged_a, mut acknowledged_b) = (0u64, 0u64);
    for round in 0..KILLS {
        let (mut a, read_a) = spawn(dir.path(), start_a, "a");
        let (mut b, read_b) = spawn(dir.path(), start_b, "b");
        std::thread::sleep(Duration::from_millis(20 + next(&mut seed) % 120));
        // One of them at random first; the other a moment later, mid-write as likely as not.
        let (first, second) = if next(&mut seed).is_multiple_of(2) {
            (&mut a, &mut b)
        } else {
            (&mut b, &mut a)
        };
        first.kill().expect("SIGKILL");
        std::thread::sleep(Duration::from_millis(next(&mut seed) % 30));
        second.kill().expect("SIGKILL");
        a.wait().unwrap();
        b.wait().unwrap();
        let (last_a, last_b) = (read_a.join().unwrap(), read_b.join().unwrap());

        let store = Store::open(dir.path(), "checker").expect("the database opens after a kill");
        assert_eq!(
            store.integrity_check().unwrap(),
            "ok",
            "round {round}: the database must stay intact"
        );
        let found = |cap: &str| store.assessment(org, cap).unwrap();
        if let Some(last) = last_a {
            check_a(round, &caps, &found, start_a, last);
            acknowledged_a += last + 1 - start_a;
        }
        if let Some(last) = last_b {
            check_b(round, &caps, &found, start_b, last);
            acknowledged_b += last + 1 - start_b;
        }
        start_a = last_a.map_or(start_a + 1, |l| l + 2);
        start_b = last_b.map_or(start_b + 1, |l| l + 2);
    }
    assert!(
        acknowledged_a > KILLS && acknowledged_b > KILLS,
        "both writers must have made progress between kills (a {acknowledged_a}, b {acknowledged_b})"
    );
    let store = Store::open(dir.path(), "checker").unwrap();
    for h in store.history(org, None).unwrap() {
        let own: &[&str] = match h.author.as_str() {
            "crash-writer a" => &["notes", "current"],
            "crash-writer b" => &["tags", "target", "priority"],
            _ => &["name"],
        };
        assert!(
            own.contains(&h.field.as_str()),
            "{} recorded a change to `{}`, a field it never edited: history must hold only what each writer changed",
            h.author,
            h.field
        );
    }
}
